/**
 * P6 — the state of one overdracht and what follows from it: which steps are open, the one snapshot shown by the
 * query and written to the read model, how a step opens, how the case waits for a date and how it ends. The handlers
 * (overdracht.handlers.ts), the linked cases (overdracht.linked.ts) and the main flow (overdracht.workflow.ts) work on it.
 */
import { condition, workflowInfo } from '@temporalio/workflow';
import { dueInSchoolDays, toIsoDate, zonedInstant, type DueDate, type OverdrachtRegionalCalendar, type TerugkoppelingMoment } from '@zorgroute/domain/logic';
import type { CaseContext } from '../../activities/case-activities.types';
import { caseWriters, type Actor } from '../common/case-recorder';
import { consentAnswersAfterMove } from '../common/consent';
import { awaitHumanStep } from '../common/human-step';
import type { LinkedCase } from '../common/links';
import { leftStep } from '../common/moved-on';
import { openCase, type OpenedCase } from '../common/open-case';
import { reject } from '../common/step-errors';
import {
  OVERDRACHT_CONSENT_KIND,
  OVERDRACHT_IZO_STATUSES,
  OVERDRACHT_STEP_LABELS,
  type Okr,
  type OverdrachtFeedback,
  type OverdrachtState,
  type OverdrachtStatus,
  type OverdrachtStep,
  type StartOverdrachtInput,
  type Zienswijze,
} from './overdracht.messages';
import { regionalDue, type OverdrachtPolicy } from './overdracht.rules';

export const CLOSED: readonly OverdrachtStatus[] = ['AFGESLOTEN', 'GEEN_TOESTEMMING', 'GESTOPT'];

/** Today in Amsterdam, by the workflow's clock. */
export function todayIso(): string {
  return toIsoDate(Date.now());
}

/** Trimmed text, or null when blank. */
export function clean(value: string | null | undefined): string | null {
  const v = typeof value === 'string' ? value.trim() : '';
  return v ? v : null;
}

export class Overdracht {
  readonly c: OpenedCase;
  readonly policy: OverdrachtPolicy;
  /** The parents' order of preference (school ids); this school only when not given. */
  readonly preferenceSchoolIds: string[];
  /** The secondary school's contact who runs the handover. */
  readonly contact: Actor;
  /** The zorgcoördinator (the contact when the school has none). */
  readonly zc: string | null;
  /** The brugklascoördinator who places the pupil (default the zorgcoördinator). */
  readonly brugklas: string | null;
  /** What happened in this overdracht (everything the snapshot is made from). */
  readonly state = {
    supportNeeds: false,
    okr: null as Okr | null,
    zienswijzen: [] as Zienswijze[],
    sent: null as OverdrachtState['sent'],
    received: null as OverdrachtState['received'],
    warmeOverdracht: null as OverdrachtState['warmeOverdracht'],
    placement: null as OverdrachtState['placement'],
    mentorRead: null as OverdrachtState['mentorRead'],
    izoReferral: null as OverdrachtState['izoReferral'],
    feedbackMoments: [] as OverdrachtState['feedbackMoments'],
    feedback: [] as OverdrachtFeedback[],
    openMoment: null as { moment: TerugkoppelingMoment; date: string } | null,
    zorgplicht: null as OverdrachtState['zorgplicht'],
    stopReason: null as string | null,
  };
  readonly recordStep: ReturnType<typeof caseWriters<OverdrachtStatus>>['recordStep'];
  readonly transition: ReturnType<typeof caseWriters<OverdrachtStatus>>['transition'];

