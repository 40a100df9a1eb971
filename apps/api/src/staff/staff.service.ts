import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role, UserEntity } from '@zorgroute/domain';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import type { StaffMemberModel } from './models/staff-member.model';

/** The roles that are a school's staff: the only ones this directory lists. */
export const STAFF_ROLES: readonly Role[] = [Role.ZORGCOORDINATOR, Role.TEAMLEIDER, Role.MENTOR, Role.COACH, Role.JOS_MEDEWERKER];

/**
 * School staff readers see their own school; an SWV employee its member schools; an admin every school. The school admin
 * (applicatiebeheerder) reads his own school's directory too: he gives the open steps of a leaver a new owner.
 */
const SCHOOL_STAFF_READERS: readonly Role[] = [...STAFF_ROLES, Role.SCHOOL_ADMIN];

/**
 * The staff directory (issue 6): who can be chosen as owner of a step (active accounts only). Scoped like the cases
 * (PROCESSES.md rule 8): school staff and the school admin see their own school's staff, an SWV employee the staff of
 * its member schools, an admin everyone; parents and pupils are refused.
 */
@Injectable()
export class StaffService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(user: AuthUser, schoolId: string | null, roles: readonly Role[] | null): Promise<StaffMemberModel[]> {
    const qb = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.school_id IS NOT NULL')
      // A deactivated account cannot be given a step (the reassignment refuses it): it is nobody's choice.
      .andWhere('u.active = true')
      .andWhere('u.role IN (:...roles)', { roles: roles?.length ? roles : STAFF_ROLES })
      .orderBy('u.name')
      .limit(500);
    if (schoolId) qb.andWhere('u.school_id = :schoolId', { schoolId });

    if (user.role === Role.ADMIN) {
      // every school
    } else if (SCHOOL_STAFF_READERS.includes(user.role)) {
      if (!user.schoolId || (schoolId && schoolId !== user.schoolId)) throw AppError.forbidden();
      qb.andWhere('u.school_id = :scopeSchool', { scopeSchool: user.schoolId });
    } else if (user.role === Role.SWV_MEDEWERKER) {
      if (!user.swvId) throw AppError.forbidden();
      qb.andWhere('u.school_id IN (SELECT s.id FROM school s WHERE s.swv_id = :scopeSwv)', { scopeSwv: user.swvId });
    } else {
      throw AppError.forbidden();
    }
    const users = await qb.getMany();
    return users.map((u) => ({ id: u.id, name: u.name, role: u.role, schoolId: u.schoolId as string }));
  }
}
