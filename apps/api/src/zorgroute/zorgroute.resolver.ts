import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ProcessType } from '@zorgroute/domain';
import { ZORGROUTE_STEPS as STEPS } from '@zorgroute/processes';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { IDEMPOTENCY_KEY_ARG } from '../cases/case-step.resolver';
import { CaseStepService } from '../cases/case-step.service';
import { CasesService } from '../cases/cases.service';
import { CaseDetailModel, CaseSummaryModel } from '../cases/models/case.model';
import {
  CloseZorgrouteInput,
  IzoDiscussionInput,
  LiftParentsExceptionInput,
  IzoEvaluationInput,
  PlanZatInput,
  RescheduleIzoInput,
  StartZorgrouteInput,
  TriageZorgrouteInput,
  ZatDiscussionInput,
  ZatEvaluationInput,
  ZatReferralInput,
  ZorgrouteConfirmInput,
  ZorgrouteConversationInput,
  ZorgrouteReferralFormInput,
} from './dtos/zorgroute.inputs';
import { LinkedCaseModel, ZorgrouteDetailModel } from './models/zorgroute.model';
import { StartZorgrouteUseCase } from './usecases/start-zorgroute.usecase';
import { linkedCases, toZorgrouteDetail } from './zorgroute-detail.mapper';

const CASE_ID = { type: () => ID };

/** The triage's input as the workflow (and the step catalogue) takes it: the four checks as one group. */
function triageStepInput(input: TriageZorgrouteInput): Record<string, unknown> {
  const { secondLine, questionsClear, firstLineDone, parentsAndPupilKnow, ...rest } = input;
  return { ...rest, checks: { secondLine, questionsClear, firstLineDone, parentsAndPupilKnow } };
}

/**
 * P2 zorgroute (signal → IZO → ZAT, Flex-ZAT): the start, and one typed mutation per human step — each takes the step
 * from the catalogue (libs/processes/src/zorgroute/steps.ts) through CaseStepService. The aanmeldformulier, the ZAT
 * referral and the triage's checks keep their flat GraphQL inputs; the step takes them as the groups the workflow has.
 */
@Resolver(() => CaseSummaryModel)
export class ZorgrouteResolver {
  constructor(
    @Inject(StartZorgrouteUseCase) private readonly startUc: StartZorgrouteUseCase,
    @Inject(CaseStepService) private readonly steps: CaseStepService,
  ) {}

