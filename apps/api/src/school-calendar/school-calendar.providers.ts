import { CalendarCoverageService } from './calendar-coverage.service';
import { SchoolCalendarResolver } from './school-calendar.resolver';
import { SchoolCalendarService } from './school-calendar.service';
import { SchoolHolidaysService } from './school-holidays.service';
import { AddSchoolDayOffUseCase, RemoveSchoolDayOffUseCase } from './usecases/school-day-off.usecases';
import { UseCalendarOnRunningCasesUseCase } from './usecases/use-calendar-on-running-cases.usecase';

/** Nest providers of the editable school calendar (registered in AppModule; needs SchoolSettingsAccess). */
export const SCHOOL_CALENDAR_PROVIDERS = [SchoolCalendarService, CalendarCoverageService, SchoolHolidaysService, AddSchoolDayOffUseCase, RemoveSchoolDayOffUseCase, UseCalendarOnRunningCasesUseCase, SchoolCalendarResolver];
