import { Module } from '@nestjs/common';
import { OrganisationAccess } from './organisation.access';
import { OrganisationService } from './organisation.service';
import { OrganisationsResolver } from './organisations.resolver';
import { CreateAccountUseCase, SaveSchoolUseCase, SaveSwvUseCase, SetAccountActiveUseCase, UpdateAccountUseCase } from './usecases/organisation.usecases';

/**
 * The organisation screens: SWVs, schools and accounts.
 */
@Module({
  providers: [OrganisationAccess, OrganisationService, SaveSwvUseCase, SaveSchoolUseCase, CreateAccountUseCase, UpdateAccountUseCase, SetAccountActiveUseCase, OrganisationsResolver],
  exports: [OrganisationAccess],
})
export class OrganisationsModule {}
