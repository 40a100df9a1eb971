import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PolicyScope } from '@zorgroute/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { PublishPolicyVersionInput } from './dtos/policy.inputs';
import { EffectivePolicyModel, PolicyVersionModel } from './models/policy.model';
import { PoliciesService } from './policies.service';
import { PublishPolicyVersionUseCase } from './usecases/publish-policy-version.usecase';

/** Versioned policies per SWV and school. */
@Resolver(() => EffectivePolicyModel)
export class PoliciesResolver {
  constructor(
    @Inject(PoliciesService) private readonly policies: PoliciesService,
    @Inject(PublishPolicyVersionUseCase) private readonly publish: PublishPolicyVersionUseCase,
  ) {}

  @Query(() => EffectivePolicyModel, { description: 'The policy in force at a school, its version label and every SWV and school version.' })
  effectivePolicy(@CurrentUser() user: AuthUser, @Args('schoolId', { type: () => ID }) schoolId: string): Promise<EffectivePolicyModel> {
    return this.policies.effective(user, schoolId);
  }

  @Query(() => [PolicyVersionModel], { description: 'Every version of an SWV’s or a school’s policy, newest first.' })
  policyVersions(
    @CurrentUser() user: AuthUser,
    @Args('scope', { type: () => PolicyScope }) scope: PolicyScope,
    @Args('scopeId', { type: () => ID }) scopeId: string,
  ): Promise<PolicyVersionModel[]> {
    return this.policies.versions(user, scope, scopeId);
  }

  @Mutation(() => PolicyVersionModel, { description: 'Publishes a new policy version; new cases use it, running cases keep their snapshot.' })
  publishPolicyVersion(@CurrentUser() user: AuthUser, @Args('input') input: PublishPolicyVersionInput): Promise<PolicyVersionModel> {
    return this.publish.execute(user, input);
  }
}
