import { Module } from '@nestjs/common';
import { OppPdfController } from './opp-pdf.controller';
import { OppResolver } from './opp.resolver';
import { ExportOppPdfUseCase } from './usecases/export-opp-pdf.usecase';
import { StartOppUseCase } from './usecases/start-opp.usecase';
import { SecurityModule } from '../security/security.module';

/**
 * P7 OPP: start, resolvers and `GET /exports/opp/<caseId>.pdf`; its steps run through CaseStepService (`takeStep`).
 */
@Module({
  imports: [SecurityModule],
  controllers: [OppPdfController],
  providers: [OppResolver, StartOppUseCase, ExportOppPdfUseCase],
})
export class OppModule {}
