import { CaseConsentsResolver, ConsentsResolver } from './consents.resolver';
import { ConsentsService } from './consents.service';
import { ConsentStepRunner, DecideConsentTimeoutUseCase, GiveConsentUseCase, RecordPaperConsentUseCase, WithdrawConsentUseCase } from './usecases/consent.usecases';

/** Consent (rule 2), shared by every process. */
export const CONSENT_PROVIDERS = [ConsentsService, ConsentsResolver, CaseConsentsResolver, ConsentStepRunner, GiveConsentUseCase, RecordPaperConsentUseCase, WithdrawConsentUseCase, DecideConsentTimeoutUseCase];
