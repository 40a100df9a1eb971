import type { DataSource, EntityManager } from 'typeorm';
import { AuditTrailRepository } from '../audit/audit-trail.repository';
import { SchoolHolidayYearEntity } from '../entities/school-holiday-year.entity';
import { KNOWN_SCHOOL_YEARS, type ImportedHolidayYears } from '../logic/calendar';
import { holidaysToStore, type HolidayImportPreview } from './holiday-import';

export type ApplyHolidaysOutcome =
  | { ok: true; schoolYears: string[] }
  | { ok: false; code: 'HAS_REJECTIONS' | 'NOTHING_TO_IMPORT'; nl: string; en: string };

/**
 * The regional holidays a platform admin imported (`school_holiday_year`, one row per school year), next to the years
 * bundled with Zorgroute (school-holidays-nl.ts). An imported year replaces a bundled one. Read wherever a school's
 * calendar is built (a case's start, the digest, the Schoolkalender screen, the coverage warning).
 */
export class SchoolHolidayYearRepository {
  private readonly audit: AuditTrailRepository;

  constructor(private readonly dataSource: DataSource) {
    this.audit = new AuditTrailRepository(dataSource);
  }

  async rows(manager: EntityManager = this.dataSource.manager): Promise<SchoolHolidayYearEntity[]> {
    return manager.getRepository(SchoolHolidayYearEntity).find({ order: { schoolYear: 'ASC' } });
  }

  /** Every imported school year, for `buildSchoolCalendar(region, daysOff, KNOWN_SCHOOL_YEARS, imported)`. */
  async imported(manager: EntityManager = this.dataSource.manager): Promise<ImportedHolidayYears> {
    return Object.fromEntries((await this.rows(manager)).map((r) => [r.schoolYear, r.holidays]));
  }

  /** The school years with holiday data: bundled and imported, oldest first. */
  async knownSchoolYears(manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    return [...new Set([...KNOWN_SCHOOL_YEARS, ...(await this.rows(manager)).map((r) => r.schoolYear)])].sort();
  }

  /** Marks each school year of a preview with what its data is now (bundled, imported earlier, or none). */
  async withReplaces(preview: HolidayImportPreview): Promise<HolidayImportPreview> {
    const imported = new Set((await this.rows()).map((r) => r.schoolYear));
    return {
      ...preview,
      schoolYears: preview.schoolYears.map((y) => ({ ...y, replaces: imported.has(y.schoolYear) ? 'IMPORTED' : KNOWN_SCHOOL_YEARS.includes(y.schoolYear) ? 'BUNDLED' : null })),
    };
  }

  /**
   * Stores every school year of a preview without rejected entries, in one transaction, audited as
   * SCHOOL_HOLIDAYS_IMPORTED (who, the school years, the file's SHA-256). Writes nothing when an entry was rejected.
   */
  async apply(preview: HolidayImportPreview, actor: { id: string; role: string }, now: Date = new Date()): Promise<ApplyHolidaysOutcome> {
    if (preview.rejected.length) {
      return {
        ok: false,
        code: 'HAS_REJECTIONS',
        nl: `Het bestand heeft ${preview.rejected.length} afgekeurde ${preview.rejected.length === 1 ? 'regel' : 'regels'}; pas het aan en lees het opnieuw in. Er is niets opgeslagen`,
        en: `The file has ${preview.rejected.length} rejected entr${preview.rejected.length === 1 ? 'y' : 'ies'}; nothing was stored`,
      };
    }
    if (!preview.schoolYears.length) return { ok: false, code: 'NOTHING_TO_IMPORT', nl: 'Het bestand bevat geen schooljaar; er is niets opgeslagen', en: 'The file holds no school year; nothing was stored' };
    const schoolYears = preview.schoolYears.map((y) => y.schoolYear);
    await this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['school_holiday_year']);
      const previous = new Map((await this.rows(m)).map((r) => [r.schoolYear, r.fileDigest]));
      await m.getRepository(SchoolHolidayYearEntity).upsert(
        preview.schoolYears.map((y) => ({ schoolYear: y.schoolYear, holidays: holidaysToStore(y), fileDigest: preview.fileDigest, importedBy: actor.id, importedAt: now })),
        ['schoolYear'],
      );
      await this.audit.append(
        {
          eventKey: `school-holidays:${preview.fileDigest}:${now.toISOString()}`,
          caseId: null,
          at: now.toISOString(),
          actorId: actor.id,
          actorName: actor.role,
          action: 'SCHOOL_HOLIDAYS_IMPORTED',
          description: `Schoolvakanties ingelezen: ${schoolYears.join(', ')}`,
          details: {
            schoolYears,
            fileDigest: preview.fileDigest,
            replaced: schoolYears.filter((y) => previous.has(y)).map((y) => ({ schoolYear: y, fileDigest: previous.get(y) })),
          },
        },
        m,
      );
    });
    return { ok: true, schoolYears };
  }
}
