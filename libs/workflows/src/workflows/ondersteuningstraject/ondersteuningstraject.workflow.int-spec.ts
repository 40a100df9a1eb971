import type { WorkflowHandle } from '@temporalio/client';
import {
  addCalendarDays,
  addCalendarWeeks,
  buildSchoolCalendar,
  DEFAULT_LADDER,
  isoDayOfWeek,
  isSchoolDay,
  nextSchoolDay,
  reminderLadder,
  sessionWeek,
  type SessionWeek,
} from '@zorgroute/domain/logic';
import { FakeCaseActivities } from '../../../test/fake-case-activities';
import { DAY, maybeRecordHistory, updateError, useWorkflowTestKit, waitUntil } from '../../../test/workflow-test-kit';
import {
  assignCoach,
  getTrajectState,
  logSession,
  ondersteuningstrajectWorkflow,
  recordIntake,
  recordMidEvaluation,
  recordOutcome,
  stopTrajectory,
  type OndersteuningstrajectState,
  type StartOndersteuningstrajectInput,
} from './ondersteuningstraject.workflow';

const zc = { id: 'zc-1', name: 'Marieke Verhoef' };
const coach = { id: 'coach-1', name: 'Fatima El Idrissi' };
const input: StartOndersteuningstrajectInput = { schoolId: 's-1', pupilId: 'pupil-1', startedBy: zc, reason: 'Faalangst bij toetsen', weeks: 9 };

const kit = useWorkflowTestKit();
/** The fakes' school calendar (regio midden). */
const midden = buildSchoolCalendar('midden');



/**
 * Starts a case. A case whose history is recorded uses the history's name as its workflow id: ids derived from it
 * (the linked IZO referral) must match when `replay.spec.ts` replays the history under that name.
 */
function start(taskQueue: string, over: Partial<StartOndersteuningstrajectInput> = {}, workflowId = `p1-${taskQueue}`): Promise<WorkflowHandle<typeof ondersteuningstrajectWorkflow>> {
  return kit.env.client.workflow.start(ondersteuningstrajectWorkflow, { taskQueue, workflowId, args: [{ ...input, ...over }] });
}

async function toActive(h: WorkflowHandle<typeof ondersteuningstrajectWorkflow>): Promise<void> {
  await waitForStatus(h, 'INTAKE');
  await h.executeUpdate(recordIntake, { args: [{ actor: zc, intakeDate: '2026-11-20', goal: 'Rustig blijven bij toetsen', subGoals: ['Planning maken'] }] });
  await waitForStatus(h, 'MATCHING');
  await h.executeUpdate(assignCoach, { args: [{ actor: zc, coachId: coach.id, coachName: coach.name, sessionSlot: 'dinsdag 10:15' }] });
  await waitForStatus(h, 'ACTIEF');
}

async function waitForStatus(h: WorkflowHandle<typeof ondersteuningstrajectWorkflow>, status: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const st = await h.query(getTrajectState).catch(() => null);
    if (st?.case.status === status) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`status ${status} not reached`);
}




