import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import {
  CaseSummaryEntity,
  HolidayFileError,
  KNOWN_SCHOOL_YEARS,
  PupilEntity,
  readHolidayFile,
  Role,
  SchoolEntity,
  SchoolHolidayYearRepository,
  UserEntity,
  type HolidayImportPreview,
} from '@zorgroute/domain';
import { AudiencePolicy } from '../access/audience.policy';
import { isPlatformAdmin } from '../access/platform-admin';
import type { AuthUser } from '../auth/auth-user';
import { stepLabel } from '../cases/labels';
import { AppError } from '../common/app-error';
import { validateOrThrow } from '../common/validate';
import { CalendarCoverageService } from './calendar-coverage.service';
import { HolidayFileArgs, ImportSchoolHolidaysArgs } from './dtos/school-calendar.inputs';
import { UseCalendarOnRunningCasesUseCase } from './usecases/use-calendar-on-running-cases.usecase';
import type { CaseWithoutHolidayDataModel, HolidayDataYearModel, HolidayImportPreviewModel, HolidayImportResultModel } from './models/school-calendar.model';

const logger = new Logger('SchoolHolidays');

/** A due date as the workflows write it into `case_summary.data.dueDates`. */
interface DueDateRow {
  step: string;
  date: string;
  explanation: string;
  withoutHolidayData?: string[];
}

/** Who sees the cases counted without holiday data: an admin (all schools), a zorgcoördinator (his own school). */
const MAY_LIST_CASES: string[] = [Role.ADMIN, Role.ZORGCOORDINATOR];

function readOrThrow(content: string): HolidayImportPreview {
  try {
    return readHolidayFile(content);
  } catch (e) {
    if (e instanceof HolidayFileError) throw new AppError('BAD_USER_INPUT', e.messageNl, e.message, { fileError: 'HOLIDAY_FILE' });
    throw e;
  }
}

/**
 * The regional holiday data (issue 13 item 6): the platform admin previews and imports a school year's holidays from
 * the ministry's open-data file (preview stores nothing; the import stores every school year of the file in one
 * audited transaction, and only the file that was previewed: its SHA-256 must match). New cases and new calendars use
 * an imported year at once; the running cases whose due dates were counted across an imported year without its data
 * (`casesWithoutHolidayData`) are sent the new calendar right after the import (UseCalendarOnRunningCasesUseCase).
 */
