import { dateInWords, dateTimeInWords, shortDate, shortDateTime, TIME_ZONE, todayInAmsterdam as todayIn } from '@zorgroute/dates';

// Date helpers. Due dates are calendar dates (YYYY-MM-DD) in the school's time zone,
// Europe/Amsterdam; all arithmetic is on the date strings, so daylight saving never shifts a day.

export { TIME_ZONE };
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(date: string): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** Today's calendar date in Amsterdam, as YYYY-MM-DD. */
export function todayInAmsterdam(now: Date = new Date()): string {
  return todayIn(now);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` lies before `from`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseIsoDate(to) - parseIsoDate(from)) / DAY_MS);
}

/** Adds calendar days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return new Date(parseIsoDate(date) + days * DAY_MS).toISOString().slice(0, 10);
}

// Every date on screen is formatted by @zorgroute/dates (date-fns, nl, Europe/Amsterdam): the same words as the
// letters, the dossier and the e-mails.

/** "2026-11-23" → "ma 23 nov. 2026" (tables, lists, chips). */
export function formatDutchDate(date: string): string {
  return shortDate(date);
}

/**
 * A date in words, for letters, the family's screens and every date that stands alone: "2026-12-11" → "vrijdag 11
 * december 2026". An ISO timestamp is shown as its day in Amsterdam.
 */
export function formatDutchDateInWords(date: string): string {
  return dateInWords(date);
}

/** An ISO timestamp shown in Amsterdam time, e.g. "ma 23 nov. 2026 om 14:05". */
export function formatDutchDateTime(timestamp: string): string {
  return shortDateTime(timestamp);
}

/** An ISO timestamp in words, e.g. "maandag 23 november 2026 om 14:05". */
export function formatDutchDateTimeInWords(timestamp: string): string {
  return dateTimeInWords(timestamp);
}

export type DueState = 'overdue' | 'today' | 'soon' | 'later';

export interface RelativeDue {
  /** Days from today to the due date; negative when overdue. */
  days: number;
  /** Dutch text: "vandaag", "morgen", "over 3 dagen", "1 dag te laat", "2 dagen te laat". */
  label: string;
  overdue: boolean;
  state: DueState;
}

/** Days ahead within which a due date counts as "soon". */
export const SOON_DAYS = 3;

/** Relative description of a due date seen from `today` (both YYYY-MM-DD). */
export function relativeDue(dueDate: string, today: string): RelativeDue {
  const days = daysBetween(today, dueDate);
  if (days < 0) {
    const late = -days;
    return { days, label: `${late} ${late === 1 ? 'dag' : 'dagen'} te laat`, overdue: true, state: 'overdue' };
  }
  if (days === 0) return { days, label: 'vandaag', overdue: false, state: 'today' };
  if (days === 1) return { days, label: 'morgen', overdue: false, state: 'soon' };
  return { days, label: `over ${days} dagen`, overdue: false, state: days <= SOON_DAYS ? 'soon' : 'later' };
}
