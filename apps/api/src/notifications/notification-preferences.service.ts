import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationMode, NotificationPreferenceEntity, PolicyVersionRepository, Role, SchoolEntity } from '@zorgroute/domain';
import { notificationPolicyOf } from '@zorgroute/domain/logic';
import type { AuthUser } from '../auth/auth-user';
import type { NotificationPreferenceModel } from './models/notification.models';

/** A user's choice between single e-mails and the daily digest, with the school's digest policy. */
@Injectable()
export class NotificationPreferencesService {
  private readonly policies: PolicyVersionRepository;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {
    this.policies = new PolicyVersionRepository(dataSource);
  }

  digestAvailable(user: Pick<AuthUser, 'role'>): boolean {
    return user.role !== Role.PARENT && user.role !== Role.PUPIL;
  }

  async get(user: AuthUser): Promise<NotificationPreferenceModel> {
    const available = this.digestAvailable(user);
    const row = available ? await this.dataSource.getRepository(NotificationPreferenceEntity).findOneBy({ userId: user.id }) : null;
    const school = user.schoolId ? await this.dataSource.getRepository(SchoolEntity).findOneBy({ id: user.schoolId }) : null;
    const policy = school ? notificationPolicyOf((await this.policies.effectiveForSchool(school)).policies) : null;
    return {
      mode: row?.mode ?? NotificationMode.IMMEDIATE,
      digestAvailable: available,
      digestTime: policy ? `${String(policy.digestHour).padStart(2, '0')}:${String(policy.digestMinute).padStart(2, '0')}` : null,
      digestSchoolDaysOnly: policy ? policy.digestSchoolDaysOnly : null,
    };
  }
}
