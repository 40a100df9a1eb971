import { OppPdfController } from './opp-pdf.controller';
import { OppResolver } from './opp.resolver';
import { ExportOppPdfUseCase } from './usecases/export-opp-pdf.usecase';
import { StartOppUseCase } from './usecases/start-opp.usecase';

/** Nest providers of P7 OPP (registered in AppModule); its steps run through CaseStepService (`takeStep`). */
export const OPP_PROVIDERS = [OppResolver, StartOppUseCase, ExportOppPdfUseCase];
/** `GET /exports/opp/<caseId>.pdf`: an OPP version as a PDF. */
export const OPP_CONTROLLERS = [OppPdfController];
