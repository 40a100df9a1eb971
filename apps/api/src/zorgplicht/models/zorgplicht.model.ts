import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PupilModel, SchoolModel } from '../../pupils/models/pupil.model';
import { CaseDocumentModel } from '../../documents/models/case-document.model';

/** Where a clock stands today, for filtering and colouring in the SWV view. */
export const ZorgplichtClockState = {
  /** More than the warning period (default 7 days) left. */
  OP_SCHEMA: 'OP_SCHEMA',
  /** Due within the warning period (the SWV's "one week left"), not yet overdue. */
  LAATSTE_WEEK: 'LAATSTE_WEEK',
  /** Past the due date without a decision. */
  VERLOPEN: 'VERLOPEN',
} as const;
export type ZorgplichtClockState = (typeof ZorgplichtClockState)[keyof typeof ZorgplichtClockState];
registerEnumType(ZorgplichtClockState, { name: 'ZorgplichtClockState', description: 'OP_SCHEMA, LAATSTE_WEEK (due within a week) or VERLOPEN (overdue).' });

export const ZorgplichtClockSort = {
  DAYS_LEFT_ASC: 'DAYS_LEFT_ASC',
  DAYS_LEFT_DESC: 'DAYS_LEFT_DESC',
} as const;
export type ZorgplichtClockSort = (typeof ZorgplichtClockSort)[keyof typeof ZorgplichtClockSort];
registerEnumType(ZorgplichtClockSort, { name: 'ZorgplichtClockSort', description: 'Sort by days left: most urgent first (ASC, default) or last.' });

@ObjectType('ZorgplichtClock', { description: 'An open zorgplicht term (P4): what the SWV tracks for every member school.' })
export class ZorgplichtClockModel {
  @Field(() => ID) caseId!: string;
  @Field(() => PupilModel) pupil!: PupilModel;
  @Field(() => SchoolModel) school!: SchoolModel;
  @Field() status!: string;
  @Field() statusLabel!: string;
  @Field({ description: 'Date of receipt of the written application (YYYY-MM-DD).' }) receivedOn!: string;
  @Field({ description: 'The due date in force (YYYY-MM-DD).' }) dueDate!: string;
  @Field({ description: 'The rule that produced the due date, e.g. P4.decisionWeeks or P4.extensionMaxWeeks.' }) dueRule!: string;
  @Field({ description: 'Why the due date is what it is (Dutch).' }) dueExplanation!: string;
  @Field({ description: 'End of the first term (receipt + 6 weeks).' }) firstDueDate!: string;
  @Field(() => Int, { description: 'Calendar days to the due date: 0 on the due date, negative when overdue.' }) daysRemaining!: number;
  @Field() overdue!: boolean;
  @Field(() => Int) daysOverdue!: number;
  @Field(() => ZorgplichtClockState) clockState!: ZorgplichtClockState;
  @Field() extensionUsed!: boolean;
  @Field(() => Int, { nullable: true }) extensionWeeks!: number | null;
  @Field(() => String, { nullable: true }) extendedOn!: string | null;
  @Field({ description: 'The 10-week mark (receipt + 10 weeks): risk of a thuiszitter.' }) tenWeekDate!: string;
  @Field() tenWeekReached!: boolean;
  @Field(() => Int) daysSinceReceipt!: number;
  @Field({ description: 'Whether the zomervakantie suspends this term (policy).' }) suspendSummerHoliday!: boolean;
  @Field() extraSupportExpected!: boolean;
  @Field(() => [String], { description: 'SWV signals sent so far: WEEK_LEFT, OVERDUE, TEN_WEEKS.' }) swvSignals!: string[];
  @Field(() => String, { nullable: true }) ownerName!: string | null;
}

@ObjectType('ZorgplichtSchoolCount')
export class ZorgplichtSchoolCountModel {
  @Field(() => SchoolModel) school!: SchoolModel;
  @Field(() => Int) open!: number;
  @Field(() => Int, { description: 'Due within the warning period, not overdue.' }) lastWeek!: number;
  @Field(() => Int) overdue!: number;
  @Field(() => Int) extended!: number;
  @Field(() => Int) pastTenWeeks!: number;
}

@ObjectType('ZorgplichtOverview')
export class ZorgplichtOverviewModel {
  @Field({ description: 'The date (Europe/Amsterdam) the days are counted from.' }) today!: string;
  @Field(() => [ZorgplichtClockModel], { description: 'One page of the matching clocks, in board order.' }) clocks!: ZorgplichtClockModel[];
  @Field(() => Int, { description: 'How many clocks match the filter (all pages).' }) totalCount!: number;
  @Field(() => Int, { description: 'How many matching clocks come before this page.' }) offset!: number;
  @Field(() => Int, { nullable: true, description: 'The page size asked for (null: no limit, e.g. inside the api).' }) limit!: number | null;
  @Field(() => [ZorgplichtSchoolCountModel], { description: 'Per school, every open clock the caller may see (filters not applied); every school on the caller’s board has a row, with zeros where none is open.' }) countsPerSchool!: ZorgplichtSchoolCountModel[];
}

@ObjectType('ZorgplichtInvestigation')
export class ZorgplichtInvestigationModel {
  @Field() kind!: string;
  @Field() label!: string;
  @Field() date!: string;
  @Field(() => String, { nullable: true }) summary!: string | null;
  @Field(() => String, { nullable: true }) recordedBy!: string | null;
}

@ObjectType('ZorgplichtDecision')
export class ZorgplichtDecisionModel {
  @Field() outcome!: string;
  @Field() decidedOn!: string;
  @Field() onTime!: boolean;
  @Field(() => String, { nullable: true }) motivation!: string | null;
  @Field(() => String, { nullable: true }) arrangement!: string | null;
  @Field(() => String, { nullable: true }) admittingSchoolName!: string | null;
  @Field(() => String, { nullable: true }) agreementDate!: string | null;
  @Field(() => String, { nullable: true }) tlvRequestedOn!: string | null;
  @Field(() => String, { nullable: true }) bezwaarUntil!: string | null;
}

@ObjectType('ZorgplichtCase', { description: 'One aanmelding with its clock. The SWV sees the clock and the outcome, not the school’s notes or letters.' })
export class ZorgplichtCaseModel {
  @Field(() => ZorgplichtClockModel) clock!: ZorgplichtClockModel;
  @Field(() => [String]) preferenceSchoolIds!: string[];
  @Field(() => String, { nullable: true, description: 'The reason stated in the extension notice (school roles only).' }) extensionReason!: string | null;
  @Field(() => [ZorgplichtInvestigationModel], { description: 'School roles only.' }) investigations!: ZorgplichtInvestigationModel[];
  @Field(() => ZorgplichtDecisionModel, { nullable: true }) decision!: ZorgplichtDecisionModel | null;
  @Field(() => [CaseDocumentModel], { description: 'School roles and parents only.' }) documents!: CaseDocumentModel[];
  @Field(() => [String]) openSteps!: string[];
  @Field(() => String, { nullable: true }) outcome!: string | null;
}
