import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { IDEMPOTENCY_KEY_ARG } from '../cases/case-step.resolver';
import { CaseStepService } from '../cases/case-step.service';
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
import { StartOverdrachtUseCase } from './usecases/start-overdracht.usecase';
import { OVERDRACHT_STEPS as STEPS } from '@zorgroute/processes';

const CASE_ID = { type: () => ID };

/**
 * P6 PO→VO overdracht: the case, its start, the regional calendar of an SWV, and one typed mutation per human step —
 * each runs the step from the catalogue (libs/processes/src/overdracht/steps.ts) through CaseStepService. The parents'
 * consent to the transfer is a consent request answered with `giveConsent` (or `recordPaperConsent`); after the OSO
 * deadline the zorgcoördinator decides with `decideConsentTimeout`.
 */
@Resolver(() => OverdrachtCaseModel)
export class OverdrachtResolver {
  constructor(
    @Inject(OverdrachtService) private readonly overdracht: OverdrachtService,
    @Inject(OverdrachtCalendarService) private readonly calendarService: OverdrachtCalendarService,
    @Inject(StartOverdrachtUseCase) private readonly startUc: StartOverdrachtUseCase,
    @Inject(CaseStepService) private readonly steps: CaseStepService,
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
    return this.steps.take(user, caseId, STEPS.OVERDRACHT_RECORD_OKR, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'A parent adds (or changes) his view on the report before it is sent.' })
  addOverdrachtZienswijze(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OverdrachtZienswijzeInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.OVERDRACHT_ZIENSWIJZE, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Records that the report was sent (only after the parents’ consent).' })
  recordOverdrachtSent(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OverdrachtSentInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.OVERDRACHT_SEND_OKR, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The secondary school confirms receipt (cold handover) and may mark support needs.' })
  confirmOverdrachtReceived(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OverdrachtReceivedInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.OVERDRACHT_CONFIRM_RECEIPT, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Records the warm handover with the primary school, parents and pupil.' })
  recordWarmeOverdracht(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: WarmeOverdrachtInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.OVERDRACHT_WARM_HANDOVER, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The brugklascoördinator places the pupil in a class and names the mentor, who gets the information.' })
  placeOverdrachtPupil(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OverdrachtPlacementInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.OVERDRACHT_PLACEMENT, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The mentor confirms he has read the handover information.' })
  confirmOverdrachtRead(
    @CurrentUser() user: AuthUser,
    @Args('caseId', CASE_ID) caseId: string,
    @Args('input', { type: () => OverdrachtReadInput, nullable: true }) input?: OverdrachtReadInput,
    @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string,
  ): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.OVERDRACHT_MENTOR_READ, input ?? {}, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Refers the pupil straight to the IZO (starts P2, prefilled from the handover; zorgcoördinator).' })
  referOverdrachtToIzo(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OverdrachtIzoReferralInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.OVERDRACHT_IZO_REFERRAL, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Records the feedback to the primary school at the open feedback moment (mentor or school staff).' })
  recordOverdrachtFeedback(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: OverdrachtFeedbackInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.OVERDRACHT_FEEDBACK, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'The zorgcoördinator stops the handover, with a reason (e.g. the pupil goes to another school).' })
  stopOverdracht(@CurrentUser() user: AuthUser, @Args('caseId', CASE_ID) caseId: string, @Args('input') input: StopOverdrachtInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.STOP_OVERDRACHT, input, idempotencyKey);
  }
}
