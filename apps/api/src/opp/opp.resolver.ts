import { Inject } from '@nestjs/common';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ProcessType } from '@zorgroute/domain';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { CasesService } from '../cases/cases.service';
import { CaseDetailModel, CaseSummaryModel } from '../cases/models/case.model';
import { StartOppInput } from './dtos/opp.inputs';
import { StartOppUseCase } from './usecases/start-opp.usecase';

/**
 * P7 OPP: the start, and the OPP's data on the case page. Its steps (draw up, hear the pupil, evaluate, adjust, BRON,
 * stop) run through the generic `takeStep` from the step catalogue (libs/processes/src/opp/steps.ts); the parents'
 * instemming with the handelingsdeel is a consent request answered with the shared consent mutations (`giveConsent`,
 * `recordPaperConsent`), whose `subjectDigest` names the exact version.
 */
@Resolver(() => CaseDetailModel)
export class OppResolver {
  constructor(
    @Inject(StartOppUseCase) private readonly start: StartOppUseCase,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
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
}
