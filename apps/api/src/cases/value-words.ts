import { dateInWords, dateTimeInWords } from '@zorgroute/dates';
import { allSteps, type FieldDefinition } from '@zorgroute/processes';
import { textForPeople } from '../common/text-for-people';
import { isUuid } from '@zorgroute/domain';

/**
 * The values a case holds (enum values, field names, dates, ids) as Dutch words for people — the family's dossier PDF,
 * the outcome on the case page. The words come from the step catalogue (every choice's option label, every field's
 * label), so a value is named where it is defined; what the catalogue does not name is turned into plain words
 * ("SOME_VALUE" → "some value"), and ids are left out. Never a machine name on a Dutch page (issue 17.4).
 */
const OPTION_LABELS = new Map<string, string>();
const FIELD_LABELS = new Map<string, string>();

function collect(fields: readonly FieldDefinition[]): void {
  for (const f of fields) {
    if (!FIELD_LABELS.has(f.name)) FIELD_LABELS.set(f.name, f.label);
    for (const o of f.options ?? []) if (!OPTION_LABELS.has(o.value)) OPTION_LABELS.set(o.value, o.label);
    if (f.fields) collect(f.fields);
  }
}
for (const step of allSteps()) collect(step.fields);

/** Outcomes of a case that are not a choice in a form (set by the process itself). */
const OUTCOME_LABELS: Record<string, string> = {
  AFGEROND: 'Afgerond',
  VERLENGD: 'Verlengd',
  DOORVERWEZEN: 'Doorverwezen',
  GESTOPT: 'Gestopt',
  GESLOTEN_DOOR_BEHEERDER: 'Afgesloten door de school',
  GEWEIGERD: 'Geen toestemming',
  TOEGELATEN: 'Toegelaten',
  PLEK_ELDERS: 'Plek op een andere school',
  NIET_TOEGELATEN: 'Niet toegelaten',
};

/** Read-model keys that are not a form field, in Dutch. Keys not here and not in the catalogue stay out of the family's view. */
const DATA_LABELS: Record<string, string> = {
  goal: 'Doel',
  coachName: 'Coach',
  sessions: 'Sessies',
  attended: 'Aanwezig',
  thermometer: 'Thermometerscore',
  date: 'Datum',
  decision: 'Besluit',
  outcome: 'Uitkomst',
  motivation: 'Motivering',
  arrangement: 'Afspraken',
  investigations: 'Onderzoek',
  kind: 'Soort',
  summary: 'Samenvatting',
  receivedOn: 'Aanmelding ontvangen op',
  extraSupportExpected: 'Extra ondersteuning verwacht',
  clock: 'Beslistermijn',
  dueDate: 'Besluit uiterlijk',
  extended: 'Verlengd',
  extensionWeeks: 'Verlengd met (weken)',
  extendedOn: 'Verlengd op',
  extensionReason: 'Reden van de verlenging',
  startDate: 'Startdatum',
  endDate: 'Einddatum',
  weeks: 'Aantal weken',
  reason: 'Reden',
  plannedStartgesprek: 'Gepland startgesprek',
  time: 'Tijd',
  location: 'Plaats',
  mode: 'Vorm',
  recordedBy: 'Vastgelegd door',
  midEvaluation: 'Tussenevaluatie',
  finalEvaluation: 'Eindevaluatie',
  placement: 'Plaatsing',
  returnDate: 'Terug op school op',
  request: 'Aanvraag',
};

/** Keys that are the process's bookkeeping, not information about the pupil. */
const SKIPPED_KEYS = new Set(['dueDates', 'openSteps', 'availableSteps', 'swvSignals', 'warnDaysBefore', 'requestKey', 'source', 'dueRule', 'dueInputs', 'mailFailures', 'documents', 'ledTo', 'stuckReasons', 'suspendSummerHoliday', 'firstTermExplanation', 'tenWeekExplanation', 'preferenceSchoolIds', 'policyVersion']);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MACHINE = /^[A-Z][A-Z0-9_]+$/;

/** "SOME_VALUE" → "some value". */
function plainWords(name: string): string {
  return name.toLowerCase().replace(/_/g, ' ').trim();
}

/** The Dutch name of an enum value ("ONVOLDOENDE_PROFIJT_GROEPSPLAN" → "Onvoldoende profijt van het groepsplan"). */
export function valueLabel(value: string): string {
  const known = OPTION_LABELS.get(value) ?? OUTCOME_LABELS[value];
  if (known) return known;
  if (!MACHINE.test(value)) return value;
  const words = plainWords(value);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The outcome of a case in Dutch, or null. */
export function outcomeLabel(outcome: string | null): string | null {
  return outcome ? valueLabel(outcome) : null;
}

/** The Dutch label of a data key, or null when it is no information for people (ids, bookkeeping). */
export function dataKeyLabel(key: string): string | null {
  if (SKIPPED_KEYS.has(key) || /(?:Id|Ids|Key|Keys)$/.test(key)) return null;
  return DATA_LABELS[key] ?? FIELD_LABELS.get(key) ?? null;
}

/** One value in words: dates in words, yes/no, enum labels; ids and empty values give null. */
export function valueInWords(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (isUuid(value)) return null;
    if (ISO_DATE.test(value)) return dateInWords(value);
    if (TIMESTAMP.test(value)) return dateTimeInWords(value);
    return MACHINE.test(value) ? valueLabel(value) : textForPeople(value);
  }
  if (Array.isArray(value)) {
    const items = value.map(valueInWords).filter((v): v is string => !!v);
    return items.length ? items.join('; ') : null;
  }
  if (typeof value === 'object') {
    const parts = dataInWords(value as Record<string, unknown>).map(([k, v]) => `${k.toLowerCase()}: ${v}`);
    return parts.length ? parts.join(', ') : null;
  }
  return null;
}

/** A case's data as labelled lines for people: only keys with a Dutch label, each value in words. */
export function dataInWords(data: Record<string, unknown>): [string, string][] {
  const lines: [string, string][] = [];
  for (const [key, value] of Object.entries(data)) {
    const label = dataKeyLabel(key);
    if (!label) continue;
    const text = valueInWords(value);
    if (text) lines.push([label, text]);
  }
  return lines;
}
