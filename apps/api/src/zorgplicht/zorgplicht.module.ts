import { Module } from '@nestjs/common';
import { RegisterAanmeldingUseCase } from './usecases/register-aanmelding.usecase';
import { AdmittingSchoolUseCase } from './usecases/admitting-school.usecase';
import { ZorgplichtClocksService } from './zorgplicht-clocks.service';
import { ZorgplichtExportController } from './zorgplicht-export.controller';
import { ZorgplichtDocumentRequestResolver } from './zorgplicht-document-request.resolver';
import { ZorgplichtResolver } from './zorgplicht.resolver';
import { ZorgplichtStarter } from './zorgplicht-starter';
import { DocumentsModule } from '../documents/documents.module';
import { PupilsModule } from '../pupils/pupils.module';

/**
 * P4 aanmelding and zorgplicht: resolvers, the registration and the admitting school, the SWV's clocks and REST
 * GET /exports/zorgplicht.csv; its steps run through CaseStepService.
 */
@Module({
  imports: [DocumentsModule, PupilsModule],
  controllers: [ZorgplichtExportController],
  providers: [ZorgplichtResolver, ZorgplichtStarter, RegisterAanmeldingUseCase, AdmittingSchoolUseCase, ZorgplichtClocksService, ZorgplichtDocumentRequestResolver],
})
export class ZorgplichtModule {}
