import { type ProcessType, type Role } from '../../gql/graphql';
import { type StepMutationName } from './step-mutations.graphql';

// Declarative forms for the human steps of every process: one spec per step, rendered by
// <StepDialog>. Validation here mirrors the API's rules so mistakes show before the round trip;
// the API checks everything again and its Dutch messages are shown as they are.

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
const int = (values: StepValues, name: string): number | null => (str(values, name) === '' ? null : Number(str(values, name)));
const lines = (values: StepValues, name: string): string[] =>
  str(values, name)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

// ---- field builder (keeps the longer forms short) ------------------------------------------------

type FieldExtras = Omit<FieldSpec, 'name' | 'label' | 'kind'>;
const field =
  (kind: FieldSpec['kind']) =>
  (name: string, label: string, extras: FieldExtras = {}): FieldSpec => ({ name, label, kind, ...extras });
/** `F.text('where', 'Waar')`, `F.long('summary', 'Verslag', { required: true })`, `F.select('x', 'X', OPTIONS)`, … */
export const F = {
  text: field('text'),
  long: field('multiline'),
  date: field('date'),
  number: field('number'),
  check: field('checkbox'),
  staff: (name: string, label: string, staffRole: Role, extras: FieldExtras = {}): FieldSpec => ({ name, label, kind: 'staff', staffRole, ...extras }),
  select: (name: string, label: string, options: readonly FieldOption[], extras: FieldExtras = {}): FieldSpec => ({ name, label, kind: 'select', options, ...extras }),
};
const req = { required: true } as const;

const THERMOMETER: FieldSpec = {
  name: 'thermometer',
  label: 'Thermometer (1–10)',
  kind: 'number',
  min: 1,
  max: 10,
  helper: 'Hoe gaat het volgens de leerling? 1 = heel slecht, 10 = heel goed.',
};

const REASON: FieldSpec = { name: 'reason', label: 'Reden', kind: 'multiline', required: true, minLength: 3 };

const conversationFields = (parentsRequired: boolean): FieldSpec[] => [
  { name: 'date', label: 'Datum gesprek', kind: 'date', required: true, initial: 'today' },
  { name: 'pupilReport', label: 'Wat zegt de leerling?', kind: 'multiline', required: true },
  { name: 'parentsReport', label: 'Wat zeggen de ouders?', kind: 'multiline', required: parentsRequired },
  { name: 'agreements', label: 'Afspraken', kind: 'multiline' },
];
const conversationInput = (v: StepValues) => ({
  date: str(v, 'date'),
  pupilReport: str(v, 'pupilReport'),
  parentsReport: opt(v, 'parentsReport'),
  agreements: opt(v, 'agreements'),
});

