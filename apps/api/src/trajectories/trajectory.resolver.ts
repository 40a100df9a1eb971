import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { CaseSummaryModel } from '../cases/models/case.model';
import {
  AssignCoachInput,
  LogSessionInput,
  MidEvaluationInput,
  RecordIntakeInput,
  RecordOutcomeInput,
  StartTrajectoryInput,
  StopTrajectoryInput,
} from './dtos/trajectory.inputs';
import { StartTrajectoryUseCase } from './usecases/start-trajectory.usecase';
import { IDEMPOTENCY_KEY_ARG } from '../cases/case-step.resolver';
import { CaseStepService } from '../cases/case-step.service';
import { ONDERSTEUNINGSTRAJECT_STEPS as STEPS } from '@zorgroute/processes';

/** P1 ondersteuningstraject: the start, and one typed mutation per human step — each runs the step from the catalogue. */
@Resolver(() => CaseSummaryModel)
export class TrajectoryResolver {
  constructor(
    @Inject(StartTrajectoryUseCase) private readonly start: StartTrajectoryUseCase,
    @Inject(CaseStepService) private readonly steps: CaseStepService,
  ) {}

  @Mutation(() => CaseSummaryModel)
  startTrajectory(@CurrentUser() user: AuthUser, @Args('input') input: StartTrajectoryInput): Promise<CaseSummaryModel> {
    return this.start.execute(user, input);
  }

  @Mutation(() => CaseSummaryModel)
  recordIntake(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: RecordIntakeInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.RECORD_INTAKE, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Choose the coach, or switch coach (with a reason) during the trajectory.' })
  assignCoach(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: AssignCoachInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.ASSIGN_COACH, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel)
  logSession(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: LogSessionInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.LOG_SESSION, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel)
  recordMidEvaluation(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: MidEvaluationInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.RECORD_MID_EVALUATION, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel)
  recordOutcome(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: RecordOutcomeInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.RECORD_OUTCOME, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel)
  stopTrajectory(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: StopTrajectoryInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.STOP_TRAJECTORY, input, idempotencyKey);
  }
}
