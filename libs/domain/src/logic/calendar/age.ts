/**
 * Ages on a calendar date (PROCESSES.md rule 2: a pupil of 16 or older decides on sharing his own data; the same rule
 * gives dossier inzage to the pupil from 16, docs/security.md). Pure, on IsoDate strings; safe inside workflows.
 */
import { addYears, differenceInYears, format } from 'date-fns';
import { assertInteger, assertIsoDate, type IsoDate } from './iso-date';

function localNoon(date: IsoDate): Date {
  assertIsoDate(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const local = new Date(y, m - 1, d, 12);
  local.setFullYear(y);
  return local;
}

/** Age in whole years on `on`: the birthday itself counts (16 on the day of the 16th birthday). */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  return differenceInYears(localNoon(on), localNoon(dateOfBirth));
}

/**
 * The date on which someone born on `dateOfBirth` turns `years` (date-fns: a 29 February birthday falls on 28 February
 * in a year without it).
 */
export function birthdayOfAge(dateOfBirth: IsoDate, years: number): IsoDate {
  assertInteger(years, 'years');
  return format(addYears(localNoon(dateOfBirth), years), 'yyyy-MM-dd');
}
