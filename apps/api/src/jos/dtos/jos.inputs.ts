import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { JOS_NEEDS, JOS_REFERRALS, type JosNeed, type JosOutcome, type JosReferral } from '@zorgroute/workflows';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const JosNeedEnum = Object.fromEntries(JOS_NEEDS.map((n) => [n, n])) as { [K in JosNeed]: K };
registerEnumType(JosNeedEnum, { name: 'JosNeed', description: 'The six needs JOS is meant for (single, school-related problems) [003:712-728].' });
export const JosReferralEnum = Object.fromEntries(JOS_REFERRALS.map((r) => [r, r])) as { [K in JosReferral]: K };
registerEnumType(JosReferralEnum, { name: 'JosReferral', description: 'Where a pupil is referred to when JOS is not enough: Sociaal Team, OOV or BPO.' });
export const JosOutcomeEnum = { AFGEROND: 'AFGEROND', DOORVERWEZEN: 'DOORVERWEZEN' } as const satisfies { [K in JosOutcome]: K };
registerEnumType(JosOutcomeEnum, { name: 'JosOutcome' });

const NEEDS_MESSAGE = `kies één of meer ondersteuningsbehoeften (${JOS_NEEDS.join(', ')})`;

@InputType({ description: 'The school support team decided to deploy JOS for a pupil.' })
export class StartJosInput {
  @Field(() => ID) @IsUUID('all', { message: 'pupilId moet een geldige id zijn' }) pupilId!: string;

  @Field({ description: 'Date of the schoolondersteuningsteam meeting that decided (YYYY-MM-DD, not in the future).' })
  @Matches(ISO_DATE, { message: 'besluitdatum moet een datum zijn (JJJJ-MM-DD)' })
  decisionDate!: string;

  @Field(() => [JosNeedEnum])
  @ArrayMinSize(1, { message: NEEDS_MESSAGE })
  @ArrayMaxSize(6, { message: NEEDS_MESSAGE })
  @ArrayUnique({ message: 'elke ondersteuningsbehoefte hoogstens één keer' })
  @IsIn(JOS_NEEDS, { each: true, message: NEEDS_MESSAGE })
  needs!: JosNeed[];

  @Field(() => String, { nullable: true, description: 'Notes of the school support team.' })
  @IsOptional()
  @MaxLength(2000, { message: 'toelichting mag maximaal 2000 tekens lang zijn' })
  decisionNotes?: string | null;

  @Field(() => ID, { nullable: true, description: 'The JOS worker; default the school’s JOS worker.' })
  @IsOptional()
  @IsUUID('all', { message: 'josWorkerId moet een geldige id zijn' })
  josWorkerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Idempotency key: the same key never starts a second case.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'requestKey mag alleen letters, cijfers, - en _ bevatten (max. 64)' })
  requestKey?: string | null;
}

@InputType({ description: 'The JOS aanmeldformulier, filled in by the mentor.' })
export class JosFormInput {
  @Field(() => [JosNeedEnum])
  @ArrayMinSize(1, { message: NEEDS_MESSAGE })
  @ArrayMaxSize(6, { message: NEEDS_MESSAGE })
  @ArrayUnique({ message: 'elke ondersteuningsbehoefte hoogstens één keer' })
  @IsIn(JOS_NEEDS, { each: true, message: NEEDS_MESSAGE })
  needs!: JosNeed[];

  @Field({ description: 'The problem in the mentor’s words.' })
  @IsString()
  @Length(10, 4000, { message: 'omschrijving van het probleem moet 10 tot 4000 tekens lang zijn' })
  problemDescription!: string;

  @Field({ description: 'JOS is for a single problem of a school-related nature; the mentor confirms it.' })
  @IsBoolean({ message: 'enkelvoudig schools probleem moet waar of onwaar zijn' })
  singleSchoolRelatedProblem!: boolean;

  @Field({ description: 'What the mentor and the school already tried.' })
  @IsString()
  @Length(3, 4000, { message: 'wat al geprobeerd is moet 3 tot 4000 tekens lang zijn' })
  alreadyTried!: string;

  @Field(() => String, { nullable: true, description: 'What the pupil himself says and wants.' })
  @IsOptional()
  @MaxLength(4000, { message: 'wat de leerling zelf zegt mag maximaal 4000 tekens lang zijn' })
  pupilView?: string | null;

  @Field({ description: 'Whether the parents know about the registration.' })
  @IsBoolean({ message: 'ouders op de hoogte moet waar of onwaar zijn' })
  parentsInformed!: boolean;

  @Field(() => String, { nullable: true, description: 'When the pupil can meet during the week.' })
  @IsOptional()
  @MaxLength(500, { message: 'beschikbaarheid mag maximaal 500 tekens lang zijn' })
  availability?: string | null;
}

