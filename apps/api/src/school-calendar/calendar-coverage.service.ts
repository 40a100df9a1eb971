import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { holidayDataCoverage, Role, SchoolHolidayYearRepository, type HolidayDataCoverage } from '@zorgroute/domain';
import { toIsoDate } from '@zorgroute/domain/logic';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import type { CalendarCoverageModel } from './models/school-calendar.model';

/** Who is shown the holiday data's runway (the dashboard banner): the platform admins and the zorgcoördinator. */
const MAY_SEE: string[] = [Role.ADMIN, Role.PLATFORM_ADMIN, Role.ZORGCOORDINATOR];

/** How the missing data is added (named in the start-up warning). */
const HOW_TO_ADD = 'import the ministry\'s file on the Schoolkalender page as platform admin';

/**
 * The runway of the regional holiday data (bundled and imported school years): it must cover the current and the next
 * school year. Logged as a warning at start-up (no personal data) and shown on the dashboard of the admins and the
 * zorgcoördinator, so a missing school year is imported a year before due dates fall in it. `today` is an argument for
 * tests (default: today in Amsterdam).
 */
@Injectable()
export class CalendarCoverageService implements OnApplicationBootstrap {
  private readonly logger = new Logger('CalendarCoverage');
  private readonly years: SchoolHolidayYearRepository;

  constructor(@Inject(DataSource) dataSource: DataSource) {
    this.years = new SchoolHolidayYearRepository(dataSource);
  }

  async coverage(user: AuthUser, today: string = toIsoDate(Date.now())): Promise<CalendarCoverageModel> {
    if (!MAY_SEE.includes(user.role)) throw AppError.forbidden();
    const { coveredUntil, missingSchoolYears, warning } = holidayDataCoverage(today, await this.years.knownSchoolYears());
    return { coveredUntil, missingSchoolYears, warning };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.logAtStartup();
  }

  /** Logs a structured warning when the holiday data does not cover the current and the next school year. */
  async logAtStartup(today: string = toIsoDate(Date.now())): Promise<HolidayDataCoverage> {
    const coverage = holidayDataCoverage(today, await this.years.knownSchoolYears());
    if (coverage.warningEn) {
      this.logger.warn(`${coverage.warningEn} (${HOW_TO_ADD})`, {
        event: 'holiday_data_runway_short',
        coveredUntil: coverage.coveredUntil,
        missingSchoolYears: coverage.missingSchoolYears,
      });
    }
    return coverage;
  }
}
