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