  @Mutation(() => CaseSummaryModel, { description: 'Refer a pupil to the IZO (mentor: own pupils; teamleider and zorgcoördinator: own school).' })
  startZorgroute(@CurrentUser() user: AuthUser, @Args('input') input: StartZorgrouteInput): Promise<CaseSummaryModel> {
    return this.startUc.execute(user, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Save the aanmeldformulier without submitting it (SAVE_REFERRAL); fields left out keep their value.' })
  saveZorgrouteReferral(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: ZorgrouteReferralFormInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.SAVE_REFERRAL, { form: input }, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Submit (or complete and resubmit) the aanmeldformulier (SUBMIT_REFERRAL); the given fields are merged first.' })
  submitZorgrouteReferral(
    @CurrentUser() user: AuthUser,
    @Args('caseId', CASE_ID) caseId: string,
    @Args('input', { type: () => ZorgrouteReferralFormInput, nullable: true }) input?: ZorgrouteReferralFormInput | null,
    @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string,
  ): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.SUBMIT_REFERRAL, { form: input ?? {} }, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Triage by the zorgcoördinator (TRIAGE, within 5 school days).' })
  triageZorgroute(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: TriageZorgrouteInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.TRIAGE, triageStepInput(input), idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Record the bilateral talk (RECORD_BILATERAL, after the triage outcome BILATERAAL); closes the case.' })
  recordZorgrouteBilateral(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: ZorgrouteConversationInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.RECORD_BILATERAL, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Record the voorgesprek with parents and pupil (RECORD_VOORGESPREK, before the IZO).' })
  recordVoorgesprek(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: ZorgrouteConversationInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.RECORD_VOORGESPREK, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Move the case to another IZO meeting date (RESCHEDULE_IZO).' })
  rescheduleIzo(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: RescheduleIzoInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.RESCHEDULE_IZO, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Record the IZO discussion (RECORD_IZO): minutes, decisions, evaluation date.' })
  recordIzoDiscussion(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: IzoDiscussionInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.RECORD_IZO, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Confirm the IZO minutes went to care team, teamleider and mentor (DISTRIBUTE_IZO_MINUTES).' })
  confirmIzoMinutesSent(
    @CurrentUser() user: AuthUser,
    @Args('caseId', CASE_ID) caseId: string,
    @Args('input', { type: () => ZorgrouteConfirmInput, nullable: true }) input?: ZorgrouteConfirmInput | null,
    @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string,
  ): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.DISTRIBUTE_IZO_MINUTES, input ?? {}, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Record the nagesprek with parents and pupil (RECORD_NAGESPREK, after the IZO).' })
  recordNagesprek(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: ZorgrouteConversationInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.RECORD_NAGESPREK, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Evaluate the IZO agreements (RECORD_EVALUATION): goal reached, continue, or refer to the ZAT.' })
  recordIzoEvaluation(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: IzoEvaluationInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.RECORD_EVALUATION, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Complete the (prefilled) ZAT referral (SUBMIT_ZAT_REFERRAL); fields left out keep their value.' })
  submitZatReferral(
    @CurrentUser() user: AuthUser,
    @Args('caseId', CASE_ID) caseId: string,
    @Args('input', { type: () => ZatReferralInput, nullable: true }) input?: ZatReferralInput | null,
    @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string,
  ): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.SUBMIT_ZAT_REFERRAL, { form: input ?? {} }, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Plan the ZAT meeting (PLAN_ZAT: agenda ≥ 5 school days ahead) or convene a Flex-ZAT (within 10 school days).' })
  planZat(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: PlanZatInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.PLAN_ZAT, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Confirm the ZAT agenda and information were sent to the participants (SEND_ZAT_AGENDA).' })
  confirmZatAgendaSent(
    @CurrentUser() user: AuthUser,
    @Args('caseId', CASE_ID) caseId: string,
    @Args('input', { type: () => ZorgrouteConfirmInput, nullable: true }) input?: ZorgrouteConfirmInput | null,
    @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string,
  ): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.SEND_ZAT_AGENDA, input ?? {}, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Record the ZAT discussion (RECORD_ZAT): plan van aanpak, casusregisseur, evaluation date.' })
  recordZatDiscussion(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: ZatDiscussionInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.RECORD_ZAT, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Record that the ZAT conclusions were discussed with parents and pupil (RECORD_ZAT_FEEDBACK).' })
  recordZatFeedback(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: ZorgrouteConversationInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.RECORD_ZAT_FEEDBACK, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Evaluate the plan van aanpak (RECORD_ZAT_EVALUATION): continue, or close / refer.' })
  recordZatEvaluation(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: ZatEvaluationInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.RECORD_ZAT_EVALUATION, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Stop the zorgroute (CLOSE_ZORGROUTE, zorgcoördinator), with a reason.' })
  closeZorgroute(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: CloseZorgrouteInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.CLOSE_ZORGROUTE, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, {
    description: 'Lift the approved "parents are not informed" safety exception (LIFT_PARENTS_EXCEPTION, zorgcoördinator), with a reason: the case becomes visible to the parents.',
  })
  liftParentsException(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: LiftParentsExceptionInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.LIFT_PARENTS_EXCEPTION, input, idempotencyKey);
  }
}

/** `CaseDetail.zorgroute` (P2 data) and `CaseDetail.ledTo` (cases started from this one, any process). */
@Resolver(() => CaseDetailModel)
export class ZorgrouteCaseDetailResolver {
  constructor(
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
  ) {}

  @ResolveField('zorgroute', () => ZorgrouteDetailModel, { nullable: true, description: 'P2 data; null for other processes.' })
  async zorgroute(@CurrentUser() user: AuthUser, @Parent() detail: CaseDetailModel): Promise<ZorgrouteDetailModel | null> {
    if (detail.summary.process !== ProcessType.ZORGROUTE) return null;
    const row = await this.cases.getVisible(user, detail.summary.id);
    return toZorgrouteDetail(this.audience.caseData(user, row.process, row.data));
  }

  @ResolveField('ledTo', () => [LinkedCaseModel], { description: 'Cases started from this one (e.g. an IZO decision, a referral).' })
  async ledTo(@CurrentUser() user: AuthUser, @Parent() detail: CaseDetailModel): Promise<LinkedCaseModel[]> {
    const row = await this.cases.getVisible(user, detail.summary.id);
    // A linked case kept from the caller (e.g. from the parents) is not named to him either.
    return linkedCases(await this.audience.caseDataWithLinks(user, row.process, row.data));
  }
}
