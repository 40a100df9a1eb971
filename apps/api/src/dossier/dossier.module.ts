import { Module } from '@nestjs/common';
import { DossierExportController } from './dossier-export.controller';
import { DossierResolver } from './dossier.resolver';
import { DossierService } from './dossier.service';
import { ExportDossierUseCase } from './usecases/export-dossier.usecase';
import { SecurityModule } from '../security/security.module';

/**
 * Dossier export for access requests (AVG art. 15): REST `GET /exports/dossier/<pupilId>.json|.pdf`.
 */
@Module({
  imports: [SecurityModule],
  controllers: [DossierExportController],
  providers: [DossierService, ExportDossierUseCase, DossierResolver],
})
export class DossierModule {}
