/**
 * School days: weekdays that are neither a holiday of the school's region nor one of the school's own days off.
 * Reminder and response windows count school days (PROCESSES.md, glossary "school day").
 */
import { addCalendarDays, assertInteger, assertIsoDate, compareIsoDates, isWeekend, type IsoDate } from './iso-date';
import { KNOWN_SCHOOL_YEARS, regionalHolidays, schoolYearOf } from './school-holidays-nl';
import type { DateRange, ImportedHolidayYears, Region, SchoolCalendar } from './types';

/** The reason `nonSchoolDayReason` gives for Saturdays and Sundays. */
export const WEEKEND = 'weekend';

/**
 * Safety stop: a calendar with more consecutive non-school days than this is treated as broken, so that a search for
 * the next school day cannot loop for ever (the longest real break, the zomervakantie, is about 45 days).
 */
export const MAX_CONSECUTIVE_NON_SCHOOL_DAYS = 400;

function byFrom(a: DateRange, b: DateRange): number {
  return compareIsoDates(a.from, b.from) || compareIsoDates(a.to, b.to);
}

/** Throws unless `range` is a well-formed inclusive date range with a name. */
export function assertDateRange(range: DateRange, label = 'range'): void {
  if (range === null || typeof range !== 'object') throw new TypeError(`${label}: expected { from, to, name }`);
  assertIsoDate(range.from, `${label}.from`);
  assertIsoDate(range.to, `${label}.to`);
  if (range.from > range.to) throw new RangeError(`${label}: from ${range.from} is after to ${range.to}`);
  if (typeof range.name !== 'string' || range.name.trim() === '') {
    throw new RangeError(`${label}: a name is required (it is shown as the reason a day is not a school day)`);
  }
}

/**
 * Builds the calendar of a school: the regional holidays of each school year (default: all known years) plus the
 * school's own days off. `imported` adds the school years a platform admin imported (the ministry's open data); an
 * imported year replaces a bundled one. The result is plain JSON; snapshot it into a case so that its due dates never
 * change when the holiday data is updated later.
 */
export function buildSchoolCalendar(
  region: Region,
  daysOff: DateRange[] = [],
  schoolYears: string[] = KNOWN_SCHOOL_YEARS,
  imported: ImportedHolidayYears = {},
): SchoolCalendar {
  const years = [...new Set([...schoolYears, ...Object.keys(imported)])].sort();
  const holidays = years
    .flatMap((year) => {
      const own = imported[year]?.[region];
      return own ? own.map((h) => ({ from: h.from, to: h.to, name: h.name })) : regionalHolidays(region, year);
    })
    .sort(byFrom);
  daysOff.forEach((range, index) => assertDateRange(range, `daysOff[${index}]`));
  return {
    region,
    holidays,
    daysOff: daysOff.map((d) => ({ from: d.from, to: d.to, name: d.name })).sort(byFrom),
    schoolYears: years,
  };
}

/**
 * True when the calendar holds the regional holidays of the school year of `date`. Outside its coverage a calendar
 * knows only weekends and the school's days off, so counting there would treat vacations as school days.
 * A calendar without `schoolYears` (snapshotted before they were recorded, or built by hand) covers the school years
 * in which it has a holiday.
 * Note: the data starts with school year 2025-2026, whose first weeks (the tail of zomervakantie 2025) are not in it.
 */
export function calendarCovers(cal: SchoolCalendar, date: IsoDate): boolean {
  const year = schoolYearOf(date);
  if (cal.schoolYears) return cal.schoolYears.includes(year);
  return cal.holidays.some((h) => schoolYearOf(h.from) === year || schoolYearOf(h.to) === year);
}

/**
 * The school years from the one of `from` to the one of `to` (either order) whose regional holidays the calendar does
 * not hold, oldest first: a count of school days across them skipped only weekends and days off.
 */
export function uncoveredSchoolYears(cal: SchoolCalendar, from: IsoDate, to: IsoDate): string[] {
  assertIsoDate(from, 'from');
  assertIsoDate(to, 'to');
  const [a, b] = from <= to ? [from, to] : [to, from];
  const out: string[] = [];
  for (let year = Number(schoolYearOf(a).slice(0, 4)); year <= Number(schoolYearOf(b).slice(0, 4)); year++) {
    const probe = `${year}-08-01`;
    if (!calendarCovers(cal, probe)) out.push(schoolYearOf(probe));
  }
  return out;
}

