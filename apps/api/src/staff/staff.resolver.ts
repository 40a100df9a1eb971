import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsIn, IsOptional, IsUUID } from 'class-validator';
import { Role } from '@zorgroute/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { validateOrThrow } from '../common/validate';
import { StaffMemberModel } from './models/staff-member.model';
import { STAFF_ROLES, StaffService } from './staff.service';

class StaffMembersArgs {
  @IsOptional()
  @IsUUID('all', { message: 'schoolId moet een geldige id zijn' })
  schoolId?: string | null;

  @IsOptional()
  @ArrayMaxSize(STAFF_ROLES.length, { message: `kies hoogstens ${STAFF_ROLES.length} rollen` })
  @ArrayUnique({ message: 'elke rol hoogstens één keer' })
  @IsIn(STAFF_ROLES, { each: true, message: `rol moet een van ${STAFF_ROLES.join(', ')} zijn` })
  roles?: Role[] | null;
}

@Resolver(() => StaffMemberModel)
export class StaffResolver {
  constructor(@Inject(StaffService) private readonly staff: StaffService) {}

  @Query(() => [StaffMemberModel], {
    description:
      'Active school staff to choose as owner of a step (zorgcoördinator, teamleider, mentor, coach, JOS worker). School staff and the school admin see their own school, an SWV employee its member schools, an admin all; parents and pupils are refused.',
  })
  async staffMembers(
    @CurrentUser() user: AuthUser,
    @Args('schoolId', { type: () => ID, nullable: true }) schoolId?: string | null,
    @Args('roles', { type: () => [Role], nullable: true }) roles?: Role[] | null,
  ): Promise<StaffMemberModel[]> {
    const args = validateOrThrow(StaffMembersArgs, { schoolId, roles });
    return this.staff.list(user, args.schoolId ?? null, args.roles ?? null);
  }
}