export const MEETING_MODES: readonly FieldOption[] = [
  { value: 'OP_SCHOOL', label: 'Op school' },
  { value: 'TELEFONISCH', label: 'Telefonisch' },
];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** An optional meeting time must be HH:MM (the API's rule); the location at most 120 characters. */
const validateMeeting = (v: StepValues, timeField: string): StepErrors => ({
  ...(str(v, timeField) && !TIME.test(str(v, timeField)) ? { [timeField]: 'Tijd moet de vorm UU:MM hebben, bijvoorbeeld 14:30.' } : {}),
  ...(str(v, 'location').length > 120 ? { location: 'De plaats mag hoogstens 120 tekens lang zijn.' } : {}),
});

const confirmSpec = (title: string, mutation: StepMutationName, description: string): StepFormSpec => ({
  title,
  description,
  submitLabel: 'Bevestigen',
  mutation,
  fields: [{ name: 'note', label: 'Notitie', kind: 'multiline' }],
  toInput: (v) => ({ note: opt(v, 'note') }),
});

// ---- P1 Ondersteuningstraject --------------------------------------------------------------

export /** The weekday of a P1 session slot (AssignCoachInput.sessionWeekday). */
const SESSION_WEEKDAYS: readonly FieldOption[] = [
  { value: '1', label: 'maandag' },
  { value: '2', label: 'dinsdag' },
  { value: '3', label: 'woensdag' },
  { value: '4', label: 'donderdag' },
  { value: '5', label: 'vrijdag' },
];

const P1_OUTCOMES: readonly FieldOption[] = [
  { value: 'AFGEROND', label: 'Afgerond: doel bereikt' },
  { value: 'VERLENGD', label: 'Verlengen' },
  { value: 'DOORVERWEZEN', label: 'Doorverwijzen' },
  { value: 'GESTOPT', label: 'Gestopt' },
];

const P1: Record<string, StepFormSpec> = {
  RECORD_INTAKE: {
    title: 'Intakegesprek vastleggen',
    description: 'Leg het ontwikkeldoel vast dat de leerling in het intakegesprek zelf heeft geformuleerd.',
    submitLabel: 'Intake opslaan',
    mutation: 'recordIntake',
    fields: [
      { name: 'intakeDate', label: 'Datum intakegesprek', kind: 'date', required: true, initial: 'today' },
      { name: 'goal', label: 'Ontwikkeldoel van de leerling', kind: 'multiline', required: true, minLength: 3, helper: 'In de woorden van de leerling.' },
      { name: 'subGoals', label: 'Subdoelen (één per regel)', kind: 'multiline' },
    ],
    toInput: (v) => ({ intakeDate: str(v, 'intakeDate'), goal: str(v, 'goal'), subGoals: lines(v, 'subGoals') }),
  },
  ASSIGN_COACH: {
    title: 'Coach kiezen',
    submitLabel: 'Coach toewijzen',
    mutation: 'assignCoach',
    fields: [
      { name: 'coachId', label: 'Coach', kind: 'staff', staffRole: 'COACH', required: true },
      F.select('sessionWeekday', 'Dag van de sessie', SESSION_WEEKDAYS, { required: true }),
      F.text('sessionTime', 'Tijdstip van de sessie', { required: true, helper: 'Bijvoorbeeld 10:15. Herinneringen aan coach en leerling volgen dit moment (als de school ze aanzet).' }),
      { name: 'reason', label: 'Reden van de wissel', kind: 'multiline', helper: 'Alleen nodig bij het wisselen van coach.' },
    ],
    validate: (v): StepErrors => (/^([01]\d|2[0-3]):[0-5]\d$/.test(str(v, 'sessionTime')) ? {} : { sessionTime: 'Vul een tijdstip in als uu:mm, bijvoorbeeld 10:15' }),
    toInput: (v) => ({ coachId: str(v, 'coachId'), sessionWeekday: int(v, 'sessionWeekday'), sessionTime: str(v, 'sessionTime'), reason: opt(v, 'reason') }),
  },
  LOG_SESSION: {
    title: 'Sessie vastleggen',
    submitLabel: 'Sessie opslaan',
    mutation: 'logSession',
    fields: [
      { name: 'date', label: 'Datum sessie', kind: 'date', required: true, initial: 'today' },
      { name: 'attended', label: 'De leerling was aanwezig', kind: 'checkbox', initial: true },
      { ...THERMOMETER, showIf: (v) => bool(v, 'attended') },
    ],
    toInput: (v) => ({ date: str(v, 'date'), attended: bool(v, 'attended'), thermometer: bool(v, 'attended') ? int(v, 'thermometer') : null }),
  },
  RECORD_MID_EVALUATION: {
    title: 'Tussenevaluatie vastleggen',
    submitLabel: 'Tussenevaluatie opslaan',
    mutation: 'recordMidEvaluation',
    fields: [{ name: 'summary', label: 'Samenvatting tussenevaluatie', kind: 'multiline', required: true, minLength: 3 }],
    toInput: (v) => ({ summary: str(v, 'summary') }),
  },
  RECORD_OUTCOME: {
    title: 'Eindevaluatie en uitkomst',
    submitLabel: 'Uitkomst opslaan',
    mutation: 'recordOutcome',
    fields: [
      { name: 'outcome', label: 'Uitkomst', kind: 'select', required: true, options: P1_OUTCOMES },
      { name: 'extensionWeeks', label: 'Verlengen met (weken)', kind: 'number', required: true, min: 1, max: 9, showIf: (v) => v.outcome === 'VERLENGD' },
      { name: 'reason', label: 'Toelichting', kind: 'multiline', helper: 'Verplicht bij doorverwijzen of stoppen.' },
    ],
    validate: (v): StepErrors =>
      (v.outcome === 'DOORVERWEZEN' || v.outcome === 'GESTOPT') && str(v, 'reason').length < 3 ? { reason: 'Geef een reden (minstens 3 tekens).' } : {},
    toInput: (v) => ({ outcome: str(v, 'outcome'), extensionWeeks: v.outcome === 'VERLENGD' ? int(v, 'extensionWeeks') : null, reason: opt(v, 'reason') }),
  },
  STOP_TRAJECTORY: {
    title: 'Traject stoppen',
    description: 'Het traject wordt beëindigd. Leerling, ouders en mentor worden geïnformeerd.',
    submitLabel: 'Traject stoppen',
    mutation: 'stopTrajectory',
    fields: [REASON],
    toInput: (v) => ({ reason: str(v, 'reason') }),
  },
};

// ---- P2 Zorgroute IZO/ZAT ------------------------------------------------------------------

const P2: Record<string, StepFormSpec> = {
  SUBMIT_REFERRAL: {
    title: 'IZO-aanmelding indienen',
    description: 'Vul de verplichte onderdelen van het aanmeldformulier aan en dien het in bij de zorgcoördinator.',
    submitLabel: 'Indienen',
    mutation: 'submitZorgrouteReferral',
    fields: [
      { name: 'problem', label: 'Wat is het probleem?', kind: 'multiline', required: true },
      { name: 'pupilHelpQuestion', label: 'Hulpvraag van de leerling', kind: 'multiline', required: true },
      { name: 'mentorSupportQuestion', label: 'Begeleidingsvraag van mentor/docenten', kind: 'multiline', required: true },
      { name: 'firstLineActions', label: 'Wat heeft de aanmelder zelf al gedaan?', kind: 'multiline' },
      { name: 'parentsInformed', label: 'Ouders zijn op de hoogte van de aanmelding', kind: 'checkbox', initial: true },
    ],
    toInput: (v) => ({
      problem: str(v, 'problem'),
      pupilHelpQuestion: str(v, 'pupilHelpQuestion'),
      mentorSupportQuestion: str(v, 'mentorSupportQuestion'),
      firstLineActions: opt(v, 'firstLineActions'),
      parentsInformed: bool(v, 'parentsInformed'),
    }),
  },
  TRIAGE: {
    title: 'Aanmelding beoordelen (triage)',
    submitLabel: 'Triage opslaan',
    mutation: 'triageZorgroute',
    fields: [
      { name: 'secondLine', label: '(a) Het probleem hoort in de tweede lijn', kind: 'checkbox', initial: true },
      { name: 'questionsClear', label: '(b) Hulpvraag en begeleidingsvraag zijn helder', kind: 'checkbox', initial: true },
      { name: 'firstLineDone', label: '(c) Alle eerstelijns acties zijn ondernomen', kind: 'checkbox', initial: true },
      { name: 'parentsAndPupilKnow', label: '(d) Ouders en leerling weten van de aanmelding', kind: 'checkbox', initial: true },
      {
        name: 'outcome',
        label: 'Besluit',
        kind: 'select',
        required: true,
        options: [
          { value: 'GEACCEPTEERD', label: 'Geaccepteerd voor het IZO' },
          { value: 'TERUG_NAAR_AANMELDER', label: 'Terug naar de aanmelder' },
          { value: 'EERST_EERSTELIJNS_ACTIES', label: 'Eerst acties in de eerste lijn' },
          { value: 'BILATERAAL', label: 'Bilateraal overleg' },
        ],
      },
      { name: 'bilateralWith', label: 'Bilateraal met', kind: 'text', required: true, showIf: (v) => v.outcome === 'BILATERAAL' },
      { name: 'missingInformation', label: 'Wat ontbreekt er?', kind: 'multiline', showIf: (v) => v.outcome === 'TERUG_NAAR_AANMELDER' },
      { name: 'note', label: 'Notitie', kind: 'multiline' },
    ],
    toInput: (v) => ({
      secondLine: bool(v, 'secondLine'),
      questionsClear: bool(v, 'questionsClear'),
      firstLineDone: bool(v, 'firstLineDone'),
      parentsAndPupilKnow: bool(v, 'parentsAndPupilKnow'),
      outcome: str(v, 'outcome'),
      bilateralWith: v.outcome === 'BILATERAAL' ? str(v, 'bilateralWith') : null,
      missingInformation: v.outcome === 'TERUG_NAAR_AANMELDER' ? opt(v, 'missingInformation') : null,
      note: opt(v, 'note'),
    }),
  },
  RECORD_BILATERAL: {
    title: 'Bilateraal overleg vastleggen',
    submitLabel: 'Opslaan',
    mutation: 'recordZorgrouteBilateral',
    fields: conversationFields(false),
    toInput: conversationInput,
  },
  RECORD_VOORGESPREK: {
    title: 'Voorgesprek met ouders en leerling',
    submitLabel: 'Voorgesprek opslaan',
    mutation: 'recordVoorgesprek',
    fields: conversationFields(true),
    toInput: conversationInput,
  },
  RECORD_IZO: {
    title: 'Bespreking in het IZO vastleggen',
    submitLabel: 'Bespreking opslaan',
    mutation: 'recordIzoDiscussion',
    fields: [
      { name: 'summary', label: 'Samenvatting van de bespreking', kind: 'multiline', required: true },
      {
        name: 'kind',
        label: 'Besluit',
        kind: 'select',
        required: true,
        options: [
          { value: 'INTERNE_ONDERSTEUNING', label: 'Interne ondersteuning' },
          { value: 'COACHING_MENTOR_DOCENTEN', label: 'Coaching mentor/docenten' },
          { value: 'OPVOEDINGSONDERSTEUNING', label: 'Opvoedingsondersteuning' },
          { value: 'HANDELINGSPLAN', label: 'Handelingsplan' },
          { value: 'ONDERZOEK_OPP', label: 'Onderzoek / OPP' },
          { value: 'VERWIJZING_ZAT', label: 'Verwijzing naar het ZAT' },
        ],
      },
      { name: 'description', label: 'Omschrijving van het besluit', kind: 'multiline', required: true },
      { name: 'evaluationDate', label: 'Evaluatiedatum', kind: 'date', helper: 'Leeg: volgens het beleid.' },
    ],
    toInput: (v) => ({
      minutes: { summary: str(v, 'summary') },
      decisions: [{ kind: str(v, 'kind'), description: str(v, 'description') }],
      evaluationDate: opt(v, 'evaluationDate'),
    }),
  },
  DISTRIBUTE_IZO_MINUTES: confirmSpec('IZO-verslag versturen', 'confirmIzoMinutesSent', 'Bevestig dat het verslag naar het zorgteam, de teamleider en de mentor is gegaan.'),
  RECORD_NAGESPREK: {
    title: 'Nagesprek met ouders en leerling',
    submitLabel: 'Nagesprek opslaan',
    mutation: 'recordNagesprek',
    fields: conversationFields(true),
    toInput: conversationInput,
  },
  RECORD_EVALUATION: {
    title: 'Afspraken IZO evalueren',
    submitLabel: 'Evaluatie opslaan',
    mutation: 'recordIzoEvaluation',
    fields: [
      {
        name: 'outcome',
        label: 'Uitkomst',
        kind: 'select',
        required: true,
        options: [
          { value: 'DOEL_BEREIKT', label: 'Doel bereikt' },
          { value: 'VOORTZETTEN', label: 'Voortzetten' },
          { value: 'VERWIJZING_ZAT', label: 'Verwijzen naar het ZAT' },
        ],
      },
      { name: 'summary', label: 'Samenvatting', kind: 'multiline', required: true },
      { name: 'nextEvaluationDate', label: 'Volgende evaluatie', kind: 'date', required: true, showIf: (v) => v.outcome === 'VOORTZETTEN' },
      { name: 'zatQuestion', label: 'Vraag aan het ZAT', kind: 'multiline', required: true, showIf: (v) => v.outcome === 'VERWIJZING_ZAT' },
    ],
    toInput: (v) => ({
      outcome: str(v, 'outcome'),
      summary: str(v, 'summary'),
      nextEvaluationDate: v.outcome === 'VOORTZETTEN' ? opt(v, 'nextEvaluationDate') : null,
      zatQuestion: v.outcome === 'VERWIJZING_ZAT' ? opt(v, 'zatQuestion') : null,
    }),
  },
  SUBMIT_ZAT_REFERRAL: {
    title: 'ZAT-aanmelding aanvullen',
    description: 'De aanmelding is vooringevuld vanuit het IZO; leeg gelaten velden houden hun waarde.',
    submitLabel: 'Aanmelding indienen',
    mutation: 'submitZatReferral',
    fields: [
      { name: 'questionToZat', label: 'Vraag aan het ZAT', kind: 'multiline' },
      { name: 'helpQuestion', label: 'Hulpvraag van leerling, ouders en school', kind: 'multiline' },
    ],
    toInput: (v) => ({ questionToZat: opt(v, 'questionToZat') ?? undefined, helpQuestion: opt(v, 'helpQuestion') ?? undefined }),
  },
  PLAN_ZAT: {
    title: 'ZAT-bespreking plannen',
    submitLabel: 'Plannen',
    mutation: 'planZat',
    fields: [
      { name: 'meetingDate', label: 'Datum bespreking', kind: 'date', required: true },
      { name: 'mode', label: 'Vorm', kind: 'select', options: [{ value: 'OP_SCHOOL', label: 'Op school' }, { value: 'TELEFONISCH', label: 'Telefonisch (Flex-ZAT)' }], initial: 'OP_SCHOOL' },
      F.text('meetingTime', 'Tijd (UU:MM)', { helper: 'Bijvoorbeeld 14:30; staat in de uitnodiging.' }),
      F.text('location', 'Plaats', { helper: 'Bijvoorbeeld "kamer zorgcoördinator"; staat in de uitnodiging (zonder details van de casus).' }),
    ],
    validate: (v) => validateMeeting(v, 'meetingTime'),
    toInput: (v) => ({ meetingDate: str(v, 'meetingDate'), mode: opt(v, 'mode'), meetingTime: opt(v, 'meetingTime'), location: opt(v, 'location') }),
  },
  SEND_ZAT_AGENDA: confirmSpec('ZAT-agenda versturen', 'confirmZatAgendaSent', 'Bevestig dat de agenda en de informatie naar de deelnemers zijn gestuurd.'),
  RECORD_ZAT: {
    title: 'Bespreking in het ZAT vastleggen',
    submitLabel: 'Plan van aanpak opslaan',
    mutation: 'recordZatDiscussion',
    fields: [
      { name: 'summary', label: 'Samenvatting', kind: 'multiline', required: true },
      { name: 'casusregisseur', label: 'Casusregisseur', kind: 'text', required: true },
      { name: 'evaluationDate', label: 'Evaluatiedatum', kind: 'date', required: true },
      { name: 'what', label: 'Actie: wat', kind: 'text', required: true },
      { name: 'who', label: 'Actie: wie', kind: 'text', required: true },
      { name: 'goal', label: 'Actie: doel', kind: 'text', required: true },
      { name: 'due', label: 'Actie: wanneer klaar', kind: 'date', required: true },
    ],
    toInput: (v) => ({
      summary: str(v, 'summary'),
      casusregisseur: str(v, 'casusregisseur'),
      evaluationDate: str(v, 'evaluationDate'),
      actions: [{ what: str(v, 'what'), who: str(v, 'who'), goal: str(v, 'goal'), due: str(v, 'due') }],
    }),
  },
  RECORD_ZAT_FEEDBACK: {
    title: 'Terugkoppeling ZAT aan ouders en leerling',
    submitLabel: 'Opslaan',
    mutation: 'recordZatFeedback',
    fields: conversationFields(true),
    toInput: conversationInput,
  },
  RECORD_ZAT_EVALUATION: {
    title: 'Plan van aanpak evalueren',
    submitLabel: 'Evaluatie opslaan',
    mutation: 'recordZatEvaluation',
    fields: [
      {
        name: 'outcome',
        label: 'Uitkomst',
        kind: 'select',
        required: true,
        options: [
          { value: 'VOORTZETTEN', label: 'Voortzetten' },
          { value: 'VOORLOPIG_AFGESLOTEN', label: 'Voorlopig afsluiten' },
          { value: 'AFGESLOTEN', label: 'Afsluiten' },
          { value: 'EXTERN_VERWEZEN', label: 'Extern verwijzen' },
          { value: 'SWV_VOORZIENING_AANGEVRAAGD', label: 'Voorziening SWV aanvragen' },
          { value: 'LEERPLICHT', label: 'Leerplicht inschakelen' },
        ],
      },
      { name: 'summary', label: 'Samenvatting', kind: 'multiline', required: true },
      { name: 'nextEvaluationDate', label: 'Volgende evaluatie', kind: 'date', showIf: (v) => v.outcome === 'VOORTZETTEN' },
      { name: 'externalTarget', label: 'Verwezen naar', kind: 'text', showIf: (v) => v.outcome === 'EXTERN_VERWEZEN' },
    ],
    toInput: (v) => ({
      outcome: str(v, 'outcome'),
      summary: str(v, 'summary'),
      nextEvaluationDate: opt(v, 'nextEvaluationDate'),
      externalTarget: opt(v, 'externalTarget'),
    }),
  },
  CLOSE: {
    title: 'Zorgroute stoppen',
    submitLabel: 'Zorgroute stoppen',
    mutation: 'closeZorgroute',
    fields: [REASON],
    toInput: (v) => ({ reason: str(v, 'reason') }),
  },
  // Not an open step: offered on the case page while the safety exception holds (ParentsExceptionPanel).
  LIFT_PARENTS_EXCEPTION: {
    title: 'Uitzondering opheffen',
    description:
      'De ouders zijn niet geïnformeerd omdat dat de leerling in gevaar zou brengen. Hef de uitzondering alleen op als de ouders nu veilig kunnen worden geïnformeerd: vanaf dat moment zien zij deze casus in het portaal en krijgen zij berichten.',
    submitLabel: 'Uitzondering opheffen',
    mutation: 'liftParentsException',
    fields: [{ ...REASON, helper: 'Waarom de ouders nu wel worden geïnformeerd; komt in het auditlog, niet bij de ouders.' }],
    toInput: (v) => ({ reason: str(v, 'reason') }),
  },
};

// ---- P3 JOS ---------------------------------------------------------------------------------

export const JOS_NEEDS: readonly FieldOption[] = [
  { value: 'FAALANGST', label: 'Faalangst' },
  { value: 'BEGINNENDE_SCHOOLANGST', label: 'Beginnende schoolangst' },
  { value: 'PLANNEN_HUISWERK', label: 'Plannen en huiswerk' },
  { value: 'REGELS_EN_KADERS', label: 'Regels en kaders' },
  { value: 'SOCIAAL_EMOTIONEEL', label: 'Sociaal-emotioneel' },
  { value: 'ZORGWEKKEND_VERZUIM', label: 'Zorgwekkend verzuim' },
];

const P3: Record<string, StepFormSpec> = {
  SUBMIT_FORM: {
    title: 'JOS-aanmeldformulier',
    submitLabel: 'Formulier indienen',
    mutation: 'submitJosForm',
    fields: [
      { name: 'need', label: 'Hulpvraag', kind: 'select', required: true, options: JOS_NEEDS },
      { name: 'problemDescription', label: 'Het probleem in uw woorden', kind: 'multiline', required: true },
      { name: 'alreadyTried', label: 'Wat is al geprobeerd?', kind: 'multiline', required: true },
      { name: 'pupilView', label: 'Wat zegt en wil de leerling zelf?', kind: 'multiline' },
      { name: 'availability', label: 'Wanneer kan de leerling afspreken?', kind: 'text' },
      { name: 'parentsInformed', label: 'Ouders weten van de aanmelding', kind: 'checkbox', initial: true },
      { name: 'singleSchoolRelatedProblem', label: 'Het gaat om één probleem dat met school te maken heeft', kind: 'checkbox', initial: true },
    ],
    toInput: (v) => ({
      needs: [str(v, 'need')],
      problemDescription: str(v, 'problemDescription'),
      alreadyTried: str(v, 'alreadyTried'),
      pupilView: opt(v, 'pupilView'),
      availability: opt(v, 'availability'),
      parentsInformed: bool(v, 'parentsInformed'),
      singleSchoolRelatedProblem: bool(v, 'singleSchoolRelatedProblem'),
    }),
  },
  PLAN_STARTGESPREK: {
    title: 'Startgesprek plannen',
    description: 'De ouders, de mentor en de leerling krijgen een uitnodiging met datum, tijd en plaats.',
    submitLabel: 'Plannen en uitnodigen',
    mutation: 'planJosStartgesprek',
    fields: [
      F.date('date', 'Datum startgesprek', { ...req, helper: 'Een schooldag, niet in het verleden.' }),
      F.text('time', 'Tijd (UU:MM)', { helper: 'Bijvoorbeeld 14:30.' }),
      F.select('mode', 'Vorm', MEETING_MODES, { ...req, initial: 'OP_SCHOOL' }),
      F.text('location', 'Plaats', { helper: 'Bijvoorbeeld "kamer JOS"; staat in de uitnodiging (zonder details van de casus).', showIf: (v) => v.mode !== 'TELEFONISCH' }),
    ],
    validate: (v) => validateMeeting(v, 'time'),
    toInput: (v) => ({ date: str(v, 'date'), time: opt(v, 'time'), mode: str(v, 'mode'), location: v.mode === 'TELEFONISCH' ? null : opt(v, 'location') }),
  },
  RECORD_STARTGESPREK: {
    title: 'Startgesprek vastleggen',
    submitLabel: 'Startgesprek opslaan',
    mutation: 'recordJosStartgesprek',
    fields: [
      { name: 'date', label: 'Datum', kind: 'date', required: true, initial: 'today' },
      { name: 'summary', label: 'Samenvatting', kind: 'multiline', required: true },
      { name: 'pupilPresent', label: 'Leerling aanwezig', kind: 'checkbox', initial: true },
      { name: 'parentsPresent', label: 'Ouders aanwezig', kind: 'checkbox', initial: true },
      { name: 'mentorPresent', label: 'Mentor aanwezig', kind: 'checkbox', initial: true },
    ],
    toInput: (v) => ({
      date: str(v, 'date'),
      summary: str(v, 'summary'),
      pupilPresent: bool(v, 'pupilPresent'),
      parentsPresent: bool(v, 'parentsPresent'),
      mentorPresent: bool(v, 'mentorPresent'),
    }),
  },
  SET_GOALS: {
    title: 'Doelen opstellen',
    submitLabel: 'Doelen opslaan',
    mutation: 'setJosGoals',
    fields: [
      { name: 'pupilGoal', label: 'Doel van de leerling (eigen woorden)', kind: 'multiline', required: true },
      { name: 'goals', label: 'Overige doelen (één per regel)', kind: 'multiline' },
      { name: 'weeklySlot', label: 'Vast moment in de week', kind: 'text' },
      { name: 'agreedWithPupil', label: 'Afgestemd met de leerling', kind: 'checkbox', initial: true },
      { name: 'agreedWithParents', label: 'Afgestemd met de ouders', kind: 'checkbox', initial: true },
      { name: 'agreedWithMentor', label: 'Afgestemd met de mentor', kind: 'checkbox', initial: true },
    ],
    toInput: (v) => ({
      pupilGoal: str(v, 'pupilGoal'),
      goals: lines(v, 'goals'),
      weeklySlot: opt(v, 'weeklySlot'),
      agreedWithPupil: bool(v, 'agreedWithPupil'),
      agreedWithParents: bool(v, 'agreedWithParents'),
      agreedWithMentor: bool(v, 'agreedWithMentor'),
    }),
  },
  LOG_CONTACT: {
    title: 'Contact vastleggen',
    submitLabel: 'Contact opslaan',
    mutation: 'logJosContact',
    fields: [
      { name: 'date', label: 'Datum', kind: 'date', required: true, initial: 'today' },
      { name: 'attended', label: 'De leerling was aanwezig', kind: 'checkbox', initial: true },
      { ...THERMOMETER, showIf: (v) => bool(v, 'attended') },
      { name: 'note', label: 'Notitie', kind: 'multiline' },
    ],
    toInput: (v) => ({
      date: str(v, 'date'),
      attended: bool(v, 'attended'),
      thermometer: bool(v, 'attended') ? int(v, 'thermometer') : null,
      note: opt(v, 'note'),
    }),
  },
  RECORD_EVALUATION: {
    title: 'Voortgangsevaluatie',
    submitLabel: 'Evaluatie opslaan',
    mutation: 'recordJosEvaluation',
    fields: [{ name: 'summary', label: 'Samenvatting', kind: 'multiline', required: true }, THERMOMETER],
    toInput: (v) => ({ summary: str(v, 'summary'), thermometer: int(v, 'thermometer') }),
  },
  RECORD_OUTCOME: {
    title: 'JOS afronden',
    submitLabel: 'Uitkomst opslaan',
    mutation: 'recordJosOutcome',
    fields: [
      { name: 'outcome', label: 'Uitkomst', kind: 'select', required: true, options: [{ value: 'AFGEROND', label: 'Afgerond' }, { value: 'DOORVERWEZEN', label: 'Doorverwezen' }] },
      {
        name: 'referralTo',
        label: 'Verwezen naar',
        kind: 'select',
        required: true,
        options: [{ value: 'SOCIAAL_TEAM', label: 'Sociaal Team' }, { value: 'OOV', label: 'OOV' }, { value: 'BPO', label: 'BPO' }],
        showIf: (v) => v.outcome === 'DOORVERWEZEN',
      },
      { name: 'summary', label: 'Samenvatting', kind: 'multiline', required: true },
    ],
    toInput: (v) => ({ outcome: str(v, 'outcome'), referralTo: v.outcome === 'DOORVERWEZEN' ? str(v, 'referralTo') : null, summary: str(v, 'summary') }),
  },
  STOP: {
    title: 'JOS stoppen',
    submitLabel: 'JOS stoppen',
    mutation: 'stopJos',
    fields: [REASON],
    toInput: (v) => ({ reason: str(v, 'reason') }),
  },
};

// ---- P4 Zorgplicht --------------------------------------------------------------------------

const P4: Record<string, StepFormSpec> = {
  RECORD_INVESTIGATION: {
    title: 'Onderzoek vastleggen',
    submitLabel: 'Opslaan',
    mutation: 'recordZorgplichtInvestigation',
    fields: [
      {
        name: 'kind',
        label: 'Stap',
        kind: 'select',
        required: true,
        options: [
          { value: 'INFO_OUDERS_GEVRAAGD', label: 'Informatie bij ouders gevraagd' },
          { value: 'INFO_VORIGE_SCHOOL_GEVRAAGD', label: 'Informatie bij vorige school gevraagd' },
          { value: 'OSO_DOSSIER_ONTVANGEN', label: 'OSO-dossier ontvangen' },
          { value: 'INTAKE', label: 'Intake' },
          { value: 'OBSERVATIE', label: 'Observatie' },
        ],
      },
      { name: 'date', label: 'Datum', kind: 'date', required: true, initial: 'today' },
      { name: 'summary', label: 'Interne notitie', kind: 'multiline', helper: 'Alleen voor de school; niet zichtbaar voor het SWV.' },
    ],
    toInput: (v) => ({ kind: str(v, 'kind'), date: str(v, 'date'), summary: opt(v, 'summary') }),
  },
  EXTEND_TERM: {
    title: 'Beslistermijn verlengen',
    description: 'De termijn kan één keer met ten hoogste 4 weken worden verlengd. De ouders krijgen een brief.',
    submitLabel: 'Termijn verlengen',
    mutation: 'extendZorgplichtTerm',
    fields: [
      { name: 'weeks', label: 'Aantal weken', kind: 'number', required: true, min: 1, max: 4, initial: '4' },
      { ...REASON, helper: 'Staat in de brief aan de ouders.' },
    ],
    toInput: (v) => ({ weeks: int(v, 'weeks'), reason: str(v, 'reason') }),
  },
  RECORD_DECISION: {
    title: 'Besluit over de aanmelding',
    submitLabel: 'Besluit vastleggen',
    mutation: 'recordZorgplichtDecision',
    fields: [
      {
        name: 'outcome',
        label: 'Besluit',
        kind: 'select',
        required: true,
        options: [
          { value: 'TOEGELATEN', label: 'Toegelaten' },
          { value: 'PLEK_ELDERS', label: 'Plek op een andere school' },
          { value: 'TLV_AANGEVRAAGD', label: 'TLV aangevraagd' },
          { value: 'INGETROKKEN', label: 'Ingetrokken door ouders' },
        ],
      },
      { name: 'motivation', label: 'Motivering (in de besluitbrief)', kind: 'multiline', required: true, showIf: (v) => v.outcome !== 'INGETROKKEN' },
      { name: 'arrangement', label: 'Arrangement (extra ondersteuning)', kind: 'text', showIf: (v) => v.outcome === 'TOEGELATEN' },
      { name: 'admittingSchoolName', label: 'School die de leerling toelaat', kind: 'text', required: true, showIf: (v) => v.outcome === 'PLEK_ELDERS' },
      { name: 'agreementDate', label: 'Datum akkoord andere school', kind: 'date', required: true, showIf: (v) => v.outcome === 'PLEK_ELDERS' },
      { name: 'tlvRequestedOn', label: 'TLV aangevraagd op', kind: 'date', required: true, showIf: (v) => v.outcome === 'TLV_AANGEVRAAGD' },
      { name: 'reason', label: 'Hoe en waarom trokken de ouders in?', kind: 'multiline', required: true, showIf: (v) => v.outcome === 'INGETROKKEN' },
    ],
    toInput: (v) => {
      const o = str(v, 'outcome');
      return {
        outcome: o,
        motivation: o !== 'INGETROKKEN' ? opt(v, 'motivation') : null,
        arrangement: o === 'TOEGELATEN' ? opt(v, 'arrangement') : null,
        admittingSchoolName: o === 'PLEK_ELDERS' ? opt(v, 'admittingSchoolName') : null,
        agreementDate: o === 'PLEK_ELDERS' ? opt(v, 'agreementDate') : null,
        tlvRequestedOn: o === 'TLV_AANGEVRAAGD' ? opt(v, 'tlvRequestedOn') : null,
        reason: o === 'INGETROKKEN' ? opt(v, 'reason') : null,
      };
    },
  },
};

// ---- P5 OOV ----------------------------------------------------------------------------------

export const OOV_ARRANGEMENTS: readonly FieldOption[] = [
  { value: 'OBSERVATIE_6W', label: 'Observatietraject (6 weken)' },
  { value: 'OBS_BEHANDEL_3M', label: 'Observatie- en behandeltraject (3 maanden)' },
  { value: 'OBS_BEHANDEL_6M', label: 'Observatie- en behandeltraject (6 maanden)' },
];
const OOV_REASONS: readonly FieldOption[] = [
  { value: 'VEILIGHEID', label: 'Veiligheid van de leerling of anderen' },
  { value: 'SCHOOLANGST', label: 'Schoolangst' },
  { value: 'OBSERVATIE_ONDERWIJSBEHOEFTE', label: 'Observatie van de onderwijsbehoefte' },
  { value: 'GEDRAG_TIJDELIJK_ELDERS', label: 'Gedrag: tijdelijk elders' },
];
const OOV_PARTIES: readonly FieldOption[] = [
  { value: 'OUDERS', label: 'Ouders' },
  { value: 'SWV', label: 'Samenwerkingsverband' },
  { value: 'SOCIAAL_TEAM', label: 'Sociaal Team' },
  { value: 'ANDERS', label: 'Anders' },
];
const OOV_NEXT: readonly FieldOption[] = [
  { value: 'TERUGKEER', label: 'Terugkeer naar school' },
  { value: 'VERLENGD', label: 'Verlengen (nieuw besluit van het SWV)' },
  { value: 'VERVOLG_VSO', label: 'Vervolg in het VSO (TLV-route)' },
];
const granted = (v: StepValues) => v.decision === 'TOEGEKEND';

const oovEvaluation = (title: string, end: boolean): StepFormSpec => ({
  title,
  submitLabel: 'Evaluatie opslaan',
  mutation: 'recordOovEvaluation',
  fields: [
    F.long('summary', 'Verslag van de evaluatie', { ...req, minLength: 3, helper: 'Alleen voor de school; het SWV ziet dit niet.' }),
    ...(end
      ? [
          F.select('nextStep', 'Vervolg', OOV_NEXT, req),
          F.select('extensionArrangement', 'Gevraagd arrangement', OOV_ARRANGEMENTS, { ...req, showIf: (v) => v.nextStep === 'VERLENGD' }),
          F.long('extensionMotivation', 'Motivering van de verlenging', { ...req, showIf: (v) => v.nextStep === 'VERLENGD' }),
          F.long('vsoNote', 'Hoe gaat de TLV-route verder?', { showIf: (v) => v.nextStep === 'VERVOLG_VSO' }),
          F.date('tlvRequestedOn', 'TLV aangevraagd op', { showIf: (v) => v.nextStep === 'VERVOLG_VSO' }),
        ]
      : []),
  ],
  toInput: (v) => {
    const next = end ? str(v, 'nextStep') : '';
    return {
      summary: str(v, 'summary'),
      nextStep: next || null,
      extensionArrangement: next === 'VERLENGD' ? str(v, 'extensionArrangement') : null,
      extensionMotivation: next === 'VERLENGD' ? str(v, 'extensionMotivation') : null,
      vsoNote: next === 'VERVOLG_VSO' ? opt(v, 'vsoNote') : null,
      tlvRequestedOn: next === 'VERVOLG_VSO' ? opt(v, 'tlvRequestedOn') : null,
    };
  },
});

const P5: Record<string, StepFormSpec> = {
  OOV_RECORD_CONSULTATIONS: {
    title: 'Overleg vastleggen',
    description: 'Leg het overleg met de ouders, het samenwerkingsverband en het Sociaal Team vast; alle drie zijn nodig voor de aanvraag.',
    submitLabel: 'Overleg opslaan',
    mutation: 'recordOovConsultation',
    fields: [
      F.select('party', 'Met wie', OOV_PARTIES, req),
      F.date('date', 'Datum', { ...req, initial: 'today' }),
      F.text('withWhom', 'Naam of functie', { helper: 'Bijvoorbeeld "onderwijsspecialist SWV".' }),
      F.long('summary', 'Verslag', { ...req, minLength: 3, helper: 'Alleen voor de school; het SWV ziet dit niet.' }),
    ],
    toInput: (v) => ({ party: str(v, 'party'), date: str(v, 'date'), withWhom: opt(v, 'withWhom'), summary: str(v, 'summary') }),
  },
  OOV_SUBMIT_REQUEST: {
    title: 'OOV-aanvraag indienen',
    description: 'De aanvraag gaat naar het loket van het samenwerkingsverband, dat binnen de termijn besluit.',
    submitLabel: 'Aanvraag indienen',
    mutation: 'submitOovRequest',
    fields: [
      F.select('reason', 'Reden', OOV_REASONS, req),
      F.select('arrangement', 'Gevraagd arrangement', OOV_ARRANGEMENTS, req),
      F.text('preferredLocation', 'Voorkeurslocatie'),
      F.long('motivation', 'Motivering', { ...req, minLength: 10, helper: 'Waarom nu een OOV, en wat heeft de school al gedaan?' }),
      F.long('goals', 'Doelen van de plaatsing', { ...req, minLength: 3 }),
      F.staff('leerlingbegeleiderId', 'Leerlingbegeleider (intake)', 'COACH'),
    ],
    toInput: (v) => ({
      reasons: [str(v, 'reason')],
      arrangement: str(v, 'arrangement'),
      preferredLocation: opt(v, 'preferredLocation'),
      motivation: str(v, 'motivation'),
      goals: str(v, 'goals'),
      leerlingbegeleiderId: opt(v, 'leerlingbegeleiderId'),
    }),
  },
  OOV_SWV_DECISION: {
    title: 'Besluit over de OOV-aanvraag',
    description: 'Het samenwerkingsverband kent de plaatsing toe (met arrangement en locatie) of wijst haar af, met motivering.',
    submitLabel: 'Besluit vastleggen',
    mutation: 'recordOovSwvDecision',
    fields: [
      F.select(
        'decision',
        'Besluit',
        [
          { value: 'TOEGEKEND', label: 'Toegekend' },
          { value: 'AFGEWEZEN', label: 'Afgewezen' },
        ],
        req,
      ),
      F.select('arrangement', 'Arrangement', OOV_ARRANGEMENTS, { ...req, showIf: granted }),
      F.text('location', 'Locatie van de OOV', { ...req, showIf: granted }),
      F.long('motivation', 'Motivering', { ...req, minLength: 3 }),
    ],
    toInput: (v) => ({
      decision: str(v, 'decision'),
      arrangement: granted(v) ? str(v, 'arrangement') : null,
      location: granted(v) ? str(v, 'location') : null,
      motivation: str(v, 'motivation'),
    }),
  },
  OOV_INTAKE: {
    title: 'Intake bij de OOV vastleggen',
    submitLabel: 'Intake opslaan',
    mutation: 'recordOovIntake',
    fields: [
      F.date('date', 'Datum intake', { ...req, initial: 'today' }),
      F.date('startDate', 'Eerste dag op de OOV', req),
      F.check('leerlingbegeleiderPresent', 'Leerlingbegeleider aanwezig', { initial: true }),
      F.check('zorgcoordinatorPresent', 'Zorgcoördinator aanwezig', { initial: true }),
      F.text('oovContact', 'Contactpersoon OOV'),
      F.long('carePartners', 'Zorgpartners (één per regel)', { helper: 'Bijvoorbeeld STEK, GGZ, Sociaal Team.' }),
      F.long('summary', 'Verslag', { ...req, minLength: 3 }),
    ],
    toInput: (v) => ({
      date: str(v, 'date'),
      startDate: str(v, 'startDate'),
      leerlingbegeleiderPresent: bool(v, 'leerlingbegeleiderPresent'),
      zorgcoordinatorPresent: bool(v, 'zorgcoordinatorPresent'),
      oovContact: opt(v, 'oovContact'),
      carePartners: lines(v, 'carePartners'),
      summary: str(v, 'summary'),
    }),
  },
  OOV_MID_EVALUATION: oovEvaluation('Evaluatie halverwege', false),
  OOV_END_EVALUATION: oovEvaluation('Evaluatie voor het einde', true),
  OOV_RETURN_PLAN: {
    title: 'Terugkeerplan en overdracht',
    submitLabel: 'Terugkeerplan opslaan',
    mutation: 'recordOovReturnPlan',
    fields: [
      F.date('returnDate', 'Eerste dag terug op school', req),
      F.long('plan', 'Terugkeerplan', { ...req, minLength: 10 }),
      F.date('handoverDate', 'Datum overdrachtsgesprek', { ...req, initial: 'today' }),
      F.long('handoverSummary', 'Verslag van de overdracht', { ...req, minLength: 3 }),
      F.check('mentorInformed', 'De mentor is geïnformeerd', { initial: true }),
    ],
    toInput: (v) => ({
      returnDate: str(v, 'returnDate'),
      plan: str(v, 'plan'),
      handoverDate: str(v, 'handoverDate'),
      handoverSummary: str(v, 'handoverSummary'),
      mentorInformed: bool(v, 'mentorInformed'),
    }),
  },
  OOV_FOLLOW_UP: {
    title: 'Evaluatie na de terugkeer',
    submitLabel: 'Evaluatie opslaan',
    mutation: 'recordOovFollowUp',
    fields: [
      F.date('date', 'Datum', { ...req, initial: 'today' }),
      F.long('summary', 'Verslag', { ...req, minLength: 3 }),
      F.check('returnSucceeded', 'De terugkeer is geslaagd', { initial: true }),
    ],
    toInput: (v) => ({ date: str(v, 'date'), summary: str(v, 'summary'), returnSucceeded: bool(v, 'returnSucceeded') }),
  },
  STOP_OOV: {
    title: 'OOV-traject stoppen',
    submitLabel: 'Traject stoppen',
    mutation: 'stopOov',
    fields: [REASON],
    toInput: (v) => ({ reason: str(v, 'reason') }),
  },
};

// ---- Any process: after a consent request timed out -------------------------------------------

/** The open step of the zorgcoördinator's decision after a consent request of this kind timed out. */
export const CONSENT_TIMEOUT_STEP_PREFIX = 'DECIDE_CONSENT_';

/** What the form needs to know of the timed-out request (from the case's consents). */
export interface TimedOutConsent {
  id: string;
  kind: string;
  label: string;
  status: string;
  requestedAt: string;
}

/**
 * The form for `DECIDE_CONSENT_<kind>`: ask the parents again, or stop asking ("geen toestemming"; the process then
 * goes on as without consent, e.g. a JOS case closes). Null when the case shows no timed-out request of that kind.
 */
export function consentTimeoutSpec(caseId: string, step: string, consents: readonly TimedOutConsent[]): StepFormSpec | null {
  if (!step.startsWith(CONSENT_TIMEOUT_STEP_PREFIX)) return null;
  const kind = step.slice(CONSENT_TIMEOUT_STEP_PREFIX.length);
  const request = [...consents]
    .filter((c) => c.kind === kind && c.status === 'TIMED_OUT')
    .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))[0];
  if (!request) return null;
  return {
    title: 'Besluit na verlopen toestemmingsverzoek',
    description: `De ouders hebben niet op tijd gereageerd op het verzoek "${request.label}". Vraag opnieuw om toestemming, of sluit af als "geen toestemming".`,
    submitLabel: 'Besluit vastleggen',
    mutation: 'decideConsentTimeout',
    fields: [
      F.select(
        'decision',
        'Besluit',
        [
          { value: 'RETRY', label: 'Opnieuw om toestemming vragen' },
          { value: 'ABANDON', label: 'Afsluiten: geen toestemming' },
        ],
        req,
      ),
      { ...REASON, helper: 'Bijvoorbeeld wat u met de ouders hebt besproken; komt in het logboek.' },
    ],
    toInput: (v) => ({ caseId, requestId: request.id, decision: str(v, 'decision'), reason: str(v, 'reason') }),
    inputOnly: true,
  };
}