  constructor(
    readonly input: StartOverdrachtInput,
    readonly ctx: CaseContext,
    /** The regional calendar of the pupil's school year. */
    readonly cal: OverdrachtRegionalCalendar,
  ) {
    this.policy = ctx.policies.overdracht;
    this.preferenceSchoolIds = input.preferenceSchoolIds?.length ? [...input.preferenceSchoolIds] : [input.schoolId];
    this.c = openCase(
      {
        caseId: workflowInfo().workflowId,
        process: 'OVERDRACHT',
        schoolId: input.schoolId,
        pupilId: input.pupilId,
        status: 'OKR_IN_VOORBEREIDING',
        policyVersion: ctx.policyVersion,
        originCaseId: input.originCaseId ?? null,
        participantIds: [],
        data: { schoolYear: input.schoolYear, calendar: cal },
        startedAt: new Date().toISOString(),
      },
      ctx,
    );
    this.contact = input.startedBy;
    this.zc = ctx.zorgcoordinatorId ?? this.contact.id;
    this.brugklas = input.brugklascoordinatorId ?? this.zc;
    this.rec.addParticipant(this.contact.id);
    this.rec.addParticipant(input.brugklascoordinatorId);
    this.state.supportNeeds = input.supportNeedsExpected;
    this.c.consents.answerAfter(consentAnswersAfterMove(this.rec, { ended: () => this.closed() || this.stopped(), parked: ['TERUGKOPPELING_PO'] }));
    const writers = caseWriters<OverdrachtStatus>(this.rec, () => this.syncData());
    this.recordStep = writers.recordStep;
    this.transition = writers.transition;
  }

  get rec() {
    return this.c.rec;
  }

  status(): OverdrachtStatus {
    return this.c.snapshot.status as OverdrachtStatus;
  }

  closed(): boolean {
    return CLOSED.includes(this.status());
  }

  /** Stopped by the zorgcoördinator or closed by an admin. */
  stopped(): boolean {
    return this.state.stopReason !== null || this.c.admin.closed;
  }

  /** A direct IZO referral was asked and its case is not started yet. */
  izoPending(): boolean {
    return this.state.izoReferral !== null && this.state.izoReferral.caseId === null;
  }

  due(from: string, schoolDays: number, rule: string): DueDate {
    return dueInSchoolDays(from, schoolDays, this.ctx.calendar, rule);
  }

  /** A due date from the regional calendar (N school days from today when that date has passed). */
  regional(date: string, what: string, rule: string, lateSchoolDays: number): DueDate {
    return regionalDue(this.cal, this.ctx.calendar, todayIso(), date, what, rule, lateSchoolDays);
  }

  /**
   * When the update of `step` answers: once the process has moved on (another step open, or waiting in
   * TERUGKOPPELING_PO for the next feedback moment without an open step, or `orElse`), or the case ended, so the next
   * step can be taken at once (moved-on.ts).
   */
  movedOnFrom<I>(step: OverdrachtStep, orElse: (u: I) => boolean = () => false): (u: I) => boolean {
    const left = leftStep(this.rec, step, ['TERUGKOPPELING_PO']);
    return (u) => this.closed() || this.stopped() || ((left() || orElse(u)) && this.rec.idle);
  }

  /** Opens human step `name` and waits until it is done (or the case stops). */
  step(name: OverdrachtStep, ownerUserId: string | null, dueDate: DueDate, isDone: () => boolean, label?: string) {
    // The read model's open steps include the step from the write that opens it.
    this.c.snapshot.waitingFor = name;
    this.syncData();
    return awaitHumanStep(this.rec, { step: name, label: label ?? OVERDRACHT_STEP_LABELS[name], ownerUserId, due: dueDate }, isDone, () => this.stopped());
  }

  /** Waits (durably) until the start of `date` in the school's time zone, or until `wake()`. Returns true if woken. */
  async waitUntilDate(date: string, wake: () => boolean): Promise<boolean> {
    const { sendAtHour, sendAtMinute } = this.ctx.policies.ladder;
    const at = Date.parse(zonedInstant(date, sendAtHour, sendAtMinute));
    if (at <= Date.now()) return wake();
    return condition(wake, at - Date.now());
  }

