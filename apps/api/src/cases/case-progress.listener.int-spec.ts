/**
 * The case_summary trigger and the api's listener against PostgreSQL: a new row, a new open step and an end each wake
 * a watcher of that case (as the application role writes them, at commit); a write that changes neither (a due date,
 * the process data) does not; a rolled-back write says nothing.
 */
import type { DataSource } from 'typeorm';
import { CaseReadModelRepository, openOwnTestDatabase, type OwnTestDatabase, PupilEntity, SchoolEntity, SwvEntity } from '@zorgroute/domain';
import type { AppConfig } from '../config/app.config';
import { caseSnapshot } from '../testing/case-snapshot.fixture';
import { CaseProgressListener, pgListenConnectionFactory } from './case-progress.listener';

let db: OwnTestDatabase;
let ds: DataSource;
let listener: CaseProgressListener;
let schoolId: string;
let pupilId: string;

beforeAll(async () => {
  db = await openOwnTestDatabase('case_progress');
  ds = db.ds;
  const swv = await ds.getRepository(SwvEntity).save({ name: 'SWV Testregio Oost', code: 'VO 96.02' });
  const school = await ds.getRepository(SchoolEntity).save({ swvId: swv.id, name: 'Brem College', brin: '96BB00', region: 'midden' as const });
  const pupil = await ds.getRepository(PupilEntity).save({ schoolId: school.id, firstName: 'Kas', lastName: 'Testleerling', dateOfBirth: '2013-02-01', className: '1C', mentorId: null });
  schoolId = school.id;
  pupilId = pupil.id;
  listener = new CaseProgressListener(pgListenConnectionFactory({ databaseUrl: db.url } as AppConfig));
  await listener.onModuleInit();
}, 120_000);

afterAll(async () => {
  await listener?.onApplicationShutdown();
  await db?.drop();
}, 60_000);

/** Whether a watcher of `caseId` is woken within `ms` after `write` (a wake by the timer is not a wake). */
async function wakes(caseId: string, write: () => Promise<unknown>, ms = 3_000): Promise<boolean> {
  const watch = listener.watch(caseId);
  try {
    await write();
    const begun = Date.now();
    await watch.next(ms);
    return Date.now() - begun < ms - 50;
  } finally {
    watch.close();
  }
}

describe('case progress notifications (trigger on case_summary, LISTEN in the api)', () => {
  const repo = () => new CaseReadModelRepository(ds);
  const row = (seq: number, over: Record<string, unknown> = {}) =>
    caseSnapshot({ caseId: 'ondersteuningstraject-kas-1', process: 'ONDERSTEUNINGSTRAJECT', status: 'INTAKE', schoolId, pupilId, seq, ...over });

  it('listens once the api is up', () => {
    expect(listener.listening).toBe(true);
  });

  it('wakes the watcher of a case when its row appears, its open step changes and it ends — not for other writes', async () => {
    expect(await wakes('ondersteuningstraject-kas-1', () => repo().upsert(row(1)))).toBe(true);
    expect(await wakes('ondersteuningstraject-kas-1', () => repo().upsert(row(2, { waitingFor: 'RECORD_INTAKE' })))).toBe(true);
    expect(await wakes('ondersteuningstraject-kas-1', () => repo().upsert(row(3, { waitingFor: 'RECORD_INTAKE', nextDueDate: '2027-03-01', data: { goal: 'x' } })), 600)).toBe(false);
    expect(await wakes('ondersteuningstraject-kas-1', () => repo().upsert(row(4, { waitingFor: null, status: 'GESTOPT', closedAt: new Date().toISOString() })))).toBe(true);
  });

  it('does not wake the watcher of another case, nor for a write that is rolled back', async () => {
    expect(await wakes('ondersteuningstraject-kas-2', () => repo().upsert(row(1, { caseId: 'ondersteuningstraject-kas-3' })), 600)).toBe(false);
    const rolledBack = () =>
      ds.transaction(async (m) => {
        await repo().upsert(row(1, { caseId: 'ondersteuningstraject-kas-4' }), m);
        throw new Error('rolled back on purpose');
      }).catch(() => undefined);
    expect(await wakes('ondersteuningstraject-kas-4', rolledBack, 600)).toBe(false);
  });
});