const SPECS: Partial<Record<ProcessType, Record<string, StepFormSpec>>> = {
  ONDERSTEUNINGSTRAJECT: P1,
  ZORGROUTE: P2,
  JOS: P3,
  ZORGPLICHT: P4,
  OOV: P5,
};

/** The form for a step of a process, if the UI has one. */
export function stepFormSpec(process: ProcessType, step: string): StepFormSpec | null {
  return SPECS[process]?.[step] ?? null;
}

/**
 * The step buttons of a case: the open human steps, plus the actions that are always possible
 * while the case is open (log a session during an active trajectory, stop the case).
 */
export function caseActions(process: ProcessType, status: string, openSteps: readonly string[], closed: boolean): string[] {
  if (closed) return [];
  const actions = [...openSteps];
  const add = (step: string) => {
    if (!actions.includes(step)) actions.push(step);
  };
  if (process === 'ONDERSTEUNINGSTRAJECT') {
    if (status === 'ACTIEF') add('LOG_SESSION');
    add('STOP_TRAJECTORY');
  }
  // The any-time stop steps by their catalogue names, so the catalogue's form is the one offered (never a second button).
  if (process === 'ZORGROUTE') add('CLOSE_ZORGROUTE');
  if (process === 'JOS') {
    // While the startgesprek is open the JOS worker can plan it (invitations) before recording it.
    const at = actions.indexOf('RECORD_STARTGESPREK');
    if (at >= 0 && !actions.includes('PLAN_STARTGESPREK')) actions.splice(at, 0, 'PLAN_STARTGESPREK');
    add('STOP_JOS');
  }
  if (process === 'OOV') add('STOP_OOV');
  if (process === 'OPP') add('STOP_OPP');
  return actions;
}

