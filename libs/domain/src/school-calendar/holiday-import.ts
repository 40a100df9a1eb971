/**
 * The platform admin's import of a school year's regional holidays in the format the government publishes them: the
 * JSON of the Rijksoverheid's open data ("schoolvakanties", `opendata.rijksoverheid.nl/v1/.../schoolholidays/
 * schoolyear/<jaar>?output=json`). One document per school year; a list of documents (the endpoint of all years) is
 * read too. Each vacation names its regions (`noord`, `midden`, `zuid` or `heel Nederland`) with a start and an end:
 * instants in UTC (start 00:00Z of the first day, end 23:59 Amsterdam time of the last day, e.g. `21:59:00.000Z`) or
 * plain dates. Both are read as the calendar date in Europe/Amsterdam.
 *
 * The file's shape is checked with zod: a file that is not such a document is refused as a whole (a Dutch message,
 * nothing kept). Within a well-formed document every entry is checked on its own and a wrong one is listed as
 * rejected with its reason; a school year with rejected entries cannot be applied. (Outside `logic/`: it uses zod,
 * node:crypto and time zones, which workflow code does not need.)
 */
import { createHash } from 'node:crypto';
import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { HOLIDAY_IMPORT_MAX_CHARS } from '@zorgroute/processes';
import { z } from 'zod';
import {
  calendarDaysBetween,
  HERFSTVAKANTIE,
  isIsoDate,
  KERSTVAKANTIE,
  MEIVAKANTIE,
  REGIONS,
  schoolYearOf,
  VOORJAARSVAKANTIE,
  withPublicHolidays,
  ZOMERVAKANTIE,
  type DateRange,
  type IsoDate,
  type Region,
} from '../logic/calendar';

/** The largest file read, shared with the admin through `@zorgroute/processes` (re-exported here for the api). */
export { HOLIDAY_IMPORT_MAX_CHARS };

/** The five vacations every school year must have, in the order of the school year. */
export const VACATIONS = [HERFSTVAKANTIE, KERSTVAKANTIE, VOORJAARSVAKANTIE, MEIVAKANTIE, ZOMERVAKANTIE] as const;

/** The longest vacation the ministry publishes is the zomervakantie (6 weeks and 2 days); anything longer is a typo. */
const MAX_VACATION_DAYS = 50;

const AMSTERDAM = tz('Europe/Amsterdam');
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const SCHOOL_YEAR = /^(\d{4})\s*-\s*(\d{4})$/;

/** A file that cannot be read as the ministry's school holiday data at all: nothing of it is kept. */
export class HolidayFileError extends Error {
  constructor(
    readonly messageNl: string,
    messageEn: string,
  ) {
    super(messageEn);
    this.name = 'HolidayFileError';
  }
}

const regionEntrySchema = z.object({ region: z.string(), startdate: z.string(), enddate: z.string() });
const vacationSchema = z.object({
  type: z.string(),
  compulsorydates: z.union([z.string(), z.boolean()]).optional(),
  regions: z.array(z.unknown()),
});
const contentSchema = z.object({ schoolyear: z.string(), vacations: z.array(z.unknown()).min(1) });
const documentSchema = z.looseObject({ content: z.array(contentSchema).min(1) });
const fileSchema = z.union([documentSchema, z.array(documentSchema).min(1)]);

/** One vacation of one school year as read, per region. */
export interface PreviewVacation {
  name: string;
  /** The ministry's `compulsorydates`: true for compulsory dates, false for advice (herfst, voorjaar). */
  compulsory: boolean;
  regions: { region: Region; from: IsoDate; to: IsoDate }[];
}

export interface PreviewSchoolYear {
  schoolYear: string;
  vacations: PreviewVacation[];
  /** What the school year's data is now: bundled with Zorgroute, imported earlier, or none (set by the repository). */
  replaces: 'BUNDLED' | 'IMPORTED' | null;
}

/** An entry of the file that is not taken, with a Dutch reason ("Herfstvakantie, regio noord: …"). */
export interface RejectedHolidayEntry {
  schoolYear: string | null;
  entry: string;
  reason: string;
}

export interface HolidayImportPreview {
  /** SHA-256 of the file's text: what applying it must be given back, so the file applied is the file previewed. */
  fileDigest: string;
  schoolYears: PreviewSchoolYear[];
  rejected: RejectedHolidayEntry[];
}