describe('P1 ondersteuningstraject workflow (time skipping)', () => {
  it('runs a 9-week trajectory from signal to AFGEROND, with mid-way and final evaluation', async () => {
    const fakes = new FakeCaseActivities();
    const final = await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, {}, 'ondersteuningstraject-afgerond');
      await toActive(h);
      const active = await h.query(getTrajectState);
      expect(active.startDate).not.toBeNull();
      expect(active.weeks).toBe(9);
      // 9 weeks later the end date is the start date + 63 days.
      expect(Date.parse(`${active.endDate}T00:00:00Z`) - Date.parse(`${active.startDate}T00:00:00Z`)).toBe(63 * DAY);
      expect(active.case.waitingFor).toBe('RECORD_MID_EVALUATION');

      await kit.env.sleep(3 * DAY);
      await h.executeUpdate(logSession, { args: [{ actor: coach, date: active.startDate as string, attended: true, thermometer: 4 }] });
      await h.executeUpdate(recordMidEvaluation, { args: [{ actor: coach, summary: 'Gaat de goede kant op' }] });
      await kit.env.sleep(70 * DAY);
      await waitForStatus(h, 'EINDEVALUATIE');
      await h.executeUpdate(recordOutcome, { args: [{ actor: coach, outcome: 'AFGEROND' }] });
      const result = await h.result();
      await maybeRecordHistory(h, 'ondersteuningstraject-afgerond');
      return result;
    });
    expect(final.case.status).toBe('AFGEROND');
    expect(final.case.closedAt).not.toBeNull();
    expect(final.sessions).toEqual([expect.objectContaining({ thermometer: 4, attended: true })]);
    const statuses = fakes.audit.map((a) => a.action).filter((a) => a.startsWith('STATUS_'));
    expect(statuses).toEqual(['STATUS_INTAKE', 'STATUS_MATCHING', 'STATUS_ACTIEF', 'STATUS_EINDEVALUATIE', 'STATUS_AFGEROND']);
    expect(fakes.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['CASE_STARTED', 'INTAKE_RECORDED', 'COACH_ASSIGNED', 'SESSION_LOGGED', 'MID_EVALUATION_RECORDED', 'OUTCOME_RECORDED']));
    // Audit event keys are unique (one per recorded transition).
    expect(new Set(fakes.audit.map((a) => a.eventKey)).size).toBe(fakes.audit.length);
    // Parents were told at the start. No session reminders: the policy's default is off.
    expect(fakes.notifications.filter((n) => n.kind === 'CASE_STARTED')).toHaveLength(1);
    expect(fakes.notifications.filter((n) => n.kind === 'SESSION_REMINDER')).toHaveLength(0);
    expect(fakes.duplicates).toBe(0);
  }, 120_000);

  it('opens the end evaluation on the end date without a tussenevaluatie; the missed one stays on its own ladder until recorded', async () => {
    const fakes = new FakeCaseActivities();
    const final = await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, { weeks: 6 }, 'ondersteuningstraject-tussenevaluatie-gemist');
      await toActive(h);
      const active = await h.query(getTrajectState);
      expect(active.openSteps).toEqual(['RECORD_MID_EVALUATION']);
      expect(active.case.waitingFor).toBe('RECORD_MID_EVALUATION');
      const midDue = active.case.nextDueDate as string;

      // Never recorded: the end evaluation still opens on the end date (the trajectory does not stall in ACTIEF).
      await kit.sleepUntil(active.endDate as string);
      await waitForStatus(h, 'EINDEVALUATIE');
      const ending = await h.query(getTrajectState);
      expect(ending.case.waitingFor).toBe('RECORD_OUTCOME');
      expect(ending.openSteps).toEqual(expect.arrayContaining(['RECORD_OUTCOME', 'RECORD_MID_EVALUATION']));
      expect(ending.case.data.midEvaluationMissed).toBe(true);
      // Its own ladder goes on: the zorgcoördinator is told, and 10 school days late the case is stuck on it (by the
      // end date, or after it when a holiday falls in between).
      const stuckRung = reminderLadder(midDue, DEFAULT_LADDER, midden).at(-1);
      expect(stuckRung?.kind).toBe('STUCK');
      const untilStuck = Date.parse(stuckRung?.at as string) + 3600_000 - (await kit.env.currentTimeMs());
      if (untilStuck > 0) await kit.env.sleep(untilStuck);
      await waitUntil(() => fakes.notifications.some((n) => n.key.includes(':RECORD_MID_EVALUATION:') && n.kind === 'CASE_STUCK'), 'the tussenevaluatie stuck');
      const mid = fakes.notifications.filter((n) => n.key.includes(':RECORD_MID_EVALUATION:'));
      // (The unlogged session weeks run their own ladder too; the case is stuck on whichever got there first.)
      expect(mid.map((n) => n.kind)).toEqual(expect.arrayContaining(['STEP_ESCALATION', 'CASE_STUCK']));
      expect(fakes.audit.some((a) => a.action === 'CASE_STUCK' && a.description.includes('Tussenevaluatie'))).toBe(true);
      expect((await h.query(getTrajectState)).case.stuck).toBe(true);

      // Recorded late: the ladder stops and the stuck mark goes; the outcome closes the trajectory.
      await h.executeUpdate(recordMidEvaluation, { args: [{ actor: coach, summary: 'Te laat gehouden; gaat redelijk' }] });
      const after = await h.query(getTrajectState);
      expect(after.openSteps).not.toContain('RECORD_MID_EVALUATION');
      expect(after.case.stuckReason).not.toBe('OVERDUE:RECORD_MID_EVALUATION');
      const sent = fakes.notifications.length;
      await kit.env.sleep(14 * DAY);
      expect(fakes.notifications.slice(sent).filter((n) => n.key.includes(':RECORD_MID_EVALUATION:'))).toHaveLength(0);
      await h.executeUpdate(recordOutcome, { args: [{ actor: coach, outcome: 'AFGEROND' }] });
      const result = await h.result();
      await maybeRecordHistory(h, 'ondersteuningstraject-tussenevaluatie-gemist');
      return result;
    });
    expect(final.case.status).toBe('AFGEROND');
    expect(fakes.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['STATUS_EINDEVALUATIE', 'MID_EVALUATION_RECORDED', 'STATUS_AFGEROND']));
    expect(fakes.duplicates).toBe(0);
  }, 180_000);

  it('reminds coach and pupil before each session when the policy says so (hours before the slot), never in a holiday week', async () => {
    const fakes = new FakeCaseActivities({ ondersteuningstraject: { sessionReminders: true, sessionReminderHoursBefore: 24 } });
    // Sessions on Tuesday 10:15 in a 6-week trajectory that has a Tuesday in a holiday week: from the suite's start,
    // the first school day (at 10:00) from which such a trajectory starts (the default start: the voorjaarsvakantie).
    const tuesdays = (from: string, to: string): string[] => {
      const days: string[] = [];
      for (let d = from; d < to; d = addCalendarDays(d, 1)) if (isoDayOfWeek(d) === 2) days.push(d);
      return days;
    };
    const plan = (day: string) => {
      const startDate = nextSchoolDay(addCalendarDays(day, 1), midden);
      const all = tuesdays(startDate, addCalendarWeeks(startDate, 6));
      const sessions = all.filter((d) => isSchoolDay(d, midden));
      return { day, startDate, sessions, holidayTuesdays: all.filter((d) => !isSchoolDay(d, midden)) };
    };
    let p = plan(addCalendarDays(await kit.today(), 1));
    // A school day; the first session at least two days later (its reminder is not already due) and a holiday Tuesday after it.
    while (!isSchoolDay(p.day, midden) || (p.sessions[0] ?? '') <= addCalendarDays(p.day, 1) || !p.holidayTuesdays.some((d) => d > (p.sessions[0] as string))) {
      p = plan(addCalendarDays(p.day, 1));
    }
    await kit.sleepUntil(p.day, 10);
    const first = p.sessions[0] as string;
    await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, { weeks: 6 });
      await waitForStatus(h, 'INTAKE');
      await h.executeUpdate(recordIntake, { args: [{ actor: zc, intakeDate: await kit.today(), goal: 'Rustig blijven bij toetsen' }] });
      await waitForStatus(h, 'MATCHING');
      const half = await updateError(h.executeUpdate(assignCoach, { args: [{ actor: zc, coachId: coach.id, coachName: coach.name, sessionSlot: 'dinsdag 10:15', sessionWeekday: 2 }] }));
      expect(half.type).toBe('BAD_USER_INPUT');
      const weekend = await updateError(h.executeUpdate(assignCoach, { args: [{ actor: zc, coachId: coach.id, coachName: coach.name, sessionSlot: 'zaterdag 10:15', sessionWeekday: 6, sessionTime: '10:15' }] }));
      expect(weekend.type).toBe('BAD_USER_INPUT');
      await h.executeUpdate(assignCoach, { args: [{ actor: zc, coachId: coach.id, coachName: coach.name, sessionSlot: 'dinsdag 10:15', sessionWeekday: 2, sessionTime: '10:15' }] });
      await waitForStatus(h, 'ACTIEF');
      const active = await h.query(getTrajectState);
      expect(active.startDate).toBe(p.startDate);
      expect(active.endDate).toBe(addCalendarWeeks(p.startDate, 6));
      const reminders = () => fakes.notifications.filter((n) => n.kind === 'SESSION_REMINDER');

      // 24 hours before the first session (Tuesday 10:15): not at 10:00 on the Monday, but by 11:00.
      await kit.sleepUntil(addCalendarDays(first, -1), 10);
      expect(reminders()).toHaveLength(0);
      await kit.sleepUntil(addCalendarDays(first, -1), 11);
      await waitUntil(() => reminders().length === 1, 'the first session reminder');
      expect(reminders()[0]).toMatchObject({ dueDate: first, sessionTime: '10:15', recipients: { userIds: [coach.id], pupilAccountOf: 'pupil-1' } });

      // Through the end: one per session, none on a Tuesday in a holiday week.
      await kit.sleepUntil(active.endDate as string);
      expect(reminders().map((n) => n.dueDate)).toEqual(p.sessions);
      expect(p.holidayTuesdays.length).toBeGreaterThan(0);
      await h.executeUpdate(stopTrajectory, { args: [{ actor: zc, reason: 'Einde test' }] });
      await h.result();
    });
    expect(fakes.duplicates).toBe(0);
  }, 180_000);

  it('follows the reminder ladder for an open intake, escalates, marks the case stuck, and stops when the step is done', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq);
      await waitForStatus(h, 'INTAKE');
      // 10 school days to the due date plus 10 school days overdue: ~4–6 calendar weeks; sleep 8 weeks.
      await kit.env.sleep(56 * DAY);
      const st = await h.query(getTrajectState);
      expect(st.case.stuck).toBe(true);
      expect(st.case.stuckReason).toBe('OVERDUE:RECORD_INTAKE');
      const intakeMsgs = fakes.notifications.filter((n) => n.key.includes(':RECORD_INTAKE:'));
      const rungs = intakeMsgs.map((n) => n.key.split(':').at(-1));
      expect(rungs).toEqual(['assigned', 'before-2', 'due', 'after-2', 'escalate-3', 'after-4', 'after-6', 'after-8', 'stuck-10']);
      expect(intakeMsgs.find((n) => n.kind === 'STEP_ESCALATION')?.recipients.userIds).toEqual(['zc-1']);
      expect(intakeMsgs.find((n) => n.kind === 'CASE_STUCK')?.recipients.userIds).toEqual(['zc-1']);
      const countBefore = fakes.notifications.length;

      await h.executeUpdate(recordIntake, { args: [{ actor: zc, intakeDate: '2026-12-01', goal: 'Ik wil weer naar school durven' }] });
      await waitForStatus(h, 'MATCHING');
      const after = await h.query(getTrajectState);
      expect(after.case.stuck).toBe(false);
      // Only the new step's assignment message; no further intake reminders.
      await kit.env.sleep(2 * DAY);
      const newMsgs = fakes.notifications.slice(countBefore);
      expect(newMsgs.every((n) => !n.key.includes(':RECORD_INTAKE:'))).toBe(true);
      expect(newMsgs.map((n) => n.kind)).toContain('STEP_ASSIGNED');
      await h.executeUpdate(stopTrajectory, { args: [{ actor: zc, reason: 'Test afgerond' }] });
      await h.result();
      await maybeRecordHistory(h, 'ondersteuningstraject-ladder-stuck-gestopt');
    });
    expect(fakes.duplicates).toBe(0);
  }, 120_000);

  it('rejects steps that are not open now, without recording anything', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq);
      await waitForStatus(h, 'INTAKE');
      await waitUntil(() => fakes.latest?.waitingFor === 'RECORD_INTAKE');
      const recorded = fakes.snapshots.length;
      const e1 = await updateError(h.executeUpdate(logSession, { args: [{ actor: coach, date: '2026-11-20', attended: true, thermometer: 5 }] }));
      expect(e1.type).toBe('STEP_NOT_ALLOWED');
      const e2 = await updateError(h.executeUpdate(recordIntake, { args: [{ actor: zc, intakeDate: '2026-11-20', goal: ' ' }] }));
      expect(e2.type).toBe('BAD_USER_INPUT');
      const e3 = await updateError(h.executeUpdate(recordIntake, { args: [{ actor: zc, intakeDate: '2026-02-30', goal: 'Goed doel' }] }));
      expect(e3.type).toBe('BAD_USER_INPUT');
      expect(fakes.snapshots.length).toBe(recorded);
      await h.executeUpdate(stopTrajectory, { args: [{ actor: zc, reason: 'Ouders willen geen traject' }] });
      const final = await h.result();
      expect(final.case.status).toBe('GESTOPT');
      expect(final.case.outcome).toBe('GESTOPT');
    });
  }, 120_000);

  it('extends once (VERLENGD) and refuses a second extension beyond the policy maximum', async () => {
    const fakes = new FakeCaseActivities();
    const final = await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, { weeks: 6 }, 'ondersteuningstraject-verlengd-doorverwezen');
      await toActive(h);
      await h.executeUpdate(recordMidEvaluation, { args: [{ actor: coach, summary: 'Halverwege' }] });
      await kit.env.sleep(50 * DAY);
      await waitForStatus(h, 'EINDEVALUATIE');
      const before = await h.query(getTrajectState);
      await h.executeUpdate(recordOutcome, { args: [{ actor: coach, outcome: 'VERLENGD', extensionWeeks: 4 }] });
      await waitForStatus(h, 'ACTIEF');
      const extended = await h.query(getTrajectState);
      expect(extended.extensions).toBe(1);
      expect(Date.parse(`${extended.endDate}T00:00:00Z`) - Date.parse(`${before.endDate}T00:00:00Z`)).toBe(28 * DAY);
      await kit.env.sleep(35 * DAY);
      await waitForStatus(h, 'EINDEVALUATIE');
      const e = await updateError(h.executeUpdate(recordOutcome, { args: [{ actor: coach, outcome: 'VERLENGD', extensionWeeks: 2 }] }));
      expect(e.type).toBe('STEP_NOT_ALLOWED');
      await h.executeUpdate(recordOutcome, { args: [{ actor: coach, outcome: 'DOORVERWEZEN', reason: 'Verder in het IZO' }] });
      const result = await h.result();
      await maybeRecordHistory(h, 'ondersteuningstraject-verlengd-doorverwezen');
      return result;
    });
    expect(final.case.status).toBe('DOORVERWEZEN');
    // The zorgcoördinator is told every outcome; the extension made the session log run on for the added weeks.
    expect(fakes.notifications.filter((n) => n.kind === 'TRAJECT_OUTCOME').map((n) => n.outcome)).toEqual(['VERLENGD', 'DOORVERWEZEN']);
    expect(final.weeks).toBe(10);
  }, 180_000);

  it('lets the pupil switch coach with a reason, keeping the history', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq);
      await toActive(h);
      const noReason = await updateError(h.executeUpdate(assignCoach, { args: [{ actor: zc, coachId: 'coach-2', coachName: 'Bram Oosterhuis', sessionSlot: 'woensdag 9:00' }] }));
      expect(noReason.type).toBe('BAD_USER_INPUT');
      await h.executeUpdate(assignCoach, { args: [{ actor: zc, coachId: 'coach-2', coachName: 'Bram Oosterhuis', sessionSlot: 'woensdag 9:00', reason: 'Klikt niet met de coach' }] });
      const st = await h.query(getTrajectState);
      expect(st.coach?.id).toBe('coach-2');
      expect(st.coachHistory.map((c) => c.id)).toEqual(['coach-1', 'coach-2']);
      expect(st.case.participantIds).toEqual(expect.arrayContaining(['coach-1', 'coach-2']));
      expect(st.case.ownerUserId).toBe('coach-2');
      await h.executeUpdate(stopTrajectory, { args: [{ actor: zc, reason: 'Einde test' }] });
      await h.result();
    });
  }, 120_000);
});


