import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { AddSchoolDayOffInput, ExplainDueDateArgs, SchoolYearArgs } from './dtos/school-calendar.inputs';
import { CalendarCoverageModel, ExplainedDueDateModel, SchoolCalendarModel, SchoolDayOffModel } from './models/school-calendar.model';
import { CalendarCoverageService } from './calendar-coverage.service';
import { SchoolCalendarService } from './school-calendar.service';
import { AddSchoolDayOffUseCase, RemoveSchoolDayOffUseCase } from './usecases/school-day-off.usecases';

/** The school calendar: a school's own days off per school year, and due dates explained on it. */
@Resolver(() => SchoolCalendarModel)
export class SchoolCalendarResolver {
  constructor(
    @Inject(SchoolCalendarService) private readonly calendar: SchoolCalendarService,
    @Inject(AddSchoolDayOffUseCase) private readonly add: AddSchoolDayOffUseCase,
    @Inject(RemoveSchoolDayOffUseCase) private readonly remove: RemoveSchoolDayOffUseCase,
    @Inject(CalendarCoverageService) private readonly coverage: CalendarCoverageService,
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

  @Query(() => CalendarCoverageModel, { description: 'How far the bundled regional holiday data reaches, with a warning when it does not cover the current and the next school year (admin and zorgcoördinator).' })
  calendarCoverage(@CurrentUser() user: AuthUser): CalendarCoverageModel {
    return this.coverage.coverage(user);
  }

  @Mutation(() => SchoolDayOffModel, { description: 'Adds a day off (new cases count it; running cases keep their calendar).' })
  addSchoolDayOff(@CurrentUser() user: AuthUser, @Args('input') input: AddSchoolDayOffInput): Promise<SchoolDayOffModel> {
    return this.add.execute(user, input);
  }

  @Mutation(() => SchoolDayOffModel, { description: 'Removes a day off; returns what was removed.' })
  removeSchoolDayOff(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<SchoolDayOffModel> {
    return this.remove.execute(user, id);
  }
}
