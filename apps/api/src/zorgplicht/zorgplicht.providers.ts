import { CaseDocumentsController } from '../documents/case-documents.controller';
import { CaseDocumentsService } from '../documents/case-documents.service';
import { DocumentsResolver } from '../documents/documents.resolver';
import { RegisterAanmeldingUseCase } from './usecases/register-aanmelding.usecase';
import { ExtendZorgplichtTermUseCase, RecordZorgplichtDecisionUseCase, RecordZorgplichtInvestigationUseCase, ZorgplichtStepRunner } from './usecases/zorgplicht-step.usecase';
import { ZorgplichtClocksService } from './zorgplicht-clocks.service';
import { ZorgplichtExportController } from './zorgplicht-export.controller';
import { ZorgplichtResolver } from './zorgplicht.resolver';
import { ZorgplichtStarter } from './zorgplicht-starter';

/** P4 aanmelding and zorgplicht: resolver, use cases, the SWV view, and case documents (letters). */
export const ZORGPLICHT_PROVIDERS = [
  ZorgplichtResolver,
  ZorgplichtStarter,
  RegisterAanmeldingUseCase,
  ZorgplichtStepRunner,
  RecordZorgplichtInvestigationUseCase,
  ExtendZorgplichtTermUseCase,
  RecordZorgplichtDecisionUseCase,
  ZorgplichtClocksService,
  CaseDocumentsService,
  DocumentsResolver,
];

/** REST: GET /exports/zorgplicht.csv and GET /documents/:id (bearer token, global AuthGuard). */
export const ZORGPLICHT_CONTROLLERS = [ZorgplichtExportController, CaseDocumentsController];
