import type { Provider } from '@nestjs/common';
import { GuardiansResolver } from './guardians.resolver';
import { GuardiansService } from './guardians.service';

/** Custody (gezag) and guardians' login invitations, for the school. */
export const GUARDIAN_PROVIDERS: Provider[] = [GuardiansService, GuardiansResolver];
