import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { PurgeExpiredCasesInput } from './dtos/purge-expired-cases.input';
import { RetentionRunModel } from './models/retention-run.model';
import { PurgeExpiredCasesUseCase } from './usecases/purge-expired-cases.usecase';

/** Retention (docs/security.md "Retention"): the daily run is scheduled; admins can run it now, with a reason. */
@Resolver(() => RetentionRunModel)
export class RetentionResolver {
  constructor(@Inject(PurgeExpiredCasesUseCase) private readonly purge: PurgeExpiredCasesUseCase) {}

  @Mutation(() => RetentionRunModel, { description: 'Applies the retention policy now: closes inactive cases and purges expired closed ones (admin, with a reason).' })
  purgeExpiredCases(@CurrentUser() user: AuthUser, @Args('input') input: PurgeExpiredCasesInput): Promise<RetentionRunModel> {
    return this.purge.execute(user, input);
  }
}
