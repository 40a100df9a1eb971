/**
 * Versioned policies and the editable school calendar through GraphQL, against PostgreSQL: publishing with
 * validation (every problem listed, nothing written on bad input), the effective policy and its version label,
 * days off per school year, due dates explained on the calendar, and who may see and change what.
 * Uses its own SWVs, schools and users, so it does not change the demo schools other tests use.
 */
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { migrateFromEnv, PolicyVersionEntity, Role, SchoolDayOffEntity, SchoolEntity, SwvEntity, UserEntity } from '@zorgroute/domain';
import { addCalendarDays, buildSchoolCalendar, dueInSchoolDays, nextSchoolDay, toIsoDate } from '@zorgroute/domain/logic';
import { appConfigFromEnv } from '../src/config/app.config';
import { createApp } from '../src/create-app';
import { GraphQLTestClient, type GqlResult } from './graphql-client';

const stamp = Date.now().toString(36);
let app: INestApplication;
let ds: DataSource;
let gql: GraphQLTestClient;
const swv: Record<'a' | 'b', SwvEntity> = {} as never;
const school: Record<'a1' | 'a2' | 'b1', SchoolEntity> = {} as never;
const email = (who: string) => `${who}.${stamp}@beleidstest.example`;

const EFFECTIVE = `query($s: ID!) { effectivePolicy(schoolId: $s) { schoolId version policiesJson settings { path valueJson defaultJson source } swvVersion { version } schoolVersion { version note createdByName } swvVersions { version } schoolVersions { version overridesJson } } }`;
const PUBLISH = `mutation($i: PublishPolicyVersionInput!) { publishPolicyVersion(input: $i) { id scope scopeId version overridesJson note createdByName } }`;
const VERSIONS = `query($scope: PolicyScope!, $id: ID!) { policyVersions(scope: $scope, scopeId: $id) { version } }`;
const ADD_DAY_OFF = `mutation($i: AddSchoolDayOffInput!) { addSchoolDayOff(input: $i) { id schoolId schoolYear from to name createdByName } }`;
const DAYS_OFF = `query($s: ID!, $y: String) { schoolDaysOff(schoolId: $s, schoolYear: $y) { id from to name schoolYear } }`;
const CALENDAR = `query($s: ID!, $y: String) { schoolCalendar(schoolId: $s, schoolYear: $y) { region schoolYear holidaysKnown holidays { from to name } daysOff { name } schoolDays } }`;
const EXPLAIN = `query($s: ID!, $start: String!, $n: Int!) { explainDueDate(schoolId: $s, start: $start, schoolDays: $n) { date explanation rule inputsJson } }`;
const REMOVE = `mutation($id: ID!) { removeSchoolDayOff(id: $id) { id name } }`;

function code(r: GqlResult<unknown>): string | undefined {
  return r.errors?.[0]?.extensions?.code;
}

async function as(who: string): Promise<void> {
  await gql.login(email(who));
}