@InputType()
export class JosStartgesprekInput {
  @Field({ description: 'YYYY-MM-DD, not in the future.' }) @Matches(ISO_DATE, { message: 'datum moet een datum zijn (JJJJ-MM-DD)' }) date!: string;
  @Field() @IsBoolean({ message: 'ouders aanwezig moet waar of onwaar zijn' }) parentsPresent!: boolean;
  @Field() @IsBoolean({ message: 'mentor aanwezig moet waar of onwaar zijn' }) mentorPresent!: boolean;
  @Field() @IsBoolean({ message: 'leerling aanwezig moet waar of onwaar zijn' }) pupilPresent!: boolean;
  @Field() @IsString() @Length(3, 4000, { message: 'verslag moet 3 tot 4000 tekens lang zijn' }) summary!: string;
}

@InputType({ description: 'The JOS worker plans the startgesprek: parents, mentor and pupil get an invitation.' })
export class JosPlanStartgesprekInput {
  @Field({ description: 'YYYY-MM-DD, a school day, not in the past.' }) @Matches(ISO_DATE, { message: 'datum moet een datum zijn (JJJJ-MM-DD)' }) date!: string;
  @Field(() => String, { nullable: true, description: 'HH:MM, when known.' }) @IsOptional() @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'tijd moet de vorm UU:MM hebben, bijvoorbeeld 14:30' }) time?: string | null;
  @Field(() => String, { nullable: true, description: 'OP_SCHOOL (default) or TELEFONISCH.' }) @IsOptional() @IsIn(['OP_SCHOOL', 'TELEFONISCH'], { message: 'vorm moet OP_SCHOOL of TELEFONISCH zijn' }) mode?: 'OP_SCHOOL' | 'TELEFONISCH' | null;
  @Field(() => String, { nullable: true, description: 'Where at school, e.g. "kamer JOS" (shown in the invitation; no case details).' }) @IsOptional() @IsString() @MaxLength(120, { message: 'plaats mag maximaal 120 tekens lang zijn' }) location?: string | null;
}

@InputType()
export class JosGoalsInput {
  @Field({ description: 'The pupil’s own goal, in his own words.' }) @IsString() @Length(3, 500, { message: 'doel van de leerling moet 3 tot 500 tekens lang zijn' }) pupilGoal!: string;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10, { message: 'maximaal 10 doelen' })
  @IsString({ each: true })
  @Length(1, 500, { each: true, message: 'elk doel moet 1 tot 500 tekens lang zijn' })
  goals?: string[] | null;
  @Field() @IsBoolean({ message: 'instemming leerling moet waar of onwaar zijn' }) agreedWithPupil!: boolean;
  @Field() @IsBoolean({ message: 'instemming mentor moet waar of onwaar zijn' }) agreedWithMentor!: boolean;
  @Field() @IsBoolean({ message: 'instemming ouders moet waar of onwaar zijn' }) agreedWithParents!: boolean;
  @Field(() => String, { nullable: true, description: 'The fixed weekly moment.' }) @IsOptional() @MaxLength(100, { message: 'vast moment mag maximaal 100 tekens lang zijn' }) weeklySlot?: string | null;
}

@InputType()
export class JosContactInput {
  @Field({ description: 'YYYY-MM-DD; at most one contact per day.' }) @Matches(ISO_DATE, { message: 'datum moet een datum zijn (JJJJ-MM-DD)' }) date!: string;
  @Field() @IsBoolean({ message: 'aanwezig moet waar of onwaar zijn' }) attended!: boolean;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1, { message: 'thermometer is 1 t/m 10' }) @Max(10, { message: 'thermometer is 1 t/m 10' }) thermometer?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000, { message: 'notitie mag maximaal 1000 tekens lang zijn' }) note?: string | null;
}

@InputType()
export class JosEvaluationInput {
  @Field() @IsString() @Length(3, 4000, { message: 'samenvatting moet 3 tot 4000 tekens lang zijn' }) summary!: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1, { message: 'thermometer is 1 t/m 10' }) @Max(10, { message: 'thermometer is 1 t/m 10' }) thermometer?: number | null;
}

@InputType()
export class JosOutcomeInput {
  @Field(() => JosOutcomeEnum) @IsIn(['AFGEROND', 'DOORVERWEZEN'], { message: 'uitkomst moet AFGEROND of DOORVERWEZEN zijn' }) outcome!: JosOutcome;
  @Field(() => JosReferralEnum, { nullable: true, description: 'Required for DOORVERWEZEN.' })
  @IsOptional()
  @IsIn(JOS_REFERRALS, { message: 'doorverwijzing moet SOCIAAL_TEAM, OOV of BPO zijn' })
  referralTo?: JosReferral | null;
  @Field() @IsString() @Length(3, 4000, { message: 'toelichting moet 3 tot 4000 tekens lang zijn' }) summary!: string;
}

@InputType()
export class StopJosInput {
  @Field() @IsString() @Length(3, 1000, { message: 'reden moet 3 tot 1000 tekens lang zijn' }) reason!: string;
}
