import type { DataSource } from 'typeorm';
import { CaseReadModelRepository, PupilEntity, Role, SchoolEntity, SwvEntity, UserEntity, type CaseSnapshot } from '@zorgroute/domain';
import type { AuthUser } from '../auth/auth-user';
import { toAuthUser } from '../auth/auth.service';
import { caseSnapshot } from './case-snapshot.fixture';

/**
 * The world of the SWV boards' service specs (zorgplicht clocks, TLV section): two SWVs, two member schools of the
 * first and one of the second, an employee of each SWV, a zorgcoördinator and a mentor of the first school and a
 * platform admin — and read-model rows written as the workflows write them. Invented names only.
 */
export type BoardSchool = 's1' | 's2' | 's3';
export type BoardUser = 'swvA' | 'swvB' | 'zc1' | 'mentor1' | 'admin';

export interface TwoSwvBoardFixture {
  schools: Record<BoardSchool, SchoolEntity>;
  users: Record<BoardUser, AuthUser>;
  /** A pupil of a school (last name "Testleerling"). */
  pupil(school: BoardSchool, firstName: string): Promise<PupilEntity>;
  /** Upserts a read-model row for case `caseId` with the given process defaults and overrides. */
  addCase(caseId: string, school: BoardSchool, pupil: PupilEntity, over: Partial<CaseSnapshot> & Pick<CaseSnapshot, 'process' | 'status'>): Promise<void>;
}

/** Seeds the fixture; `code` keeps the SWV codes and BRINs of parallel specs apart (e.g. '97'). */
export async function seedTwoSwvBoard(ds: DataSource, opts: { code: string; pupilBornOn: string }): Promise<TwoSwvBoardFixture> {
  const { code } = opts;
  const swvA = await ds.getRepository(SwvEntity).save({ name: 'SWV Testregio Oost', code: `VO ${code}.01` });
  const swvB = await ds.getRepository(SwvEntity).save({ name: 'SWV Testregio West', code: `VO ${code}.02` });
  const school = (swvId: string, name: string, brin: string) => ds.getRepository(SchoolEntity).save({ swvId, name, brin: `${code}${brin}`, region: 'midden' as const });
  const schools: Record<BoardSchool, SchoolEntity> = {
    s1: await school(swvA.id, 'Anemoon College', 'AA00'),
    s2: await school(swvA.id, 'Berkenlaan Lyceum', 'AB00'),
    s3: await school(swvB.id, 'Cederhof School', 'BA00'),
  };
  const user = async (key: BoardUser, role: Role, s: BoardSchool | null, swvId: string | null) =>
    toAuthUser(await ds.getRepository(UserEntity).save({ name: `Test ${key}`, email: `${key}@test.example`, role, schoolId: s ? schools[s].id : null, swvId, pupilId: null }));
  const users: Record<BoardUser, AuthUser> = {
    swvA: await user('swvA', Role.SWV_MEDEWERKER, null, swvA.id),
    swvB: await user('swvB', Role.SWV_MEDEWERKER, null, swvB.id),
    zc1: await user('zc1', Role.ZORGCOORDINATOR, 's1', swvA.id),
    mentor1: await user('mentor1', Role.MENTOR, 's1', swvA.id),
    admin: await user('admin', Role.ADMIN, null, null),
  };
  const readModel = new CaseReadModelRepository(ds);
  return {
    schools,
    users,
    pupil: (s, firstName) =>
      ds.getRepository(PupilEntity).save({ schoolId: schools[s].id, firstName, lastName: 'Testleerling', dateOfBirth: opts.pupilBornOn, className: null, mentorId: null }),
    addCase: (caseId, s, pupil, over) =>
      readModel.upsert(caseSnapshot({ caseId, schoolId: schools[s].id, pupilId: pupil.id, ...over })).then(() => undefined),
  };
}