/** SHA-256 (hex) of the file's text. */
export function holidayFileDigest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function vacationName(type: string): string | null {
  const key = type.replace(/\s+/g, ' ').trim().toLowerCase();
  return VACATIONS.find((v) => v.toLowerCase() === key) ?? null;
}

/** The Amsterdam calendar date of a start or end as published; null when it is neither a date nor an instant. */
export function publishedDate(value: string): IsoDate | null {
  const v = value.trim();
  if (DATE_ONLY.test(v)) return isIsoDate(v) ? v : null;
  if (!INSTANT.test(v) || !isIsoDate(v.slice(0, 10))) return null;
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) return null;
  return format(new Date(ms), 'yyyy-MM-dd', { in: AMSTERDAM });
}

function normalSchoolYear(raw: string): string | null {
  const m = SCHOOL_YEAR.exec(raw.trim());
  return m && Number(m[2]) === Number(m[1]) + 1 ? `${m[1]}-${m[2]}` : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new HolidayFileError(
      'Het bestand is geen JSON. Download de schoolvakanties als JSON van de open data van de Rijksoverheid (output=json); er is niets ingelezen',
      'The file is not JSON; nothing was read',
    );
  }
}

/**
 * Reads the ministry's file into a preview: per school year each vacation with its dates per region, and every entry
 * that cannot be taken with its reason. Throws {@link HolidayFileError} for a file that is not such data at all.
 * `replaces` is left null (the repository knows what is stored).
 */
