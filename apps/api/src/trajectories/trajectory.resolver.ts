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
import {
  AssignCoachUseCase,
  LogSessionUseCase,
  RecordIntakeUseCase,
  RecordMidEvaluationUseCase,
  RecordOutcomeUseCase,
  StopTrajectoryUseCase,
} from './usecases/trajectory-step.usecase';

/** The optional idempotency key of every P1 step mutation (see CaseStepRunner). */
const IDEMPOTENCY_KEY_ARG = {
  type: () => String,
  nullable: true,
  description: 'Optional key (e.g. a UUID per user action): a retried request with the same key gets the first outcome and does not apply the step twice.',
};

/** P1 ondersteuningstraject: one mutation per human step, each a use case. */
@Resolver(() => CaseSummaryModel)
export class TrajectoryResolver {
  constructor(
    @Inject(StartTrajectoryUseCase) private readonly start: StartTrajectoryUseCase,
    @Inject(RecordIntakeUseCase) private readonly intake: RecordIntakeUseCase,
    @Inject(AssignCoachUseCase) private readonly coach: AssignCoachUseCase,
    @Inject(LogSessionUseCase) private readonly session: LogSessionUseCase,
    @Inject(RecordMidEvaluationUseCase) private readonly mid: RecordMidEvaluationUseCase,
    @Inject(RecordOutcomeUseCase) private readonly outcome: RecordOutcomeUseCase,
    @Inject(StopTrajectoryUseCase) private readonly stop: StopTrajectoryUseCase,
  ) {}

  @Mutation(() => CaseSummaryModel)
  startTrajectory(@CurrentUser() user: AuthUser, @Args('input') input: StartTrajectoryInput): Promise<CaseSummaryModel> {
    return this.start.execute(user, input);
  }

  @Mutation(() => CaseSummaryModel)
  recordIntake(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: RecordIntakeInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.intake.execute(user, caseId, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Choose the coach, or switch coach (with a reason) during the trajectory.' })
  assignCoach(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: AssignCoachInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.coach.execute(user, caseId, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel)
  logSession(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: LogSessionInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.session.execute(user, caseId, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel)
  recordMidEvaluation(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: MidEvaluationInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.mid.execute(user, caseId, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel)
  recordOutcome(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: RecordOutcomeInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.outcome.execute(user, caseId, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel)
  stopTrajectory(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: StopTrajectoryInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.stop.execute(user, caseId, input, idempotencyKey);
  }
}
