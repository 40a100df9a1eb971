/**
 * ISO calendar dates (`YYYY-MM-DD`) as plain strings, and the small, time-zone-free arithmetic on them.
 *
 * Every function here is pure and deterministic: it never reads the clock, and its results do not depend on the
 * machine's time zone, so it runs unchanged inside Temporal's workflow sandbox. For date-fns a calendar date is the
 * `Date` at 12:00 *local* time of that day: the local getters date-fns uses then give back the same year, month and
 * day in every time zone, across daylight-saving changes (which never move noon to another day).
 *
 * Not `{ in: tz('UTC') }`: inside the workflow sandbox Temporal replaces the global `Date` by a function whose
 * constructor returns a plain Date, so a `TZDate` (a Date subclass) silently loses its zone there and date-fns falls
 * back to the worker's own time zone — "today" in a worker running on UTC was the UTC date until 01:00/02:00 in
 * Amsterdam (issue 15.1).
 */
import { addDays, addMonths, addWeeks, differenceInCalendarDays, format, getISODay, getISOWeek, getISOWeekYear } from 'date-fns';

/** A calendar date `YYYY-MM-DD` (no time, no zone). Lexicographic order equals chronological order. */
export type IsoDate = string;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a `YYYY-MM-DD` string naming a real day of the Gregorian calendar (e.g. not `2026-02-29`). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Throws a descriptive error unless `value` is a valid {@link IsoDate}. `label` names the argument in the message. */
export function assertIsoDate(value: unknown, label = 'date'): asserts value is IsoDate {
  if (!isIsoDate(value)) {
    throw new RangeError(`${label}: expected an ISO calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this month; Date.UTC handles leap years.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The date as a `Date` at 00:00 UTC. */
export function isoDateToUtc(date: IsoDate): Date {
  assertIsoDate(date);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps years 0..99 to 1900..1999; set the full year explicitly.
  utc.setUTCFullYear(year);
  return utc;
}

/** The UTC calendar date of a `Date` (or epoch milliseconds) as `YYYY-MM-DD`. */
export function utcToIsoDate(value: Date | number): IsoDate {
  const utc = new Date(typeof value === 'number' ? value : value.getTime());
  return isoDateOf(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

/** The date as a `Date` at 12:00 local time (what date-fns' local getters read back as the same day). */
function localNoon(date: IsoDate): Date {
  assertIsoDate(date);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const local = new Date(year, month - 1, day, 12);
  local.setFullYear(year);
  return local;
}

function fromLocal(value: Date): IsoDate {
  return format(value, 'yyyy-MM-dd');
}

/** `date` plus `days` calendar days (negative to go back). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  assertInteger(days, 'days');
  return fromLocal(addDays(localNoon(date), days));
}

/** `date` plus `weeks` calendar weeks (7 days each; negative to go back). */
export function addCalendarWeeks(date: IsoDate, weeks: number): IsoDate {
  assertInteger(weeks, 'weeks');
  return fromLocal(addWeeks(localNoon(date), weeks));
}

/** `date` plus `months` calendar months; the day is clamped to the month's last day (31 January + 1 month = 28/29 February). */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  assertInteger(months, 'months');
  return fromLocal(addMonths(localNoon(date), months));
}

/** Calendar days from `from` to `to`: positive when `to` is later, negative when earlier, 0 on the same day. */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(localNoon(to), localNoon(from));
}

/** ISO-8601 week: weeks start on Monday and week 1 holds the year's first Thursday, so `year` may differ from the date's. */
export function isoWeek(date: IsoDate): { year: number; week: number } {
  const local = localNoon(date);
  return { year: getISOWeekYear(local), week: getISOWeek(local) };
}

/** ISO day of the week: 1 = Monday … 7 = Sunday. */
export function isoDayOfWeek(date: IsoDate): number {
  return getISODay(localNoon(date));
}

/** Saturday or Sunday. */
export function isWeekend(date: IsoDate): boolean {
  return isoDayOfWeek(date) >= 6;
}

/** -1, 0 or 1 as `a` is before, equal to or after `b` (for sorting). */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds an {@link IsoDate} from numeric parts (month 1-12), validating the result. */
export function isoDateOf(year: number, month: number, day: number): IsoDate {
  const value = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  assertIsoDate(value, `isoDateOf(${year}, ${month}, ${day})`);
  return value;
}

/** Throws unless `value` is a finite integer. */
export function assertInteger(value: number, label: string): void {
  if (!Number.isInteger(value)) {
    throw new RangeError(`${label}: expected an integer, got ${String(value)}`);
  }
}
