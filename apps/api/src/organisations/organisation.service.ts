import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { Role, SchoolEntity, SwvEntity, UserEntity, UserSessionEntity } from '@zorgroute/domain';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { stepLabel } from '../cases/labels';
import { ownerUnavailableReasonSql, ownerUnavailableSql, type OwnerUnavailableReason } from '../work-lists/work-list-filter';
import type { AccountModel, OpenStepToReassignModel, SchoolModel, SwvModel } from './models/organisation.model';
import { OrganisationAccess, SCHOOL_ACCOUNT_ROLES, SWV_ACCOUNT_ROLES } from './organisation.access';

export function toAccountModel(u: UserEntity): AccountModel {
  return { id: u.id, name: u.name, email: u.email, role: u.role, schoolId: u.schoolId, swvId: u.swvId, active: u.active, deactivatedAt: u.deactivatedAt?.toISOString() ?? null, sourceId: u.sourceId };
}

const REASON_LABELS: Record<OwnerUnavailableReason, string> = {
  DEACTIVATED: 'Account gedeactiveerd of vertrokken',
  OTHER_SCHOOL: 'Werkt niet meer op deze school',
  ROLE_CHANGED: 'Heeft sinds de toewijzing een andere rol',
  NOT_MENTOR_ANY_MORE: 'Is niet meer de mentor van de leerling',
};

/** Ends every open session of these accounts at once (deactivation); returns how many ended. */
export async function endSessionsOf(m: EntityManager, userIds: string[], now: Date): Promise<number> {
  if (!userIds.length) return 0;
  const res = await m.getRepository(UserSessionEntity).update({ userId: In(userIds), endedAt: IsNull() }, { endedAt: now, idToken: null });
  return res.affected ?? 0;
}

/** The organisation screens' reads: SWVs with their schools, accounts, open steps to reassign. */
@Injectable()
export class OrganisationService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OrganisationAccess) private readonly access: OrganisationAccess,
  ) {}

  async schoolModels(schools: SchoolEntity[]): Promise<SchoolModel[]> {
    if (!schools.length) return [];
    const counts: { school_id: string; n: string }[] = await this.dataSource.query('SELECT school_id, count(*) AS n FROM pupil WHERE school_id = ANY($1) AND left_at IS NULL GROUP BY school_id', [schools.map((s) => s.id)]);
    const n = new Map(counts.map((c) => [c.school_id, Number(c.n)]));
    return schools.map((s) => ({ id: s.id, swvId: s.swvId, name: s.name, brin: s.brin, vestiging: s.vestiging, region: s.region, pupilCount: n.get(s.id) ?? 0 }));
  }

  /** The SWVs the user administers, each with the schools he may see: all (platform), his SWV, his school's. */
  async swvs(user: AuthUser): Promise<SwvModel[]> {
    this.access.requireOrganisationAdmin(user);
    const swvRepo = this.dataSource.getRepository(SwvEntity);
    const schoolRepo = this.dataSource.getRepository(SchoolEntity);
    let swvs: SwvEntity[];
    let schools: SchoolEntity[];
    if (this.access.isPlatform(user)) {
      swvs = await swvRepo.find({ order: { name: 'ASC' } });
      schools = await schoolRepo.find({ order: { name: 'ASC' } });
    } else if (user.role === Role.SWV_ADMIN) {
      swvs = user.swvId ? await swvRepo.findBy({ id: user.swvId }) : [];
      schools = user.swvId ? await schoolRepo.find({ where: { swvId: user.swvId }, order: { name: 'ASC' } }) : [];
    } else {
      const own = user.schoolId ? await schoolRepo.findOneBy({ id: user.schoolId }) : null;
      swvs = own ? await swvRepo.findBy({ id: own.swvId }) : [];
      schools = own ? [own] : [];
    }
    const models = await this.schoolModels(schools);
    return swvs.map((s) => ({ id: s.id, name: s.name, code: s.code, schools: models.filter((m) => m.swvId === s.id) }));
  }

  /** Accounts of a school (its staff and school admins) or of an SWV (its own accounts), or the platform accounts. */
  async accounts(user: AuthUser, filter: { schoolId?: string | null; swvId?: string | null }): Promise<AccountModel[]> {
    this.access.requireOrganisationAdmin(user);
    const repo = this.dataSource.getRepository(UserEntity);
    let rows: UserEntity[];
    if (filter.schoolId) {
      const school = await this.access.schoolForAdmin(user, filter.schoolId);
      rows = await repo.find({ where: { schoolId: school.id, role: In([...SCHOOL_ACCOUNT_ROLES]) }, order: { name: 'ASC' } });
    } else if (filter.swvId) {
      const swv = await this.access.swvForEdit(user, filter.swvId);
      rows = await repo.find({ where: { swvId: swv.id, schoolId: IsNull(), role: In([...SWV_ACCOUNT_ROLES]) }, order: { name: 'ASC' } });
    } else {
      this.access.requirePlatform(user);
      rows = await repo.find({ where: { role: In([Role.PLATFORM_ADMIN, Role.ADMIN]) }, order: { name: 'ASC' } });
    }
    return rows.map(toAccountModel);
  }

  /**
   * Open steps of the school's running cases whose owner can no longer take them: deactivated (or left), now at
   * another school, with another role since the case last moved, or a mentor who is no longer the pupil's mentor.
   * Reassigning them in bulk is separate work (issue 17); each can be reassigned on its case page.
   */
  async openStepsToReassign(user: AuthUser, schoolId: string, ownerId: string | null = null): Promise<OpenStepToReassignModel[]> {
    const school = await this.access.schoolForAdmin(user, schoolId);
    const rows: {
      case_id: string;
      process: string;
      waiting_for: string;
      next_due_date: string | null;
      owner_id: string;
      owner_name: string;
      reason: OwnerUnavailableReason;
      first_name: string;
      class_name: string | null;
    }[] = await this.dataSource.query(
      `SELECT c.id AS case_id, c.process, c.waiting_for, to_char(c.next_due_date, 'YYYY-MM-DD') AS next_due_date, u.id AS owner_id, u.name AS owner_name,
              p.first_name, p.class_name, ${ownerUnavailableReasonSql('c', 'p', 'u')} AS reason
         FROM case_summary c
         JOIN app_user u ON u.id = c.owner_user_id
         JOIN pupil p ON p.id = c.pupil_id
        WHERE c.school_id = $1 AND c.closed_at IS NULL AND c.waiting_for IS NOT NULL
          AND ($2::uuid IS NULL OR u.id = $2::uuid)
          AND ${ownerUnavailableSql('c', 'p', 'u')}
        ORDER BY c.next_due_date NULLS LAST, c.id
        LIMIT 500`,
      [school.id, ownerId],
    );
    return rows.map((r) => ({
      caseId: r.case_id,
      process: r.process,
      step: r.waiting_for,
      stepLabel: stepLabel(r.waiting_for) ?? r.waiting_for,
      dueDate: r.next_due_date,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      reason: r.reason,
      reasonLabel: REASON_LABELS[r.reason] ?? r.reason,
      pupilFirstName: r.first_name,
      className: r.class_name,
    }));
  }

  notFoundUnless<T>(value: T | null | undefined, what: string, whatEn: string): T {
    if (value === null || value === undefined) throw AppError.notFound(what, whatEn);
    return value;
  }
}
