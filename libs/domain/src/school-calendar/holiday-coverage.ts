/**
 * How far the bundled regional holiday data (school-holidays-nl.ts) reaches, and whether that is far enough: the
 * current and the next school year must be covered, so a missing year is noticed (and added, see docs/operations.md)
 * a year before due dates start to fall in it. Pure: "today" is an argument. (Outside `logic/`: it names dates in
 * Dutch words with date-fns' `nl` locale, which the workflow sandbox does not need.)
 */
import { tz } from '@date-fns/tz';
import { addYears, format } from 'date-fns';
import { nl } from 'date-fns/locale/nl';
import { isoDateToUtc, KNOWN_SCHOOL_YEARS, schoolYearBounds, schoolYearOf, utcToIsoDate, type IsoDate } from '../logic/calendar';

const UTC = tz('UTC');

export interface HolidayDataCoverage {
  /** The date the coverage was judged on. */
  today: IsoDate;
  /** The last day with holiday data (31 July of the last known school year); null without any data. */
  coveredUntil: IsoDate | null;
  /** Of the current and the next school year (a school year starts on 1 August), those without holiday data. */
  missingSchoolYears: string[];
  /** Dutch warning for the people who maintain the calendar, or null when both school years are covered. */
  warning: string | null;
  /** The same in English (logs, `npm start`). */
  warningEn: string | null;
}

/** "31 juli 2028". */
function inWords(date: IsoDate): string {
  return format(isoDateToUtc(date), 'd MMMM yyyy', { locale: nl, in: UTC });
}

function listNl(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

/** Judges the holiday data on `today` (a date in Europe/Amsterdam, e.g. `toIsoDate(Date.now())`). */
export function holidayDataCoverage(today: IsoDate, knownSchoolYears: readonly string[] = KNOWN_SCHOOL_YEARS): HolidayDataCoverage {
  const currentStart = isoDateToUtc(schoolYearBounds(schoolYearOf(today)).from);
  const needed = [currentStart, addYears(currentStart, 1, { in: UTC })].map((start) => schoolYearOf(utcToIsoDate(start)));
  const missingSchoolYears = needed.filter((year) => !knownSchoolYears.includes(year));
  const last = [...knownSchoolYears].sort().at(-1);
  const coveredUntil = last ? schoolYearBounds(last).to : null;
  if (!missingSchoolYears.length) return { today, coveredUntil, missingSchoolYears, warning: null, warningEn: null };
  const years = listNl(missingSchoolYears);
  const add = missingSchoolYears.length === 1 ? `voeg het schooljaar ${years} toe` : `voeg de schooljaren ${years} toe`;
  const addEn = `add school year${missingSchoolYears.length === 1 ? '' : 's'} ${missingSchoolYears.join(', ')}`;
  return {
    today,
    coveredUntil,
    missingSchoolYears,
    warning: coveredUntil ? `De vakantiedata lopen tot ${inWords(coveredUntil)}; ${add}` : `Er zijn geen vakantiedata; ${add}`,
    warningEn: coveredUntil ? `The school holiday data ends on ${coveredUntil}; ${addEn}` : `There is no school holiday data; ${addEn}`,
  };
}
