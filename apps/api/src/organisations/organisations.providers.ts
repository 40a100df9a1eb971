import { OrganisationAccess } from './organisation.access';
import { OrganisationService } from './organisation.service';
import { OrganisationsResolver } from './organisations.resolver';
import { CreateAccountUseCase, SaveSchoolUseCase, SaveSwvUseCase, SetAccountActiveUseCase, UpdateAccountUseCase } from './usecases/organisation.usecases';

/** Nest providers of the organisation screens (registered in AppModule). */
export const ORGANISATION_PROVIDERS = [OrganisationAccess, OrganisationService, SaveSwvUseCase, SaveSchoolUseCase, CreateAccountUseCase, UpdateAccountUseCase, SetAccountActiveUseCase, OrganisationsResolver];
