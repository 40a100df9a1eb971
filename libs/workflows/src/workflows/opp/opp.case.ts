/**
 * P7 — the state of one OPP case and what follows from it: which steps are open, which may be taken any time, the one
 * snapshot shown by the query and written to the read model. The handlers (opp.handlers.ts), the parallel BRON step
 * (opp.parallel.ts) and the main flow (opp.workflow.ts) work on it.
 */
import { workflowInfo } from '@temporalio/workflow';
import { dueInSchoolDays, oppVersionDigest, toIsoDate, type DueDate } from '@zorgroute/domain/logic';
import { OPP_STEPS as STEPS } from '@zorgroute/processes';
import type { CaseContext } from '../../activities/case-activities.types';
import { caseWriters } from '../common/case-recorder';
import { openCase, type OpenedCase } from '../common/open-case';
import { reject } from '../common/step-errors';
import {
  OPP_CONSENT_KIND,
  type DrawUpOppInput,
  type OppEvaluation,
  type OppHearing,
  type OppRefusal,
  type OppState,
  type OppStatus,
  type OppStep,
  type OppVersion,
  type RefusalFollowUpInput,
  type StartOppInput,
  type StopOppInput,
} from './opp.messages';

export const CLOSED: readonly OppStatus[] = ['BEEINDIGD', 'INSTEMMING_GEWEIGERD', 'GESTOPT'];

/** Today in Amsterdam, by the workflow's clock. */
export function todayIso(): string {
  return toIsoDate(Date.now());
}

/** What the pupil's view is asked about now (hoorrecht): a version, or an evaluation. */
export interface HearingFor {
  about: 'VERSION' | 'EVALUATION';
  number: number;
}

export class OppCase {
  readonly c: OpenedCase;
  readonly policy: CaseContext['policies']['opp'];
  readonly supportStartedOn: string;
  /** What happened in this OPP (everything the snapshot and the messages are made from). */
  readonly state = {
    versions: [] as OppVersion[],
    /** The version drawn up and not yet agreed to (heard, then put to the parents). */
    concept: null as number | null,
    /** The version in force: the parents agreed to it. */
    current: null as number | null,
    hearings: [] as OppHearing[],
    /** What OPP_HEAR_PUPIL is about while it is open. */
    hearingFor: null as HearingFor | null,
    evaluations: [] as OppEvaluation[],
    /** An evaluation recorded and not yet concluded (the pupil's view on it is missing). */
    pendingEvaluation: null as number | null,
    nextEvaluation: null as DueDate | null,
    refusals: [] as OppRefusal[],
    bron: null as { registeredOn: string; reference: string | null; recordedBy: string | null } | null,
    sharedWithSwv: false,
    sharedVersions: [] as number[],
    stopped: null as StopOppInput | null,
    /** The zorgcoördinator's decision after the parents did not agree to a first version. */
    refusalFollowUp: null as RefusalFollowUpInput | null,
  };
  readonly recordStep: ReturnType<typeof caseWriters<OppStatus>>['recordStep'];
  readonly transition: ReturnType<typeof caseWriters<OppStatus>>['transition'];

  constructor(
    readonly input: StartOppInput,
    readonly ctx: CaseContext,
  ) {
    this.policy = ctx.policies.opp;
    this.supportStartedOn = input.supportStartedOn ?? todayIso();
    this.c = openCase(
      {
        caseId: workflowInfo().workflowId,
        process: 'OPP',
        schoolId: input.schoolId,
        pupilId: input.pupilId,
        status: 'OPSTELLEN',
        policyVersion: ctx.policyVersion,
        originCaseId: input.sourceCaseId ?? null,
        participantIds: [],
        data: { reason: input.reason, source: input.source, sourceCaseId: input.sourceCaseId ?? null, supportStartedOn: this.supportStartedOn },
        startedAt: new Date().toISOString(),
      },
      ctx,
    );
    this.c.rec.addParticipant(input.startedBy.id);
    for (const id of input.participantIds ?? []) this.c.rec.addParticipant(id);
    const writers = caseWriters<OppStatus>(this.c.rec, () => this.syncData());
    this.recordStep = writers.recordStep;
    this.transition = writers.transition;
  }

  get rec() {
    return this.c.rec;
  }

  status(): OppStatus {
    return this.c.snapshot.status as OppStatus;
  }

  /** Stopped by the zorgcoördinator or closed by an admin. */
  stopped(): boolean {
    return this.state.stopped !== null || this.c.admin.closed;
  }

  due(from: string, schoolDays: number, rule: string): DueDate {
    return dueInSchoolDays(from, schoolDays, this.ctx.calendar, rule);
  }

  version(n: number | null): OppVersion | null {
    return n === null ? null : (this.state.versions.find((v) => v.version === n) ?? null);
  }

  /** Whether the pupil's view on this version or evaluation is recorded (hoorrecht: nothing is final without it). */
  heard(about: HearingFor['about'], n: number): boolean {
    return this.state.hearings.some((h) => h.about === about && h.number === n);
  }

