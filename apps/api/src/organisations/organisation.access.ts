import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role, SchoolEntity, SwvEntity, UserEntity } from '@zorgroute/domain';
import { isPlatformAdmin } from '../access/platform-admin';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { isUuid } from '@zorgroute/domain';

/** Roles of a school's staff accounts (the school admin manages them; pupils and parents come from the import). */
export const SCHOOL_ACCOUNT_ROLES: readonly Role[] = [Role.ZORGCOORDINATOR, Role.TEAMLEIDER, Role.MENTOR, Role.COACH, Role.JOS_MEDEWERKER, Role.SCHOOL_ADMIN];
/** Roles of an SWV's own accounts. */
export const SWV_ACCOUNT_ROLES: readonly Role[] = [Role.SWV_MEDEWERKER, Role.SWV_ADMIN];
/** Roles without an organisation. */
export const PLATFORM_ACCOUNT_ROLES: readonly Role[] = [Role.PLATFORM_ADMIN, Role.ADMIN];

/** The organisation an account belongs to, which decides who may manage it. */
export type AccountHome = { kind: 'SCHOOL'; school: SchoolEntity } | { kind: 'SWV'; swv: SwvEntity } | { kind: 'PLATFORM' };

/**
 * Who may manage organisations and accounts (issue 13), in one place:
 * - a platform admin (PLATFORM_ADMIN, and ADMIN): every SWV, school and account, and platform accounts;
 * - an SWV admin: his own SWV (not its code), its schools, their accounts and the SWV's own accounts;
 * - a school admin (applicatiebeheerder): his own school's staff accounts and the import of its data.
 * An existing object out of scope answers FORBIDDEN, an unknown id NOT_FOUND.
 */
@Injectable()
export class OrganisationAccess {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  isPlatform(user: AuthUser): boolean {
    return isPlatformAdmin(user);
  }

  /** May the user see the organisation screens at all? */
  isOrganisationAdmin(user: AuthUser): boolean {
    return this.isPlatform(user) || user.role === Role.SWV_ADMIN || user.role === Role.SCHOOL_ADMIN;
  }

  requireOrganisationAdmin(user: AuthUser): void {
    if (!this.isOrganisationAdmin(user)) throw AppError.forbidden();
  }

  requirePlatform(user: AuthUser): void {
    if (!this.isPlatform(user)) throw AppError.forbidden();
  }

  async swv(id: string): Promise<SwvEntity> {
    const swv = isUuid(id) ? await this.dataSource.getRepository(SwvEntity).findOneBy({ id }) : null;
    if (!swv) throw AppError.notFound('Samenwerkingsverband', 'SWV');
    return swv;
  }

  async school(id: string): Promise<SchoolEntity> {
    const school = isUuid(id) ? await this.dataSource.getRepository(SchoolEntity).findOneBy({ id }) : null;
    if (!school) throw AppError.notFound('School', 'School');
    return school;
  }

  /** The SWV, when the user may change it or add schools to it. */
  async swvForEdit(user: AuthUser, swvId: string): Promise<SwvEntity> {
    const swv = await this.swv(swvId);
    if (this.isPlatform(user) || (user.role === Role.SWV_ADMIN && user.swvId === swv.id)) return swv;
    throw AppError.forbidden();
  }

  /** The school, when the user may change its record (name, BRIN, vestiging, region). */
  async schoolForEdit(user: AuthUser, schoolId: string): Promise<SchoolEntity> {
    const school = await this.school(schoolId);
    if (this.isPlatform(user) || (user.role === Role.SWV_ADMIN && user.swvId === school.swvId)) return school;
    throw AppError.forbidden();
  }

  /** The school, when the user may manage its accounts, import its data and see its open steps to reassign. */
  async schoolForAdmin(user: AuthUser, schoolId: string): Promise<SchoolEntity> {
    const school = await this.school(schoolId);
    if (this.isPlatform(user) || (user.role === Role.SWV_ADMIN && user.swvId === school.swvId) || (user.role === Role.SCHOOL_ADMIN && user.schoolId === school.id)) return school;
    throw AppError.forbidden();
  }

  /** Where an account of `role` would live, checked against the user's rights; the ids come from the input. */
  async homeFor(user: AuthUser, role: Role, schoolId: string | null | undefined, swvId: string | null | undefined): Promise<AccountHome> {
    if (SCHOOL_ACCOUNT_ROLES.includes(role)) {
      if (!schoolId) throw new AppError('BAD_USER_INPUT', 'Kies de school van dit account', 'A school account needs a school');
      return { kind: 'SCHOOL', school: await this.schoolForAdmin(user, schoolId) };
    }
    if (SWV_ACCOUNT_ROLES.includes(role)) {
      if (!swvId) throw new AppError('BAD_USER_INPUT', 'Kies het samenwerkingsverband van dit account', 'An SWV account needs an SWV');
      return { kind: 'SWV', swv: await this.swvForEdit(user, swvId) };
    }
    if (PLATFORM_ACCOUNT_ROLES.includes(role)) {
      this.requirePlatform(user);
      return { kind: 'PLATFORM' };
    }
    throw new AppError('BAD_USER_INPUT', 'Ouders en leerlingen komen uit de import van de schooladministratie, niet uit dit scherm', 'Parents and pupils come from the school data import');
  }

  /** The account, when the user may change or deactivate it. */
  async accountForEdit(user: AuthUser, accountId: string): Promise<UserEntity> {
    const account = isUuid(accountId) ? await this.dataSource.getRepository(UserEntity).findOneBy({ id: accountId }) : null;
    if (!account) throw AppError.notFound('Account', 'Account');
    if (this.isPlatform(user)) return account;
    if (account.schoolId && (SCHOOL_ACCOUNT_ROLES.includes(account.role) || account.role === Role.PARENT || account.role === Role.PUPIL)) {
      await this.schoolForAdmin(user, account.schoolId);
      if (account.role === Role.PARENT || account.role === Role.PUPIL) throw AppError.forbidden();
      return account;
    }
    if (account.swvId && SWV_ACCOUNT_ROLES.includes(account.role)) {
      await this.swvForEdit(user, account.swvId);
      return account;
    }
    throw AppError.forbidden();
  }
}
