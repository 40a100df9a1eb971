import { type Role } from '../../gql/graphql';
import { type StepMutationName } from './step-mutations.graphql';

// Declarative forms for starting a case from the dashboard, rendered by <StepDialog>. The steps of a running case are
// not here: the api serves each step's form from the step catalogue (libs/processes) with the case, and the generic
// step dialog (catalogue-step-dialog.tsx) renders it. Validation here mirrors the API's rules so mistakes show before
// the round trip; the API checks everything again and its Dutch messages are shown as they are.

export type FieldValue = string | boolean;
export type StepValues = Record<string, FieldValue>;
export type StepErrors = Record<string, string>;

export interface FieldOption {
  value: string;
  label: string;
}

export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'multiline' | 'date' | 'number' | 'select' | 'checkbox' | 'staff' | 'pupil';
  required?: boolean;
  helper?: string;
  min?: number;
  max?: number;
  /** Minimum length of a required text (after trimming). */
  minLength?: number;
  options?: readonly FieldOption[];
  /** For kind 'staff': the role to choose from. */
  staffRole?: Role;
  /** Initial value; 'today' for a date field means today's date. */
  initial?: FieldValue;
  /** The field is shown (and validated) only when this holds. */
  showIf?(values: StepValues): boolean;
}

export interface StepFormSpec {
  title: string;
  description?: string;
  submitLabel: string;
  mutation: StepMutationName;
  fields: readonly FieldSpec[];
  /** The mutation's `input` for valid values. */
  toInput(values: StepValues): Record<string, unknown>;
  /** Extra cross-field checks. */
  validate?(values: StepValues): StepErrors;
  /** The mutation takes only `input` (which carries the case id itself), not `(caseId, input)`. */
  inputOnly?: boolean;
}

// ---- value helpers --------------------------------------------------------------------------

const str = (values: StepValues, name: string): string => {
  const v = values[name];
  return typeof v === 'string' ? v.trim() : '';
};
const opt = (values: StepValues, name: string): string | null => str(values, name) || null;
const bool = (values: StepValues, name: string): boolean => values[name] === true;

// ---- Options the start forms use ------------------------------------------------------------

export const JOS_NEEDS: readonly FieldOption[] = [
  { value: 'FAALANGST', label: 'Faalangst' },
  { value: 'BEGINNENDE_SCHOOLANGST', label: 'Beginnende schoolangst' },
  { value: 'PLANNEN_HUISWERK', label: 'Plannen en huiswerk' },
  { value: 'REGELS_EN_KADERS', label: 'Regels en kaders' },
  { value: 'SOCIAAL_EMOTIONEEL', label: 'Sociaal-emotioneel' },
  { value: 'ZORGWEKKEND_VERZUIM', label: 'Zorgwekkend verzuim' },
];

// ---- Starting a case from the dashboard ------------------------------------------------------

export const START_ZORGROUTE: StepFormSpec = {
  title: 'IZO-aanmelding starten',
  description:
    'Meld een leerling aan voor het intern zorgoverleg (IZO). De aanmelding wordt als concept opgeslagen; de aanmelder vult het formulier aan en dient het in.',
  submitLabel: 'Aanmelding starten',
  mutation: 'startZorgroute',
  fields: [
    { name: 'pupilId', label: 'Leerling', kind: 'pupil', required: true },
    {
      name: 'source',
      label: 'Aanleiding',
      kind: 'select',
      required: true,
      initial: 'DIRECT',
      options: [
        { value: 'DIRECT', label: 'Rechtstreeks' },
        { value: 'GROEPSBESPREKING', label: 'Groepsbespreking' },
        { value: 'ONDERSTEUNINGSTRAJECT', label: 'Na een ondersteuningstraject' },
        { value: 'PO_VO_INSTROOM', label: 'Instroom vanuit het PO' },
      ],
    },
    { name: 'problem', label: 'Wat is het probleem?', kind: 'multiline' },
  ],
  toInput: (v) => ({ pupilId: str(v, 'pupilId'), source: str(v, 'source'), form: opt(v, 'problem') ? { problem: str(v, 'problem') } : null, submit: false }),
};

export const START_JOS: StepFormSpec = {
  title: 'JOS starten',
  description: 'Het ondersteuningsteam heeft besloten JOS (Jeugd Ondersteuning op School) in te zetten. De mentor vult daarna het aanmeldformulier in.',
  submitLabel: 'JOS starten',
  mutation: 'startJos',
  fields: [
    { name: 'pupilId', label: 'Leerling', kind: 'pupil', required: true },
    { name: 'decisionDate', label: 'Datum besluit ondersteuningsteam', kind: 'date', required: true, initial: 'today' },
    { name: 'need', label: 'Hulpvraag', kind: 'select', required: true, options: JOS_NEEDS },
    { name: 'decisionNotes', label: 'Notities van het ondersteuningsteam', kind: 'multiline' },
  ],
  toInput: (v) => ({ pupilId: str(v, 'pupilId'), decisionDate: str(v, 'decisionDate'), needs: [str(v, 'need')], decisionNotes: opt(v, 'decisionNotes') }),
};

