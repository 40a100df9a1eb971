import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ProcessType } from '@zorgroute/domain';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
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
import {
  CloseZorgrouteUseCase,
  ConfirmIzoMinutesSentUseCase,
  ConfirmZatAgendaSentUseCase,
  LiftParentsExceptionUseCase,
  PlanZatUseCase,
  RecordIzoDiscussionUseCase,
  RecordIzoEvaluationUseCase,
  RecordNagesprekUseCase,
  RecordVoorgesprekUseCase,
  RecordZatDiscussionUseCase,
  RecordZatEvaluationUseCase,
  RecordZatFeedbackUseCase,
  RecordZorgrouteBilateralUseCase,
  RescheduleIzoUseCase,
  SaveZorgrouteReferralUseCase,
  SubmitZorgrouteReferralUseCase,
  SubmitZatReferralUseCase,
  TriageZorgrouteUseCase,
} from './usecases/zorgroute-step.usecases';
import { linkedCases, toZorgrouteDetail } from './zorgroute-detail.mapper';

const CASE_ID = { type: () => ID };

/** P2 zorgroute (signal → IZO → ZAT, Flex-ZAT): one mutation per human step, each a use case. */
@Resolver(() => CaseSummaryModel)
export class ZorgrouteResolver {
  constructor(
    @Inject(StartZorgrouteUseCase) private readonly startUc: StartZorgrouteUseCase,
    @Inject(SaveZorgrouteReferralUseCase) private readonly saveUc: SaveZorgrouteReferralUseCase,
    @Inject(SubmitZorgrouteReferralUseCase) private readonly submitUc: SubmitZorgrouteReferralUseCase,
    @Inject(TriageZorgrouteUseCase) private readonly triageUc: TriageZorgrouteUseCase,
    @Inject(RecordZorgrouteBilateralUseCase) private readonly bilateralUc: RecordZorgrouteBilateralUseCase,
    @Inject(RecordVoorgesprekUseCase) private readonly voorgesprekUc: RecordVoorgesprekUseCase,
    @Inject(RescheduleIzoUseCase) private readonly rescheduleUc: RescheduleIzoUseCase,
    @Inject(RecordIzoDiscussionUseCase) private readonly izoUc: RecordIzoDiscussionUseCase,
    @Inject(ConfirmIzoMinutesSentUseCase) private readonly minutesUc: ConfirmIzoMinutesSentUseCase,
    @Inject(RecordNagesprekUseCase) private readonly nagesprekUc: RecordNagesprekUseCase,
    @Inject(RecordIzoEvaluationUseCase) private readonly evaluationUc: RecordIzoEvaluationUseCase,
    @Inject(SubmitZatReferralUseCase) private readonly zatReferralUc: SubmitZatReferralUseCase,
    @Inject(PlanZatUseCase) private readonly planZatUc: PlanZatUseCase,
    @Inject(ConfirmZatAgendaSentUseCase) private readonly agendaUc: ConfirmZatAgendaSentUseCase,
    @Inject(RecordZatDiscussionUseCase) private readonly zatUc: RecordZatDiscussionUseCase,
    @Inject(RecordZatFeedbackUseCase) private readonly zatFeedbackUc: RecordZatFeedbackUseCase,
    @Inject(RecordZatEvaluationUseCase) private readonly zatEvaluationUc: RecordZatEvaluationUseCase,
    @Inject(CloseZorgrouteUseCase) private readonly closeUc: CloseZorgrouteUseCase,
    @Inject(LiftParentsExceptionUseCase) private readonly liftUc: LiftParentsExceptionUseCase,
  ) {}

