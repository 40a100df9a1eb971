import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ProcessType } from '@zorgroute/domain';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { IDEMPOTENCY_KEY_ARG } from '../cases/case-step.resolver';
import { CaseStepService } from '../cases/case-step.service';
import { CasesService } from '../cases/cases.service';
import { CaseDetailModel, CaseSummaryModel } from '../cases/models/case.model';
import { OppBronInput, OppContentInput, OppEvaluationInput, OppPupilViewInput, OppRefusalFollowUpInput, StartOppInput, StopOppInput } from './dtos/opp.inputs';
import { StartOppUseCase } from './usecases/start-opp.usecase';

/**
 * P7 OPP: the start, the OPP's data on the case page, and one typed mutation per human step — each runs the step from
 * the catalogue (libs/processes/src/opp/steps.ts) through CaseStepService, like the generic `takeStep`. The parents'
 * instemming with the handelingsdeel is a consent request answered with the shared consent mutations (`giveConsent`,
 * `recordPaperConsent`), whose `subjectDigest` names the exact version.
 */
@Resolver(() => CaseDetailModel)
export class OppResolver {
  constructor(
    @Inject(StartOppUseCase) private readonly start: StartOppUseCase,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
    @Inject(CaseStepService) private readonly steps: CaseStepService,
  ) {}

  @Mutation(() => CaseSummaryModel, { description: 'The zorgcoördinator starts an ontwikkelingsperspectiefplan (OPP) for a pupil who receives extra support.' })
  startOpp(@CurrentUser() user: AuthUser, @Args('input') input: StartOppInput): Promise<CaseSummaryModel> {
    return this.start.execute(user, input);
  }

  @ResolveField('opp', () => GraphQLJSONObject, {
    nullable: true,
    description: 'P7 data (versions with their digest and handelingsdeel, hearings, evaluations, refusals, BRON), as far as the caller may see it; null for other processes.',
  })
  async opp(@CurrentUser() user: AuthUser, @Parent() detail: CaseDetailModel): Promise<Record<string, unknown> | null> {
    if (detail.summary.process !== ProcessType.OPP) return null;
    const row = await this.cases.getVisible(user, detail.summary.id);
    return this.audience.caseData(user, row.process, row.data);
  }

  @Mutation(() => CaseSummaryModel, { description: 'OPP_DRAW_UP: the authors draw up a version of the OPP (in overleg with pupil and parents).' })
  drawUpOpp(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: OppContentInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, 'OPP_DRAW_UP', input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'OPP_ADJUST: a new version while the plan is in force; heard and agreed again, the version in force stays until then.' })
  adjustOpp(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: OppContentInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, 'OPP_ADJUST', input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'OPP_HEAR_PUPIL: the pupil’s view on a version or an evaluation (hoorrecht), or the reason it was not asked.' })
  recordOppPupilView(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: OppPupilViewInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, 'OPP_HEAR_PUPIL', input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'OPP_REFUSAL_FOLLOW_UP: after the parents refused a first version, the zorgcoördinator decides: a new version or closing.' })
  decideOppAfterRefusal(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: OppRefusalFollowUpInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, 'OPP_REFUSAL_FOLLOW_UP', input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'OPP_EVALUATE: the evaluation with the parents (due yearly, may be earlier).' })
  recordOppEvaluation(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: OppEvaluationInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, 'OPP_EVALUATE', input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'OPP_REGISTER_BRON: the administration registered the OPP in BRON.' })
  registerOppInBron(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: OppBronInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, 'OPP_REGISTER_BRON', input, idempotencyKey);
  }

  @Mutation(() => CaseSummaryModel, { description: 'STOP_OPP: the zorgcoördinator stops the OPP, with a reason.' })
  stopOpp(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: StopOppInput, @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, 'STOP_OPP', input, idempotencyKey);
  }
}
