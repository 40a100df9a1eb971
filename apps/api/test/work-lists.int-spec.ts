/**
 * Work lists and the bulk reassignment of open steps (issue 17 item 9, issue 13 item 3) on the real stack (Temporal dev
 * server, PostgreSQL): a mentor who owns the open steps of three cases leaves (deactivated); the zorgcoördinator finds
 * them in the built-in list "Eigenaar vertrokken", reassigns all of them at once with a reason — each through the case's
 * own admin update, one audit entry per case — and the new owner finds them in "Mijn open stappen". A missing reason
 * changes nothing; a case that cannot be reassigned is reported on its own while the others move. A saved filter is the
 * user's own; a pupil who left stays visible to the zorgcoördinator and is found by the "uitgeschreven" filter.
 */
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { PupilEntity, Role, SchoolEntity, UserEntity } from '@zorgroute/domain';
import { eventually } from './graphql-client';
import { useTestStack } from './test-stack';
import { bornYearsAgo } from './ages';

const stack = useTestStack({ name: 'e2e-worklists' });
const RUN = Date.now().toString(36);
const ZC = 'zc@daltoncollege.example';
const COACH = 'coach@daltoncollege.example';

const START = `mutation($i: StartTrajectoryInput!) { startTrajectory(input: $i) { id } }`;
const SUMMARY = `query($id: ID!) { case(id: $id) { summary { waitingFor ownerName pupil { leftAt } } timeline { kind actorName reason } } }`;
const ITEMS = `query($f: WorkListFilterInput!) { workListItems(filter: $f) { ownerId ownerUnavailable case { id ownerName pupil { displayName leftAt } } } }`;
const LISTS = `query { workLists { id name builtIn count filter { mine ownerUnavailable ownerId lateThisWeek } } }`;
const BULK = `mutation($i: ReassignOpenStepsInput!) { reassignOpenSteps(input: $i) { reassigned failed results { caseId ok code message messageEn } } }`;
type Summary = { case: { summary: { waitingFor: string | null; ownerName: string | null; pupil: { leftAt: string | null } }; timeline: { kind: string; actorName: string | null; reason: string | null }[] } };
type Item = { ownerId: string | null; ownerUnavailable: boolean; case: { id: string; ownerName: string | null; pupil: { displayName: string; leftAt: string | null } } };
type Lists = { workLists: { id: string; name: string; builtIn: boolean; count: number; filter: Record<string, unknown> }[] };
type Bulk = { reassignOpenSteps: { reassigned: number; failed: number; results: { caseId: string; ok: boolean; code: string | null; message: string | null; messageEn: string | null }[] } };

const caseIds: string[] = [];
let mentor: UserEntity;
let coach: UserEntity;
const pupils: PupilEntity[] = [];

beforeAll(async () => {
  const ds = stack.app.get(DataSource);
  const school = await ds.getRepository(SchoolEntity).findOneByOrFail({ brin: '99XA00' });
  const users = ds.getRepository(UserEntity);
  mentor = await users.save(users.create({ email: `mentor.vertrek.${RUN}@daltoncollege.example`, name: `Mentor Vertrek ${RUN}`, role: Role.MENTOR, schoolId: school.id, swvId: school.swvId, pupilId: null }));
  coach = await users.findOneByOrFail({ email: COACH });
  for (const first of ['Anouk', 'Bas', 'Cas']) {
    pupils.push(
      await ds.getRepository(PupilEntity).save(
        ds.getRepository(PupilEntity).create({ schoolId: school.id, firstName: first, lastName: `Werklijst-${RUN}`, dateOfBirth: bornYearsAgo(14), className: '2C', mentorId: mentor.id }),
      ),
    );
  }
  // Three trajectories whose open step (the intake) the zorgcoördinator gives to the mentor.
  await stack.gql.login(ZC);
  for (const p of pupils) {
    const { startTrajectory } = await stack.gql.ok<{ startTrajectory: { id: string } }>(START, { i: { pupilId: p.id, reason: 'Veel verzuim in de eerste uren', requestKey: `wl-${RUN}-${p.firstName}` } });
    await eventually(async () => (await stack.gql.ok<Summary>(SUMMARY, { id: startTrajectory.id })).case.summary.waitingFor === 'RECORD_INTAKE', 20_000, 'the intake step');
    await stack.gql.ok(`mutation($c: ID!, $i: AdminReassignStepInput!) { adminReassignStep(caseId: $c, input: $i) { id } }`, {
      c: startTrajectory.id,
      i: { newOwnerId: mentor.id, reason: 'De mentor doet de intake' },
    });
    caseIds.push(startTrajectory.id);
  }
}, 180_000);

