import type { Provider } from '@nestjs/common';
import { EmailCodeService } from './email-code.service';
import { FamilyLoginResolver } from './family-login.resolver';
import { FamilySessions } from './family-session';
import { InvitationService } from './invitation.service';
import { LoginMailer } from './login-mailer';
import { PasskeyService } from './passkey.service';

/** Logins for parents/guardians and pupils without a school account (docs/security.md). */
export const FAMILY_LOGIN_PROVIDERS: Provider[] = [LoginMailer, FamilySessions, InvitationService, PasskeyService, EmailCodeService, FamilyLoginResolver];
