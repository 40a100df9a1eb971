import type { Provider } from '@nestjs/common';
import { OidcClient } from './oidc-client';
import { OidcController } from './oidc.controller';
import { OidcLoginService } from './oidc-login.service';

/** OpenID Connect login (see docs/security.md). */
export const OIDC_PROVIDERS: Provider[] = [OidcClient, OidcLoginService];
export const OIDC_CONTROLLERS = [OidcController];
