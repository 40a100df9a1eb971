import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { AddSchoolDayOffInput, ExplainDueDateArgs, HolidayFileArgs, ImportSchoolHolidaysArgs, SchoolYearArgs } from './dtos/school-calendar.inputs';
import {
  CalendarCoverageModel,
  CaseWithoutHolidayDataModel,
  ExplainedDueDateModel,
  HolidayDataYearModel,
  HolidayImportPreviewModel,
  HolidayImportResultModel,
  RunningCasesCalendarResultModel,
  RunningCasesCalendarRunModel,
  SchoolCalendarModel,
  SchoolDayOffModel,
} from './models/school-calendar.model';
import { CalendarCoverageService } from './calendar-coverage.service';
import { SchoolHolidaysService } from './school-holidays.service';
import { SchoolCalendarService } from './school-calendar.service';
import { AddSchoolDayOffUseCase, RemoveSchoolDayOffUseCase } from './usecases/school-day-off.usecases';
import { UseCalendarOnRunningCasesUseCase } from './usecases/use-calendar-on-running-cases.usecase';

/** The school calendar: a school's own days off per school year, and due dates explained on it. */
@Resolver(() => SchoolCalendarModel)
export class SchoolCalendarResolver {
  constructor(
    @Inject(SchoolCalendarService) private readonly calendar: SchoolCalendarService,
    @Inject(AddSchoolDayOffUseCase) private readonly add: AddSchoolDayOffUseCase,
    @Inject(RemoveSchoolDayOffUseCase) private readonly remove: RemoveSchoolDayOffUseCase,
    @Inject(CalendarCoverageService) private readonly coverage: CalendarCoverageService,
    @Inject(SchoolHolidaysService) private readonly holidays: SchoolHolidaysService,
    @Inject(UseCalendarOnRunningCasesUseCase) private readonly runningCases: UseCalendarOnRunningCasesUseCase,
  ) {}

  @Query(() => [SchoolDayOffModel], { description: 'The school’s own days off, of one school year when given.' })
  schoolDaysOff(@CurrentUser() user: AuthUser, @Args() args: SchoolYearArgs): Promise<SchoolDayOffModel[]> {
    return this.calendar.daysOff(user, args);
  }

  @Query(() => SchoolCalendarModel, { description: 'Regional holidays and the school’s own days off of a school year.' })
  schoolCalendar(@CurrentUser() user: AuthUser, @Args() args: SchoolYearArgs): Promise<SchoolCalendarModel> {
    return this.calendar.calendar(user, args);
  }

  @Query(() => ExplainedDueDateModel, { description: 'The due date N school days after a start date on the school’s current calendar, explained.' })
  explainDueDate(@CurrentUser() user: AuthUser, @Args() args: ExplainDueDateArgs): Promise<ExplainedDueDateModel> {
    return this.calendar.explain(user, args);
  }

  @Query(() => CalendarCoverageModel, { description: 'How far the regional holiday data (bundled and imported) reaches, with a warning when it does not cover the current and the next school year (admins and zorgcoördinator).' })
  calendarCoverage(@CurrentUser() user: AuthUser): Promise<CalendarCoverageModel> {
    return this.coverage.coverage(user);
  }

  @Query(() => [HolidayDataYearModel], { description: 'The school years with regional holiday data, bundled or imported (platform admins and zorgcoördinator).' })
  holidayDataYears(@CurrentUser() user: AuthUser): Promise<HolidayDataYearModel[]> {
    return this.holidays.dataYears(user);
  }

  @Query(() => HolidayImportPreviewModel, { description: 'Reads the ministry’s school holiday file (open-data JSON) and shows what importing it would store; stores nothing (platform admins).' })
  schoolHolidayImportPreview(@CurrentUser() user: AuthUser, @Args() args: HolidayFileArgs): Promise<HolidayImportPreviewModel> {
    return this.holidays.preview(user, args);
  }

  @Mutation(() => HolidayImportResultModel, { description: 'Stores the school years of a previewed holiday file in one transaction (refused when an entry was rejected or the file is not the previewed one); new cases use them (platform admins).' })
  importSchoolHolidays(@CurrentUser() user: AuthUser, @Args() args: ImportSchoolHolidaysArgs): Promise<HolidayImportResultModel> {
    return this.holidays.apply(user, args);
  }

  @Query(() => [CaseWithoutHolidayDataModel], { description: 'Running cases with a due date counted across a school year without regional holiday data (admin all schools, zorgcoördinator his own).' })
  casesWithoutHolidayData(@CurrentUser() user: AuthUser): Promise<CaseWithoutHolidayDataModel[]> {
    return this.holidays.casesWithoutHolidayData(user);
  }

  @Mutation(() => SchoolDayOffModel, { description: 'Adds a day off (new cases count it; running cases keep their calendar).' })
  addSchoolDayOff(@CurrentUser() user: AuthUser, @Args('input') input: AddSchoolDayOffInput): Promise<SchoolDayOffModel> {
    return this.add.execute(user, input);
  }

  @Mutation(() => SchoolDayOffModel, { description: 'Removes a day off; returns what was removed.' })
  removeSchoolDayOff(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<SchoolDayOffModel> {
    return this.remove.execute(user, id);
  }

  @Query(() => RunningCasesCalendarRunModel, { nullable: true, description: 'The last time the calendar was sent to the school’s running cases, with its outcome for the school; null when never (its zorgcoördinator or an admin).' })
  lastRunningCasesCalendarRun(@CurrentUser() user: AuthUser, @Args('schoolId', { type: () => ID }) schoolId: string): Promise<RunningCasesCalendarRunModel | null> {
    return this.runningCases.lastRun(user, schoolId);
  }

  @Mutation(() => RunningCasesCalendarResultModel, { description: 'Sends the school’s current calendar (holidays and days off) to its running cases, which recompute their open steps’ due dates; failures per case are listed (its zorgcoördinator or an admin).' })
  applySchoolCalendarToRunningCases(@CurrentUser() user: AuthUser, @Args('schoolId', { type: () => ID }) schoolId: string): Promise<RunningCasesCalendarResultModel> {
    return this.runningCases.execute(user, schoolId);
  }
}
