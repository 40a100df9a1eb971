/**
 * P5 — the state of one OOV case and what follows from it: which steps are open, the one snapshot shown by the query
 * and written to the read model, how a step opens and how the case ends. The handlers (oov.handlers.ts) and the main
 * flow (oov.workflow.ts) work on it.
 */
import { workflowInfo } from '@temporalio/workflow';
import { dueInSchoolDays, toIsoDate, type DueDate } from '@zorgroute/domain/logic';
import type { CaseContext } from '../../activities/case-activities.types';
import { caseWriters } from '../common/case-recorder';
import { consentAnswersAfterMove } from '../common/consent';
import { awaitHumanStep } from '../common/human-step';
import { leftStep } from '../common/moved-on';
import { openCase, type OpenedCase } from '../common/open-case';
import { reject } from '../common/step-errors';
import {
  OOV_CONSENT_KIND,
  OOV_STEP_LABELS,
  oovArrangementLabel,
  type OovArrangement,
  type OovConsultation,
  type OovEvaluation,
  type OovEvaluationKind,
  type OovFollowUp,
  type OovIntake,
  type OovPeriod,
  type OovRequest,
  type OovReturnPlan,
  type OovState,
  type OovStatus,
  type OovStep,
  type OovSwvDecision,
  type StartOovInput,
} from './oov.messages';
import type { OovPolicy } from './oov.rules';

export const CLOSED: readonly OovStatus[] = ['AFGESLOTEN', 'VERVOLG_VSO', 'AFGEWEZEN', 'GEEN_TOESTEMMING', 'GESTOPT'];

/** Today in Amsterdam, by the workflow's clock. */
export function todayIso(): string {
  return toIsoDate(Date.now());
}

/** Trimmed text, or null when blank. */
export function clean(value: string | null | undefined): string | null {
  const v = typeof value === 'string' ? value.trim() : '';
  return v ? v : null;
}

export class OovCase {
  readonly c: OpenedCase;
  readonly policy: OovPolicy;
  readonly source: string;
  readonly enrolment: { schoolId: string; schoolName: string; note: string };
  /** The zorgcoördinator who owns the case's steps (the starter when the school has none). */
  readonly zc: string | null;
  /** What happened in this case (everything the snapshot is made from). */
  readonly state = {
    leerlingbegeleiderId: null as string | null,
    consultations: [] as OovConsultation[],
    requests: [] as OovRequest[],
    decisions: [] as OovSwvDecision[],
    intake: null as OovIntake | null,
    periods: [] as OovPeriod[],
    evaluations: [] as OovEvaluation[],
    extensions: 0,
    returnPlan: null as OovReturnPlan | null,
    followUp: null as OovFollowUp | null,
    followUpDate: null as string | null,
    vso: null as { note: string; tlvRequestedOn: string | null } | null,
    stopReason: null as string | null,
    withdrawn: false,
  };
  readonly recordStep: ReturnType<typeof caseWriters<OovStatus>>['recordStep'];
  readonly transition: ReturnType<typeof caseWriters<OovStatus>>['transition'];

  constructor(
    readonly input: StartOovInput,
    readonly ctx: CaseContext,
  ) {
    this.policy = ctx.policies.oov;
    this.source = input.source ?? 'DIRECT';
    this.enrolment = {
      schoolId: input.schoolId,
      schoolName: ctx.schoolName,
      note: `De leerling blijft ingeschreven op ${ctx.schoolName}; de school blijft verantwoordelijk voor het onderwijsaanbod, ook tijdens de plaatsing in de OOV.`,
    };
    this.state.leerlingbegeleiderId = input.leerlingbegeleiderId ?? null;
    this.c = openCase(
      {
        caseId: workflowInfo().workflowId,
        process: 'OOV',
        schoolId: input.schoolId,
        pupilId: input.pupilId,
        status: 'VOORBEREIDING',
        policyVersion: ctx.policyVersion,
        originCaseId: input.originCaseId ?? null,
        participantIds: [],
        data: { reason: input.reason, source: this.source, enrolment: this.enrolment },
        startedAt: new Date().toISOString(),
      },
      ctx,
      {
        consent: {
          onWithdrawn: (r) => {
            if (r.kind === OOV_CONSENT_KIND) this.state.withdrawn = true;
          },
        },
      },
    );
    this.rec.addParticipant(input.startedBy.id);
    this.rec.addParticipant(input.leerlingbegeleiderId);
    this.zc = ctx.zorgcoordinatorId ?? input.startedBy.id;
    // The consent updates answer once the process has moved on; a withdrawn consent stops the case: its update
    // answers once the case is closed.
    const isClosed = () => this.closed();
    this.c.consents.answerAfter(
      consentAnswersAfterMove(this.rec, {
        ended: () => isClosed() || this.stopped(),
        withdrawalMovedOn: (r) => (r.kind === OOV_CONSENT_KIND && !isClosed() ? isClosed : null),
      }),
    );
    const writers = caseWriters<OovStatus>(this.rec, () => this.syncData());
    this.recordStep = writers.recordStep;
    this.transition = writers.transition;
  }

  get rec() {
    return this.c.rec;
  }

  status(): OovStatus {
    return this.c.snapshot.status as OovStatus;
  }

  /** Closed: ended in one of its final statuses. */
  closed(): boolean {
    return CLOSED.includes(this.status());
  }

  /** Stopped by the zorgcoördinator, by the parents' withdrawn consent, or closed by an admin. */
  stopped(): boolean {
    return this.state.stopReason !== null || this.state.withdrawn || this.c.admin.closed;
  }

