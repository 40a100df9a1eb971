import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { CreateAccountInput, DeactivateAccountInput, SchoolInput, SwvInput, UpdateAccountInput } from './dtos/organisation.inputs';
import { AccountModel, DeactivatedAccountModel, OpenStepToReassignModel, SchoolModel, SwvModel } from './models/organisation.model';
import { OrganisationService } from './organisation.service';
import { CreateAccountUseCase, SaveSchoolUseCase, SaveSwvUseCase, SetAccountActiveUseCase, UpdateAccountUseCase } from './usecases/organisation.usecases';

/** Organisations and accounts (issue 13): platform, SWV and school admins; see organisation.access.ts for who may what. */
@Resolver()
export class OrganisationsResolver {
  constructor(
    @Inject(OrganisationService) private readonly orgs: OrganisationService,
    @Inject(SaveSwvUseCase) private readonly saveSwv: SaveSwvUseCase,
    @Inject(SaveSchoolUseCase) private readonly saveSchool: SaveSchoolUseCase,
    @Inject(CreateAccountUseCase) private readonly createAccountUseCase: CreateAccountUseCase,
    @Inject(UpdateAccountUseCase) private readonly updateAccountUseCase: UpdateAccountUseCase,
    @Inject(SetAccountActiveUseCase) private readonly setActive: SetAccountActiveUseCase,
  ) {}

  @Query(() => [SwvModel], { description: 'The SWVs and schools the caller administers (platform: all; SWV admin: his SWV; school admin: his school).' })
  swvs(@CurrentUser() user: AuthUser): Promise<SwvModel[]> {
    return this.orgs.swvs(user);
  }

  @Query(() => [AccountModel], { description: 'Accounts of a school (staff, school admins), of an SWV (its own accounts), or without either the platform accounts.' })
  accounts(
    @CurrentUser() user: AuthUser,
    @Args('schoolId', { type: () => ID, nullable: true }) schoolId?: string | null,
    @Args('swvId', { type: () => ID, nullable: true }) swvId?: string | null,
  ): Promise<AccountModel[]> {
    return this.orgs.accounts(user, { schoolId, swvId });
  }

  @Query(() => [OpenStepToReassignModel], { description: 'Open steps of the school whose owner left, was deactivated, changed role or is no longer the pupil’s mentor.' })
  openStepsToReassign(@CurrentUser() user: AuthUser, @Args('schoolId', { type: () => ID }) schoolId: string): Promise<OpenStepToReassignModel[]> {
    return this.orgs.openStepsToReassign(user, schoolId);
  }

  @Mutation(() => SwvModel, { description: 'Creates an SWV (platform admin).' })
  createSwv(@CurrentUser() user: AuthUser, @Args('input') input: SwvInput): Promise<SwvModel> {
    return this.saveSwv.execute(user, null, input);
  }

  @Mutation(() => SwvModel, { description: 'Changes an SWV (platform admin; its own SWV admin may rename it).' })
  updateSwv(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string, @Args('input') input: SwvInput): Promise<SwvModel> {
    return this.saveSwv.execute(user, id, input);
  }

  @Mutation(() => SchoolModel, { description: 'Adds a school to an SWV (platform admin, or the SWV’s admin).' })
  createSchool(@CurrentUser() user: AuthUser, @Args('input') input: SchoolInput): Promise<SchoolModel> {
    return this.saveSchool.execute(user, null, input);
  }

  @Mutation(() => SchoolModel, { description: 'Changes a school’s name, BRIN, vestiging or region.' })
  updateSchool(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string, @Args('input') input: SchoolInput): Promise<SchoolModel> {
    return this.saveSchool.execute(user, id, input);
  }

  @Mutation(() => AccountModel, { description: 'Creates a staff, SWV or platform account (login through the school’s OpenID Connect by e-mail).' })
  createAccount(@CurrentUser() user: AuthUser, @Args('input') input: CreateAccountInput): Promise<AccountModel> {
    return this.createAccountUseCase.execute(user, input);
  }

  @Mutation(() => AccountModel, { description: 'Changes an account’s name, e-mail address or role (within its organisation).' })
  updateAccount(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateAccountInput): Promise<AccountModel> {
    return this.updateAccountUseCase.execute(user, id, input);
  }

  @Mutation(() => DeactivatedAccountModel, { description: 'Deactivates an account: no login, every session ends at once; lists its open steps to reassign.' })
  deactivateAccount(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string, @Args('input') input: DeactivateAccountInput): Promise<DeactivatedAccountModel> {
    return this.setActive.deactivate(user, id, input);
  }

  @Mutation(() => AccountModel, { description: 'Lets a deactivated account log in again.' })
  reactivateAccount(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<AccountModel> {
    return this.setActive.reactivate(user, id);
  }
}
