/**
 * P1 — what runs next to the main flow while the trajectory is active: the tussenevaluatie, the weekly session logs
 * with their overdue ladder, and the optional session reminders. Each ends with the trajectory.
 */
import { condition } from '@temporalio/workflow';
import { addCalendarDays, nextSchoolDay, sessionDateInWeek, sessionLoggedIn, zonedInstant, type SessionWeek } from '@zorgroute/domain/logic';
import { ONDERSTEUNINGSTRAJECT_STEPS as STEPS } from '@zorgroute/processes';
import { awaitHumanStep } from '../common/human-step';
import { todayIso, type Trajectory } from './ondersteuningstraject.case';

/**
 * RECORD_MID_EVALUATION (P1.4: a tussenevaluatie at half-time) runs next to the main flow, so the end evaluation
 * opens on the end date whatever happened mid-way (issue 15.2). Until half-time nothing else waits, so the case shows
 * it as its open step; a tussenevaluatie not recorded by the end date stays open on its own ladder (overdue,
 * escalation, stuck), marked as missed, until it is recorded or the trajectory ends.
 */
export async function midEvaluationStep(t: Trajectory): Promise<void> {
  const { rec, ctx, policy, input, state } = t;
  const half = nextSchoolDay(addCalendarDays(state.startDate as string, Math.round(state.weeks * 7 * policy.midEvaluationAtFraction)), ctx.calendar);
  const mid = await awaitHumanStep(
    rec,
    { step: 'RECORD_MID_EVALUATION', label: STEPS.RECORD_MID_EVALUATION.label, ownerUserId: state.coach?.id ?? null, due: t.due(half, 0, 'P1.midEvaluationAtHalfTime') },
    () => state.midEvaluation !== null,
    () => t.ended(),
    // Its open steps come from the open side step: the read model's row offers it from its first record on.
    { parallel: true, onOpen: () => t.syncData() },
  );
  // Parents are told mid-way (P1 notifications): only that the tussenevaluatie was held, not what it says.
  if (mid === 'DONE' && !t.stopped()) {
    rec.notifyLater({
      key: `${rec.caseId}:midway:parents`,
      recipients: { parentsOfPupil: input.pupilId },
      kind: 'TRAJECT_PARENT_UPDATE',
      moment: 'MIDWAY',
      stepLabel: STEPS.RECORD_MID_EVALUATION.label,
      dueDate: state.endDate ?? todayIso(),
      ownerUserId: state.coach?.id ?? null,
    });
  }
}

/**
 * LOG_SESSION (P1.4: "the coach logs each session within 2 school days … missed or unlogged sessions follow the
 * ladder"). The session weeks are taken one after another (sessionWeek: the due date counts from the last school day
 * of the week, the slot being free text; a week that is entirely school holiday has no session and is skipped):
 * - a week logged before its end costs one timer and nothing else;
 * - otherwise, from the first school day after the week, the step is open next to the main step (visible with the
 *   coach as owner and its explained due date) and the ladder runs with only its overdue rungs, so a log within the
 *   window sends nothing: reminders to the coach, the zorgcoördinator told at the escalation threshold, the case
 *   stuck at the stuck threshold. It ends when that week is logged, the trajectory ends or it is stopped.
 * One week is open at a time (the oldest unlogged one): the history grows by at most one ladder per session week, and
 * the number of weeks is bounded by the policy (maxWeeks, maxExtensions × extensionMaxWeeks). A later week is taken
 * up when the earlier one is logged; its rungs already past are then not sent.
 */
export async function sessionLogLadder(t: Trajectory): Promise<void> {
  const { rec, ctx, state } = t;
  const { sendAtHour, sendAtMinute } = ctx.policies.ladder;
  for (let k = 1; ; k++) {
    if (t.weekOf(k) === null) {
      // After the last week: only an extension (VERLENGD) adds weeks.
      await condition(() => t.ended() || t.weekOf(k) !== null);
      if (t.ended()) return;
    }
    const week = t.weekOf(k) as SessionWeek;
    const weekDue = week.due;
    if (!weekDue || !week.lastSchoolDay || sessionLoggedIn(week, state.sessions)) continue;
    const opensAt = Date.parse(zonedInstant(nextSchoolDay(addCalendarDays(week.lastSchoolDay, 1), ctx.calendar), sendAtHour, sendAtMinute));
    const logged = () => sessionLoggedIn(week, state.sessions);
    if (await condition(() => t.ended() || logged(), Math.max(opensAt - Date.now(), 1))) {
      if (t.ended()) return;
      continue;
    }
    state.sessionLog = week;
    t.syncData();
    await awaitHumanStep(
      rec,
      { step: 'LOG_SESSION', label: `Sessie week ${k} vastleggen`, ownerUserId: state.coach?.id ?? null, due: weekDue },
      logged,
      () => t.ended(),
      { parallel: true, onlyWhenOverdue: true },
    );
    state.sessionLog = null;
    if (t.ended()) return;
    t.syncData();
    await rec.record();
  }
}

/**
 * Session reminders (PROCESSES.md P1 notifications: "pupil and coach before each session (optional)"), when the
 * school's policy turns them on and the slot is known as a weekday and a time: `sessionReminderHoursBefore` hours
 * before each session the coach and the pupil get SESSION_REMINDER (date and time only). A session week without that
 * weekday as a school day (a holiday) has no session and no reminder. A new slot (another coach) takes effect from
 * the next reminder; each session date is reminded once (key per date). One timer per session week.
 */
export async function sessionReminders(t: Trajectory): Promise<void> {
  const { rec, ctx, policy, input, state } = t;
  const hoursBefore = policy.sessionReminderHoursBefore;
  for (let k = 1; ; k++) {
    if (t.weekOf(k) === null) {
      // After the last week: only an extension (VERLENGD) adds weeks.
      await condition(() => t.ended() || t.weekOf(k) !== null);
      if (t.ended()) return;
    }
    if (state.sessionAt === null) {
      await condition(() => t.ended() || state.sessionAt !== null);
      if (t.ended()) return;
    }
    const slot = state.sessionAt as { weekday: number; time: string };
    const version = state.sessionAtVersion;
    const date = sessionDateInWeek(t.weekOf(k) as SessionWeek, slot.weekday, ctx.calendar);
    if (date === null) continue;
    const [hh, mm] = slot.time.split(':').map(Number) as [number, number];
    const at = Date.parse(zonedInstant(date, hh, mm)) - hoursBefore * 3_600_000;
    if (at <= Date.now()) continue;
    if (await condition(() => t.ended() || state.sessionAtVersion !== version, at - Date.now())) {
      if (t.ended()) return;
      k -= 1; // the slot changed: this week again, with the new slot
      continue;
    }
    rec.notifyLater({
      key: `${rec.caseId}:session-reminder:${date}`,
      recipients: { userIds: state.coach ? [state.coach.id] : [], pupilAccountOf: input.pupilId },
      kind: 'SESSION_REMINDER',
      stepLabel: 'Sessie ondersteuningstraject',
      dueDate: date,
      sessionTime: slot.time,
    });
  }
}
