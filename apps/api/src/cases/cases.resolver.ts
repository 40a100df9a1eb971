import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { validateOrThrow } from '../common/validate';
import { CasesService } from './cases.service';
import { CaseFilterInput } from './dtos/case-filter.input';
import { CaseDetailModel, CaseSummaryModel } from './models/case.model';

@Resolver(() => CaseSummaryModel)
export class CasesResolver {
  constructor(@Inject(CasesService) private readonly cases: CasesService) {}

  @Query(() => [CaseSummaryModel], { name: 'cases', description: 'Cases the caller may see, most urgent first.' })
  async listCases(@CurrentUser() user: AuthUser, @Args('filter', { type: () => CaseFilterInput, nullable: true }) filter?: CaseFilterInput): Promise<CaseSummaryModel[]> {
    return this.cases.list(user, filter ? validateOrThrow(CaseFilterInput, filter) : {});
  }

  @Query(() => CaseDetailModel, { name: 'case' })
  async caseDetail(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<CaseDetailModel> {
    return this.cases.detail(user, id);
  }
}
