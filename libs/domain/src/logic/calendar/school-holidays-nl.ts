/**
 * Dutch regional school holidays (schoolvakanties) and the public holidays that close schools, per school year.
 *
 * The ministry of OCW publishes, per school year and region, the zomervakantie and kerstvakantie (compulsory), one
 * compulsory meivakantie week (the same in all regions) and advisory dates for the herfst- and voorjaarsvakantie.
 * Schools may deviate from the advisory dates and may extend the meivakantie by a week: such deviations belong in the
 * school's own `daysOff` (see `meivakantieAdviesweek` for the ministry's advised extra week).
 *
 * Ranges are Saturday to Sunday, as published; only the school days inside them matter for counting.
 */
import { assertIsoDate, isoDateOf, isWeekend, type IsoDate } from './iso-date';
import { dutchPublicHolidays } from './public-holidays';
import type { DateRange, Region } from './types';

export const HERFSTVAKANTIE = 'Herfstvakantie';
export const KERSTVAKANTIE = 'Kerstvakantie';
export const VOORJAARSVAKANTIE = 'Voorjaarsvakantie';
export const MEIVAKANTIE = 'Meivakantie';
export const ZOMERVAKANTIE = 'Zomervakantie';

type PerRegion = Record<Region, { from: IsoDate; to: IsoDate }>;

interface SchoolYearHolidays {
  herfst: PerRegion;
  kerst: PerRegion;
  voorjaar: PerRegion;
  mei: PerRegion;
  zomer: PerRegion;
  /** The ministry's advised extra meivakantie week (not compulsory). */
  meiAdviesweek: { from: IsoDate; to: IsoDate };
}

const all = (from: IsoDate, to: IsoDate): PerRegion => ({ noord: { from, to }, midden: { from, to }, zuid: { from, to } });

/** Where each school year's data comes from, and whether it was checked against the ministry's own publication. */
export interface HolidayDataProvenance {
  schoolYear: string;
  /** true: every date matched the Rijksoverheid publication itself; false: cross-checked in secondary sources only. */
  verified: boolean;
  checkedOn: IsoDate;
  sources: string[];
  notes: string;
}

export const HOLIDAY_DATA_PROVENANCE: Readonly<Record<string, HolidayDataProvenance>> = {
  '2025-2026': {
    schoolYear: '2025-2026',
    verified: false,
    checkedOn: '2026-11-22',
    sources: [
      'https://www.rijksoverheid.nl/onderwerpen/schoolvakanties/overzicht-schoolvakanties-per-schooljaar/overzicht-schoolvakanties-2025-2026 (page not in the searchable archive; dates taken from the sources below that cite it)',
      'https://www.deepsea.nl/wanneer-herfst-vakantie/ (herfstvakantie 2025 per region, citing the Rijksoverheid)',
      'https://mkkm.nl (kerstvakantie 20-12-2025 t/m 04-01-2026, "Bron: Rijksoverheid")',
      'https://www.landstedembo.nl/vakantieplanning and https://zaanlands.nl/informatie/vakanties (noord)',
      'https://edumarevpr.nl/vakantieregeling/ (midden)',
      'https://gbbenjamin.nl/nl/voor-de-ouders/schoolvakanties-2025-2026 (zuid)',
    ],
    notes:
      'All five vacations agree across at least two independent school calendars per region. Meivakantie: the compulsory week 25-04 t/m 03-05-2026; the advised extra week 18-04 t/m 26-04-2026 is inferred from schools that take 18-04 t/m 03-05.',
  },
  '2026-2027': {
    schoolYear: '2026-2027',
    verified: false,
    checkedOn: '2026-11-22',
    sources: [
      'https://www.rijksoverheid.nl/onderwerpen/schoolvakanties/overzicht-schoolvakanties-per-schooljaar/overzicht-schoolvakanties-2026-2027 (page not in the searchable archive)',
      'https://www.deepsea.nl/wanneer-herfst-vakantie/ (herfstvakantie 2026: noord 10-18 okt, midden and zuid 17-25 okt, citing the Rijksoverheid)',
      'https://www.schoolvakanties-nederland.nl (kerstvakantie 19-12-2026 t/m 03-01-2027, source OCW)',
      'A public GitHub repository quoting "Adviesdata schoolvakanties 2026-2027 (rijksoverheid.nl)" for all three regions',
      'School calendars of regio midden (herfst, voorjaar, mei and zomer agree)',
    ],
    notes:
      'Consistent with the six-year rotation of the zomer- and herfstvakantie (2026 repeats 2020). The advised extra meivakantie week (01-05 t/m 09-05-2027) is inferred from school calendars and is NOT verified.',
  },
  '2027-2028': {
    schoolYear: '2027-2028',
    verified: true,
    checkedOn: '2026-11-22',
    sources: [
      'https://rijksoverheid.nl/onderwerpen/schoolvakanties/overzicht-schoolvakanties-per-schooljaar/overzicht-schoolvakanties-2027-2028',
    ],
    notes: 'All dates, including the advised extra meivakantie week 22-04 t/m 30-04-2028, as published by the Rijksoverheid.',
  },
};

