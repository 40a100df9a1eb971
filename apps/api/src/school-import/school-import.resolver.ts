import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { SchoolImportModel } from './models/school-import.model';
import { SchoolImportUseCases } from './usecases/school-import.usecases';

/** The school data import: the upload is `POST /imports/schools/<id>/preview` (school-import.controller.ts). */
@Resolver(() => SchoolImportModel)
export class SchoolImportResolver {
  constructor(@Inject(SchoolImportUseCases) private readonly imports: SchoolImportUseCases) {}

  @Query(() => SchoolImportModel, { description: 'An import with its preview (while it can be applied).' })
  schoolImport(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<SchoolImportModel> {
    return this.imports.get(user, id);
  }

  @Query(() => [SchoolImportModel], { description: 'The school’s last 20 imports (counts, file digest, status).' })
  schoolImports(@CurrentUser() user: AuthUser, @Args('schoolId', { type: () => ID }) schoolId: string): Promise<SchoolImportModel[]> {
    return this.imports.list(user, schoolId);
  }

  @Mutation(() => SchoolImportModel, { description: 'Writes a previewed import in one transaction (refused when it has rejected rows or the data changed since).' })
  applySchoolImport(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<SchoolImportModel> {
    return this.imports.apply(user, id);
  }
}