// ---- Who may take a step (mirrors the API) -----------------------------------------------------

const COORDINATION: readonly Role[] = ['ZORGCOORDINATOR', 'ADMIN'];
/** `canActOnCase(user, case, false)`: the coordination roles plus the staff taking part in the case. */
const PARTICIPANTS: readonly Role[] = [...COORDINATION, 'COACH', 'MENTOR', 'JOS_MEDEWERKER'];
/** P2 REFERRAL / CONVERSATION steps (zorgroute-step.runner.ts). */
const P2_REFERRERS: readonly Role[] = [...COORDINATION, 'MENTOR', 'TEAMLEIDER', 'COACH'];
const P2_CONVERSATION: readonly Role[] = [...P2_REFERRERS, 'JOS_MEDEWERKER'];
/** P3: the mentor's form and the JOS worker's steps; the zorgcoördinator may act on their behalf (jos-step.usecases.ts). */
const P3_MENTOR: readonly Role[] = [...COORDINATION, 'MENTOR'];
const P3_JOS: readonly Role[] = [...COORDINATION, 'JOS_MEDEWERKER'];
/** P5: placement steps (leerlingbegeleider) and the SWV's decision (runAs in oov-step.usecases.ts). */
const P5_PLACEMENT: readonly Role[] = [...COORDINATION, 'COACH'];
const P5_SWV: readonly Role[] = ['SWV_MEDEWERKER', 'ADMIN'];

