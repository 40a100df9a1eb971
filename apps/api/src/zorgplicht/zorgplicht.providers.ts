import { CaseDocumentsController } from '../documents/case-documents.controller';
import { CaseDocumentsService } from '../documents/case-documents.service';
import { DocumentsResolver } from '../documents/documents.resolver';
import { RegisterAanmeldingUseCase } from './usecases/register-aanmelding.usecase';
import { AdmittingSchoolUseCase } from './usecases/admitting-school.usecase';
import { ZorgplichtClocksService } from './zorgplicht-clocks.service';
import { ZorgplichtExportController } from './zorgplicht-export.controller';
import { ZorgplichtDocumentRequestResolver } from './zorgplicht-document-request.resolver';
import { ZorgplichtResolver } from './zorgplicht.resolver';
import { ZorgplichtStarter } from './zorgplicht-starter';

/** P4 aanmelding and zorgplicht: resolver, the registration and the admitting school, the SWV view, and case documents (letters); its steps run through CaseStepService. */
export const ZORGPLICHT_PROVIDERS = [
  ZorgplichtResolver,
  ZorgplichtStarter,
  RegisterAanmeldingUseCase,
  AdmittingSchoolUseCase,
  ZorgplichtClocksService,
  CaseDocumentsService,
  DocumentsResolver,
  ZorgplichtDocumentRequestResolver,
];

/** REST: GET /exports/zorgplicht.csv and GET /documents/:id (bearer token, global AuthGuard). */
export const ZORGPLICHT_CONTROLLERS = [ZorgplichtExportController, CaseDocumentsController];
