/**
 * P1 — Ondersteuningstraject: the short support trajectory of 6–9 weeks (PROCESSES.md P1,
 * seed 000:117-137, 155-226).
 *
 * AANGEMELD → INTAKE (pupil's own goal recorded) → MATCHING (a coach chosen) → ACTIEF (weekly
 * sessions, tussenevaluatie at half-time) → EINDEVALUATIE (outcome within N school days of the end
 * date) → AFGEROND | VERLENGD (back to ACTIEF) | DOORVERWEZEN | GESTOPT.
 *
 * Human steps are updates with validators: a step that is not open now is rejected before anything
 * is written. Every transition is recorded in the read model and the audit trail by an activity.
 *
 * During the trajectory every session week must be logged by the coach within N school days (LOG_SESSION, a parallel
 * step next to the tussenevaluatie and the eindevaluatie, see `sessionLogLadder`). Parents are told at the start
 * (CASE_STARTED), mid-way and at the end (TRAJECT_PARENT_UPDATE); the zorgcoördinator at overdue (the ladder's
 * escalation) and at every outcome (TRAJECT_OUTCOME).
 */
import { allHandlersFinished, condition, defineQuery, defineUpdate, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import { addDays, formatISO, parseISO } from 'date-fns';
import {
  addCalendarDays,
  addCalendarWeeks,
  dueInSchoolDays,
  nextSchoolDay,
  sessionDateInWeek,
  sessionLoggedIn,
  sessionWeek,
  toIsoDate,
  zonedInstant,
  type DueDate,
  type SessionWeek,
} from '@zorgroute/domain/logic';
import type { CaseSnapshot } from '@zorgroute/domain';
import { CaseRecorder, caseWriters, type Actor } from '../common/case-recorder';
import { db } from '../common/case-activities.proxy';
import { awaitHumanStep } from '../common/human-step';
import { installAdminHandlers } from '../common/admin-actions';
import { startLinkedCase } from '../common/links';
import { reject, requireStepInput, requireText } from '../common/step-errors';
import { ONDERSTEUNINGSTRAJECT_STEPS as STEPS } from '@zorgroute/processes';
import type { StartZorgrouteInput } from '../zorgroute/zorgroute.workflow';

export const ONDERSTEUNINGSTRAJECT_WORKFLOW = 'ondersteuningstrajectWorkflow';

export type TrajectStatus = 'AANGEMELD' | 'INTAKE' | 'MATCHING' | 'ACTIEF' | 'EINDEVALUATIE' | 'AFGEROND' | 'DOORVERWEZEN' | 'GESTOPT';
export type TrajectOutcome = 'AFGEROND' | 'VERLENGD' | 'DOORVERWEZEN' | 'GESTOPT';
export type TrajectStep = 'RECORD_INTAKE' | 'ASSIGN_COACH' | 'RECORD_MID_EVALUATION' | 'RECORD_OUTCOME' | 'LOG_SESSION';

/** Patch ids (docs/operations.md): cases started before these changes replay without them. */
export const P1_SESSION_LOG_LADDER_PATCH = 'p1-session-log-ladder';
export const P1_PARENT_MESSAGES_PATCH = 'p1-parent-messages';
export const P1_OUTCOME_MESSAGE_PATCH = 'p1-outcome-message-zorgcoordinator';

export interface StartOndersteuningstrajectInput {
  schoolId: string;
  pupilId: string;
  startedBy: Actor;
  /** Why the mentor or coach signalled (the signal form). */
  reason: string;
  observations?: string | null;
  triedActions?: string | null;
  /** Chosen length in weeks; policy default when absent. */
  weeks?: number | null;
  originCaseId?: string | null;
}

export interface RecordIntakeInput {
  actor: Actor;
  intakeDate: string;
  /** The pupil's own ontwikkeldoel: the trajectory cannot start without it. */
  goal: string;
  subGoals?: string[];
}

export interface AssignCoachInput {
  actor: Actor;
  coachId: string;
  coachName: string;
  /** Fixed weekly slot as free text, e.g. "dinsdag 3e uur"; "dinsdag 10:15" from the weekday and time when absent. */
  sessionSlot?: string | null;
  /**
   * The slot as a weekday (1 = maandag … 5 = vrijdag) and a time HH:mm, when known: needed for the session reminders
   * of the policy `sessionReminders` (both or neither).
   */
  sessionWeekday?: number | null;
  sessionTime?: string | null;
  /** Reason, required when switching an already assigned coach. */
  reason?: string | null;
}

export interface LogSessionInput {
  actor: Actor;
  date: string;
  attended: boolean;
  /** "How close am I to my goal", 1–10. */
  thermometer?: number | null;
}

export interface MidEvaluationInput {
  actor: Actor;
  summary: string;
}

export interface RecordOutcomeInput {
  actor: Actor;
  outcome: TrajectOutcome;
  /** Required for VERLENGD. */
  extensionWeeks?: number | null;
  /** Required for GESTOPT and DOORVERWEZEN. */
  reason?: string | null;
}

export interface StopInput {
  actor: Actor;
  reason: string;
}

export interface SessionRecord {
  date: string;
  attended: boolean;
  thermometer: number | null;
  loggedBy: string | null;
}

export interface OndersteuningstrajectState {
  case: CaseSnapshot;
  openSteps: TrajectStep[];
  goal: string | null;
  subGoals: string[];
  coach: { id: string; name: string } | null;
  coachHistory: { id: string; name: string; from: string; reason: string | null }[];
  weeks: number;
  startDate: string | null;
  endDate: string | null;
  extensions: number;
  sessions: SessionRecord[];
  /** The session week the coach must log now (its due date has come), if any. */
  openSessionLog: OpenSessionLog | null;
}

export interface OpenSessionLog {
  week: number;
  from: string;
  to: string;
  dueDate: string;
  ownerUserId: string | null;
}

export const recordIntake = defineUpdate<OndersteuningstrajectState, [RecordIntakeInput]>('recordIntake');
export const assignCoach = defineUpdate<OndersteuningstrajectState, [AssignCoachInput]>('assignCoach');
export const logSession = defineUpdate<OndersteuningstrajectState, [LogSessionInput]>('logSession');
export const recordMidEvaluation = defineUpdate<OndersteuningstrajectState, [MidEvaluationInput]>('recordMidEvaluation');
export const recordOutcome = defineUpdate<OndersteuningstrajectState, [RecordOutcomeInput]>('recordOutcome');
export const stopTrajectory = defineUpdate<OndersteuningstrajectState, [StopInput]>('stopTrajectory');
export const getTrajectState = defineQuery<OndersteuningstrajectState>('getState');

const STEP_LABELS: Record<TrajectStep, string> = {
  RECORD_INTAKE: 'Intakegesprek en ontwikkeldoel vastleggen',
  ASSIGN_COACH: 'Coach kiezen',
  RECORD_MID_EVALUATION: 'Tussenevaluatie',
  RECORD_OUTCOME: 'Eindevaluatie en uitkomst',
  LOG_SESSION: 'Sessie vastleggen',
};

const CLOSED: TrajectStatus[] = ['AFGEROND', 'DOORVERWEZEN', 'GESTOPT'];

function todayIso(): string {
  return toIsoDate(Date.now());
}

const WEEKDAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag'];

/** The slot as text from its weekday (1 = maandag) and time, e.g. "dinsdag 10:15". */
function sessionSlotText(weekday: number | null | undefined, time: string | null | undefined): string {
  return weekday != null && time ? `${WEEKDAYS[weekday - 1]} ${time}` : '';
}

function plusDays(date: string, days: number): string {
  return formatISO(addDays(parseISO(date), days), { representation: 'date' });
}

export async function ondersteuningstrajectWorkflow(input: StartOndersteuningstrajectInput): Promise<OndersteuningstrajectState> {
  const ctx = await db.loadCaseContext({ schoolId: input.schoolId });
  const policy = ctx.policies.ondersteuningstraject;
  const policies = ctx.policies;
  const weeks = input.weeks ?? policy.defaultWeeks;
  if (!Number.isInteger(weeks) || weeks < policy.minWeeks || weeks > policy.maxWeeks) {
    reject('BAD_USER_INPUT', `De duur moet tussen ${policy.minWeeks} en ${policy.maxWeeks} weken liggen`, `The length must be ${policy.minWeeks} to ${policy.maxWeeks} weeks`);
  }

  const rec = new CaseRecorder(
    {
      caseId: workflowInfo().workflowId,
      process: 'ONDERSTEUNINGSTRAJECT',
      schoolId: input.schoolId,
      pupilId: input.pupilId,
      status: 'AANGEMELD',
      policyVersion: ctx.policyVersion,
      originCaseId: input.originCaseId ?? null,
      participantIds: [],
      data: { weeks, reason: input.reason, observations: input.observations ?? null, triedActions: input.triedActions ?? null },
      startedAt: new Date().toISOString(),
    },
    ctx,
  );
  const s = rec.snapshot;
  const admin = installAdminHandlers(rec);
  rec.addParticipant(input.startedBy.id);

  const state = {
    goal: null as string | null,
    subGoals: [] as string[],
    intakeDate: null as string | null,
    coach: null as { id: string; name: string } | null,
    coachHistory: [] as { id: string; name: string; from: string; reason: string | null }[],
    sessionSlot: null as string | null,
    /** The structured slot (weekday and time) the session reminders follow; bumped version on every change. */
    sessionAt: null as { weekday: number; time: string } | null,
    sessionAtVersion: 0,
    startDate: null as string | null,
    endDate: null as string | null,
    midEvaluation: null as string | null,
    /** The end date came without a tussenevaluatie (it stays open on its own ladder until the trajectory ends). */
    midEvaluationMissed: false,
    extensions: 0,
    weeks,
    sessions: [] as SessionRecord[],
    outcome: null as TrajectOutcome | null,
    outcomeReason: null as string | null,
    outcomeBy: null as Actor | null,
    stopped: null as StopInput | null,
    /** Outcomes recorded so far (the key of each TRAJECT_OUTCOME message). */
    outcomes: 0,
    /** The session week whose log is open now (LOG_SESSION), see `sessionLogLadder`. */
    sessionLog: null as SessionWeek | null,
  };

  const status = () => s.status as TrajectStatus;
  const sessionLogOpen = () => state.sessionLog !== null && !sessionLoggedIn(state.sessionLog, state.sessions);
  const openSteps = (): TrajectStep[] => {
    const log: TrajectStep[] = sessionLogOpen() ? ['LOG_SESSION'] : [];
    // The tussenevaluatie is a step of its own next to the main flow: open from half-time until it is recorded, also
    // after the end date (then missed: still on its own ladder), until the trajectory ends.
    const mid: TrajectStep[] = state.midEvaluation === null && rec.hasSideStep('RECORD_MID_EVALUATION') ? ['RECORD_MID_EVALUATION'] : [];
    switch (status()) {
      case 'INTAKE':
        return ['RECORD_INTAKE'];
      case 'MATCHING':
        return ['ASSIGN_COACH'];
      case 'ACTIEF':
        return [...mid, ...log];
      case 'EINDEVALUATIE':
        return ['RECORD_OUTCOME', ...mid, ...log];
      default:
        return [];
    }
  };
  /**
   * Steps that may be taken now although no one waits for them (the case page offers them next to the open steps):
   * stopping while the trajectory runs; logging a session and switching coach while it is active.
   */
  const availableSteps = (): string[] => {
    if (CLOSED.includes(status()) || state.stopped) return [];
    const during = status() === 'ACTIEF' || status() === 'EINDEVALUATIE' ? (['LOG_SESSION', 'ASSIGN_COACH'] as const) : [];
    return [...during, 'STOP_TRAJECTORY'];
  };
  const openSessionLog = (): OpenSessionLog | null => {
    const w = state.sessionLog;
    if (!w || !w.due || !sessionLogOpen()) return null;
    return { week: w.week, from: w.from, to: w.to, dueDate: w.due.date, ownerUserId: rec.sideStep('LOG_SESSION')?.ownerUserId ?? state.coach?.id ?? null };
  };
  const view = (): OndersteuningstrajectState => ({
    case: rec.view(),
    openSteps: openSteps(),
    goal: state.goal,
    subGoals: [...state.subGoals],
    coach: state.coach,
    coachHistory: [...state.coachHistory],
    weeks: state.weeks,
    startDate: state.startDate,
    endDate: state.endDate,
    extensions: state.extensions,
    sessions: [...state.sessions],
    openSessionLog: openSessionLog(),
  });
  const syncData = () =>
    rec.setData({
      goal: state.goal,
      subGoals: state.subGoals,
      coachId: state.coach?.id ?? null,
      coachName: state.coach?.name ?? null,
      sessionSlot: state.sessionSlot,
      weeks: state.weeks,
      startDate: state.startDate,
      endDate: state.endDate,
      extensions: state.extensions,
      sessions: state.sessions,
      midEvaluationMissed: state.midEvaluationMissed,
      openSteps: openSteps(),
      availableSteps: availableSteps(),
      ...(state.sessionLog !== null || s.data.openSessionLog !== undefined ? { openSessionLog: openSessionLog() } : {}),
    });
  const requireOpen = (step: TrajectStep) => {
    if (CLOSED.includes(status())) reject('CASE_CLOSED', 'Dit traject is afgesloten', 'This trajectory is closed');
    if (!openSteps().includes(step)) {
      reject('STEP_NOT_ALLOWED', `"${STEP_LABELS[step]}" kan nu niet (status ${status()})`, `"${step}" is not allowed now (status ${status()})`);
    }
  };
  const { recordStep, transition } = caseWriters<TrajectStatus>(rec, () => syncData());

  setHandler(getTrajectState, view);

  setHandler(
    recordIntake,
    async (u) => {
      state.goal = u.goal.trim();
      state.subGoals = (u.subGoals ?? []).map((g) => g.trim()).filter(Boolean);
      state.intakeDate = u.intakeDate;
      await recordStep(u.actor, 'INTAKE_RECORDED', 'Intakegesprek gehouden; ontwikkeldoel van de leerling vastgelegd');
      // Answer once the process has moved on, so the caller can take the next step (choose a coach) at once.
      await condition(() => status() !== 'INTAKE');
      return view();
    },
    {
      validator: (u) => {
        requireOpen('RECORD_INTAKE');
        requireStepInput(STEPS.RECORD_INTAKE, u, policies);
      },
    },
  );

  setHandler(
    assignCoach,
    async (u) => {
      const switching = state.coach !== null;
      state.coachHistory.push({ id: u.coachId, name: u.coachName, from: todayIso(), reason: u.reason ?? null });
      state.coach = { id: u.coachId, name: u.coachName };
      state.sessionSlot = u.sessionSlot?.trim() || sessionSlotText(u.sessionWeekday, u.sessionTime);
      if (u.sessionWeekday != null && u.sessionTime != null) {
        state.sessionAt = { weekday: u.sessionWeekday, time: u.sessionTime };
        state.sessionAtVersion += 1;
      }
      rec.addParticipant(u.coachId);
      if (switching && s.waitingFor && s.waitingFor !== 'ASSIGN_COACH') s.ownerUserId = u.coachId;
      // An open session log and an open tussenevaluatie are the coach's: the new coach gets their remaining reminders.
      for (const side of ['LOG_SESSION', 'RECORD_MID_EVALUATION'] as const) {
        const open = rec.sideStep(side);
        if (switching && open) open.ownerUserId = u.coachId;
      }
      await recordStep(
        u.actor,
        switching ? 'COACH_SWITCHED' : 'COACH_ASSIGNED',
        switching ? `Andere coach: ${u.coachName}` : `Coach gekozen: ${u.coachName} (${u.sessionSlot})`,
        u.reason,
      );
      if (!switching) await condition(() => status() !== 'MATCHING');
      return view();
    },
    {
      validator: (u) => {
        requireStepInput(STEPS.ASSIGN_COACH, u, policies);
        requireText(u.coachName, 'coachName', 1, 200);
        if ((u.sessionWeekday == null) !== (u.sessionTime == null)) {
          reject('BAD_USER_INPUT', 'Geef de dag én het tijdstip van de sessie op', 'Give both the day and the time of the session');
        }
        if (status() === 'MATCHING') return;
        if (status() === 'ACTIEF' || status() === 'EINDEVALUATIE') {
          // Switching coach is allowed at any time during the trajectory, with a reason (000:211-218).
          requireText(u.reason, 'reden', 3, 500);
          if (state.coach?.id === u.coachId) reject('BAD_USER_INPUT', 'Dit is al de coach van de leerling', 'This is already the pupil’s coach');
          return;
        }
        requireOpen('ASSIGN_COACH');
      },
    },
  );

  setHandler(
    logSession,
    async (u) => {
      state.sessions.push({ date: u.date, attended: u.attended, thermometer: u.thermometer ?? null, loggedBy: u.actor.name });
      state.sessions.sort((a, b) => a.date.localeCompare(b.date));
      await recordStep(u.actor, 'SESSION_LOGGED', u.attended ? `Sessie ${u.date} gelogd` : `Sessie ${u.date}: leerling afwezig`);
      return view();
    },
    {
      validator: (u) => {
        if (status() !== 'ACTIEF' && status() !== 'EINDEVALUATIE') {
          reject('STEP_NOT_ALLOWED', 'Sessies loggen kan alleen tijdens een actief traject', 'Sessions can only be logged while the trajectory is active');
        }
        requireStepInput(STEPS.LOG_SESSION, u, policies);
        if (state.startDate && u.date < state.startDate) reject('BAD_USER_INPUT', 'De sessie valt voor de start van het traject', 'The session is before the trajectory started');
      },
    },
  );

  setHandler(
    recordMidEvaluation,
    async (u) => {
      state.midEvaluation = u.summary.trim();
      await recordStep(u.actor, 'MID_EVALUATION_RECORDED', 'Tussenevaluatie vastgelegd');
      return view();
    },
    {
      validator: (u) => {
        requireOpen('RECORD_MID_EVALUATION');
        requireStepInput(STEPS.RECORD_MID_EVALUATION, u, policies);
      },
    },
  );

  setHandler(
    recordOutcome,
    async (u) => {
      state.outcome = u.outcome;
      state.outcomeReason = u.reason ?? null;
      state.outcomeBy = u.actor;
      if (u.outcome === 'VERLENGD') {
        state.extensions += 1;
        state.endDate = addCalendarWeeks(state.endDate ?? todayIso(), u.extensionWeeks ?? 0);
        state.weeks += u.extensionWeeks ?? 0;
      }
      await recordStep(u.actor, 'OUTCOME_RECORDED', `Uitkomst eindevaluatie: ${u.outcome}`, u.reason);
      return view();
    },
    {
      validator: (u) => {
        requireOpen('RECORD_OUTCOME');
        if (u.outcome === 'VERLENGD' && state.extensions >= policy.maxExtensions) {
          reject('STEP_NOT_ALLOWED', `Het traject is al ${state.extensions} keer verlengd (maximum ${policy.maxExtensions})`, `Already extended ${state.extensions} time(s) (maximum ${policy.maxExtensions})`);
        }
        requireStepInput(STEPS.RECORD_OUTCOME, u, policies);
      },
    },
  );

  setHandler(
    stopTrajectory,
    async (u) => {
      state.stopped = u;
      await recordStep(u.actor, 'STOP_REQUESTED', 'Traject voortijdig gestopt', u.reason);
      return view();
    },
    {
      validator: (u) => {
        if (CLOSED.includes(status())) reject('CASE_CLOSED', 'Dit traject is al afgesloten', 'This trajectory is already closed');
        if (state.stopped) reject('STEP_NOT_ALLOWED', 'Dit traject wordt al gestopt', 'This trajectory is already being stopped');
        requireStepInput(STEPS.STOP_TRAJECTORY, u, policies);
      },
    },
  );

  const stopped = () => state.stopped !== null || admin.closed;
  const due = (from: string, schoolDays: number, rule: string): DueDate => dueInSchoolDays(from, schoolDays, ctx.calendar, rule);
  /** The trajectory is over for its sessions: closed by an outcome, stopped, or closed by an admin. */
  const ended = () => stopped() || (state.outcome !== null && state.outcome !== 'VERLENGD');
  const weekOf = (k: number): SessionWeek | null => sessionWeek(state.startDate as string, state.endDate as string, k, ctx.calendar, policy);

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
  const sessionLogLadder = async (): Promise<void> => {
    const { sendAtHour, sendAtMinute } = ctx.policies.ladder;
    for (let k = 1; ; k++) {
      if (weekOf(k) === null) {
        // After the last week: only an extension (VERLENGD) adds weeks.
        await condition(() => ended() || weekOf(k) !== null);
        if (ended()) return;
      }
      const week = weekOf(k) as SessionWeek;
      const weekDue = week.due;
      if (!weekDue || !week.lastSchoolDay || sessionLoggedIn(week, state.sessions)) continue;
      const opensAt = Date.parse(zonedInstant(nextSchoolDay(addCalendarDays(week.lastSchoolDay, 1), ctx.calendar), sendAtHour, sendAtMinute));
      const logged = () => sessionLoggedIn(week, state.sessions);
      if (await condition(() => ended() || logged(), Math.max(opensAt - Date.now(), 1))) {
        if (ended()) return;
        continue;
      }
      state.sessionLog = week;
      syncData();
      await awaitHumanStep(
        rec,
        { step: 'LOG_SESSION', label: `Sessie week ${k} vastleggen`, ownerUserId: state.coach?.id ?? null, due: weekDue },
        logged,
        ended,
        { parallel: true, onlyWhenOverdue: true },
      );
      state.sessionLog = null;
      if (ended()) return;
      syncData();
      await rec.record();
    }
  };
  let sessionLogs: Promise<void> = Promise.resolve();

  /**
   * Session reminders (PROCESSES.md P1 notifications: "pupil and coach before each session (optional)"), when the
   * school's policy turns them on and the slot is known as a weekday and a time: `sessionReminderHoursBefore` hours
   * before each session the coach and the pupil get SESSION_REMINDER (date and time only). A session week without that
   * weekday as a school day (a holiday) has no session and no reminder. A new slot (another coach) takes effect from
   * the next reminder; each session date is reminded once (key per date). One timer per session week.
   */
  const sessionReminders = async (): Promise<void> => {
    const hoursBefore = policy.sessionReminderHoursBefore;
    for (let k = 1; ; k++) {
      if (weekOf(k) === null) {
        // After the last week: only an extension (VERLENGD) adds weeks.
        await condition(() => ended() || weekOf(k) !== null);
        if (ended()) return;
      }
      if (state.sessionAt === null) {
        await condition(() => ended() || state.sessionAt !== null);
        if (ended()) return;
      }
      const slot = state.sessionAt as { weekday: number; time: string };
      const version = state.sessionAtVersion;
      const date = sessionDateInWeek(weekOf(k) as SessionWeek, slot.weekday, ctx.calendar);
      if (date === null) continue;
      const [hh, mm] = slot.time.split(':').map(Number) as [number, number];
      const at = Date.parse(zonedInstant(date, hh, mm)) - hoursBefore * 3_600_000;
      if (at <= Date.now()) continue;
      if (await condition(() => ended() || state.sessionAtVersion !== version, at - Date.now())) {
        if (ended()) return;
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
  };
  let reminders: Promise<void> = Promise.resolve();

  /**
   * RECORD_MID_EVALUATION (P1.4: a tussenevaluatie at half-time) runs next to the main flow, so the end evaluation
   * opens on the end date whatever happened mid-way (issue 15.2). Until half-time nothing else waits, so the case shows
   * it as its open step; a tussenevaluatie not recorded by the end date stays open on its own ladder (overdue,
   * escalation, stuck), marked as missed, until it is recorded or the trajectory ends.
   */
  const midEvaluationStep = async (): Promise<void> => {
    const half = nextSchoolDay(plusDays(state.startDate as string, Math.round(state.weeks * 7 * policy.midEvaluationAtFraction)), ctx.calendar);
    const mid = await awaitHumanStep(
      rec,
      { step: 'RECORD_MID_EVALUATION', label: STEP_LABELS.RECORD_MID_EVALUATION, ownerUserId: state.coach?.id ?? null, due: due(half, 0, 'P1.midEvaluationAtHalfTime') },
      () => state.midEvaluation !== null,
      ended,
      { parallel: true },
    );
    // Parents are told mid-way (P1 notifications): only that the tussenevaluatie was held, not what it says.
    if (mid === 'DONE' && !stopped() && patched(P1_PARENT_MESSAGES_PATCH)) {
      rec.notifyLater({
        key: `${rec.caseId}:midway:parents`,
        recipients: { parentsOfPupil: input.pupilId },
        kind: 'TRAJECT_PARENT_UPDATE',
        moment: 'MIDWAY',
        stepLabel: STEP_LABELS.RECORD_MID_EVALUATION,
        dueDate: state.endDate ?? todayIso(),
        ownerUserId: state.coach?.id ?? null,
      });
    }
  };
  let midEvaluation: Promise<void> = Promise.resolve();

  /** The zorgcoördinator is told every outcome (P1 notifications), unless he recorded it himself. */
  const notifyOutcome = (outcome: TrajectOutcome, by: Actor | null) => {
    state.outcomes += 1;
    const zc = ctx.zorgcoordinatorId;
    if (!zc || by?.id === zc) return;
    rec.notifyLater({
      key: `${rec.caseId}:outcome-${state.outcomes}:zorgcoordinator`,
      recipients: { userIds: [zc] },
      kind: 'TRAJECT_OUTCOME',
      outcome,
      stepLabel: STEP_LABELS.RECORD_OUTCOME,
      dueDate: state.endDate ?? todayIso(),
      ownerUserId: state.coach?.id ?? null,
    });
  };

  // AANGEMELD: the signal is recorded and the parents are informed.
  const intakeDue = due(todayIso(), policy.intakeWithinSchoolDays, 'P1.intakeWithinSchoolDays');
  const intakeOwner = ctx.zorgcoordinatorId ?? input.startedBy.id;
  syncData();
  await rec.record({ actorId: input.startedBy.id, actorName: input.startedBy.name, action: 'CASE_STARTED', description: 'Ondersteuningstraject aangemeld' });
  rec.notifyLater({
    key: `${rec.caseId}:started:parents`,
    recipients: { parentsOfPupil: input.pupilId },
    kind: 'CASE_STARTED',
    stepLabel: STEP_LABELS.RECORD_INTAKE,
    dueDate: intakeDue.date,
    ownerUserId: intakeOwner,
  });

  // INTAKE: within N school days; the trajectory cannot start before the pupil's goal is recorded.
  await transition('INTAKE', 'Intake gepland');
  await awaitHumanStep(
    rec,
    { step: 'RECORD_INTAKE', label: STEP_LABELS.RECORD_INTAKE, ownerUserId: intakeOwner, due: intakeDue },
    () => state.goal !== null,
    stopped,
  );

  // MATCHING: a coach is chosen on the goal.
  if (!stopped()) {
    await transition('MATCHING', 'Ontwikkeldoel vastgelegd; coach wordt gekozen');
    await awaitHumanStep(
      rec,
      { step: 'ASSIGN_COACH', label: STEP_LABELS.ASSIGN_COACH, ownerUserId: ctx.zorgcoordinatorId ?? input.startedBy.id, due: due(todayIso(), policy.matchingWithinSchoolDays, 'P1.matchingWithinSchoolDays') },
      () => state.coach !== null,
      stopped,
    );
  }

  // ACTIEF: weekly sessions for the chosen number of weeks, tussenevaluatie at half-time.
  if (!stopped()) {
    state.startDate = nextSchoolDay(plusDays(todayIso(), 1), ctx.calendar);
    state.endDate = addCalendarWeeks(state.startDate, state.weeks);
    await transition('ACTIEF', `Traject actief van ${state.startDate} tot ${state.endDate}`);
    if (patched(P1_SESSION_LOG_LADDER_PATCH)) sessionLogs = sessionLogLadder();
    midEvaluation = midEvaluationStep();
    if (policy.sessionReminders) reminders = sessionReminders();
  }

  // EINDEVALUATIE on the end date; VERLENGD goes round again with the new end date.
  while (!stopped() && state.outcome !== 'AFGEROND' && state.outcome !== 'DOORVERWEZEN' && state.outcome !== 'GESTOPT') {
    const endAt = Date.parse(zonedInstant(state.endDate as string, ctx.policies.ladder.sendAtHour, ctx.policies.ladder.sendAtMinute));
    if (status() !== 'ACTIEF') await transition('ACTIEF', `Traject verlengd tot ${state.endDate}`);
    rec.upsertDueDate('END_DATE', { date: state.endDate as string, rule: 'P1.weeks', inputs: {}, explanation: `Einddatum: ${state.weeks} weken na de start op ${state.startDate}` });
    if (await condition(stopped, Math.max(endAt - Date.now(), 1))) break;
    state.outcome = null;
    if (state.midEvaluation === null && !state.midEvaluationMissed) state.midEvaluationMissed = true;
    await transition('EINDEVALUATIE', state.midEvaluationMissed && state.midEvaluation === null ? 'Einddatum bereikt; eindevaluatie (de tussenevaluatie ontbreekt nog)' : 'Einddatum bereikt; eindevaluatie');
    await awaitHumanStep(
      rec,
      { step: 'RECORD_OUTCOME', label: STEP_LABELS.RECORD_OUTCOME, ownerUserId: state.coach?.id ?? ctx.zorgcoordinatorId, due: due(state.endDate as string, policy.outcomeWithinSchoolDays, 'P1.outcomeWithinSchoolDays') },
      () => state.outcome !== null,
      stopped,
    );
    if (state.outcome !== null && patched(P1_OUTCOME_MESSAGE_PATCH)) notifyOutcome(state.outcome, state.outcomeBy);
  }
  // The session-log ladder and an open tussenevaluatie end with the trajectory (they wait for nothing else).
  await sessionLogs;
  await midEvaluation;
  await reminders;

  // Closed.
  if (admin.closed) return admin.end(view);
  const final: TrajectStatus = stopped() ? 'GESTOPT' : (state.outcome as TrajectStatus);
  s.outcome = final;
  s.closedAt = new Date().toISOString();
  s.waitingFor = null;
  s.nextDueDate = null;
  // DOORVERWEZEN opens an IZO referral (P2) prefilled from the trajectory (PROCESSES.md P1.5). Guarded by a patch so
  // that histories recorded before this change still replay.
  if (final === 'DOORVERWEZEN' && patched('p1-doorverwezen-opens-izo')) {
    const referrer = state.outcomeBy ?? input.startedBy;
    const sessions = state.sessions.filter((x) => x.attended).length;
    const p2: StartZorgrouteInput = {
      schoolId: input.schoolId,
      pupilId: input.pupilId,
      startedBy: referrer,
      referrerRole: 'COACH',
      source: 'ONDERSTEUNINGSTRAJECT',
      originCaseId: rec.caseId,
      form: {
        problem: input.reason,
        pupilHelpQuestion: state.goal,
        firstLineActions: [
          `Ondersteuningstraject van ${state.weeks} weken (${state.startDate ?? '?'} t/m ${state.endDate ?? '?'}), ${sessions} sessie(s) bijgewoond, coach ${state.coach?.name ?? 'onbekend'}.`,
          input.triedActions ?? '',
          state.midEvaluation ? `Tussenevaluatie: ${state.midEvaluation}` : '',
          `Doorverwezen: ${state.outcomeReason ?? ''}`,
        ]
          .filter(Boolean)
          .join('\n'),
        otherRemarks: input.observations ?? null,
      },
    };
    await startLinkedCase(rec, {
      workflowType: 'zorgrouteWorkflow',
      workflowId: `zorgroute-from-${rec.caseId}`,
      process: 'ZORGROUTE',
      args: [p2],
      reason: `Doorverwezen naar het IZO: ${state.outcomeReason ?? ''}`,
    });
  }
  // Parents are told at the end, whatever the outcome (which the e-mail does not name); a stop is an outcome for the
  // zorgcoördinator too (a recorded outcome was already told above).
  if (patched(P1_PARENT_MESSAGES_PATCH)) {
    if (state.stopped && patched(P1_OUTCOME_MESSAGE_PATCH)) notifyOutcome('GESTOPT', state.stopped.actor);
    rec.notifyLater({
      key: `${rec.caseId}:ended:parents`,
      recipients: { parentsOfPupil: input.pupilId },
      kind: 'TRAJECT_PARENT_UPDATE',
      moment: 'ENDED',
      stepLabel: 'Traject afgesloten',
      dueDate: todayIso(),
      ownerUserId: state.coach?.id ?? null,
    });
  }
  await transition(final, stopped() ? `Traject gestopt: ${state.stopped?.reason ?? ''}` : `Traject afgesloten: ${final}`);
  await rec.drain();
  // Let a running update handler (e.g. the one that recorded the outcome) answer its caller first.
  await condition(allHandlersFinished);
  return view();
}
