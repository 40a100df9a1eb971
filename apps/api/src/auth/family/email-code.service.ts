import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EmailLoginCodeEntity, PupilEntity, returnedRows, PupilGuardianEntity, SchoolEntity, type UserEntity } from '@zorgroute/domain';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { AppError } from '../../common/app-error';
import { LoginRateLimiter } from '../../security/login-rate-limiter';
import { FamilySessions, type FamilyRefusal } from './family-session';
import { LoginMailer } from './login-mailer';

/** The one answer to every refused code: wrong, expired, used, too many attempts, or an address without a login. */
export const codeRefused = (): AppError =>
  new AppError('LOGIN_REFUSED', 'Deze code klopt niet of is verlopen. Vraag zo nodig een nieuwe code aan.', 'This code is wrong or has expired. Ask for a new code if needed.');

/**
 * The e-mail one-time code login of parents/guardians and pupils whose login is activated (an accepted invitation):
 * eight random digits, valid for EMAIL_LOGIN_CODE_TTL_MINUTES and five attempts, one open code per person (a new
 * request replaces it), stored as an HMAC (AUTH_SECRET) so a database reader cannot try codes offline. Asking for a code
 * answers the same whether the address is known or not, and the e-mail goes out after the answer.
 */
@Injectable()
export class EmailCodeService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(LoginMailer) private readonly mailer: LoginMailer,
    @Inject(FamilySessions) private readonly sessions: FamilySessions,
    @Inject(LoginRateLimiter) private readonly limiter: LoginRateLimiter,
  ) {}

  async request(email: string, ip: string | undefined): Promise<void> {
    this.limiter.hit(ip, email);
    const user = await this.sessions.familyUserByEmail(email);
    if (!user?.loginActivatedAt) return;
    const now = new Date();
    const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
    await this.dataSource.getRepository(EmailLoginCodeEntity).upsert(
      { userId: user.id, codeHash: this.hash(user.id, code), attempts: 0, createdAt: now, expiresAt: new Date(now.getTime() + this.config.familyLogin.codeTtlMinutes * 60_000) },
      ['userId'],
    );
    this.mailer.sendCodeInBackground(`login-code:${user.id}:${now.getTime()}`, user, code, await this.schoolName(user));
  }

  async verify(email: string, code: string, ip: string | undefined): Promise<{ token: string; user: UserEntity }> {
    this.limiter.hit(ip, email);
    const user = await this.sessions.familyUserByEmail(email);
    if (!user?.loginActivatedAt) return this.refuse('UNKNOWN_ADDRESS', null);
    // Count the attempt first (atomically), then compare: parallel guesses cannot get more than the allowed attempts.
    const rows = returnedRows(
      await this.dataSource.query(`UPDATE email_login_code SET attempts = attempts + 1 WHERE user_id = $1 RETURNING code_hash, attempts, expires_at`, [user.id]),
    ) as { code_hash: string; attempts: number; expires_at: Date }[];
    const row = rows[0];
    if (!row) return this.refuse('NO_CODE', user.id);
    if (new Date(row.expires_at).getTime() <= Date.now()) {
      await this.burn(user.id);
      return this.refuse('CODE_EXPIRED', user.id);
    }
    if (row.attempts > this.config.familyLogin.codeMaxAttempts) {
      await this.burn(user.id);
      return this.refuse('TOO_MANY_ATTEMPTS', user.id);
    }
    const digits = typeof code === 'string' ? code.replace(/\s+/g, '') : '';
    const expected = Buffer.from(row.code_hash, 'hex');
    const given = Buffer.from(this.hash(user.id, digits), 'hex');
    if (!/^\d{8}$/.test(digits) || !timingSafeEqual(expected, given)) {
      if (row.attempts >= this.config.familyLogin.codeMaxAttempts) await this.burn(user.id);
      return this.refuse('WRONG_CODE', user.id);
    }
    // Single use: only the request that deletes the row logs in.
    const deleted = returnedRows(await this.dataSource.query(`DELETE FROM email_login_code WHERE user_id = $1 AND code_hash = $2 RETURNING user_id`, [user.id, row.code_hash]));
    if (!deleted.length) return this.refuse('NO_CODE', user.id);
    const { token } = await this.sessions.start(user, 'EMAIL_CODE');
    return { token, user };
  }

  private hash(userId: string, code: string): string {
    return createHmac('sha256', this.config.authSecret).update(`email-login-code:${userId}:${code}`).digest('hex');
  }

  private async burn(userId: string): Promise<void> {
    await this.dataSource.getRepository(EmailLoginCodeEntity).delete({ userId });
  }

  private async refuse(code: FamilyRefusal, userId: string | null): Promise<never> {
    await this.sessions.refused('EMAIL_CODE', code, userId);
    throw codeRefused();
  }

  private async schoolName(user: UserEntity): Promise<string> {
    let schoolId = user.schoolId;
    if (!schoolId) {
      const link = await this.dataSource.getRepository(PupilGuardianEntity).findOneBy({ userId: user.id });
      schoolId = link ? ((await this.dataSource.getRepository(PupilEntity).findOneBy({ id: link.pupilId }))?.schoolId ?? null) : null;
    }
    return schoolId ? ((await this.dataSource.getRepository(SchoolEntity).findOneBy({ id: schoolId }))?.name ?? '') : '';
  }
}