  @Mutation(() => CaseSummaryModel, { description: 'Refer a pupil to the IZO (mentor: own pupils; teamleider and zorgcoördinator: own school).' })
  startZorgroute(@CurrentUser() user: AuthUser, @Args('input') input: StartZorgrouteInput): Promise<CaseSummaryModel> {
    return this.startUc.execute(user, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Save the aanmeldformulier without submitting it.' })
  saveZorgrouteReferral(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: ZorgrouteReferralFormInput): Promise<CaseSummaryModel> {
    return this.saveUc.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Submit (or complete and resubmit) the aanmeldformulier; the given fields are merged first.' })
  submitZorgrouteReferral(
    @CurrentUser() user: AuthUser,
    @Args('caseId', CASE_ID) caseId: string,
    @Args('input', { type: () => ZorgrouteReferralFormInput, nullable: true }) input?: ZorgrouteReferralFormInput | null,
  ): Promise<CaseSummaryModel> {
    return this.submitUc.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Triage by the zorgcoördinator (within 5 school days).' })
  triageZorgroute(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: TriageZorgrouteInput): Promise<CaseSummaryModel> {
    return this.triageUc.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Record the bilateral talk (triage outcome BILATERAAL); closes the case.' })
  recordZorgrouteBilateral(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: ZorgrouteConversationInput): Promise<CaseSummaryModel> {
    return this.bilateralUc.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Record the voorgesprek with parents and pupil (before the IZO).' })
  recordVoorgesprek(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: ZorgrouteConversationInput): Promise<CaseSummaryModel> {
    return this.voorgesprekUc.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Move the case to another IZO meeting date.' })
  rescheduleIzo(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: RescheduleIzoInput): Promise<CaseSummaryModel> {
    return this.rescheduleUc.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Record the IZO discussion: minutes, decisions, evaluation date.' })
  recordIzoDiscussion(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: IzoDiscussionInput): Promise<CaseSummaryModel> {
    return this.izoUc.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Confirm the IZO minutes went to care team, teamleider and mentor.' })
  confirmIzoMinutesSent(
    @CurrentUser() user: AuthUser,
    @Args('caseId', CASE_ID) caseId: string,
    @Args('input', { type: () => ZorgrouteConfirmInput, nullable: true }) input?: ZorgrouteConfirmInput | null,
  ): Promise<CaseSummaryModel> {
    return this.minutesUc.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Record the nagesprek with parents and pupil (after the IZO).' })
  recordNagesprek(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: ZorgrouteConversationInput): Promise<CaseSummaryModel> {
    return this.nagesprekUc.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Evaluate the IZO agreements: goal reached, continue, or refer to the ZAT.' })
  recordIzoEvaluation(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: IzoEvaluationInput): Promise<CaseSummaryModel> {
    return this.evaluationUc.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Complete the (prefilled) ZAT referral.' })
  submitZatReferral(
    @CurrentUser() user: AuthUser,
    @Args('caseId', CASE_ID) caseId: string,
    @Args('input', { type: () => ZatReferralInput, nullable: true }) input?: ZatReferralInput | null,
  ): Promise<CaseSummaryModel> {
    return this.zatReferralUc.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Plan the ZAT meeting (agenda ≥ 5 school days ahead) or convene a Flex-ZAT (within 10 school days).' })
  planZat(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: PlanZatInput): Promise<CaseSummaryModel> {
    return this.planZatUc.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Confirm the ZAT agenda and information were sent to the participants.' })
  confirmZatAgendaSent(
    @CurrentUser() user: AuthUser,
    @Args('caseId', CASE_ID) caseId: string,
    @Args('input', { type: () => ZorgrouteConfirmInput, nullable: true }) input?: ZorgrouteConfirmInput | null,
  ): Promise<CaseSummaryModel> {
    return this.agendaUc.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Record the ZAT discussion: plan van aanpak, casusregisseur, evaluation date.' })
  recordZatDiscussion(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: ZatDiscussionInput): Promise<CaseSummaryModel> {
    return this.zatUc.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Record that the ZAT conclusions were discussed with parents and pupil.' })
  recordZatFeedback(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: ZorgrouteConversationInput): Promise<CaseSummaryModel> {
    return this.zatFeedbackUc.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Evaluate the plan van aanpak: continue, or close / refer.' })
  recordZatEvaluation(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: ZatEvaluationInput): Promise<CaseSummaryModel> {
    return this.zatEvaluationUc.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Stop the zorgroute (zorgcoördinator), with a reason.' })
  closeZorgroute(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: CloseZorgrouteInput): Promise<CaseSummaryModel> {
    return this.closeUc.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, {
    description: 'Lift the approved "parents are not informed" safety exception (zorgcoördinator), with a reason: the case becomes visible to the parents.',
  })
  liftParentsException(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: LiftParentsExceptionInput): Promise<CaseSummaryModel> {
    return this.liftUc.execute(user, caseId, input);
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