  openSteps(): string[] {
    if (this.closed()) return [];
    const steps: string[] = [];
    if (this.c.snapshot.waitingFor) steps.push(this.c.snapshot.waitingFor);
    if (OVERDRACHT_IZO_STATUSES.includes(this.status()) && this.state.izoReferral === null) steps.push('OVERDRACHT_IZO_REFERRAL');
    return steps;
  }

  /** The one snapshot: the query's answer (the read model's row is written from the same state by syncData). */
  view(): OverdrachtState {
    const s = this.c.snapshot;
    const { input, state, cal } = this;
    return {
      case: { ...s, data: { ...s.data }, participantIds: [...s.participantIds] },
      openSteps: this.openSteps(),
      schoolYear: input.schoolYear,
      calendar: cal,
      applicationReceivedOn: input.applicationReceivedOn,
      poSchoolName: input.poSchoolName,
      poContactName: input.poContactName ?? null,
      supportNeeds: state.supportNeeds,
      okr: state.okr,
      zienswijzen: [...state.zienswijzen],
      consent: this.c.consents.latest(OVERDRACHT_CONSENT_KIND),
      sent: state.sent,
      received: state.received,
      warmeOverdracht: state.warmeOverdracht,
      placement: state.placement,
      mentorRead: state.mentorRead,
      izoReferral: state.izoReferral,
      feedbackMoments: [...state.feedbackMoments],
      feedback: [...state.feedback],
      zorgplicht: state.zorgplicht,
      ledTo: [...((s.data.ledTo as LinkedCase[] | undefined) ?? [])],
      stopReason: state.stopReason,
    };
  }

  /** The read model's process data, from the same state. */
  syncData(): void {
    const { input, state, cal } = this;
    this.rec.setData({
      schoolYear: input.schoolYear,
      calendar: cal,
      applicationReceivedOn: input.applicationReceivedOn,
      preferenceSchoolIds: this.preferenceSchoolIds,
      poSchoolName: input.poSchoolName,
      poContactName: input.poContactName ?? null,
      brugklascoordinatorId: this.brugklas,
      supportNeeds: state.supportNeeds,
      okr: state.okr,
      zienswijzen: state.zienswijzen,
      sent: state.sent,
      received: state.received,
      warmeOverdracht: state.warmeOverdracht,
      placement: state.placement,
      mentorId: state.placement?.mentorId ?? null,
      mentorRead: state.mentorRead,
      izoReferral: state.izoReferral,
      feedbackMoments: state.feedbackMoments,
      feedback: state.feedback,
      zorgplicht: state.zorgplicht,
      stopReason: state.stopReason,
      openSteps: this.openSteps(),
    });
  }

  requireNotClosed(): void {
    if (this.closed() || this.stopped()) reject('CASE_CLOSED', 'Deze overdracht is afgesloten', 'This transfer is closed');
  }

  /** A step that is not open now is refused before anything is written. */
  requireWaiting(step: OverdrachtStep): void {
    this.requireNotClosed();
    if (this.c.snapshot.waitingFor !== step) {
      reject('STEP_NOT_ALLOWED', `"${OVERDRACHT_STEP_LABELS[step]}" kan nu niet (status ${this.status()})`, `"${step}" is not allowed now (status ${this.status()})`);
    }
  }

  /** Closes the case in status `final` with `outcome`. */
  async finish(final: OverdrachtStatus, outcome: string, description: string): Promise<OverdrachtState> {
    await this.rec.closeWith(outcome, () => this.transition(final, description));
    return this.view();
  }

  /** Closes a stopped case: closed by an admin, or stopped by the zorgcoördinator. */
  finishStopped(): Promise<OverdrachtState> {
    return this.c.admin.closed ? this.c.admin.end(() => this.view()) : this.finish('GESTOPT', 'GESTOPT', `Overdracht gestopt: ${this.state.stopReason ?? ''}`);
  }
}
