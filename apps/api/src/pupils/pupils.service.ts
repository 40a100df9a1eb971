import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { PupilEntity, UserEntity } from '@zorgroute/domain';
import { AccessPolicy } from '../access/access-policy';
import type { AuthUser } from '../auth/auth-user';
import type { PupilModel } from './models/pupil.model';

@Injectable()
export class PupilsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}

  async list(user: AuthUser, schoolId?: string | null): Promise<PupilModel[]> {
    const qb = this.dataSource.getRepository(PupilEntity).createQueryBuilder('p').orderBy('p.last_name').addOrderBy('p.first_name');
    if (schoolId) qb.andWhere('p.school_id = :schoolId', { schoolId });
    const pupils = await this.access.scopePupils(qb, user).limit(500).getMany();
    return this.toModels(pupils);
  }

  async toModels(pupils: PupilEntity[]): Promise<PupilModel[]> {
    const mentorIds = [...new Set(pupils.map((p) => p.mentorId).filter((x): x is string => !!x))];
    const mentors = mentorIds.length ? await this.dataSource.getRepository(UserEntity).findBy({ id: In(mentorIds) }) : [];
    const names = new Map(mentors.map((m) => [m.id, m.name]));
    return pupils.map((p) => ({
      id: p.id,
      displayName: `${p.firstName} ${p.lastName}`,
      className: p.className,
      schoolId: p.schoolId,
      mentorName: p.mentorId ? (names.get(p.mentorId) ?? null) : null,
      leftAt: p.leftAt?.toISOString() ?? null,
    }));
  }
}
