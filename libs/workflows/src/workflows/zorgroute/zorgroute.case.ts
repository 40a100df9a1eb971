/**
 * P2 — the state of one zorgroute and what follows from it: which steps are open, whether the parents are left out
 * (rule 3), the one snapshot shown by the query and written to the read model, how a step opens, how the case waits
 * for a date, whom a meeting invites and how the case ends. The handlers (zorgroute.handlers.ts), the linked cases
 * (zorgroute.linked.ts) and the main flow (zorgroute.workflow.ts) work on it.
 */
import { condition, workflowInfo } from '@temporalio/workflow';
import { dueInSchoolDays, toIsoDate, zonedInstant, type DueDate } from '@zorgroute/domain/logic';
import type { CaseContext, MeetingNotice, RecipientSpec } from '../../activities/case-activities.types';
import { caseWriters } from '../common/case-recorder';
import { consentAnswersAfterMove } from '../common/consent';
import { awaitHumanStep, type HumanStepOptions } from '../common/human-step';
import type { LinkedCase } from '../common/links';
import { leftStep } from '../common/moved-on';
import { openCase, type OpenedCase } from '../common/open-case';
import { reject } from '../common/step-errors';
import { ZAT_CONSENT, ZORGROUTE_STEP_LABELS, type CloseInput, type StartZorgrouteInput, type ZorgrouteState, type ZorgrouteStatus, type ZorgrouteStep } from './zorgroute.messages';
import { openStepsWhile, type ZorgroutePolicy } from './zorgroute.rules';
import type {
  AanmeldFormulier,
  ConversationRecord,
  EvaluationRecord,
  IzoEvaluationOutcome,
  IzoRound,
  TriageRecord,
  ZatDiscussion,
  ZatEvaluationOutcome,
  ZatMeeting,
  ZatReferralForm,
} from './zorgroute.types';
import { mergeReferralForm } from './zorgroute-form';

export const CLOSED: readonly ZorgrouteStatus[] = ['AFGESLOTEN', 'VOORLOPIG_AFGESLOTEN', 'EXTERN_VERWEZEN', 'SWV_VOORZIENING_AANGEVRAAGD', 'LEERPLICHT'];
/** Statuses in which the process waits for a date without an open step. */
export const PARKED: readonly ZorgrouteStatus[] = ['EERST_EERSTELIJNS_ACTIES', 'UITVOERING', 'ZAT_OPVOLGING'];
/** The ZAT steps a withdrawn ZAT consent cancels (the case goes back to the IZO). */
const ZAT_WITHDRAWAL_STEPS: readonly string[] = ['SUBMIT_ZAT_REFERRAL', 'PLAN_ZAT', 'SEND_ZAT_AGENDA', 'RECORD_ZAT'];

/** Today in Amsterdam, by the workflow's clock. */
export function todayIso(): string {
  return toIsoDate(Date.now());
}

