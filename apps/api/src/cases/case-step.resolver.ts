import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { CaseStepService } from './case-step.service';
import { CasesService } from './cases.service';
import { CaseDetailModel, CaseSummaryModel } from './models/case.model';
import { StepFormModel } from './models/step-form.model';

/** The optional idempotency key of every step mutation (see CaseStepService / stepUpdateOptions). */
export const IDEMPOTENCY_KEY_ARG = {
  type: () => String,
  nullable: true,
  description: 'Optional key (e.g. a UUID per user action): a retried request with the same key gets the first outcome and does not apply the step twice.',
};

/** Any human step of any process (the step catalogue), and the forms of a case's steps. */
@Resolver(() => CaseDetailModel)
export class CaseStepResolver {
  constructor(
    @Inject(CaseStepService) private readonly steps: CaseStepService,
    @Inject(CasesService) private readonly cases: CasesService,
  ) {}

  @Mutation(() => CaseSummaryModel, { description: 'Takes a step of a case with the input its form (stepForms) defines; every process, every step.' })
  takeStep(
    @CurrentUser() user: AuthUser,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('step', { description: 'Machine name of the step, e.g. RECORD_INTAKE.' }) step: string,
    @Args('input', { type: () => GraphQLJSONObject }) input: Record<string, unknown>,
    @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string,
  ): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, step, input, idempotencyKey);
  }

  @ResolveField('stepForms', () => [StepFormModel], { description: 'The forms of the steps the case offers now (its open steps and the steps that may be taken any time), with whether the caller may take each.' })
  async stepForms(@Parent() detail: CaseDetailModel, @CurrentUser() user: AuthUser): Promise<StepFormModel[]> {
    const row = await this.cases.getVisible(user, detail.summary.id);
    return this.steps.forms(user, row, detail.openSteps);
  }
}
