import { Inject } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { validateOrThrow } from '../common/validate';
import { PupilPageModel } from './models/pupil-page.model';
import { PupilModel, SchoolModel } from './models/pupil.model';
import { PupilPageService } from './pupil-page.service';
import { PupilsService } from './pupils.service';

class PupilsArgs {
  @IsOptional()
  @IsUUID()
  schoolId?: string | null;
}

/** The most pupils one search answers (a picker shows a handful; the default is 20). */
export const SEARCH_LIMIT_MAX = 50;

class SearchPupilsArgs {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(2, { message: 'zoekterm: typ minstens 2 tekens' })
  @MaxLength(100, { message: 'zoekterm: hoogstens 100 tekens' })
  query!: string;

  @IsOptional()
  @IsUUID('all', { message: 'schoolId: geen geldige school' })
  schoolId?: string | null;

  @IsInt({ message: 'limit: een geheel getal' })
  @Min(1, { message: `limit: tussen 1 en ${SEARCH_LIMIT_MAX}` })
  @Max(SEARCH_LIMIT_MAX, { message: `limit: tussen 1 en ${SEARCH_LIMIT_MAX}` })
  limit!: number;
}

class PupilArgs {
  @IsUUID('all', { message: 'id: geen geldige leerling' })
  id!: string;
}

@Resolver(() => PupilModel)
export class PupilsResolver {
  constructor(
    @Inject(PupilsService) private readonly pupils: PupilsService,
    @Inject(PupilPageService) private readonly pages: PupilPageService,
  ) {}

  @Query(() => [PupilModel], { name: 'pupils', description: 'Pupils the caller may see.' })
  async listPupils(@CurrentUser() user: AuthUser, @Args('schoolId', { type: () => ID, nullable: true }) schoolId?: string): Promise<PupilModel[]> {
    validateOrThrow(PupilsArgs, { schoolId });
    return this.pupils.list(user, schoolId);
  }

  @Query(() => [PupilModel], {
    description:
      'Pupils the caller may see whose name, class or pupil number holds every word of the query (at least 2 characters; case and diacritics ignored), best matches first; at most `limit` (1–50).',
  })
  async searchPupils(
    @CurrentUser() user: AuthUser,
    @Args('query') query: string,
    @Args('schoolId', { type: () => ID, nullable: true }) schoolId?: string,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 20 }) limit?: number,
  ): Promise<PupilModel[]> {
    const args = validateOrThrow(SearchPupilsArgs, { query, schoolId, limit });
    return this.pupils.search(user, args.query, args.schoolId, args.limit);
  }

  @Query(() => PupilPageModel, { name: 'pupil', description: 'The pupil page: one pupil the caller may see with his cases, consents, documents and history; NOT_FOUND otherwise.' })
  async pupilPage(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<PupilPageModel> {
    validateOrThrow(PupilArgs, { id });
    return this.pages.page(user, id);
  }

  @Query(() => [SchoolModel], { description: "Schools of the caller's samenwerkingsverband (an admin: every school), e.g. for the parents' order of preference; not for parents and pupils." })
  regionSchools(@CurrentUser() user: AuthUser): Promise<SchoolModel[]> {
    return this.pupils.regionSchools(user);
  }
}
