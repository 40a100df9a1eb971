import { dateInWords, schoolDays } from '@zorgroute/dates';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses 'YYYY-MM-DD' into a local-midnight Date, or returns null when it is not a real calendar date. */
export function parseIsoDate(value: string): Date | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  // Rejects overflowing dates such as 2026-02-30 (which Date would roll over to March).
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date;
}

/**
 * 'YYYY-MM-DD' → Dutch long date, e.g. '2026-11-23' → 'maandag 23 november 2026', in the words of every screen and
 * document (@zorgroute/dates). A calendar date, so no time zone shifts it to another day; anything else is refused
 * (message data is checked before an e-mail is written).
 */
export function formatDutchLongDate(isoDate: string): string {
  if (!parseIsoDate(isoDate)) throw new RangeError(`Not a calendar date in YYYY-MM-DD form: ${JSON.stringify(isoDate)}`);
  return dateInWords(isoDate);
}

/** '1 schooldag', '3 schooldagen'. */
export function formatSchoolDays(count: number): string {
  return schoolDays(count);
}