  /** The current (last) placement period. */
  period(): OovPeriod | null {
    return this.state.periods.at(-1) ?? null;
  }

  evaluationOf(round: number, kind: OovEvaluationKind): OovEvaluation | null {
    return this.state.evaluations.find((e) => e.round === round && e.kind === kind) ?? null;
  }

  /** The leerlingbegeleider owns the intake and the evaluation at half-time (the zorgcoördinator when none). */
  ownerOfPlacementSteps(): string | null {
    return this.state.leerlingbegeleiderId ?? this.zc;
  }

  due(from: string, schoolDays: number, rule: string): DueDate {
    return dueInSchoolDays(from, schoolDays, this.ctx.calendar, rule);
  }

  label(a: OovArrangement | null | undefined): string {
    return oovArrangementLabel(a, this.policy);
  }

  /**
   * When the update of `step` answers: once the process has moved on (another step open, or the case ended), so the
   * next step can be taken at once (moved-on.ts).
   */
  movedOnFrom(step: OovStep): () => boolean {
    const left = leftStep(this.rec, step);
    return () => this.closed() || this.stopped() || (left() && this.rec.idle);
  }

  /** Opens human step `name` and waits until it is done (or the case stops). */
  step(name: OovStep, ownerUserId: string | null, dueDate: DueDate, isDone: () => boolean, recipients?: { swvLoketOfSchool: string }) {
    // The read model's open steps include the step from the write that opens it.
    this.c.snapshot.waitingFor = name;
    this.syncData();
    return awaitHumanStep(this.rec, { step: name, label: OOV_STEP_LABELS[name], ownerUserId, due: dueDate, ...(recipients ? { recipients } : {}) }, isDone, () => this.stopped());
  }

  openSteps(): string[] {
    if (this.closed()) return [];
    const w = this.c.snapshot.waitingFor;
    const steps: string[] = [];
    if (this.status() === 'VOORBEREIDING' && !this.c.consents.latest(OOV_CONSENT_KIND)) steps.push('OOV_RECORD_CONSULTATIONS');
    if (w && w !== 'OOV_RECORD_CONSULTATIONS') steps.push(w);
    return steps;
  }

  /** The one snapshot: the query's answer (the read model's row is written from the same state by syncData). */
  view(): OovState {
    const s = this.c.snapshot;
    const state = this.state;
    return {
      case: { ...s, data: { ...s.data }, participantIds: [...s.participantIds] },
      openSteps: this.openSteps(),
      reason: this.input.reason,
      source: this.source,
      enrolment: this.enrolment,
      leerlingbegeleiderId: state.leerlingbegeleiderId,
      consultations: [...state.consultations],
      consent: this.c.consents.latest(OOV_CONSENT_KIND),
      requests: [...state.requests],
      decisions: [...state.decisions],
      intake: state.intake,
      periods: [...state.periods],
      evaluations: [...state.evaluations],
      extensions: state.extensions,
      returnPlan: state.returnPlan,
      followUp: state.followUp,
      followUpDate: state.followUpDate,
      vso: state.vso,
      stopReason: state.stopReason,
    };
  }

  /** The read model's process data, from the same state. */
  syncData(): void {
    const state = this.state;
    const p = this.period();
    this.rec.setData({
      reason: this.input.reason,
      source: this.source,
      enrolment: this.enrolment,
      leerlingbegeleiderId: state.leerlingbegeleiderId,
      consultations: state.consultations,
      requests: state.requests,
      decisions: state.decisions,
      intake: state.intake,
      periods: state.periods,
      arrangement: p?.arrangement ?? state.requests.at(-1)?.arrangement ?? null,
      location: p?.location ?? null,
      startDate: state.periods[0]?.startDate ?? null,
      endDate: p?.endDate ?? null,
      evaluations: state.evaluations,
      extensions: state.extensions,
      returnPlan: state.returnPlan,
      followUp: state.followUp,
      followUpDate: state.followUpDate,
      vso: state.vso,
      stopReason: state.stopReason,
      openSteps: this.openSteps(),
    });
  }

  requireNotClosed(): void {
    if (this.closed() || this.state.stopReason !== null || this.c.admin.closed) reject('CASE_CLOSED', 'Deze OOV-casus is afgesloten', 'This OOV case is closed');
  }

  /** A step that is not open now is refused before anything is written. */
  requireWaiting(step: OovStep): void {
    this.requireNotClosed();
    if (this.c.snapshot.waitingFor !== step) {
      reject('STEP_NOT_ALLOWED', `"${OOV_STEP_LABELS[step]}" kan nu niet (status ${this.status()})`, `"${step}" is not allowed now (status ${this.status()})`);
    }
  }

  /** Closes the case in status `final` with `outcome`. */
  async finish(final: OovStatus, outcome: string, description: string): Promise<OovState> {
    await this.rec.closeWith(outcome, () => this.transition(final, description));
    return this.view();
  }

  /** Closes a stopped case: closed by an admin, consent withdrawn by the parents, or stopped by the zorgcoördinator. */
  finishStopped(): Promise<OovState> {
    if (this.c.admin.closed) return this.c.admin.end(() => this.view());
    if (this.state.withdrawn && this.state.stopReason === null) {
      return this.finish('GEEN_TOESTEMMING', 'TOESTEMMING_INGETROKKEN', 'Toestemming ingetrokken door de ouders: de OOV-casus stopt');
    }
    return this.finish('GESTOPT', 'GESTOPT', `OOV-casus gestopt: ${this.state.stopReason ?? ''}`);
  }
}
