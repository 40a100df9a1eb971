import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SignJWT, jwtVerify } from 'jose';
import { UserEntity } from '@zorgroute/domain';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { AppError } from '../common/app-error';
import type { AuthUser } from './auth-user';

const ISSUER = 'zorgroute';

/** Issues and checks short-lived access tokens (HS256 JWT). OpenID Connect login comes on top of this. */
@Injectable()
export class AuthService {
  private readonly key: Uint8Array;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {
    this.key = new TextEncoder().encode(config.authSecret);
  }

  async issueToken(user: UserEntity): Promise<string> {
    return new SignJWT({ role: user.role })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.config.tokenTtlSeconds}s`)
      .sign(this.key);
  }

  /** Verifies the token and loads the current user record (so role changes apply at once). */
  async authenticate(token: string): Promise<AuthUser> {
    let sub: string | undefined;
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      sub = payload.sub;
    } catch {
      throw new AppError('UNAUTHENTICATED', 'Uw sessie is verlopen of ongeldig; log opnieuw in', 'Your session has expired or is invalid; log in again');
    }
    const user = sub ? await this.dataSource.getRepository(UserEntity).findOneBy({ id: sub }) : null;
    if (!user) throw new AppError('UNAUTHENTICATED', 'Onbekende gebruiker; log opnieuw in', 'Unknown user; log in again');
    return toAuthUser(user);
  }

  async devLogin(email: string): Promise<{ token: string; user: UserEntity }> {
    if (!this.config.devLoginEnabled) {
      throw new AppError('FORBIDDEN', 'Ontwikkel-login staat uit', 'Development login is disabled');
    }
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email: email.trim().toLowerCase() });
    if (!user) throw new AppError('UNAUTHENTICATED', 'Onbekend e-mailadres', 'Unknown e-mail address');
    return { token: await this.issueToken(user), user };
  }
}

export function toAuthUser(u: UserEntity): AuthUser {
  return { id: u.id, name: u.name, email: u.email, role: u.role, schoolId: u.schoolId, swvId: u.swvId, pupilId: u.pupilId };
}
