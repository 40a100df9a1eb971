/**
 * The zorgplicht clock of P4 as pure functions (no Temporal, no I/O): used by the workflow (inside
 * its sandbox), by the api (the SWV view computes days remaining from the same rules) and by tests.
 *
 * - The decision is due `decisionWeeks` (6) calendar weeks after the written application was received.
 * - It may be extended once (`maxExtensions`), by at most `extensionMaxWeeks` (4) weeks, and only
 *   before the first term ends: the last allowed day is the first due date itself.
 * - With the policy flag `suspendSummerHoliday` the zomervakantie does not count (default off).
 * - The SWV loket is told when `swvWarnDaysBefore` (7) days remain without a decision (or
 *   extension), the day after the term is overdue, and at `swvAlertAfterWeeks` (10) weeks after
 *   receipt without a decision.
 */
import { addCalendarDays, calendarDaysBetween, dueInCalendarWeeks, isIsoDate, type DueDate, type IsoDate, type SchoolCalendar, type ZorgplichtPolicy } from '@zorgroute/domain/logic';

export type ZorgplichtOutcome = 'TOEGELATEN' | 'PLEK_ELDERS' | 'TLV_AANGEVRAAGD' | 'INGETROKKEN';
export const ZORGPLICHT_OUTCOMES: readonly ZorgplichtOutcome[] = ['TOEGELATEN', 'PLEK_ELDERS', 'TLV_AANGEVRAAGD', 'INGETROKKEN'];

/** The SWV loket's signals (PROCESSES.md P4.3). */
export type ZorgplichtSwvSignal = 'WEEK_LEFT' | 'OVERDUE' | 'TEN_WEEKS';

export interface ZorgplichtExtension {
  weeks: number;
  reason: string;
  /** The day the extension (and its written notice) was recorded. */
  extendedOn: IsoDate;
}

/** Everything needed to explain and watch the term; stored in the case's read-model data as `clock`. */
export interface ZorgplichtClock {
  receivedOn: IsoDate;
  suspendSummerHoliday: boolean;
  /** receipt + 6 weeks: the end of the first term (and the last day on which it may be extended). */
  firstTerm: DueDate;
  extension: ZorgplichtExtension | null;
  /** The due date in force: the first term, or the extended one. */
  due: DueDate;
  /** receipt + 10 weeks: the SWV's thuiszitter alert. */
  tenWeekMark: DueDate;
}

export interface ZorgplichtClockRejection {
  code: 'STEP_NOT_ALLOWED';
  nl: string;
  en: string;
}

type ZorgplichtClockPolicy = Pick<ZorgplichtPolicy, 'decisionWeeks' | 'maxExtensions' | 'extensionMaxWeeks' | 'suspendSummerHoliday' | 'swvWarnDaysBefore' | 'swvAlertAfterWeeks'>;

/** The clock as it starts on receipt of the written application. */
export function startZorgplichtClock(receivedOn: IsoDate, policy: ZorgplichtClockPolicy, cal: SchoolCalendar): ZorgplichtClock {
  const opts = { suspendSummerHoliday: policy.suspendSummerHoliday, cal };
  const firstTerm = dueInCalendarWeeks(receivedOn, policy.decisionWeeks, 'P4.decisionWeeks', opts);
  const tenWeekMark = dueInCalendarWeeks(receivedOn, policy.swvAlertAfterWeeks, 'P4.swvAlertAfterWeeks', opts);
  const term: DueDate = {
    ...firstTerm,
    explanation: `Besluit ${sentence(firstTerm.explanation)}; ${receivedOn} is de datum van ontvangst van de schriftelijke aanmelding (regel ${firstTerm.rule}).`,
  };
  return {
    receivedOn,
    suspendSummerHoliday: policy.suspendSummerHoliday,
    firstTerm: term,
    extension: null,
    due: term,
    tenWeekMark: { ...tenWeekMark, explanation: `Melding aan het SWV bij nog geen besluit ${sentence(tenWeekMark.explanation)} (regel ${tenWeekMark.rule}).` },
  };
}

/** "Uiterlijk 2027-01-04: 6 kalenderweken na …." → "uiterlijk 2027-01-04: 6 kalenderweken na …" */
function sentence(explanation: string): string {
  const body = explanation.replace(/\.\s*$/, '');
  return body.charAt(0).toLowerCase() + body.slice(1);
}

/**
 * Why the term cannot be extended on `today`, or null when it can: the statutory rules (at most `maxExtensions`
 * times, only up to the last day of the first term). How many weeks (1 to the policy's `extensionMaxWeeks`) is a
 * field of the step, checked by the step catalogue (libs/processes, EXTEND_TERM). The update validator turns a
 * rejection into a clear error; nothing is recorded.
 */
