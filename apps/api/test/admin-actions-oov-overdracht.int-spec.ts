/**
 * Admin actions on P5 (OOV) and P6 (PO→VO overdracht) cases end to end on the real stack (issue 15.10): an admin
 * extends, reassigns and closes, and the retention run closes an inactive case, through the workflows' own updates.
 * Before, these workflows had no admin handlers: every such action answered an error and the daily retention close
 * failed on every P5/P6 case. Uses its own SWV, school and people.
 */
import { DataSource } from 'typeorm';
import { PupilEntity, Role, SchoolEntity, SwvEntity, UserEntity } from '@zorgroute/domain';
import { addCalendarDays, addSchoolDays, buildSchoolCalendar, schoolYearBounds, schoolYearOf, toIsoDate } from '@zorgroute/domain/logic';
import { eventually } from './graphql-client';
import { useTestStack } from './test-stack';
import { bornYearsAgo } from './ages';

const stamp = Date.now().toString(36);
const email = (who: string) => `${who}.${stamp}@beheertest.example`;
const stack = useTestStack({ name: 'admin-p5p6', seed: false });
let ds: DataSource;
let swv: SwvEntity;
let school: SchoolEntity;
const users: Record<string, UserEntity> = {};

const DETAIL = `query($id: ID!) { case(id: $id) { summary { status waitingFor nextDueDate ownerName closedAt } timeline { kind reason } } }`;
interface Detail {
  summary: { status: string; waitingFor: string | null; nextDueDate: string | null; ownerName: string | null; closedAt: string | null };
  timeline: { kind: string; reason: string | null }[];
}
const EXTEND = `mutation($c: ID!, $i: AdminExtendDueDateInput!) { adminExtendDueDate(caseId: $c, input: $i) { nextDueDate } }`;
const REASSIGN = `mutation($c: ID!, $i: AdminReassignStepInput!) { adminReassignStep(caseId: $c, input: $i) { ownerName } }`;
const CLOSE = `mutation($c: ID!, $i: AdminCloseCaseInput!) { adminCloseCase(caseId: $c, input: $i) { status } }`;
const PURGE = `mutation($i: PurgeExpiredCasesInput!) { purgeExpiredCases(input: $i) { closedCaseIds failed } }`;

async function as(who: string): Promise<void> {
  await stack.gql.login(email(who));
}

async function detail(id: string): Promise<Detail> {
  return (await stack.gql.ok<{ case: Detail }>(DETAIL, { id })).case;
}

async function waitFor(id: string, check: (d: Detail) => boolean, what: string): Promise<Detail> {
  return eventually(async () => {
    const d = await detail(id);
    return check(d) ? d : null;
  }, 30_000, what);
}

async function freshPupil(name: string): Promise<PupilEntity> {
  return ds.getRepository(PupilEntity).save({ schoolId: school.id, firstName: name, lastName: `Beheer-${stamp}`, dateOfBirth: bornYearsAgo(14), className: '2A', mentorId: null });
}

async function startOov(pupil: PupilEntity): Promise<string> {
  await as('zc');
  const { startOov } = await stack.gql.ok<{ startOov: { id: string } }>(`mutation($i: StartOovInput!) { startOov(input: $i) { id } }`, {
    i: { pupilId: pupil.id, reason: 'Thuiszitter sinds de herfstvakantie', requestKey: `oov-${pupil.id}` },
  });
  await as('beheer');
  await waitFor(startOov.id, (d) => d.summary.waitingFor === 'OOV_RECORD_CONSULTATIONS', 'the preparation step');
  return startOov.id;
}

/** Closes a case as the admin and waits until the read model shows it closed. */
async function closeAsAdmin(id: string, reason: string): Promise<Detail> {
  await as('beheer');
  const closed = await stack.gql.request(CLOSE, { c: id, i: { reason } });
  expect(closed.errors).toBeUndefined();
  return waitFor(id, (d) => d.summary.closedAt !== null, 'the closed case');
}

beforeAll(async () => {
  ds = stack.app.get(DataSource);
  swv = await ds.getRepository(SwvEntity).save({ name: 'SWV Beheer-test', code: `B${stamp}`.slice(0, 20) });
  school = await ds.getRepository(SchoolEntity).save({ swvId: swv.id, name: 'Beheer-testcollege', brin: `B${stamp}`.slice(0, 10), region: 'midden' });
  const user = async (who: string, name: string, role: Role, schoolId: string | null = school.id) => {
    users[who] = await ds.getRepository(UserEntity).save({ email: email(who), name, role, schoolId, swvId: swv.id, pupilId: null });
  };
  await user('zc', 'Ilse Vermeulen', Role.ZORGCOORDINATOR);
  await user('zc2', 'Ruben Koster', Role.ZORGCOORDINATOR);
  await user('swv', 'Lotte Hendriks', Role.SWV_MEDEWERKER, null);
  await user('beheer', 'Beheer Testregio', Role.ADMIN, null);
}, 120_000);

