import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { MEETING_KINDS, MEETING_LOCATION_MAX } from '@zorgroute/domain/logic';
import { MeetingKind } from '../models/meeting.model';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const SCHOOL_YEAR = /^\d{4}-\d{4}$/;

@ArgsType()
export class MeetingsArgs {
  @Field(() => ID) @IsUUID('all', { message: 'school moet een geldige id zijn' }) schoolId!: string;

  @Field({ description: 'E.g. 2026-2027.' }) @Matches(SCHOOL_YEAR, { message: 'schooljaar moet als 2026-2027' }) schoolYear!: string;

  @Field(() => MeetingKind, { nullable: true, description: 'All kinds when left out.' })
  @IsOptional()
  @IsIn(MEETING_KINDS, { message: 'soort moet IZO, ZAT of FLEX_ZAT zijn' })
  kind?: MeetingKind | null;
}

@InputType('PlanMeetingInput', { description: 'A new meeting of a school (its zorgcoördinator or an admin).' })
export class PlanMeetingInput {
  @Field(() => ID) @IsUUID('all', { message: 'school moet een geldige id zijn' }) schoolId!: string;

  @Field(() => MeetingKind) @IsIn(MEETING_KINDS, { message: 'soort moet IZO, ZAT of FLEX_ZAT zijn' }) kind!: MeetingKind;

  @Field({ description: 'YYYY-MM-DD, a school day, not in the past.' }) @Matches(DATE, { message: 'datum moet een datum zijn (JJJJ-MM-DD)' }) date!: string;

  @Field(() => String, { nullable: true, description: 'HH:MM.' }) @IsOptional() @Matches(TIME, { message: 'tijd moet als UU:MM (bijvoorbeeld 14:30)' }) time?: string | null;

  @Field(() => String, { nullable: true, description: 'Where at school (in the agenda e-mail; no case details).' })
  @IsOptional()
  @IsString()
  @MaxLength(MEETING_LOCATION_MAX, { message: `plaats mag hoogstens ${MEETING_LOCATION_MAX} tekens zijn` })
  location?: string | null;
}

@InputType('UpdateMeetingInput', { description: 'Moves a meeting or changes its time or place.' })
export class UpdateMeetingInput {
  @Field(() => ID) @IsUUID('all', { message: 'overleg moet een geldige id zijn' }) id!: string;

  @Field() @Matches(DATE, { message: 'datum moet een datum zijn (JJJJ-MM-DD)' }) date!: string;

  @Field(() => String, { nullable: true }) @IsOptional() @Matches(TIME, { message: 'tijd moet als UU:MM (bijvoorbeeld 14:30)' }) time?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MEETING_LOCATION_MAX, { message: `plaats mag hoogstens ${MEETING_LOCATION_MAX} tekens zijn` })
  location?: string | null;
}

@InputType('CancelMeetingInput')
export class CancelMeetingInput {
  @Field(() => ID) @IsUUID('all', { message: 'overleg moet een geldige id zijn' }) id!: string;

  @Field({ description: 'Why (3–500 characters); not sent to anyone.' })
  @IsString()
  @Matches(/\S{3}/, { message: 'reden is verplicht (minstens 3 tekens)' })
  @Length(3, 500, { message: 'reden moet 3 tot 500 tekens lang zijn' })
  reason!: string;
}

@InputType('SendMeetingAgendaInput')
export class SendMeetingAgendaInput {
  @Field(() => ID) @IsUUID('all', { message: 'overleg moet een geldige id zijn' }) meetingId!: string;

  @Field(() => Boolean, { nullable: true, description: 'Send a new round although an agenda went out before (explicit resend); a second click without it sends nothing.' })
  @IsOptional()
  @IsBoolean()
  resend?: boolean | null;
}

@InputType('PutCaseOnMeetingInput', { description: 'Puts a P2 case on the meeting through its own planning step (IZO: RESCHEDULE_IZO; ZAT/Flex-ZAT: PLAN_ZAT).' })
export class PutCaseOnMeetingInput {
  @Field(() => ID) @IsUUID('all', { message: 'overleg moet een geldige id zijn' }) meetingId!: string;

  @Field(() => ID) @IsString() @Length(1, 200) caseId!: string;

  @Field(() => String, { nullable: true, description: 'Why the IZO moves to this meeting (RESCHEDULE_IZO asks a reason); a default text when left out.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}

@InputType('MeetingCaseNoteInput', { description: 'A short note about one case of the meeting; it lands in that case’s logboek (audience: the school).' })
export class MeetingCaseNoteInput {
  @Field(() => ID) @IsString() @Length(1, 200) caseId!: string;

  @Field()
  @IsString()
  @Matches(/\S/, { message: 'notitie mag niet leeg zijn' })
  @Length(1, 2000, { message: 'notitie moet 1 tot 2000 tekens lang zijn' })
  note!: string;
}

@InputType('RecordMeetingMinutesInput', { description: 'The minutes of a meeting (audience: the school’s staff) and a note per case.' })
export class RecordMeetingMinutesInput {
  @Field(() => ID) @IsUUID('all', { message: 'overleg moet een geldige id zijn' }) meetingId!: string;

  @Field()
  @IsString()
  @Matches(/\S/, { message: 'verslag mag niet leeg zijn' })
  @Length(1, 20000, { message: 'verslag moet 1 tot 20000 tekens lang zijn' })
  minutes!: string;

  @Field(() => [MeetingCaseNoteInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => MeetingCaseNoteInput)
  caseNotes?: MeetingCaseNoteInput[] | null;
}
