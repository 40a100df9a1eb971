import { DossierExportController } from './dossier-export.controller';
import { DossierResolver } from './dossier.resolver';
import { DossierService } from './dossier.service';
import { ExportDossierUseCase } from './usecases/export-dossier.usecase';

/** Dossier export for access requests (AVG art. 15): REST `GET /exports/dossier/<pupilId>.json|.pdf`. */
export const DOSSIER_PROVIDERS = [DossierService, ExportDossierUseCase, DossierResolver];
export const DOSSIER_CONTROLLERS = [DossierExportController];
