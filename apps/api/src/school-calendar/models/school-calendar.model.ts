import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SchoolDayOff', { description: 'A school’s own day(s) off in one school year (inclusive range).' })
export class SchoolDayOffModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) schoolId!: string;
  @Field({ description: 'E.g. 2026-2027.' }) schoolYear!: string;
  @Field({ description: 'YYYY-MM-DD' }) from!: string;
  @Field({ description: 'YYYY-MM-DD (inclusive)' }) to!: string;
  @Field() name!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => String, { nullable: true }) createdByName!: string | null;
}

@ObjectType('CalendarRange', { description: 'A regional holiday or public holiday (inclusive range).' })
export class CalendarRangeModel {
  @Field() from!: string;
  @Field() to!: string;
  @Field() name!: string;
}

@ObjectType('SchoolCalendar')
export class SchoolCalendarModel {
  @Field(() => ID) schoolId!: string;
  @Field() region!: string;
  @Field() schoolYear!: string;
  @Field({ description: 'False when no regional holiday data is known for this school year (only weekends and days off count).' }) holidaysKnown!: boolean;
  @Field(() => [CalendarRangeModel]) holidays!: CalendarRangeModel[];
  @Field(() => [SchoolDayOffModel]) daysOff!: SchoolDayOffModel[];
  @Field(() => Int, { description: 'School days in this school year (1 August – 31 July).' }) schoolDays!: number;
}

@ObjectType('ExplainedDueDate')
export class ExplainedDueDateModel {
  @Field({ description: 'YYYY-MM-DD' }) date!: string;
  @Field({ description: 'Dutch explanation: inputs, rule and the non-school days that were skipped.' }) explanation!: string;
  @Field() rule!: string;
  @Field({ description: 'The inputs of the rule as JSON.' }) inputsJson!: string;
}

@ObjectType('CalendarCoverage', { description: 'How far the bundled regional holiday data reaches: it must cover the current and the next school year.' })
export class CalendarCoverageModel {
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the last day with holiday data (31 July of the last known school year).' }) coveredUntil!: string | null;
  @Field(() => [String], { description: 'Of the current and the next school year (from 1 August), those without holiday data, e.g. ["2028-2029"].' }) missingSchoolYears!: string[];
  @Field(() => String, { nullable: true, description: 'Dutch warning to add the missing school year(s); null while both are covered.' }) warning!: string | null;
}

@ObjectType('HolidayImportEntry', { description: 'One vacation in one region of one school year (inclusive, Saturday to Sunday as published); "heel Nederland" is read as all three regions.' })
export class HolidayImportEntryModel {
  @Field() schoolYear!: string;
  @Field({ description: 'Herfstvakantie, Kerstvakantie, Voorjaarsvakantie, Meivakantie or Zomervakantie.' }) vacation!: string;
  @Field({ description: 'The ministry’s compulsory dates (false: advice, schools may deviate).' }) compulsory!: boolean;
  @Field({ description: 'noord, midden or zuid.' }) region!: string;
  @Field({ description: 'YYYY-MM-DD' }) from!: string;
  @Field({ description: 'YYYY-MM-DD (inclusive)' }) to!: string;
}

@ObjectType('HolidayImportSchoolYear')
export class HolidayImportSchoolYearModel {
  @Field() schoolYear!: string;
  @Field(() => String, { nullable: true, description: 'What applying replaces: BUNDLED (shipped with Zorgroute), IMPORTED (an earlier import) or null (no data yet).' })
  replaces!: string | null;
}

@ObjectType('HolidayImportRejection', { description: 'An entry of the file that is not taken, with the Dutch reason.' })
export class HolidayImportRejectionModel {
  @Field(() => String, { nullable: true }) schoolYear!: string | null;
  @Field({ description: 'E.g. "Herfstvakantie, regio oost".' }) entry!: string;
  @Field() reason!: string;
}

@ObjectType('HolidayImportPreview', { description: 'What importing the ministry’s school holiday file would store (nothing is stored by the preview).' })
export class HolidayImportPreviewModel {
  @Field({ description: 'SHA-256 of the file’s text: give it back to importSchoolHolidays, so the file stored is the file previewed.' }) fileDigest!: string;
  @Field(() => [HolidayImportSchoolYearModel]) schoolYears!: HolidayImportSchoolYearModel[];
  @Field(() => [HolidayImportEntryModel], { description: 'Every vacation per region, in the order of the school year (flat, so the query stays cheap).' }) entries!: HolidayImportEntryModel[];
  @Field(() => [HolidayImportRejectionModel]) rejected!: HolidayImportRejectionModel[];
}

