/**
 * Admin actions on a (stuck) case, shared by every process (PROCESSES.md cross-cutting rule 6): an admin — or the
 * zorgcoördinator of the case's school — can extend the due date of the open human step, give the open step another
 * owner, re-send a message that did not go out, or close the case. Every action needs a reason and is recorded by the
 * case's CaseRecorder with who (the actor), when and why (audit `reason`).
 *
 * Usage in a workflow (minimal edits):
 *
 *   const admin = installAdminHandlers(rec);                       // once, right after the CaseRecorder is made
 *   const stopped = () => state.stopped !== null || admin.closed;  // every wait of the process also ends on close
 *   …
 *   if (admin.closed) return admin.end(view);                      // before the process's own closing transition
 *
 * `awaitHumanStep` registers its open step here, so extending and reassigning work for every human step without
 * further code: extending restarts the reminder ladder from the new due date (fresh message keys, so no old rung
 * fires), reassigning sends STEP_ASSIGNED to the new owner and the remaining reminders go to him. Closing cancels the
 * open human steps (their `finished` predicate includes `admin.closed`), pins the case at status
 * GESLOTEN_DOOR_BEHEER (CaseRecorder.record keeps it there), tells the parents that the school closed the case
 * (CASE_CLOSED: process, last step, date — never the reason), cancels the meetings still to come (MEETING_CANCELLED,
 * with a METHOD:CANCEL calendar entry), and the process ends after its messages are delivered.
 *
 * Replay safety: nothing here produces a command unless an admin update arrives, and no recorded history contains
 * one; the waits only gained `|| admin.closed` / "changed" terms that are false in every existing history. A process
 * that adopts this must keep its own waits' command order unchanged (only add the `admin.closed` term).
 */
import { allHandlersFinished, condition, defineUpdate, setHandler } from '@temporalio/workflow';
import { type DueDate, toIsoDate } from '@zorgroute/domain/logic';
import type { Actor, CaseRecorder } from './case-recorder';
import type { HumanStep } from './human-step';
import { installCalendarUpdate } from './calendar-update';
import { reject, requireIsoDate, requireText } from './step-errors';

export const CLOSED_BY_ADMIN_STATUS = 'GESLOTEN_DOOR_BEHEER';
export const ADMIN_REASON_MIN = 3;
export const ADMIN_REASON_MAX = 1000;

export interface AdminActionInput {
  actor: Actor;
  reason: string;
}

export interface AdminExtendDueDateInput extends AdminActionInput {
  /** YYYY-MM-DD, later than the open step's current due date. */
  newDueDate: string;
}

export interface AdminReassignStepInput extends AdminActionInput {
  newOwnerId: string;
  newOwnerName: string;
}

export interface AdminResendInput extends AdminActionInput {
  /** A delivery key from the delivery log: `<request key>:<recipient id>`. */
  deliveryKey: string;
}

export type AdminCloseCaseInput = AdminActionInput;

/** What an admin update answers (the api then reads the case from the read model). */
export interface AdminActionResult {
  caseId: string;
  status: string;
  seq: number;
}

export const adminExtendDueDate = defineUpdate<AdminActionResult, [AdminExtendDueDateInput]>('adminExtendDueDate');
export const adminReassignStep = defineUpdate<AdminActionResult, [AdminReassignStepInput]>('adminReassignStep');
export const adminResendNotification = defineUpdate<AdminActionResult, [AdminResendInput]>('adminResendNotification');
export const adminCloseCase = defineUpdate<AdminActionResult, [AdminCloseCaseInput]>('adminCloseCase');

/** A human step waiting in `awaitHumanStep`; `step` is that call's own (mutable) copy. */
export interface OpenHumanStep {
  step: HumanStep;
  /** Bumped by every admin change of this step; `awaitHumanStep` restarts its ladder when it changes. */
  version: number;
  /** The rung keys fired for this step so far (state only). */
  fired: Set<string>;
  /** Set by a calendar update: the restarted ladder skips the rungs in `fired` (no reminder twice). */
  skipFired: boolean;
}

export interface ClosedByAdmin {
  actor: Actor;
  reason: string;
  at: string;
}

/** The admin state of one case (held by its CaseRecorder as `rec.admin`). */
export class AdminControl {
  private readonly open = new Map<string, OpenHumanStep>();
  closedBy: ClosedByAdmin | null = null;
  private resends = 0;

  constructor(private readonly rec: CaseRecorder) {}

  /** True once an admin closed the case: every wait of the process must end. */
  get closed(): boolean {
    return this.closedBy !== null;
  }

  /** Called by awaitHumanStep: the step is open until `closeStep`. */
  openStep(step: HumanStep): OpenHumanStep {
    const entry: OpenHumanStep = { step, version: 0, fired: new Set(), skipFired: false };
    this.open.set(step.step, entry);
    return entry;
  }

  /** Every open human step (main and parallel), in opening order. */
  openSteps(): OpenHumanStep[] {
    return [...this.open.values()];
  }