/** The session weeks of a trajectory as the workflow computes them (the fakes' calendar: regio midden, default policy). */
const weekly = { sessionEveryWeeks: 1, sessionLogWithinSchoolDays: 2 };
function weekOf(st: OndersteuningstrajectState, k: number): SessionWeek | null {
  return sessionWeek(st.startDate as string, st.endDate as string, k, midden, weekly);
}
/** The first session week from `k` on that has a session (not entirely school holiday). */
function weekWithSession(st: OndersteuningstrajectState, k: number): SessionWeek {
  for (let j = k; ; j++) {
    const w = weekOf(st, j);
    if (!w) throw new Error(`no session week from ${k} on`);
    if (w.due) return w;
  }
}

describe('P1 session log ladder and messages (time skipping)', () => {
  it('runs the ladder for an unlogged session only, stops it when logged, and tells parents and zorgcoördinator', async () => {
    const fakes = new FakeCaseActivities();
    const workflowId = 'ondersteuningstraject-sessielog-ladder-afgerond';
    let late: SessionWeek | undefined;
    const final = await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await kit.env.client.workflow.start(ondersteuningstrajectWorkflow, { taskQueue: tq, workflowId, args: [{ ...input, weeks: 6 }] });
      await toActive(h);
      const active = await h.query(getTrajectState);

      // Week 1: the session is logged on time, and the tussenevaluatie is recorded early (parents told mid-way).
      const first = weekWithSession(active, 1);
      await kit.sleepUntil(first.lastSchoolDay as string);
      await h.executeUpdate(logSession, { args: [{ actor: coach, date: first.lastSchoolDay as string, attended: true, thermometer: 5 }] });
      await h.executeUpdate(recordMidEvaluation, { args: [{ actor: coach, summary: 'Eerste weken gaan goed' }] });

      // The next session week is not logged: after the week the step is open (silent until its due date), then the
      // overdue rungs: a reminder to the coach 2 school days after the due date, the zorgcoördinator at 3.
      late = weekWithSession(active, first.week + 1);
      const rungs = reminderLadder(late.due?.date as string, DEFAULT_LADDER, midden);
      const escalation = rungs.find((r) => r.kind === 'ESCALATION');
      const reminder = rungs.find((r) => r.key === 'after-2');
      await kit.sleepUntil(late.due?.date as string, 18);
      const open = fakes.latest;
      expect(open?.waitingFor).toBe('LOG_SESSION');
      expect(open?.ownerUserId).toBe(coach.id);
      expect(open?.nextDueDate).toBe(late.due?.date);
      expect(open?.data.openSteps).toEqual(['LOG_SESSION']);
      expect((open?.data.dueDates as { step: string; explanation: string }[]).find((d) => d.step === 'LOG_SESSION')?.explanation).toContain(`Sessie week ${late.week} (${late.from} t/m ${late.to})`);
      expect((await h.query(getTrajectState)).openSessionLog).toEqual({ week: late.week, from: late.from, to: late.to, dueDate: late.due?.date, ownerUserId: coach.id });
      // Nothing sent yet: no task message and no reminder before or on the due date.
      expect(fakes.notifications.filter((n) => n.key.includes(':LOG_SESSION:'))).toEqual([]);

      await kit.env.sleep(Date.parse(reminder?.at as string) - (await kit.env.currentTimeMs()) + 3600_000);
      await waitUntil(() => fakes.notifications.some((n) => n.key.endsWith(':after-2')), 'reminder');
      expect(fakes.notifications.some((n) => n.key.endsWith(':escalate-3'))).toBe(false);
      await kit.env.sleep(Date.parse(escalation?.at as string) - (await kit.env.currentTimeMs()) + 3600_000);
      await waitUntil(() => fakes.notifications.some((n) => n.key.endsWith(':escalate-3')), 'escalation');
      await waitUntil(() => fakes.audit.some((a) => a.action === 'STEP_ESCALATED'), 'escalation audit');

      // Logged late: the ladder stops and the step is no longer open.
      await h.executeUpdate(logSession, { args: [{ actor: coach, date: late.lastSchoolDay as string, attended: false }] });
      await waitUntil(() => !(fakes.latest?.data.openSteps as string[]).includes('LOG_SESSION') && fakes.latest?.waitingFor === null, 'session log closed');
      expect((fakes.latest?.data.dueDates as { step: string }[]).some((d) => d.step === 'LOG_SESSION')).toBe(false);
      expect((await h.query(getTrajectState)).openSessionLog).toBeNull();
      const sessionMsgs = fakes.notifications.filter((n) => n.key.includes(':LOG_SESSION:')).length;

      // The remaining weeks are logged on time: they send nothing.
      for (let k = late.week + 1; weekOf(active, k); k++) {
        const w = weekOf(active, k) as SessionWeek;
        if (!w.lastSchoolDay) continue;
        await kit.sleepUntil(w.lastSchoolDay);
        await h.executeUpdate(logSession, { args: [{ actor: coach, date: w.lastSchoolDay, attended: true, thermometer: 7 }] });
      }
      await kit.sleepUntil(active.endDate as string);
      await waitForStatus(h, 'EINDEVALUATIE');
      await kit.env.sleep(2 * DAY);
      expect(fakes.notifications.filter((n) => n.key.includes(':LOG_SESSION:')).length).toBe(sessionMsgs);
      await h.executeUpdate(recordOutcome, { args: [{ actor: coach, outcome: 'AFGEROND' }] });
      const result = await h.result();
      await maybeRecordHistory(h, workflowId);
      return result;
    });
    expect(final.case.status).toBe('AFGEROND');

    const sessionMsgs = fakes.notifications.filter((n) => n.key.includes(':LOG_SESSION:'));
    expect(sessionMsgs.map((n) => n.key.split(':').at(-1))).toEqual(['after-2', 'escalate-3']);
    expect(sessionMsgs.map((n) => n.kind)).toEqual(['STEP_REMINDER', 'STEP_ESCALATION']);
    expect(sessionMsgs[0].recipients.userIds).toEqual([coach.id]);
    expect(sessionMsgs[1].recipients.userIds).toEqual([zc.id]);
    expect(sessionMsgs.every((n) => n.stepLabel === `Sessie week ${late?.week} vastleggen` && n.dueDate === late?.due?.date)).toBe(true);

    const parents = fakes.notifications.filter((n) => n.recipients.parentsOfPupil === 'pupil-1');
    expect(parents.map((n) => [n.kind, n.moment ?? null])).toEqual([
      ['CASE_STARTED', null],
      ['TRAJECT_PARENT_UPDATE', 'MIDWAY'],
      ['TRAJECT_PARENT_UPDATE', 'ENDED'],
    ]);
    expect(parents[1].ownerUserId).toBe(coach.id);
    const outcome = fakes.notifications.filter((n) => n.kind === 'TRAJECT_OUTCOME');
    expect(outcome).toEqual([expect.objectContaining({ outcome: 'AFGEROND', recipients: { userIds: [zc.id] }, dueDate: final.endDate, ownerUserId: coach.id })]);
    expect(fakes.duplicates).toBe(0);
  }, 240_000);

  it('stops an open session-log ladder when the trajectory is stopped, and tells parents and zorgcoördinator', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq);
      await toActive(h);
      const active = await h.query(getTrajectState);
      const first = weekWithSession(active, 1);
      // The first session is never logged: the ladder runs into a stuck case.
      const rungs = reminderLadder(first.due?.date as string, DEFAULT_LADDER, midden);
      await kit.env.sleep(Date.parse(rungs.at(-1)?.at as string) - (await kit.env.currentTimeMs()) + 3600_000);
      await waitUntil(() => fakes.latest?.stuckReason === 'OVERDUE:LOG_SESSION', 'stuck');
      expect(fakes.latest?.waitingFor).toBe('RECORD_MID_EVALUATION');
      expect(fakes.latest?.data.openSteps).toEqual(['RECORD_MID_EVALUATION', 'LOG_SESSION']);
      const count = fakes.notifications.filter((n) => n.key.includes(':LOG_SESSION:')).length;
      await h.executeUpdate(stopTrajectory, { args: [{ actor: coach, reason: 'Leerling wil stoppen' }] });
      const final = await h.result();
      expect(final.case.status).toBe('GESTOPT');
      expect(final.case.stuck).toBe(false);
      expect(fakes.latest?.stuck).toBe(false);
      expect(fakes.notifications.filter((n) => n.key.includes(':LOG_SESSION:')).length).toBe(count);
    });
    expect(fakes.notifications.filter((n) => n.kind === 'TRAJECT_OUTCOME').map((n) => n.outcome)).toEqual(['GESTOPT']);
    expect(fakes.notifications.filter((n) => n.kind === 'TRAJECT_PARENT_UPDATE').map((n) => n.moment)).toEqual(['ENDED']);
    expect(fakes.duplicates).toBe(0);
  }, 180_000);
});
