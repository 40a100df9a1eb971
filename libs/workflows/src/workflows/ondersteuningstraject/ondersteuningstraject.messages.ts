/**
 * P1 — Ondersteuningstraject: what other code imports — the start input, the update inputs and definitions, the
 * query, the status and step names (PROCESSES.md P1). The workflow is in ondersteuningstraject.workflow.ts.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseSnapshot } from '@zorgroute/domain';
import type { Actor } from '../common/case-recorder';

export const ONDERSTEUNINGSTRAJECT_WORKFLOW = 'ondersteuningstrajectWorkflow';

export type TrajectStatus = 'AANGEMELD' | 'INTAKE' | 'MATCHING' | 'ACTIEF' | 'EINDEVALUATIE' | 'AFGEROND' | 'DOORVERWEZEN' | 'GESTOPT';
export type TrajectOutcome = 'AFGEROND' | 'VERLENGD' | 'DOORVERWEZEN' | 'GESTOPT';
export type TrajectStep = 'RECORD_INTAKE' | 'ASSIGN_COACH' | 'RECORD_MID_EVALUATION' | 'RECORD_OUTCOME' | 'LOG_SESSION';

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