export class Zorgroute {
  readonly c: OpenedCase;
  readonly policy: ZorgroutePolicy;
  readonly caseId: string;
  /** The referrer (mentor or teamleider; the zorgcoördinator may refer too). */
  readonly referrer: { id: string | null; name: string | null; role: string };
  /** The zorgcoördinator who owns the case's steps (the referrer when the school has none). */
  readonly zc: string | null;
  /** What happened in this zorgroute (everything the snapshot is made from). */
  readonly state = {
    form: {} as AanmeldFormulier,
    submissions: 0,
    submittedAt: null as string | null,
    triages: [] as TriageRecord[],
    triageOpen: null as TriageRecord | null,
    parentsException: null as ZorgrouteState['parentsException'],
    parentsExceptionLifted: null as ZorgrouteState['parentsExceptionLifted'],
    contactPerson: null as ZorgrouteState['contactPerson'],
    bilateral: null as ConversationRecord | null,
    voorgesprek: null as ConversationRecord | null,
    izoMeetingDate: null as string | null,
    izoRescheduled: false,
    izoRounds: [] as IzoRound[],
    evaluationDate: null as string | null,
    evaluations: [] as EvaluationRecord[],
    evaluationOpen: null as (EvaluationRecord & { outcome: IzoEvaluationOutcome }) | null,
    zatReferral: null as ZatReferralForm | null,
    zatReferralSubmitted: false,
    zatPlanFrom: null as string | null,
    zatMeeting: null as ZatMeeting | null,
    zatDiscussion: null as ZatDiscussion | null,
    zatFeedback: null as ConversationRecord | null,
    zatEvaluations: [] as EvaluationRecord[],
    zatEvaluationOpen: null as (EvaluationRecord & { outcome: ZatEvaluationOutcome }) | null,
    zatConsentRefusals: [] as ZorgrouteState['zatConsentRefusals'],
    closeRequest: null as CloseInput | null,
  };
  readonly recordStep: ReturnType<typeof caseWriters<ZorgrouteStatus>>['recordStep'];
  readonly transition: ReturnType<typeof caseWriters<ZorgrouteStatus>>['transition'];

  constructor(
    readonly input: StartZorgrouteInput,
    readonly ctx: CaseContext,
  ) {
    this.policy = ctx.policies.zorgroute;
    this.caseId = workflowInfo().workflowId;
    this.c = openCase(
      {
        caseId: this.caseId,
        process: 'ZORGROUTE',
        schoolId: input.schoolId,
        pupilId: input.pupilId,
        status: 'CONCEPT',
        policyVersion: ctx.policyVersion,
        originCaseId: input.originCaseId ?? null,
        participantIds: [],
        data: { source: input.source, flexZat: this.policy.flexZat },
        startedAt: new Date().toISOString(),
      },
      ctx,
    );
    this.rec.addParticipant(input.startedBy.id);
    this.state.form = mergeReferralForm({}, input.form ?? {});
    this.referrer = { id: input.startedBy.id, name: input.startedBy.name, role: input.referrerRole };
    this.zc = ctx.zorgcoordinatorId ?? this.referrer.id;
    // The consent updates answer once the process has moved on, too: a ZAT consent withdrawn before the ZAT was
    // discussed cancels the open ZAT step and sends the case back to the IZO; any other withdrawal does not move the
    // process (it answers at once).
    const s = this.c.snapshot;
    this.c.consents.answerAfter(
      consentAnswersAfterMove(this.rec, {
        ended: () => this.ended(),
        parked: PARKED,
        withdrawalMovedOn: (r) => {
          const from = s.waitingFor;
          if (r.kind !== ZAT_CONSENT || from === null || !ZAT_WITHDRAWAL_STEPS.includes(from) || this.state.zatDiscussion !== null) return null;
          const left = leftStep(this.rec, from, PARKED);
          return () => this.ended() || left();
        },
      }),
    );
    const writers = caseWriters<ZorgrouteStatus>(this.rec, () => this.syncData());
    this.recordStep = writers.recordStep;
    this.transition = writers.transition;
  }

  get rec() {
    return this.c.rec;
  }

  status(): ZorgrouteStatus {
    return this.c.snapshot.status as ZorgrouteStatus;
  }

  /** Stopped by the zorgcoördinator or closed by an admin: every wait of the process ends. */
  stopped(): boolean {
    return this.state.closeRequest !== null || this.c.admin.closed;
  }

  /** Closed by an outcome, stopped, or closed by an admin. */
  ended(): boolean {
    return CLOSED.includes(this.status()) || this.stopped();
  }

  currentRound(): IzoRound | null {
    return this.state.izoRounds.at(-1) ?? null;
  }

  /** The approved safety exception holds: the parents are not informed (rule 3). */
  parentsLeftOut(): boolean {
    return this.state.parentsException !== null && this.state.parentsExceptionLifted === null;
  }

