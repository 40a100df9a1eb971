import { Inject, Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { AuditTrailRepository, Role, SchoolEntity, SwvEntity, UserEntity } from '@zorgroute/domain';
import type { AuthUser } from '../../auth/auth-user';
import { AppError } from '../../common/app-error';
import { validateOrThrow } from '../../common/validate';
import { CreateAccountInput, DeactivateAccountInput, SchoolInput, SwvInput, UpdateAccountInput } from '../dtos/organisation.inputs';
import type { AccountModel, DeactivatedAccountModel, SchoolModel, SwvModel } from '../models/organisation.model';
import { OrganisationAccess, PLATFORM_ACCOUNT_ROLES, SCHOOL_ACCOUNT_ROLES, SWV_ACCOUNT_ROLES } from '../organisation.access';
import { endSessionsOf, OrganisationService, toAccountModel } from '../organisation.service';

function uniqueViolation(e: unknown): boolean {
  return e instanceof QueryFailedError && (e as unknown as { code?: string }).code === '23505';
}

/** Creates or changes an SWV (platform admin creates; the SWV's own admin may rename it). */
@Injectable()
export class SaveSwvUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OrganisationAccess) private readonly access: OrganisationAccess,
    @Inject(OrganisationService) private readonly orgs: OrganisationService,
  ) {}

  async execute(user: AuthUser, id: string | null, raw: SwvInput): Promise<SwvModel> {
    const input = validateOrThrow(SwvInput, raw);
    const repo = this.dataSource.getRepository(SwvEntity);
    let swv: SwvEntity;
    if (id) {
      swv = await this.access.swvForEdit(user, id);
      if (input.code !== swv.code) this.access.requirePlatform(user);
    } else {
      this.access.requirePlatform(user);
      swv = repo.create();
    }
    Object.assign(swv, { name: input.name.trim(), code: input.code });
    try {
      swv = await repo.save(swv);
    } catch (e) {
      if (uniqueViolation(e)) throw new AppError('CONFLICT', `Er is al een samenwerkingsverband met code ${input.code}`, `An SWV with code ${input.code} exists`);
      throw e;
    }
    const schools = await this.dataSource.getRepository(SchoolEntity).find({ where: { swvId: swv.id }, order: { name: 'ASC' } });
    return { id: swv.id, name: swv.name, code: swv.code, schools: await this.orgs.schoolModels(schools) };
  }
}

/** Creates or changes a school (BRIN + vestiging unique, region): platform admin, or the admin of its SWV. */
@Injectable()
export class SaveSchoolUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OrganisationAccess) private readonly access: OrganisationAccess,
    @Inject(OrganisationService) private readonly orgs: OrganisationService,
  ) {}

  async execute(user: AuthUser, id: string | null, raw: SchoolInput): Promise<SchoolModel> {
    const input = validateOrThrow(SchoolInput, raw);
    const repo = this.dataSource.getRepository(SchoolEntity);
    let school: SchoolEntity;
    if (id) {
      school = await this.access.schoolForEdit(user, id);
    } else {
      if (!input.swvId) throw new AppError('BAD_USER_INPUT', 'Kies het samenwerkingsverband van de school', 'A new school needs its SWV');
      const swv = await this.access.swvForEdit(user, input.swvId);
      school = repo.create({ swvId: swv.id });
    }
    Object.assign(school, { name: input.name.trim(), brin: input.brin, vestiging: input.vestiging, region: input.region });
    try {
      school = await repo.save(school);
    } catch (e) {
      if (uniqueViolation(e)) throw new AppError('CONFLICT', `Er is al een school met BRIN ${input.brin} en vestiging ${input.vestiging}`, `A school with BRIN ${input.brin}${input.vestiging} exists`);
      throw e;
    }
    return (await this.orgs.schoolModels([school]))[0];
  }
}

/** Creates a staff, SWV or platform account; its login is the school's OpenID Connect login by e-mail address. */
@Injectable()
export class CreateAccountUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OrganisationAccess) private readonly access: OrganisationAccess,
  ) {}

  async execute(user: AuthUser, raw: CreateAccountInput): Promise<AccountModel> {
    const input = validateOrThrow(CreateAccountInput, raw);
    this.access.requireOrganisationAdmin(user);
    const home = await this.access.homeFor(user, input.role, input.schoolId, input.swvId);
    const repo = this.dataSource.getRepository(UserEntity);
    const email = input.email.trim().toLowerCase();
    if (await repo.findOneBy({ email })) throw new AppError('CONFLICT', `Er is al een account met e-mailadres ${email}`, 'An account with this e-mail address exists');
    const account = repo.create({
      name: input.name.trim(),
      email,
      role: input.role,
      schoolId: home.kind === 'SCHOOL' ? home.school.id : null,
      swvId: home.kind === 'SCHOOL' ? home.school.swvId : home.kind === 'SWV' ? home.swv.id : null,
      pupilId: null,
      active: true,
    });
    try {
      return toAccountModel(await repo.save(account));
    } catch (e) {
      if (uniqueViolation(e)) throw new AppError('CONFLICT', `Er is al een account met e-mailadres ${email}`, 'An account with this e-mail address exists');
      throw e;
    }
  }
}

