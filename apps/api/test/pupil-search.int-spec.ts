/**
 * Issue 17.7, on the real stack: the zorgcoördinator finds a pupil by typing three letters among 2,000 (`searchPupils`,
 * case and diacritics ignored, by name, class or pupil number) and opens his page (`pupil`: his cases, consents,
 * documents and history). Both are scoped by AccessPolicy.scopePupils: a mentor finds only his own pupils, a parent
 * only his own child, a zorgcoördinator only his own school; a pupil out of scope is NOT_FOUND. Bad input is refused.
 * Uses its own SWV, two schools, 2,000 invented pupils (one bulk insert) and people.
 */
import { DataSource } from 'typeorm';
import { PupilGuardianEntity, pupilSearchTextSql, Role, SchoolEntity, SwvEntity, UserEntity } from '@zorgroute/domain';
import type { GqlResult } from './graphql-client';
import { useTestStack } from './test-stack';
import { bornYearsAgo } from './ages';

const stamp = Date.now().toString(36);
const email = (who: string) => `${who}.${stamp}@zoektest.example`;
const stack = useTestStack({ name: 'pupil-search', seed: false });

const SEARCH = `query($q: String!, $s: ID, $l: Int) { searchPupils(query: $q, schoolId: $s, limit: $l) { id displayName className schoolId mentorName } }`;
const PAGE = `query($id: ID!) {
  pupil(id: $id) {
    pupil { id displayName className }
    dateOfBirth
    school { name }
    cases { id process statusLabel pupil { id } }
    consents { id caseId }
    documents { id caseId }
    history { id caseId process at kind description }
  }
}`;

interface Found {
  id: string;
  displayName: string;
  className: string | null;
  schoolId: string;
  mentorName: string | null;
}

/** Invented names; none holds "zoe", "hoe" or "kst", the searches below (and only Jansen "jan", only Sara "sar"). */
const FIRST = ['Daan', 'Sem', 'Lucas', 'Emma', 'Julia', 'Mila', 'Tess', 'Finn', 'Levi', 'Sara', 'Noah', 'Liam', 'Anna', 'Fenna', 'Jesse', 'Ruben'];
const LAST = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Peters', 'Dekker'];
const CLASSES = ['1A', '1B', '2A', '2B', '3A', '3B', '4A', '4B'];

let schoolA: SchoolEntity;
let schoolB: SchoolEntity;
/** Filler pupils as inserted (for the expected answers). */
const fillers: { first: string; last: string; className: string; school: 'A' | 'B'; mentor: boolean }[] = [];
const ids: Record<string, string> = {};

async function as(who: string): Promise<void> {
  await stack.gql.login(email(who));
}

async function search(q: string, variables: { s?: string; l?: number } = {}): Promise<Found[]> {
  return (await stack.gql.ok<{ searchPupils: Found[] }>(SEARCH, { q, ...variables })).searchPupils;
}

const code = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions?.code;
const names = (list: Found[]) => list.map((p) => p.displayName).sort();