  closeStep(entry: OpenHumanStep): void {
    if (this.open.get(entry.step.step) === entry) this.open.delete(entry.step.step);
  }

  /** The open step an admin acts on: the one the case shows as waiting, else the first open one. */
  current(): OpenHumanStep | null {
    const waiting = this.rec.snapshot.waitingFor;
    return (waiting ? this.open.get(waiting) : undefined) ?? this.open.values().next().value ?? null;
  }

  /** Ends the process after an admin close: messages delivered, running handlers answered. */
  async end<T>(view: () => T): Promise<T> {
    await this.rec.drain();
    await condition(allHandlersFinished);
    return view();
  }

  /** Keeps a closed case closed whatever the process records after the close. */
  pin(): void {
    const c = this.closedBy;
    if (!c) return;
    const s = this.rec.snapshot;
    s.status = CLOSED_BY_ADMIN_STATUS;
    s.outcome = CLOSED_BY_ADMIN_STATUS;
    s.closedAt = s.closedAt ?? c.at;
    s.waitingFor = null;
    s.nextDueDate = null;
    this.rec.stuck.clear();
  }

  nextResend(): number {
    this.resends += 1;
    return this.resends;
  }
}

function requireOpenCase(rec: CaseRecorder): void {
  if (rec.admin?.closed || rec.snapshot.closedAt) reject('CASE_CLOSED', 'Deze casus is al afgesloten', 'This case is already closed');
}

function requireReason(u: AdminActionInput): void {
  requireText(u.reason, 'reden', ADMIN_REASON_MIN, ADMIN_REASON_MAX);
}

function requireActor(u: AdminActionInput): void {
  if (!u.actor || typeof u.actor.id !== 'string' || !u.actor.id) reject('BAD_USER_INPUT', 'Onbekende beheerder', 'Unknown admin');
}

function requireOpenStep(rec: CaseRecorder): OpenHumanStep {
  const open = rec.admin?.current();
  if (!open) reject('STEP_NOT_ALLOWED', 'Er staat geen stap open bij deze casus', 'This case has no open step');
  return open;
}

function result(rec: CaseRecorder): AdminActionResult {
  return { caseId: rec.caseId, status: rec.snapshot.status, seq: rec.snapshot.seq };
}

/**
 * Registers the admin updates on the case of `rec` and returns its AdminControl. Call once, right after the
 * CaseRecorder is made (before the first `awaitHumanStep`).
 */
export interface AdminHandlerOptions {
  /** False for a legal term an admin may not extend (P4). */
  extendDueDate?: boolean;
  /**
   * The latest due date an admin may give the open step, with the Dutch and English reason (e.g. JOS ends at its
   * 5-month cap: a step of the running support cannot be due after it). Null: no limit for this step.
   */
  dueDateLimit?: (step: HumanStep) => { date: string; nl: string; en: string } | null;
}

