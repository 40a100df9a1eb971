import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { GuardiansService } from './guardians.service';
import { PupilCustodyModel, SetParentalAuthorityInput, SetParentsDisagreeInput } from './guardians.models';

@Resolver(() => PupilCustodyModel)
export class GuardiansResolver {
  constructor(@Inject(GuardiansService) private readonly guardians: GuardiansService) {}

  @Query(() => PupilCustodyModel, { description: 'Custody of a pupil and the login state of his guardians (zorgcoördinator, teamleider, admin).' })
  pupilCustody(@CurrentUser() user: AuthUser, @Args('pupilId', { type: () => ID }) pupilId: string): Promise<PupilCustodyModel> {
    return this.guardians.custody(user, pupilId);
  }

  @Mutation(() => PupilCustodyModel, { description: 'Sends a guardian of the pupil (or the pupil’s own account) an invitation to log in (zorgcoördinator, admin).' })
  inviteGuardian(@CurrentUser() user: AuthUser, @Args('pupilId', { type: () => ID }) pupilId: string, @Args('userId', { type: () => ID }) userId: string): Promise<PupilCustodyModel> {
    return this.guardians.invite(user, pupilId, userId);
  }

  @Mutation(() => PupilCustodyModel, { description: 'Marks that the pupil’s parents disagree (or no longer): consent then needs every guardian with parental authority.' })
  setParentsDisagree(@CurrentUser() user: AuthUser, @Args('pupilId', { type: () => ID }) pupilId: string, @Args('input') input: SetParentsDisagreeInput): Promise<PupilCustodyModel> {
    return this.guardians.setParentsDisagree(user, pupilId, input);
  }

  @Mutation(() => PupilCustodyModel, { description: 'Records whether a guardian holds parental authority (gezag).' })
  setParentalAuthority(
    @CurrentUser() user: AuthUser,
    @Args('pupilId', { type: () => ID }) pupilId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('input') input: SetParentalAuthorityInput,
  ): Promise<PupilCustodyModel> {
    return this.guardians.setParentalAuthority(user, pupilId, userId, input);
  }
}
