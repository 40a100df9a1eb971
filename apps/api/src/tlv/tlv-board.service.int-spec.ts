/**
 * The TLV section of the SWV board against PostgreSQL: open TLV requests with the commissie's decision term (days left
 * counted from today), granted TLVs within the reminder window before their end date, scoping (SWV: its member
 * schools; zorgcoördinator: own school; admin: all; other roles refused) and the SWV's share of the data only.
 */
import type { DataSource } from 'typeorm';
import { type CaseSnapshot, openOwnTestDatabase, type OwnTestDatabase, PupilEntity, SchoolEntity } from '@zorgroute/domain';
import { addCalendarDays } from '@zorgroute/domain/logic';
import { AccessPolicy } from '../access/access-policy';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import { PupilsService } from '../pupils/pupils.service';
import { seedTwoSwvBoard, type BoardSchool, type TwoSwvBoardFixture } from '../testing/two-swv-board.fixture';
import { TlvBoardService } from './tlv-board.service';

const TODAY = '2027-03-01';
const day = (n: number) => addCalendarDays(TODAY, n);

let db: OwnTestDatabase;
let ds: DataSource;
let world: TwoSwvBoardFixture;
let service: TlvBoardService;
const users: Record<string, AuthUser> = {};
const schools: Record<string, SchoolEntity> = {};
const cases: Record<string, string> = {};

const term = (dueDate: string, extended = false) => ({ completeOn: day(-20), firstDueDate: dueDate, dueDate, explanation: `Uiterlijk ${dueDate}: 6 kalenderweken na het complete dossier.`, extended, extensionWeeks: extended ? 2 : null, extendedOn: null, extensionReason: extended ? 'Tweede deskundige ziek' : null });
const request = { round: 1, submittedOn: day(-21), submittedBy: 'Test zc1', requestedCategory: 'LAAG', vsoSchool: null, motivation: 'Motivatie van de school' };
const expert = { slot: 1, name: 'Orthopedagoog', discipline: 'ORTHOPEDAGOOG', dueDate: day(-5), advisedOn: day(-6), advice: 'TOEKENNEN', category: 'LAAG', summary: 'Vertrouwelijk verslag van de deskundige', recordedBy: 'Test swvA' };
const granted = (endDate: string, reminderDate: string, extra: Record<string, unknown> = {}) => ({
  decision: { decision: 'TOEGEKEND', category: 'MIDDEN', startDate: day(-700), endDate, motivation: 'Besluit', decidedOn: day(-700), onTime: true, bezwaarUntil: day(-658), decidedBy: 'Commissie' },
  expiry: { reminderDate, remindedOn: null },
  herindicatie: null,
  ...extra,
});

async function addCase(key: string, school: BoardSchool, pupil: PupilEntity, over: Partial<CaseSnapshot>): Promise<void> {
  const id = `tlv-${key}`;
  cases[key] = id;
  await world.addCase(id, school, pupil, { process: 'TLV', status: 'DOSSIER', waitingFor: null, startedAt: new Date(Date.parse('2027-01-01T09:00:00Z') + Object.keys(cases).length * 60_000).toISOString(), ...over });
}

beforeAll(async () => {
  db = await openOwnTestDatabase('tlv_board');
  ds = db.ds;
  const access = new AccessPolicy();
  service = new TlvBoardService(ds, new AudiencePolicy(access, ds), new PupilsService(ds, access));

  world = await seedTwoSwvBoard(ds, { code: '97', pupilBornOn: '2012-05-01' });
  Object.assign(users, world.users);
  Object.assign(schools, world.schools);
  const pupil = world.pupil;

  // Open requests: compiling the dossier (no term yet), in the decision term, overdue, extended.
  await addCase('dossier', 's1', await pupil('s1', 'Amir'), { status: 'DOSSIER', data: { missingItems: ['OPP', 'HANDTEKENING_OUDERS'], request: null, term: null, decision: null } });
  await addCase('advies', 's1', await pupil('s1', 'Bo'), { status: 'ADVIES', data: { missingItems: [], request, term: term(day(12)), experts: [expert], decision: null } });
  await addCase('overdue', 's2', await pupil('s2', 'Cas'), { status: 'BESLUIT', data: { missingItems: [], request, term: term(day(-3)), decision: null } });
  await addCase('verlengd', 's2', await pupil('s2', 'Dewi'), { status: 'VERLENGD', data: { missingItems: [], request, term: term(day(5), true), decision: null } });
  // Granted TLVs: within the reminder window (reminded, and on its first day), not yet in it.
  await addCase('aflopend', 's1', await pupil('s1', 'Eva'), { status: 'AFLOPEND', data: granted(day(40), day(-51), { expiry: { reminderDate: day(-51), remindedOn: day(-51) }, herindicatie: { decision: 'AANVRAGEN', reason: 'Nog nodig', decidedOn: day(-40), caseId: 'tlv-herindicatie-tlv-aflopend' } }) });
  await addCase('window', 's2', await pupil('s2', 'Fenna'), { status: 'AFGEGEVEN', data: granted(day(92), day(0)) });
  await addCase('later', 's2', await pupil('s2', 'Gijs'), { status: 'AFGEGEVEN', data: granted(day(93), day(1)) });
  // Closed, decided against, another SWV, another process.
  await addCase('verlopen', 's1', await pupil('s1', 'Hugo'), { status: 'VERLOPEN', outcome: 'VERLOPEN', closedAt: new Date().toISOString(), data: granted(day(-2), day(-94)) });
  await addCase('afgewezen', 's1', await pupil('s1', 'Iris'), { status: 'AFGEWEZEN', data: { decision: { decision: 'AFGEWEZEN', endDate: null }, term: term(day(-10)) } });
  await addCase('west', 's3', await pupil('s3', 'Jens'), { status: 'ADVIES', data: { missingItems: [], request, term: term(day(20)), decision: null } });
  await addCase('zorgplicht', 's1', await pupil('s1', 'Kim'), { process: 'ZORGPLICHT', status: 'ONDERZOEK', data: { term: term(day(1)) } });
}, 120_000);

