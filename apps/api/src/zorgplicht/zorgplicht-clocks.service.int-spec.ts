/**
 * The SWV view of P4 against PostgreSQL: open clocks with the right days remaining, filters, sort,
 * counts per school (every school on the caller's board, zeros included), CSV, and scoping (SWV: its member schools and only the SWV processes;
 * zorgcoördinator: own school; admin: all; other roles: refused).
 */
import type { DataSource } from 'typeorm';
import { type CaseSnapshot, openOwnTestDatabase, type OwnTestDatabase, PupilEntity, SchoolEntity } from '@zorgroute/domain';
import { addCalendarDays, buildSchoolCalendar, DEFAULT_POLICIES } from '@zorgroute/domain/logic';
import { extendZorgplichtClock, startZorgplichtClock, type ZorgplichtClock } from '@zorgroute/workflows';
import { AccessPolicy } from '../access/access-policy';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import { PupilsService } from '../pupils/pupils.service';
import { seedTwoSwvBoard, type BoardSchool, type TwoSwvBoardFixture } from '../testing/two-swv-board.fixture';
import { ZorgplichtClocksService, zorgplichtPage } from './zorgplicht-clocks.service';

const TODAY = '2027-03-01';
const cal = buildSchoolCalendar('midden');
const policy = DEFAULT_POLICIES.zorgplicht;

let db: OwnTestDatabase;
let ds: DataSource;
let world: TwoSwvBoardFixture;
let service: ZorgplichtClocksService;
const users: Record<string, AuthUser> = {};
const schools: Record<string, SchoolEntity> = {};
const cases: Record<string, string> = {};

function clockData(clock: ZorgplichtClock, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    receivedOn: clock.receivedOn,
    extraSupportExpected: true,
    preferenceSchoolIds: [],
    clock: {
      receivedOn: clock.receivedOn,
      suspendSummerHoliday: clock.suspendSummerHoliday,
      firstDueDate: clock.firstTerm.date,
      dueDate: clock.due.date,
      dueRule: clock.due.rule,
      dueExplanation: clock.due.explanation,
      extended: clock.extension !== null,
      extensionWeeks: clock.extension?.weeks ?? null,
      extendedOn: clock.extension?.extendedOn ?? null,
      extensionReason: clock.extension?.reason ?? null,
      tenWeekDate: clock.tenWeekMark.date,
      warnDaysBefore: 7,
    },
    investigations: [{ kind: 'INTAKE', date: clock.receivedOn, summary: 'Interne notitie van de school', recordedBy: 'Marieke Verhoef' }],
    ...extra,
  };
}

async function addCase(key: string, school: BoardSchool, pupil: PupilEntity, over: Partial<CaseSnapshot>): Promise<void> {
  const id = `${over.process === 'ZORGPLICHT' || !over.process ? 'zorgplicht' : over.process.toLowerCase()}-${key}`;
  cases[key] = id;
  await world.addCase(id, school, pupil, { process: 'ZORGPLICHT', status: 'ONTVANGEN', waitingFor: 'RECORD_DECISION', startedAt: new Date().toISOString(), ...over });
}

const received = (daysAgo: number) => addCalendarDays(TODAY, -daysAgo);

