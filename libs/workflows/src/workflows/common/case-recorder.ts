import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributeUpdatePair } from '@temporalio/common';
import { allHandlersFinished, condition, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { CaseSnapshot } from '@zorgroute/domain';
import type { DueDate } from '@zorgroute/domain/logic';
import type { AuditRecord, CaseContext, MeetingNotice, NotifyRequest } from '../../activities/case-activities.types';

type MeetingKindOfNotice = MeetingNotice['kind'];
import { db } from './case-activities.proxy';
import { STUCK_PRIORITY, StuckReasons } from './stuck-reasons';
import { deliverWatched, MAIL_FAILING_PREFIX, type MailFailure } from './mail-watch';
import type { AdminControl } from './admin-actions';
import type { HumanStep } from './human-step';
import { meetingCalendarId, meetingCancellations } from './meetings';

export const SA_PROCESS = defineSearchAttributeKey('ZrProcess', SearchAttributeType.KEYWORD);
export const SA_SCHOOL = defineSearchAttributeKey('ZrSchoolId', SearchAttributeType.KEYWORD);
export const SA_STATUS = defineSearchAttributeKey('ZrStatus', SearchAttributeType.KEYWORD);
export const SA_WAITING_FOR = defineSearchAttributeKey('ZrWaitingFor', SearchAttributeType.KEYWORD);
export const SA_NEXT_DUE = defineSearchAttributeKey('ZrNextDue', SearchAttributeType.DATETIME);
export const SA_STUCK = defineSearchAttributeKey('ZrStuck', SearchAttributeType.BOOL);

export interface Actor {
  id: string | null;
  name: string | null;
}

export const SYSTEM: Actor = { id: null, name: 'Zorgroute' };

/**
 * How a process writes its case (one read-model row and audit entry per write): a human step taken by `actor`, with
 * the step's audit action, and a status change by Zorgroute itself (`STATUS_<next>`). Both first copy the process's
 * state into the snapshot (`syncData`).
 */
export function caseWriters<Status extends string>(rec: CaseRecorder, syncData: () => void) {
  return {
    recordStep: async (actor: Actor, action: string, description: string, reason?: string | null): Promise<void> => {
      syncData();
      await rec.record({ actorId: actor.id, actorName: actor.name, action, description, reason: reason ?? null });
    },
    transition: async (next: Status, description: string): Promise<void> => {
      rec.snapshot.status = next;
      syncData();
      await rec.record({ actorId: SYSTEM.id, actorName: SYSTEM.name, action: `STATUS_${next}`, description });
    },
  };
}

/** A due date shown on the case with the rule that produced it. */
export interface DueDateView {
  step: string;
  date: string;
  explanation: string;
  /** School years counted without their regional holidays (`DueDate.withoutHolidayData`); absent when none. */
  withoutHolidayData?: string[];
}

/**
 * The mutable view of a case inside its workflow, and the one way to record it: every call to
 * `record` bumps `seq`, writes the read-model row and (optionally) an audit entry through one
 * activity, and mirrors the key fields into search attributes. Notifications are sent without
 * blocking the process (`notifyLater`) and awaited before the workflow ends (`drain`).
 */
export class CaseRecorder {
  readonly snapshot: CaseSnapshot;
  private readonly pending = new Set<Promise<unknown>>();
  private readonly useSearchAttributes: boolean;
  /** Messages failing past the mail threshold (rule 6b), by request key; see mail-watch.ts. */
  private readonly mailFailures = new Map<string, MailFailure>();
  /** Every message requested so far, by request key (in memory only: lets an admin re-send one, admin-actions.ts). */
  private readonly requests = new Map<string, NotifyRequest>();
  /** Calendar ids of meetings that took place (meetingsHeld). */
  private readonly heldMeetings = new Set<string>();
  /** Set by `installAdminHandlers` (admin-actions.ts). */
  admin?: AdminControl;
  /** Why the case is stuck: the only writer of `snapshot.stuck` and `snapshot.stuckReason`. */
  readonly stuck: StuckReasons;
  /** Parallel human steps open next to the main step (`awaitHumanStep` with `parallel`), by step name, in opening order. */
  private readonly sideSteps = new Map<string, HumanStep>();
  /** How many `record` calls are under way (see `idle`). */
  private recording = 0;

  constructor(
    init: Omit<CaseSnapshot, 'seq' | 'updatedAt' | 'closedAt' | 'stuck' | 'stuckReason' | 'outcome' | 'waitingFor' | 'nextDueDate' | 'ownerUserId'>,
    readonly context: CaseContext,
  ) {
    this.snapshot = {
      ...init,
      waitingFor: null,
      nextDueDate: null,
      ownerUserId: null,
      stuck: false,
      stuckReason: null,
      outcome: null,
      seq: 0,
      updatedAt: init.startedAt,
      closedAt: null,
    };
    this.stuck = new StuckReasons(this.snapshot);
    // Search attributes are only upserted when the starter set them (the server has them registered).
    this.useSearchAttributes = workflowInfo().typedSearchAttributes.get(SA_PROCESS) !== undefined;
  }

  get caseId(): string {
    return this.snapshot.caseId;
  }

  /** Records the current state (and an audit line) in PostgreSQL. */
  async record(audit?: Omit<AuditRecord, 'eventKey' | 'at'> & { at?: string }): Promise<void> {
    const s = this.snapshot;
    // A case closed by an admin stays closed, whatever the process records afterwards.
    this.admin?.pin();
    s.seq += 1;
    s.updatedAt = new Date().toISOString();
    const snapshot = this.view();
    if (this.useSearchAttributes) {
      const updates: SearchAttributeUpdatePair[] = [
        { key: SA_STATUS, value: snapshot.status },
        { key: SA_WAITING_FOR, value: snapshot.waitingFor ?? 'NONE' },
        { key: SA_NEXT_DUE, value: snapshot.nextDueDate ? new Date(`${snapshot.nextDueDate}T00:00:00Z`) : null },
        { key: SA_STUCK, value: snapshot.stuck },
      ];
      upsertSearchAttributes(updates);
    }
    this.recording += 1;
    try {
      await db.recordCase({
        snapshot,
        audit: audit && { ...audit, at: audit.at ?? s.updatedAt, eventKey: `${s.caseId}:${s.seq}:${audit.action}` },
      });
    } finally {
      this.recording -= 1;
    }
  }

  /**
   * A copy of the case as the read model and the queries show it: while no main step waits, an open parallel step is
   * the case's open step (owner, due date).
   */
  view(): CaseSnapshot {
    const s = this.snapshot;
    const side = !s.waitingFor && !s.closedAt ? this.sideSteps.values().next().value : undefined;
    return {
      ...s,
      ...(side ? { waitingFor: side.step, nextDueDate: side.due.date, ownerUserId: side.ownerUserId } : {}),
      data: { ...s.data },
      participantIds: [...s.participantIds],
    };
  }

  /** No record is under way: the read model shows the case as the workflow sees it (used by `untilMovedOn`). */
  get idle(): boolean {
    return this.recording === 0;
  }

  /** Registers a parallel step (its own mutable copy: an admin or the process may change its owner or due date). */
  openSideStep(step: HumanStep): void {
    this.sideSteps.set(step.step, step);
  }

  closeSideStep(name: string): void {
    this.sideSteps.delete(name);
  }

  hasSideStep(name: string): boolean {
    return this.sideSteps.has(name);
  }

  /** The open parallel step of that name, to change its owner (e.g. the pupil switched coach). */
  sideStep(name: string): HumanStep | undefined {
    return this.sideSteps.get(name);
  }

  removeDueDate(step: string): void {
    const list = (this.snapshot.data.dueDates as DueDateView[] | undefined) ?? [];
    if (list.some((d) => d.step === step)) this.snapshot.data = { ...this.snapshot.data, dueDates: list.filter((d) => d.step !== step) };
  }

  setDueDates(views: DueDateView[]): void {
    this.snapshot.data = { ...this.snapshot.data, dueDates: views };
  }

  upsertDueDate(step: string, due: DueDate): void {
    const list = ((this.snapshot.data.dueDates as DueDateView[] | undefined) ?? []).filter((d) => d.step !== step);
    list.push({ step, date: due.date, explanation: due.explanation, ...(due.withoutHolidayData?.length ? { withoutHolidayData: due.withoutHolidayData } : {}) });
    this.snapshot.data = { ...this.snapshot.data, dueDates: list };
  }

  setData(patch: Record<string, unknown>): void {
    this.snapshot.data = { ...this.snapshot.data, ...patch };
  }

  addParticipant(userId: string | null | undefined): void {
    if (userId && !this.snapshot.participantIds.includes(userId)) this.snapshot.participantIds.push(userId);
  }

  /**
   * Sends a message in the background; its delivery is keyed, so retries never send twice. Watched: a message that
   * cannot be delivered for the policy's threshold makes the case stuck until it goes out (mail-watch.ts).
   */
  notifyLater(req: Omit<NotifyRequest, 'caseId' | 'pupilId' | 'schoolId'>): void {
    const full: NotifyRequest = { ...req, caseId: this.caseId, pupilId: this.snapshot.pupilId, schoolId: this.snapshot.schoolId };
    // Latest last: a meeting's latest invitation is the one a cancellation follows (meetingCancellations).
    this.requests.delete(full.key);
    this.requests.set(full.key, full);
    const p = deliverWatched(this, full);
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p)).catch(() => undefined);
  }

  /**
   * Cancels every planned meeting of this case that has yet to begin (per meeting its latest invitation):
   * MEETING_CANCELLED to the invitation's recipients, with the same calendar entry (METHOD:CANCEL).
   */
  cancelPlannedMeetings(nowMs: number = Date.now()): void {
    for (const { caseId: _c, pupilId: _p, schoolId: _s, ...req } of meetingCancellations(this.requests.values(), nowMs, this.heldMeetings)) this.notifyLater(req);
  }

  /**
   * The meetings of this kind invited to so far took place (their step was recorded, perhaps before the planned time):
   * they are never cancelled. State only, no command.
   */
  meetingsHeld(kind: MeetingKindOfNotice): void {
    for (const req of this.requests.values()) {
      if (req.kind === 'MEETING_INVITATION' && req.meeting?.kind === kind) this.heldMeetings.add(meetingCalendarId(req));
    }
  }

  /** At the end of a case: the meetings still to come will not take place. */
  cancelMeetingsAtEnd(): void {
    this.cancelPlannedMeetings();
  }

  /** The request behind a delivery key (`<request key>:<recipient id>`, see the notify activity), if this case sent it. */
  requestForDelivery(deliveryKey: string): { request: NotifyRequest; recipientId: string } | null {
    const at = deliveryKey.lastIndexOf(':');
    if (at <= 0) return null;
    const request = this.requests.get(deliveryKey.slice(0, at));
    const recipientId = deliveryKey.slice(at + 1);
    return request && recipientId ? { request, recipientId } : null;
  }

  /** Marks a message as failing past the threshold: the case is stuck `MAIL_FAILING:<kind>` (unless stuck for another reason). */
  markMailFailing(failure: MailFailure): void {
    this.mailFailures.set(failure.key, failure);
    this.applyMailStuck();
  }

  /** The message went out (or was given up as invalid): clears its stuck item. */
  clearMailFailing(key: string): void {
    this.mailFailures.delete(key);
    this.applyMailStuck();
  }

  /**
   * Shows the failing messages in the read model (`data.mailFailures`) and sets or clears the MAIL_FAILING stuck
   * reason. Another stuck reason (an overdue step) is not overwritten; when it is cleared, this is called again.
   */
  applyMailStuck(): void {
    const s = this.snapshot;
    const failures = [...this.mailFailures.values()];
    if (failures.length || s.data.mailFailures !== undefined) this.setData({ mailFailures: failures });
    const reason = failures.length ? `${MAIL_FAILING_PREFIX}${failures[0].kind}` : null;
    if (reason && this.stuck.has(reason)) return;
    this.stuck.removePrefix(MAIL_FAILING_PREFIX);
    if (reason) this.stuck.add(reason, STUCK_PRIORITY.MAIL);
  }

  /**
   * Ends the case: its outcome, closed now, nothing open or owned any more; then the process's final transition (which
   * records it), the background work drained, and running update handlers allowed to answer their callers first.
   */
  async closeWith(outcome: string, transition: () => Promise<void>): Promise<void> {
    const s = this.snapshot;
    s.outcome = outcome;
    s.closedAt = new Date().toISOString();
    s.waitingFor = null;
    s.nextDueDate = null;
    s.ownerUserId = null;
    await transition();
    this.cancelMeetingsAtEnd();
    await this.drain();
    await condition(allHandlersFinished);
  }

  /** Waits until every message sent so far is delivered (before the workflow completes). */
  async drain(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }
}
