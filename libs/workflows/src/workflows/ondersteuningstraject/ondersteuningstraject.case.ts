/**
 * P1 — the state of one ondersteuningstraject and what follows from it: which steps are open, which may be taken any
 * time, the one snapshot shown by the query and written to the read model. The handlers (ondersteuningstraject.
 * handlers.ts), the parallel steps (ondersteuningstraject.parallel.ts) and the main flow (ondersteuningstraject.
 * workflow.ts) work on it.
 */
import { workflowInfo } from '@temporalio/workflow';
import { dueInSchoolDays, sessionLoggedIn, sessionWeek, toIsoDate, type DueDate, type SessionWeek } from '@zorgroute/domain/logic';
import { ONDERSTEUNINGSTRAJECT_STEPS as STEPS } from '@zorgroute/processes';
import type { CaseContext } from '../../activities/case-activities.types';
import { caseWriters, type Actor } from '../common/case-recorder';
import { openCase, type OpenedCase } from '../common/open-case';
import { reject } from '../common/step-errors';
import type {
  OndersteuningstrajectState,
  OpenSessionLog,
  SessionRecord,
  StartOndersteuningstrajectInput,
  StopInput,
  TrajectOutcome,
  TrajectStatus,
  TrajectStep,
} from './ondersteuningstraject.messages';

export const CLOSED: readonly TrajectStatus[] = ['AFGEROND', 'DOORVERWEZEN', 'GESTOPT'];

/** Today in Amsterdam, by the workflow's clock. */
export function todayIso(): string {
  return toIsoDate(Date.now());
}

