/**
 * The lists a user opens daily (issue 18.4) against PostgreSQL: the dashboard's case list, the stuck cases and the work
 * lists read only the columns they need, in SQL, with the pupil's join dropped where the scope does not use it. Their
 * answers must be those of the full reads they replaced: each is compared here with an oracle that reads whole rows
 * through an inner join on the pupil and filters in Node, as the services did before — for the platform admin, a
 * zorgcoördinator, a mentor (whose scope needs the pupil) and an SWV employee, over cases with tied due dates and start
 * times, closed cases, stuck marks with and without a reason, failing e-mail and an owner who can no longer act.
 */
import type { DataSource } from 'typeorm';
import { CaseSummaryEntity, openOwnTestDatabase, type OwnTestDatabase, PupilEntity, Role, UserEntity } from '@zorgroute/domain';
import { toIsoDate } from '@zorgroute/domain/logic';
import { AccessPolicy } from '../access/access-policy';
import { AudiencePolicy } from '../access/audience.policy';
import { StuckCasesService, WORKFLOW_BLOCKED } from '../admin-actions/stuck-cases.service';
import type { AuthUser } from '../auth/auth-user';
import type { AppConfig } from '../config/app.config';
import type { DeliveryLogService } from '../notifications/delivery-log.service';
import { PupilsService } from '../pupils/pupils.service';
import type { TemporalGateway } from '../temporal/temporal.gateway';
import { seedTwoSwvBoard, type TwoSwvBoardFixture } from '../testing/two-swv-board.fixture';
import { BUILT_IN_WORK_LISTS, filterConditions, ownerUnavailableReasonSql, ownerUnavailableSql, type WorkListFilter } from '../work-lists/work-list-filter';
import { WorkListsService } from '../work-lists/work-lists.service';
import { CasesService } from './cases.service';

let db: OwnTestDatabase;
let ds: DataSource;
let world: TwoSwvBoardFixture;
let cases: CasesService;
let stuck: StuckCasesService;
let workLists: WorkListsService;
let audience: AudiencePolicy;
const users: Record<string, AuthUser> = {};

/** The case the fake Temporal reports as blocked (its workflow task fails again and again). */
const BLOCKED = 'zorgroute-lijst-k2';
const temporal = {
  describe: async (id: string) => {
    if (id !== BLOCKED) throw new Error('workflow not found');
    return { status: { name: 'RUNNING' }, taskQueue: 'zorgroute', raw: { pendingWorkflowTask: { attempt: 3, scheduledTime: { seconds: 1_800_000_000 } } } };
  },
  fetchHistory: async () => ({ events: [{ workflowTaskFailedEventAttributes: { failure: { message: 'Nondeterminism error' } } }] }),
  workflowPollers: async () => [{ identity: 'worker' }],
} as unknown as TemporalGateway;

const at = (iso: string) => `${iso}T08:00:00.000Z`;