export function readHolidayFile(text: string): HolidayImportPreview {
  if (!text.trim()) throw new HolidayFileError('Het bestand is leeg; er is niets ingelezen', 'The file is empty; nothing was read');
  if (text.length > HOLIDAY_IMPORT_MAX_CHARS) {
    throw new HolidayFileError(
      `Het bestand is groter dan ${HOLIDAY_IMPORT_MAX_CHARS.toLocaleString('nl-NL')} tekens; lees minder schooljaren per keer in. Er is niets ingelezen`,
      `The file is larger than ${HOLIDAY_IMPORT_MAX_CHARS} characters; import fewer school years at a time`,
    );
  }
  const parsed = fileSchema.safeParse(parseJson(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (bij ${issue.path.join('.')})` : '';
    throw new HolidayFileError(
      `Het bestand is geen overzicht van schoolvakanties in het formaat van de Rijksoverheid: verwacht "content" met per schooljaar "schoolyear" en "vacations"${where}. Er is niets ingelezen`,
      `The file is not the Rijksoverheid school holiday format${where ? ` (at ${issue?.path.join('.')})` : ''}; nothing was read`,
    );
  }
  const documents = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  const rejected: RejectedHolidayEntry[] = [];
  const years = new Map<string, PreviewSchoolYear>();

  for (const content of documents.flatMap((d) => d.content)) {
    const schoolYear = normalSchoolYear(content.schoolyear);
    if (!schoolYear) {
      rejected.push({ schoolYear: null, entry: `Schooljaar "${content.schoolyear.trim()}"`, reason: 'geen schooljaar van twee opeenvolgende jaren, zoals 2028-2029' });
      continue;
    }
    if (years.has(schoolYear)) {
      rejected.push({ schoolYear, entry: `Schooljaar ${schoolYear}`, reason: 'staat twee keer in het bestand' });
      continue;
    }
    const year: PreviewSchoolYear = { schoolYear, vacations: [], replaces: null };
    years.set(schoolYear, year);
    const seen = new Map<string, Set<Region>>();
    for (const [index, rawVacation] of content.vacations.entries()) {
      const v = vacationSchema.safeParse(rawVacation);
      if (!v.success) {
        rejected.push({ schoolYear, entry: `Vakantie ${index + 1}`, reason: 'heeft geen "type" en "regions"' });
        continue;
      }
      const name = vacationName(v.data.type);
      if (!name) {
        rejected.push({ schoolYear, entry: `Vakantie "${v.data.type.trim()}"`, reason: `onbekende vakantie; verwacht ${VACATIONS.join(', ')}` });
        continue;
      }
      const compulsory = v.data.compulsorydates === true || String(v.data.compulsorydates).trim().toLowerCase() === 'true';
      const vacation: PreviewVacation = year.vacations.find((x) => x.name === name) ?? { name, compulsory, regions: [] };
      const regionsSeen = seen.get(name) ?? new Set<Region>();
      for (const rawEntry of v.data.regions) {
        const e = regionEntrySchema.safeParse(rawEntry);
        if (!e.success) {
          rejected.push({ schoolYear, entry: name, reason: 'een regio zonder "region", "startdate" en "enddate"' });
          continue;
        }
        const regionName = e.data.region.replace(/\s+/g, ' ').trim().toLowerCase();
        const regions: Region[] | null = regionName === 'heel nederland' ? [...REGIONS] : (REGIONS as readonly string[]).includes(regionName) ? [regionName as Region] : null;
        const label = `${name}, regio ${e.data.region.trim()}`;
        if (!regions) {
          rejected.push({ schoolYear, entry: label, reason: 'onbekende regio; verwacht noord, midden, zuid of heel Nederland' });
          continue;
        }
        const from = publishedDate(e.data.startdate);
        const to = publishedDate(e.data.enddate);
        const problem = !from
          ? `startdatum "${e.data.startdate}" is geen datum`
          : !to
            ? `einddatum "${e.data.enddate}" is geen datum`
            : to < from
              ? 'de einddatum ligt vóór de startdatum'
              : schoolYearOf(from) !== schoolYear
                ? `begint buiten schooljaar ${schoolYear}`
                : calendarDaysBetween(from, to) >= MAX_VACATION_DAYS
                  ? `duurt langer dan ${MAX_VACATION_DAYS} dagen`
                  : regions.some((r) => regionsSeen.has(r))
                    ? 'staat voor deze regio twee keer in het bestand'
                    : null;
        if (problem || !from || !to) {
          rejected.push({ schoolYear, entry: label, reason: problem ?? 'ongeldige datum' });
          continue;
        }
        for (const region of regions) {
          regionsSeen.add(region);
          vacation.regions.push({ region, from, to });
        }
      }
      seen.set(name, regionsSeen);
      if (!year.vacations.includes(vacation)) year.vacations.push(vacation);
    }
    for (const name of VACATIONS) {
      const missing = REGIONS.filter((r) => !seen.get(name)?.has(r));
      if (missing.length && !rejected.some((r) => r.schoolYear === schoolYear && r.entry.startsWith(name))) {
        rejected.push({ schoolYear, entry: name, reason: `ontbreekt voor regio ${missing.join(', ')}` });
      }
    }
    year.vacations.sort((a, b) => VACATIONS.indexOf(a.name as (typeof VACATIONS)[number]) - VACATIONS.indexOf(b.name as (typeof VACATIONS)[number]));
    year.vacations.forEach((v) => v.regions.sort((a, b) => REGIONS.indexOf(a.region) - REGIONS.indexOf(b.region)));
    checkOverlaps(year, rejected);
  }
  if (!years.size && !rejected.length) throw new HolidayFileError('Het bestand bevat geen schooljaar; er is niets ingelezen', 'The file holds no school year; nothing was read');
  return { fileDigest: holidayFileDigest(text), schoolYears: [...years.values()].sort((a, b) => a.schoolYear.localeCompare(b.schoolYear)), rejected };
}

/** Two vacations of one region that overlap are a mistake in the file. */
function checkOverlaps(year: PreviewSchoolYear, rejected: RejectedHolidayEntry[]): void {
  for (const region of REGIONS) {
    const ranges = year.vacations.flatMap((v) => v.regions.filter((r) => r.region === region).map((r) => ({ ...r, name: v.name }))).sort((a, b) => a.from.localeCompare(b.from));
    for (let i = 1; i < ranges.length; i++) {
      const [a, b] = [ranges[i - 1], ranges[i]];
      if (a && b && b.from <= a.to) rejected.push({ schoolYear: year.schoolYear, entry: `${b.name}, regio ${region}`, reason: `overlapt met de ${a.name.toLowerCase()}` });
    }
  }
}

/**
 * What is stored for a school year (`school_holiday_year.holidays`): per region its vacations plus the national public
 * holidays on school days outside them, as `regionalHolidays` gives them for a bundled year.
 */
export function holidaysToStore(year: PreviewSchoolYear): Record<Region, DateRange[]> {
  const out = {} as Record<Region, DateRange[]>;
  for (const region of REGIONS) {
    const vacations = year.vacations.flatMap((v) => v.regions.filter((r) => r.region === region).map((r) => ({ from: r.from, to: r.to, name: v.name })));
    out[region] = withPublicHolidays(year.schoolYear, vacations);
  }
  return out;
}
