import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { IDEMPOTENCY_KEY_ARG } from '../cases/case-step.resolver';
import { CaseStepService } from '../cases/case-step.service';
import { CaseSummaryModel } from '../cases/models/case.model';
import { JosContactInput, JosEvaluationInput, JosFormInput, JosGoalsInput, JosOutcomeInput, JosPlanStartgesprekInput, JosStartgesprekInput, StartJosInput, StopJosInput } from './dtos/jos.inputs';
import { JosService } from './jos.service';
import { JosCaseModel } from './models/jos.model';
import { StartJosUseCase } from './usecases/start-jos.usecase';
import { JOS_STEPS as STEPS } from '@zorgroute/processes';

/**
 * P3 JOS: the start, the JOS case view, and one typed mutation per human step — each runs the step from the catalogue
 * (libs/processes/src/jos/steps.ts) through CaseStepService. The parents' signature is a consent request: a parent
 * answers it with `giveConsent`, staff record a scanned paper form with `recordPaperConsent`, and after a timeout the
 * zorgcoördinator decides with `decideConsentTimeout` (the shared consent mutations).
 */
@Resolver(() => JosCaseModel)
export class JosResolver {
  constructor(
    @Inject(JosService) private readonly jos: JosService,
    @Inject(StartJosUseCase) private readonly start: StartJosUseCase,
    @Inject(CaseStepService) private readonly steps: CaseStepService,
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
  submitJosForm(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: JosFormInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.SUBMIT_FORM, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The JOS worker plans the startgesprek; parents, mentor and pupil each get an invitation (date, time, place).' })
  planJosStartgesprek(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: JosPlanStartgesprekInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.PLAN_STARTGESPREK, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The JOS worker records the startgesprek with parents, mentor and pupil.' })
  recordJosStartgesprek(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: JosStartgesprekInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.RECORD_STARTGESPREK, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The JOS worker records the goals set with pupil, mentor and parents (the pupil’s own goal is required).' })
  setJosGoals(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: JosGoalsInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.SET_GOALS, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The JOS worker logs the weekly work (at most one contact per day).' })
  logJosContact(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: JosContactInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.LOG_CONTACT, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The JOS worker records the open progress evaluation.' })
  recordJosEvaluation(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: JosEvaluationInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.RECORD_EVALUATION, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The outcome: AFGEROND or DOORVERWEZEN (Sociaal Team, OOV, BPO). Before the cap it ends JOS that day.' })
  recordJosOutcome(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: JosOutcomeInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.RECORD_OUTCOME, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The zorgcoördinator stops the JOS case early, with a reason.' })
  stopJos(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: StopJosInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.STOP_JOS, input, idempotencyKey);
  }
}
