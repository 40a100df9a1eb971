import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, LessThan, type EntityManager } from 'typeorm';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { decodeClientDataJSON } from '@simplewebauthn/server/helpers';
import { returnedRows, sha256Hex, UserEntity, WebauthnChallengeEntity, WebauthnCredentialEntity, type WebauthnChallengePurpose } from '@zorgroute/domain';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { AppError } from '../../common/app-error';
import { LoginRateLimiter } from '../../security/login-rate-limiter';
import { FAMILY_ROLES, FamilySessions, type FamilyRefusal } from './family-session';
import { InvitationService } from './invitation.service';
import { safeReturnPath } from './return-path';

/** How long a browser has for a passkey prompt (the WebAuthn timeout, and the challenge's lifetime). */
const CEREMONY_MS = 5 * 60_000;

const passkeyRefused = (): AppError =>
  new AppError('LOGIN_REFUSED', 'Inloggen met deze passkey is niet gelukt. Probeer het opnieuw of log in met een code per e-mail.', 'Logging in with this passkey failed. Try again or log in with an e-mail code.');

const badResponse = (): AppError => new AppError('BAD_USER_INPUT', 'Het antwoord van de passkey is onleesbaar', 'The passkey response cannot be read');

/**
 * Passkeys (WebAuthn, with @simplewebauthn/server): registered through an invitation, then used to log in without a
 * user name (discoverable credentials: the browser offers the passkeys it has for this site, so the login page asks for
 * nothing and reveals nothing). Challenges are single use (stored by hash, taken with `DELETE … RETURNING`) and expire.
 * The relying party: WEBAUTHN_RP_ID and WEBAUTHN_ORIGINS (docs/security.md).
 */
