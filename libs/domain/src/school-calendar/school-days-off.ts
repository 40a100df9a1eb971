/**
 * Pure rules for a school's own days off (the editable part of the school calendar): a named, inclusive date range
 * inside one school year that does not overlap another day off of the school.
 */
import { calendarDaysBetween, isIsoDate, schoolYearOf, type DateRange, type IsoDate } from '../logic/calendar';

/** A range longer than this is almost certainly a typo (the regional vacations are already in the calendar). */
export const MAX_DAY_OFF_CALENDAR_DAYS = 31;
export const MAX_DAY_OFF_NAME_LENGTH = 100;
/** Days off are planned for the current school year and up to this many school years before or after it. */
export const DAY_OFF_SCHOOL_YEARS_AROUND = 2;

/** A problem with a day off, in Dutch (for the user) and English. */
export interface CalendarProblem {
  field: string;
  nl: string;
  en: string;
}

export interface DayOffInput {
  from: string;
  to: string;
  name: string;
  /** Optional: when given it must be the school year of the range. */
  schoolYear?: string | null;
}

/** An existing day off of the school, for the overlap check. */
export interface ExistingDayOff extends DateRange {
  id: string;
}

export interface CheckedDayOff {
  problems: CalendarProblem[];
  /** The normalised day off (trimmed name, derived school year) when there are no problems. */
  value: (DateRange & { schoolYear: string }) | null;
}

/**
 * Checks a new day off against the rules, listing every problem: valid dates, `from` ≤ `to`, both in the same school
 * year (1 August – 31 July), at most {@link MAX_DAY_OFF_CALENDAR_DAYS} days, a name of 1–100 characters, no overlap
 * with an existing day off of the school and — when `today` is given — a school year at most
 * {@link DAY_OFF_SCHOOL_YEARS_AROUND} school years from today's (so a year such as 9999 is refused as input, not stored).
 */
export function checkDayOff(input: DayOffInput, existing: ExistingDayOff[] = [], options: { today?: IsoDate } = {}): CheckedDayOff {
  const problems: CalendarProblem[] = [];
  const fromOk = isIsoDate(input.from);
  const toOk = isIsoDate(input.to);
  if (!fromOk) problems.push({ field: 'from', nl: 'van moet een datum zijn (JJJJ-MM-DD)', en: 'from must be a date (YYYY-MM-DD)' });
  if (!toOk) problems.push({ field: 'to', nl: 'tot en met moet een datum zijn (JJJJ-MM-DD)', en: 'to must be a date (YYYY-MM-DD)' });
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name.length < 1 || name.length > MAX_DAY_OFF_NAME_LENGTH) {
    problems.push({ field: 'name', nl: `naam moet 1 tot ${MAX_DAY_OFF_NAME_LENGTH} tekens lang zijn`, en: `name must be 1 to ${MAX_DAY_OFF_NAME_LENGTH} characters long` });
  }
  let schoolYear: string | null = null;
  if (fromOk && toOk) {
    const from = input.from as IsoDate;
    const to = input.to as IsoDate;
    schoolYear = schoolYearOf(from);
    if (options.today !== undefined) {
      const current = Number(schoolYearOf(options.today).split('-')[0]);
      const first = `${current - DAY_OFF_SCHOOL_YEARS_AROUND}-${current - DAY_OFF_SCHOOL_YEARS_AROUND + 1}`;
      const last = `${current + DAY_OFF_SCHOOL_YEARS_AROUND}-${current + DAY_OFF_SCHOOL_YEARS_AROUND + 1}`;
      const start = Number(schoolYear.split('-')[0]);
      if (start < current - DAY_OFF_SCHOOL_YEARS_AROUND || start > current + DAY_OFF_SCHOOL_YEARS_AROUND) {
        problems.push({
          field: 'from',
          nl: `een vrije dag moet vallen in schooljaar ${first} tot en met ${last} (niet in ${schoolYear})`,
          en: `a day off must fall in school year ${first} to ${last} (not in ${schoolYear})`,
        });
        return { problems, value: null };
      }
    }
    if (from > to) {
      problems.push({ field: 'to', nl: `tot en met (${to}) ligt vóór van (${from})`, en: `to (${to}) is before from (${from})` });
    } else {
      if (schoolYearOf(to) !== schoolYear) {
        problems.push({
          field: 'to',
          nl: `van en tot en met moeten in hetzelfde schooljaar liggen (${schoolYear} loopt tot en met 31 juli)`,
          en: `from and to must fall in the same school year (${schoolYear} ends on 31 July)`,
        });
      }
      const days = calendarDaysBetween(from, to) + 1;
      if (days > MAX_DAY_OFF_CALENDAR_DAYS) {
        problems.push({
          field: 'to',
          nl: `een vrije periode duurt hoogstens ${MAX_DAY_OFF_CALENDAR_DAYS} dagen (deze: ${days}); de regionale vakanties staan al in de kalender`,
          en: `a period off lasts at most ${MAX_DAY_OFF_CALENDAR_DAYS} days (this one: ${days}); the regional vacations are already in the calendar`,
        });
      }
      for (const other of existing) {
        if (other.from <= to && from <= other.to) {
          problems.push({
            field: 'from',
            nl: `overlapt met "${other.name}" (${other.from} t/m ${other.to})`,
            en: `overlaps with "${other.name}" (${other.from} to ${other.to})`,
          });
        }
      }
    }
    if (input.schoolYear != null && input.schoolYear !== schoolYear) {
      problems.push({
        field: 'schoolYear',
        nl: `de datums vallen in schooljaar ${schoolYear}, niet in ${input.schoolYear}`,
        en: `the dates fall in school year ${schoolYear}, not in ${input.schoolYear}`,
      });
    }
  }
  if (problems.length || schoolYear === null) return { problems, value: null };
  return { problems: [], value: { from: input.from, to: input.to, name, schoolYear } };
}

/** True for a well-formed school year such as "2026-2027". */
export function isSchoolYear(value: unknown): value is string {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{4})$/.exec(value) : null;
  return !!match && Number(match[2]) === Number(match[1]) + 1;
}
