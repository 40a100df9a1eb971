import { condition } from '@temporalio/workflow';
import { flagWithoutHolidayData, reminderLadder, rungsAfter, type DueDate, type Rung } from '@zorgroute/domain/logic';
import type { NotifyRequest, RecipientSpec } from '../../activities/case-activities.types';
import type { CaseRecorder } from './case-recorder';
import { STUCK_PRIORITY } from './stuck-reasons';

export interface HumanStep {
  /** Machine name, e.g. RECORD_INTAKE; also the key of its messages. */
  step: string;
  /** Dutch label for people, e.g. "Intakegesprek vastleggen". */
  label: string;
  ownerUserId: string | null;
  due: DueDate;
  /**
   * Who is told and reminded when the step is not one person's (e.g. the SWV loket, `{ swvLoketOfSchool }`); default
   * the owner. The zorgcoördinator still gets the escalation.
   */
  recipients?: RecipientSpec;
}

export type StepResult = 'DONE' | 'CANCELLED';

export interface HumanStepOptions {
  /**
   * A step open next to the process's main step (e.g. P1's weekly session log during ACTIEF). It never takes the
   * case's `waitingFor` from the main step: the CaseRecorder shows it as the case's open step (owner, due date) only
   * while no main step waits (`CaseRecorder.openSideStep`). Its due date is removed from the case when it ends, it
   * marks the case stuck only when the case is not stuck already, and it clears only its own stuck reason.
   */
  parallel?: boolean;
  /**
   * Only the rungs after the due date: no STEP_ASSIGNED message and no reminder before or on the due date, so a step
   * done in time sends nothing (e.g. a session logged within its window).
   */
  onlyWhenOverdue?: boolean;
  /**
   * The owner's first message, when it is not a plain new task (STEP_ASSIGNED): e.g. a referral sent back to its
   * referrer (REFERRAL_RETURNED, with the parts of the form still empty). Same key, so still sent once.
   */
  assigned?: Pick<NotifyRequest, 'kind' | 'missingParts'>;
  /**
   * Called once the step is open, before its first record: a process whose open steps follow from its open side steps
   * (P1's tussenevaluatie) copies them into the read model's data here, so the case page offers the step at once.
   * State only (no command).
   */
  onOpen?: () => void;
}

/**
 * Waits for a human step (cross-cutting rule 1): the step is shown as open with its owner and due
 * date, the owner is told, and the reminder ladder runs until `isDone()` becomes true: reminders
 * before and on the due date and every few school days after it, the zorgcoördinator told at the
 * escalation threshold, and the case marked stuck at the stuck threshold (it keeps waiting).
 * `isCancelled()` ends the wait early (e.g. the trajectory was stopped).
 * Each rung's message has a stable key (case, step, rung), so it is sent at most once.
 */
export async function awaitHumanStep(
  rec: CaseRecorder,
  humanStep: HumanStep,
  isDone: () => boolean,
  isCancelled: () => boolean = () => false,
  options: HumanStepOptions = {},
): Promise<StepResult> {
  // This call's own copy: an admin may change its due date or owner while it is open (admin-actions.ts).
  const step: HumanStep = { ...humanStep, due: remindersFlagged(rec, humanStep.due) };
  const admin = rec.admin;
  const s = rec.snapshot;
  const finished = () => isDone() || isCancelled() || (admin?.closed ?? false);
  const parallel = options.parallel === true;
  const done = () => settle(rec, isDone, step, parallel);
  if (parallel) {
    rec.openSideStep(step);
  } else {
    s.waitingFor = step.step;
    s.nextDueDate = step.due.date;
    s.ownerUserId = step.ownerUserId;
  }
  rec.addParticipant(step.ownerUserId);
  rec.upsertDueDate(step.step, step.due);
  options.onOpen?.();
  await rec.record();
  if (finished()) return done();

  const keyBase = `${rec.caseId}:${step.step}:${s.seq}`;
  if (options.onlyWhenOverdue) {
    // Silent until the due date has passed: the ladder's overdue rungs are its first messages.
  } else if (step.recipients) {
    rec.notifyLater({ key: `${keyBase}:assigned`, recipients: step.recipients, kind: 'STEP_ASSIGNED', stepLabel: step.label, dueDate: step.due.date });
  } else if (step.ownerUserId) {
    rec.notifyLater({ key: `${keyBase}:assigned`, recipients: { userIds: [step.ownerUserId] }, kind: 'STEP_ASSIGNED', stepLabel: step.label, dueDate: step.due.date, ...options.assigned });
  }

  const open = admin?.openStep(step);
  const fire = async (rung: Rung, base: string) => {
    await fireRung(rec, step, rung, base);
    // State only (no command): a calendar update restarts the ladder without repeating these (calendar-update.ts).
    open?.fired.add(rung.key);
  };
  try {
    await catchUpPastRungs(step, keyBase, options, rec, fire);
    if (finished()) return await done();
    // Without admin changes this is exactly one pass of the ladder (the command order of recorded histories).
    let version = open?.version ?? 0;
    const changed = () => (open?.version ?? 0) !== version;
    let rungKeyBase = keyBase;
    for (;;) {
      let restart = false;
      const ladder = reminderLadder(step.due.date, rec.context.policies.ladder, rec.context.calendar);
      for (const rung of rungsAfter(ladder, Date.now())) {
        if (options.onlyWhenOverdue && rung.offsetSchoolDays <= 0) continue;
        // After a calendar update (never in a history without one) a rung already sent is not sent again.
        if (open?.skipFired && open.fired.has(rung.key)) continue;
        const wait = Date.parse(rung.at) - Date.now();
        if (await condition(() => finished() || changed(), Math.max(wait, 1))) {
          if (finished()) return await done();
          restart = true;
          break;
        }
        await fire(rung, rungKeyBase);
      }
      if (!restart) {
        await condition(() => finished() || changed());
        if (finished()) return await done();
      }
      // An admin extended the due date or gave the step another owner, or the case took a new school calendar: the ladder
      // starts again from the (new) due date, with fresh keys, so the rungs before now do not fire again and the new
      // ones are not taken for sent.
      version = open?.version ?? 0;
      rungKeyBase = `${keyBase}:admin${version}`;
    }
  } finally {
    if (open) admin?.closeStep(open);
  }
}

