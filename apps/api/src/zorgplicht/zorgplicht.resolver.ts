import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ZORGPLICHT_INVESTIGATION_LABELS, type ZorgplichtInvestigationKind } from '@zorgroute/workflows';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { validateOrThrow } from '../common/validate';
import { IDEMPOTENCY_KEY_ARG } from '../cases/case-step.resolver';
import { CaseStepService } from '../cases/case-step.service';
import { CaseSummaryModel } from '../cases/models/case.model';
import { CaseDocumentsService } from '../documents/case-documents.service';
import { CaseDocumentModel } from '../documents/models/case-document.model';
import {
  ExtendZorgplichtTermInput,
  ZorgplichtInvestigationInput,
  RecordZorgplichtDecisionInput,
  RegisterAanmeldingInput,
  ZorgplichtClockFilterInput,
} from './dtos/zorgplicht.inputs';
import { ZorgplichtCaseModel, ZorgplichtOverviewModel, type ZorgplichtDecisionModel } from './models/zorgplicht.model';
import { RegisterAanmeldingUseCase } from './usecases/register-aanmelding.usecase';
import { AdmittingSchoolUseCase } from './usecases/admitting-school.usecase';
import { ZorgplichtClocksService, zorgplichtPage } from './zorgplicht-clocks.service';
import { ZORGPLICHT_STEPS as STEPS } from '@zorgroute/processes';

/**
 * P4 aanmelding and zorgplicht: the registration (the start), one typed mutation per step — each runs the step from
 * the catalogue (libs/processes/src/zorgplicht/steps.ts) through CaseStepService — the SWV view and its CSV.
 */
@Resolver()
export class ZorgplichtResolver {
  constructor(
    @Inject(RegisterAanmeldingUseCase) private readonly register: RegisterAanmeldingUseCase,
    @Inject(CaseStepService) private readonly steps: CaseStepService,
    @Inject(AdmittingSchoolUseCase) private readonly admittingSchool: AdmittingSchoolUseCase,
    @Inject(ZorgplichtClocksService) private readonly clocks: ZorgplichtClocksService,
    @Inject(CaseDocumentsService) private readonly documents: CaseDocumentsService,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
  ) {}

  @Mutation(() => CaseSummaryModel, { description: 'Registers a written application at the school of first preference and starts its zorgplicht clock.' })
  registerAanmelding(@CurrentUser() user: AuthUser, @Args('input') input: RegisterAanmeldingInput): Promise<CaseSummaryModel> {
    return this.register.execute(user, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Records a step of the investigation (information requested, OSO dossier, intake, observation).' })
  recordZorgplichtInvestigation(
    @CurrentUser() user: AuthUser,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('input') input: ZorgplichtInvestigationInput,
    @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string,
  ): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.RECORD_INVESTIGATION, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Extends the decision term once (at most 4 weeks, before the first term ends); sends the written notice to the parents.' })
  extendZorgplichtTerm(
    @CurrentUser() user: AuthUser,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('input') input: ExtendZorgplichtTermInput,
    @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string,
  ): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.EXTEND_TERM, input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Records the decision (or the withdrawal); sends the decision letter with how to object to the parents.' })
  async recordZorgplichtDecision(
    @CurrentUser() user: AuthUser,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('input') input: RecordZorgplichtDecisionInput,
    @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string,
  ): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.RECORD_DECISION, await this.admittingSchool.named(user, caseId, input), idempotencyKey);
  }

  @Query(() => ZorgplichtOverviewModel, {
    description: 'The open zorgplicht clocks the caller may see (SWV: member schools; zorgcoördinator: own school; admin: all), sorted by days left, one page at a time (limit 1–500, default 50; offset); totalCount and countsPerSchool cover every page.',
  })
  zorgplichtClocks(
    @CurrentUser() user: AuthUser,
    @Args('filter', { type: () => ZorgplichtClockFilterInput, nullable: true }) filter?: ZorgplichtClockFilterInput,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number | null,
    @Args('offset', { type: () => Int, nullable: true }) offset?: number | null,
  ): Promise<ZorgplichtOverviewModel> {
    const page = zorgplichtPage(limit, offset);
    return this.clocks.overview(user, filter ? validateOrThrow(ZorgplichtClockFilterInput, filter) : {}, undefined, page);
  }

  @Query(() => String, { description: 'The same clocks as CSV (semicolon-separated, Dutch headers). Also: GET /exports/zorgplicht.csv.' })
  zorgplichtClocksCsv(@CurrentUser() user: AuthUser, @Args('filter', { type: () => ZorgplichtClockFilterInput, nullable: true }) filter?: ZorgplichtClockFilterInput): Promise<string> {
    return this.clocks.csv(user, filter ? validateOrThrow(ZorgplichtClockFilterInput, filter) : {});
  }

  @Query(() => ZorgplichtCaseModel, { description: 'One application with its clock; the SWV sees the clock and the outcome only.' })
  async zorgplichtCase(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string): Promise<ZorgplichtCaseModel> {
    this.clocks.assertMayView(user);
    const { row, clock } = await this.clocks.clockOf(user, caseId);
    // The caller's share (AudiencePolicy): the SWV sees the clock and the outcome, not the school's notes, the
    // extension's reason or the decision's motivation.
    const data = this.audience.caseData(user, row.process, row.data) as {
      preferenceSchoolIds?: string[];
      clock?: { extensionReason?: string | null };
      investigations?: { kind: ZorgplichtInvestigationKind; date: string; summary: string | null; recordedBy: string | null }[];
      decision?: (ZorgplichtDecisionModel & { reason?: string | null }) | null;
      openSteps?: string[];
    };
    const d = data.decision ?? null;
    return {
      clock,
      preferenceSchoolIds: data.preferenceSchoolIds ?? [],
      extensionReason: data.clock?.extensionReason ?? null,
      investigations: (data.investigations ?? []).map((i) => ({ ...i, summary: i.summary ?? null, recordedBy: i.recordedBy ?? null, label: ZORGPLICHT_INVESTIGATION_LABELS[i.kind] ?? i.kind })),
      decision: d && {
        outcome: d.outcome,
        decidedOn: d.decidedOn,
        onTime: d.onTime,
        motivation: d.motivation ?? null,
        arrangement: d.arrangement ?? null,
        admittingSchoolName: d.admittingSchoolName,
        agreementDate: d.agreementDate,
        tlvRequestedOn: d.tlvRequestedOn,
        bezwaarUntil: d.bezwaarUntil,
      },
      documents: this.documents.mayRead(user) ? await this.documents.list(user, caseId) : [],
      openSteps: row.closedAt ? [] : (data.openSteps ?? []),
      outcome: row.outcome,
    };
  }

  @Query(() => [CaseDocumentModel], { description: 'Documents stored with a case (letters); download each with GET downloadPath and the bearer token.' })
  caseDocuments(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string): Promise<CaseDocumentModel[]> {
    return this.documents.list(user, caseId);
  }
}
