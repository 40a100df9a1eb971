import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import type { OidcConfig } from '../../config/oidc.config';
import { OidcLoginError } from './oidc-errors';
import { pkceChallengeS256 } from './oidc-crypto';

/** The parts of the provider's discovery document the relying party uses. */
export interface OidcDiscovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint?: string;
  end_session_endpoint?: string;
  code_challenge_methods_supported?: string[];
}

export interface TokenResponse {
  idToken: string;
  accessToken: string | null;
}

const DISCOVERY_TTL_MS = 60 * 60 * 1000;
const FETCH_TIMEOUT_MS = 10_000;

/**
 * The OpenID Connect relying party's calls to the provider, with `fetch` and jose only: discovery
 * (cached for an hour, the JWKS with it; jose refetches the key set when an unknown `kid` arrives),
 * the authorization URL, the code exchange, ID-token verification and the userinfo call.
 */
@Injectable()
export class OidcClient {
  private cached: { at: number; discovery: OidcDiscovery; keys: JWTVerifyGetKey } | null = null;
  private pending: Promise<{ discovery: OidcDiscovery; keys: JWTVerifyGetKey }> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly appConfig: AppConfig) {}

  get config(): OidcConfig {
    if (!this.appConfig.oidc) throw new OidcLoginError('OIDC_DISABLED');
    return this.appConfig.oidc;
  }

  async discovery(): Promise<{ discovery: OidcDiscovery; keys: JWTVerifyGetKey }> {
    if (this.cached && Date.now() - this.cached.at < DISCOVERY_TTL_MS) return this.cached;
    this.pending ??= this.loadDiscovery().finally(() => (this.pending = null));
    return this.pending;
  }

  private async loadDiscovery(): Promise<{ discovery: OidcDiscovery; keys: JWTVerifyGetKey }> {
    const url = `${this.config.issuerUrl}/.well-known/openid-configuration`;
    const doc = await fetchJson<Partial<OidcDiscovery>>(url, { headers: { accept: 'application/json' } });
    const discovery = validateDiscovery(doc, this.config.issuerUrl);
    const keys = createRemoteJWKSet(new URL(discovery.jwks_uri), { timeoutDuration: FETCH_TIMEOUT_MS });
    this.cached = { at: Date.now(), discovery, keys };
    return this.cached;
  }

  async authorizationUrl(params: { state: string; nonce: string; codeVerifier: string }): Promise<string> {
    const { discovery } = await this.discovery();
    const url = new URL(discovery.authorization_endpoint);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', this.config.clientId);
    url.searchParams.set('redirect_uri', this.config.redirectUrl);
    url.searchParams.set('scope', this.config.scopes.join(' '));
    url.searchParams.set('state', params.state);
    url.searchParams.set('nonce', params.nonce);
    url.searchParams.set('code_challenge', pkceChallengeS256(params.codeVerifier));
    url.searchParams.set('code_challenge_method', 'S256');
    return url.toString();
  }

  async exchangeCode(code: string, codeVerifier: string): Promise<TokenResponse> {
    const { discovery } = await this.discovery();
    const body = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: this.config.redirectUrl, code_verifier: codeVerifier });
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    if (this.config.clientSecret) {
      // client_secret_basic: both parts form-urlencoded first (RFC 6749 §2.3.1).
      const user = encodeURIComponent(this.config.clientId);
      const pass = encodeURIComponent(this.config.clientSecret);
      headers.authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
    } else {
      body.set('client_id', this.config.clientId);
    }
    const json = await fetchJson<{ id_token?: unknown; access_token?: unknown }>(discovery.token_endpoint, { method: 'POST', headers, body });
    if (typeof json.id_token !== 'string') throw new OidcLoginError('OIDC_PROVIDER_ERROR', 'token response without id_token');
    return { idToken: json.id_token, accessToken: typeof json.access_token === 'string' ? json.access_token : null };
  }

  async verifyIdToken(idToken: string, nonce: string): Promise<JWTPayload> {
    const { discovery, keys } = await this.discovery();
    return verifyIdToken(idToken, keys, { issuer: discovery.issuer, clientId: this.config.clientId, nonce });
  }

  /** The userinfo claims (for a claim the ID token does not carry); `sub` must match the ID token's. */
  async userinfo(accessToken: string, sub: string): Promise<Record<string, unknown>> {
    const { discovery } = await this.discovery();
    if (!discovery.userinfo_endpoint) return {};
    const claims = await fetchJson<Record<string, unknown>>(discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } });
    if (claims.sub !== sub) throw new OidcLoginError('OIDC_TOKEN_INVALID', 'userinfo sub differs from the ID token');
    return claims;
  }

  /** The provider's RP-initiated logout URL, or null when it has no end_session_endpoint. */
  async endSessionUrl(idToken: string | null): Promise<string | null> {
    const { discovery } = await this.discovery();
    if (!discovery.end_session_endpoint) return null;
    const url = new URL(discovery.end_session_endpoint);
    if (idToken) url.searchParams.set('id_token_hint', idToken);
    url.searchParams.set('client_id', this.config.clientId);
    url.searchParams.set('post_logout_redirect_uri', this.config.postLogoutRedirectUrl);
    return url.toString();
  }
}