// Source and verification status of each year: see HOLIDAY_DATA_PROVENANCE above (checked 2026-11-22).
const SCHOOL_HOLIDAYS: Readonly<Record<string, SchoolYearHolidays>> = {
  // 2025-2026: cross-checked in secondary sources citing the Rijksoverheid, not against its own page.
  '2025-2026': {
    herfst: {
      noord: { from: '2025-10-18', to: '2025-10-26' },
      midden: { from: '2025-10-18', to: '2025-10-26' },
      zuid: { from: '2025-10-11', to: '2025-10-19' },
    },
    kerst: all('2025-12-20', '2026-01-04'),
    voorjaar: {
      noord: { from: '2026-02-21', to: '2026-03-01' },
      midden: { from: '2026-02-14', to: '2026-02-22' },
      zuid: { from: '2026-02-14', to: '2026-02-22' },
    },
    mei: all('2026-04-25', '2026-05-03'),
    zomer: {
      noord: { from: '2026-07-04', to: '2026-08-16' },
      midden: { from: '2026-07-18', to: '2026-08-30' },
      zuid: { from: '2026-07-11', to: '2026-08-23' },
    },
    meiAdviesweek: { from: '2026-04-18', to: '2026-04-26' },
  },
  // 2026-2027: cross-checked in secondary sources, not against the Rijksoverheid page itself.
  '2026-2027': {
    herfst: {
      noord: { from: '2026-10-10', to: '2026-10-18' },
      midden: { from: '2026-10-17', to: '2026-10-25' },
      zuid: { from: '2026-10-17', to: '2026-10-25' },
    },
    kerst: all('2026-12-19', '2027-01-03'),
    voorjaar: {
      noord: { from: '2027-02-20', to: '2027-02-28' },
      midden: { from: '2027-02-20', to: '2027-02-28' },
      zuid: { from: '2027-02-13', to: '2027-02-21' },
    },
    mei: all('2027-04-24', '2027-05-02'),
    zomer: {
      noord: { from: '2027-07-10', to: '2027-08-22' },
      midden: { from: '2027-07-17', to: '2027-08-29' },
      zuid: { from: '2027-07-24', to: '2027-09-05' },
    },
    meiAdviesweek: { from: '2027-05-01', to: '2027-05-09' },
  },
  // 2027-2028: verified against rijksoverheid.nl "Overzicht schoolvakanties 2027-2028".
  '2027-2028': {
    herfst: {
      noord: { from: '2027-10-16', to: '2027-10-24' },
      midden: { from: '2027-10-16', to: '2027-10-24' },
      zuid: { from: '2027-10-23', to: '2027-10-31' },
    },
    kerst: all('2027-12-25', '2028-01-09'),
    voorjaar: {
      noord: { from: '2028-02-19', to: '2028-02-27' },
      midden: { from: '2028-02-26', to: '2028-03-05' },
      zuid: { from: '2028-02-26', to: '2028-03-05' },
    },
    mei: all('2028-04-29', '2028-05-07'),
    zomer: {
      noord: { from: '2028-07-15', to: '2028-08-27' },
      midden: { from: '2028-07-08', to: '2028-08-20' },
      zuid: { from: '2028-07-22', to: '2028-09-03' },
    },
    meiAdviesweek: { from: '2028-04-22', to: '2028-04-30' },
  },
};

/** The school years for which regional holidays are known, oldest first. */
export const KNOWN_SCHOOL_YEARS: string[] = Object.keys(SCHOOL_HOLIDAYS).sort();

const SCHOOL_YEAR_PATTERN = /^(\d{4})-(\d{4})$/;

/** The school year of a date, e.g. `'2026-2027'`; a school year runs from 1 August to 31 July. */
export function schoolYearOf(date: IsoDate): string {
  assertIsoDate(date);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const startYear = month >= 8 ? year : year - 1;
  return `${startYear}-${startYear + 1}`;
}