@ObjectType('RunningCaseCalendarFailure', { description: 'A running case that did not take the new calendar, and why.' })
export class RunningCaseCalendarFailureModel {
  @Field(() => ID) caseId!: string;
  @Field({ description: 'CASE_CLOSED, BAD_USER_INPUT, STEP_NOT_ALLOWED or UNAVAILABLE (no worker runs the case, or Temporal did not answer).' }) code!: string;
  @Field({ description: 'Dutch reason.' }) message!: string;
}

@ObjectType('RunningCasesCalendarResult', { description: 'Running cases sent the school’s current calendar (useSchoolCalendar).' })
export class RunningCasesCalendarResultModel {
  @Field(() => Int, { description: 'Cases that took the calendar.' }) updated!: number;
  @Field(() => Int, { description: 'Cases that already counted on this calendar (sent before): nothing changed, nothing recorded.' }) unchanged!: number;
  @Field(() => Int, { description: 'Of those, the cases in which a due date moved.' }) dueDatesMoved!: number;
  @Field(() => [RunningCaseCalendarFailureModel], { description: 'Cases that did not take it (the others still did).' }) failed!: RunningCaseCalendarFailureModel[];
}

@ObjectType('RunningCasesCalendarRun', { description: 'The last time the calendar was sent to a school’s running cases (a holiday import or the manual action): that school’s part.' })
export class RunningCasesCalendarRunModel {
  @Field({ description: 'When (ISO timestamp).' }) at!: string;
  @Field({ description: 'Why, in Dutch (the import of which school years, or the manual action).' }) reason!: string;
  @Field(() => RunningCasesCalendarResultModel, { description: 'The school’s running cases that took it, and the ones that did not and why.' }) result!: RunningCasesCalendarResultModel;
}

@ObjectType('HolidayImportResult')
export class HolidayImportResultModel {
  @Field(() => [String], { description: 'The school years stored.' }) schoolYears!: string[];
  @Field(() => CalendarCoverageModel, { description: 'The holiday data’s coverage after the import.' }) coverage!: CalendarCoverageModel;
  @Field(() => RunningCasesCalendarResultModel, {
    nullable: true,
    description: 'The running cases counted without the imported school years, sent the new calendar; null when sending failed altogether (the import stands; send it per school with applySchoolCalendarToRunningCases).',
  })
  runningCases!: RunningCasesCalendarResultModel | null;
}

@ObjectType('HolidayDataYear', { description: 'A school year with regional holiday data: bundled with Zorgroute or imported.' })
export class HolidayDataYearModel {
  @Field() schoolYear!: string;
  @Field({ description: 'BUNDLED or IMPORTED.' }) source!: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) importedAt!: Date | null;
  @Field(() => String, { nullable: true }) importedByName!: string | null;
  @Field(() => String, { nullable: true, description: 'SHA-256 of the imported file.' }) fileDigest!: string | null;
}

@ObjectType('DueDateWithoutHolidayData')
export class DueDateWithoutHolidayDataModel {
  @Field({ description: 'The step or due-date key.' }) step!: string;
  @Field(() => String, { nullable: true, description: 'Dutch label of the step.' }) stepLabel!: string | null;
  @Field({ description: 'YYYY-MM-DD' }) date!: string;
  @Field() explanation!: string;
  @Field(() => [String], { description: 'The school years counted without their regional holidays.' }) schoolYears!: string[];
  @Field(() => [String], { description: 'Of those, the school years whose holiday data is known by now (the case still counts with the calendar it started with).' })
  nowKnown!: string[];
}

@ObjectType('CaseWithoutHolidayData', { description: 'A running case with a due date or reminders counted across a school year without regional holiday data.' })
export class CaseWithoutHolidayDataModel {
  @Field(() => ID) caseId!: string;
  @Field() process!: string;
  @Field(() => ID) schoolId!: string;
  @Field(() => String, { nullable: true }) schoolName!: string | null;
  @Field() status!: string;
  @Field(() => [DueDateWithoutHolidayDataModel]) dueDates!: DueDateWithoutHolidayDataModel[];
}
