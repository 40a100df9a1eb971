import { Module } from '@nestjs/common';
import { GuardiansResolver } from './guardians.resolver';
import { GuardiansService } from './guardians.service';
import { AuthModule } from '../auth/auth.module';

/**
 * Custody (gezag) and guardians' login invitations, for the school.
 */
@Module({
  imports: [AuthModule],
  providers: [GuardiansService, GuardiansResolver],
})
export class GuardiansModule {}