beforeAll(async () => {
  db = await openOwnTestDatabase('case_lists');
  ds = db.ds;
  const access = new AccessPolicy();
  audience = new AudiencePolicy(access, ds);
  const config = { temporalUiUrl: 'http://temporal.test/', namespace: 'default' } as AppConfig;
  cases = new CasesService(ds, audience, new PupilsService(ds, access), config, {} as DeliveryLogService);
  stuck = new StuckCasesService(ds, audience, cases, temporal);
  workLists = new WorkListsService(ds, audience, cases);

  world = await seedTwoSwvBoard(ds, { code: '96', pupilBornOn: '2013-09-01' });
  Object.assign(users, world.users);
  const { schools } = world;
  const gone = await ds.getRepository(UserEntity).save({ name: 'Test vertrokken', email: 'vertrokken@test.example', role: Role.MENTOR, schoolId: schools.s1.id, swvId: null, pupilId: null, active: false });
  const pupil = async (s: 's1' | 's2' | 's3', firstName: string, over: Partial<PupilEntity> = {}) => {
    const p = await world.pupil(s, firstName);
    return ds.getRepository(PupilEntity).save({ ...p, ...over });
  };
  const staff = (key: string, role: Role, school: 's1' | 's2', over: Partial<UserEntity> = {}) =>
    ds.getRepository(UserEntity).save({ name: `Test ${key}`, email: `${key}@test.example`, role, schoolId: schools[school].id, swvId: null, pupilId: null, ...over });
  const mentor2 = await staff('mentor2', Role.MENTOR, 's1');
  const zcElsewhere = await staff('zc2', Role.ZORGCOORDINATOR, 's2');
  const changed = await staff('gewisseld', Role.MENTOR, 's1', { roleChangedAt: new Date(at('2027-02-20')) });
  const amir = await pupil('s1', 'Amir', { mentorId: users.mentor1.id, className: '2B' });
  const bo = await pupil('s1', 'Bo', { leftAt: new Date(at('2027-01-15')) });
  const eva = await pupil('s1', 'Eva');
  const cas = await pupil('s2', 'Cas');
  const dewi = await pupil('s3', 'Dewi');
  const mail = [{ key: 'k', kind: 'PARENT_INVITE', since: at('2027-02-02'), lastError: '550 mailbox unavailable', attempts: 4 }];
  const add = (key: string, s: 's1' | 's2' | 's3', p: PupilEntity, over: Parameters<TwoSwvBoardFixture['addCase']>[3]) => world.addCase(`${over.process.toLowerCase()}-lijst-${key}`, s, p, over);
  // k1 and k2: the same due date and start (the id decides); k2 is the one Temporal reports as blocked.
  await add('k1', 's1', amir, { process: 'ZORGROUTE', status: 'IZO_GEPLAND', waitingFor: 'PLAN_IZO', nextDueDate: '2027-03-05', ownerUserId: users.zc1.id, startedAt: at('2027-01-04'), updatedAt: at('2027-02-10') });
  await add('k2', 's1', amir, { process: 'ZORGROUTE', status: 'IZO_GEPLAND', waitingFor: 'PLAN_IZO', nextDueDate: '2027-03-05', ownerUserId: users.mentor1.id, startedAt: at('2027-01-04'), updatedAt: at('2027-02-11') });
  await add('k3', 's1', bo, { process: 'JOS', status: 'ACTIEF', waitingFor: null, nextDueDate: null, stuck: true, stuckReason: 'OVERDUE:LOG_CONTACT', startedAt: at('2026-12-01'), updatedAt: at('2027-02-01') });
  await add('k4', 's1', bo, { process: 'ONDERSTEUNINGSTRAJECT', status: 'ACTIEF', waitingFor: 'LOG_SESSION', nextDueDate: '2027-02-20', ownerUserId: gone.id, stuck: true, stuckReason: 'MAIL_FAILING:PARENT_INVITE', data: { mailFailures: mail, goal: 'Rust in de klas' }, startedAt: at('2026-11-20'), updatedAt: at('2027-02-03') });
  // Stuck without a reason: not on the stuck-case screen; closed and stuck: on no open list.
  await add('k5', 's1', eva, { process: 'ZORGROUTE', status: 'AANGEMELD', waitingFor: 'TRIAGE', nextDueDate: '2027-03-02', stuck: true, stuckReason: null, participantIds: [users.mentor1.id], startedAt: at('2027-01-10'), updatedAt: at('2027-01-11') });
  await add('k6', 's1', amir, { process: 'ZORGROUTE', status: 'AFGEROND', stuck: true, stuckReason: 'OVERDUE:TRIAGE', startedAt: at('2026-10-01'), updatedAt: at('2026-12-01'), closedAt: at('2026-12-01'), outcome: 'AFGEROND' });
  await add('k7', 's2', cas, { process: 'ZORGPLICHT', status: 'ONTVANGEN', waitingFor: 'RECORD_DECISION', nextDueDate: '2027-03-01', stuck: true, stuckReason: 'CONSENT_TIMEOUT:ouders', startedAt: at('2027-01-20'), updatedAt: at('2027-01-25') });
  await add('k8', 's3', dewi, { process: 'ZORGPLICHT', status: 'ONTVANGEN', waitingFor: 'RECORD_DECISION', nextDueDate: '2027-03-09', startedAt: at('2027-01-21'), updatedAt: at('2027-01-21') });
  await add('k9', 's1', eva, { process: 'OPP', status: 'CONCEPT', waitingFor: 'SHARE_OPP', nextDueDate: '2027-03-05', ownerUserId: users.zc1.id, startedAt: at('2027-01-05'), updatedAt: at('2027-02-12'), originCaseId: 'zorgroute-lijst-k1' });
  // Owners who can no longer take the step for each other reason: no longer the pupil's mentor, another school, a role change.
  await add('k10', 's1', amir, { process: 'ZORGROUTE', status: 'AANGEMELD', waitingFor: 'TRIAGE', nextDueDate: '2027-03-10', ownerUserId: mentor2.id, startedAt: at('2027-01-12'), updatedAt: at('2027-02-01') });
  await add('k11', 's1', eva, { process: 'JOS', status: 'ACTIEF', waitingFor: 'LOG_CONTACT', nextDueDate: '2027-03-11', ownerUserId: zcElsewhere.id, startedAt: at('2027-01-12'), updatedAt: at('2027-02-01') });
  await add('k12', 's1', eva, { process: 'OPP', status: 'CONCEPT', waitingFor: 'SHARE_OPP', nextDueDate: '2027-03-12', ownerUserId: changed.id, startedAt: at('2027-01-12'), updatedAt: at('2027-02-01') });
}, 120_000);