beforeAll(async () => {
  const ds = stack.app.get(DataSource);
  const swv = await ds.getRepository(SwvEntity).save({ name: 'SWV zoektest', code: `Z${stamp}`.slice(0, 20) });
  schoolA = await ds.getRepository(SchoolEntity).save({ swvId: swv.id, name: 'Zoekcollege A', brin: `ZA${stamp}`.slice(0, 10), region: 'midden' });
  schoolB = await ds.getRepository(SchoolEntity).save({ swvId: swv.id, name: 'Zoekcollege B', brin: `ZB${stamp}`.slice(0, 10), region: 'midden' });
  const user = (who: string, name: string, role: Role, school: SchoolEntity | null) =>
    ds.getRepository(UserEntity).save({ email: email(who), name, role, schoolId: school?.id ?? null, swvId: swv.id, pupilId: null });
  await user('zc-a', 'Anja Zoekers', Role.ZORGCOORDINATOR, schoolA);
  await user('zc-b', 'Bas Zoekers', Role.ZORGCOORDINATOR, schoolB);
  const mentor = await user('mentor-a', 'Carla Mentink', Role.MENTOR, schoolA);
  await user('mentor-other', 'Dirk Mentink', Role.MENTOR, schoolA);
  const parent = await user('ouder', 'Els Vermeulen', Role.PARENT, schoolA);
  await user('swv', 'Frits Loket', Role.SWV_MEDEWERKER, null);

  // 1,996 fillers (every 7th of school A has the mentor) and 4 pupils to find: 2,000 in all.
  for (let i = 0; i < 1996; i += 1) {
    fillers.push({ first: FIRST[i % FIRST.length], last: LAST[Math.floor(i / FIRST.length) % LAST.length], className: CLASSES[i % CLASSES.length], school: i % 10 === 9 ? 'B' : 'A', mentor: i % 7 === 0 });
  }
  const rows = [
    ...fillers.map((f, i) => ({ ...f, sourceId: `LL${100000 + i}`, key: '' })),
    { first: 'Zoë', last: 'Vermeulen', className: '3C', school: 'A' as const, mentor: false, sourceId: 'LL7788', key: 'zoeA' },
    { first: 'Zoë', last: 'Kramer', className: '2C', school: 'B' as const, mentor: false, sourceId: 'LLB1', key: 'zoeB' },
    { first: 'Bram', last: 'Hoekstra', className: '2B', school: 'A' as const, mentor: true, sourceId: 'LLH1', key: 'bram' },
    { first: 'Sanne', last: 'de Hoed', className: '1A', school: 'A' as const, mentor: false, sourceId: 'LLH2', key: 'sanne' },
  ];
  const inserted: { id: string; source_id: string }[] = await ds.query(
    `INSERT INTO pupil (school_id, first_name, last_name, date_of_birth, class_name, source_id, mentor_id)
     SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::date[], $5::varchar[], $6::varchar[], $7::uuid[])
     RETURNING id, source_id`,
    [
      rows.map((r) => (r.school === 'A' ? schoolA.id : schoolB.id)),
      rows.map((r) => r.first),
      rows.map((r) => r.last),
      rows.map(() => bornYearsAgo(14)),
      rows.map((r) => r.className),
      rows.map((r) => r.sourceId),
      rows.map((r) => (r.mentor && r.school === 'A' ? mentor.id : null)),
    ],
  );
  expect(inserted).toHaveLength(2000);
  const bySource = new Map(inserted.map((r) => [r.source_id, r.id]));
  for (const r of rows) if (r.key) ids[r.key] = bySource.get(r.sourceId) as string;
  await ds.getRepository(PupilGuardianEntity).save({ pupilId: ids.zoeA, userId: parent.id, relation: 'ouder' });
}, 120_000);

describe('searchPupils: three letters among 2,000 pupils', () => {
  it('finds the zorgcoördinator the right pupils of his school by three letters, case and diacritics ignored', async () => {
    await as('zc-a');
    expect(names(await search('zoe'))).toEqual(['Zoë Vermeulen']);
    expect(names(await search('ZOË'))).toEqual(['Zoë Vermeulen']);
    expect(names(await search('hoe'))).toEqual(['Bram Hoekstra', 'Sanne de Hoed']);
    expect(names(await search('kst'))).toEqual(['Bram Hoekstra']);
    // By pupil number and class, and every word must match.
    expect(names(await search('7788'))).toEqual(['Zoë Vermeulen']);
    expect(names(await search('zoe 3c'))).toEqual(['Zoë Vermeulen']);
    expect(await search('zoe 2c')).toEqual([]);
    // A common name: as many as asked for, each of them a match, of his own school only.
    const jansen = await search('jan', { l: 50 });
    expect(jansen).toHaveLength(50);
    expect(jansen.every((p) => p.displayName.endsWith('Jansen') && p.schoolId === schoolA.id)).toBe(true);
    expect(await search('jan')).toHaveLength(20);
    const daanJansen1A = fillers.filter((f) => f.school === 'A' && f.first === 'Daan' && f.last === 'Jansen' && f.className === '1A').length;
    expect(daanJansen1A).toBeGreaterThan(0);
    expect(await search('daan jansen 1a', { l: 50 })).toHaveLength(daanJansen1A);
  }, 60_000);

  it('keeps to the scope: another school, a mentor his own pupils, a parent his own child, the SWV nobody', async () => {
    await as('zc-b');
    expect(names(await search('zoe'))).toEqual(['Zoë Kramer']);
    expect(await search('zoe', { s: schoolA.id })).toEqual([]);

    await as('mentor-a');
    expect(names(await search('hoe'))).toEqual(['Bram Hoekstra']);
    const own = await search('sar', { l: 50 }); // the Sara's: the mentor's only
    const expected = fillers.filter((f) => f.mentor && f.school === 'A' && f.first === 'Sara').length;
    expect(own).toHaveLength(expected);
    expect(own.every((p) => p.mentorName === 'Carla Mentink')).toBe(true);
    await as('mentor-other');
    expect(await search('hoe')).toEqual([]);

    await as('ouder');
    expect(names(await search('zoe'))).toEqual(['Zoë Vermeulen']);
    expect(await search('hoe')).toEqual([]);
    expect(await search('jansen')).toEqual([]);

    await as('swv');
    expect(await search('zoe')).toEqual([]);
  }, 60_000);

  it('searches through the trigram index on the same expression', async () => {
    const ds = stack.app.get(DataSource);
    const plan = await ds.transaction(async (m) => {
      await m.query('SET LOCAL enable_seqscan = off');
      return (await m.query(`EXPLAIN SELECT p.id FROM pupil p WHERE ${pupilSearchTextSql('p')} LIKE '%zoe%'`)) as { 'QUERY PLAN': string }[];
    });
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('IDX_pupil_search');
  }, 60_000);

  it('refuses bad input with a Dutch message and the English one in extensions', async () => {
    await as('zc-a');
    const short = await stack.gql.request(SEARCH, { q: ' z ' });
    expect(code(short)).toBe('BAD_USER_INPUT');
    expect(short.errors?.[0].message).toContain('minstens 2 tekens');
    expect(short.errors?.[0].extensions?.messageEn).toBeTruthy();
    for (const l of [0, 51, -3]) {
      const r = await stack.gql.request(SEARCH, { q: 'zoe', l });
      expect(code(r)).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message).toContain('tussen 1 en 50');
    }
    expect(code(await stack.gql.request(SEARCH, { q: 'zoe', s: 'geen-uuid' }))).toBe('BAD_USER_INPUT');
    expect(code(await stack.gql.request(PAGE, { id: 'geen-uuid' }))).toBe('BAD_USER_INPUT');
  }, 60_000);
});

