import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { PupilEntity, pupilSearchTerms, pupilSearchTextSql, Role, SchoolEntity, UserEntity } from '@zorgroute/domain';
import { AccessPolicy } from '../access/access-policy';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import type { PupilModel, SchoolModel } from './models/pupil.model';

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

  /**
   * Pupils the caller may see (AccessPolicy.scopePupils, the one scope rule) whose name, class or pupil number holds
   * every word of the query, case and diacritics ignored (`Zoë` is found by "zoe"); those with a word that starts
   * with the first search word come first. Served by the trigram index on the same expression (migration PupilSearch).
   */
  async search(user: AuthUser, query: string, schoolId: string | null | undefined, limit: number): Promise<PupilModel[]> {
    const terms = pupilSearchTerms(query);
    const text = pupilSearchTextSql('p');
    const qb = this.dataSource.getRepository(PupilEntity).createQueryBuilder('p');
    terms.forEach((term, i) => qb.andWhere(`${text} LIKE :term${i}`, { [`term${i}`]: `%${escapeLike(term)}%` }));
    if (schoolId) qb.andWhere('p.school_id = :schoolId', { schoolId });
    // A word of his that starts with the first search word ranks first ("jan" finds Jansen before Bojan).
    const pupils = await this.access
      .scopePupils(qb, user)
      .orderBy(`CASE WHEN ${text} LIKE :wordStart OR ${text} LIKE :anyWordStart THEN 0 ELSE 1 END`, 'ASC')
      .setParameters({ wordStart: `${escapeLike(terms[0] ?? '')}%`, anyWordStart: `% ${escapeLike(terms[0] ?? '')}%` })
      .addOrderBy('p.last_name', 'ASC')
      .addOrderBy('p.first_name', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .limit(limit)
      .getMany();
    return this.toModels(pupils);
  }

  /**
   * The schools of the caller's samenwerkingsverband (names, no personal data), e.g. to give the parents' order of
   * preference at an application: school staff and SWV employees their own SWV's, an admin every school; parents and
   * pupils none (FORBIDDEN).
   */
  async regionSchools(user: AuthUser): Promise<SchoolModel[]> {
    const schools = this.dataSource.getRepository(SchoolEntity);
    let swvId: string | null = null;
    if (user.role === Role.PARENT || user.role === Role.PUPIL) throw AppError.forbidden();
    if (user.role === Role.SWV_MEDEWERKER) swvId = user.swvId ?? null;
    else if (user.role !== Role.ADMIN) swvId = user.schoolId ? ((await schools.findOneBy({ id: user.schoolId }))?.swvId ?? null) : null;
    if (user.role !== Role.ADMIN && !swvId) return [];
    const rows = await schools.find({ where: swvId ? { swvId } : {}, order: { name: 'ASC' }, take: 500 });
    return rows.map((s) => ({ id: s.id, name: s.name, region: s.region }));
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

/** A search word as a literal inside LIKE (its own % and _ match themselves). */
function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}
