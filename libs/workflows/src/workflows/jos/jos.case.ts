/**
 * P3 — the state of one JOS case and what follows from it: which steps are open, the one snapshot shown by the query
 * and written to the read model, when a step's update answers, due dates and the cap's instants. The handlers
 * (jos.handlers.ts) and the main flow (jos.workflow.ts) work on it.
 */
import { workflowInfo } from '@temporalio/workflow';
import { dueInSchoolDays, toIsoDate, zonedInstant, type DueDate } from '@zorgroute/domain/logic';
import type { CaseContext } from '../../activities/case-activities.types';
import { caseWriters } from '../common/case-recorder';
import { consentAnswersAfterMove } from '../common/consent';
import { leftStep } from '../common/moved-on';
import { openCase, type OpenedCase } from '../common/open-case';
import { reject } from '../common/step-errors';
import {
  JOS_CONSENT_KIND,
  JOS_STEP_LABELS,
  type JosContact,
  type JosEvaluation,
  type JosForm,
  type JosGoals,
  type JosNeed,
  type JosOutcome,
  type JosPlannedStartgesprek,
  type JosReferral,
  type JosStartgesprek,
  type JosState,
  type JosStatus,
  type JosStep,
  type StartJosInput,
} from './jos.messages';
import { JOS_CLOSED, josOpenSteps, type JosPolicy } from './jos.rules';

/**
 * How many (latest) contacts the read model and the update results carry; the workflow keeps all of them (at most
 * one per day), so the payloads in the history do not grow with every week of work.
 */
const CONTACTS_SHOWN = 20;

/** Today in Amsterdam, by the workflow's clock. */
export function todayIso(): string {
  return toIsoDate(Date.now());
}

export class JosCase {
  readonly c: OpenedCase;
  readonly policy: JosPolicy;
  /** What happened in this case (everything the snapshot is made from). */
  readonly state = {
    needs: [] as JosNeed[],
    form: null as JosForm | null,
    startgesprek: null as JosStartgesprek | null,
    plannedStartgesprek: null as JosPlannedStartgesprek | null,
    startgesprekPlans: 0,
    signedOn: null as string | null,
    goals: null as JosGoals | null,
    activeFrom: null as string | null,
    capDate: null as string | null,
    capWarningDate: null as string | null,
    capWarned: false,
    capReached: false,
    endDate: null as string | null,
    endedBy: null as 'CAP' | 'EARLY' | null,
    evaluationNumber: 0,
    evaluationOpensOn: null as string | null,
    evaluations: [] as JosEvaluation[],
    contacts: [] as JosContact[],
    outcome: null as JosOutcome | null,
    referralTo: null as JosReferral | null,
    outcomeSummary: null as string | null,
    stopReason: null as string | null,
    withdrawn: false,
  };
  readonly recordStep: ReturnType<typeof caseWriters<JosStatus>>['recordStep'];
  readonly transition: ReturnType<typeof caseWriters<JosStatus>>['transition'];

  constructor(
    readonly input: StartJosInput,
    readonly ctx: CaseContext,
  ) {
    const policy = ctx.policies.jos;
    this.policy = policy;
    const state = this.state;
    state.needs = [...input.needs];
    this.c = openCase(
      {
        caseId: workflowInfo().workflowId,
        process: 'JOS',
        schoolId: input.schoolId,
        pupilId: input.pupilId,
        status: 'BESLOTEN',
        policyVersion: ctx.policyVersion,
        originCaseId: input.originCaseId ?? null,
        participantIds: [],
        data: {
          needs: input.needs,
          decisionDate: input.decisionDate,
          decisionNotes: input.decisionNotes ?? null,
          mentorId: input.mentorId,
          josWorkerId: input.josWorkerId,
          maxMonths: policy.maxMonths,
        },
        startedAt: new Date().toISOString(),
      },
      ctx,
      {
        // JOS ends at its cap (5 months after the signature): a step of the running support cannot be due after it.
        // The outcome after the cap (AFRONDING) is the one step that may.
        admin: {
          dueDateLimit: (step) =>
            state.capDate && step.step !== 'RECORD_OUTCOME'
              ? {
                  date: state.capDate,
                  nl: `JOS eindigt uiterlijk op ${state.capDate} (${policy.maxMonths} maanden na de handtekening); een termijn na die eindgrens kan niet`,
                  en: `JOS ends on ${state.capDate} at the latest (${policy.maxMonths} months after the signature); a due date after that cap is not possible`,
                }
              : null,
        },
        // The parents' signature is a consent record (rule 2); a withdrawn signature ends the support.
        consent: {
          onWithdrawn: (r) => {
            if (r.kind === JOS_CONSENT_KIND) state.withdrawn = true;
          },
        },
      },
    );
    this.rec.addParticipant(input.startedBy.id);
    this.rec.addParticipant(input.mentorId);
    this.rec.addParticipant(input.josWorkerId);
    // The consent updates answer once the process has moved on; a withdrawn signature ends the support: its update
    // answers once the case is closed.
    const isClosed = () => this.closed();
    this.c.consents.answerAfter(
      consentAnswersAfterMove(this.rec, {
        ended: () => this.ended(),
        withdrawalMovedOn: (r) => (r.kind === JOS_CONSENT_KIND && !isClosed() ? isClosed : null),
      }),
    );
    const writers = caseWriters<JosStatus>(this.rec, () => this.syncData());
    this.recordStep = writers.recordStep;
    this.transition = writers.transition;
  }