  /**
   * The case is kept from the parents (read model `hiddenFromParents`: no list, page, export, feed or e-mail shows it to
   * them) while the referral says they are not informed — before the triage as well — until the exception is lifted.
   */
  hiddenFromParents(): boolean {
    return this.state.form.parentsInformed === false && this.state.parentsExceptionLifted === null;
  }

  /** The open steps while the process waits for `step` (the referral is open to its referrer in its own statuses). */
  openStepsWhile(step: ZorgrouteStep | null): ZorgrouteStep[] {
    return openStepsWhile(this.status(), step);
  }

  openSteps(): ZorgrouteStep[] {
    return this.openStepsWhile(this.c.snapshot.waitingFor as ZorgrouteStep | null);
  }

  /** The one snapshot: the query's answer (the read model's row is written from the same state by syncData). */
  view(): ZorgrouteState {
    const { state, input, policy } = this;
    const s = this.c.snapshot;
    return {
      case: { ...s, data: { ...s.data }, participantIds: [...s.participantIds] },
      openSteps: this.openSteps(),
      referrer: this.referrer,
      source: input.source,
      form: { ...state.form },
      submissions: state.submissions,
      triages: [...state.triages],
      parentsException: state.parentsException,
      parentsExceptionLifted: state.parentsExceptionLifted,
      contactPerson: state.contactPerson,
      voorgesprek: state.voorgesprek,
      izoMeetingDate: state.izoMeetingDate,
      izoRounds: state.izoRounds.map((r) => ({ ...r })),
      evaluationDate: state.evaluationDate,
      evaluations: [...state.evaluations],
      flexZat: policy.flexZat,
      zatReferral: state.zatReferral,
      zatMeeting: state.zatMeeting,
      zatDiscussion: state.zatDiscussion,
      zatFeedback: state.zatFeedback,
      zatEvaluations: [...state.zatEvaluations],
      zatConsentRefusals: [...state.zatConsentRefusals],
      ledTo: [...((s.data.ledTo as LinkedCase[] | undefined) ?? [])],
      consents: this.c.consents.views(),
    };
  }

  /** The read model's process data (and whether the case is hidden from the parents), from the same state. */
  syncData(): void {
    const { state, input, policy } = this;
    this.c.snapshot.hiddenFromParents = this.hiddenFromParents();
    this.rec.setData({
      referrer: this.referrer,
      source: input.source,
      flexZat: policy.flexZat,
      form: state.form,
      submissions: state.submissions,
      submittedAt: state.submittedAt,
      triages: state.triages,
      parentsException: state.parentsException,
      ...(state.parentsExceptionLifted ? { parentsExceptionLifted: state.parentsExceptionLifted } : {}),
      contactPerson: state.contactPerson,
      bilateral: state.bilateral,
      voorgesprek: state.voorgesprek,
      izoMeetingDate: state.izoMeetingDate,
      izoRounds: state.izoRounds,
      evaluationDate: state.evaluationDate,
      evaluations: state.evaluations,
      zatReferral: state.zatReferral,
      zatMeeting: state.zatMeeting,
      zatDiscussion: state.zatDiscussion,
      zatFeedback: state.zatFeedback,
      zatEvaluations: state.zatEvaluations,
      zatConsentRefusals: state.zatConsentRefusals,
      openSteps: this.openSteps(),
    });
  }

  requireNotClosed(): void {
    if (CLOSED.includes(this.status()) || this.stopped()) reject('CASE_CLOSED', 'Deze casus is afgesloten', 'This case is closed');
  }

  /** A step that is not the one the process waits for is refused before anything is written. */
  requireWaiting(step: ZorgrouteStep): void {
    this.requireNotClosed();
    if (this.c.snapshot.waitingFor !== step) {
      reject('STEP_NOT_ALLOWED', `"${ZORGROUTE_STEP_LABELS[step]}" kan nu niet (status ${this.status()})`, `"${step}" is not allowed now (status ${this.status()})`);
    }
  }

