/**
 * Dates and times as Zorgroute shows them to people: in Dutch words (date-fns with the `nl` locale), in the school's
 * time zone, Europe/Amsterdam. One module for every screen, document and e-mail (issue 17): "vrijdag 11 december 2026",
 * "vr 11 dec. 2026", "vrijdag 11 december 2026 om 14:05".
 *
 * Two kinds of input:
 * - a calendar date `YYYY-MM-DD` (a due date, a date of birth): a day, never shifted by a time zone;
 * - a timestamp (an ISO string with a time, a `Date`, epoch milliseconds): shown as the day and time in Amsterdam.
 *
 * Pure and independent of the machine's time zone (the admin runs it in the browser, the api and the worker on
 * servers in UTC). Not for workflow code: workflows record machine values (ISO dates), this module words them.
 */
import { tz } from '@date-fns/tz';
import { format as formatWith, isValid } from 'date-fns';
import { nl } from 'date-fns/locale/nl';

export const TIME_ZONE = 'Europe/Amsterdam';

/** A calendar date `YYYY-MM-DD`, a timestamp string, a `Date` or epoch milliseconds. */
export type DateInput = string | Date | number;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const AMSTERDAM = tz(TIME_ZONE);
const UTC = tz('UTC');

/** Formats with the `nl` locale: a calendar date as that day (at noon UTC), anything else in Amsterdam. */
function format(value: DateInput, pattern: string): string {
  if (typeof value === 'string') {
    const day = ISO_DATE.exec(value);
    if (day) {
      const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
      const noon = new Date(Date.UTC(y, m - 1, d, 12));
      if (noon.getUTCMonth() !== m - 1 || noon.getUTCDate() !== d) return value;
      return formatWith(noon, pattern, { locale: nl, in: UTC });
    }
  }
  const at = value instanceof Date ? value : new Date(value);
  if (!isValid(at)) return String(value);
  return formatWith(at, pattern, { locale: nl, in: AMSTERDAM });
}

/** "vrijdag 11 december 2026": letters, e-mails, the family's screens and every date that stands alone. */
export function dateInWords(value: DateInput): string {
  return format(value, 'EEEE d MMMM yyyy');
}

/** "11 december 2026" (without the weekday: a date of birth, a school year's bounds). */
export function dayMonthYear(value: DateInput): string {
  return format(value, 'd MMMM yyyy');
}

/** "vr 11 dec. 2026": tables, lists and chips where space is short. */
export function shortDate(value: DateInput): string {
  return format(value, 'EEEEEE d MMM yyyy');
}

/** "11 dec.": chart axes. */
export function dayAndMonth(value: DateInput): string {
  return format(value, 'd MMM');
}

/** "14:05" in Amsterdam. */
export function timeOfDay(value: DateInput): string {
  return format(value, 'HH:mm');
}

/** "vrijdag 11 december 2026 om 14:05" (a calendar date without a time: only the day). */
export function dateTimeInWords(value: DateInput): string {
  if (typeof value === 'string' && ISO_DATE.test(value)) return dateInWords(value);
  return format(value, "EEEE d MMMM yyyy 'om' HH:mm");
}

/** "vr 11 dec. 2026 om 14:05" (a calendar date without a time: only the day). */
export function shortDateTime(value: DateInput): string {
  if (typeof value === 'string' && ISO_DATE.test(value)) return shortDate(value);
  return format(value, "EEEEEE d MMM yyyy 'om' HH:mm");
}

/** Today's calendar date in Amsterdam, `YYYY-MM-DD`. */
export function todayInAmsterdam(now: DateInput = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}

const ISO_DATE_IN_TEXT = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

/**
 * Every ISO calendar date inside a sentence in words: "Uiterlijk 2026-12-11: 6 kalenderweken na 2026-10-30" →
 * "Uiterlijk vrijdag 11 december 2026: 6 kalenderweken na vrijdag 30 oktober 2026". For explanations that workflows
 * recorded with machine dates.
 */
export function datesInWords(text: string): string {
  return text.replace(ISO_DATE_IN_TEXT, (match) => dateInWords(match));
}

/** '1 schooldag', '3 schooldagen'. */
export function schoolDays(count: number): string {
  return count === 1 ? '1 schooldag' : `${count} schooldagen`;
}