export const START_OPP: StepFormSpec = {
  title: 'OPP starten',
  description:
    'Start een ontwikkelingsperspectiefplan (OPP) voor een leerling die extra ondersteuning krijgt. Het OPP wordt binnen de termijn van het beleid opgesteld; de mentor van de leerling werkt mee. De stappen (opstellen, mening van de leerling, instemming van de ouders, evaluatie) staan daarna op de casuspagina.',
  submitLabel: 'OPP starten',
  mutation: 'startOpp',
  fields: [
    { name: 'pupilId', label: 'Leerling', kind: 'pupil', required: true },
    { name: 'reason', label: 'Waarom krijgt de leerling extra ondersteuning?', kind: 'multiline', required: true, minLength: 10, helper: 'Het arrangement, bijvoorbeeld het besluit van het ZAT.' },
    {
      name: 'source',
      label: 'Herkomst',
      kind: 'select',
      required: true,
      initial: 'DIRECT',
      options: [
        { value: 'DIRECT', label: 'Zelf gestart door de zorgcoördinator' },
        { value: 'ZORGROUTE', label: 'Besluit van het IZO/ZAT' },
        { value: 'ZORGPLICHT', label: 'Toelating met een arrangement (zorgplicht)' },
        { value: 'OOV', label: 'Plaatsing in de OOV' },
      ],
    },
    { name: 'sourceCaseId', label: 'Casusnummer van de herkomst', kind: 'text', required: true, helper: 'Staat op de casuspagina van de aanmelding, het ZAT of de OOV.', showIf: (v) => str(v, 'source') !== 'DIRECT' },
    { name: 'supportStartedOn', label: 'Start van de extra ondersteuning', kind: 'date', required: true, initial: 'today', helper: 'Het OPP moet binnen de termijn na deze datum opgesteld zijn.' },
  ],
  toInput: (v) => ({
    pupilId: str(v, 'pupilId'),
    reason: str(v, 'reason'),
    source: str(v, 'source'),
    sourceCaseId: str(v, 'source') === 'DIRECT' ? null : opt(v, 'sourceCaseId'),
    supportStartedOn: str(v, 'supportStartedOn'),
  }),
};

/** P8: the steps of a TLV request come from the api's step catalogue (stepForms); only the start has a form here. */
export const START_TLV: StepFormSpec = {
  title: 'TLV-aanvraag starten',
  description:
    'Na de Flex-ZAT vraagt de school met de ouders een toelaatbaarheidsverklaring (TLV) aan bij het samenwerkingsverband. De ouders worden om akkoord gevraagd; daarna vult u het dossier aan tot de checklist van het samenwerkingsverband compleet is.',
  submitLabel: 'Aanvraag starten',
  mutation: 'startTlv',
  fields: [
    { name: 'pupilId', label: 'Leerling', kind: 'pupil', required: true },
    { name: 'flexZatDate', label: 'Datum van de Flex-ZAT', kind: 'date', required: true, initial: 'today' },
    { name: 'reason', label: 'Waarom een TLV?', kind: 'multiline', required: true },
    { name: 'deskundigheidsverklaringVso', label: 'Er is een VSO-school betrokken (de deskundigheidsverklaring van het VSO hoort bij het dossier)', kind: 'checkbox', initial: false },
  ],
  toInput: (v) => ({ pupilId: str(v, 'pupilId'), flexZatDate: str(v, 'flexZatDate'), reason: str(v, 'reason'), deskundigheidsverklaringVso: bool(v, 'deskundigheidsverklaringVso') }),
};

export function initialValues(spec: StepFormSpec, today: string): StepValues {
  const values: StepValues = {};
  for (const field of spec.fields) {
    if (field.initial === 'today') values[field.name] = today;
    else if (field.initial !== undefined) values[field.name] = field.initial;
    else values[field.name] = field.kind === 'checkbox' ? false : '';
  }
  return values;
}

export function visibleFields(spec: StepFormSpec, values: StepValues): FieldSpec[] {
  return spec.fields.filter((f) => !f.showIf || f.showIf(values));
}

/** Dutch messages per field for what is missing or wrong; empty when the form can be sent. */
export function validateStep(spec: StepFormSpec, values: StepValues): StepErrors {
  const errors: StepErrors = {};
  for (const field of visibleFields(spec, values)) {
    const raw = values[field.name];
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (field.kind === 'checkbox') continue;
    if (!text) {
      if (field.required) errors[field.name] = field.kind === 'select' || field.kind === 'staff' || field.kind === 'pupil' ? `Kies: ${field.label.toLowerCase()}.` : `Vul in: ${field.label.toLowerCase()}.`;
      continue;
    }
    if (field.kind === 'number') {
      const n = Number(text);
      const min = field.min ?? Number.MIN_SAFE_INTEGER;
      const max = field.max ?? Number.MAX_SAFE_INTEGER;
      if (!Number.isInteger(n) || n < min || n > max) errors[field.name] = `Kies een heel getal van ${min} tot en met ${max}.`;
    } else if (field.kind === 'date') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) errors[field.name] = 'Kies een geldige datum.';
    } else if (field.minLength && text.length < field.minLength) {
      errors[field.name] = `Gebruik minstens ${field.minLength} tekens.`;
    }
  }
  return { ...(spec.validate?.(values) ?? {}), ...errors };
}