export function installAdminHandlers(rec: CaseRecorder, options: AdminHandlerOptions = {}): AdminControl {
  const admin = new AdminControl(rec);
  rec.admin = admin;
  const s = rec.snapshot;
  installCalendarUpdate(rec, admin);

  setHandler(
    adminExtendDueDate,
    async (u) => {
      const open = requireOpenStep(rec);
      const previous = open.step.due.date;
      const due: DueDate = {
        date: u.newDueDate,
        rule: 'ADMIN_EXTENSION',
        inputs: { previousDueDate: previous, previousRule: open.step.due.rule, by: u.actor.name ?? u.actor.id ?? '' },
        explanation: `Verlengd door beheer: ${u.reason.trim()} (was ${previous})`,
      };
      open.step.due = due;
      open.version += 1;
      // A fresh ladder from the new date (rungs sent after a calendar update may be sent again for the new date).
      open.skipFired = false;
      if (s.waitingFor === open.step.step) s.nextDueDate = due.date;
      rec.upsertDueDate(open.step.step, due);
      rec.stuck.remove(`OVERDUE:${open.step.step}`);
      await rec.record({
        actorId: u.actor.id,
        actorName: u.actor.name,
        action: 'ADMIN_DUE_DATE_EXTENDED',
        description: `Termijn van "${open.step.label}" verlengd van ${previous} naar ${due.date} door beheer`,
        reason: u.reason.trim(),
        details: { step: open.step.step, previousDueDate: previous, newDueDate: due.date },
      });
      return result(rec);
    },
    {
      validator: (u) => {
        requireActor(u);
        requireOpenCase(rec);
        requireReason(u);
        if (options.extendDueDate === false) {
          reject('STEP_NOT_ALLOWED', 'De termijn van dit proces is wettelijk en kan niet door beheer worden verlengd', 'This process has a legal term that an admin cannot extend');
        }
        requireIsoDate(u.newDueDate, 'nieuwe termijn');
        const open = requireOpenStep(rec);
        if (u.newDueDate <= open.step.due.date) {
          reject('BAD_USER_INPUT', `De nieuwe termijn moet na de huidige termijn (${open.step.due.date}) liggen`, `The new due date must be after the current due date (${open.step.due.date})`);
        }
        const limit = options.dueDateLimit?.(open.step);
        if (limit && u.newDueDate > limit.date) reject('STEP_NOT_ALLOWED', limit.nl, limit.en);
      },
    },
  );

  setHandler(
    adminReassignStep,
    async (u) => {
      const open = requireOpenStep(rec);
      const previous = open.step.ownerUserId;
      open.step.ownerUserId = u.newOwnerId;
      // From now on the step is one person's: reminders go to the new owner, not to a group.
      open.step.recipients = undefined;
      open.version += 1;
      open.skipFired = false;
      if (s.waitingFor === open.step.step) s.ownerUserId = u.newOwnerId;
      rec.addParticipant(u.newOwnerId);
      rec.notifyLater({
        key: `${rec.caseId}:${open.step.step}:${s.seq}:reassigned:${u.newOwnerId}`,
        recipients: { userIds: [u.newOwnerId] },
        kind: 'STEP_ASSIGNED',
        stepLabel: open.step.label,
        dueDate: open.step.due.date,
      });
      await rec.record({
        actorId: u.actor.id,
        actorName: u.actor.name,
        action: 'ADMIN_STEP_REASSIGNED',
        description: `"${open.step.label}" toegewezen aan ${u.newOwnerName}`,
        reason: u.reason.trim(),
        details: { step: open.step.step, previousOwnerId: previous, newOwnerId: u.newOwnerId },
      });
      return result(rec);
    },
    {
      validator: (u) => {
        requireActor(u);
        requireOpenCase(rec);
        requireReason(u);
        requireText(u.newOwnerId, 'nieuwe eigenaar', 1, 64);
        requireText(u.newOwnerName, 'naam nieuwe eigenaar', 1, 200);
        const open = requireOpenStep(rec);
        if (open.step.ownerUserId === u.newOwnerId) reject('BAD_USER_INPUT', 'Deze persoon is al eigenaar van de stap', 'This person already owns the step');
      },
    },
  );

  setHandler(
    adminResendNotification,
    async (u) => {
      const found = rec.requestForDelivery(u.deliveryKey);
      if (!found) reject('BAD_USER_INPUT', 'Dit bericht hoort niet bij deze casus', 'This message does not belong to this case');
      const n = admin.nextResend();
      const { caseId: _c, pupilId: _p, schoolId: _s, ...req } = found.request;
      rec.notifyLater({ ...req, key: `${u.deliveryKey}:resend:${n}`, recipients: { userIds: [found.recipientId] } });
      await rec.record({
        actorId: u.actor.id,
        actorName: u.actor.name,
        action: 'ADMIN_NOTIFICATION_RESENT',
        description: 'Bericht opnieuw verstuurd door beheer',
        reason: u.reason.trim(),
        details: { deliveryKey: u.deliveryKey, resendKey: `${u.deliveryKey}:resend:${n}`, kind: req.kind },
      });
      return result(rec);
    },
    {
      validator: (u) => {
        requireActor(u);
        requireOpenCase(rec);
        requireReason(u);
        requireText(u.deliveryKey, 'bericht', 1, 400);
        if (!rec.requestForDelivery(u.deliveryKey)) {
          reject('BAD_USER_INPUT', 'Dit bericht is niet door deze casus verstuurd en kan niet opnieuw worden verstuurd', 'This message was not sent by this case and cannot be re-sent');
        }
      },
    },
  );

  setHandler(
    adminCloseCase,
    async (u) => {
      const open = admin.current();
      admin.closedBy = { actor: u.actor, reason: u.reason.trim(), at: new Date().toISOString() };
      admin.pin();
      rec.setData({ openSteps: [] });
      // Parents are told after every case (PROCESSES.md: parents informed before and after): that the school closed
      // it, which process, at which step, when. Never the admin's reason: they ask the school.
      const closedOn = toIsoDate(admin.closedBy.at);
      // Invited participants hear that a meeting still to come will not take place (and their calendars drop it).
      rec.cancelPlannedMeetings(Date.parse(admin.closedBy.at));
      rec.notifyLater({
        key: `${rec.caseId}:closed-by-admin:parents`,
        recipients: { parentsOfPupil: rec.snapshot.pupilId },
        kind: 'CASE_CLOSED',
        process: rec.snapshot.process,
        stepLabel: open?.step.label ?? 'Casus afgesloten',
        dueDate: closedOn,
      });
      await rec.record({
        actorId: u.actor.id,
        actorName: u.actor.name,
        action: 'ADMIN_CASE_CLOSED',
        description: open ? `Casus gesloten door beheer; open stap "${open.step.label}" vervalt` : 'Casus gesloten door beheer',
        reason: u.reason.trim(),
        details: { openStep: open?.step.step ?? null },
      });
      return result(rec);
    },
    {
      validator: (u) => {
        requireActor(u);
        requireOpenCase(rec);
        requireReason(u);
      },
    },
  );

  return admin;
}
