/**
 * Dutch national public holidays (feestdagen), computed rather than listed, so that they are right for any year.
 */
import { addCalendarDays, assertInteger, isoDateOf, isoDayOfWeek, type IsoDate } from './iso-date';

/**
 * Easter Sunday of the Gregorian calendar for `year`, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher),
 * valid for every year from 1583 on.
 */
export function easterSunday(year: number): IsoDate {
  assertInteger(year, 'year');
  if (year < 1583) throw new RangeError(`easterSunday: the Gregorian computus applies from 1583 on, got ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDateOf(year, month, day);
}

/** Koningsdag: 27 April, or Saturday 26 April when the 27th is a Sunday (since 2014). */
export function koningsdag(year: number): IsoDate {
  const date = isoDateOf(year, 4, 27);
  return isoDayOfWeek(date) === 7 ? isoDateOf(year, 4, 26) : date;
}

export interface PublicHoliday {
  date: IsoDate;
  name: string;
}

/**
 * The national public holidays of `year` that can close a secondary school, in date order.
 *
 * Deliberately left out:
 * - Bevrijdingsdag (5 May) is a day off for all only in lustrum years (2025, 2030, …) and even then only at some
 *   schools; it usually falls in the meivakantie. A school that closes enters it as one of its own days off.
 * - The Friday after Hemelvaartsdag is free at many schools but it is a school decision: also a day off when it
 *   applies.
 * - Eerste Paasdag and Eerste Pinksterdag are always Sundays.
 */
export function dutchPublicHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  return [
    { date: isoDateOf(year, 1, 1), name: 'Nieuwjaarsdag' },
    { date: addCalendarDays(easter, -2), name: 'Goede Vrijdag' },
    { date: addCalendarDays(easter, 1), name: 'Tweede Paasdag' },
    { date: koningsdag(year), name: 'Koningsdag' },
    { date: addCalendarDays(easter, 39), name: 'Hemelvaartsdag' },
    { date: addCalendarDays(easter, 50), name: 'Tweede Pinksterdag' },
    { date: isoDateOf(year, 12, 25), name: 'Eerste Kerstdag' },
    { date: isoDateOf(year, 12, 26), name: 'Tweede Kerstdag' },
  ].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}
