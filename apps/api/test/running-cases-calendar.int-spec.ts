/**
 * Running cases take the school's current calendar (issue 13 item 6) on the real stack: a P1 case is running, the
 * school adds a day off between its start and its intake's due date (running cases keep the calendar they started
 * with), the zorgcoördinator applies the calendar to the running cases → the open step's due date moves one school day,
 * the case's timeline says why, one audit entry records the run; a running case without a workflow is listed as failed
 * while the others still take it, a closed case is not sent it, and sending it again changes and records nothing; other
 * roles are refused and bad input changes nothing.
 * The import path (a holiday import sends the new calendar to the cases counted without it) is covered in
 * school-holidays.int-spec.ts (its listed case without a workflow is reported as failed, not fatal) and, with a real
 * workflow and time skipping, in libs/workflows common/holiday-data.int-spec.ts.
 */
import { DataSource } from 'typeorm';
import { dateInWords } from '@zorgroute/dates';
import { CaseReadModelRepository, PupilEntity, SchoolEntity, UserEntity } from '@zorgroute/domain';
import { addSchoolDays, buildSchoolCalendar, toIsoDate, type Region } from '@zorgroute/domain/logic';
import { eventually } from './graphql-client';
import { useTestStack } from './test-stack';
import { bornYearsAgo } from './ages';

const stack = useTestStack({ name: 'e2e-running-calendar' });
const RUN = Date.now().toString(36);
const ZC = 'zc@hetbaken.example';

const START = `mutation($i: StartTrajectoryInput!) { startTrajectory(input: $i) { id } }`;
const DETAIL = `query($id: ID!) { case(id: $id) { summary { waitingFor nextDueDate startedAt } timeline { kind description reason } } }`;
const APPLY = `mutation($s: ID!) { applySchoolCalendarToRunningCases(schoolId: $s) { updated unchanged dueDatesMoved failed { caseId code message } } }`;
const LAST = `query($s: ID!) { lastRunningCasesCalendarRun(schoolId: $s) { at reason result { updated unchanged dueDatesMoved failed { caseId code message } } } }`;
type Last = { lastRunningCasesCalendarRun: { at: string; reason: string; result: Applied['applySchoolCalendarToRunningCases'] } | null };
const ADD_DAY_OFF = `mutation($i: AddSchoolDayOffInput!) { addSchoolDayOff(input: $i) { id } }`;
type Detail = { case: { summary: { waitingFor: string | null; nextDueDate: string | null; startedAt: string }; timeline: { kind: string; description: string; reason: string | null }[] } };
type Applied = { applySchoolCalendarToRunningCases: { updated: number; unchanged: number; dueDatesMoved: number; failed: { caseId: string; code: string; message: string }[] } };

