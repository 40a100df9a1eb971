import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Allow, IsOptional, Matches } from 'class-validator';

/**
 * The start of a P1 trajectory. Its fields, bounds (the length from the school's policy) and Dutch messages are defined
 * once, in the start definition of the step catalogue (ONDERSTEUNINGSTRAJECT_START,
 * libs/processes/src/ondersteuningstraject/steps.ts), and checked by StartTrajectoryUseCase; only the api-only
 * `requestKey` has its own check here.
 */
@InputType({ description: 'The zorgcoördinator starts a short support trajectory (the signal form).' })
export class StartTrajectoryInput {
  @Field(() => ID) @Allow() pupilId!: string;
  @Field({ description: 'Reason of the signal (the signal form).' }) @Allow() reason!: string;
  @Field(() => String, { nullable: true }) @Allow() observations?: string | null;
  @Field(() => String, { nullable: true, description: 'What the mentor already tried.' }) @Allow() triedActions?: string | null;
  @Field(() => Int, { nullable: true, description: "Length in weeks, within the school's policy bounds (default 6–9); empty: the school's default." })
  @Allow()
  weeks?: number | null;

  @Field(() => String, { nullable: true, description: 'Idempotency key: the same key never starts a second case.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'requestKey mag alleen letters, cijfers, - en _ bevatten (max. 64)' })
  requestKey?: string | null;
}

/*
 * The step inputs below only give API clients typed mutations: what a field means, whether it is required, its bounds
 * and its Dutch messages are defined once, in the step catalogue (libs/processes/src/ondersteuningstraject/steps.ts),
 * and checked by CaseStepService and the workflow. A unit test keeps these field names equal to the catalogue's.
 */

@InputType({ description: 'RECORD_INTAKE (see the step catalogue).' })
export class RecordIntakeInput {
  @Field() intakeDate!: string;
  @Field({ description: "The pupil's own goal (ontwikkeldoel)." }) goal!: string;
  @Field(() => [String], { nullable: true }) subGoals?: string[] | null;
}

@InputType({ description: 'ASSIGN_COACH (see the step catalogue).' })
export class AssignCoachInput {
  @Field(() => ID) coachId!: string;
  @Field(() => Int, { nullable: true, description: 'Day of the weekly session: 1 = maandag … 5 = vrijdag.' }) sessionWeekday?: number | null;
  @Field(() => String, { nullable: true, description: 'Time of the weekly session, HH:mm.' }) sessionTime?: string | null;
  @Field(() => String, { nullable: true, description: 'The weekly slot as free text when weekday and time do not fit, e.g. "dinsdag 3e uur".' }) sessionSlot?: string | null;
  @Field(() => String, { nullable: true, description: 'Required when switching coach.' }) reason?: string | null;
}

@InputType({ description: 'LOG_SESSION (see the step catalogue).' })
export class LogSessionInput {
  @Field() date!: string;
  @Field() attended!: boolean;
  @Field(() => Int, { nullable: true }) thermometer?: number | null;
}

@InputType({ description: 'RECORD_MID_EVALUATION (see the step catalogue).' })
export class MidEvaluationInput {
  @Field() summary!: string;
}

@InputType({ description: 'RECORD_OUTCOME (see the step catalogue).' })
export class RecordOutcomeInput {
  @Field({ description: 'AFGEROND, VERLENGD, DOORVERWEZEN or GESTOPT.' }) outcome!: string;
  @Field(() => Int, { nullable: true }) extensionWeeks?: number | null;
  @Field(() => String, { nullable: true }) reason?: string | null;
}

@InputType({ description: 'STOP_TRAJECTORY (see the step catalogue).' })
export class StopTrajectoryInput {
  @Field() reason!: string;
}
