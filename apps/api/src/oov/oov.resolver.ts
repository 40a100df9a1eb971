import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { IDEMPOTENCY_KEY_ARG } from '../cases/case-step.resolver';
import { CaseStepService } from '../cases/case-step.service';
import { CaseSummaryModel } from '../cases/models/case.model';
import { OovConsultationInput, OovEvaluationInput, OovFollowUpInput, OovIntakeInput, OovRequestInput, OovReturnPlanInput, OovSwvDecisionInput, StartOovInput, StopOovInput } from './dtos/oov.inputs';
import { OovCaseModel } from './models/oov.model';
import { oovEvaluationStep } from './oov-evaluation-step';
import { OovService } from './oov.service';
import { StartOovUseCase } from './usecases/start-oov.usecase';
import { OOV_STEPS as STEPS } from '@zorgroute/processes';

const CASE_ID = { type: () => ID };

/**
 * P5 OOV arrangement: the case, its start, and one typed mutation per human step — each runs the step from the
 * catalogue (libs/processes/src/oov/steps.ts) through CaseStepService. The parents' consent is a consent request: a
 * parent answers it with `giveConsent`, staff record a scanned form with `recordPaperConsent`, and after a timeout the
 * zorgcoördinator decides with `decideConsentTimeout` (the shared consent mutations).
 */
@Resolver(() => OovCaseModel)
export class OovResolver {
  constructor(
    @Inject(OovService) private readonly oov: OovService,
    @Inject(StartOovUseCase) private readonly startUc: StartOovUseCase,
    @Inject(CaseStepService) private readonly steps: CaseStepService,
  ) {}

  @Query(() => OovCaseModel, { description: 'An OOV case with its timeline, due dates and OOV record (the SWV sees the request, decisions and dates).' })
  oovCase(@CurrentUser() user: AuthUser, @Args('id', CASE_ID) id: string): Promise<OovCaseModel> {
    return this.oov.oovCase(user, id);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The zorgcoördinator considers an OOV for a pupil: the preparation starts (optionally from another case of the pupil).' })
  startOov(@CurrentUser() user: AuthUser, @Args('input') input: StartOovInput): Promise<CaseSummaryModel> {
    return this.startUc.execute(user, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Records a consultation with the parents, the SWV or the Sociaal Team (zorgcoördinator).' })
  recordOovConsultation(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OovConsultationInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.OOV_RECORD_CONSULTATIONS, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Sends the OOV request to the SWV (zorgcoördinator; after the parents’ consent).' })
  submitOovRequest(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OovRequestInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.OOV_SUBMIT_REQUEST, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The SWV grants (with arrangement and location) or rejects the request or an extension (SWV employee).' })
  recordOovSwvDecision(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OovSwvDecisionInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.OOV_SWV_DECISION, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Records the intake with the OOV and the start date (leerlingbegeleider or zorgcoördinator).' })
  recordOovIntake(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OovIntakeInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.OOV_INTAKE, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Records the open evaluation; the one before the end decides: TERUGKEER, VERLENGD or VERVOLG_VSO.' })
  recordOovEvaluation(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OovEvaluationInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    const evaluation = oovEvaluationStep({ ...input });
    return this.steps.take(user, caseId, evaluation.step, evaluation.input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Records the return plan and the handover back to school (zorgcoördinator).' })
  recordOovReturnPlan(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OovReturnPlanInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.OOV_RETURN_PLAN, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Records the follow-up evaluation after the return; closes the case.' })
  recordOovFollowUp(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OovFollowUpInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.OOV_FOLLOW_UP, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The zorgcoördinator stops the OOV case, with a reason.' })
  stopOov(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: StopOovInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.STOP_OOV, input, idempotencyKey);
  }
}