  /** A new concept version from a draw-up or an adjustment, with its digest. */
  addVersion(u: DrawUpOppInput): OppVersion {
    const n = this.state.versions.length + 1;
    const drawnUpOn = todayIso();
    const content = {
      onderwijsbehoeften: u.onderwijsbehoeften,
      belemmerendeFactoren: u.belemmerendeFactoren,
      bevorderendeFactoren: u.bevorderendeFactoren,
      uitstroomperspectief: u.uitstroomperspectief,
      uitstroomOnderbouwing: u.uitstroomOnderbouwing,
      handelingsdeel: u.handelingsdeel.map((l) => ({ support: l.support, providedBy: l.providedBy, duration: l.duration, frequency: l.frequency ?? null })),
      programmeDeviations: u.programmeDeviations ?? null,
      authors: [...u.authors],
      parentsConsultedOn: u.parentsConsultedOn,
    };
    const changeReason = u.changeReason ?? null;
    const digest = oppVersionDigest({ pupilId: this.input.pupilId, version: n, drawnUpOn, changeReason }, content);
    const v: OppVersion = { version: n, drawnUpOn, drawnUpBy: u.actor.name, changeReason, ...content, digest, status: 'CONCEPT', consentRequestId: null, agreedOn: null, notAgreed: null, notAgreedOn: null };
    this.state.versions.push(v);
    this.state.concept = n;
    return v;
  }

  openSteps(): OppStep[] {
    const bron: OppStep[] = this.rec.hasSideStep('OPP_REGISTER_BRON') ? ['OPP_REGISTER_BRON'] : [];
    switch (this.status()) {
      case 'OPSTELLEN':
        return this.state.concept === null ? ['OPP_DRAW_UP', ...bron] : bron;
      case 'LEERLING_HOREN':
        return this.state.hearingFor !== null && !this.heard(this.state.hearingFor.about, this.state.hearingFor.number) ? ['OPP_HEAR_PUPIL', ...bron] : bron;
      case 'GEWEIGERD':
        return this.state.refusalFollowUp === null ? ['OPP_REFUSAL_FOLLOW_UP', ...bron] : bron;
      case 'EVALUATIE':
        return this.state.pendingEvaluation === null ? ['OPP_EVALUATE', ...bron] : bron;
      default:
        return bron;
    }
  }

  /**
   * Steps that may be taken now although no one waits for them: while the plan is in force, adjusting it (a new version)
   * and evaluating it before it is due; stopping while the case runs.
   */
  availableSteps(): string[] {
    if (CLOSED.includes(this.status()) || this.state.stopped) return [];
    const inForce = this.status() === 'UITVOERING' && this.state.concept === null && this.state.pendingEvaluation === null ? ['OPP_ADJUST', 'OPP_EVALUATE'] : [];
    return [...inForce, 'STOP_OPP'];
  }

  /** The parents' instemming request of the version put to them last. */
  instemming() {
    return this.c.consents.latest(OPP_CONSENT_KIND);
  }

  /** The one snapshot: the query's answer (the read model's row is written from the same state by syncData). */
  view(): OppState {
    const s = this.state;
    return {
      case: this.rec.view(),
      openSteps: this.openSteps(),
      versions: s.versions.map((v) => ({ ...v, handelingsdeel: v.handelingsdeel.map((l) => ({ ...l })), authors: [...v.authors] })),
      currentVersion: s.current,
      hearings: [...s.hearings],
      evaluations: [...s.evaluations],
      nextEvaluationDue: s.nextEvaluation?.date ?? null,
      refusals: [...s.refusals],
      bron: s.bron,
      sharedWithSwv: s.sharedWithSwv,
      instemming: this.instemming(),
    };
  }

  /** The read model's process data, from the same state. */
  syncData(): void {
    const s = this.state;
    this.rec.setData({
      versions: s.versions,
      currentVersion: s.current,
      conceptVersion: s.concept,
      hearings: s.hearings,
      hearingFor: s.hearingFor,
      evaluations: s.evaluations,
      nextEvaluation: s.nextEvaluation ? { date: s.nextEvaluation.date, explanation: s.nextEvaluation.explanation } : null,
      refusals: s.refusals,
      bron: s.bron,
      sharedWithSwv: s.sharedWithSwv,
      sharedVersions: s.sharedVersions,
      stopReason: s.stopped?.reason ?? null,
      openSteps: this.openSteps(),
      availableSteps: this.availableSteps(),
    });
  }

  /** A step that is not open now is refused before anything is written. */
  requireOpen(step: OppStep): void {
    if (CLOSED.includes(this.status())) reject('CASE_CLOSED', 'Dit OPP is afgesloten', 'This OPP is closed');
    if (!this.openSteps().includes(step)) {
      reject('STEP_NOT_ALLOWED', `"${STEPS[step as keyof typeof STEPS].label}" kan nu niet (status ${this.status()})`, `"${step}" is not allowed now (status ${this.status()})`);
    }
  }

  /** An any-time step that the case does not offer now is refused before anything is written. */
  requireAvailable(step: OppStep): void {
    if (CLOSED.includes(this.status())) reject('CASE_CLOSED', 'Dit OPP is afgesloten', 'This OPP is closed');
    if (!this.availableSteps().includes(step) && !this.openSteps().includes(step)) {
      reject('STEP_NOT_ALLOWED', `"${STEPS[step as keyof typeof STEPS].label}" kan nu niet (status ${this.status()})`, `"${step}" is not allowed now (status ${this.status()})`);
    }
  }
}
