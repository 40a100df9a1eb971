import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { CaseSummaryModel } from '../cases/models/case.model';
import { JosContactInput, JosEvaluationInput, JosFormInput, JosGoalsInput, JosOutcomeInput, JosPlanStartgesprekInput, JosStartgesprekInput, StartJosInput, StopJosInput } from './dtos/jos.inputs';
import { JosService } from './jos.service';
import { JosCaseModel } from './models/jos.model';
import {
  LogJosContactUseCase,
  PlanJosStartgesprekUseCase,
  RecordJosEvaluationUseCase,
  RecordJosOutcomeUseCase,
  RecordJosStartgesprekUseCase,
  SetJosGoalsUseCase,
  StopJosUseCase,
  SubmitJosFormUseCase,
} from './usecases/jos-step.usecases';
import { StartJosUseCase } from './usecases/start-jos.usecase';

/**
 * P3 JOS: one mutation per human step, each a use case. The parents' signature is a consent request: a parent
 * answers it with `giveConsent`, staff record a scanned paper form with `recordPaperConsent`, and after a timeout the
 * zorgcoördinator decides with `decideConsentTimeout` (the shared consent mutations).
 */
@Resolver(() => JosCaseModel)
export class JosResolver {
  constructor(
    @Inject(JosService) private readonly jos: JosService,
    @Inject(StartJosUseCase) private readonly start: StartJosUseCase,
    @Inject(SubmitJosFormUseCase) private readonly form: SubmitJosFormUseCase,
    @Inject(RecordJosStartgesprekUseCase) private readonly startgesprek: RecordJosStartgesprekUseCase,
    @Inject(PlanJosStartgesprekUseCase) private readonly planStartgesprek: PlanJosStartgesprekUseCase,
    @Inject(SetJosGoalsUseCase) private readonly goals: SetJosGoalsUseCase,
    @Inject(LogJosContactUseCase) private readonly contact: LogJosContactUseCase,
    @Inject(RecordJosEvaluationUseCase) private readonly evaluation: RecordJosEvaluationUseCase,
    @Inject(RecordJosOutcomeUseCase) private readonly outcome: RecordJosOutcomeUseCase,
    @Inject(StopJosUseCase) private readonly stop: StopJosUseCase,
  ) {}

  @Query(() => JosCaseModel, { description: 'A JOS case with its timeline, due dates, policy version and JOS record.' })
  josCase(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<JosCaseModel> {
    return this.jos.josCase(user, id);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The school support team decided to deploy JOS (zorgcoördinator).' })
  startJos(@CurrentUser() user: AuthUser, @Args('input') input: StartJosInput): Promise<CaseSummaryModel> {
    return this.start.execute(user, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The mentor fills in the JOS aanmeldformulier.' })
  submitJosForm(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: JosFormInput): Promise<CaseSummaryModel> {
    return this.form.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The JOS worker plans the startgesprek; parents, mentor and pupil each get an invitation (date, time, place).' })
  planJosStartgesprek(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: JosPlanStartgesprekInput): Promise<CaseSummaryModel> {
    return this.planStartgesprek.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The JOS worker records the startgesprek with parents, mentor and pupil.' })
  recordJosStartgesprek(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: JosStartgesprekInput): Promise<CaseSummaryModel> {
    return this.startgesprek.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The JOS worker records the goals set with pupil, mentor and parents (the pupil’s own goal is required).' })
  setJosGoals(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: JosGoalsInput): Promise<CaseSummaryModel> {
    return this.goals.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The JOS worker logs the weekly work (at most one contact per day).' })
  logJosContact(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: JosContactInput): Promise<CaseSummaryModel> {
    return this.contact.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The JOS worker records the open progress evaluation.' })
  recordJosEvaluation(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: JosEvaluationInput): Promise<CaseSummaryModel> {
    return this.evaluation.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The outcome: AFGEROND or DOORVERWEZEN (Sociaal Team, OOV, BPO). Before the cap it ends JOS that day.' })
  recordJosOutcome(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: JosOutcomeInput): Promise<CaseSummaryModel> {
    return this.outcome.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The zorgcoördinator stops the JOS case early, with a reason.' })
  stopJos(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: StopJosInput): Promise<CaseSummaryModel> {
    return this.stop.execute(user, caseId, input);
  }
}
