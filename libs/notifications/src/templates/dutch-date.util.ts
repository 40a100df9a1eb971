import { format } from 'date-fns';
import { nl } from 'date-fns/locale/nl';

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
 * 'YYYY-MM-DD' → Dutch long date, e.g. '2026-11-23' → 'maandag 23 november 2026'.
 * The value is a calendar date, so it is built and formatted in the same (local) zone: the
 * process time zone cannot shift it to another day.
 */
export function formatDutchLongDate(isoDate: string): string {
  const date = parseIsoDate(isoDate);
  if (!date) throw new RangeError(`Not a calendar date in YYYY-MM-DD form: ${JSON.stringify(isoDate)}`);
  return format(date, 'EEEE d MMMM yyyy', { locale: nl });
}

/** '1 schooldag', '3 schooldagen'. */
export function formatSchoolDays(count: number): string {
  return count === 1 ? '1 schooldag' : `${count} schooldagen`;
}