beforeAll(async () => {
  db = await openOwnTestDatabase('zp_clocks');
  ds = db.ds;
  const access = new AccessPolicy();
  service = new ZorgplichtClocksService(ds, new AudiencePolicy(access, ds), new PupilsService(ds, access));

  world = await seedTwoSwvBoard(ds, { code: '98', pupilBornOn: '2014-05-01' });
  Object.assign(users, world.users);
  Object.assign(schools, world.schools);
  const pupil = world.pupil;
  // A member school of each SWV without any case: on its own SWV's board with zeros, never on the other's.
  schools.quietA = await ds.getRepository(SchoolEntity).save({ swvId: schools.s1.swvId, name: 'Duinroos College', brin: '98DA00', region: 'midden' as const });
  schools.quietB = await ds.getRepository(SchoolEntity).save({ swvId: schools.s3.swvId, name: 'Esdoorn School', brin: '98EB00', region: 'midden' as const });

  await addCase('c1', 's1', await pupil('s1', 'Amir'), { status: 'ONDERZOEK', data: clockData(startZorgplichtClock(received(10), policy, cal)) });
  await addCase('c2', 's1', await pupil('s1', 'Bo'), { data: clockData(startZorgplichtClock(received(38), policy, cal)) });
  await addCase('c3', 's2', await pupil('s2', 'Cas'), { status: 'ONDERZOEK', data: clockData(startZorgplichtClock(received(50), policy, cal), { swvSignals: [{ signal: 'WEEK_LEFT', on: received(15) }, { signal: 'OVERDUE', on: received(7) }] }) });
  const c4Clock = startZorgplichtClock(received(45), policy, cal);
  await addCase('c4', 's2', await pupil('s2', 'Dewi'), { status: 'VERLENGD', data: clockData(extendZorgplichtClock(c4Clock, { weeks: 4, reason: 'OSO-dossier ontbreekt', extendedOn: c4Clock.firstTerm.date }, cal)) });
  await addCase('c5', 's2', await pupil('s2', 'Eva'), { status: 'ONDERZOEK', data: clockData(startZorgplichtClock(received(75), policy, cal)) });
  await addCase('c6', 's3', await pupil('s3', 'Fenna'), { data: clockData(startZorgplichtClock(received(20), policy, cal)) });
  await addCase('c7', 's1', await pupil('s1', 'Gijs'), { status: 'TOEGELATEN', outcome: 'TOEGELATEN', closedAt: new Date().toISOString(), data: clockData(startZorgplichtClock(received(30), policy, cal)) });
  await addCase('izo', 's1', await pupil('s1', 'Hugo'), { process: 'ZORGROUTE', status: 'BESPROKEN_IZO', data: clockData(startZorgplichtClock(received(5), policy, cal)) });
}, 120_000);

afterAll(async () => {
  await db?.drop();
}, 60_000);

const ids = (clocks: { caseId: string }[]) => clocks.map((c) => c.caseId);