describe('work lists and the bulk reassignment of open steps', () => {
  // Inside the describe block: it runs before the stack's own afterAll closes the app.
  afterAll(async () => {
    // The cases run on this suite's task queue, whose worker stops now: end them for the suites that share the database.
    const temporal = stack.app?.get(Client);
    for (const id of caseIds) await temporal?.workflow.getHandle(id).terminate('work-lists test finished').catch(() => undefined);
    await stack.app?.get(DataSource).query('UPDATE case_summary SET closed_at = now() WHERE id = ANY($1) AND closed_at IS NULL', [caseIds]);
  }, 60_000);

  it('lists the steps of a mentor who left, reassigns them all with a reason (one audit entry per case), and the new owner sees them', async () => {
    // The mentor leaves: deactivated (never deleted); the answer lists his open steps.
    await stack.gql.login('beheer@zorgroute.example');
    const deactivated = await stack.gql.ok<{ deactivateAccount: { openSteps: { caseId: string }[] } }>(
      `mutation($id: ID!, $i: DeactivateAccountInput!) { deactivateAccount(id: $id, input: $i) { openSteps { caseId } } }`,
      { id: mentor.id, i: { reason: 'Uit dienst' } },
    );
    expect(deactivated.deactivateAccount.openSteps.map((s) => s.caseId).sort()).toEqual([...caseIds].sort());

    await stack.gql.login(ZC);
    const lists = (await stack.gql.ok<Lists>(LISTS)).workLists;
    expect(lists.filter((l) => l.builtIn).map((l) => l.name)).toEqual(['Mijn open stappen', 'Deze week te laat', 'Eigenaar vertrokken']);
    expect(lists.find((l) => l.id === 'eigenaar-vertrokken')?.count).toBeGreaterThanOrEqual(3);
    const gone = (await stack.gql.ok<{ workListItems: Item[] }>(ITEMS, { f: { ownerId: mentor.id } })).workListItems;
    expect(gone.map((i) => i.case.id).sort()).toEqual([...caseIds].sort());
    expect(gone.every((i) => i.ownerUnavailable && i.case.ownerName === mentor.name)).toBe(true);

    // A deactivated account cannot be given a step, not even one at a time.
    const toLeaver = await stack.gql.request(`mutation($c: ID!, $i: AdminReassignStepInput!) { adminReassignStep(caseId: $c, input: $i) { id } }`, {
      c: caseIds[0],
      i: { newOwnerId: mentor.id, reason: 'Terug naar de mentor' },
    });
    expect(toLeaver.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    // The reason is required: nothing moves without one.
    const noReason = await stack.gql.request(BULK, { i: { caseIds, newOwnerId: coach.id, reason: ' ' } });
    expect(noReason.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(noReason.errors?.[0].message).toMatch(/reden is verplicht/);
    expect(noReason.errors?.[0].extensions?.messageEn).toBeTruthy();
    const unchanged = (await stack.gql.ok<{ workListItems: Item[] }>(ITEMS, { f: { ownerId: mentor.id } })).workListItems;
    expect(unchanged).toHaveLength(3);
    // A mentor may not reassign in bulk.
    await stack.gql.login('mentor@daltoncollege.example');
    expect((await stack.gql.request(BULK, { i: { caseIds, newOwnerId: coach.id, reason: 'Mentor vertrokken' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // All three at once, with one case that does not exist: reported on its own, the others move.
    await stack.gql.login(ZC);
    const unknown = `ondersteuningstraject-onbekend-${RUN}`;
    const bulk = (await stack.gql.ok<Bulk>(BULK, { i: { caseIds: [...caseIds, unknown], newOwnerId: coach.id, reason: 'Mentor vertrokken, coach neemt over' } })).reassignOpenSteps;
    expect(bulk).toEqual(expect.objectContaining({ reassigned: 3, failed: 1 }));
    expect(bulk.results.find((r) => r.caseId === unknown)).toEqual(expect.objectContaining({ ok: false, code: 'NOT_FOUND' }));
    expect(bulk.results.filter((r) => r.ok).map((r) => r.caseId).sort()).toEqual([...caseIds].sort());

    // One audit entry per case, written by the case's own workflow, with the reason and the zorgcoördinator as actor.
    const ds = stack.app.get(DataSource);
    const audit: { case_id: string; n: number }[] = await ds.query(
      `SELECT case_id, count(*)::int AS n FROM audit_entry WHERE case_id = ANY($1) AND action = 'ADMIN_STEP_REASSIGNED' AND reason = $2 GROUP BY case_id`,
      [caseIds, 'Mentor vertrokken, coach neemt over'],
    );
    expect(audit.map((a) => [a.case_id, a.n]).sort()).toEqual([...caseIds].sort().map((id) => [id, 1]));
    for (const id of caseIds) {
      const detail = (await stack.gql.ok<Summary>(SUMMARY, { id })).case;
      expect(detail.summary.ownerName).toBe(coach.name);
      expect(detail.timeline).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'ADMIN_STEP_REASSIGNED', actorName: 'Marieke Verhoef', reason: 'Mentor vertrokken, coach neemt over' })]));
    }
    expect((await stack.gql.ok<{ workListItems: Item[] }>(ITEMS, { f: { ownerId: mentor.id } })).workListItems).toEqual([]);

    // The new owner finds the steps in his own list.
    await stack.gql.login(COACH);
    const mine = (await stack.gql.ok<{ workListItems: Item[] }>(ITEMS, { f: { mine: true } })).workListItems.map((i) => i.case.id);
    expect(mine).toEqual(expect.arrayContaining(caseIds));
    const coachLists = (await stack.gql.ok<Lists>(LISTS)).workLists;
    expect(coachLists.find((l) => l.id === 'mijn-open-stappen')?.count).toBeGreaterThanOrEqual(3);
  }, 180_000);

  it('saves a filter as the user’s own list, refuses bad input, and keeps a pupil who left visible to the zorgcoördinator', async () => {
    await stack.gql.login(ZC);
    const save = `mutation($i: SaveWorkListInput!) { saveWorkList(input: $i) { id name builtIn count } }`;
    const bad = await stack.gql.request(save, { i: { name: '', filter: { stuck: true } } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.messageEn).toBeTruthy();
    const empty = await stack.gql.request(save, { i: { name: `Leeg ${RUN}`, filter: {} } });
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const builtInName = await stack.gql.request(save, { i: { name: 'Mijn open stappen', filter: { stuck: true } } });
    expect(builtInName.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    // A pupil leaves (the school data import sets left_at): the case stays, the zorgcoördinator still sees it, marked.
    await stack.app.get(DataSource).getRepository(PupilEntity).update({ id: pupils[0].id }, { leftAt: new Date() });
    const name = `Uitgeschreven ${RUN}`;
    const saved = (await stack.gql.ok<{ saveWorkList: { id: string; name: string; builtIn: boolean; count: number } }>(save, { i: { name, filter: { pupilLeft: true } } })).saveWorkList;
    expect(saved).toEqual(expect.objectContaining({ name, builtIn: false }));
    expect(saved.count).toBeGreaterThanOrEqual(1);
    const left = (await stack.gql.ok<{ workListItems: Item[] }>(ITEMS, { f: { pupilLeft: true } })).workListItems;
    expect(left.find((i) => i.case.id === caseIds[0])?.case.pupil.leftAt).toBeTruthy();
    expect(left.map((i) => i.case.id)).not.toContain(caseIds[1]);
    expect((await stack.gql.ok<Summary>(SUMMARY, { id: caseIds[0] })).case.summary.pupil.leftAt).toBeTruthy();

    // The list is the zorgcoördinator's own: the teamleider of the same school neither sees nor deletes it.
    await stack.gql.login('teamleider@daltoncollege.example');
    expect((await stack.gql.ok<Lists>(LISTS)).workLists.map((l) => l.name)).not.toContain(name);
    expect((await stack.gql.ok<{ deleteWorkList: boolean }>(`mutation($id: ID!) { deleteWorkList(id: $id) }`, { id: saved.id })).deleteWorkList).toBe(false);
    await stack.gql.login(ZC);
    expect((await stack.gql.ok<Lists>(LISTS)).workLists.map((l) => l.name)).toContain(name);
    expect((await stack.gql.ok<{ deleteWorkList: boolean }>(`mutation($id: ID!) { deleteWorkList(id: $id) }`, { id: saved.id })).deleteWorkList).toBe(true);
    expect((await stack.gql.ok<Lists>(LISTS)).workLists.map((l) => l.name)).not.toContain(name);
  }, 60_000);
});
