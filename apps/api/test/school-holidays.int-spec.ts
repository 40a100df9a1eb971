/**
 * The platform admin's import of the regional school holidays (issue 13 item 6) through GraphQL, against PostgreSQL:
 * the preview of the ministry's open-data file (stores nothing), the import in one audited transaction, a bad file
 * refused with a Dutch error and nothing stored, who may do it, the calendar and due dates that use the imported year at
 * once, and the list of running cases whose due dates were counted without holiday data.
 * Uses its own SWV, school and users; imports the published 2028-2029 dates (docs/samples/holidays), which no other
 * test relies on being absent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseReadModelRepository, holidayFileDigest, migrateFromEnv, PupilEntity, Role, SchoolEntity, SchoolHolidayYearEntity, SwvEntity, UserEntity } from '@zorgroute/domain';
import { appConfigFromEnv } from '../src/config/app.config';
import { createApp } from '../src/create-app';
import { GraphQLTestClient, type GqlResult } from './graphql-client';

const SAMPLE = readFileSync(join(__dirname, '../../../docs/samples/holidays/schoolvakanties-2028-2029.json'), 'utf8');
const stamp = Date.now().toString(36);
const email = (who: string) => `${who}.${stamp}@vakantietest.example`;
let app: INestApplication;
let ds: DataSource;
let gql: GraphQLTestClient;
let school: SchoolEntity;
let other: SchoolEntity;

const PREVIEW = `query($c: String!) { schoolHolidayImportPreview(content: $c) { fileDigest schoolYears { schoolYear replaces } entries { schoolYear vacation compulsory region from to } rejected { schoolYear entry reason } } }`;
const IMPORT = `mutation($c: String!, $d: String!) { importSchoolHolidays(content: $c, fileDigest: $d) { schoolYears coverage { coveredUntil missingSchoolYears } runningCases { updated failed { caseId code message } } } }`;
const YEARS = `query { holidayDataYears { schoolYear source importedByName fileDigest } }`;
const AFFECTED = `query { casesWithoutHolidayData { caseId schoolName dueDates { step stepLabel date schoolYears nowKnown } } }`;
const EXPLAIN = `query($s: ID!, $start: String!, $n: Int!) { explainDueDate(schoolId: $s, start: $start, schoolDays: $n) { date explanation } }`;
const CALENDAR = `query($s: ID!, $y: String) { schoolCalendar(schoolId: $s, schoolYear: $y) { holidaysKnown holidays { from to name } } }`;

function code(r: GqlResult<unknown>): string | undefined {
  return r.errors?.[0]?.extensions?.code;
}

async function stored(): Promise<number> {
  return ds.getRepository(SchoolHolidayYearEntity).countBy({ schoolYear: '2028-2029' });
}

async function audits(): Promise<number> {
  return Number((await ds.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'SCHOOL_HOLIDAYS_IMPORTED'`))[0].n);
}

beforeAll(async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, API_PORT: '0' };
  await migrateFromEnv(env);
  app = await createApp(appConfigFromEnv(env));
  await app.listen(0, '127.0.0.1');
  gql = new GraphQLTestClient(`${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1'));
  ds = app.get(DataSource);
  // A database of an earlier run may hold the year already: start without it.
  await ds.getRepository(SchoolHolidayYearEntity).delete({ schoolYear: '2028-2029' });
  const swv = await ds.getRepository(SwvEntity).save({ name: 'SWV Vakantietest', code: `VT${stamp}`.slice(0, 20) });
  school = await ds.getRepository(SchoolEntity).save({ swvId: swv.id, name: 'Vakantiecollege', brin: `V1${stamp}`.slice(0, 10), region: 'midden' });
  other = await ds.getRepository(SchoolEntity).save({ swvId: swv.id, name: 'Ander Lyceum', brin: `V2${stamp}`.slice(0, 10), region: 'zuid' });
  const users: [string, Role, SchoolEntity | null][] = [
    ['platform', Role.PLATFORM_ADMIN, null],
    ['beheer', Role.ADMIN, null],
    ['zc', Role.ZORGCOORDINATOR, school],
    ['zc-ander', Role.ZORGCOORDINATOR, other],
    ['mentor', Role.MENTOR, school],
    ['schoolbeheer', Role.SCHOOL_ADMIN, school],
  ];
  for (const [who, role, s] of users) {
    await ds.getRepository(UserEntity).save({ email: email(who), name: `Test ${who}`, role, schoolId: s?.id ?? null, swvId: s ? swv.id : null, pupilId: null });
  }
}, 120_000);

afterAll(async () => {
  await app?.close();
}, 60_000);

describe('importing the regional school holidays', () => {
  it('refuses the preview and the import to everyone but the platform admins', async () => {
    for (const who of ['zc', 'mentor', 'schoolbeheer']) {
      await gql.login(email(who));
      expect(code(await gql.request(PREVIEW, { c: SAMPLE }))).toBe('FORBIDDEN');
      expect(code(await gql.request(IMPORT, { c: SAMPLE, d: holidayFileDigest(SAMPLE) }))).toBe('FORBIDDEN');
    }
    expect(await stored()).toBe(0);
  });

  it('refuses a bad file with a Dutch error and stores nothing', async () => {
    await gql.login(email('platform'));
    const before = await audits();
    const notJson = await gql.request(PREVIEW, { c: '<html>Pagina niet gevonden</html>' });
    expect(code(notJson)).toBe('BAD_USER_INPUT');
    expect(notJson.errors?.[0]?.message).toBe('Het bestand is geen JSON. Download de schoolvakanties als JSON van de open data van de Rijksoverheid (output=json); er is niets ingelezen');
    expect(notJson.errors?.[0]?.extensions?.messageEn).toBe('The file is not JSON; nothing was read');
    const wrongShape = await gql.request(IMPORT, { c: '{"title":"Schoolvakanties"}', d: holidayFileDigest('{"title":"Schoolvakanties"}') });
    expect(code(wrongShape)).toBe('BAD_USER_INPUT');
    expect(wrongShape.errors?.[0]?.message).toMatch(/^Het bestand is geen overzicht van schoolvakanties in het formaat van de Rijksoverheid/);
    // A file with a rejected entry previews (with the reason) but is not imported.
    const broken = SAMPLE.replace('"region": "zuid"', '"region": "oost"');
    const preview = await gql.ok<{ schoolHolidayImportPreview: { fileDigest: string; rejected: { entry: string; reason: string }[] } }>(PREVIEW, { c: broken });
    expect(preview.schoolHolidayImportPreview.rejected).toEqual([
      { schoolYear: '2028-2029', entry: 'Herfstvakantie, regio oost', reason: 'onbekende regio; verwacht noord, midden, zuid of heel Nederland' },
    ]);
    const refused = await gql.request(IMPORT, { c: broken, d: preview.schoolHolidayImportPreview.fileDigest });
    expect(code(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toBe('Het bestand heeft 1 afgekeurde regel; pas het aan en lees het opnieuw in. Er is niets opgeslagen');
    // Not the previewed file.
    const otherFile = await gql.request(IMPORT, { c: SAMPLE, d: holidayFileDigest(broken) });
    expect(otherFile.errors?.[0]?.message).toBe('Dit is niet het bestand van de voorvertoning; bekijk de voorvertoning opnieuw. Er is niets opgeslagen');
    expect(await stored()).toBe(0);
    expect(await audits()).toBe(before);
  });

  it('previews the published 2028-2029 file without storing it', async () => {
    await gql.login(email('platform'));
    type Entry = { schoolYear: string; vacation: string; compulsory: boolean; region: string; from: string; to: string };
    const { schoolHolidayImportPreview: p } = await gql.ok<{ schoolHolidayImportPreview: { fileDigest: string; schoolYears: { schoolYear: string; replaces: string | null }[]; entries: Entry[]; rejected: unknown[] } }>(PREVIEW, { c: SAMPLE });
    expect(p.fileDigest).toBe(holidayFileDigest(SAMPLE));
    expect(p.rejected).toEqual([]);
    expect(p.schoolYears).toEqual([{ schoolYear: '2028-2029', replaces: null }]);
    expect([...new Set(p.entries.map((e) => e.vacation))]).toEqual(['Herfstvakantie', 'Kerstvakantie', 'Voorjaarsvakantie', 'Meivakantie', 'Zomervakantie']);
    expect(p.entries).toHaveLength(15);
    expect(p.entries).toContainEqual({ schoolYear: '2028-2029', vacation: 'Herfstvakantie', compulsory: false, region: 'midden', from: '2028-10-21', to: '2028-10-29' });
    expect(await stored()).toBe(0);
  });

  it('previews a file of six school years (more than any other text argument may carry) without storing it', async () => {
    await gql.login(email('platform'));
    // The published year and five later ones (the same dates, each a year later): the ministry's overview of several years.
    const shifted = (k: number) => JSON.parse(SAMPLE.replace(/20(\d\d)/g, (_, yy: string) => String(2000 + Number(yy) + k))).content[0];
    const file = JSON.stringify({ type: 'Schoolvakanties', content: [0, 1, 2, 3, 4, 5].map(shifted) }, null, 2);
    expect(file.length).toBeGreaterThan(10_000);
    const { schoolHolidayImportPreview: p } = await gql.ok<{ schoolHolidayImportPreview: { schoolYears: { schoolYear: string }[]; entries: unknown[]; rejected: unknown[] } }>(PREVIEW, { c: file });
    expect(p.rejected).toEqual([]);
    expect(p.schoolYears.map((y) => y.schoolYear)).toEqual(['2028-2029', '2029-2030', '2030-2031', '2031-2032', '2032-2033', '2033-2034']);
    expect(p.entries).toHaveLength(6 * 15);
    expect(await stored()).toBe(0);

    const tooLarge = await gql.request(PREVIEW, { c: file.padEnd(60_001, ' ') });
    expect(code(tooLarge)).toBe('BAD_USER_INPUT');
  });

  it('lists the running cases whose due dates were counted without holiday data, scoped like every case list', async () => {
    const pupil = await ds.getRepository(PupilEntity).save({ schoolId: school.id, firstName: 'Vera', lastName: 'Vakantie', dateOfBirth: '2013-05-01', className: '2a', mentorId: null });
    const now = new Date().toISOString();
    const caseId = `vakantietest-${stamp}`;
    // As a workflow records it (CaseRecorder.upsertDueDate with DueDate.withoutHolidayData).
    await new CaseReadModelRepository(ds).upsert({
      caseId, process: 'ONDERSTEUNINGSTRAJECT', schoolId: school.id, pupilId: pupil.id, status: 'ACTIEF', waitingFor: 'RECORD_INTAKE', nextDueDate: '2028-10-23',
      ownerUserId: null, stuck: false, stuckReason: null, outcome: null, policyVersion: 'standaard', originCaseId: null, participantIds: [], seq: 1,
      startedAt: now, updatedAt: now, closedAt: null,
      data: { dueDates: [
        { step: 'RECORD_INTAKE', date: '2028-10-23', explanation: 'Uiterlijk 2028-10-23: … Let op: deze datum is zonder vakantiegegevens berekend …', withoutHolidayData: ['2028-2029'] },
        { step: 'END_DATE', date: '2028-06-01', explanation: 'Einddatum' },
      ] },
    });
    await gql.login(email('zc'));
    const mine = await gql.ok<{ casesWithoutHolidayData: { caseId: string; schoolName: string; dueDates: { step: string; stepLabel: string | null; date: string; schoolYears: string[]; nowKnown: string[] }[] }[] }>(AFFECTED);
    expect(mine.casesWithoutHolidayData).toEqual([
      { caseId, schoolName: 'Vakantiecollege', dueDates: [{ step: 'RECORD_INTAKE', stepLabel: expect.any(String), date: '2028-10-23', schoolYears: ['2028-2029'], nowKnown: [] }] },
    ]);
    await gql.login(email('zc-ander'));
    expect((await gql.ok<{ casesWithoutHolidayData: unknown[] }>(AFFECTED)).casesWithoutHolidayData).toEqual([]);
    await gql.login(email('mentor'));
    expect(code(await gql.request(AFFECTED))).toBe('FORBIDDEN');
  });

  it('imports it in one audited transaction; new calendars and due dates use it at once', async () => {
    await gql.login(email('zc'));
    const before = await gql.ok<{ explainDueDate: { date: string; explanation: string } }>(EXPLAIN, { s: school.id, start: '2028-10-20', n: 1 });
    expect(before.explainDueDate.date).toBe('2028-10-23'); // the herfstvakantie counted as school days …
    expect(before.explainDueDate.explanation).toContain('zonder vakantiegegevens berekend'); // … and said so
    expect((await gql.ok<{ schoolCalendar: { holidaysKnown: boolean } }>(CALENDAR, { s: school.id, y: '2028-2029' })).schoolCalendar.holidaysKnown).toBe(false);

    await gql.login(email('platform'));
    const auditsBefore = await audits();
    const { importSchoolHolidays } = await gql.ok<{ importSchoolHolidays: { schoolYears: string[]; coverage: { coveredUntil: string }; runningCases: { failed: { caseId: string; code: string; message: string }[] } } }>(IMPORT, { c: SAMPLE, d: holidayFileDigest(SAMPLE) });
    expect(importSchoolHolidays.schoolYears).toEqual(['2028-2029']);
    // The listed case was sent the new calendar; it has no workflow here, so it is reported, and the import stands.
    expect(importSchoolHolidays.runningCases.failed).toContainEqual({ caseId: `vakantietest-${stamp}`, code: 'CASE_CLOSED', message: 'Deze casus loopt niet (meer)' });
    expect(Number((await ds.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'RUNNING_CASES_CALENDAR_UPDATED' AND details->>'fileDigest' = $1`, [holidayFileDigest(SAMPLE)]))[0].n)).toBeGreaterThanOrEqual(1);
    expect(importSchoolHolidays.coverage.coveredUntil).toBe('2029-07-31');
    expect(await stored()).toBe(1);
    expect(await audits()).toBe(auditsBefore + 1);
    const [entry] = await ds.query(`SELECT actor_id, details FROM audit_entry WHERE action = 'SCHOOL_HOLIDAYS_IMPORTED' ORDER BY id DESC LIMIT 1`);
    expect(entry.actor_id).toBe((await ds.getRepository(UserEntity).findOneByOrFail({ email: email('platform') })).id);
    expect(entry.details).toMatchObject({ schoolYears: ['2028-2029'], fileDigest: holidayFileDigest(SAMPLE) });
    const years = await gql.ok<{ holidayDataYears: { schoolYear: string; source: string; importedByName: string | null }[] }>(YEARS);
    expect(years.holidayDataYears.find((y) => y.schoolYear === '2028-2029')).toMatchObject({ source: 'IMPORTED', importedByName: 'Test platform' });
    // A second preview of the same file says what it replaces.
    const again = await gql.ok<{ schoolHolidayImportPreview: { schoolYears: { replaces: string }[] } }>(PREVIEW, { c: SAMPLE });
    expect(again.schoolHolidayImportPreview.schoolYears[0]?.replaces).toBe('IMPORTED');

    await gql.login(email('zc'));
    // The school's zorgcoördinator sees on his calendar screen what the import did for his school's running cases.
    const last = await gql.ok<{ lastRunningCasesCalendarRun: { reason: string; result: { failed: { caseId: string; code: string }[] } } | null }>(
      `query($s: ID!) { lastRunningCasesCalendarRun(schoolId: $s) { reason result { failed { caseId code } } } }`,
      { s: school.id },
    );
    expect(last.lastRunningCasesCalendarRun?.reason).toBe('Vakantiegegevens 2028-2029 geïmporteerd');
    expect(last.lastRunningCasesCalendarRun?.result.failed).toContainEqual({ caseId: `vakantietest-${stamp}`, code: 'CASE_CLOSED' });
    const after = await gql.ok<{ explainDueDate: { date: string; explanation: string } }>(EXPLAIN, { s: school.id, start: '2028-10-20', n: 1 });
    expect(after.explainDueDate.date).toBe('2028-10-30');
    expect(after.explainDueDate.explanation).toContain('Herfstvakantie 5');
    expect(after.explainDueDate.explanation).not.toContain('zonder vakantiegegevens');
    const cal = await gql.ok<{ schoolCalendar: { holidaysKnown: boolean; holidays: { name: string; from: string }[] } }>(CALENDAR, { s: school.id, y: '2028-2029' });
    expect(cal.schoolCalendar.holidaysKnown).toBe(true);
    expect(cal.schoolCalendar.holidays).toContainEqual({ name: 'Herfstvakantie', from: '2028-10-21', to: '2028-10-29' });
    // The running case still counts with the calendar it started with: listed, with the year now known.
    const affected = await gql.ok<{ casesWithoutHolidayData: { dueDates: { nowKnown: string[] }[] }[] }>(AFFECTED);
    expect(affected.casesWithoutHolidayData[0]?.dueDates[0]?.nowKnown).toEqual(['2028-2029']);
  });
});
