/**
 * Running cases take the school's current calendar (issue 13 item 6) on the real stack: a P1 case is running, the
 * school adds a day off between its start and its intake's due date (running cases keep the calendar they started
 * with), the zorgcoördinator applies the calendar to the running cases → the open step's due date moves one school day,
 * the case's timeline says why, one audit entry records the run; other roles are refused and bad input changes nothing.
 * The import path (a holiday import sends the new calendar to the cases counted without it) is covered in
 * school-holidays.int-spec.ts (its listed case without a workflow is reported as failed, not fatal) and, with a real
 * workflow and time skipping, in libs/workflows common/holiday-data.int-spec.ts.
 */
import { DataSource } from 'typeorm';
import { dateInWords } from '@zorgroute/dates';
import { PupilEntity, SchoolEntity, UserEntity } from '@zorgroute/domain';
import { addSchoolDays, buildSchoolCalendar, toIsoDate, type Region } from '@zorgroute/domain/logic';
import { eventually } from './graphql-client';
import { useTestStack } from './test-stack';
import { bornYearsAgo } from './ages';

const stack = useTestStack({ name: 'e2e-running-calendar' });
const RUN = Date.now().toString(36);
const ZC = 'zc@hetbaken.example';

const START = `mutation($i: StartTrajectoryInput!) { startTrajectory(input: $i) { id } }`;
const DETAIL = `query($id: ID!) { case(id: $id) { summary { waitingFor nextDueDate startedAt } timeline { kind description reason } } }`;
const APPLY = `mutation($s: ID!) { applySchoolCalendarToRunningCases(schoolId: $s) { updated dueDatesMoved failed { caseId code message } } }`;
const ADD_DAY_OFF = `mutation($i: AddSchoolDayOffInput!) { addSchoolDayOff(input: $i) { id } }`;
type Detail = { case: { summary: { waitingFor: string | null; nextDueDate: string | null; startedAt: string }; timeline: { kind: string; description: string; reason: string | null }[] } };
type Applied = { applySchoolCalendarToRunningCases: { updated: number; dueDatesMoved: number; failed: { caseId: string; code: string }[] } };

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
    expect(dayOff < oldDue).toBe(true);
    const added = await stack.gql.ok<{ addSchoolDayOff: { id: string } }>(ADD_DAY_OFF, { i: { schoolId: school.id, from: dayOff, to: dayOff, name: `Studiedag ${RUN}` } });
    try {
      // Running cases keep the calendar they started with until it is applied.
      expect((await stack.gql.ok<Detail>(DETAIL, { id })).case.summary.nextDueDate).toBe(oldDue);

      // Other roles may not; bad input changes nothing.
      await stack.gql.login('mentor@hetbaken.example');
      expect((await stack.gql.request(APPLY, { s: school.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      await stack.gql.login(ZC);
      const runsBefore = await runs();
      const bad = await stack.gql.request(APPLY, { s: 'geen-id' });
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0]?.extensions?.messageEn).toBe('Invalid input: schoolId must be a valid id');
      expect(await runs()).toBe(runsBefore);

      const { applySchoolCalendarToRunningCases: result } = await stack.gql.ok<Applied>(APPLY, { s: school.id });
      expect(result.failed.filter((f) => f.caseId === id)).toEqual([]);
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
    } finally {
      await stack.gql.login(ZC);
      await stack.gql.ok(`mutation($id: ID!) { removeSchoolDayOff(id: $id) { id } }`, { id: added.addSchoolDayOff.id });
    }
  }, 120_000);
});
