import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { CaseSummaryModel } from '../cases/models/case.model';
import {
  OverdrachtFeedbackInput,
  OverdrachtIzoReferralInput,
  OverdrachtOkrInput,
  OverdrachtPlacementInput,
  OverdrachtReadInput,
  OverdrachtReceivedInput,
  OverdrachtRegionalCalendarInput,
  OverdrachtSentInput,
  OverdrachtZienswijzeInput,
  StartOverdrachtInput,
  StopOverdrachtInput,
  WarmeOverdrachtInput,
} from './dtos/overdracht.inputs';
import { OverdrachtCaseModel, OverdrachtRegionalCalendarsModel } from './models/overdracht.model';
import { OverdrachtCalendarService } from './overdracht-calendar.service';
import { OverdrachtService } from './overdracht.service';
import {
  AddOverdrachtZienswijzeUseCase,
  ConfirmOverdrachtReadUseCase,
  ConfirmOverdrachtReceivedUseCase,
  PlaceOverdrachtPupilUseCase,
  RecordOverdrachtFeedbackUseCase,
  RecordOverdrachtOkrUseCase,
  RecordOverdrachtSentUseCase,
  RecordWarmeOverdrachtUseCase,
  ReferOverdrachtToIzoUseCase,
  StopOverdrachtUseCase,
} from './usecases/overdracht-step.usecases';
import { StartOverdrachtUseCase } from './usecases/start-overdracht.usecase';

const CASE_ID = { type: () => ID };
/** The optional idempotency key of every P6 step mutation (see CaseStepRunner). */
const IDEMPOTENCY_KEY_ARG = {
  type: () => String,
  nullable: true,
  description: 'Optional key (e.g. a UUID per user action): a retried request with the same key gets the first outcome and does not apply the step twice.',
};

/**
 * P6 PO→VO overdracht: one mutation per human step, each a use case, and the regional calendar of an SWV. The parents'
 * consent to the transfer is a consent request answered with `giveConsent` (or `recordPaperConsent`); after the OSO
 * deadline the zorgcoördinator decides with `decideConsentTimeout`.
 */
@Resolver(() => OverdrachtCaseModel)
export class OverdrachtResolver {
  constructor(
    @Inject(OverdrachtService) private readonly overdracht: OverdrachtService,
    @Inject(OverdrachtCalendarService) private readonly calendarService: OverdrachtCalendarService,
    @Inject(StartOverdrachtUseCase) private readonly startUc: StartOverdrachtUseCase,
    @Inject(RecordOverdrachtOkrUseCase) private readonly okrUc: RecordOverdrachtOkrUseCase,
    @Inject(AddOverdrachtZienswijzeUseCase) private readonly zienswijzeUc: AddOverdrachtZienswijzeUseCase,
    @Inject(RecordOverdrachtSentUseCase) private readonly sentUc: RecordOverdrachtSentUseCase,
    @Inject(ConfirmOverdrachtReceivedUseCase) private readonly receivedUc: ConfirmOverdrachtReceivedUseCase,
    @Inject(RecordWarmeOverdrachtUseCase) private readonly warmUc: RecordWarmeOverdrachtUseCase,
    @Inject(PlaceOverdrachtPupilUseCase) private readonly placeUc: PlaceOverdrachtPupilUseCase,
    @Inject(ConfirmOverdrachtReadUseCase) private readonly readUc: ConfirmOverdrachtReadUseCase,
    @Inject(ReferOverdrachtToIzoUseCase) private readonly izoUc: ReferOverdrachtToIzoUseCase,
    @Inject(RecordOverdrachtFeedbackUseCase) private readonly feedbackUc: RecordOverdrachtFeedbackUseCase,
    @Inject(StopOverdrachtUseCase) private readonly stopUc: StopOverdrachtUseCase,
  ) {}

  @Query(() => OverdrachtCaseModel, { description: 'A PO→VO handover with its timeline, due dates and record (parents see the report; the SWV the dates).' })
  overdrachtCase(@CurrentUser() user: AuthUser, @Args('id', CASE_ID) id: string): Promise<OverdrachtCaseModel> {
    return this.overdracht.overdrachtCase(user, id);
  }

  @Query(() => OverdrachtRegionalCalendarsModel, { description: 'The regional PO→VO calendars of an SWV (admin, its employees, a zorgcoördinator of a member school).' })
  overdrachtRegionalCalendars(@CurrentUser() user: AuthUser, @Args('swvId', { type: () => ID }) swvId: string): Promise<OverdrachtRegionalCalendarsModel> {
    return this.calendarService.calendars(user, swvId);
  }

  @Mutation(() => OverdrachtRegionalCalendarsModel, { description: 'Sets (adds or replaces) the regional calendar of one school year: publishes a new SWV policy version (SWV employee or admin).' })
  setOverdrachtRegionalCalendar(@CurrentUser() user: AuthUser, @Args('swvId', { type: () => ID }) swvId: string, @Args('input') input: OverdrachtRegionalCalendarInput): Promise<OverdrachtRegionalCalendarsModel> {
    return this.calendarService.setCalendar(user, swvId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Registers the application of a pupil from primary school and starts the handover (zorgcoördinator or teamleider).' })
  startOverdracht(@CurrentUser() user: AuthUser, @Args('input') input: StartOverdrachtInput): Promise<CaseSummaryModel> {
    return this.startUc.execute(user, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Records the onderwijskundig rapport (for now by the secondary school’s contact).' })
  recordOverdrachtOkr(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OverdrachtOkrInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.okrUc.execute(user, caseId, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'A parent adds (or changes) his view on the report before it is sent.' })
  addOverdrachtZienswijze(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OverdrachtZienswijzeInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.zienswijzeUc.execute(user, caseId, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Records that the report was sent (only after the parents’ consent).' })
  recordOverdrachtSent(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OverdrachtSentInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.sentUc.execute(user, caseId, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The secondary school confirms receipt (cold handover) and may mark support needs.' })
  confirmOverdrachtReceived(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OverdrachtReceivedInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.receivedUc.execute(user, caseId, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Records the warm handover with the primary school, parents and pupil.' })
  recordWarmeOverdracht(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: WarmeOverdrachtInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.warmUc.execute(user, caseId, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The brugklascoördinator places the pupil in a class and names the mentor, who gets the information.' })
  placeOverdrachtPupil(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OverdrachtPlacementInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.placeUc.execute(user, caseId, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The mentor confirms he has read the handover information.' })
  confirmOverdrachtRead(
    @CurrentUser() user: AuthUser,
    @Args('caseId', CASE_ID) caseId: string,
    @Args('input', { type: () => OverdrachtReadInput, nullable: true }) input?: OverdrachtReadInput,
    @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string,
  ): Promise<CaseSummaryModel> {
    return this.readUc.execute(user, caseId, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Refers the pupil straight to the IZO (starts P2, prefilled from the handover; zorgcoördinator).' })
  referOverdrachtToIzo(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OverdrachtIzoReferralInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.izoUc.execute(user, caseId, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Records the feedback to the primary school at the open feedback moment (mentor or school staff).' })
  recordOverdrachtFeedback(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OverdrachtFeedbackInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.feedbackUc.execute(user, caseId, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The zorgcoördinator stops the handover, with a reason (e.g. the pupil goes to another school).' })
  stopOverdracht(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: StopOverdrachtInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.stopUc.execute(user, caseId, input, idempotencyKey);
  }
}