async function runs(): Promise<number> {
  const ds = stack.app.get(DataSource);
  return Number((await ds.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'RUNNING_CASES_CALENDAR_UPDATED'`))[0].n);
}

describe('applying the school calendar to running cases', () => {
  it('moves the open step of a running case after a new day off, with a timeline entry and an audit entry', async () => {
    const ds = stack.app.get(DataSource);
    const zcUser = await ds.getRepository(UserEntity).findOneByOrFail({ email: ZC });
    const school = await ds.getRepository(SchoolEntity).findOneByOrFail({ id: zcUser.schoolId as string });
    const pupil = await ds.getRepository(PupilEntity).save(
      ds.getRepository(PupilEntity).create({ schoolId: school.id, firstName: 'Kalender', lastName: `Leerling-${RUN}`, dateOfBirth: bornYearsAgo(13), className: '1C', mentorId: null }),
    );
    await stack.gql.login(ZC);
    const { startTrajectory } = await stack.gql.ok<{ startTrajectory: { id: string } }>(START, { i: { pupilId: pupil.id, reason: 'Moeite met plannen', requestKey: `calendar-${RUN}` } });
    const id = startTrajectory.id;
    await eventually(async () => (await stack.gql.ok<Detail>(DETAIL, { id })).case.summary.waitingFor === 'RECORD_INTAKE', 20_000, 'the intake step');
    const before = (await stack.gql.ok<Detail>(DETAIL, { id })).case.summary;
    const oldDue = before.nextDueDate as string;

    // A studiedag on the first school day after the start: inside the intake's term.
    const plain = buildSchoolCalendar(school.region as Region);
    const dayOff = addSchoolDays(toIsoDate(before.startedAt), 1, plain);
    // Two read-model rows without a workflow: one running (its failure must not stop the others), one closed (not sent).
    const row = (caseId: string, closedAt: string | null) => {
      const now = new Date().toISOString();
      return new CaseReadModelRepository(ds).upsert({
        caseId, process: 'ONDERSTEUNINGSTRAJECT', schoolId: school.id, pupilId: pupil.id, status: closedAt ? 'AFGESLOTEN' : 'ACTIEF', waitingFor: closedAt ? null : 'RECORD_INTAKE',
        nextDueDate: closedAt ? null : oldDue, ownerUserId: null, stuck: false, stuckReason: null, outcome: null, policyVersion: 'standaard', originCaseId: null,
        participantIds: [], seq: 1, startedAt: now, updatedAt: now, closedAt, data: { dueDates: [] },
      });
    };
    const [orphan, closed] = [`kalendertest-loopt-${RUN}`, `kalendertest-gesloten-${RUN}`];
    await row(orphan, null);
    await row(closed, new Date().toISOString());
    expect(dayOff < oldDue).toBe(true);
    const added = await stack.gql.ok<{ addSchoolDayOff: { id: string } }>(ADD_DAY_OFF, { i: { schoolId: school.id, from: dayOff, to: dayOff, name: `Studiedag ${RUN}` } });
    try {
      // Running cases keep the calendar they started with until it is applied.
      expect((await stack.gql.ok<Detail>(DETAIL, { id })).case.summary.nextDueDate).toBe(oldDue);

      // Other roles may not; bad input changes nothing.
      await stack.gql.login('mentor@hetbaken.example');
      expect((await stack.gql.request(APPLY, { s: school.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await stack.gql.request(LAST, { s: school.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      await stack.gql.login(ZC);
      const runsBefore = await runs();
      const bad = await stack.gql.request(APPLY, { s: 'geen-id' });
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0]?.extensions?.messageEn).toBe('Invalid input: schoolId must be a valid id');
      expect(await runs()).toBe(runsBefore);

      const { applySchoolCalendarToRunningCases: result } = await stack.gql.ok<Applied>(APPLY, { s: school.id });
      expect(result.failed.filter((f) => f.caseId === id)).toEqual([]);
      // The running row without a workflow is listed with its code and Dutch reason; the real case still took it.
      expect(result.failed).toContainEqual({ caseId: orphan, code: 'CASE_CLOSED', message: 'Deze casus loopt niet (meer)' });
      expect(result.failed.map((f) => f.caseId)).not.toContain(closed);
      expect(result.updated).toBeGreaterThanOrEqual(1);
      expect(result.dueDatesMoved).toBeGreaterThanOrEqual(1);
      expect(await runs()).toBe(runsBefore + 1);

      const after = (await stack.gql.ok<Detail>(DETAIL, { id })).case;
      const newDue = addSchoolDays(oldDue, 1, buildSchoolCalendar(school.region as Region, [{ from: dayOff, to: dayOff, name: 'Studiedag' }]));
      expect(after.summary.nextDueDate).toBe(newDue);
      const entry = after.timeline.find((t) => t.kind === 'CALENDAR_UPDATED_DUE_DATES_MOVED');
      // The case page shows the dates in words.
      expect(entry?.description).toBe(`Schoolkalender bijgewerkt: termijn van "Intakegesprek en ontwikkeldoel vastleggen" van ${dateInWords(oldDue)} naar ${dateInWords(newDue)}`);
      expect(entry?.reason).toBe('Schoolkalender toegepast op de lopende casussen');
      const [audit] = await ds.query(`SELECT details FROM audit_entry WHERE action = 'RUNNING_CASES_CALENDAR_UPDATED' ORDER BY id DESC LIMIT 1`);
      expect(audit.details).toMatchObject({ schoolId: school.id, operation: 'useSchoolCalendar' });
      expect(audit.details.cases).toContain(id);
      expect(audit.details.cases).not.toContain(closed);
      // The school calendar screen shows that run for the school: what took it, what did not and why.
      const { lastRunningCasesCalendarRun: last } = await stack.gql.ok<Last>(LAST, { s: school.id });
      expect(last?.reason).toBe('Schoolkalender toegepast op de lopende casussen');
      expect(last?.result).toEqual(result);

      // Sent again: the case already counts on this calendar, so nothing changes and nothing is recorded twice.
      const { applySchoolCalendarToRunningCases: again } = await stack.gql.ok<Applied>(APPLY, { s: school.id });
      expect(again.failed.filter((f) => f.caseId === id)).toEqual([]);
      expect(again.unchanged).toBeGreaterThanOrEqual(1);
      const twice = (await stack.gql.ok<Detail>(DETAIL, { id })).case;
      expect(twice.summary.nextDueDate).toBe(newDue);
      expect(twice.timeline.filter((t) => t.kind.startsWith('CALENDAR_UPDATED'))).toHaveLength(1);
      const [second] = await ds.query(`SELECT details FROM audit_entry WHERE action = 'RUNNING_CASES_CALENDAR_UPDATED' ORDER BY id DESC LIMIT 1`);
      expect(second.details.failed).toContainEqual({ caseId: orphan, code: 'CASE_CLOSED' });
      expect((await stack.gql.ok<Last>(LAST, { s: school.id })).lastRunningCasesCalendarRun?.result).toEqual(again);
    } finally {
      await stack.gql.login(ZC);
      await stack.gql.ok(`mutation($id: ID!) { removeSchoolDayOff(id: $id) { id } }`, { id: added.addSchoolDayOff.id });
      await ds.query(`DELETE FROM case_summary WHERE id = ANY($1)`, [[orphan, closed]]);
    }
  }, 120_000);
});
