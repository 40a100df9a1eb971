import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, LessThan } from 'typeorm';
import { SignJWT, jwtVerify } from 'jose';
import { UserEntity, UserSessionEntity, type UserSessionMethod } from '@zorgroute/domain';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { AppError } from '../common/app-error';
import type { AuthUser } from './auth-user';

const ISSUER = 'zorgroute';

/**
 * Issues and checks short-lived access tokens (HS256 JWT). Every token belongs to a row in
 * `user_session` (claim `sid`, plus a unique `jti`): the token is accepted only while that session
 * is active, so logout revokes it at once. Sessions expire with their token (AUTH_TOKEN_TTL_SECONDS).
 */
@Injectable()
export class AuthService {
  private readonly key: Uint8Array;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {
    this.key = new TextEncoder().encode(config.authSecret);
  }

  /** Starts a session for the user and returns its access token. */
  async startSession(user: UserEntity, method: UserSessionMethod, idToken: string | null = null): Promise<{ token: string; sessionId: string }> {
    const repo = this.dataSource.getRepository(UserSessionEntity);
    const now = new Date();
    const session = Object.assign(new UserSessionEntity(), {
      id: randomUUID(),
      userId: user.id,
      method,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.tokenTtlSeconds * 1000),
      endedAt: null,
      idToken,
    });
    // Housekeeping at every login: expired sessions of anyone are of no use any more (login and logout are in the
    // audit trail), and an OpenID Connect session's ID token should not outlive it.
    await repo.delete({ expiresAt: LessThan(now) });
    await repo.insert(session);
    // The account has a login now: a consent request to a parent or pupil no longer carries an invitation.
    await this.dataSource.query(`UPDATE app_user SET login_activated_at = $2 WHERE id = $1 AND login_activated_at IS NULL`, [user.id, now]);
    const token = await new SignJWT({ role: user.role, sid: session.id })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer(ISSUER)
      .setJti(randomUUID())
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(session.expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, sessionId: session.id };
  }

  /** Ends the session (logout); returns how it was started and the provider's ID token, if any. */
  async endSession(sessionId: string): Promise<{ method: UserSessionMethod; idToken: string | null } | null> {
    return this.dataSource.transaction(async (m) => {
      const session = await m.getRepository(UserSessionEntity).findOne({ where: { id: sessionId, endedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
      if (!session) return null;
      await m.getRepository(UserSessionEntity).update({ id: sessionId }, { endedAt: new Date(), idToken: null });
      return { method: session.method, idToken: session.idToken };
    });
  }

  /** Verifies the token, checks its session is active and loads the current user record (so role changes apply at once). */
  async authenticate(token: string): Promise<AuthUser> {
    let sub: string | undefined;
    let sid: unknown;
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      sub = payload.sub;
      sid = payload.sid;
    } catch {
      throw new AppError('UNAUTHENTICATED', 'Uw sessie is verlopen of ongeldig; log opnieuw in', 'Your session has expired or is invalid; log in again');
    }
    const session = typeof sid === 'string' && /^[0-9a-f-]{36}$/i.test(sid) ? await this.dataSource.getRepository(UserSessionEntity).findOneBy({ id: sid }) : null;
    if (!session || session.userId !== sub || session.endedAt || session.expiresAt.getTime() <= Date.now()) {
      throw new AppError('UNAUTHENTICATED', 'Uw sessie is beëindigd of verlopen; log opnieuw in', 'Your session has ended or expired; log in again');
    }
    // A development-login session dies with the development login: switching AUTH_DEV_LOGIN off ends them all.
    if (session.method === 'DEV' && !this.config.devLoginEnabled) {
      throw new AppError('UNAUTHENTICATED', 'De ontwikkel-login staat uit; log opnieuw in', 'Development login is disabled; log in again');
    }
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: session.userId });
    if (!user) throw new AppError('UNAUTHENTICATED', 'Onbekende gebruiker; log opnieuw in', 'Unknown user; log in again');
    // Deactivation also ends the sessions (AccountService), but the account itself is checked on every request too.
    if (!user.active) throw new AppError('UNAUTHENTICATED', 'Dit account is gedeactiveerd', 'This account has been deactivated');
    return { ...toAuthUser(user), sessionId: session.id };
  }

  async devLogin(email: string): Promise<{ token: string; user: UserEntity }> {
    if (!this.config.devLoginEnabled) {
      throw new AppError('FORBIDDEN', 'Ontwikkel-login staat uit', 'Development login is disabled');
    }
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email: email.trim().toLowerCase() });
    if (!user || !user.active) throw new AppError('UNAUTHENTICATED', 'Onbekend e-mailadres', 'Unknown e-mail address');
    const { token } = await this.startSession(user, 'DEV');
    return { token, user };
  }
}

export function toAuthUser(u: UserEntity): AuthUser {
  return { id: u.id, name: u.name, email: u.email, role: u.role, schoolId: u.schoolId, swvId: u.swvId, pupilId: u.pupilId };
}