  get rec() {
    return this.c.rec;
  }

  status(): JosStatus {
    return this.c.snapshot.status as JosStatus;
  }

  /** Closed: ended in one of its final statuses. */
  closed(): boolean {
    return JOS_CLOSED.includes(this.status());
  }

  /** Stopped by the zorgcoördinator, by the parents' withdrawn signature, or closed by an admin. */
  stopped(): boolean {
    return this.state.stopReason !== null || this.state.withdrawn || this.c.admin.closed;
  }

  /** Closed or stopped: nothing moves on any more. */
  ended(): boolean {
    return this.closed() || this.stopped();
  }

  /** Support ends before the cap: an outcome was recorded, or the case was stopped. */
  endedEarly(): boolean {
    return this.state.outcome !== null || this.stopped();
  }

  /** The progress evaluation that is next can be recorded (from halfway its period). */
  evaluationOpen(): boolean {
    const { evaluationOpensOn } = this.state;
    return this.status() === 'ACTIEF' && this.c.snapshot.waitingFor === 'RECORD_EVALUATION' && evaluationOpensOn !== null && todayIso() >= evaluationOpensOn;
  }

  openSteps(): string[] {
    return josOpenSteps(this.status(), this.c.snapshot.waitingFor, this.evaluationOpen());
  }

  due(from: string, schoolDays: number, rule: string): DueDate {
    return dueInSchoolDays(from, schoolDays, this.ctx.calendar, rule);
  }

  /** The instant (epoch ms) on `date` at which the ladder sends, for the cap and its warning. */
  instantMs(date: string): number {
    const { ladder } = this.ctx.policies;
    return Date.parse(zonedInstant(date, ladder.sendAtHour, ladder.sendAtMinute));
  }

  /**
   * When the update of `step` answers: once the process has moved on (another step open, or waiting in one of
   * `parked`), or the case ended, so the next step can be taken at once (moved-on.ts).
   */
  movedOnFrom(step: JosStep, parked: JosStatus[] = []): () => boolean {
    const left = leftStep(this.rec, step, parked);
    return () => this.ended() || (left() && this.rec.idle);
  }

  /** The one snapshot: the query's answer (the read model's row is written from the same state by syncData). */
  view(): JosState {
    const s = this.c.snapshot;
    const { state, input } = this;
    const consents = this.c.consents;
    return {
      case: { ...s, data: { ...s.data }, participantIds: [...s.participantIds] },
      openSteps: this.openSteps(),
      needs: [...state.needs],
      decisionDate: input.decisionDate,
      mentorId: input.mentorId,
      josWorkerId: input.josWorkerId,
      form: state.form,
      startgesprek: state.startgesprek,
      plannedStartgesprek: state.plannedStartgesprek,
      signature: consents.latest(JOS_CONSENT_KIND),
      signatureRequests: consents.views().filter((c) => c.kind === JOS_CONSENT_KIND).length,
      signedOn: state.signedOn,
      goals: state.goals,
      activeFrom: state.activeFrom,
      capDate: state.capDate,
      capWarningDate: state.capWarningDate,
      capWarned: state.capWarned,
      endDate: state.endDate,
      endedBy: state.endedBy,
      evaluationNumber: state.evaluationNumber,
      evaluationOpensOn: state.evaluationOpensOn,
      evaluations: [...state.evaluations],
      contacts: state.contacts.slice(-CONTACTS_SHOWN),
      contactCount: state.contacts.length,
      outcome: state.outcome,
      referralTo: state.referralTo,
      outcomeSummary: state.outcomeSummary,
      stopReason: state.stopReason,
    };
  }

  /** The read model's process data, from the same state. */
  syncData(): void {
    const state = this.state;
    this.rec.setData({
      needs: state.needs,
      form: state.form,
      startgesprek: state.startgesprek,
      ...(state.plannedStartgesprek ? { plannedStartgesprek: state.plannedStartgesprek } : {}),
      signedOn: state.signedOn,
      goal: state.goals?.pupilGoal ?? null,
      goals: state.goals,
      activeFrom: state.activeFrom,
      capDate: state.capDate,
      capWarningDate: state.capWarningDate,
      capWarned: state.capWarned,
      endDate: state.endDate,
      endedBy: state.endedBy,
      evaluationNumber: state.evaluationNumber,
      evaluationOpensOn: state.evaluationOpensOn,
      evaluations: state.evaluations,
      // The read model keeps the latest contacts (as `sessions` for the thermometer view) and their count.
      sessions: state.contacts.slice(-CONTACTS_SHOWN),
      contactCount: state.contacts.length,
      outcome: state.outcome,
      referralTo: state.referralTo,
      outcomeSummary: state.outcomeSummary,
      stopReason: state.stopReason,
      openSteps: this.openSteps(),
    });
  }

  requireNotClosed(): void {
    if (this.closed()) reject('CASE_CLOSED', 'Deze JOS-casus is afgesloten', 'This JOS case is closed');
  }

  /** A step that is not open now is refused before anything is written. */
  requireOpen(step: JosStep): void {
    this.requireNotClosed();
    if (!this.openSteps().includes(step)) {
      reject('STEP_NOT_ALLOWED', `"${JOS_STEP_LABELS[step]}" kan nu niet (status ${this.status()})`, `"${step}" is not allowed now (status ${this.status()})`);
    }
  }
}
