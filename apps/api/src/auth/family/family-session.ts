import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrailRepository, Role, UserEntity, type UserSessionMethod } from '@zorgroute/domain';
import { AuthService } from '../auth.service';

/** The roles that log in with a passkey or an e-mail code (everyone else: the school's OpenID Connect). */
export const FAMILY_ROLES: readonly Role[] = [Role.PARENT, Role.PUPIL];

export type FamilyLoginMethod = Extract<UserSessionMethod, 'PASSKEY' | 'EMAIL_CODE' | 'INVITATION'>;

/** Audit actions of the parents' login (user id and role only; never an address, a code or a token). */
const LOGIN_ACTIONS: Record<FamilyLoginMethod, { action: string; description: string }> = {
  PASSKEY: { action: 'AUTH_PASSKEY_LOGIN', description: 'Ingelogd met passkey' },
  EMAIL_CODE: { action: 'AUTH_EMAIL_CODE_LOGIN', description: 'Ingelogd met een code per e-mail' },
  INVITATION: { action: 'AUTH_INVITATION_ACCEPTED', description: 'Uitnodiging aangenomen; ingelogd' },
};

/** Why a login of a parent or pupil was refused (audited as AUTH_LOGIN_REFUSED; the caller always hears the same). */
export type FamilyRefusal =
  | 'UNKNOWN_ADDRESS'
  | 'NO_CODE'
  | 'CODE_EXPIRED'
  | 'WRONG_CODE'
  | 'TOO_MANY_ATTEMPTS'
  | 'UNKNOWN_CREDENTIAL'
  | 'CHALLENGE_INVALID'
  | 'PASSKEY_INVALID'
  | 'NOT_A_FAMILY_ACCOUNT';

/** Starts the session of a parent's or pupil's login and writes it to the audit trail. */
@Injectable()
export class FamilySessions {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(AuditTrailRepository) private readonly audit: AuditTrailRepository,
  ) {}

  async start(user: UserEntity, method: FamilyLoginMethod, details: Record<string, unknown> = {}): Promise<{ token: string; sessionId: string }> {
    const { token, sessionId } = await this.auth.startSession(user, method);
    const { action, description } = LOGIN_ACTIONS[method];
    await this.audit.append({
      eventKey: `auth:${method.toLowerCase()}:${sessionId}`,
      caseId: null,
      at: new Date().toISOString(),
      actorId: user.id,
      actorName: user.role,
      action,
      description,
      details: { operation: 'familyLogin', method, sessionId, ...details },
      reason: null,
    });
    return { token, sessionId };
  }

  /** Marks the account as having a login (a consent request then carries no invitation any more). */
  async activate(userId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE app_user SET login_activated_at = now() WHERE id = $1 AND login_activated_at IS NULL`, [userId]);
  }

  async refused(method: 'PASSKEY' | 'EMAIL_CODE', code: FamilyRefusal, userId: string | null): Promise<void> {
    await this.audit.append({
      eventKey: `auth:refused:${randomUUID()}`,
      caseId: null,
      at: new Date().toISOString(),
      actorId: userId,
      actorName: null,
      action: 'AUTH_LOGIN_REFUSED',
      description: method === 'PASSKEY' ? 'Inloggen met passkey geweigerd' : 'Inloggen met e-mailcode geweigerd',
      details: { operation: 'familyLogin', method, code },
      reason: null,
    });
  }

  /** A parent/guardian or pupil account with this e-mail address (case-insensitive), or null. */
  async familyUserByEmail(email: string): Promise<UserEntity | null> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('LOWER(u.email) = LOWER(:email)', { email: email.trim() })
      .getOne();
    return user && FAMILY_ROLES.includes(user.role) ? user : null;
  }
}