/** Checks the discovery document: required endpoints present and its issuer equal to the configured one. */
export function validateDiscovery(doc: Partial<OidcDiscovery>, expectedIssuer: string): OidcDiscovery {
  const strip = (s: string) => s.replace(/\/$/, '');
  if (typeof doc.issuer !== 'string' || strip(doc.issuer) !== strip(expectedIssuer)) {
    throw new OidcLoginError('OIDC_PROVIDER_ERROR', 'discovery issuer does not match OIDC_ISSUER_URL');
  }
  for (const key of ['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const) {
    if (typeof doc[key] !== 'string' || !URL.canParse(doc[key])) throw new OidcLoginError('OIDC_PROVIDER_ERROR', `discovery without ${key}`);
  }
  if (doc.code_challenge_methods_supported && !doc.code_challenge_methods_supported.includes('S256')) {
    throw new OidcLoginError('OIDC_PROVIDER_ERROR', 'provider does not support PKCE S256');
  }
  return doc as OidcDiscovery;
}

/**
 * Verifies an ID token (OpenID Connect Core §3.1.3.7): signature against the provider's keys
 * (asymmetric algorithms only), issuer, audience (with `azp` when there are several audiences),
 * expiry and issued-at (60 s clock tolerance), the nonce of this login, and a subject.
 */
export async function verifyIdToken(idToken: string, keys: JWTVerifyGetKey, expected: { issuer: string; clientId: string; nonce: string }): Promise<JWTPayload> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, keys, {
      issuer: expected.issuer,
      audience: expected.clientId,
      algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'],
      clockTolerance: 60,
      requiredClaims: ['sub', 'exp', 'iat', 'nonce'],
    }));
  } catch (err) {
    throw new OidcLoginError('OIDC_TOKEN_INVALID', err instanceof Error ? err.message : String(err));
  }
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== expected.clientId) {
    throw new OidcLoginError('OIDC_TOKEN_INVALID', 'azp does not match the client id');
  }
  if (payload.nonce !== expected.nonce) throw new OidcLoginError('OIDC_TOKEN_INVALID', 'nonce mismatch');
  return payload;
}

async function fetchJson<T>(url: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (err) {
    throw new OidcLoginError('OIDC_PROVIDER_ERROR', `${url}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    throw new OidcLoginError('OIDC_PROVIDER_ERROR', `${url}: HTTP ${res.status} ${text.slice(0, 200)}`);
  }
  try {
    return (await res.json()) as T;
  } catch {
    throw new OidcLoginError('OIDC_PROVIDER_ERROR', `${url}: not JSON`);
  }
}