const STEP_ROLES: Partial<Record<ProcessType, Record<string, readonly Role[]>>> = {
  ONDERSTEUNINGSTRAJECT: {
    RECORD_INTAKE: COORDINATION,
    ASSIGN_COACH: COORDINATION,
    STOP_TRAJECTORY: COORDINATION,
    LOG_SESSION: PARTICIPANTS,
    RECORD_MID_EVALUATION: PARTICIPANTS,
    RECORD_OUTCOME: PARTICIPANTS,
  },
  ZORGROUTE: {
    SUBMIT_REFERRAL: P2_REFERRERS,
    RECORD_VOORGESPREK: P2_CONVERSATION,
    RECORD_NAGESPREK: P2_CONVERSATION,
    RECORD_ZAT_FEEDBACK: P2_CONVERSATION,
  },
  JOS: {
    SUBMIT_FORM: P3_MENTOR,
    PLAN_STARTGESPREK: P3_JOS,
    RECORD_STARTGESPREK: P3_JOS,
    SET_GOALS: P3_JOS,
    LOG_CONTACT: P3_JOS,
    RECORD_EVALUATION: P3_JOS,
    RECORD_OUTCOME: P3_JOS,
    STOP: COORDINATION,
  },
  OOV: {
    OOV_SWV_DECISION: P5_SWV,
    OOV_INTAKE: P5_PLACEMENT,
    OOV_MID_EVALUATION: P5_PLACEMENT,
    OOV_END_EVALUATION: P5_PLACEMENT,
    OOV_FOLLOW_UP: P5_PLACEMENT,
  },
};

/**
 * May a user with this role take the step (so the case page shows its button)? Mirrors the API: every step not
 * listed above is a coordination step (the school's zorgcoördinator or an admin), as are the decisions after a
 * consent request timed out. The API still checks the rest (school, taking part in the case, the step being open).
 */
export function mayTakeStep(process: ProcessType, step: string, role: Role | null | undefined): boolean {
  if (!role) return false;
  return (STEP_ROLES[process]?.[step] ?? COORDINATION).includes(role);
}

/** Initial values of a form; `today` fills date fields marked 'today'. */
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