afterAll(async () => {
  await db?.drop();
});

/** The rows the services read before issue 18.4's change: whole rows, an inner join on the pupil, the caller's scope. */
function fullRows(user: AuthUser) {
  const qb = ds.getRepository(CaseSummaryEntity).createQueryBuilder('c').innerJoin(PupilEntity, 'p', 'p.id = c.pupil_id');
  return audience.scopeCases(qb, user);
}

const CALLERS = ['admin', 'zc1', 'mentor1', 'swvA', 'swvB'];

describe('the dashboard case list', () => {
  it.each(CALLERS)('answers %s exactly as the full read did: the same cases, fields and order', async (who) => {
    const user = users[who];
    const expected = await cases.toModels(
      await fullRows(user).andWhere('c.closed_at IS NULL').orderBy('c.next_due_date', 'ASC', 'NULLS LAST').addOrderBy('c.started_at', 'DESC').addOrderBy('c.id', 'ASC').getMany(),
    );
    const answer = await cases.list(user);
    expect(answer).toEqual(expected);
    expect(answer.length).toBeGreaterThan(0);
  });

  it('keeps its filters and scope: the mentor sees his pupil’s cases and the participant case, never a pupil who left', async () => {
    expect((await cases.list(users.mentor1)).map((c) => c.id)).toEqual(['zorgroute-lijst-k5', 'zorgroute-lijst-k1', 'zorgroute-lijst-k2', 'zorgroute-lijst-k10']);
    const all = await cases.list(users.zc1, { includeClosed: true });
    expect(all.map((c) => c.id)).toContain('zorgroute-lijst-k6');
    expect(all.at(-1)?.id).toBe('zorgroute-lijst-k6'); // no due date: last
    expect((await cases.list(users.zc1, { stuck: true })).map((c) => c.id)).toEqual(['ondersteuningstraject-lijst-k4', 'zorgroute-lijst-k5', 'jos-lijst-k3']);
    const [k4] = await cases.list(users.admin, { process: 'ONDERSTEUNINGSTRAJECT' as never });
    expect(k4).toMatchObject({ pupil: { displayName: 'Bo Testleerling', leftAt: expect.any(String) }, stuckReason: expect.any(String), temporalUrl: 'http://temporal.test/namespaces/default/workflows/ondersteuningstraject-lijst-k4' });
  });
});

