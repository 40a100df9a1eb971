/**
 * Versioned policies and school days off against PostgreSQL: gapless version numbers per scope (also under
 * concurrent publishing), nothing written on invalid input, an SWV version checked against its member schools,
 * and the effective policy and calendar of a school.
 */
import type { DataSource } from 'typeorm';
import { PolicyScope, PolicyVersionEntity } from '../entities/policy-version.entity';
import { SchoolDayOffEntity } from '../entities/school-day-off.entity';
import { SchoolEntity } from '../entities/school.entity';
import { SwvEntity } from '../entities/swv.entity';
import { isSchoolDay } from '../logic/calendar';
import { SchoolDayOffRepository } from '../school-calendar/school-day-off.repository';
import { openOwnTestDatabase, type OwnTestDatabase } from '../testing/own-test-database';
import { PolicyVersionRepository } from './policy-version.repository';

let db: OwnTestDatabase;
let ds: DataSource;
let swv: SwvEntity;
let school: SchoolEntity;
let other: SchoolEntity;

beforeAll(async () => {
  db = await openOwnTestDatabase('policy_store');
  ds = db.ds;
  swv = await ds.getRepository(SwvEntity).save({ name: 'SWV Testregio', code: 'VO 98.01' });
  school = await ds.getRepository(SchoolEntity).save({ swvId: swv.id, name: 'Testcollege', brin: '98TA00', region: 'midden' });
  other = await ds.getRepository(SchoolEntity).save({ swvId: swv.id, name: 'Andere school', brin: '98TB00', region: 'zuid' });
}, 60_000);

afterAll(async () => {
  await db?.drop();
});

describe('PolicyVersionRepository', () => {
  it('gives the defaults as "standaard" without versions', async () => {
    const repo = new PolicyVersionRepository(ds);
    const effective = await repo.effectiveForSchool(school);
    expect(effective.label).toBe('standaard');
    expect(effective.policies.jos.maxMonths).toBe(5);
  });

  it('numbers versions per scope and resolves defaults ← latest SWV ← latest school', async () => {
    const repo = new PolicyVersionRepository(ds);
    const s1 = await repo.publish({ scope: PolicyScope.SWV, scopeId: swv.id, overrides: { jos: { maxMonths: 4 } }, note: 'SWV-beleid 2026' });
    const s2 = await repo.publish({ scope: PolicyScope.SWV, scopeId: swv.id, overrides: { jos: { maxMonths: 4, evaluationEveryWeeks: 4 } } });
    const c1 = await repo.publish({ scope: PolicyScope.SCHOOL, scopeId: school.id, overrides: { jos: { maxMonths: 3 } } });
    expect([s1, s2, c1].map((r) => (r.ok ? r.version.version : r.problems))).toEqual([1, 2, 1]);
    const effective = await repo.effectiveForSchool(school);
    expect(effective.label).toBe('swv:2/school:1');
    expect(effective.policies.jos).toMatchObject({ maxMonths: 3, evaluationEveryWeeks: 4, formWithinSchoolDays: 5 });
    const sibling = await repo.effectiveForSchool(other);
    expect(sibling.label).toBe('swv:2');
    expect(sibling.policies.jos.maxMonths).toBe(4);
    expect((await repo.list(PolicyScope.SWV, swv.id)).map((v) => v.version)).toEqual([2, 1]);
  });

  it('writes nothing on invalid overrides and lists every problem', async () => {
    const repo = new PolicyVersionRepository(ds);
    const before = await ds.getRepository(PolicyVersionEntity).count();
    const r = await repo.publish({ scope: PolicyScope.SCHOOL, scopeId: school.id, overrides: { jos: { maxMonths: 0, capWarningWeeksBefore: 'vier' }, onbekend: 1 } });
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.problems).toEqual([
      'jos.capWarningWeeksBefore: moet een getal zijn (must be of type number); waarde/value: "vier"',
      'onbekend: onbekende beleidsinstelling (unknown policy setting); waarde/value: 1',
    ]);
    const bounds = await repo.publish({ scope: PolicyScope.SCHOOL, scopeId: school.id, overrides: { jos: { maxMonths: 0 }, ladder: { sendAtHour: 25 } } });
    expect(bounds.ok ? [] : bounds.problems).toHaveLength(2);
    expect(await ds.getRepository(PolicyVersionEntity).count()).toBe(before);
  });

  it('refuses an SWV version that would break a member school’s own version', async () => {
    const repo = new PolicyVersionRepository(ds);
    // The school's version 1 sets jos.maxMonths = 3; an SWV warning of 13 weeks does not fit in 3 months.
    const r = await repo.publish({ scope: PolicyScope.SWV, scopeId: swv.id, overrides: { jos: { capWarningWeeksBefore: 13 } } });
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.problems).toEqual([expect.stringMatching(/^Testcollege \(school:1\): jos\.capWarningWeeksBefore: moet korter zijn dan maxMonths/)]);
    expect((await repo.latest(PolicyScope.SWV, swv.id))?.version).toBe(2);
  });

  it('numbers concurrent publications without gaps or duplicates', async () => {
    const repo = new PolicyVersionRepository(ds);
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => repo.publish({ scope: PolicyScope.SCHOOL, scopeId: other.id, overrides: { jos: { outcomeWithinSchoolDays: 5 + i } } })));
    expect(results.map((r) => (r.ok ? r.version.version : 0)).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses an unknown scope id', async () => {
    const repo = new PolicyVersionRepository(ds);
    const r = await repo.publish({ scope: PolicyScope.SCHOOL, scopeId: '00000000-0000-4000-8000-000000000000', overrides: {} });
    expect(r).toEqual({ ok: false, problems: ['scopeId: onbekende school (unknown school)'] });
  });
});