beforeAll(async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, API_PORT: '0' };
  await migrateFromEnv(env);
  app = await createApp(appConfigFromEnv(env));
  await app.listen(0, '127.0.0.1');
  gql = new GraphQLTestClient(`${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1'));
  ds = app.get(DataSource);
  swv.a = await ds.getRepository(SwvEntity).save({ name: 'SWV Beleidstest A', code: `PA${stamp}`.slice(0, 20) });
  swv.b = await ds.getRepository(SwvEntity).save({ name: 'SWV Beleidstest B', code: `PB${stamp}`.slice(0, 20) });
  school.a1 = await ds.getRepository(SchoolEntity).save({ swvId: swv.a.id, name: 'Beleidscollege Eén', brin: `A1${stamp}`.slice(0, 10), region: 'midden' });
  school.a2 = await ds.getRepository(SchoolEntity).save({ swvId: swv.a.id, name: 'Beleidscollege Twee', brin: `A2${stamp}`.slice(0, 10), region: 'zuid' });
  school.b1 = await ds.getRepository(SchoolEntity).save({ swvId: swv.b.id, name: 'Elders Lyceum', brin: `B1${stamp}`.slice(0, 10), region: 'noord' });
  const users: [string, Role, SchoolEntity | null, SwvEntity | null][] = [
    ['beheer', Role.ADMIN, null, null],
    ['zc-a1', Role.ZORGCOORDINATOR, school.a1, swv.a],
    ['zc-a2', Role.ZORGCOORDINATOR, school.a2, swv.a],
    ['mentor-a1', Role.MENTOR, school.a1, swv.a],
    ['loket-a', Role.SWV_MEDEWERKER, null, swv.a],
    ['loket-b', Role.SWV_MEDEWERKER, null, swv.b],
  ];
  for (const [who, role, s, v] of users) {
    await ds.getRepository(UserEntity).save({ email: email(who), name: `Test ${who}`, role, schoolId: s?.id ?? null, swvId: v?.id ?? null, pupilId: null });
  }
}, 120_000);

afterAll(async () => {
  await app?.close();
}, 60_000);

describe('versioned policies through GraphQL', () => {
  it('shows the defaults as "standaard" before any version', async () => {
    await as('zc-a1');
    const { effectivePolicy } = await gql.ok<{ effectivePolicy: { version: string; policiesJson: string; settings: { path: string; source: string }[]; swvVersion: null; schoolVersion: null } }>(EFFECTIVE, { s: school.a1.id });
    expect(effectivePolicy.version).toBe('standaard');
    expect(JSON.parse(effectivePolicy.policiesJson).jos.maxMonths).toBe(5);
    expect(effectivePolicy.settings.every((s) => s.source === 'STANDAARD')).toBe(true);
    expect(effectivePolicy.settings.find((s) => s.path === 'jos.maxMonths')).toBeDefined();
    // The ZAT dates are the school's ZAT meetings (issue 17.8), not a policy setting.
    expect(effectivePolicy.settings.find((s) => s.path === 'zorgroute.zatMeetingDates')).toBeUndefined();
  });

  it('refuses ZAT dates in a policy version (they are ZAT meetings now) and stores nothing', async () => {
    await as('zc-a1');
    const r = await gql.request(PUBLISH, { i: { scope: 'SCHOOL', scopeId: school.a1.id, overrides: JSON.stringify({ zorgroute: { zatMeetingDates: ['2027-03-16'] } }), note: 'ZAT-data' } });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toMatch(/plan ze als ZAT-overleg op het scherm Overleggen/);
    const { effectivePolicy } = await gql.ok<{ effectivePolicy: { version: string } }>(EFFECTIVE, { s: school.a1.id });
    expect(effectivePolicy.version).toBe('standaard');
  });

  it('publishes school and SWV versions; the effective policy names them and says where each value comes from', async () => {
    await as('zc-a1');
    const school1 = await gql.ok<{ publishPolicyVersion: { scope: string; version: number; note: string; createdByName: string } }>(PUBLISH, {
      i: { scope: 'SCHOOL', scopeId: school.a1.id, overrides: JSON.stringify({ jos: { maxMonths: 4 } }), note: 'JOS korter op onze school' },
    });
    expect(school1.publishPolicyVersion).toMatchObject({ scope: 'SCHOOL', version: 1, note: 'JOS korter op onze school', createdByName: 'Test zc-a1' });

    await as('beheer');
    const swv1 = await gql.ok<{ publishPolicyVersion: { version: number } }>(PUBLISH, { i: { scope: 'SWV', scopeId: swv.a.id, overrides: JSON.stringify({ jos: { evaluationEveryWeeks: 4 }, ladder: { sendAtHour: 7 } }) } });
    expect(swv1.publishPolicyVersion.version).toBe(1);

    await as('zc-a1');
    const { effectivePolicy } = await gql.ok<{ effectivePolicy: { version: string; policiesJson: string; settings: { path: string; valueJson: string; defaultJson: string; source: string }[]; swvVersions: { version: number }[]; schoolVersions: { version: number }[] } }>(EFFECTIVE, { s: school.a1.id });
    expect(effectivePolicy.version).toBe('swv:1/school:1');
    const setting = (p: string) => effectivePolicy.settings.find((s) => s.path === p);
    expect(setting('jos.maxMonths')).toEqual({ path: 'jos.maxMonths', valueJson: '4', defaultJson: '5', source: 'SCHOOL' });
    expect(setting('jos.evaluationEveryWeeks')?.source).toBe('SWV');
    expect(setting('ladder.sendAtHour')?.valueJson).toBe('7');
    expect(setting('jos.formWithinSchoolDays')?.source).toBe('STANDAARD');
    expect(effectivePolicy.swvVersions.map((v) => v.version)).toEqual([1]);
    expect(effectivePolicy.schoolVersions.map((v) => v.version)).toEqual([1]);

    await as('zc-a2');
    const other = await gql.ok<{ effectivePolicy: { version: string; policiesJson: string } }>(EFFECTIVE, { s: school.a2.id });
    expect(other.effectivePolicy.version).toBe('swv:1');
    expect(JSON.parse(other.effectivePolicy.policiesJson).jos.maxMonths).toBe(5);
  });

  it('refuses bad input with every problem in Dutch and English, and writes nothing', async () => {
    const count = () => ds.getRepository(PolicyVersionEntity).count();
    const before = await count();
    await as('zc-a1');

    const notJson = await gql.request(PUBLISH, { i: { scope: 'SCHOOL', scopeId: school.a1.id, overrides: '{ jos: 4 ' } });
    expect(code(notJson)).toBe('BAD_USER_INPUT');
    expect(notJson.errors?.[0].message).toMatch(/geen geldige JSON/);
    expect(notJson.errors?.[0].extensions?.messageEn).toMatch(/not valid JSON/);

    const bad = await gql.request(PUBLISH, {
      i: { scope: 'SCHOOL', scopeId: school.a1.id, overrides: JSON.stringify({ jos: { maxMonths: 0, capWarningWeeksBefore: 3 }, ladder: { sendAtHour: 25, escalateAfterSchoolDays: 12 } }) },
    });
    expect(code(bad)).toBe('BAD_USER_INPUT');
    const problems = (bad.errors?.[0].extensions as { details?: { problems?: string[] } }).details?.problems ?? [];
    expect(problems).toEqual(
      expect.arrayContaining([
        'jos.maxMonths: moet een positief geheel getal zijn (must be a positive integer); waarde/value: 0',
        'ladder.stuckAfterSchoolDays: moet groter zijn dan escalateAfterSchoolDays (eerst escaleren, dan vastgelopen) (must be greater than escalateAfterSchoolDays (escalate before the case is stuck)); waarde/value: 10',
        'ladder.sendAtHour: moet een geheel getal van 0 tot en met 23 zijn (must be an integer from 0 to 23); waarde/value: 25',
      ]),
    );
    expect(bad.errors?.[0].message).toMatch(/^Ongeldig beleid \(3 problemen\), er is niets opgeslagen: /);
    expect(bad.errors?.[0].extensions?.messageEn).toMatch(/^Invalid policy \(3 problems\), nothing was saved: /);

    const unknown = await gql.request(PUBLISH, { i: { scope: 'SCHOOL', scopeId: school.a1.id, overrides: JSON.stringify({ jos: { maxMonth: 4, maxMonths: 'vier' } }) } });
    expect((unknown.errors?.[0].extensions as { details?: { problems?: string[] } }).details?.problems).toEqual([
      'jos.maxMonth: onbekende beleidsinstelling (unknown policy setting); waarde/value: 4',
      'jos.maxMonths: moet een getal zijn (must be of type number); waarde/value: "vier"',
    ]);

    // An SWV version is checked against every member school's own version too.
    await as('beheer');
    const breaksSchool = await gql.request(PUBLISH, { i: { scope: 'SWV', scopeId: swv.a.id, overrides: JSON.stringify({ jos: { capWarningWeeksBefore: 17 } }) } });
    expect(code(breaksSchool)).toBe('BAD_USER_INPUT');
    expect(breaksSchool.errors?.[0].message).toContain('Beleidscollege Eén (school:1): jos.capWarningWeeksBefore');

    const dtoInvalid = await gql.request(PUBLISH, { i: { scope: 'SCHOOL', scopeId: 'geen-id', overrides: '{}' } });
    expect(code(dtoInvalid)).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(before);
  });

  it('scopes reading and publishing by role', async () => {
    await as('zc-a1');
    expect(code(await gql.request(EFFECTIVE, { s: school.a2.id }))).toBe('FORBIDDEN');
    expect(code(await gql.request(PUBLISH, { i: { scope: 'SCHOOL', scopeId: school.a2.id, overrides: '{}' } }))).toBe('FORBIDDEN');
    const swvByZc = await gql.request(PUBLISH, { i: { scope: 'SWV', scopeId: swv.a.id, overrides: '{}' } });
    expect(code(swvByZc)).toBe('FORBIDDEN');
    expect(swvByZc.errors?.[0].message).toContain('Alleen een beheerder');
    expect((await gql.ok<{ policyVersions: { version: number }[] }>(VERSIONS, { scope: 'SWV', id: swv.a.id })).policyVersions.map((v) => v.version)).toEqual([1]);
    expect(code(await gql.request(VERSIONS, { scope: 'SWV', id: swv.b.id }))).toBe('FORBIDDEN');
    expect(code(await gql.request(EFFECTIVE, { s: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');

    await as('loket-a');
    expect((await gql.ok<{ effectivePolicy: { version: string } }>(EFFECTIVE, { s: school.a1.id })).effectivePolicy.version).toBe('swv:1/school:1');
    expect((await gql.ok<{ effectivePolicy: { version: string } }>(EFFECTIVE, { s: school.a2.id })).effectivePolicy.version).toBe('swv:1');
    expect(code(await gql.request(EFFECTIVE, { s: school.b1.id }))).toBe('FORBIDDEN');
    expect(code(await gql.request(PUBLISH, { i: { scope: 'SWV', scopeId: swv.a.id, overrides: '{}' } }))).toBe('FORBIDDEN');

    await as('loket-b');
    expect(code(await gql.request(EFFECTIVE, { s: school.a1.id }))).toBe('FORBIDDEN');

    await as('mentor-a1');
    expect(code(await gql.request(EFFECTIVE, { s: school.a1.id }))).toBe('FORBIDDEN');
    expect(code(await gql.request(PUBLISH, { i: { scope: 'SCHOOL', scopeId: school.a1.id, overrides: '{}' } }))).toBe('FORBIDDEN');

    // The admin can publish for any school; {} returns to the SWV level.
    await as('beheer');
    const reset = await gql.ok<{ publishPolicyVersion: { version: number; overridesJson: string } }>(PUBLISH, { i: { scope: 'SCHOOL', scopeId: school.a1.id, overrides: '{}', note: 'Terug naar SWV-beleid' } });
    expect(reset.publishPolicyVersion).toMatchObject({ version: 2, overridesJson: '{}', createdByName: 'Test beheer' });
    expect((await gql.ok<{ effectivePolicy: { version: string; policiesJson: string } }>(EFFECTIVE, { s: school.a1.id })).effectivePolicy.version).toBe('swv:1/school:2');
  });
});

describe('the school calendar through GraphQL', () => {
  const cal = buildSchoolCalendar('midden');
  const today = toIsoDate(Date.now());
  // A school day well ahead, so the test does not depend on the weekday it runs.
  const studiedag = nextSchoolDay(addCalendarDays(today, 14), cal);
  const start = addCalendarDays(studiedag, -7);

  it('adds a day off, lists it per school year, and explains due dates that skip it', async () => {
    await as('zc-a1');
    const before = await gql.ok<{ explainDueDate: { date: string; explanation: string } }>(EXPLAIN, { s: school.a1.id, start, n: 10 });
    expect(before.explainDueDate.date).toBe(dueInSchoolDays(start, 10, cal, 'x').date);

    const { addSchoolDayOff } = await gql.ok<{ addSchoolDayOff: { id: string; schoolYear: string; from: string; name: string; createdByName: string } }>(ADD_DAY_OFF, {
      i: { schoolId: school.a1.id, from: studiedag, to: studiedag, name: 'Studiedag' },
    });
    expect(addSchoolDayOff).toMatchObject({ from: studiedag, name: 'Studiedag', createdByName: 'Test zc-a1' });

    const after = await gql.ok<{ explainDueDate: { date: string; explanation: string; rule: string; inputsJson: string } }>(EXPLAIN, { s: school.a1.id, start, n: 10 });
    const withDayOff = buildSchoolCalendar('midden', [{ from: studiedag, to: studiedag, name: 'Studiedag' }]);
    expect(after.explainDueDate.date).toBe(dueInSchoolDays(start, 10, withDayOff, 'x').date);
    expect(after.explainDueDate.date > before.explainDueDate.date).toBe(true);
    expect(after.explainDueDate.explanation).toContain('Studiedag 1');
    expect(after.explainDueDate.explanation).toMatch(/^Uiterlijk \d{4}-\d{2}-\d{2}: 10 schooldagen na /);
    expect(JSON.parse(after.explainDueDate.inputsJson)).toMatchObject({ start, schoolDays: 10, region: 'midden', schoolDaysOff: 1 });

    const list = await gql.ok<{ schoolDaysOff: { name: string; schoolYear: string }[] }>(DAYS_OFF, { s: school.a1.id, y: addSchoolDayOff.schoolYear });
    expect(list.schoolDaysOff.map((d) => d.name)).toEqual(['Studiedag']);
    const calendar = await gql.ok<{ schoolCalendar: { region: string; holidaysKnown: boolean; holidays: { name: string }[]; daysOff: { name: string }[]; schoolDays: number } }>(CALENDAR, { s: school.a1.id, y: addSchoolDayOff.schoolYear });
    expect(calendar.schoolCalendar.region).toBe('midden');
    expect(calendar.schoolCalendar.daysOff.map((d) => d.name)).toEqual(['Studiedag']);
    if (calendar.schoolCalendar.holidaysKnown) expect(calendar.schoolCalendar.holidays.map((h) => h.name)).toContain('Kerstvakantie');
    expect(calendar.schoolCalendar.schoolDays).toBeGreaterThan(150);

    // The other school's calendar is not affected.
    await as('zc-a2');
    const elsewhere = await gql.ok<{ explainDueDate: { explanation: string } }>(EXPLAIN, { s: school.a2.id, start, n: 10 });
    expect(elsewhere.explainDueDate.explanation).not.toContain('Studiedag');
  });

  it('refuses overlapping, reversed and cross-year ranges with every problem, and writes nothing', async () => {
    const count = () => ds.getRepository(SchoolDayOffEntity).countBy({ schoolId: school.a1.id });
    const before = await count();
    await as('zc-a1');
    const overlap = await gql.request(ADD_DAY_OFF, { i: { schoolId: school.a1.id, from: addCalendarDays(studiedag, -1), to: studiedag, name: 'Dubbel' } });
    expect(code(overlap)).toBe('BAD_USER_INPUT');
    expect(overlap.errors?.[0].message).toContain('overlapt met "Studiedag"');
    expect(overlap.errors?.[0].extensions?.messageEn).toContain('overlaps with "Studiedag"');

    const crossYear = await gql.request(ADD_DAY_OFF, { i: { schoolId: school.a1.id, from: '2027-07-30', to: '2027-08-02', name: 'Over de grens' } });
    expect(crossYear.errors?.[0].message).toContain('in hetzelfde schooljaar');
    const reversed = await gql.request(ADD_DAY_OFF, { i: { schoolId: school.a1.id, from: '2027-03-10', to: '2027-03-09', name: 'Omgekeerd', schoolYear: '2027-2028' } });
    const problems = (reversed.errors?.[0].extensions as { details?: { problems?: { field: string }[] } }).details?.problems ?? [];
    expect(problems.map((p) => p.field)).toEqual(['to', 'schoolYear']);
    const noName = await gql.request(ADD_DAY_OFF, { i: { schoolId: school.a1.id, from: '2027-03-10', to: '2027-03-10', name: '' } });
    expect(noName.errors?.[0].message).toMatch(/^Ongeldige invoer: naam moet 1 tot 100 tekens lang zijn/);
    const badDate = await gql.request(EXPLAIN, { s: school.a1.id, start: '2027-02-30', n: 3 });
    expect(code(badDate)).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(before);
  });

  it('scopes the calendar: only the school’s zorgcoördinator or an admin edits; staff and its SWV can check due dates', async () => {
    await as('zc-a2');
    expect(code(await gql.request(ADD_DAY_OFF, { i: { schoolId: school.a1.id, from: '2027-03-10', to: '2027-03-10', name: 'Niet van mij' } }))).toBe('FORBIDDEN');
    expect(code(await gql.request(DAYS_OFF, { s: school.a1.id }))).toBe('FORBIDDEN');
    expect(code(await gql.request(EXPLAIN, { s: school.a1.id, start, n: 2 }))).toBe('FORBIDDEN');

    await as('mentor-a1');
    expect(code(await gql.request(ADD_DAY_OFF, { i: { schoolId: school.a1.id, from: '2027-03-10', to: '2027-03-10', name: 'Mentor' } }))).toBe('FORBIDDEN');
    expect((await gql.ok<{ explainDueDate: { explanation: string } }>(EXPLAIN, { s: school.a1.id, start, n: 10 })).explainDueDate.explanation).toContain('Studiedag');

    await as('loket-a');
    expect((await gql.ok<{ schoolCalendar: { daysOff: unknown[] } }>(CALENDAR, { s: school.a1.id })).schoolCalendar.daysOff).toBeDefined();
    await as('loket-b');
    expect(code(await gql.request(EXPLAIN, { s: school.a1.id, start, n: 2 }))).toBe('FORBIDDEN');

    // Removing: not by another school; by the admin, who gets back what was removed.
    await as('zc-a1');
    const [dayOff] = (await gql.ok<{ schoolDaysOff: { id: string }[] }>(DAYS_OFF, { s: school.a1.id })).schoolDaysOff;
    await as('zc-a2');
    expect(code(await gql.request(REMOVE, { id: dayOff.id }))).toBe('FORBIDDEN');
    await as('beheer');
    expect((await gql.ok<{ removeSchoolDayOff: { name: string } }>(REMOVE, { id: dayOff.id })).removeSchoolDayOff.name).toBe('Studiedag');
    expect(code(await gql.request(REMOVE, { id: dayOff.id }))).toBe('NOT_FOUND');
    await as('zc-a1');
    expect((await gql.ok<{ explainDueDate: { explanation: string } }>(EXPLAIN, { s: school.a1.id, start, n: 10 })).explainDueDate.explanation).not.toContain('Studiedag');
  });
});