/** First (1 August) and last (31 July) day of a school year such as `'2026-2027'`. */
export function schoolYearBounds(schoolYear: string): { from: IsoDate; to: IsoDate } {
  const startYear = parseSchoolYear(schoolYear);
  return { from: isoDateOf(startYear, 8, 1), to: isoDateOf(startYear + 1, 7, 31) };
}

function parseSchoolYear(schoolYear: string): number {
  const match = typeof schoolYear === 'string' ? SCHOOL_YEAR_PATTERN.exec(schoolYear) : null;
  if (!match || Number(match[2]) !== Number(match[1]) + 1) {
    throw new RangeError(
      `Ongeldig schooljaar ${JSON.stringify(schoolYear)}: verwacht "JJJJ-JJJJ", bv. "2026-2027" ` +
        `(invalid school year: expected two consecutive years such as "2026-2027")`,
    );
  }
  return Number(match[1]);
}

function knownYear(schoolYear: string): SchoolYearHolidays {
  parseSchoolYear(schoolYear);
  const data = SCHOOL_HOLIDAYS[schoolYear];
  if (!data) {
    throw new RangeError(
      `Geen vakantiedata voor schooljaar ${schoolYear}; bekend zijn ${KNOWN_SCHOOL_YEARS.join(', ')} ` +
        `(no school holiday data for school year ${schoolYear}; known: ${KNOWN_SCHOOL_YEARS.join(', ')})`,
    );
  }
  return data;
}

function assertRegion(region: Region): void {
  if (region !== 'noord' && region !== 'midden' && region !== 'zuid') {
    throw new RangeError(`Onbekende regio ${JSON.stringify(region)} (unknown region; expected noord, midden or zuid)`);
  }
}

/**
 * The holidays of one region in one school year, in date order: the five vacations plus the national public holidays
 * that fall on a weekday outside those vacations (Goede Vrijdag, Tweede Paasdag, Hemelvaartsdag, Tweede Pinksterdag,
 * and Koningsdag when it falls outside the meivakantie; Nieuwjaarsdag and the Kerstdagen always fall inside the
 * kerstvakantie). Bevrijdingsdag and the Friday after Hemelvaartsdag are school-specific days off and are not included.
 *
 * Throws for a school year without data (see {@link KNOWN_SCHOOL_YEARS}).
 */
export function regionalHolidays(region: Region, schoolYear: string): DateRange[] {
  assertRegion(region);
  const data = knownYear(schoolYear);
  return withPublicHolidays(schoolYear, [
    { ...data.herfst[region], name: HERFSTVAKANTIE },
    { ...data.kerst[region], name: KERSTVAKANTIE },
    { ...data.voorjaar[region], name: VOORJAARSVAKANTIE },
    { ...data.mei[region], name: MEIVAKANTIE },
    { ...data.zomer[region], name: ZOMERVAKANTIE },
  ]);
}

/**
 * A school year's vacations of one region plus the national public holidays on weekdays of that school year outside
 * them, in date order: what {@link regionalHolidays} gives for a bundled year, and what an imported year (the
 * ministry's open data, `school_holiday_year`) is stored as.
 */
export function withPublicHolidays(schoolYear: string, vacations: DateRange[]): DateRange[] {
  const { from, to } = schoolYearBounds(schoolYear);
  const startYear = Number(from.slice(0, 4));
  const inVacation = (date: IsoDate) => vacations.some((v) => v.from <= date && date <= v.to);
  const publicHolidays: DateRange[] = [...dutchPublicHolidays(startYear), ...dutchPublicHolidays(startYear + 1)]
    .filter((h) => h.date >= from && h.date <= to && !isWeekend(h.date) && !inVacation(h.date))
    .map((h) => ({ from: h.date, to: h.date, name: h.name }));
  return [...vacations.map((v) => ({ from: v.from, to: v.to, name: v.name })), ...publicHolidays].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/**
 * The ministry's advised extra meivakantie week for a school year (Saturday to Sunday). Most secondary schools take
 * it; a school that does adds it to its `daysOff`. See {@link HOLIDAY_DATA_PROVENANCE} for how sure each year is.
 */
export function meivakantieAdviesweek(schoolYear: string): DateRange {
  const week = knownYear(schoolYear).meiAdviesweek;
  return { from: week.from, to: week.to, name: `${MEIVAKANTIE} (extra week)` };
}