/**
 * A step that opens already overdue (e.g. an aanmelding registered weeks after it was received, or a case started
 * with back-dated inputs) is at once what its ladder says it is by now: the zorgcoördinator is told if the escalation
 * threshold has passed and the case is stuck if the stuck threshold has. Earlier reminders are not sent late (the
 * owner got the assignment). Same keys as the ladder, so nothing goes out twice.
 */
async function catchUpPastRungs(step: HumanStep, keyBase: string, options: HumanStepOptions, rec: CaseRecorder, fire: (rung: Rung, keyBase: string) => Promise<void>): Promise<void> {
  const ladder = reminderLadder(step.due.date, rec.context.policies.ladder, rec.context.calendar);
  const past = ladder.filter((r) => Date.parse(r.at) < Date.now() && (!options.onlyWhenOverdue || r.offsetSchoolDays > 0));
  const latest = (kind: Rung['kind']) => past.filter((r) => r.kind === kind).at(-1);
  const due = [latest('ESCALATION'), latest('STUCK')].filter((r): r is Rung => r !== undefined);
  if (due.length === 0) return;
  for (const rung of due) await fire(rung, keyBase);
}

async function settle(rec: CaseRecorder, isDone: () => boolean, step: HumanStep, parallel: boolean): Promise<StepResult> {
  const s = rec.snapshot;
  // Its own overdue no longer holds; another reason (a parallel step still overdue, a message failing) may.
  rec.stuck.remove(`OVERDUE:${step.step}`);
  if (parallel) {
    rec.closeSideStep(step.step);
    rec.removeDueDate(step.step);
    return isDone() ? 'DONE' : 'CANCELLED';
  }
  s.waitingFor = null;
  s.nextDueDate = null;
  return isDone() ? 'DONE' : 'CANCELLED';
}

async function fireRung(rec: CaseRecorder, step: HumanStep, rung: Rung, keyBase: string): Promise<void> {
  const key = `${keyBase}:${rung.key}`;
  const zc = rec.context.zorgcoordinatorId;
  const offsetSchoolDays = rung.offsetSchoolDays;
  const daysOverdue = Math.max(0, offsetSchoolDays);
  switch (rung.kind) {
    case 'REMINDER':
      if (step.recipients) {
        rec.notifyLater({ key, recipients: step.recipients, kind: 'STEP_REMINDER', stepLabel: step.label, dueDate: step.due.date, offsetSchoolDays, rung: rung.key });
      } else if (step.ownerUserId) {
        // The owner may have changed while the step is open (e.g. another coach): remind the current one.
        const owner = rec.snapshot.waitingFor === step.step && rec.snapshot.ownerUserId ? rec.snapshot.ownerUserId : step.ownerUserId;
        rec.notifyLater({ key, recipients: { userIds: [owner] }, kind: 'STEP_REMINDER', stepLabel: step.label, dueDate: step.due.date, offsetSchoolDays, rung: rung.key });
      }
      return;
    case 'ESCALATION':
      if (zc) {
        rec.notifyLater({ key, recipients: { userIds: [zc] }, kind: 'STEP_ESCALATION', stepLabel: step.label, dueDate: step.due.date, offsetSchoolDays, ownerUserId: step.ownerUserId });
      }
      await rec.record({ actorId: null, actorName: 'Zorgroute', action: 'STEP_ESCALATED', description: `${step.label}: ${daysOverdue} schooldagen te laat, zorgcoördinator geïnformeerd` });
      return;
    case 'STUCK':
      // A parallel step never hides the stuck reason of the main step (StuckReasons' priorities).
      rec.stuck.add(`OVERDUE:${step.step}`, rec.hasSideStep(step.step) ? STUCK_PRIORITY.SIDE_STEP : STUCK_PRIORITY.STEP);
      if (zc) {
        rec.notifyLater({ key, recipients: { userIds: [zc] }, kind: 'CASE_STUCK', stepLabel: step.label, dueDate: step.due.date, offsetSchoolDays, ownerUserId: step.ownerUserId });
      }
      await rec.record({ actorId: null, actorName: 'Zorgroute', action: 'CASE_STUCK', description: `Vastgelopen: ${step.label} is ${daysOverdue} schooldagen te laat` });
      return;
  }
}

/** How the flag of the reminders (not the date itself) counted without holiday data names them. */
export const REMINDERS_WHAT = 'De herinneringen bij deze datum zijn';

/**
 * The reminders after a due date (up to the stuck rung) are counted in school days too: when they reach into a school
 * year without holiday data the due date says so, like a due date counted across one (`flagWithoutHolidayData`).
 * Pure (data only): no command changes.
 */
export function remindersFlagged(rec: CaseRecorder, due: DueDate): DueDate {
  const dates = reminderLadder(due.date, rec.context.policies.ladder, rec.context.calendar).map((r) => r.date).sort();
  const [first, last] = [dates[0], dates.at(-1)];
  return first && last ? flagWithoutHolidayData(due, rec.context.calendar, first < due.date ? first : due.date, last, REMINDERS_WHAT) : due;
}
