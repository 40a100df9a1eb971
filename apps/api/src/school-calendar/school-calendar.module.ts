import { Module } from '@nestjs/common';
import { CalendarCoverageService } from './calendar-coverage.service';
import { SchoolCalendarResolver } from './school-calendar.resolver';
import { SchoolCalendarService } from './school-calendar.service';
import { SchoolHolidaysService } from './school-holidays.service';
import { AddSchoolDayOffUseCase, RemoveSchoolDayOffUseCase } from './usecases/school-day-off.usecases';
import { UseCalendarOnRunningCasesUseCase } from './usecases/use-calendar-on-running-cases.usecase';
import { PoliciesModule } from '../policies/policies.module';
import { SecurityModule } from '../security/security.module';

/**
 * The editable school calendar: holidays, days off, coverage, and using it on running cases.
 */
@Module({
  imports: [PoliciesModule, SecurityModule],
  providers: [SchoolCalendarService, CalendarCoverageService, SchoolHolidaysService, AddSchoolDayOffUseCase, RemoveSchoolDayOffUseCase, UseCalendarOnRunningCasesUseCase, SchoolCalendarResolver],
})
export class SchoolCalendarModule {}
