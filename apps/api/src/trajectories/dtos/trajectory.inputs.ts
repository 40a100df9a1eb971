import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class StartTrajectoryInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'pupilId moet een geldige id zijn' })
  pupilId!: string;

  @Field({ description: 'Reason of the signal (the signal form).' })
  @IsString()
  @Length(3, 2000, { message: 'reden moet 3 tot 2000 tekens lang zijn' })
  reason!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(4000, { message: 'observaties mogen maximaal 4000 tekens lang zijn' })
  observations?: string | null;

  @Field(() => String, { nullable: true, description: 'What the mentor already tried.' })
  @IsOptional()
  @MaxLength(4000, { message: 'wat al geprobeerd is mag maximaal 4000 tekens lang zijn' })
  triedActions?: string | null;

  @Field(() => Int, { nullable: true, description: 'Length in weeks (policy bounds, default 6–9).' })
  @IsOptional()
  @IsInt({ message: 'weken moet een geheel getal zijn' })
  @Min(1)
  @Max(52)
  weeks?: number | null;

  @Field(() => String, { nullable: true, description: 'Idempotency key: the same key never starts a second case.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'requestKey mag alleen letters, cijfers, - en _ bevatten (max. 64)' })
  requestKey?: string | null;
}

@InputType()
export class RecordIntakeInput {
  @Field() @Matches(ISO_DATE, { message: 'intakeDate moet een datum zijn (JJJJ-MM-DD)' }) intakeDate!: string;
  @Field({ description: "The pupil's own goal (ontwikkeldoel)." }) @IsString() @Length(3, 500, { message: 'ontwikkeldoel moet 3 tot 500 tekens lang zijn' }) goal!: string;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(300, { each: true }) subGoals?: string[] | null;
}

@InputType()
export class AssignCoachInput {
  @Field(() => ID) @IsUUID('all', { message: 'coachId moet een geldige id zijn' }) coachId!: string;
  @Field(() => String, { nullable: true, description: 'The weekly slot as text, e.g. "dinsdag 3e uur"; derived from sessionWeekday and sessionTime when absent.' })
  @IsOptional()
  @IsString()
  @Length(1, 100, { message: 'vast tijdstip moet 1 tot 100 tekens lang zijn' })
  sessionSlot?: string | null;
  @Field(() => Int, { nullable: true, description: 'Day of the weekly session: 1 = maandag … 5 = vrijdag (needed for session reminders).' })
  @IsOptional()
  @IsInt({ message: 'de dag van de sessie is maandag tot en met vrijdag' })
  @Min(1, { message: 'de dag van de sessie is maandag tot en met vrijdag' })
  @Max(5, { message: 'de dag van de sessie is maandag tot en met vrijdag' })
  sessionWeekday?: number | null;
  @Field(() => String, { nullable: true, description: 'Time of the weekly session, HH:mm.' })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'het tijdstip van de sessie is uu:mm, bijvoorbeeld 10:15' })
  sessionTime?: string | null;
  @Field(() => String, { nullable: true, description: 'Required when switching coach.' }) @IsOptional() @MaxLength(500) reason?: string | null;
}

@InputType()
export class LogSessionInput {
  @Field() @Matches(ISO_DATE, { message: 'date moet een datum zijn (JJJJ-MM-DD)' }) date!: string;
  @Field() @IsBoolean() attended!: boolean;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1, { message: 'thermometer is 1 t/m 10' }) @Max(10, { message: 'thermometer is 1 t/m 10' }) thermometer?: number | null;
}

@InputType()
export class MidEvaluationInput {
  @Field() @IsString() @Length(3, 2000, { message: 'samenvatting moet 3 tot 2000 tekens lang zijn' }) summary!: string;
}

@InputType()
export class RecordOutcomeInput {
  @Field() @IsIn(['AFGEROND', 'VERLENGD', 'DOORVERWEZEN', 'GESTOPT'], { message: 'uitkomst moet AFGEROND, VERLENGD, DOORVERWEZEN of GESTOPT zijn' }) outcome!: 'AFGEROND' | 'VERLENGD' | 'DOORVERWEZEN' | 'GESTOPT';
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(52) extensionWeeks?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) reason?: string | null;
}

@InputType()
export class StopTrajectoryInput {
  @Field() @IsString() @Length(3, 1000, { message: 'reden moet 3 tot 1000 tekens lang zijn' }) reason!: string;
}