describe('SchoolDayOffRepository', () => {
  it('adds, lists per school year, refuses overlaps, removes, and builds the calendar', async () => {
    const repo = new SchoolDayOffRepository(ds);
    const a = await repo.add(school.id, { from: '2027-02-08', to: '2027-02-08', name: 'Studiedag' }, null);
    const b = await repo.add(school.id, { from: '2027-09-13', to: '2027-09-13', name: 'Studiedag najaar' }, null);
    expect(a.ok && b.ok).toBe(true);
    const overlap = await repo.add(school.id, { from: '2027-02-07', to: '2027-02-09', name: 'Dubbel' }, null);
    expect(overlap.ok ? [] : overlap.problems.map((p) => p.nl)).toEqual(['overlapt met "Studiedag" (2027-02-08 t/m 2027-02-08)']);
    expect((await repo.list(school.id, '2026-2027')).map((d) => d.name)).toEqual(['Studiedag']);
    expect((await repo.list(school.id)).map((d) => d.schoolYear)).toEqual(['2026-2027', '2027-2028']);
    expect(await repo.list(other.id)).toEqual([]);

    const cal = await repo.calendarFor(school);
    expect(isSchoolDay('2027-02-08', cal)).toBe(false);
    expect(isSchoolDay('2027-02-08', await repo.calendarFor(other))).toBe(true);

    const id = a.ok ? a.dayOff.id : '';
    expect(await repo.remove(other.id, id)).toBeNull();
    expect((await repo.remove(school.id, id))?.name).toBe('Studiedag');
    expect(await ds.getRepository(SchoolDayOffEntity).countBy({ schoolId: school.id })).toBe(1);
    expect(isSchoolDay('2027-02-08', await repo.calendarFor(school))).toBe(true);
  });

  it('refuses concurrent overlapping additions but one', async () => {
    const repo = new SchoolDayOffRepository(ds);
    const results = await Promise.all([1, 2, 3].map((i) => repo.add(other.id, { from: '2027-03-01', to: '2027-03-02', name: `Poging ${i}` }, null)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });
});