export class Trajectory {
  readonly c: OpenedCase;
  readonly policy: CaseContext['policies']['ondersteuningstraject'];
  /** What happened in this trajectory (everything the snapshot and the messages are made from). */
  readonly state = {
    goal: null as string | null,
    subGoals: [] as string[],
    intakeDate: null as string | null,
    coach: null as { id: string; name: string } | null,
    coachHistory: [] as { id: string; name: string; from: string; reason: string | null }[],
    sessionSlot: null as string | null,
    /** The structured slot (weekday and time) the session reminders follow; its version changes with every new slot. */
    sessionAt: null as { weekday: number; time: string } | null,
    sessionAtVersion: 0,
    startDate: null as string | null,
    endDate: null as string | null,
    midEvaluation: null as string | null,
    /** The end date came without a tussenevaluatie (it stays open on its own ladder until the trajectory ends). */
    midEvaluationMissed: false,
    extensions: 0,
    weeks: 0,
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
  readonly recordStep: ReturnType<typeof caseWriters<TrajectStatus>>['recordStep'];
  readonly transition: ReturnType<typeof caseWriters<TrajectStatus>>['transition'];

  constructor(
    readonly input: StartOndersteuningstrajectInput,
    readonly ctx: CaseContext,
    weeks: number,
  ) {
    this.policy = ctx.policies.ondersteuningstraject;
    this.state.weeks = weeks;
    this.c = openCase(
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
    this.c.rec.addParticipant(input.startedBy.id);
    const writers = caseWriters<TrajectStatus>(this.c.rec, () => this.syncData());
    this.recordStep = writers.recordStep;
    this.transition = writers.transition;
  }

  get rec() {
    return this.c.rec;
  }

  status(): TrajectStatus {
    return this.c.snapshot.status as TrajectStatus;
  }

  /** Stopped by the zorgcoördinator or closed by an admin. */
  stopped(): boolean {
    return this.state.stopped !== null || this.c.admin.closed;
  }

  /** Over for its sessions and parallel steps: closed by an outcome, stopped, or closed by an admin. */
  ended(): boolean {
    return this.stopped() || (this.state.outcome !== null && this.state.outcome !== 'VERLENGD');
  }

  due(from: string, schoolDays: number, rule: string): DueDate {
    return dueInSchoolDays(from, schoolDays, this.ctx.calendar, rule);
  }

  /** Session week `k` of the trajectory (null after the end date). */
  weekOf(k: number): SessionWeek | null {
    return sessionWeek(this.state.startDate as string, this.state.endDate as string, k, this.ctx.calendar, this.policy);
  }

  private sessionLogOpen(): boolean {
    return this.state.sessionLog !== null && !sessionLoggedIn(this.state.sessionLog, this.state.sessions);
  }

  openSteps(): TrajectStep[] {
    const log: TrajectStep[] = this.sessionLogOpen() ? ['LOG_SESSION'] : [];
    // The tussenevaluatie is a step of its own next to the main flow: open from half-time until it is recorded, also
    // after the end date (then missed: still on its own ladder), until the trajectory ends.
    const mid: TrajectStep[] = this.state.midEvaluation === null && this.rec.hasSideStep('RECORD_MID_EVALUATION') ? ['RECORD_MID_EVALUATION'] : [];
    switch (this.status()) {
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
  }

  /**
   * Steps that may be taken now although no one waits for them (the case page offers them next to the open steps):
   * stopping while the trajectory runs; logging a session and switching coach while it is active.
   */
  availableSteps(): string[] {
    if (CLOSED.includes(this.status()) || this.state.stopped) return [];
    const during = this.status() === 'ACTIEF' || this.status() === 'EINDEVALUATIE' ? ['LOG_SESSION', 'ASSIGN_COACH'] : [];
    return [...during, 'STOP_TRAJECTORY'];
  }

  private openSessionLog(): OpenSessionLog | null {
    const w = this.state.sessionLog;
    if (!w || !w.due || !this.sessionLogOpen()) return null;
    return { week: w.week, from: w.from, to: w.to, dueDate: w.due.date, ownerUserId: this.rec.sideStep('LOG_SESSION')?.ownerUserId ?? this.state.coach?.id ?? null };
  }

  /** The one snapshot: the query's answer (the read model's row is written from the same state by syncData). */
  view(): OndersteuningstrajectState {
    const state = this.state;
    return {
      case: this.rec.view(),
      openSteps: this.openSteps(),
      goal: state.goal,
      subGoals: [...state.subGoals],
      coach: state.coach,
      coachHistory: [...state.coachHistory],
      weeks: state.weeks,
      startDate: state.startDate,
      endDate: state.endDate,
      extensions: state.extensions,
      sessions: [...state.sessions],
      openSessionLog: this.openSessionLog(),
    };
  }

  /** The read model's process data, from the same state. */
  syncData(): void {
    const state = this.state;
    this.rec.setData({
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
      openSteps: this.openSteps(),
      availableSteps: this.availableSteps(),
      ...(state.sessionLog !== null || this.c.snapshot.data.openSessionLog !== undefined ? { openSessionLog: this.openSessionLog() } : {}),
    });
  }

  /** A step that is not open now is refused before anything is written. */
  requireOpen(step: TrajectStep): void {
    if (CLOSED.includes(this.status())) reject('CASE_CLOSED', 'Dit traject is afgesloten', 'This trajectory is closed');
    if (!this.openSteps().includes(step)) {
      reject('STEP_NOT_ALLOWED', `"${STEPS[step].label}" kan nu niet (status ${this.status()})`, `"${step}" is not allowed now (status ${this.status()})`);
    }
  }

  /** The zorgcoördinator is told every outcome (P1 notifications), unless he recorded it himself. */
  notifyOutcome(outcome: TrajectOutcome, by: Actor | null): void {
    this.state.outcomes += 1;
    const zc = this.ctx.zorgcoordinatorId;
    if (!zc || by?.id === zc) return;
    this.rec.notifyLater({
      key: `${this.rec.caseId}:outcome-${this.state.outcomes}:zorgcoordinator`,
      recipients: { userIds: [zc] },
      kind: 'TRAJECT_OUTCOME',
      outcome,
      stepLabel: STEPS.RECORD_OUTCOME.label,
      dueDate: this.state.endDate ?? todayIso(),
      ownerUserId: this.state.coach?.id ?? null,
    });
  }
}
