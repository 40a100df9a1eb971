import type { IsoDate } from './iso-date';

/** The three Dutch school-holiday regions (vakantieregio's) of primary and secondary education. */
export type Region = 'noord' | 'midden' | 'zuid';

export const REGIONS: readonly Region[] = ['noord', 'midden', 'zuid'];

/** An inclusive range of calendar dates with a human name ("Herfstvakantie", "Studiedag", …). */
export interface DateRange {
  from: IsoDate;
  to: IsoDate;
  name: string;
}

/**
 * A school's calendar as plain JSON, so that it can be snapshotted into a case and replayed deterministically.
 *
 * - `holidays`: the regional vacations and the national public holidays that fall on school days.
 * - `daysOff`: the school's own days off (studiedagen, the Friday after Hemelvaart, an extra meivakantie week, …).
 * - `schoolYears`: the school years whose holidays are included (set by `buildSchoolCalendar`). Outside them only
 *   weekends and `daysOff` are known; see `calendarCovers`.
 */
export interface SchoolCalendar {
  region: Region;
  holidays: DateRange[];
  daysOff: DateRange[];
  schoolYears?: string[];
}

/**
 * Regional holidays imported by the platform admin (the ministry's open data, table `school_holiday_year`): per school
 * year, per region, the vacations and the public holidays on school days. Plain JSON, so a workflow may hold it.
 */
export type ImportedHolidayYears = Readonly<Record<string, Readonly<Record<Region, DateRange[]>>>>;