describe('SWV view of the zorgplicht clocks', () => {
  it('shows the SWV every open clock of its member schools, most urgent first, with the right days remaining', async () => {
    const view = await service.overview(users.swvA, {}, TODAY);
    expect(view.today).toBe(TODAY);
    expect(ids(view.clocks)).toEqual([cases.c5, cases.c3, cases.c2, cases.c4, cases.c1]);
    const byId = new Map(view.clocks.map((c) => [c.caseId, c]));
    expect(byId.get(cases.c1)).toEqual(expect.objectContaining({ daysRemaining: 32, overdue: false, clockState: 'OP_SCHEMA', status: 'ONDERZOEK', statusLabel: 'Onderzoek', receivedOn: received(10), dueDate: addCalendarDays(received(10), 42), daysSinceReceipt: 10 }));
    expect(byId.get(cases.c2)).toEqual(expect.objectContaining({ daysRemaining: 4, clockState: 'LAATSTE_WEEK', overdue: false }));
    expect(byId.get(cases.c3)).toEqual(expect.objectContaining({ daysRemaining: -8, overdue: true, daysOverdue: 8, clockState: 'VERLOPEN', tenWeekReached: false, swvSignals: ['WEEK_LEFT', 'OVERDUE'] }));
    expect(byId.get(cases.c4)).toEqual(
      expect.objectContaining({ daysRemaining: 25, extensionUsed: true, extensionWeeks: 4, firstDueDate: addCalendarDays(received(45), 42), dueDate: addCalendarDays(received(45), 70), dueRule: 'P4.extensionMaxWeeks', clockState: 'OP_SCHEMA' }),
    );
    expect(byId.get(cases.c4)?.dueExplanation).toContain('eenmalig verlengd met 4 weken');
    expect(byId.get(cases.c5)).toEqual(expect.objectContaining({ daysRemaining: -33, daysOverdue: 33, tenWeekReached: true, tenWeekDate: addCalendarDays(received(75), 70) }));
    expect(byId.get(cases.c1)?.pupil.displayName).toBe('Amir Testleerling');
    expect(byId.get(cases.c1)?.school.name).toBe('Anemoon College');
    expect(byId.get(cases.c1)?.dueExplanation).toContain('6 kalenderweken na');
  });

  it('counts per school', async () => {
    const { countsPerSchool } = await service.overview(users.swvA, { clockState: 'VERLOPEN' }, TODAY);
    expect(countsPerSchool).toEqual([
      { school: expect.objectContaining({ name: 'Anemoon College' }), open: 2, lastWeek: 1, overdue: 0, extended: 0, pastTenWeeks: 0 },
      { school: expect.objectContaining({ name: 'Berkenlaan Lyceum' }), open: 3, lastWeek: 0, overdue: 2, extended: 1, pastTenWeeks: 1 },
      { school: { id: schools.quietA.id, name: 'Duinroos College', region: 'midden' }, open: 0, lastWeek: 0, overdue: 0, extended: 0, pastTenWeeks: 0 },
    ]);
  });

  it('puts every school on the board of whoever may see it, one without open clocks with zeros (issue 17.12)', async () => {
    const names = (counts: { school: { name: string } }[]) => counts.map((c) => c.school.name);
    const a = await service.overview(users.swvA, {}, TODAY, { offset: 0, limit: 2 });
    expect(names(a.countsPerSchool)).toEqual(['Anemoon College', 'Berkenlaan Lyceum', 'Duinroos College']);
    // The unfiltered total is still the sum of the rows.
    expect(a.totalCount).toBe(a.countsPerSchool.reduce((sum, c) => sum + c.open, 0));
    const b = await service.overview(users.swvB, {}, TODAY);
    expect(b.countsPerSchool).toEqual([
      { school: expect.objectContaining({ name: 'Cederhof School' }), open: 1, lastWeek: 0, overdue: 0, extended: 0, pastTenWeeks: 0 },
      { school: expect.objectContaining({ id: schools.quietB.id, name: 'Esdoorn School' }), open: 0, lastWeek: 0, overdue: 0, extended: 0, pastTenWeeks: 0 },
    ]);
    expect(b.totalCount).toBe(1);
    // A filter narrows the clocks, never the schools.
    const filtered = await service.overview(users.swvA, { schoolId: schools.s1.id }, TODAY);
    expect(names(filtered.countsPerSchool)).toEqual(['Anemoon College', 'Berkenlaan Lyceum', 'Duinroos College']);
    // The zorgcoördinator sees his own school only, the admin every school.
    expect(names((await service.overview(users.zc1, {}, TODAY)).countsPerSchool)).toEqual(['Anemoon College']);
    const admin = await service.overview(users.admin, {}, TODAY);
    expect(names(admin.countsPerSchool)).toEqual(expect.arrayContaining(['Anemoon College', 'Berkenlaan Lyceum', 'Cederhof School', 'Duinroos College', 'Esdoorn School']));
    expect(admin.totalCount).toBe(6);
  });

  it('filters by school, status, clock state, extension and the 10-week mark, and sorts both ways', async () => {
    const f = async (filter: Parameters<ZorgplichtClocksService['overview']>[1]) => ids((await service.overview(users.swvA, filter, TODAY)).clocks);
    expect(await f({ schoolId: schools.s2.id })).toEqual([cases.c5, cases.c3, cases.c4]);
    expect(await f({ status: 'VERLENGD' })).toEqual([cases.c4]);
    expect(await f({ status: 'ONTVANGEN' })).toEqual([cases.c2]);
    expect(await f({ clockState: 'VERLOPEN' })).toEqual([cases.c5, cases.c3]);
    expect(await f({ clockState: 'LAATSTE_WEEK' })).toEqual([cases.c2]);
    expect(await f({ extended: true })).toEqual([cases.c4]);
    expect(await f({ pastTenWeeks: true })).toEqual([cases.c5]);
    expect(await f({ sort: 'DAYS_LEFT_DESC' })).toEqual([cases.c1, cases.c4, cases.c2, cases.c3, cases.c5]);
    expect(await f({ schoolId: schools.s3.id })).toEqual([]);
  });

  it('pages in board order: totalCount over the filtered set, counts per school over every page', async () => {
    const all = [cases.c5, cases.c3, cases.c2, cases.c4, cases.c1];
    const seen: string[] = [];
    for (let offset = 0; offset < 6; offset += 2) {
      const page = await service.overview(users.swvA, {}, TODAY, { offset, limit: 2 });
      expect(page).toMatchObject({ totalCount: 5, offset, limit: 2 });
      expect(page.countsPerSchool.map((c) => c.open)).toEqual([2, 3, 0]);
      seen.push(...ids(page.clocks));
    }
    expect(seen).toEqual(all);
    const beyond = await service.overview(users.swvA, { schoolId: schools.s2.id }, TODAY, { offset: 10, limit: 2 });
    expect(beyond).toMatchObject({ clocks: [], totalCount: 3 });
    const desc = await service.overview(users.swvA, { sort: 'DAYS_LEFT_DESC', extended: false }, TODAY, { offset: 1, limit: 2 });
    expect(ids(desc.clocks)).toEqual([cases.c2, cases.c3]);
    expect(desc.totalCount).toBe(4);
  });

  it('refuses a page size out of range with a Dutch message', () => {
    expect(zorgplichtPage(undefined, undefined)).toEqual({ limit: 50, offset: 0 });
    expect(zorgplichtPage(500, 20)).toEqual({ limit: 500, offset: 20 });
    for (const [limit, offset] of [[0, 0], [501, 0], [10, -1]]) {
      expect(() => zorgplichtPage(limit, offset)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }), message: expect.stringMatching(/^Ongeldige invoer/) }));
    }
  });

  it('scopes by role: another SWV, a zorgcoördinator (own school), an admin (all); other roles are refused', async () => {
    expect(ids((await service.overview(users.swvB, {}, TODAY)).clocks)).toEqual([cases.c6]);
    const zc = await service.overview(users.zc1, {}, TODAY);
    expect(ids(zc.clocks)).toEqual([cases.c2, cases.c1]);
    expect(zc.countsPerSchool.map((c) => c.school.name)).toEqual(['Anemoon College']);
    expect(ids((await service.overview(users.admin, {}, TODAY)).clocks).sort()).toEqual([cases.c1, cases.c2, cases.c3, cases.c4, cases.c5, cases.c6].sort());
    await expect(service.overview(users.mentor1, {}, TODAY)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('never shows the SWV another process (such as the IZO route) or another SWV’s case', async () => {
    await expect(service.clockOf(users.swvA, cases.izo, TODAY)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(service.clockOf(users.swvA, cases.c6, TODAY)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const own = await service.clockOf(users.swvA, cases.c7, TODAY);
    expect(own.clock.caseId).toBe(cases.c7);
    const zcView = await service.overview(users.zc1, {}, TODAY);
    expect(ids(zcView.clocks)).not.toContain(cases.izo);
  });

  it('exports the view as CSV with Dutch headers, in the same order and with the same scoping', async () => {
    const csv = await service.csv(users.swvA, {}, TODAY);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'School;Leerling;Status;Aanmelding ontvangen;Besluit uiterlijk;Dagen resterend;Termijn;Verlopen;Dagen te laat;Verlengd;Verlengd met (weken);10-wekengrens;10 weken bereikt;Extra ondersteuning verwacht;Regel;Toelichting termijn;Dossier',
    );
    expect(lines).toHaveLength(6);
    expect(lines[1]).toMatch(new RegExp(`^Berkenlaan Lyceum;Eva Testleerling;Onderzoek;${received(75)};${addCalendarDays(received(75), 42)};-33;verlopen;ja;33;nee;;${addCalendarDays(received(75), 70)};ja;ja;P4.decisionWeeks;".*";${cases.c5}$`));
    expect(lines[3]).toContain(';4;laatste week;nee;0;');
    expect(lines[4]).toContain(';25;op schema;nee;0;ja;4;');
    expect(csv).not.toContain('Interne notitie');
    const other = await service.csv(users.swvB, { clockState: 'VERLOPEN' }, TODAY);
    expect(other.trimEnd().split('\r\n')).toHaveLength(1);
  });
});