export function zorgplichtExtensionRejection(clock: ZorgplichtClock, extensionsUsed: number, today: IsoDate, policy: ZorgplichtClockPolicy): ZorgplichtClockRejection | null {
  if (extensionsUsed >= policy.maxExtensions) {
    return {
      code: 'STEP_NOT_ALLOWED',
      nl: `De beslistermijn is al ${extensionsUsed === 1 ? 'een keer' : `${extensionsUsed} keer`} verlengd; opnieuw verlengen is niet toegestaan (maximaal ${policy.maxExtensions} keer)`,
      en: `The term was already extended ${extensionsUsed} time(s); another extension is not allowed (at most ${policy.maxExtensions})`,
    };
  }
  if (today > clock.firstTerm.date) {
    return {
      code: 'STEP_NOT_ALLOWED',
      nl: `De eerste termijn is verstreken op ${clock.firstTerm.date}; verlengen kan alleen vóór het einde van de eerste termijn`,
      en: `The first term ended on ${clock.firstTerm.date}; the term can only be extended before the first term ends`,
    };
  }
  return null;
}

/** The clock after an extension of `weeks` (validated by {@link zorgplichtExtensionRejection}). */
export function extendZorgplichtClock(clock: ZorgplichtClock, ext: ZorgplichtExtension, cal: SchoolCalendar): ZorgplichtClock {
  const due = dueInCalendarWeeks(clock.firstTerm.date, ext.weeks, 'P4.extensionMaxWeeks', { suspendSummerHoliday: clock.suspendSummerHoliday, cal });
  return {
    ...clock,
    extension: { ...ext },
    due: {
      ...due,
      inputs: { ...due.inputs, receivedOn: clock.receivedOn, firstTerm: clock.firstTerm.date, extendedOn: ext.extendedOn },
      explanation: `Besluit ${sentence(due.explanation)}: de termijn is op ${ext.extendedOn} eenmalig verlengd met ${ext.weeks === 1 ? '1 week' : `${ext.weeks} weken`} na het einde van de eerste termijn (${clock.firstTerm.date}, ontvangst ${clock.receivedOn}) (regel ${due.rule}).`,
    },
  };
}

export interface ZorgplichtSwvSignalPlan {
  /** Stable key of the signal (also the message key suffix), e.g. `week-left-1`, `overdue-2`, `ten-weeks`. */
  key: string;
  signal: ZorgplichtSwvSignal;
  /** The calendar date on which the signal is due (sent at the policy's send time). */
  date: IsoDate;
  /** The due date the signal is about. */
  dueDate: IsoDate;
  /** Higher wins when several signals are due at once (e.g. a clock registered late). */
  severity: number;
}

/**
 * The SWV signals of a clock that is still open (no decision). PROCESSES.md P4.3: the SWV loket is told "when 1 week
 * remains without decision *or extension*": the "week left" of term 1 only while the term is not extended, and no
 * "week left" for the extended term (an extension already told the SWV the school is on it). "Overdue" follows the
 * due date in force (term 1, or the extended term), and the 10-week mark stays.
 */
export function zorgplichtSwvSignalPlan(clock: ZorgplichtClock, policy: Pick<ZorgplichtPolicy, 'swvWarnDaysBefore'>): ZorgplichtSwvSignalPlan[] {
  const term = clock.extension ? 2 : 1;
  const plan: ZorgplichtSwvSignalPlan[] = [
    ...(clock.extension
      ? []
      : [{ key: 'week-left-1', signal: 'WEEK_LEFT' as const, date: addCalendarDays(clock.due.date, -policy.swvWarnDaysBefore), dueDate: clock.due.date, severity: 1 }]),
    { key: `overdue-${term}`, signal: 'OVERDUE', date: addCalendarDays(clock.due.date, 1), dueDate: clock.due.date, severity: 2 },
    { key: 'ten-weeks', signal: 'TEN_WEEKS', date: clock.tenWeekMark.date, dueDate: clock.due.date, severity: 3 },
  ];
  return plan.sort((a, b) => (a.date === b.date ? a.severity - b.severity : a.date < b.date ? -1 : 1));
}

export interface ZorgplichtClockStatus {
  /** Calendar days from today to the due date: 0 on the due date, negative when overdue. */
  daysRemaining: number;
  overdue: boolean;
  daysOverdue: number;
  tenWeekReached: boolean;
  /** Calendar days from receipt to today. */
  daysSinceReceipt: number;
}

/** Where a clock stands on `today` (the SWV view and the CSV export use this). */
export function zorgplichtClockStatus(clock: Pick<ZorgplichtClock, 'receivedOn' | 'due' | 'tenWeekMark'>, today: IsoDate): ZorgplichtClockStatus {
  return zorgplichtClockStatusOn({ receivedOn: clock.receivedOn, dueDate: clock.due.date, tenWeekDate: clock.tenWeekMark.date }, today);
}

/** The same from the plain dates (as the read model stores them). */
export function zorgplichtClockStatusOn(c: { receivedOn: IsoDate; dueDate: IsoDate; tenWeekDate: IsoDate }, today: IsoDate): ZorgplichtClockStatus {
  const daysRemaining = calendarDaysBetween(today, c.dueDate);
  return {
    daysRemaining,
    overdue: daysRemaining < 0,
    daysOverdue: Math.max(0, -daysRemaining),
    tenWeekReached: today >= c.tenWeekDate,
    daysSinceReceipt: calendarDaysBetween(c.receivedOn, today),
  };
}