describe('pupil: the pupil page', () => {
  it('shows the zorgcoördinator the pupil with his case and its history; NOT_FOUND out of scope', async () => {
    await as('zc-a');
    const [zoe] = await search('zoe');
    const { startTrajectory } = await stack.gql.ok<{ startTrajectory: { id: string } }>(`mutation($i: StartTrajectoryInput!) { startTrajectory(input: $i) { id } }`, {
      i: { pupilId: zoe.id, reason: 'Mist veel lessen (zoektest)', weeks: 8, requestKey: `zoektest-${stamp}` },
    });
    type Page = { pupil: { pupil: { id: string; displayName: string }; dateOfBirth: string; school: { name: string }; cases: { id: string; pupil: { id: string } }[]; history: { caseId: string; at: string; kind: string }[]; documents: unknown[]; consents: unknown[] } };
    const page = (await stack.gql.ok<Page>(PAGE, { id: zoe.id })).pupil;
    expect(page.pupil).toEqual({ id: zoe.id, displayName: 'Zoë Vermeulen', className: '3C' });
    expect(page.school.name).toBe('Zoekcollege A');
    expect(page.dateOfBirth).toBe(bornYearsAgo(14));
    expect(page.cases.map((c) => c.id)).toEqual([startTrajectory.id]);
    expect(page.history.length).toBeGreaterThan(0);
    expect(page.history.every((h) => h.caseId === startTrajectory.id)).toBe(true);
    const times = page.history.map((h) => Date.parse(h.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    // The parent sees his own child's page with the case, the family's share of its history.
    await as('ouder');
    const ofParent = (await stack.gql.ok<Page>(PAGE, { id: zoe.id })).pupil;
    expect(ofParent.cases.map((c) => c.id)).toEqual([startTrajectory.id]);
    expect(code(await stack.gql.request(PAGE, { id: ids.bram }))).toBe('NOT_FOUND');

    // Out of scope: another school's zorgcoördinator, a mentor who is not his, the SWV.
    for (const who of ['zc-b', 'mentor-a', 'swv']) {
      await as(who);
      expect(code(await stack.gql.request(PAGE, { id: zoe.id }))).toBe('NOT_FOUND');
    }
    await as('mentor-a');
    expect((await stack.gql.ok<Page>(PAGE, { id: ids.bram })).pupil.cases).toEqual([]);
  }, 90_000);
});
