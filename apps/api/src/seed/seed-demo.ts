import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseSummaryEntity, PupilEntity, PupilGuardianEntity, Role, SchoolEntity, SwvEntity, UserEntity } from '@zorgroute/domain';
import { format, subMonths, subYears } from 'date-fns';
import { toIsoDate } from '@zorgroute/domain/logic';
import { toAuthUser } from '../auth/auth.service';
import { StartTrajectoryUseCase } from '../trajectories/usecases/start-trajectory.usecase';
import { CaseStepService } from '../cases/case-step.service';
import { seedDemoMeetings } from './demo-meetings';
import { seedDemoCases } from './demo-cases';
import { DEMO_PUPILS, DEMO_SCHOOLS, DEMO_SWV, DEMO_USERS } from './demo-data';

export interface SeedOptions {
  /**
   * Also the demo cases of every process P1–P8 (demo-cases.ts; default true, as `npm start` loads them). The test
   * suites that only need the organisations, people and the first P1 cases leave them out: they take a minute.
   */
  allProcesses?: boolean;
}

export interface SeedResult {
  createdUsers: number;
  createdPupils: number;
  startedCases: number;
}

/** The birth date of someone who is `years` old today (his birthday two months ago). */
function birthDateAtAge(years: number): string {
  const today = new Date(`${toIsoDate(Date.now())}T12:00:00`);
  return format(subMonths(subYears(today, years), 2), 'yyyy-MM-dd');
}

/** Inserts the demo records that are missing and starts demo cases through the real use cases. Idempotent. */
export async function seedDemo(app: INestApplicationContext, log: (line: string) => void = () => undefined, options: SeedOptions = {}): Promise<SeedResult> {
  const ds = app.get(DataSource);
  const result: SeedResult = { createdUsers: 0, createdPupils: 0, startedCases: 0 };

  let swv = await ds.getRepository(SwvEntity).findOneBy({ code: DEMO_SWV.code });
  swv ??= await ds.getRepository(SwvEntity).save(ds.getRepository(SwvEntity).create(DEMO_SWV));

  const schools = new Map<string, SchoolEntity>();
  for (const s of DEMO_SCHOOLS) {
    let school = await ds.getRepository(SchoolEntity).findOneBy({ brin: s.brin });
    school ??= await ds.getRepository(SchoolEntity).save(ds.getRepository(SchoolEntity).create({ swvId: swv.id, brin: s.brin, name: s.name, region: s.region }));
    schools.set(s.key, school);
  }

  const users = new Map<string, UserEntity>();
  const ensureUser = async (email: string, name: string, role: Role, schoolId: string | null, pupilId: string | null = null) => {
    let u = await ds.getRepository(UserEntity).findOneBy({ email });
    if (!u) {
      u = await ds.getRepository(UserEntity).save(
        ds.getRepository(UserEntity).create({ email, name, role, schoolId, swvId: role === Role.SWV_MEDEWERKER || schoolId ? swv.id : null, pupilId }),
      );
      result.createdUsers += 1;
    }
    users.set(email, u);
    return u;
  };
  for (const u of DEMO_USERS) await ensureUser(u.email, u.name, u.role, u.school ? (schools.get(u.school)?.id ?? null) : null);

  const pupils = new Map<string, PupilEntity>();
  const parents = new Map<string, UserEntity[]>();
  for (const p of DEMO_PUPILS) {
    const school = schools.get(p.school) as SchoolEntity;
    let pupil = await ds.getRepository(PupilEntity).findOneBy({ schoolId: school.id, firstName: p.firstName, lastName: p.lastName });
    if (!pupil) {
      pupil = await ds.getRepository(PupilEntity).save(
        ds.getRepository(PupilEntity).create({ schoolId: school.id, firstName: p.firstName, lastName: p.lastName, dateOfBirth: birthDateAtAge(p.age), className: p.className, mentorId: p.mentor ? (users.get(p.mentor)?.id ?? null) : null }),
      );
      result.createdPupils += 1;
    }
    pupils.set(p.key, pupil);
    for (const parent of p.parents) {
      const u = await ensureUser(parent.email, parent.name, Role.PARENT, school.id);
      parents.set(p.key, [...(parents.get(p.key) ?? []), u]);
      await ds.getRepository(PupilGuardianEntity).upsert({ pupilId: pupil.id, userId: u.id, relation: 'ouder' }, ['pupilId', 'userId']);
    }
    if (p.account) await ensureUser(p.account, `${p.firstName} ${p.lastName}`, Role.PUPIL, school.id, pupil.id);
  }

  // Demo cases in different states, started and advanced through the same use cases as the api.
  const zc = toAuthUser(users.get('zc@daltoncollege.example') as UserEntity);
  const zcBaken = toAuthUser(users.get('zc@hetbaken.example') as UserEntity);
  const start = app.get(StartTrajectoryUseCase);
  const steps = app.get(CaseStepService);
  const today = toIsoDate(Date.now());
  const demoCases = [
    { pupil: 'p1', by: zc, key: 'demo-1', reason: 'Faalangst bij toetsen; trekt zich terug in de klas', advance: 2 },
    { pupil: 'p2', by: zc, key: 'demo-2', reason: 'Moeite met plannen en huiswerk', advance: 1 },
    { pupil: 'p3', by: zc, key: 'demo-3', reason: 'Conflicten met klasgenoten in de pauzes', advance: 0 },
    { pupil: 'p6', by: zcBaken, key: 'demo-4', reason: 'Veel verzuim in de eerste uren', advance: 0 },
  ];
  for (const c of demoCases) {
    const pupil = pupils.get(c.pupil) as PupilEntity;
    const existing = await ds.getRepository(CaseSummaryEntity).findOneBy({ id: `ondersteuningstraject-${pupil.id}-${c.key}` });
    if (existing) continue;
    const summary = await start.execute(c.by, { pupilId: pupil.id, reason: c.reason, requestKey: c.key, weeks: 8 });
    result.startedCases += 1;
    if (c.advance >= 1) {
      // The start answers once the case is in the read model; the intake step opens a moment later.
      await waitForStep(ds, summary.id, 'RECORD_INTAKE');
      await steps.take(c.by, summary.id, 'RECORD_INTAKE', { intakeDate: today, goal: 'Ik wil rustiger worden voor een toets en mijn planning zelf bijhouden', subGoals: ['Elke week een planning maken'] });
    }
    if (c.advance >= 2) {
      await steps.take(c.by, summary.id, 'ASSIGN_COACH', { coachId: (users.get('coach@daltoncollege.example') as UserEntity).id, sessionWeekday: 2, sessionTime: '10:15' });
    }
    log(`[seed] demo case ${summary.id}`);
  }
  // The demo cases of every process (P1–P8) in their states.
  if (options.allProcesses !== false) {
    result.startedCases += await seedDemoCases(app, { swv, schools, users, pupils, parents }, log);
    // After the demo cases: the meetings of the demo school year (issue 17.8), the ZAT calendar of cases started later.
    await seedDemoMeetings(ds, schools, today, log);
  }
  return result;
}

/** Waits (bounded) until the case's read-model row shows it waits for `step`. */
async function waitForStep(ds: DataSource, caseId: string, step: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const row = await ds.getRepository(CaseSummaryEntity).findOneBy({ id: caseId });
    if (row?.waitingFor === step) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`[seed] ${caseId} did not reach ${step} within 30 s`);
}
