/**
 * The hour and the day a case runs at never change what it decides (issue 15.1): the same flows started at 23:50 in
 * Amsterdam, and on the Fridays before both daylight-saving changes, so they run through the 23-hour and the 25-hour
 * Sunday. The test server's clock is moved (useWorkflowTestKit's `startAt`); nothing waits for the real hour.
 *
 * - A JOS worker logs the contact of "today" just after midnight (00:30): the workflow's date is the Amsterdam date,
 *   not the UTC date of a worker running on UTC (it was refused as "in the future" until 01:00/02:00).
 * - A parent who answers at 23:59 on the last day of a consent request is on time.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { addCalendarDays, addSchoolDays, buildSchoolCalendar, toIsoDate, zonedInstant } from '@zorgroute/domain/logic';
import { FakeCaseActivities } from '../../../test/fake-case-activities';
import { useWorkflowTestKit, type WorkflowTestKit } from '../../../test/workflow-test-kit';
import { getJosState, josWorkflow, logJosContact, recordJosStartgesprek, setJosGoals, submitJosForm, type JosState } from '../jos/jos.workflow';
import { recordConsentDecision } from './consent';

const cal = buildSchoolCalendar('midden');
const zc = { id: 'zc-1', name: 'Marieke Verhoef' };
const mentor = { id: 'mentor-1', name: 'Sanne de Wit' };
const jos = { id: 'jos-1', name: 'Lotte Brinkhorst' };
const parent = { id: 'parent-1', name: 'Petra Veldkamp' };

type Handle = WorkflowHandle<typeof josWorkflow>;

const STARTS = [
  { name: 'a Monday at 23:50 (winter time)', startAt: '2027-01-11T23:50' },
  { name: 'the Friday before summer time starts, at 23:50', startAt: '2027-03-26T23:50' },
  { name: 'the Friday before winter time starts, at 23:50', startAt: '2027-10-29T23:50' },
];

async function waitFor(h: Handle, check: (st: JosState) => boolean, what: string): Promise<JosState> {
  for (let i = 0; i < 300; i++) {
    const st = await h.query(getJosState).catch(() => null);
    if (st && check(st)) return st;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} not reached`);
}

/** Skips the test server's clock to `hour`:`minute` on the Amsterdam wall clock of `date`. */
async function skipTo(kit: WorkflowTestKit, date: string, hour: number, minute: number): Promise<void> {
  const ms = Date.parse(zonedInstant(date, hour, minute)) - (await kit.env.currentTimeMs());
  if (ms > 0) await kit.env.sleep(ms);
}

/** Starts a JOS case and takes it to the parents' signature (all at the start instant's date). */
async function toSignature(kit: WorkflowTestKit, tq: string): Promise<{ h: Handle; st: JosState }> {
  const today = await kit.today();
  const h = await kit.env.client.workflow.start(josWorkflow, {
    taskQueue: tq,
    workflowId: `clock-${tq}`,
    args: [{ schoolId: 's-1', pupilId: 'pupil-1', startedBy: zc, decisionDate: today, needs: ['FAALANGST'], mentorId: mentor.id, josWorkerId: jos.id }],
  });
  await waitFor(h, (st) => st.case.status === 'AANMELDFORMULIER', 'the form');
  await h.executeUpdate(submitJosForm, {
    args: [{ actor: mentor, needs: ['FAALANGST'], problemDescription: 'Blokkeert bij toetsen', singleSchoolRelatedProblem: true, alreadyTried: 'Gesprekken', pupilView: 'Ik wil rustiger worden', parentsInformed: true, availability: 'dinsdag 3e uur' }],
  });
  await waitFor(h, (st) => st.case.status === 'STARTGESPREK', 'the startgesprek');
  await h.executeUpdate(recordJosStartgesprek, { args: [{ actor: jos, date: today, parentsPresent: true, mentorPresent: true, pupilPresent: true, summary: 'Kennismaking' }] });
  const st = await waitFor(h, (s) => s.case.status === 'HANDTEKENING_OUDERS' && s.signature?.status === 'PENDING', 'the signature request');
  return { h, st };
}

async function sign(h: Handle, requestId: string): Promise<void> {
  await h.executeUpdate(recordConsentDecision, { args: [{ actor: parent, requestId, decision: 'GIVEN', method: 'DIGITAL', giverUserId: parent.id, giverRole: 'PARENT' }] });
}

describe.each(STARTS)('a case started on $name (time skipping)', ({ startAt }) => {
  const kit = useWorkflowTestKit({ startAt });

  it('takes the contact of "today" just after midnight, on each of the next three days', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      const startDate = await kit.today();
      expect(startDate).toBe(startAt.slice(0, 10));
      const { h, st } = await toSignature(kit, tq);
      await sign(h, st.signature?.requestId as string);
      await waitFor(h, (s) => s.case.status === 'DOELEN', 'the goals step');
      await h.executeUpdate(setJosGoals, {
        args: [{ actor: jos, pupilGoal: 'Ik kan een toets maken', goals: ['Een planning per toetsweek'], agreedWithPupil: true, agreedWithMentor: true, agreedWithParents: true, weeklySlot: 'dinsdag 3e uur' }],
      });
      await waitFor(h, (s) => s.case.status === 'ACTIEF', 'ACTIEF');
      for (let day = 1; day <= 3; day++) {
        const date = addCalendarDays(startDate, day);
        await skipTo(kit, date, 0, 30);
        expect(await kit.today()).toBe(date);
        const after = await h.executeUpdate(logJosContact, { args: [{ actor: jos, date, attended: true }] });
        expect(after.contacts.map((c) => c.date)).toContain(date);
      }
    });
  }, 180_000);

  it('counts an answer at 23:59 on the last day of a consent request as on time', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      const { h, st } = await toSignature(kit, tq);
      const requestedOn = await kit.today();
      const lastDay = addSchoolDays(requestedOn, 15, cal);
      expect(toIsoDate(st.signature?.timeoutAt as string)).toBe(lastDay);
      await skipTo(kit, lastDay, 23, 59);
      expect((await h.query(getJosState)).signature?.status).toBe('PENDING');
      await sign(h, st.signature?.requestId as string);
      const after = await waitFor(h, (s) => s.case.status === 'DOELEN', 'the goals step');
      expect(after.signature?.status).toBe('GIVEN');
      expect(after.case.stuck).toBe(false);
    });
  }, 180_000);
});
