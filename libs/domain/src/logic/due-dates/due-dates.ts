/**
 * Due dates that explain themselves (PROCESSES.md, cross-cutting rule 7: "every deadline is explainable: the case
 * shows the inputs … that produced each due date"). Each result carries the rule, its inputs and a short Dutch
 * sentence for the UI.
 */
import {
  addCalendarDays,
  addCalendarWeeks,
  addSchoolDays,
  assertInteger,
  assertIsoDate,
  isSchoolDay,
  nonSchoolDaysInRange,
  uncoveredSchoolYears,
  ZOMERVAKANTIE,
  type IsoDate,
  type NonSchoolDayTally,
  type SchoolCalendar,
} from '../calendar';

export interface DueDate {
  date: IsoDate;
  /** The policy rule that produced the date, e.g. `'P1.intakeWithinSchoolDays'`. */
  rule: string;
  inputs: Record<string, string | number | boolean>;
  /** A short Dutch sentence for the UI. */
  explanation: string;
  /**
   * The school years the computation crossed without their regional holidays (the calendar had no data for them), so
   * vacations there counted as school days; absent when every school year was known. The explanation says so too, and
   * the read model keeps it with the due date (the admin's list of cases computed without holiday data).
   */
  withoutHolidayData?: string[];
}

function listNl(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

/** The sentence a due date computed without holiday data carries, e.g. for `['2028-2029']`. */
export function withoutHolidayDataSentence(schoolYears: string[], what = 'Deze datum is'): string {
  const years = schoolYears.length === 1 ? `schooljaar ${schoolYears[0]}` : `de schooljaren ${listNl(schoolYears)}`;
  return `Let op: ${what.charAt(0).toLowerCase()}${what.slice(1)} zonder vakantiegegevens berekend: van ${years} zijn de regionale vakanties nog niet bekend, alleen weekenden en eigen vrije dagen zijn overgeslagen.`;
}

/**
 * Marks `due` as computed without holiday data for the school years from `from` to `to` that `cal` does not cover (the
 * due date itself, or the reminders after it): adds them to `withoutHolidayData`, to `inputs` and to the explanation.
 * Returns `due` unchanged when every school year is covered.
 */
export function flagWithoutHolidayData(due: DueDate, cal: SchoolCalendar, from: IsoDate, to: IsoDate, what = 'Deze datum is'): DueDate {
  const years = uncoveredSchoolYears(cal, from, to).filter((y) => !(due.withoutHolidayData ?? []).includes(y));
  if (!years.length) return due;
  const all = [...(due.withoutHolidayData ?? []), ...years].sort();
  return {
    ...due,
    inputs: { ...due.inputs, withoutHolidayData: all.join(',') },
    explanation: `${due.explanation} ${withoutHolidayDataSentence(years, what)}`,
    withoutHolidayData: all,
  };
}

function plural(count: number, singular: string, pluralForm: string): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "geen vrije dagen overgeslagen" or "4 vrije dagen overgeslagen: weekend 2, Herfstvakantie 2". */
function describeSkipped(tally: NonSchoolDayTally): string {
  if (tally.total === 0) return 'geen vrije dagen overgeslagen';
  const parts = Object.entries(tally.byReason).map(([reason, count]) => `${reason} ${count}`);
  return `${plural(tally.total, 'vrije dag', 'vrije dagen')} overgeslagen: ${parts.join(', ')}`;
}

function breakdown(tally: NonSchoolDayTally): string {
  return Object.entries(tally.byReason)
    .map(([reason, count]) => `${reason}: ${count}`)
    .join(', ');
}

function assertRule(rule: string): void {
  if (typeof rule !== 'string' || rule.trim() === '') throw new RangeError('rule: a non-empty rule name is required');
}

/**
 * The due date `schoolDays` school days after `start` (before it when negative; for 0: `start` itself if it is a
 * school day, else the next school day). The explanation lists the non-school days that were skipped, by reason.
 */
export function dueInSchoolDays(start: IsoDate, schoolDays: number, cal: SchoolCalendar, rule: string): DueDate {
  assertIsoDate(start, 'start');
  assertInteger(schoolDays, 'schoolDays');
  assertRule(rule);
  const date = addSchoolDays(start, schoolDays, cal);

  // The non-school days stepped over between start and the due date (neither end counts, except an n = 0 start).
  let tally: NonSchoolDayTally;
  let phrase: string;
  if (schoolDays > 0) {
    tally = nonSchoolDaysInRange(addCalendarDays(start, 1), addCalendarDays(date, -1), cal);
    phrase = `${plural(schoolDays, 'schooldag', 'schooldagen')} na ${start}`;
  } else if (schoolDays < 0) {
    tally = nonSchoolDaysInRange(addCalendarDays(date, 1), addCalendarDays(start, -1), cal);
    phrase = `${plural(-schoolDays, 'schooldag', 'schooldagen')} vóór ${start}`;
  } else {
    tally = nonSchoolDaysInRange(start, addCalendarDays(date, -1), cal);
    phrase = isSchoolDay(start, cal) ? `op ${start} zelf (een schooldag)` : `eerstvolgende schooldag vanaf ${start}`;
  }

  return flagWithoutHolidayData({
    date,
    rule,
    inputs: {
      start,
      schoolDays,
      region: cal.region,
      calendarSchoolYears: (cal.schoolYears ?? []).join(','),
      schoolDaysOff: cal.daysOff.length,
      skippedNonSchoolDays: tally.total,
      skipped: breakdown(tally),
    },
    explanation: `Uiterlijk ${date}: ${phrase} (regio ${cal.region}; ${describeSkipped(tally)}).`,
  }, cal, start, date);
}

export interface CalendarWeeksOptions {
  /**
   * Policy flag (P4 zorgplicht, default off): the term does not run during the zomervakantie, so every day of the
   * zomervakantie inside the term is added to it. Requires `cal`.
   */
  suspendSummerHoliday?: boolean;
  cal?: SchoolCalendar;
}

/**
 * The due date `weeks` calendar weeks after `start` (legal terms count calendar weeks, e.g. the zorgplicht clock of
 * 6 weeks after receipt, P4). With `suspendSummerHoliday` the clock stops on every day of the calendar's
 * zomervakantie: the term then ends on the (weeks × 7)-th day after `start` that is not a zomervakantie day, which
 * equals adding the zomervakantie days inside the term until no more fall inside it. `inputs.daysSuspended` says how
 * many days were added. The due date is a calendar date and may fall on a weekend or holiday.
 */
export function dueInCalendarWeeks(
  start: IsoDate,
  weeks: number,
  rule: string,
  opts: CalendarWeeksOptions = {},
): DueDate {
  assertIsoDate(start, 'start');
  assertInteger(weeks, 'weeks');
  assertRule(rule);
  const suspend = opts.suspendSummerHoliday === true;
  const cal = opts.cal;

  if (!suspend) {
    const date = addCalendarWeeks(start, weeks);
    const direction = weeks < 0 ? 'vóór' : 'na';
    return {
      date,
      rule,
      inputs: { start, weeks, suspendSummerHoliday: false, daysSuspended: 0, ...(cal ? { region: cal.region } : {}) },
      explanation: `Uiterlijk ${date}: ${plural(Math.abs(weeks), 'kalenderweek', 'kalenderweken')} ${direction} ${start} (de zomervakantie schort de termijn niet op).`,
    };
  }

  if (!cal) {
    throw new RangeError(
      'dueInCalendarWeeks: suspendSummerHoliday needs a school calendar (opts.cal) to know the zomervakantie',
    );
  }
  const summers = cal.holidays.filter((h) => h.name === ZOMERVAKANTIE);
  const inSummer = (d: IsoDate) => summers.some((s) => s.from <= d && d <= s.to);
  const step = weeks < 0 ? -1 : 1;
  let remaining = Math.abs(weeks) * 7;
  let date = start;
  let daysSuspended = 0;
  while (remaining > 0) {
    date = addCalendarDays(date, step);
    if (inSummer(date)) daysSuspended++;
    else remaining--;
  }

  const direction = weeks < 0 ? 'vóór' : 'na';
  const suspension =
    daysSuspended > 0
      ? `verlengd met ${plural(daysSuspended, 'dag', 'dagen')} zomervakantie (regio ${cal.region}; de termijn loopt niet tijdens de zomervakantie)`
      : `geen zomervakantie binnen de termijn (regio ${cal.region}; de termijn loopt niet tijdens de zomervakantie)`;
  // Without the zomervakantie of a school year the clock would run through it: said, not silent.
  return flagWithoutHolidayData({
    date,
    rule,
    inputs: { start, weeks, suspendSummerHoliday: true, daysSuspended, region: cal.region },
    explanation: `Uiterlijk ${date}: ${plural(Math.abs(weeks), 'kalenderweek', 'kalenderweken')} ${direction} ${start}, ${suspension}.`,
  }, cal, start, date);
}
