import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  LoginInvitationRepository,
  loginInvitationUrl,
  PupilEntity,
  PupilGuardianEntity,
  SchoolEntity,
  UserEntity,
  type LoginInvitationEntity,
  type LoginInvitationStatus,
} from '@zorgroute/domain';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { AppError } from '../../common/app-error';
import { LoginRateLimiter } from '../../security/login-rate-limiter';
import { FAMILY_ROLES, FamilySessions } from './family-session';
import { LoginMailer } from './login-mailer';
import { safeReturnPath } from './return-path';

export const INVITATION_ERRORS: Record<Exclude<LoginInvitationStatus, 'VALID'>, { code: 'INVITATION_EXPIRED' | 'INVITATION_USED' | 'INVITATION_UNKNOWN'; nl: string; en: string }> = {
  EXPIRED: { code: 'INVITATION_EXPIRED', nl: 'Deze uitnodiging is verlopen. Vraag hieronder een nieuwe aan.', en: 'This invitation has expired. Ask for a new one below.' },
  USED: { code: 'INVITATION_USED', nl: 'Deze uitnodiging is al gebruikt. Log in, of vraag hieronder een nieuwe aan.', en: 'This invitation has already been used. Log in, or ask for a new one below.' },
  UNKNOWN: { code: 'INVITATION_UNKNOWN', nl: 'Deze uitnodiging kennen wij niet. Controleer de link uit de e-mail.', en: 'This invitation is not known. Check the link in the e-mail.' },
};

export function invitationError(status: Exclude<LoginInvitationStatus, 'VALID'>): AppError {
  const e = INVITATION_ERRORS[status];
  return new AppError(e.code, e.nl, e.en);
}

/** What the invitation page shows: whether the link works and, only then, whom it is for. */
export interface InvitationInfo {
  status: LoginInvitationStatus;
  name: string | null;
  schoolName: string | null;
}

/**
 * Login invitations for parents/guardians and pupils without a school account: sent by the school (the zorgcoördinator's
 * button) or by Zorgroute with a consent request (the worker's notify activity), single use, expiring
 * (LOGIN_INVITATION_TTL_DAYS). An expired or used link can be renewed from the invitation page: a new one goes to the
 * invited address, and the page hears the same whether anything was sent.
 */
@Injectable()
export class InvitationService {
  readonly invitations: LoginInvitationRepository;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(LoginMailer) private readonly mailer: LoginMailer,
    @Inject(FamilySessions) private readonly sessions: FamilySessions,
    @Inject(LoginRateLimiter) private readonly limiter: LoginRateLimiter,
  ) {
    this.invitations = new LoginInvitationRepository(dataSource);
  }

  /** The school invites a guardian of the pupil, or the pupil's own account (no school account). */
  async invite(invitee: UserEntity, pupil: PupilEntity, invitedBy: string): Promise<LoginInvitationEntity> {
    if (!FAMILY_ROLES.includes(invitee.role)) {
      throw new AppError('BAD_USER_INPUT', 'Alleen ouders/verzorgers en leerlingen krijgen een uitnodiging; medewerkers loggen in met hun schoolaccount', 'Only parents/guardians and pupils are invited; staff log in with their school account');
    }
    const issued = await this.invitations.issue({ userId: invitee.id, source: 'SCHOOL', createdByUserId: invitedBy, ttlDays: this.config.familyLogin.invitationTtlDays });
    if (!issued) throw new Error('invitation not issued');
    await this.send(issued.invitation, issued.token, invitee, pupil.schoolId, false);
    return issued.invitation;
  }

  async info(token: string | undefined): Promise<InvitationInfo> {
    const { status, invitation } = await this.invitations.find(token);
    if (status !== 'VALID' || !invitation) return { status, name: null, schoolName: null };
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: invitation.userId });
    if (!user) return { status: 'UNKNOWN', name: null, schoolName: null };
    return { status, name: user.name, schoolName: await this.schoolNameOf(user) };
  }

  /**
   * Sends a new invitation to the address the old one went to (expired, used, or still valid: the invitee lost it).
   * Rate limited like a login; answers nothing about whether the token was known or an e-mail was sent.
   */
  async renew(token: string | undefined, ip: string | undefined): Promise<void> {
    this.limiter.hit(ip, undefined);
    const { invitation } = await this.invitations.find(token);
    if (!invitation) return;
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: invitation.userId });
    if (!user || !FAMILY_ROLES.includes(user.role)) return;
    // Per invited address like the logins: a renewal cannot be used to flood a mailbox.
    this.limiter.hit(undefined, user.email);
    const issued = await this.invitations.issue({ userId: user.id, source: 'RENEWAL', returnPath: invitation.returnPath, ttlDays: this.config.familyLogin.invitationTtlDays });
    if (!issued) return;
    const schoolId = user.schoolId ?? (await this.schoolOfGuardian(user.id));
    await this.send(issued.invitation, issued.token, user, schoolId, true);
  }

  /**
   * Accepts the invitation without a passkey: the login by e-mail code is switched on and the invitee is logged in (the
   * link came to the address the codes go to). Returns where to go next.
   */
  async acceptWithoutPasskey(token: string): Promise<{ token: string; user: UserEntity; returnPath: string | null }> {
    const { taken, user } = await this.dataSource.transaction(async (m) => {
      const invitation = await this.invitations.take(token, m);
      if (!invitation) return { taken: null, user: null };
      const invitee = await m.getRepository(UserEntity).findOneBy({ id: invitation.userId });
      if (invitee) await this.sessions.activate(invitee.id, m);
      return { taken: invitation, user: invitee };
    });
    if (!taken || !user) throw await this.whyNot(token);
    const session = await this.sessions.start(user, 'INVITATION', { invitationId: taken.id, passkey: false });
    return { token: session.token, user, returnPath: safeReturnPath(taken.returnPath) };
  }

  /** The error for a token that does not work (any more). */
  async whyNot(token: string | undefined): Promise<AppError> {
    const { status } = await this.invitations.find(token);
    return invitationError(status === 'VALID' ? 'USED' : status);
  }

  private async send(invitation: LoginInvitationEntity, token: string, user: UserEntity, schoolId: string | null, renewed: boolean): Promise<void> {
    const schoolName = schoolId ? ((await this.dataSource.getRepository(SchoolEntity).findOneBy({ id: schoolId }))?.name ?? '') : '';
    await this.mailer.sendInvitation(`login-invitation:${invitation.id}`, user, loginInvitationUrl(this.config.appUrl, token), invitation.expiresAt, schoolName, renewed);
  }

  private async schoolNameOf(user: UserEntity): Promise<string | null> {
    const schoolId = user.schoolId ?? (await this.schoolOfGuardian(user.id));
    return schoolId ? ((await this.dataSource.getRepository(SchoolEntity).findOneBy({ id: schoolId }))?.name ?? null) : null;
  }

  private async schoolOfGuardian(userId: string): Promise<string | null> {
    const link = await this.dataSource.getRepository(PupilGuardianEntity).findOneBy({ userId });
    if (!link) return null;
    return (await this.dataSource.getRepository(PupilEntity).findOneBy({ id: link.pupilId }))?.schoolId ?? null;
  }
}

