import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Allow, IsOptional, Matches } from 'class-validator';
import { JOS_NEEDS, JOS_REFERRALS, type JosNeed, type JosOutcome, type JosReferral } from '@zorgroute/workflows';

export const JosNeedEnum = Object.fromEntries(JOS_NEEDS.map((n) => [n, n])) as { [K in JosNeed]: K };
registerEnumType(JosNeedEnum, { name: 'JosNeed', description: 'The six needs JOS is meant for (single, school-related problems) [003:712-728].' });
export const JosReferralEnum = Object.fromEntries(JOS_REFERRALS.map((r) => [r, r])) as { [K in JosReferral]: K };
registerEnumType(JosReferralEnum, { name: 'JosReferral', description: 'Where a pupil is referred to when JOS is not enough: Sociaal Team, OOV or BPO.' });
export const JosOutcomeEnum = { AFGEROND: 'AFGEROND', DOORVERWEZEN: 'DOORVERWEZEN' } as const satisfies { [K in JosOutcome]: K };
registerEnumType(JosOutcomeEnum, { name: 'JosOutcome' });

/**
 * The start of a JOS case. Its fields, bounds and Dutch messages are defined once, in the start definition of the step
 * catalogue (JOS_START, libs/processes/src/jos/steps.ts), and checked by StartJosUseCase; only the api-only
 * `requestKey` has its own check here.
 */
@InputType({ description: 'The school support team decided to deploy JOS for a pupil.' })
export class StartJosInput {
  @Field(() => ID) @Allow() pupilId!: string;
  @Field({ description: 'Date of the schoolondersteuningsteam meeting that decided (YYYY-MM-DD, not in the future).' }) @Allow() decisionDate!: string;
  @Field(() => [JosNeedEnum]) @Allow() needs!: JosNeed[];
  @Field(() => String, { nullable: true, description: 'Notes of the school support team.' }) @Allow() decisionNotes?: string | null;
  @Field(() => ID, { nullable: true, description: 'The JOS worker; default the school’s JOS worker.' }) @Allow() josWorkerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Idempotency key: the same key never starts a second case.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'requestKey mag alleen letters, cijfers, - en _ bevatten (max. 64)' })
  requestKey?: string | null;
}

/*
 * The step inputs below only give API clients typed mutations: what a field means, whether it is required, its bounds
 * and its Dutch messages are defined once, in the step catalogue (libs/processes/src/jos/steps.ts), and checked by
 * CaseStepService and the workflow. apps/api/test/jos.int-spec.ts keeps these field names equal to the catalogue's.
 */

@InputType({ description: 'SUBMIT_FORM: the JOS aanmeldformulier, filled in by the mentor (see the step catalogue).' })
export class JosFormInput {
  @Field(() => [JosNeedEnum]) needs!: JosNeed[];
  @Field({ description: 'The problem in the mentor’s words.' }) problemDescription!: string;
  @Field({ description: 'JOS is for a single problem of a school-related nature; the mentor confirms it.' }) singleSchoolRelatedProblem!: boolean;
  @Field({ description: 'What the mentor and the school already tried.' }) alreadyTried!: string;
  @Field(() => String, { nullable: true, description: 'What the pupil himself says and wants.' }) pupilView?: string | null;
  @Field({ description: 'Whether the parents know about the registration.' }) parentsInformed!: boolean;
  @Field(() => String, { nullable: true, description: 'When the pupil can meet during the week.' }) availability?: string | null;
}

@InputType({ description: 'RECORD_STARTGESPREK (see the step catalogue).' })
export class JosStartgesprekInput {
  @Field({ description: 'YYYY-MM-DD, not in the future.' }) date!: string;
  @Field() parentsPresent!: boolean;
  @Field() mentorPresent!: boolean;
  @Field() pupilPresent!: boolean;
  @Field() summary!: string;
}

@InputType({ description: 'PLAN_STARTGESPREK: the JOS worker plans the startgesprek; parents, mentor and pupil get an invitation (see the step catalogue).' })
export class JosPlanStartgesprekInput {
  @Field({ description: 'YYYY-MM-DD, a school day, not in the past.' }) date!: string;
  @Field(() => String, { nullable: true, description: 'HH:MM, when known.' }) time?: string | null;
  @Field(() => String, { nullable: true, description: 'OP_SCHOOL (default) or TELEFONISCH.' }) mode?: string | null;
  @Field(() => String, { nullable: true, description: 'Where at school, e.g. "kamer JOS" (shown in the invitation; no case details); not for TELEFONISCH.' }) location?: string | null;
}

@InputType({ description: 'SET_GOALS (see the step catalogue).' })
export class JosGoalsInput {
  @Field({ description: 'The pupil’s own goal, in his own words.' }) pupilGoal!: string;
  @Field(() => [String], { nullable: true }) goals?: string[] | null;
  @Field() agreedWithPupil!: boolean;
  @Field() agreedWithMentor!: boolean;
  @Field() agreedWithParents!: boolean;
  @Field(() => String, { nullable: true, description: 'The fixed weekly moment.' }) weeklySlot?: string | null;
}

@InputType({ description: 'LOG_CONTACT (see the step catalogue).' })
export class JosContactInput {
  @Field({ description: 'YYYY-MM-DD; at most one contact per day.' }) date!: string;
  @Field() attended!: boolean;
  @Field(() => Int, { nullable: true, description: 'Only when the pupil attended.' }) thermometer?: number | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType({ description: 'RECORD_EVALUATION (see the step catalogue).' })
export class JosEvaluationInput {
  @Field() summary!: string;
  @Field(() => Int, { nullable: true }) thermometer?: number | null;
}

@InputType({ description: 'RECORD_OUTCOME (see the step catalogue).' })
export class JosOutcomeInput {
  @Field(() => JosOutcomeEnum) outcome!: JosOutcome;
  @Field(() => JosReferralEnum, { nullable: true, description: 'Required for DOORVERWEZEN (only then).' }) referralTo?: JosReferral | null;
  @Field() summary!: string;
}

@InputType({ description: 'STOP_JOS (see the step catalogue).' })
export class StopJosInput {
  @Field() reason!: string;
}
