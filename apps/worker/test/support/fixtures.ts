import { randomUUID } from 'node:crypto';
import {
  PolicyScope,
  PolicyVersionRepository,
  PupilEntity,
  PupilGuardianEntity,
  Role,
  SchoolEntity,
  SwvEntity,
  UserEntity,
  type NotificationMode,
  NotificationPreferenceEntity,
} from '@zorgroute/domain';
import type { PolicyOverrides } from '@zorgroute/domain/logic';
import type { DataSource } from 'typeorm';

/** One school of invented people, unique per call, so tests can share a database. */
export interface SchoolFixture {
  run: string;
  swvId: string;
  schoolId: string;
  schoolName: string;
  zc: UserEntity;
  mentor: UserEntity;
  parent: UserEntity;
  pupils: PupilEntity[];
}

export interface SchoolFixtureOptions {
  pupils?: number;
  /** Published as the school's policy version (e.g. scaled-down notification thresholds). */
  policy?: PolicyOverrides;
  /** Link the parent to the pupils (default true). */
  parents?: boolean;
}

export async function createSchoolFixture(dataSource: DataSource, options: SchoolFixtureOptions = {}): Promise<SchoolFixture> {
  const run = randomUUID().slice(0, 8);
  const m = dataSource.manager;
  const swv = await m.save(SwvEntity, m.create(SwvEntity, { name: `SWV test ${run}`, code: `T${run}` }));
  const schoolName = `Testcollege ${run}`;
  const school = await m.save(SchoolEntity, m.create(SchoolEntity, { swvId: swv.id, name: schoolName, brin: `T${run.slice(0, 6)}`, region: 'midden' }));
  const user = (role: Role, name: string, email: string) => m.save(UserEntity, m.create(UserEntity, { role, name, email, schoolId: school.id, swvId: null, pupilId: null }));
  const zc = await user(Role.ZORGCOORDINATOR, 'Marieke Verhoef', `zc-${run}@school.test`);
  const mentor = await user(Role.MENTOR, 'Sanne de Wit', `mentor-${run}@school.test`);
  const parent = await user(Role.PARENT, 'Petra Veldkamp', `ouder-${run}@thuis.test`);
  const names = ['Daan', 'Noor', 'Sem', 'Lina'];
  const pupils: PupilEntity[] = [];
  for (let i = 0; i < (options.pupils ?? 1); i++) {
    const pupil = await m.save(
      PupilEntity,
      m.create(PupilEntity, { schoolId: school.id, firstName: names[i % names.length], lastName: 'Veldkamp', dateOfBirth: '2012-03-14', className: '2B', mentorId: mentor.id }),
    );
    if (options.parents !== false) await m.save(PupilGuardianEntity, m.create(PupilGuardianEntity, { pupilId: pupil.id, userId: parent.id, relation: 'ouder' }));
    pupils.push(pupil);
  }
  if (options.policy) {
    const published = await new PolicyVersionRepository(dataSource).publish({ scope: PolicyScope.SCHOOL, scopeId: school.id, overrides: options.policy, note: 'test' });
    if (!published.ok) throw new Error(`test policy invalid: ${published.problems.join('; ')}`);
  }
  return { run, swvId: swv.id, schoolId: school.id, schoolName, zc, mentor, parent, pupils };
}

export async function setNotificationMode(dataSource: DataSource, userId: string, mode: NotificationMode): Promise<void> {
  await dataSource.getRepository(NotificationPreferenceEntity).save({ userId, mode, updatedAt: new Date() });
}
