import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { LoginInvitationEntity, PupilEntity, PupilGuardianEntity, Role, UserEntity } from '@zorgroute/domain';
import { AccessPolicy } from '../access/access-policy';
import type { AuthUser } from '../auth/auth-user';
import { InvitationService } from '../auth/family/invitation.service';
import { AppError } from '../common/app-error';
import { validateOrThrow } from '../common/validate';
import { GuardianLoginState, SetParentalAuthorityInput, SetParentsDisagreeInput, type GuardianModel, type PupilCustodyModel } from './guardians.models';

/** Who reads a pupil's custody and guardians' login state: the school's coordination. */
const READERS: readonly Role[] = [Role.ZORGCOORDINATOR, Role.TEAMLEIDER, Role.ADMIN];
/** Who invites and changes custody: the zorgcoördinator of the pupil's school, the admin. */
const WRITERS: readonly Role[] = [Role.ZORGCOORDINATOR, Role.ADMIN];

/**
 * Custody (gezag) and login invitations of a pupil's guardians, for the school: order input → visibility (NOT_FOUND) →
 * role (FORBIDDEN) → business checks (BAD_USER_INPUT), as everywhere.
 */
@Injectable()
export class GuardiansService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(InvitationService) private readonly invitations: InvitationService,
  ) {}

  async custody(user: AuthUser, pupilId: string): Promise<PupilCustodyModel> {
    const pupil = await this.visiblePupil(user, pupilId);
    if (!READERS.includes(user.role)) throw AppError.forbidden();
    return this.load(pupil);
  }

  async invite(user: AuthUser, pupilId: string, userId: string): Promise<PupilCustodyModel> {
    const pupil = await this.writable(user, pupilId);
    const invitee = await this.familyMember(pupil, userId);
    await this.invitations.invite(invitee, pupil, user.id);
    return this.load(pupil);
  }

  async setParentsDisagree(user: AuthUser, pupilId: string, raw: SetParentsDisagreeInput): Promise<PupilCustodyModel> {
    const input = validateOrThrow(SetParentsDisagreeInput, raw);
    const pupil = await this.writable(user, pupilId);
    await this.dataSource.getRepository(PupilEntity).update({ id: pupil.id }, { parentsDisagree: input.parentsDisagree });
    return this.load({ ...pupil, parentsDisagree: input.parentsDisagree });
  }

  async setParentalAuthority(user: AuthUser, pupilId: string, userId: string, raw: SetParentalAuthorityInput): Promise<PupilCustodyModel> {
    const input = validateOrThrow(SetParentalAuthorityInput, raw);
    const pupil = await this.writable(user, pupilId);
    const link = await this.dataSource.getRepository(PupilGuardianEntity).findOneBy({ pupilId: pupil.id, userId });
    if (!link) throw new AppError('BAD_USER_INPUT', 'Deze persoon is geen ouder/verzorger van deze leerling', 'This person is not a guardian of this pupil');
    await this.dataSource.getRepository(PupilGuardianEntity).update({ pupilId: pupil.id, userId }, { hasParentalAuthority: input.hasParentalAuthority });
    return this.load(pupil);
  }

  private async visiblePupil(user: AuthUser, pupilId: string): Promise<PupilEntity> {
    if (typeof pupilId !== 'string' || !/^[0-9a-f-]{36}$/i.test(pupilId)) throw new AppError('BAD_USER_INPUT', 'Ongeldige leerling-id', 'Invalid pupil id');
    const qb = this.dataSource.getRepository(PupilEntity).createQueryBuilder('p').where('p.id = :pupilId', { pupilId });
    const pupil = await this.access.scopePupils(qb, user).getOne();
    if (!pupil) throw AppError.notFound('Leerling', 'Pupil');
    return pupil;
  }

  private async writable(user: AuthUser, pupilId: string): Promise<PupilEntity> {
    const pupil = await this.visiblePupil(user, pupilId);
    if (!WRITERS.includes(user.role)) throw AppError.forbidden();
    return pupil;
  }

  /** A guardian of the pupil, or the pupil's own account. */
  private async familyMember(pupil: PupilEntity, userId: string): Promise<UserEntity> {
    const user = /^[0-9a-f-]{36}$/i.test(userId) ? await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId }) : null;
    const isGuardian = user?.role === Role.PARENT && (await this.dataSource.getRepository(PupilGuardianEntity).existsBy({ pupilId: pupil.id, userId: user.id }));
    const isPupil = user?.role === Role.PUPIL && user.pupilId === pupil.id;
    if (!user || (!isGuardian && !isPupil)) {
      throw new AppError('BAD_USER_INPUT', 'Deze persoon is geen ouder/verzorger van deze leerling (of de leerling zelf)', 'This person is not a guardian of this pupil (or the pupil)');
    }
    return user;
  }

  private async load(pupil: PupilEntity): Promise<PupilCustodyModel> {
    const links = await this.dataSource.getRepository(PupilGuardianEntity).find({ where: { pupilId: pupil.id }, order: { userId: 'ASC' } });
    const own = await this.dataSource.getRepository(UserEntity).findOneBy({ pupilId: pupil.id, role: Role.PUPIL });
    const ids = [...links.map((l) => l.userId), ...(own ? [own.id] : [])];
    const users = ids.length ? await this.dataSource.getRepository(UserEntity).findBy({ id: In(ids) }) : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    const passkeys: { user_id: string; n: number }[] = ids.length
      ? await this.dataSource.query(`SELECT user_id, count(*)::int AS n FROM webauthn_credential WHERE user_id = ANY($1) GROUP BY user_id`, [ids])
      : [];
    const invitations = ids.length ? await this.dataSource.getRepository(LoginInvitationEntity).find({ where: { userId: In(ids) }, order: { createdAt: 'DESC' } }) : [];
    const model = (u: UserEntity, relation: string, authority: boolean): GuardianModel => {
      const latest = invitations.find((i) => i.userId === u.id && !i.usedAt) ?? null;
      const active = !!u.loginActivatedAt;
      const expired = latest ? latest.expiresAt.getTime() <= Date.now() : false;
      return {
        userId: u.id,
        name: u.name,
        email: u.email,
        relation,
        hasParentalAuthority: authority,
        login: active ? GuardianLoginState.ACTIVE : latest ? (expired ? GuardianLoginState.INVITATION_EXPIRED : GuardianLoginState.INVITED) : GuardianLoginState.NONE,
        passkeys: passkeys.find((p) => p.user_id === u.id)?.n ?? 0,
        invitationExpiresAt: latest && !expired ? latest.expiresAt : null,
      };
    };
    return {
      pupilId: pupil.id,
      parentsDisagree: pupil.parentsDisagree,
      guardians: links.filter((l) => byId.has(l.userId)).map((l) => model(byId.get(l.userId) as UserEntity, l.relation, l.hasParentalAuthority)),
      pupilAccount: own ? model(own, 'leerling', false) : null,
    };
  }
}

