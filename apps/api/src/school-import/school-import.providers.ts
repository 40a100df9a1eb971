import { SchoolImportController } from './school-import.controller';
import { SchoolImportResolver } from './school-import.resolver';
import { SchoolImportUseCases } from './usecases/school-import.usecases';

/** Nest providers and controller of the school data import (registered in AppModule; needs OrganisationAccess). */
export const SCHOOL_IMPORT_PROVIDERS = [SchoolImportUseCases, SchoolImportResolver];
export const SCHOOL_IMPORT_CONTROLLERS = [SchoolImportController];