@Injectable()
export class SchoolHolidaysService {
  private readonly years: SchoolHolidayYearRepository;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
    @Inject(CalendarCoverageService) private readonly coverage: CalendarCoverageService,
    @Inject(UseCalendarOnRunningCasesUseCase) private readonly runningCases: UseCalendarOnRunningCasesUseCase,
  ) {
    this.years = new SchoolHolidayYearRepository(dataSource);
  }

  private requirePlatformAdmin(user: AuthUser): void {
    if (!isPlatformAdmin(user)) throw AppError.forbidden();
  }

  async preview(user: AuthUser, rawArgs: HolidayFileArgs): Promise<HolidayImportPreviewModel> {
    this.requirePlatformAdmin(user);
    const args = validateOrThrow(HolidayFileArgs, rawArgs);
    const preview = await this.years.withReplaces(readOrThrow(args.content));
    return {
      fileDigest: preview.fileDigest,
      schoolYears: preview.schoolYears.map((y) => ({ schoolYear: y.schoolYear, replaces: y.replaces })),
      entries: preview.schoolYears.flatMap((y) => y.vacations.flatMap((v) => v.regions.map((r) => ({ schoolYear: y.schoolYear, vacation: v.name, compulsory: v.compulsory, region: r.region, from: r.from, to: r.to })))),
      rejected: preview.rejected,
    };
  }

  async apply(user: AuthUser, rawArgs: ImportSchoolHolidaysArgs): Promise<HolidayImportResultModel> {
    this.requirePlatformAdmin(user);
    const args = validateOrThrow(ImportSchoolHolidaysArgs, rawArgs);
    const preview = readOrThrow(args.content);
    if (preview.fileDigest !== args.fileDigest) {
      throw new AppError('BAD_USER_INPUT', 'Dit is niet het bestand van de voorvertoning; bekijk de voorvertoning opnieuw. Er is niets opgeslagen', 'This is not the previewed file; nothing was stored', { reason: 'DIGEST_MISMATCH' });
    }
    const outcome = await this.years.apply(preview, { id: user.id, role: user.role });
    if (!outcome.ok) throw new AppError('BAD_USER_INPUT', outcome.nl, outcome.en, { reason: outcome.code });
    logger.log(`imported school holidays ${outcome.schoolYears.join(',')} file=${preview.fileDigest}`);
    // The running cases counted without these years take them now (each recorded on its timeline); failures are listed.
    const runningCases = await this.runningCases.afterImport(user, outcome.schoolYears, preview.fileDigest).catch((err: unknown) => {
      // The import is stored: it stands; the admin panel says the running cases were not sent it.
      logger.error(`imported school holidays not sent to running cases: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    });
    return { schoolYears: outcome.schoolYears, coverage: await this.coverage.coverage(user), runningCases };
  }

  /** The school years with holiday data, bundled and imported (platform admin, admin, zorgcoördinator). */
  async dataYears(user: AuthUser): Promise<HolidayDataYearModel[]> {
    if (!isPlatformAdmin(user) && user.role !== Role.ZORGCOORDINATOR) throw AppError.forbidden();
    const rows = await this.years.rows();
    const users = rows.length ? await this.dataSource.getRepository(UserEntity).findBy({ id: In([...new Set(rows.map((r) => r.importedBy))]) }) : [];
    const names = new Map(users.map((u) => [u.id, u.name]));
    const imported = new Map(rows.map((r) => [r.schoolYear, r]));
    return [...new Set([...KNOWN_SCHOOL_YEARS, ...imported.keys()])].sort().map((schoolYear) => {
      const row = imported.get(schoolYear);
      return row
        ? { schoolYear, source: 'IMPORTED', importedAt: row.importedAt, importedByName: names.get(row.importedBy) ?? null, fileDigest: row.fileDigest }
        : { schoolYear, source: 'BUNDLED', importedAt: null, importedByName: null, fileDigest: null };
    });
  }

  /**
   * Running cases with a due date (or its reminders) counted across a school year without regional holiday data, as
   * the workflows recorded it (`data.dueDates[].withoutHolidayData`), scoped like every case list (AudiencePolicy).
   */
  async casesWithoutHolidayData(user: AuthUser): Promise<CaseWithoutHolidayDataModel[]> {
    if (!MAY_LIST_CASES.includes(user.role)) throw AppError.forbidden();
    const qb = this.audience.scopeCases(this.dataSource.getRepository(CaseSummaryEntity).createQueryBuilder('c').innerJoin(PupilEntity, 'p', 'p.id = c.pupil_id'), user);
    qb.andWhere('c.closed_at IS NULL').andWhere(`jsonb_path_exists(c.data, '$.dueDates[*].withoutHolidayData')`);
    const rows = await qb.orderBy('c.next_due_date', 'ASC', 'NULLS LAST').addOrderBy('c.id', 'ASC').limit(500).getMany();
    if (!rows.length) return [];
    const [known, schools] = await Promise.all([
      this.years.knownSchoolYears(),
      this.dataSource.getRepository(SchoolEntity).findBy({ id: In([...new Set(rows.map((r) => r.schoolId))]) }),
    ]);
    const schoolNames = new Map(schools.map((s) => [s.id, s.name]));
    return rows.map((r) => ({
      caseId: r.id,
      process: r.process,
      schoolId: r.schoolId,
      schoolName: schoolNames.get(r.schoolId) ?? null,
      status: r.status,
      dueDates: (((r.data as { dueDates?: DueDateRow[] }).dueDates ?? []) as DueDateRow[])
        .filter((d) => d.withoutHolidayData?.length)
        .map((d) => ({
          step: d.step,
          stepLabel: stepLabel(d.step),
          date: d.date,
          explanation: d.explanation,
          schoolYears: d.withoutHolidayData as string[],
          nowKnown: (d.withoutHolidayData as string[]).filter((y) => known.includes(y)),
        })),
    }));
  }
}
