import { Module } from '@nestjs/common';
import { CaseConsentsResolver, ConsentsResolver } from './consents.resolver';
import { ConsentsService } from './consents.service';
import { ConsentStepRunner, DecideConsentTimeoutUseCase, GiveConsentUseCase, RecordPaperConsentUseCase, WithdrawConsentUseCase } from './usecases/consent.usecases';
import { ConsentTimeoutCompleter } from './consent-timeout.completer';

/**
 * Consent (rule 2), shared by every process. ConsentTimeoutCompleter adds the consent deadline to a step's input for
 * CaseStepService (CasesModule).
 */
@Module({
  providers: [ConsentsService, ConsentsResolver, CaseConsentsResolver, ConsentStepRunner, GiveConsentUseCase, RecordPaperConsentUseCase, WithdrawConsentUseCase, DecideConsentTimeoutUseCase, ConsentTimeoutCompleter],
  exports: [ConsentsService, ConsentTimeoutCompleter],
})
export class ConsentsModule {}