afterAll(async () => {
  await db?.drop();
}, 60_000);

const ids = (rows: { caseId: string }[]) => rows.map((c) => c.caseId);

describe('the TLV section of the SWV board', () => {
  it('lists the SWV’s open requests by decision due date (those without a term last) with the days left counted from today', async () => {
    const board = await service.board(users.swvA, TODAY);
    expect(board.today).toBe(TODAY);
    expect(ids(board.requests)).toEqual([cases.overdue, cases.verlengd, cases.advies, cases.dossier]);
    const byId = new Map(board.requests.map((r) => [r.caseId, r]));
    expect(byId.get(cases.overdue)).toEqual(expect.objectContaining({ decisionDueDate: day(-3), daysRemaining: -3, overdue: true, termExtended: false, statusLabel: expect.any(String) }));
    expect(byId.get(cases.verlengd)).toEqual(expect.objectContaining({ decisionDueDate: day(5), daysRemaining: 5, overdue: false, termExtended: true }));
    expect(byId.get(cases.advies)).toEqual(expect.objectContaining({ decisionDueDate: day(12), daysRemaining: 12, submittedOn: day(-21), requestedCategory: expect.stringMatching(/laag/i), missingItems: 0 }));
    expect(byId.get(cases.advies)?.decisionDueExplanation).toContain('6 kalenderweken');
    expect(byId.get(cases.dossier)).toEqual(expect.objectContaining({ decisionDueDate: null, daysRemaining: null, overdue: false, submittedOn: null, missingItems: 2 }));
    expect(byId.get(cases.advies)?.pupil.displayName).toBe('Bo Testleerling');
    expect(byId.get(cases.overdue)?.school.name).toBe('Berkenlaan Lyceum');
  });

  it('lists granted TLVs from their reminder date on (the policy’s window), the earliest end date first', async () => {
    const board = await service.board(users.swvA, TODAY);
    expect(ids(board.expiring)).toEqual([cases.aflopend, cases.window]);
    expect(board.expiring[0]).toEqual(expect.objectContaining({ endDate: day(40), reminderDate: day(-51), daysUntilEnd: 40, herindicatie: 'AANVRAGEN', herindicatieCaseId: 'tlv-herindicatie-tlv-aflopend', category: expect.stringMatching(/midden/i) }));
    expect(board.expiring[1]).toEqual(expect.objectContaining({ endDate: day(92), daysUntilEnd: 92, herindicatie: null, status: 'AFGEGEVEN' }));
    // The next day the TLV whose reminder date it is joins.
    expect(ids((await service.board(users.swvA, day(1))).expiring)).toEqual([cases.aflopend, cases.window, cases.later]);
  });

  it('leaves out closed cases, refusals, other processes and another SWV’s schools', async () => {
    const board = await service.board(users.swvA, TODAY);
    const all = [...ids(board.requests), ...ids(board.expiring)];
    for (const k of ['verlopen', 'afgewezen', 'west', 'zorgplicht']) expect(all).not.toContain(cases[k]);
    expect(ids((await service.board(users.swvB, TODAY)).requests)).toEqual([cases.west]);
  });

  it('scopes by role: a zorgcoördinator sees his own school, an admin all; other roles are refused', async () => {
    const zc = await service.board(users.zc1, TODAY);
    expect(ids(zc.requests)).toEqual([cases.advies, cases.dossier]);
    expect(ids(zc.expiring)).toEqual([cases.aflopend]);
    const all = await service.board(users.admin, TODAY);
    expect(ids(all.requests)).toEqual([cases.overdue, cases.verlengd, cases.advies, cases.west, cases.dossier]);
    await expect(service.board(users.mentor1, TODAY)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });
});