describe('admin actions on OOV (P5) and overdracht (P6) cases', () => {
  it('P5: extends and reassigns the open step, then closes the case in GESLOTEN_DOOR_BEHEER', async () => {
    const id = await startOov(await freshPupil('Noa'));
    const before = await detail(id);
    const later = addSchoolDays(before.summary.nextDueDate as string, 5, buildSchoolCalendar('midden'));
    const extended = await stack.gql.request(EXTEND, { c: id, i: { newDueDate: later, reason: 'Overleg met het Sociaal Team verschoven' } });
    expect(extended.errors).toBeUndefined();
    expect((await detail(id)).summary.nextDueDate).toBe(later);
    const reassigned = await stack.gql.request(REASSIGN, { c: id, i: { newOwnerId: users.zc2.id, reason: 'Zorgcoördinator met verlof' } });
    expect(reassigned.errors).toBeUndefined();
    expect((await detail(id)).summary.ownerName).toBe('Ruben Koster');

    const closed = await closeAsAdmin(id, 'Leerling is verhuisd');
    expect(closed.summary.status).toBe('GESLOTEN_DOOR_BEHEER');
    expect(closed.timeline.map((t) => t.kind)).toEqual(expect.arrayContaining(['ADMIN_DUE_DATE_EXTENDED', 'ADMIN_STEP_REASSIGNED', 'ADMIN_CASE_CLOSED']));
  }, 120_000);

  it('P6: closes an overdracht case in GESLOTEN_DOOR_BEHEER', async () => {
    const today = toIsoDate(Date.now());
    const schoolYear = schoolYearOf(today);
    const start = schoolYearBounds(schoolYear).from;
    await as('swv');
    await stack.gql.ok(`mutation($s: ID!, $i: OverdrachtRegionalCalendarInput!) { setOverdrachtRegionalCalendar(swvId: $s, input: $i) { policyVersion } }`, {
      s: swv.id,
      i: {
        schoolYear,
        schooladviesBy: addCalendarDays(start, -40),
        aanmeldweek: { from: addCalendarDays(start, -30), to: addCalendarDays(start, -26) },
        osoDeadline: addCalendarDays(start, -1),
        warmeOverdracht: { from: addCalendarDays(start, -20), to: addCalendarDays(today, 30) },
        startSchoolYear: start,
      },
    });
    const pupil = await freshPupil('Jesse');
    await as('zc');
    const { startOverdracht } = await stack.gql.ok<{ startOverdracht: { id: string } }>(`mutation($i: StartOverdrachtInput!) { startOverdracht(input: $i) { id } }`, {
      i: { pupilId: pupil.id, schoolYear, poSchoolName: 'OBS De Linde', supportNeedsExpected: false },
    });
    await as('beheer');
    await waitFor(startOverdracht.id, (d) => d.summary.waitingFor === 'OVERDRACHT_RECORD_OKR', 'the OKR step');
    const closed = await closeAsAdmin(startOverdracht.id, 'Aanmelding ingetrokken door de ouders');
    expect(closed.summary.status).toBe('GESLOTEN_DOOR_BEHEER');
    expect(closed.timeline).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'ADMIN_CASE_CLOSED', reason: 'Aanmelding ingetrokken door de ouders' })]));
  }, 120_000);

  it('P5: the retention run closes an OOV case without activity through the workflow', async () => {
    const id = await startOov(await freshPupil('Sara'));
    await ds.query(`UPDATE case_summary SET updated_at = now() - interval '13 months' WHERE id = $1`, [id]);
    await as('beheer');
    const { purgeExpiredCases: r } = await stack.gql.ok<{ purgeExpiredCases: { closedCaseIds: string[]; failed: number } }>(PURGE, { i: { reason: 'Controle inactieve casussen', schoolId: school.id } });
    expect(r.failed).toBe(0);
    expect(r.closedCaseIds).toContain(id);
    const closed = await waitFor(id, (d) => d.summary.closedAt !== null, 'the closed case');
    expect(closed.summary.status).toBe('GESLOTEN_DOOR_BEHEER');
  }, 120_000);
});
