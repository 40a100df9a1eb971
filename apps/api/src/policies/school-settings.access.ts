import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PolicyScope, Role, SchoolEntity, SwvEntity } from '@zorgroute/domain';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { isUuid } from '@zorgroute/domain';

/** Staff roles that work at one school and may check its calendar. */
const SCHOOL_STAFF: Role[] = [Role.ZORGCOORDINATOR, Role.TEAMLEIDER, Role.MENTOR, Role.COACH, Role.JOS_MEDEWERKER];

/**
 * Who may read and change a school's or SWV's settings (policies and the school calendar):
 * - read a school's effective policy: admin, the school's zorgcoördinator, an SWV employee of the school's SWV;
 * - publish a school version: admin or the school's zorgcoördinator; an SWV version: admin only;
 * - read or edit the school's days off: admin or the school's zorgcoördinator;
 * - check the calendar (and explain a due date): admin, staff of the school, an SWV employee of its SWV.
 * A school that exists but is out of scope gives FORBIDDEN; an unknown id NOT_FOUND.
 */
@Injectable()
export class SchoolSettingsAccess {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async school(id: string): Promise<SchoolEntity> {
    const school = isUuid(id) ? await this.dataSource.getRepository(SchoolEntity).findOneBy({ id }) : null;
    if (!school) throw AppError.notFound('School', 'School');
    return school;
  }

  async swv(id: string): Promise<SwvEntity> {
    const swv = isUuid(id) ? await this.dataSource.getRepository(SwvEntity).findOneBy({ id }) : null;
    if (!swv) throw AppError.notFound('Samenwerkingsverband', 'SWV');
    return swv;
  }

  private isZc(user: AuthUser, school: SchoolEntity): boolean {
    return user.role === Role.ZORGCOORDINATOR && user.schoolId === school.id;
  }

  private isSwvOf(user: AuthUser, swvId: string): boolean {
    return user.role === Role.SWV_MEDEWERKER && !!user.swvId && user.swvId === swvId;
  }

  /** The school, when the user may read its effective policy and versions. */
  async schoolForPolicyRead(user: AuthUser, schoolId: string): Promise<SchoolEntity> {
    const school = await this.school(schoolId);
    if (user.role === Role.ADMIN || this.isZc(user, school) || this.isSwvOf(user, school.swvId)) return school;
    throw AppError.forbidden();
  }

  /** The SWV, when the user may read its versions (admin, its employees, a zorgcoördinator of a member school). */
  async swvForPolicyRead(user: AuthUser, swvId: string): Promise<SwvEntity> {
    const swv = await this.swv(swvId);
    if (user.role === Role.ADMIN || this.isSwvOf(user, swv.id)) return swv;
    if (user.role === Role.ZORGCOORDINATOR && user.schoolId) {
      const own = await this.dataSource.getRepository(SchoolEntity).findOneBy({ id: user.schoolId });
      if (own?.swvId === swv.id) return swv;
    }
    throw AppError.forbidden();
  }

  /** Checks that the user may publish a new version of this scope (and that the scope exists). */
  async assertMayPublish(user: AuthUser, scope: PolicyScope, scopeId: string): Promise<void> {
    if (scope === PolicyScope.SWV) {
      await this.swv(scopeId);
      if (user.role !== Role.ADMIN) {
        throw new AppError('FORBIDDEN', 'Alleen een beheerder kan het beleid van een samenwerkingsverband wijzigen', 'Only an admin can change the policy of an SWV');
      }
      return;
    }
    const school = await this.school(scopeId);
    if (user.role !== Role.ADMIN && !this.isZc(user, school)) {
      throw new AppError('FORBIDDEN', 'Alleen de zorgcoördinator van deze school of een beheerder kan het schoolbeleid wijzigen', 'Only the school’s zorgcoördinator or an admin can change the school policy');
    }
  }

  /** The school, when the user may list, add or remove its days off. */
  async schoolForCalendarEdit(user: AuthUser, schoolId: string): Promise<SchoolEntity> {
    const school = await this.school(schoolId);
    if (user.role === Role.ADMIN || this.isZc(user, school)) return school;
    throw AppError.forbidden();
  }

  /** The school, when the user may look at its calendar and due dates. */
  async schoolForCalendarRead(user: AuthUser, schoolId: string): Promise<SchoolEntity> {
    const school = await this.school(schoolId);
    if (user.role === Role.ADMIN || this.isSwvOf(user, school.swvId)) return school;
    if (SCHOOL_STAFF.includes(user.role) && user.schoolId === school.id) return school;
    throw AppError.forbidden();
  }
}
