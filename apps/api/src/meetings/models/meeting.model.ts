import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { MeetingKindName } from '@zorgroute/domain/logic';

/** The kinds of meeting (`MEETING_KINDS` of the domain): the schema refuses any other value before a resolver runs. */
export const MeetingKind = {
  IZO: 'IZO',
  ZAT: 'ZAT',
  FLEX_ZAT: 'FLEX_ZAT',
} as const satisfies { [K in MeetingKindName]: K };
export type MeetingKind = MeetingKindName;
registerEnumType(MeetingKind, {
  name: 'MeetingKind',
  description: 'The kind of a school meeting: IZO (intern zorgoverleg), ZAT (zorg- en adviesteam) or FLEX_ZAT (Flex-ZAT).',
});

@ObjectType('Meeting', { description: 'An IZO, ZAT or Flex-ZAT meeting of a school (issue 17.8). Staff of the school only.' })
export class MeetingModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) schoolId!: string;
  @Field() schoolName!: string;
  @Field(() => MeetingKind) kind!: MeetingKind;
  @Field({ description: 'In Dutch, e.g. "IZO-overleg".' }) kindLabel!: string;
  @Field() schoolYear!: string;
  @Field({ description: 'YYYY-MM-DD.' }) date!: string;
  @Field(() => String, { nullable: true }) time!: string | null;
  @Field(() => String, { nullable: true }) location!: string | null;
  @Field() cancelled!: boolean;
  @Field(() => String, { nullable: true }) cancelReason!: string | null;
  @Field(() => Int, { description: 'Agenda rounds sent (0: none yet).' }) agendaRounds!: number;
  @Field(() => Date, { nullable: true }) agendaSentAt!: Date | null;
  @Field(() => String, { nullable: true }) minutes!: string | null;
  @Field(() => Date, { nullable: true }) minutesRecordedAt!: Date | null;
  @Field(() => Int, { description: 'Cases on the meeting (the caller sees).' }) caseCount!: number;
}

@ObjectType('MeetingCase', { description: 'A P2 case on a meeting (or one that may be put on it).' })
export class MeetingCaseModel {
  @Field(() => ID) caseId!: string;
  @Field(() => ID) pupilId!: string;
  @Field() pupilName!: string;
  @Field(() => String, { nullable: true }) className!: string | null;
  @Field() status!: string;
  @Field() statusLabel!: string;
  @Field(() => String, { nullable: true, description: 'The date the case is planned on now (for a candidate: its current IZO or none).' }) plannedDate!: string | null;
}

@ObjectType('MeetingDetail')
export class MeetingDetailModel {
  @Field(() => MeetingModel) meeting!: MeetingModel;
  @Field(() => [MeetingCaseModel], { description: 'The cases whose IZO/ZAT is planned on this meeting (from the read model).' }) cases!: MeetingCaseModel[];
  @Field(() => [MeetingCaseModel], { description: 'Cases the process allows to put on this meeting now (IZO planned on another date; ZAT waiting to be planned).' }) candidates!: MeetingCaseModel[];
  @Field(() => Int, { description: 'How many staff would receive the agenda.' }) agendaRecipientCount!: number;
}

@ObjectType('ZatCalendarCheck', { description: 'At least 6 ZAT meetings per school year (PROCESSES.md P2.8).' })
export class ZatCalendarCheckModel {
  @Field() schoolYear!: string;
  @Field(() => Int) count!: number;
  @Field(() => Int) minimum!: number;
  @Field(() => String, { nullable: true }) warning!: string | null;
}

@ObjectType('MeetingOverview')
export class MeetingOverviewModel {
  @Field(() => [MeetingModel]) meetings!: MeetingModel[];
  @Field(() => ZatCalendarCheckModel) zatCheck!: ZatCalendarCheckModel;
}

@ObjectType('MeetingAgendaResult')
export class MeetingAgendaResultModel {
  @Field(() => MeetingModel) meeting!: MeetingModel;
  @Field({ description: 'SENT: a round went out now; ALREADY_SENT: an earlier request sent it (a double click), nothing sent now.' }) status!: string;
  @Field(() => Int, { description: 'E-mails sent in this round.' }) sent!: number;
}
