import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { validateOrThrow } from '../common/validate';
import { PupilModel, SchoolModel } from './models/pupil.model';
import { PupilsService } from './pupils.service';

class PupilsArgs {
  @IsOptional()
  @IsUUID()
  schoolId?: string | null;
}

@Resolver(() => PupilModel)
export class PupilsResolver {
  constructor(@Inject(PupilsService) private readonly pupils: PupilsService) {}

  @Query(() => [PupilModel], { name: 'pupils', description: 'Pupils the caller may see.' })
  async listPupils(@CurrentUser() user: AuthUser, @Args('schoolId', { type: () => ID, nullable: true }) schoolId?: string): Promise<PupilModel[]> {
    validateOrThrow(PupilsArgs, { schoolId });
    return this.pupils.list(user, schoolId);
  }

  @Query(() => [SchoolModel], { description: "Schools of the caller's samenwerkingsverband (an admin: every school), e.g. for the parents' order of preference; not for parents and pupils." })
  regionSchools(@CurrentUser() user: AuthUser): Promise<SchoolModel[]> {
    return this.pupils.regionSchools(user);
  }
}