/** Changes an account's name, e-mail address or role (within its organisation: a school role stays a school role). */
@Injectable()
export class UpdateAccountUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OrganisationAccess) private readonly access: OrganisationAccess,
  ) {}

  async execute(user: AuthUser, id: string, raw: UpdateAccountInput): Promise<AccountModel> {
    const input = validateOrThrow(UpdateAccountInput, raw);
    const account = await this.access.accountForEdit(user, id);
    const family = (r: Role) => (SCHOOL_ACCOUNT_ROLES.includes(r) ? 'SCHOOL' : SWV_ACCOUNT_ROLES.includes(r) ? 'SWV' : PLATFORM_ACCOUNT_ROLES.includes(r) ? 'PLATFORM' : r);
    if (family(input.role) !== family(account.role)) {
      throw new AppError('BAD_USER_INPUT', 'Een account houdt zijn organisatie: kies een rol van dezelfde soort (school, samenwerkingsverband of platform)', 'An account keeps its organisation: choose a role of the same kind');
    }
    if (input.role !== account.role) await this.access.homeFor(user, input.role, account.schoolId, account.swvId);
    const email = input.email.trim().toLowerCase();
    if (account.id === user.id && input.role !== account.role) throw new AppError('BAD_USER_INPUT', 'U kunt uw eigen rol niet wijzigen', 'You cannot change your own role');
    const patch: Partial<UserEntity> = { name: input.name.trim(), email };
    if (input.role !== account.role) Object.assign(patch, { role: input.role, roleChangedAt: new Date() });
    try {
      await this.dataSource.getRepository(UserEntity).update({ id: account.id }, patch);
    } catch (e) {
      if (uniqueViolation(e)) throw new AppError('CONFLICT', `Er is al een account met e-mailadres ${email}`, 'An account with this e-mail address exists');
      throw e;
    }
    return toAccountModel(await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: account.id }));
  }
}

/**
 * Deactivates an account: it can no longer log in and every session it has ends at once (user_session.ended_at);
 * nothing is deleted. Answers the open steps it owns, to reassign. Reactivating lets it log in again.
 */
@Injectable()
export class SetAccountActiveUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OrganisationAccess) private readonly access: OrganisationAccess,
    @Inject(OrganisationService) private readonly orgs: OrganisationService,
  ) {}

  async deactivate(user: AuthUser, id: string, raw: DeactivateAccountInput): Promise<DeactivatedAccountModel> {
    const input = validateOrThrow(DeactivateAccountInput, raw);
    const account = await this.access.accountForEdit(user, id);
    if (account.id === user.id) throw new AppError('BAD_USER_INPUT', 'U kunt uw eigen account niet deactiveren', 'You cannot deactivate your own account');
    if (!account.active) throw new AppError('CONFLICT', 'Dit account is al gedeactiveerd', 'This account is already deactivated');
    const now = new Date();
    const endedSessions = await this.dataSource.transaction(async (m) => {
      await m.getRepository(UserEntity).update({ id: account.id }, { active: false, deactivatedAt: now });
      const ended = await endSessionsOf(m, [account.id], now);
      await new AuditTrailRepository(this.dataSource).append(
        {
          eventKey: `account-deactivated:${account.id}:${now.toISOString()}`,
          caseId: null,
          at: now.toISOString(),
          actorId: user.id,
          actorName: user.role,
          action: 'ACCOUNT_DEACTIVATED',
          description: 'Account gedeactiveerd; de sessies zijn beëindigd',
          details: { accountId: account.id, role: account.role, schoolId: account.schoolId, swvId: account.swvId, endedSessions: ended },
          reason: input.reason.trim(),
        },
        m,
      );
      return ended;
    });
    const updated = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: account.id });
    const openSteps = updated.schoolId ? await this.orgs.openStepsToReassign(user, updated.schoolId, updated.id) : [];
    return { account: toAccountModel(updated), endedSessions, openSteps };
  }

  async reactivate(user: AuthUser, id: string): Promise<AccountModel> {
    const account = await this.access.accountForEdit(user, id);
    if (account.active) throw new AppError('CONFLICT', 'Dit account is actief', 'This account is active');
    await this.dataSource.getRepository(UserEntity).update({ id: account.id }, { active: true, deactivatedAt: null });
    return toAccountModel(await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: account.id }));
  }
}