/** A decision on or before the due date in force is on time (a decision on the due date itself is on time). */
export function zorgplichtDecidedOnTime(clock: Pick<ZorgplichtClock, 'due'>, decidedOn: IsoDate): boolean {
  return decidedOn <= clock.due.date;
}

export interface ZorgplichtApplicationCheck {
  /** The school that registers the application. */
  schoolId: string;
  receivedOn: unknown;
  /** The parents' preference order; the first is the school of first preference, which holds the zorgplicht. */
  preferenceSchoolIds: unknown;
  today: IsoDate;
  /** Open zorgplicht clocks of the same pupil (any school). */
  openClocks?: { caseId: string; schoolId: string }[];
  /** How far back a receipt date may lie (default 1 year). */
  maxDaysInPast?: number;
}

export interface ZorgplichtApplicationRejection {
  code: 'BAD_USER_INPUT' | 'NOT_FIRST_PREFERENCE' | 'CLOCK_ALREADY_RUNNING';
  nl: string;
  en: string;
  /** For NOT_FIRST_PREFERENCE / CLOCK_ALREADY_RUNNING: the school that holds the zorgplicht. */
  zorgplichtSchoolId?: string;
  caseId?: string;
}

/**
 * Whether an application starts a zorgplicht clock at this school. Only the school of first
 * preference holds the zorgplicht (003:305-307): an application at a school that is not the
 * parents' first preference, or for a pupil whose clock already runs, is refused with a clear
 * error and nothing is recorded (no clock is started).
 */
export function zorgplichtApplicationRejection(a: ZorgplichtApplicationCheck): ZorgplichtApplicationRejection | null {
  if (!isIsoDate(a.receivedOn)) {
    return { code: 'BAD_USER_INPUT', nl: 'De datum van ontvangst moet een datum zijn (JJJJ-MM-DD)', en: 'The date of receipt must be a date (YYYY-MM-DD)' };
  }
  if (a.receivedOn > a.today) {
    return { code: 'BAD_USER_INPUT', nl: 'De datum van ontvangst kan niet in de toekomst liggen', en: 'The date of receipt cannot be in the future' };
  }
  const maxPast = a.maxDaysInPast ?? 366;
  if (calendarDaysBetween(a.receivedOn, a.today) > maxPast) {
    return { code: 'BAD_USER_INPUT', nl: `De datum van ontvangst ligt meer dan ${maxPast} dagen in het verleden`, en: `The date of receipt is more than ${maxPast} days ago` };
  }
  const prefs = a.preferenceSchoolIds;
  if (!Array.isArray(prefs) || prefs.length === 0 || prefs.length > 10 || !prefs.every((p) => typeof p === 'string' && p.length > 0)) {
    return { code: 'BAD_USER_INPUT', nl: 'Geef de voorkeursvolgorde van de ouders op (1 tot 10 scholen)', en: 'Give the parents’ order of preference (1 to 10 schools)' };
  }
  if (new Set(prefs).size !== prefs.length) {
    return { code: 'BAD_USER_INPUT', nl: 'Een school staat meer dan een keer in de voorkeursvolgorde', en: 'A school appears more than once in the order of preference' };
  }
  if (!prefs.includes(a.schoolId)) {
    return { code: 'BAD_USER_INPUT', nl: 'De school waar de aanmelding binnenkwam staat niet in de voorkeursvolgorde van de ouders', en: 'The receiving school is not in the parents’ order of preference' };
  }
  if (prefs[0] !== a.schoolId) {
    return {
      code: 'NOT_FIRST_PREFERENCE',
      nl: 'Deze school is niet de school van eerste voorkeur van de ouders. Alleen de school van eerste voorkeur heeft de zorgplicht; hier start geen zorgplichttermijn.',
      en: 'This school is not the parents’ school of first preference. Only that school holds the zorgplicht; no zorgplicht term starts here.',
      zorgplichtSchoolId: prefs[0] as string,
    };
  }
  const running = (a.openClocks ?? [])[0];
  if (running) {
    return {
      code: 'CLOCK_ALREADY_RUNNING',
      nl: running.schoolId === a.schoolId ? 'Voor deze leerling loopt al een zorgplichttermijn op deze school' : 'Voor deze leerling loopt al een zorgplichttermijn op een andere school; die school heeft de zorgplicht',
      en: running.schoolId === a.schoolId ? 'A zorgplicht term is already running for this pupil at this school' : 'A zorgplicht term is already running for this pupil at another school, which holds the zorgplicht',
      zorgplichtSchoolId: running.schoolId,
      caseId: running.caseId,
    };
  }
  return null;
}

/**
 * The business-key workflow id of a zorgplicht clock: one per pupil and date of receipt, so a
 * retried or double-clicked registration finds the same case.
 */
export function zorgplichtWorkflowId(pupilId: string, receivedOn: string): string {
  return `zorgplicht-${pupilId}-${receivedOn}`;
}
