import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { CaseSummaryModel } from '../cases/models/case.model';
import { OovConsultationInput, OovEvaluationInput, OovFollowUpInput, OovIntakeInput, OovRequestInput, OovReturnPlanInput, OovSwvDecisionInput, StartOovInput, StopOovInput } from './dtos/oov.inputs';
import { OovCaseModel } from './models/oov.model';
import { OovService } from './oov.service';
import {
  RecordOovConsultationUseCase,
  RecordOovEvaluationUseCase,
  RecordOovFollowUpUseCase,
  RecordOovIntakeUseCase,
  RecordOovReturnPlanUseCase,
  RecordOovSwvDecisionUseCase,
  StopOovUseCase,
  SubmitOovRequestUseCase,
} from './usecases/oov-step.usecases';
import { StartOovUseCase } from './usecases/start-oov.usecase';

const CASE_ID = { type: () => ID };
/** The optional idempotency key of every P5 step mutation (see CaseStepRunner). */
const IDEMPOTENCY_KEY_ARG = {
  type: () => String,
  nullable: true,
  description: 'Optional key (e.g. a UUID per user action): a retried request with the same key gets the first outcome and does not apply the step twice.',
};

/**
 * P5 OOV arrangement: one mutation per human step, each a use case. The parents' consent is a consent request: a
 * parent answers it with `giveConsent`, staff record a scanned form with `recordPaperConsent`, and after a timeout the
 * zorgcoördinator decides with `decideConsentTimeout` (the shared consent mutations).
 */
@Resolver(() => OovCaseModel)
export class OovResolver {
  constructor(
    @Inject(OovService) private readonly oov: OovService,
    @Inject(StartOovUseCase) private readonly startUc: StartOovUseCase,
    @Inject(RecordOovConsultationUseCase) private readonly consultationUc: RecordOovConsultationUseCase,
    @Inject(SubmitOovRequestUseCase) private readonly requestUc: SubmitOovRequestUseCase,
    @Inject(RecordOovSwvDecisionUseCase) private readonly decisionUc: RecordOovSwvDecisionUseCase,
    @Inject(RecordOovIntakeUseCase) private readonly intakeUc: RecordOovIntakeUseCase,
    @Inject(RecordOovEvaluationUseCase) private readonly evaluationUc: RecordOovEvaluationUseCase,
    @Inject(RecordOovReturnPlanUseCase) private readonly returnUc: RecordOovReturnPlanUseCase,
    @Inject(RecordOovFollowUpUseCase) private readonly followUpUc: RecordOovFollowUpUseCase,
    @Inject(StopOovUseCase) private readonly stopUc: StopOovUseCase,
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
    return this.consultationUc.execute(user, caseId, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Sends the OOV request to the SWV (zorgcoördinator; after the parents’ consent).' })
  submitOovRequest(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OovRequestInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.requestUc.execute(user, caseId, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The SWV grants (with arrangement and location) or rejects the request or an extension (SWV employee).' })
  recordOovSwvDecision(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OovSwvDecisionInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.decisionUc.execute(user, caseId, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Records the intake with the OOV and the start date (leerlingbegeleider or zorgcoördinator).' })
  recordOovIntake(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OovIntakeInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.intakeUc.execute(user, caseId, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Records the open evaluation; the one before the end decides: TERUGKEER, VERLENGD or VERVOLG_VSO.' })
  recordOovEvaluation(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OovEvaluationInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.evaluationUc.execute(user, caseId, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Records the return plan and the handover back to school (zorgcoördinator).' })
  recordOovReturnPlan(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OovReturnPlanInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.returnUc.execute(user, caseId, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Records the follow-up evaluation after the return; closes the case.' })
  recordOovFollowUp(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OovFollowUpInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.followUpUc.execute(user, caseId, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The zorgcoördinator stops the OOV case, with a reason.' })
  stopOov(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: StopOovInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.stopUc.execute(user, caseId, input, idempotencyKey);
  }
}
