import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { holidayDataCoverage, Role, type HolidayDataCoverage } from '@zorgroute/domain';
import { toIsoDate } from '@zorgroute/domain/logic';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import type { CalendarCoverageModel } from './models/school-calendar.model';

/** Who is shown the holiday data's runway (the dashboard banner): the platform admin and the zorgcoördinator. */
const MAY_SEE: string[] = [Role.ADMIN, Role.ZORGCOORDINATOR];

/** Where the bundled holiday data lives (named in the start-up warning). */
const HOLIDAY_DATA_FILE = 'libs/domain/src/logic/calendar/school-holidays-nl.ts';

/**
 * The runway of the bundled regional holiday data: it must cover the current and the next school year. Logged as a
 * warning at start-up (no personal data) and shown on the dashboard of the admin and the zorgcoördinator, so a missing
 * school year is added a year before due dates fall in it. `today` is an argument for tests (default: today in
 * Amsterdam).
 */
@Injectable()
export class CalendarCoverageService implements OnApplicationBootstrap {
  private readonly logger = new Logger('CalendarCoverage');

  coverage(user: AuthUser, today: string = toIsoDate(Date.now())): CalendarCoverageModel {
    if (!MAY_SEE.includes(user.role)) throw AppError.forbidden();
    const { coveredUntil, missingSchoolYears, warning } = holidayDataCoverage(today);
    return { coveredUntil, missingSchoolYears, warning };
  }

  onApplicationBootstrap(): void {
    this.logAtStartup();
  }

  /** Logs a structured warning when the holiday data does not cover the current and the next school year. */
  logAtStartup(today: string = toIsoDate(Date.now())): HolidayDataCoverage {
    const coverage = holidayDataCoverage(today);
    if (coverage.warningEn) {
      this.logger.warn(`${coverage.warningEn} (${HOLIDAY_DATA_FILE})`, {
        event: 'holiday_data_runway_short',
        coveredUntil: coverage.coveredUntil,
        missingSchoolYears: coverage.missingSchoolYears,
      });
    }
    return coverage;
  }
}