describe('the stuck cases', () => {
  /** The screen before issue 18.4: the open rows oldest update first, stuck ones (with a reason) picked in Node. */
  async function oracle(user: AuthUser, schoolId?: string) {
    const qb = fullRows(user).andWhere('c.closed_at IS NULL');
    if (schoolId) qb.andWhere('c.school_id = :schoolId', { schoolId });
    const open = await qb.orderBy('c.updated_at', 'ASC').addOrderBy('c.id', 'ASC').getMany();
    const marked = open.filter((r) => r.stuck && r.stuckReason);
    const blocked = open.filter((r) => !(r.stuck && r.stuckReason) && r.id === BLOCKED);
    const summaries = await cases.toModels([...marked, ...blocked]);
    return [
      ...marked.map((r, i) => {
        const failures = (r.data as { mailFailures?: { since: string; lastError: string | null }[] }).mailFailures ?? [];
        return { summary: summaries[i], reason: r.stuckReason, since: failures[0] ? new Date(failures[0].since) : r.updatedAt, lastError: r.stuckReason?.startsWith('MAIL_FAILING:') ? (failures[0]?.lastError ?? null) : null };
      }),
      ...blocked.map((_, i) => ({ summary: summaries[marked.length + i], reason: WORKFLOW_BLOCKED, since: new Date(1_800_000_000_000), lastError: 'Nondeterminism error' })),
    ];
  }

  it.each([
    ['admin', undefined],
    ['zc1', undefined],
    ['admin', 's2'],
  ] as const)('answers %s (school %s) as the full read did, with Temporal’s blocked case last', async (who, school) => {
    const schoolId = school ? world.schools[school].id : undefined;
    const answer = await stuck.list(users[who], schoolId);
    const expected = await oracle(users[who], schoolId);
    expect(answer.map(({ summary, reason, since, lastError }) => ({ summary, reason, since, lastError }))).toEqual(expected);
    expect(answer.length).toBeGreaterThan(0);
  });

  it('lists the zorgcoördinator’s stuck cases in update order, e-mail failures with their error, the blocked one last', async () => {
    const answer = await stuck.list(users.zc1);
    expect(answer.map((s) => [s.summary.id, s.reason, s.lastError])).toEqual([
      ['jos-lijst-k3', 'OVERDUE:LOG_CONTACT', null],
      ['ondersteuningstraject-lijst-k4', 'MAIL_FAILING:PARENT_INVITE', '550 mailbox unavailable'],
      [BLOCKED, WORKFLOW_BLOCKED, 'Nondeterminism error'],
    ]);
    expect(answer[1].since?.toISOString()).toBe(at('2027-02-02'));
  });
});

describe('the work lists', () => {
  const today = toIsoDate(Date.now());

  /**
   * The count and open steps of a filter as the full read found them (COUNT(DISTINCT id), whole rows, the owner's
   * availability by its reason over the joined pupil).
   */
  async function oracle(user: AuthUser, filter: WorkListFilter) {
    const qb = fullRows(user).leftJoin(UserEntity, 'u', 'u.id = c.owner_user_id');
    const { sql, params } = filterConditions({ ...filter, ownerUnavailable: false }, { userId: user.id, today });
    for (const s of sql) qb.andWhere(s);
    if (filter.ownerUnavailable) qb.andWhere(`${ownerUnavailableReasonSql()} IS NOT NULL`);
    qb.setParameters({ ...qb.getParameters(), ...params });
    const count = await qb.getCount();
    const { entities, raw } = await qb.addSelect(ownerUnavailableSql(), 'owner_unavailable').orderBy('c.next_due_date', 'ASC', 'NULLS LAST').addOrderBy('c.id').getRawAndEntities<{ c_id: string; owner_unavailable: boolean }>();
    const models = await cases.toModels(entities);
    return { count, items: entities.map((r, i) => ({ case: models[i], ownerId: r.ownerUserId, ownerUnavailable: raw.find((x) => x.c_id === r.id)?.owner_unavailable === true })) };
  }

  const FILTERS: WorkListFilter[] = [...BUILT_IN_WORK_LISTS.map((b) => b.filter), { pupilLeft: true }, { stuck: true }, { process: 'ZORGROUTE' as never, overdue: true }, { ownerId: 'x' }];

  it.each(['admin', 'zc1', 'mentor1', 'swvA'])('counts and lists for %s what the full read found', async (who) => {
    const user = users[who];
    const lists = await workLists.lists(user);
    for (const b of BUILT_IN_WORK_LISTS) expect(lists.find((l) => l.id === b.id)?.count).toBe((await oracle(user, b.filter)).count);
    for (const raw of FILTERS) {
      const filter = raw.ownerId ? { ownerId: users.mentor1.id } : raw;
      const expected = await oracle(user, filter);
      expect(await workLists.items(user, filter as never)).toEqual(expected.items);
    }
  });

  it('finds the steps of owners who can no longer take them, for the zorgcoördinator, each with its flag', async () => {
    const lists = await workLists.lists(users.zc1);
    expect(lists.find((l) => l.id === 'eigenaar-vertrokken')?.count).toBe(4);
    expect(lists.find((l) => l.id === 'mijn-open-stappen')?.count).toBe(2);
    const items = await workLists.items(users.zc1, { ownerUnavailable: true } as never);
    expect(items.map((i) => [i.case.id, i.ownerUnavailable])).toEqual([
      ['ondersteuningstraject-lijst-k4', true],
      ['zorgroute-lijst-k10', true],
      ['jos-lijst-k11', true],
      ['opp-lijst-k12', true],
    ]);
  });
});
