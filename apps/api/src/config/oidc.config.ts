/** The OpenID Connect relying party's configuration (see docs/security.md "OpenID Connect"). */
export interface OidcConfig {
  /** The provider's issuer URL (discovery at `<issuer>/.well-known/openid-configuration`). */
  issuerUrl: string;
  clientId: string;
  /** Absent for a public client (PKCE only, token endpoint auth `none`). */
  clientSecret: string | null;
  /** Our callback, registered at the provider: `<API_PUBLIC_URL>/auth/oidc/callback` by default. */
  redirectUrl: string;
  /** Where the admin app receives the token (`#token=…`) or the error (`#error=…`). */
  postLoginRedirectUrl: string;
  /** Where the provider sends the browser after an RP-initiated logout. */
  postLogoutRedirectUrl: string;
  scopes: string[];
  /** The claim whose value is matched (case-insensitively) to `app_user.email`. */
  userClaim: string;
  /**
   * OIDC_USER_MATCH: which column of `app_user` the claim's value is matched to — `email` (case-insensitive, default) or
   * `external_id` (exactly `app_user.source_id`: the person's id in the school's administration, stored by the import).
   */
  userMatch: 'email' | 'external_id';
  /** Lifetime of a pending login (state, nonce, PKCE verifier). */
  loginTtlSeconds: number;
}

/** Reads OIDC_* from the environment; null (OpenID Connect off) unless issuer and client id are set. */
export function oidcConfigFromEnv(env: NodeJS.ProcessEnv, defaults: { appUrl: string; publicApiUrl: string }): OidcConfig | null {
  const issuerUrl = env.OIDC_ISSUER_URL?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  if (!issuerUrl && !clientId) return null;
  if (!issuerUrl || !clientId) throw new Error('OIDC_ISSUER_URL and OIDC_CLIENT_ID must be set together');
  const api = defaults.publicApiUrl.replace(/\/$/, '');
  const app = defaults.appUrl.replace(/\/$/, '');
  const config: OidcConfig = {
    issuerUrl: issuerUrl.replace(/\/$/, ''),
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET?.trim() || null,
    redirectUrl: env.OIDC_REDIRECT_URL?.trim() || `${api}/auth/oidc/callback`,
    postLoginRedirectUrl: env.OIDC_POST_LOGIN_REDIRECT_URL?.trim() || `${app}/login`,
    postLogoutRedirectUrl: env.OIDC_POST_LOGOUT_REDIRECT_URL?.trim() || `${app}/login`,
    scopes: (env.OIDC_SCOPES?.trim() || 'openid email profile').split(/[\s,]+/).filter(Boolean),
    userClaim: env.OIDC_USER_CLAIM?.trim() || 'email',
    userMatch: oidcUserMatch(env.OIDC_USER_MATCH),
    loginTtlSeconds: env.OIDC_LOGIN_TTL_SECONDS?.trim() ? Number(env.OIDC_LOGIN_TTL_SECONDS) : 600,
  };
  if (!config.scopes.includes('openid')) config.scopes.unshift('openid');
  for (const [name, value] of Object.entries({ OIDC_ISSUER_URL: config.issuerUrl, OIDC_REDIRECT_URL: config.redirectUrl, OIDC_POST_LOGIN_REDIRECT_URL: config.postLoginRedirectUrl, OIDC_POST_LOGOUT_REDIRECT_URL: config.postLogoutRedirectUrl })) {
    if (!URL.canParse(value)) throw new Error(`${name} must be an absolute URL`);
  }
  if (!Number.isFinite(config.loginTtlSeconds) || config.loginTtlSeconds < 30 || config.loginTtlSeconds > 3600) {
    throw new Error('OIDC_LOGIN_TTL_SECONDS must be between 30 and 3600');
  }
  return config;
}

function oidcUserMatch(value: string | undefined): 'email' | 'external_id' {
  const v = value?.trim() || 'email';
  if (v !== 'email' && v !== 'external_id') throw new Error('OIDC_USER_MATCH must be email or external_id');
  return v;
}