  /**
   * While the parents are left out, nothing may start that tells them: the ZAT needs their consent (a Flex-ZAT invites
   * them), an ondersteuningstraject informs them at its start and JOS needs their signature.
   */
  rejectWhileParentsLeftOut(): never {
    return reject(
      'STEP_NOT_ALLOWED',
      'De ouders zijn niet geïnformeerd (goedgekeurde uitzondering): een verwijzing naar het ZAT of een traject vraagt hun toestemming of informeert hen. Hef eerst de uitzondering op.',
      'The parents are not informed (approved exception): a ZAT referral or a trajectory asks their consent or informs them. Lift the exception first.',
    );
  }

  due(from: string, schoolDays: number, rule: string): DueDate {
    return dueInSchoolDays(from, schoolDays, this.ctx.calendar, rule);
  }

  /** Opens a human step and waits until it is done or cancelled (by default: until the case is stopped). */
  step(name: ZorgrouteStep, ownerUserId: string | null, dueDate: DueDate, isDone: () => boolean, isCancelled: () => boolean = () => this.stopped(), options: HumanStepOptions = {}) {
    // The record that opens the step (awaitHumanStep's) lists it among the open steps of the read model, so the case
    // page offers its form at once (not only after the next status change).
    this.rec.setData({ openSteps: this.openStepsWhile(name) });
    return awaitHumanStep(this.rec, { step: name, label: ZORGROUTE_STEP_LABELS[name], ownerUserId, due: dueDate }, isDone, isCancelled, options);
  }

  /** Waits (durably) until the start of `date` in the school's time zone, or until `stop()`. Returns true if stopped. */
  async waitUntilDate(date: string, stop: () => boolean): Promise<boolean> {
    const ladder = this.ctx.policies.ladder;
    const at = Date.parse(zonedInstant(date, ladder.sendAtHour, ladder.sendAtMinute));
    if (at <= Date.now()) return stop();
    return condition(stop, at - Date.now());
  }

  /**
   * When a step's update answers: once the process has moved on (by default: left the step, or parked in a status that
   * waits for a date) and no record is under way, or the case ended, so the next step can be taken at once
   * (moved-on.ts).
   */
  movedOnFrom(step: ZorgrouteStep, movedOn = leftStep(this.rec, step, PARKED)): () => boolean {
    return () => this.ended() || (movedOn() && this.rec.idle);
  }

  /** Who holds the conversations with parents and pupil: the contact person set at the triage, else the referrer. */
  contactId(): string | null {
    return this.state.contactPerson?.id ?? this.referrer.id;
  }

  /** The school's people in the meeting: zorgcoördinator, referrer, contact person and the pupil's mentor. */
  staffParticipants(): RecipientSpec {
    return {
      userIds: [...new Set([this.zc, this.referrer.id, this.contactId()].filter((id): id is string => !!id))],
      mentorOfPupil: this.input.pupilId,
    };
  }

  /** Invites each participant of a meeting (keyed per meeting and date: a re-planned meeting is a new invitation). */
  invite(meeting: MeetingNotice, label: string, recipients: RecipientSpec, round: number): void {
    this.rec.notifyLater({ key: `${this.caseId}:invitation:${meeting.kind}:${round}:${meeting.date}`, recipients, kind: 'MEETING_INVITATION', stepLabel: label, dueDate: meeting.date, meeting });
  }

  async finish(final: ZorgrouteStatus, outcome: string, description: string): Promise<ZorgrouteState> {
    await this.rec.closeWith(outcome, () => this.transition(final, description));
    return this.view();
  }

  /** Ends a stopped case: closed by an admin (the admin's ending), or stopped by the zorgcoördinator. */
  finishStopped(): Promise<ZorgrouteState> {
    return this.c.admin.closed ? this.c.admin.end(() => this.view()) : this.finish('AFGESLOTEN', 'GESTOPT', `Zorgroute gestopt: ${this.state.closeRequest?.reason ?? ''}`);
  }
}