function findRange(ranges: DateRange[], date: IsoDate): DateRange | undefined {
  return ranges.find((r) => r.from <= date && date <= r.to);
}

/**
 * Why `date` is not a school day: `'weekend'`, the holiday's name (e.g. `'Kerstvakantie'`, `'Goede Vrijdag'`) or the
 * day off's name; `null` on a school day. A weekend wins over a holiday, a holiday over a day off.
 */
export function nonSchoolDayReason(date: IsoDate, cal: SchoolCalendar): string | null {
  assertIsoDate(date);
  if (isWeekend(date)) return WEEKEND;
  const holiday = findRange(cal.holidays, date);
  if (holiday) return holiday.name;
  const dayOff = findRange(cal.daysOff, date);
  if (dayOff) return dayOff.name;
  return null;
}

/** A weekday that is neither a holiday nor a day off of the school. */
export function isSchoolDay(date: IsoDate, cal: SchoolCalendar): boolean {
  return nonSchoolDayReason(date, cal) === null;
}

/** Walks from `date` (exclusive) in `direction` until a school day. */
function stepToSchoolDay(date: IsoDate, direction: 1 | -1, cal: SchoolCalendar): IsoDate {
  let current = date;
  for (let skipped = 0; skipped <= MAX_CONSECUTIVE_NON_SCHOOL_DAYS; skipped++) {
    current = addCalendarDays(current, direction);
    if (isSchoolDay(current, cal)) return current;
  }
  throw new RangeError(
    `Geen schooldag binnen ${MAX_CONSECUTIVE_NON_SCHOOL_DAYS} dagen ${direction > 0 ? 'na' : 'voor'} ${date} ` +
      `(no school day within ${MAX_CONSECUTIVE_NON_SCHOOL_DAYS} days ${direction > 0 ? 'after' : 'before'} ${date}; ` +
      `check the calendar's days off)`,
  );
}

/** `date` itself when it is a school day, otherwise the first school day after it. */
export function nextSchoolDay(date: IsoDate, cal: SchoolCalendar): IsoDate {
  return isSchoolDay(date, cal) ? date : stepToSchoolDay(date, 1, cal);
}

/** `date` itself when it is a school day, otherwise the last school day before it. */
export function previousSchoolDay(date: IsoDate, cal: SchoolCalendar): IsoDate {
  return isSchoolDay(date, cal) ? date : stepToSchoolDay(date, -1, cal);
}

/**
 * - `n > 0`: the n-th school day after `date` (`date` itself never counts);
 * - `n < 0`: the |n|-th school day before `date`;
 * - `n = 0`: `date` when it is a school day, otherwise the next school day.
 */
export function addSchoolDays(date: IsoDate, n: number, cal: SchoolCalendar): IsoDate {
  assertIsoDate(date);
  assertInteger(n, 'n');
  if (n === 0) return nextSchoolDay(date, cal);
  const direction = n > 0 ? 1 : -1;
  let current = date;
  for (let i = 0; i < Math.abs(n); i++) current = stepToSchoolDay(current, direction, cal);
  return current;
}

/**
 * The number of school days in `(from, to]`: `from` excluded, `to` included. Negative (minus the school days in
 * `(to, from]`) when `to` is before `from`; 0 when they are equal. For n > 0,
 * `schoolDaysBetween(d, addSchoolDays(d, n, cal), cal) === n`.
 */
export function schoolDaysBetween(from: IsoDate, to: IsoDate, cal: SchoolCalendar): number {
  assertIsoDate(from, 'from');
  assertIsoDate(to, 'to');
  if (from === to) return 0;
  if (to < from) return -schoolDaysBetween(to, from, cal);
  let count = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) {
    if (isSchoolDay(d, cal)) count++;
  }
  return count;
}

/** A count of non-school days by reason, in the order the reasons first occur. */
export interface NonSchoolDayTally {
  total: number;
  byReason: Record<string, number>;
}

/** Counts the non-school days in the inclusive range `[from, to]` by reason (empty when `from` is after `to`). */
export function nonSchoolDaysInRange(from: IsoDate, to: IsoDate, cal: SchoolCalendar): NonSchoolDayTally {
  assertIsoDate(from, 'from');
  assertIsoDate(to, 'to');
  // A Map keeps first-occurrence order and is safe for any name (even "constructor" or "__proto__").
  const counts = new Map<string, number>();
  let total = 0;
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) {
    const reason = nonSchoolDayReason(d, cal);
    if (reason === null) continue;
    total++;
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return { total, byReason: Object.fromEntries(counts) };
}
