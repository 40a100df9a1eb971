import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { EmailCodeService } from './family/email-code.service';
import { FamilyLoginResolver } from './family/family-login.resolver';
import { FamilySessions } from './family/family-session';
import { InvitationService } from './family/invitation.service';
import { LoginMailer } from './family/login-mailer';
import { PasskeyService } from './family/passkey.service';
import { OidcClient } from './oidc/oidc-client';
import { OidcController } from './oidc/oidc.controller';
import { OidcLoginService } from './oidc/oidc-login.service';
import { SecurityModule } from '../security/security.module';

/**
 * Who the caller is: sessions, the global AuthGuard, OpenID Connect login (auth/oidc) and the logins of parents and
 * pupils without a school account (auth/family); see docs/security.md.
 */
@Module({
  imports: [SecurityModule],
  controllers: [OidcController],
  providers: [AuthService, AuthResolver, { provide: APP_GUARD, useClass: AuthGuard }, OidcClient, OidcLoginService, LoginMailer, FamilySessions, InvitationService, PasskeyService, EmailCodeService, FamilyLoginResolver],
  exports: [AuthService, InvitationService],
})
export class AuthModule {}
