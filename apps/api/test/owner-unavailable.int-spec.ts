/**
 * The one rule "the owner can no longer take this open step" is SQL (work lists filter and flag on it, the school
 * admin's reassign list shows its reason). Evaluated here by PostgreSQL itself for each reason and for the owners who
 * still can take the step.
 */
import { Client } from 'pg';
import { Role } from '@zorgroute/domain';
import { ownerUnavailableReasonSql, ownerUnavailableSql } from '../src/work-lists/work-list-filter';

const S1 = '00000000-0000-4000-8000-000000000001';
const S2 = '00000000-0000-4000-8000-000000000002';
const M1 = '00000000-0000-4000-8000-0000000000a1';
const M2 = '00000000-0000-4000-8000-0000000000a2';
const CASE_UPDATED = '2026-12-01T10:00:00Z';

interface Owner { id: string | null; active: boolean; role: string; schoolId: string | null; roleChangedAt: string | null }
const mentor: Owner = { id: M1, active: true, role: Role.MENTOR, schoolId: S1, roleChangedAt: null };

let db: Client;
beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
});
afterAll(() => db.end());

async function evaluate(owner: Owner, pupilMentorId: string | null): Promise<{ reason: string | null; unavailable: boolean }> {
  const { rows } = await db.query(
    `WITH c AS (SELECT $1::uuid AS school_id, $2::timestamptz AS updated_at),
          u AS (SELECT $3::uuid AS id, $4::boolean AS active, $5::text AS role, $6::uuid AS school_id, $7::timestamptz AS role_changed_at),
          p AS (SELECT $8::uuid AS mentor_id)
     SELECT ${ownerUnavailableReasonSql('c', 'p', 'u')} AS reason, ${ownerUnavailableSql('c', 'p', 'u')} AS unavailable FROM c, u, p`,
    [S1, CASE_UPDATED, owner.id, owner.active, owner.role, owner.schoolId, owner.roleChangedAt, pupilMentorId],
  );
  return rows[0];
}

describe('owner can no longer take the open step (one SQL rule)', () => {
  it.each<[string, Owner, string | null, string | null]>([
    ['the pupil’s own, active mentor can', mentor, M1, null],
    ['a mentor of a pupil without a mentor on record can', mentor, null, null],
    ['an SWV employee (no school) can take SWV steps of any member school', { ...mentor, role: Role.SWV_MEDEWERKER, schoolId: null }, M2, null],
    ['nobody is unavailable when the step has no owner', { ...mentor, id: null }, M1, null],
    ['a deactivated account cannot', { ...mentor, active: false }, M1, 'DEACTIVATED'],
    ['staff who moved to another school cannot', { ...mentor, schoolId: S2 }, M1, 'OTHER_SCHOOL'],
    ['staff whose role changed after the case last moved cannot', { ...mentor, roleChangedAt: '2026-12-02T10:00:00Z' }, M1, 'ROLE_CHANGED'],
    ['a role change before the case last moved does not count', { ...mentor, roleChangedAt: '2026-11-30T10:00:00Z' }, M1, null],
    ['a mentor who is no longer the pupil’s mentor cannot', mentor, M2, 'NOT_MENTOR_ANY_MORE'],
    ['deactivation wins over the other reasons', { ...mentor, active: false, schoolId: S2 }, M2, 'DEACTIVATED'],
  ])('%s', async (_name, owner, pupilMentorId, reason) => {
    expect(await evaluate(owner, pupilMentorId)).toEqual({ reason, unavailable: reason !== null });
  });
});