@Injectable()
export class PasskeyService {
  private readonly logger = new Logger('PasskeyLogin');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(InvitationService) private readonly invitations: InvitationService,
    @Inject(FamilySessions) private readonly sessions: FamilySessions,
    @Inject(LoginRateLimiter) private readonly limiter: LoginRateLimiter,
  ) {}

  /** The options for `navigator.credentials.create` (as JSON for @simplewebauthn/browser), for a valid invitation. */
  async registrationOptions(token: string, ip: string | undefined): Promise<string> {
    this.limiter.hit(ip, undefined);
    const { status, invitation } = await this.invitations.invitations.find(token);
    if (status !== 'VALID' || !invitation) throw await this.invitations.whyNot(token);
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: invitation.userId });
    const existing = await this.dataSource.getRepository(WebauthnCredentialEntity).findBy({ userId: user.id });
    const rp = this.config.familyLogin;
    const options = await generateRegistrationOptions({
      rpName: rp.rpName,
      rpID: rp.rpId,
      userName: user.email,
      userDisplayName: user.name,
      userID: uuidBytes(user.id),
      timeout: CEREMONY_MS,
      attestationType: 'none',
      excludeCredentials: existing.map((c) => ({ id: c.id, transports: c.transports as AuthenticatorTransportFuture[] })),
      // Discoverable ("resident") credentials: the later login asks for no e-mail address.
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    });
    await this.storeChallenge(options.challenge, 'REGISTER', invitation.id);
    return JSON.stringify(options);
  }

  /** Verifies the new passkey, uses the invitation, switches the login on and starts the session. */
  async register(token: string, responseJson: string, ip: string | undefined): Promise<{ token: string; user: UserEntity; returnPath: string | null }> {
    this.limiter.hit(ip, undefined);
    const response = parse<RegistrationResponseJSON>(responseJson);
    const challenge = challengeOf(response);
    const { status, invitation } = await this.invitations.invitations.find(token);
    if (status !== 'VALID' || !invitation) throw await this.invitations.whyNot(token);
    const stored = await this.takeChallenge(challenge, 'REGISTER');
    if (!stored || stored.invitationId !== invitation.id) throw passkeyRefused();
    let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
    try {
      verification = await verifyRegistrationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: this.config.familyLogin.origins,
        expectedRPID: this.config.familyLogin.rpId,
        requireUserVerification: false,
      });
    } catch (err) {
      this.logger.warn(`passkey registration refused: ${err instanceof Error ? err.message : 'error'}`);
      throw passkeyRefused();
    }
    if (!verification.verified || !verification.registrationInfo) throw passkeyRefused();
    const info = verification.registrationInfo;
    const result = await this.dataSource.transaction(async (m) => {
      const taken = await this.invitations.invitations.take(token, m);
      if (!taken) return null;
      const user = await m.getRepository(UserEntity).findOneByOrFail({ id: taken.userId });
      await m.getRepository(WebauthnCredentialEntity).insert({
        id: info.credential.id,
        userId: user.id,
        publicKey: Buffer.from(info.credential.publicKey),
        counter: String(info.credential.counter),
        transports: info.credential.transports ?? [],
        deviceType: info.credentialDeviceType,
        backedUp: info.credentialBackedUp,
        createdAt: new Date(),
        lastUsedAt: new Date(),
      });
      await this.sessions.activate(user.id, m);
      return { invitation: taken, user };
    });
    if (!result) throw await this.invitations.whyNot(token);
    const session = await this.sessions.start(result.user, 'INVITATION', { invitationId: result.invitation.id, passkey: true });
    return { token: session.token, user: result.user, returnPath: safeReturnPath(result.invitation.returnPath) };
  }

  /** The options for `navigator.credentials.get`: no user name, no list of credentials (nothing to enumerate). */
  async loginOptions(ip: string | undefined): Promise<string> {
    this.limiter.hit(ip, undefined);
    const options = await generateAuthenticationOptions({ rpID: this.config.familyLogin.rpId, timeout: CEREMONY_MS, userVerification: 'preferred', allowCredentials: [] });
    await this.storeChallenge(options.challenge, 'LOGIN', null);
    return JSON.stringify(options);
  }

  async login(responseJson: string, ip: string | undefined): Promise<{ token: string; user: UserEntity }> {
    this.limiter.hit(ip, undefined);
    const response = parse<AuthenticationResponseJSON>(responseJson);
    const challenge = challengeOf(response);
    if (!(await this.takeChallenge(challenge, 'LOGIN'))) return this.refuse('CHALLENGE_INVALID', null);
    const credential = typeof response.id === 'string' && response.id.length <= 512 ? await this.dataSource.getRepository(WebauthnCredentialEntity).findOneBy({ id: response.id }) : null;
    if (!credential) return this.refuse('UNKNOWN_CREDENTIAL', null);
    let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
    try {
      verification = await verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: this.config.familyLogin.origins,
        expectedRPID: this.config.familyLogin.rpId,
        credential: { id: credential.id, publicKey: new Uint8Array(credential.publicKey), counter: Number(credential.counter), transports: credential.transports as AuthenticatorTransportFuture[] },
        requireUserVerification: false,
      });
    } catch (err) {
      this.logger.warn(`passkey login refused: ${err instanceof Error ? err.message : 'error'}`);
      return this.refuse('PASSKEY_INVALID', credential.userId);
    }
    if (!verification.verified) return this.refuse('PASSKEY_INVALID', credential.userId);
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: credential.userId });
    if (!user || !FAMILY_ROLES.includes(user.role)) return this.refuse('NOT_A_FAMILY_ACCOUNT', credential.userId);
    await this.dataSource.getRepository(WebauthnCredentialEntity).update({ id: credential.id }, { counter: String(verification.authenticationInfo.newCounter), lastUsedAt: new Date() });
    const { token } = await this.sessions.start(user, 'PASSKEY', { credential: sha256Hex(credential.id).slice(0, 16) });
    return { token, user };
  }

  private async storeChallenge(challenge: string, purpose: WebauthnChallengePurpose, invitationId: string | null, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const now = new Date();
    const repo = manager.getRepository(WebauthnChallengeEntity);
    await repo.delete({ expiresAt: LessThan(now) });
    await repo.insert({ challengeHash: sha256Hex(challenge), purpose, invitationId, createdAt: now, expiresAt: new Date(now.getTime() + CEREMONY_MS) });
  }

  /** Takes the challenge (single use); null when unknown, used, expired or for another ceremony. */
  private async takeChallenge(challenge: string, purpose: WebauthnChallengePurpose): Promise<WebauthnChallengeEntity | null> {
    const rows = returnedRows(await this.dataSource.query(`DELETE FROM webauthn_challenge WHERE challenge_hash = $1 RETURNING *`, [sha256Hex(challenge)]));
    const raw = rows[0];
    if (!raw || raw.purpose !== purpose || new Date(raw.expires_at as string).getTime() <= Date.now()) return null;
    return Object.assign(new WebauthnChallengeEntity(), { challengeHash: String(raw.challenge_hash), purpose, invitationId: (raw.invitation_id as string | null) ?? null });
  }

  private async refuse(code: FamilyRefusal, userId: string | null): Promise<never> {
    await this.sessions.refused('PASSKEY', code, userId);
    throw passkeyRefused();
  }
}

function parse<T>(json: string): T {
  try {
    const value = JSON.parse(json) as unknown;
    if (!value || typeof value !== 'object') throw new Error('not an object');
    return value as T;
  } catch {
    throw badResponse();
  }
}

/** The challenge the browser signed, from the response's clientDataJSON. */
function challengeOf(response: { response?: { clientDataJSON?: unknown } }): string {
  try {
    const data = response.response?.clientDataJSON;
    if (typeof data !== 'string') throw new Error('no clientDataJSON');
    const challenge = decodeClientDataJSON(data).challenge;
    if (typeof challenge !== 'string' || !challenge) throw new Error('no challenge');
    return challenge;
  } catch {
    throw badResponse();
  }
}

/** The WebAuthn user handle: the user id's 16 bytes (no personal data). */
function uuidBytes(id: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(id.replace(/-/g, ''), 'hex'));
}

export const PASSKEY_CEREMONY_MS = CEREMONY_MS;
