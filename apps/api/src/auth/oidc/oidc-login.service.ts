import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrailRepository, UserEntity } from '@zorgroute/domain';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { AppError } from '../../common/app-error';
import { LoginRateLimiter } from '../../security/login-rate-limiter';
import { AuthService } from '../auth.service';
import { OidcClient } from './oidc-client';
import { OidcLoginError, type OidcErrorCode } from './oidc-errors';
import { OidcHandoffStore, typeormHandoffs } from './oidc-handoff.store';
import { OidcStateStore, typeormLoginRequests } from './oidc-state.store';

export interface CallbackParams {
  state?: string;
  code?: string;
  error?: string;
  /** RFC 9207 `iss` of the authorization response, when the provider sends it. */
  iss?: string;
}

/** Refusals after a real round trip to the provider are written to the audit trail (without personal data). */
const AUDITED_REFUSALS: OidcErrorCode[] = ['OIDC_UNKNOWN_USER', 'OIDC_CLAIM_MISSING', 'OIDC_TOKEN_INVALID'];

/**
 * OpenID Connect login (authorization code flow with PKCE S256, state and nonce): `start` prepares
 * the authorization request, `finish` handles the callback and maps the provider's user to an
 * existing Zorgroute user (never creates one) and returns a one-time hand-off code for the login page; `complete`
 * exchanges that code (with the browser-binding cookie) for a Zorgroute session.
 */
@Injectable()
export class OidcLoginService {
  private readonly logger = new Logger('OidcLogin');
  private readonly store: OidcStateStore;
  private readonly handoffs: OidcHandoffStore;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OidcClient) private readonly client: OidcClient,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(AuditTrailRepository) private readonly audit: AuditTrailRepository,
    @Inject(LoginRateLimiter) private readonly limiter: LoginRateLimiter,
  ) {
    this.store = new OidcStateStore(typeormLoginRequests(dataSource), config.oidc?.loginTtlSeconds ?? 600);
    this.handoffs = new OidcHandoffStore(typeormHandoffs(dataSource));
  }

  get enabled(): boolean {
    return this.config.oidc !== null;
  }

  /** The provider's authorization URL for a new login bound to `binding` (the browser's cookie value). */
  async start(binding: string, ip: string | undefined): Promise<string> {
    if (!this.enabled) throw new OidcLoginError('OIDC_DISABLED');
    this.rateLimit(ip, undefined);
    await this.client.discovery();
    const pending = await this.store.create(binding);
    return this.client.authorizationUrl(pending);
  }

  /**
   * Handles the callback; returns the one-time code that the login page exchanges for the session (see `complete`), or
   * throws OidcLoginError. No session exists yet: a code that never reaches its browser starts none.
   */
  async finish(params: CallbackParams, binding: string | null, ip: string | undefined): Promise<{ code: string; userId: string }> {
    if (!this.enabled) throw new OidcLoginError('OIDC_DISABLED');
    this.rateLimit(ip, undefined);
    // The state is consumed first, also when the provider reports an error: it is single use either way.
    const pending = await this.store.consume(params.state, binding);
    if (params.error) throw new OidcLoginError(params.error === 'access_denied' ? 'OIDC_ACCESS_DENIED' : 'OIDC_PROVIDER_ERROR', `provider error ${params.error.slice(0, 100)}`);
    if (!params.code) throw new OidcLoginError('OIDC_PROVIDER_ERROR', 'callback without code');
    if (params.iss !== undefined && params.iss !== (await this.client.discovery()).discovery.issuer) {
      throw new OidcLoginError('OIDC_PROVIDER_ERROR', 'authorization response from another issuer (RFC 9207)');
    }
    try {
      const tokens = await this.client.exchangeCode(params.code, pending.codeVerifier);
      const idClaims = await this.client.verifyIdToken(tokens.idToken, pending.nonce);
      const sub = idClaims.sub as string;
      const claims: Record<string, unknown> = { ...idClaims };
      const claimName = this.config.oidc?.userClaim ?? 'email';
      if (claims[claimName] === undefined && tokens.accessToken) Object.assign(claims, await this.client.userinfo(tokens.accessToken, sub), idClaims);
      const value = claims[claimName];
      if (typeof value !== 'string' || !value.trim() || value.length > 320) throw new OidcLoginError('OIDC_CLAIM_MISSING', `claim ${claimName} missing`);
      if (claimName === 'email' && claims.email_verified === false) throw new OidcLoginError('OIDC_CLAIM_MISSING', 'email not verified');
      this.rateLimit(undefined, value);
      // Matched on the e-mail address, or on the id the school's administration gave the person (stored at import).
      const byExternalId = this.config.oidc?.userMatch === 'external_id';
      const user = await this.dataSource
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .where(byExternalId ? 'u.source_id = :value' : 'LOWER(u.email) = LOWER(:value)', { value: value.trim() })
        .getOne();
      // A deactivated account (an admin, or a leaver of an import) is refused like an unknown one.
      if (!user || !user.active) throw new OidcLoginError('OIDC_UNKNOWN_USER');
      // `consume` refused a callback without the binding cookie, so `binding` is set here.
      const code = await this.handoffs.create(binding as string, user.id, tokens.idToken);
      return { code, userId: user.id };
    } catch (err) {
      if (err instanceof OidcLoginError && AUDITED_REFUSALS.includes(err.code)) await this.auditRefusal(err.code);
      throw err;
    }
  }

  /**
   * The login page's exchange of the one-time code: valid once, within a minute, and only in the browser that started
   * the login (its binding cookie). Starts the Zorgroute session and returns its access token and user.
   */
  async complete(code: string | undefined, binding: string | null, ip: string | undefined): Promise<{ token: string; user: UserEntity }> {
    if (!this.enabled) throw new OidcLoginError('OIDC_DISABLED');
    this.rateLimit(ip, undefined);
    const handoff = await this.handoffs.consume(code, binding);
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: handoff.userId });
    if (!user || !user.active) throw new OidcLoginError('OIDC_UNKNOWN_USER');
    const { token, sessionId } = await this.auth.startSession(user, 'OIDC', handoff.idToken);
    await this.audit.append({
      eventKey: `auth:oidc-login:${sessionId}`,
      caseId: null,
      at: new Date().toISOString(),
      actorId: user.id,
      actorName: user.role,
      action: 'AUTH_OIDC_LOGIN',
      description: 'Ingelogd met schoolaccount (OpenID Connect)',
      details: { operation: 'oidcLogin', sessionId },
      reason: null,
    });
    return { token, user };
  }

  private rateLimit(ip: string | undefined, email: string | undefined): void {
    try {
      this.limiter.hit(ip, email);
    } catch (err) {
      if (err instanceof AppError) throw new OidcLoginError('RATE_LIMITED');
      throw err;
    }
  }

  private async auditRefusal(code: OidcErrorCode): Promise<void> {
    try {
      await this.audit.append({
        eventKey: `auth:oidc-refused:${randomUUID()}`,
        caseId: null,
        at: new Date().toISOString(),
        actorId: null,
        actorName: null,
        action: 'AUTH_OIDC_LOGIN_REFUSED',
        description: 'Inloggen met schoolaccount geweigerd',
        details: { operation: 'oidcLogin', code },
        reason: null,
      });
    } catch (err) {
      this.logger.warn(`audit of a refused login failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
