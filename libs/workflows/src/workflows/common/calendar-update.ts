/**
 * A running case takes a new school calendar (issue 13 item 6: the holiday data of a school year arrived after the case
 * started, or the school's own days off changed). A case reads its calendar once, at its start (`loadCaseContext`), so
 * without this its due dates keep counting the vacations of a school year without holiday data as school days.
 *
 * The `useSchoolCalendar` update (installed with the admin updates, so every process has it) replaces the case's
 * calendar and, for every open human step:
 * - recomputes its due date from the inputs of the rule that made it (`start` + `schoolDays`, or `start` + `weeks`
 *   with the zomervakantie suspending the term), keeping what a process added to the explanation; a due date that was
 *   not counted on the calendar (a fixed date, an admin's extension, a composed term) keeps its date;
 * - re-flags it: a due date or its reminders still reaching into a school year without holiday data keeps saying so;
 * - restarts its reminder ladder from the (new) due date with fresh keys (the admin version, as an extension does),
 *   without sending a rung again that was already sent for this step; the stuck mark goes when the new ladder's stuck
 *   rung is still to come (and then it may come again).
 * The calendar is the update's argument (the api builds it as `loadCaseContext` does), so it is part of the history.
 * Processes read `rec.context.calendar` at each computation, so later due dates count on the new calendar too.
 *
 * Timeline: CALENDAR_UPDATED_DUE_DATES_MOVED when a due date moved (the due dates are seen by everyone who sees the
 * case, so is why they moved), CALENDAR_UPDATED (the school's) when none did.
 *
 * Idempotent: a calendar equal to the one the case counts on (`calendarKey`) changes nothing and records nothing, so
 * sending it twice (a retried import, the button pressed again) gives one timeline entry and one ladder restart.
 *
 * Replay safety: a new update (not in any release yet); the recorded history with one
 * (ondersteuningstraject-schoolkalender-bijgewerkt.json) sends a different calendar; without it nothing here runs.
 */
import { defineUpdate, setHandler } from '@temporalio/workflow';
import {
  assertDateRange,
  dueInCalendarWeeks,
  dueInSchoolDays,
  REGIONS,
  reminderLadder,
  withoutHolidayDataSentence,
  type DueDate,
  type SchoolCalendar,
} from '@zorgroute/domain/logic';
import type { AdminActionResult, AdminControl } from './admin-actions';
import type { Actor, CaseRecorder } from './case-recorder';
import { REMINDERS_WHAT, remindersFlagged } from './human-step';
import { reject, requireText } from './step-errors';

export interface UseSchoolCalendarInput {
  actor: Actor;
  /** The school's calendar now (regional holidays bundled and imported, its own days off). */
  calendar: SchoolCalendar;
  /** Why, for the audit (e.g. "Vakantiegegevens 2028-2029 geïmporteerd"). */
  reason: string;
}

/** The admin answer, with how many open steps' due dates moved. */
export interface UseSchoolCalendarResult extends AdminActionResult {
  movedSteps: number;
  /** The case already counted on this calendar: nothing changed and nothing was recorded (a calendar sent again). */
  unchanged: boolean;
}

export const useSchoolCalendar = defineUpdate<UseSchoolCalendarResult, [UseSchoolCalendarInput]>('useSchoolCalendar');

export const CALENDAR_UPDATED = 'CALENDAR_UPDATED';
export const CALENDAR_UPDATED_DUE_DATES_MOVED = 'CALENDAR_UPDATED_DUE_DATES_MOVED';

/** The due date as its rule computes it on `cal` (without additions), or null when it is not counted on a calendar. */
function baseDue(due: DueDate, cal: SchoolCalendar): DueDate | null {
  const { start, schoolDays, weeks, suspendSummerHoliday, region } = due.inputs;
  if (typeof start !== 'string') return null;
  try {
    if (typeof schoolDays === 'number' && typeof region === 'string') return dueInSchoolDays(start, schoolDays, cal, due.rule);
    if (typeof weeks === 'number' && suspendSummerHoliday === true) return dueInCalendarWeeks(start, weeks, due.rule, { suspendSummerHoliday: true, cal });
  } catch {
    return null;
  }
  return null;
}

/** `due` without the sentence its reminders' flag added (awaitHumanStep), when it ends with it. */
function withoutRemindersFlag(due: DueDate, baseYears: readonly string[]): string {
  const years = (due.withoutHolidayData ?? []).filter((y) => !baseYears.includes(y));
  const sentence = years.length ? ` ${withoutHolidayDataSentence(years, REMINDERS_WHAT)}` : '';
  return sentence && due.explanation.endsWith(sentence) ? due.explanation.slice(0, -sentence.length) : due.explanation;
}

/**
 * The open step's due date on the new calendar (before its reminders are flagged): recomputed when its rule counts on
 * the calendar and the old calendar gives exactly the date it has; else the date it has, without the old reminders'
 * flag (the reminders are flagged again on the new calendar).
 */
export function dueOnNewCalendar(due: DueDate, oldCal: SchoolCalendar, cal: SchoolCalendar): DueDate {
  const oldBase = baseDue(due, oldCal);
  if (oldBase && oldBase.date === due.date && due.explanation.startsWith(oldBase.explanation)) {
    const newBase = baseDue(due, cal) as DueDate;
    const rest = withoutRemindersFlag(due, oldBase.withoutHolidayData ?? []);
    // What a process added to the explanation (e.g. "Antwoorden kan tot en met …") stays after the new base.
    return { ...newBase, explanation: `${newBase.explanation}${rest.slice(oldBase.explanation.length)}` };
  }
  const rest = withoutRemindersFlag(due, []);
  if (rest === due.explanation) return due;
  const { withoutHolidayData: _w, ...inputs } = due.inputs;
  const { withoutHolidayData: _y, ...plain } = due;
  return { ...plain, inputs, explanation: rest };
}

/** The calendar as one comparable string: the same region, holidays, days off and school years give the same key. */
export function calendarKey(cal: SchoolCalendar): string {
  const ranges = (rs: readonly { from: string; to: string; name: string }[]) => rs.map((r) => `${r.from}/${r.to}/${r.name}`).sort();
  return JSON.stringify([cal.region, ranges(cal.holidays), ranges(cal.daysOff), [...(cal.schoolYears ?? [])].sort()]);
}

function badCalendar(): never {
  return reject('BAD_USER_INPUT', 'Ongeldige schoolkalender', 'Invalid school calendar');
}

function requireCalendar(cal: unknown): void {
  if (!cal || typeof cal !== 'object') badCalendar();
  const c = cal as Partial<SchoolCalendar>;
  if (!REGIONS.includes(c.region as SchoolCalendar['region']) || !Array.isArray(c.holidays) || !Array.isArray(c.daysOff)) badCalendar();
  if (c.schoolYears !== undefined && (!Array.isArray(c.schoolYears) || c.schoolYears.some((y) => typeof y !== 'string'))) badCalendar();
  try {
    [...c.holidays, ...c.daysOff].forEach((r) => assertDateRange(r));
  } catch {
    badCalendar();
  }
}

interface MovedStep {
  step: string;
  label: string;
  previousDueDate: string;
  newDueDate: string;
}

/** Registers `useSchoolCalendar` on the case of `rec` (called by installAdminHandlers). */
export function installCalendarUpdate(rec: CaseRecorder, admin: AdminControl): void {
  const s = rec.snapshot;
  setHandler(
    useSchoolCalendar,
    async (u) => {
      const old = rec.context.calendar;
      // Sent again (a retried import, the button pressed twice): no second timeline entry, no ladder restart.
      if (calendarKey(u.calendar) === calendarKey(old)) return { caseId: rec.caseId, status: s.status, seq: s.seq, movedSteps: 0, unchanged: true };
      rec.context.calendar = u.calendar;
      const moved: MovedStep[] = [];
      for (const open of admin.openSteps()) {
        const step = open.step;
        const previous = step.due.date;
        const due = remindersFlagged(rec, dueOnNewCalendar(step.due, old, u.calendar));
        step.due = due;
        open.version += 1;
        open.skipFired = true;
        if (s.waitingFor === step.step) s.nextDueDate = due.date;
        rec.upsertDueDate(step.step, due);
        const stuckRung = reminderLadder(due.date, rec.context.policies.ladder, u.calendar).find((r) => r.kind === 'STUCK');
        if (stuckRung && Date.parse(stuckRung.at) > Date.now()) {
          // Not overdue that long on the new calendar: not stuck now, and stuck again only when its new rung comes.
          rec.stuck.remove(`OVERDUE:${step.step}`);
          open.fired.delete(stuckRung.key);
        }
        if (due.date !== previous) moved.push({ step: step.step, label: step.label, previousDueDate: previous, newDueDate: due.date });
      }
      const years = (u.calendar.schoolYears ?? []).filter((y) => !(old.schoolYears ?? []).includes(y));
      const what = `Schoolkalender bijgewerkt${years.length ? ` met de vakantiegegevens van ${years.join(', ')}` : ''}`;
      await rec.record({
        actorId: u.actor.id,
        actorName: u.actor.name,
        action: moved.length ? CALENDAR_UPDATED_DUE_DATES_MOVED : CALENDAR_UPDATED,
        description: moved.length
          ? `${what}: ${moved.map((m) => `termijn van "${m.label}" van ${m.previousDueDate} naar ${m.newDueDate}`).join('; ')}`
          : `${what}; geen termijn verschoven`,
        reason: u.reason.trim(),
        details: { addedSchoolYears: years, movedSteps: moved.map(({ label: _l, ...m }) => m) },
      });
      return { caseId: rec.caseId, status: s.status, seq: s.seq, movedSteps: moved.length, unchanged: false };
    },
    {
      validator: (u) => {
        if (!u.actor || (u.actor.id !== null && typeof u.actor.id !== 'string')) reject('BAD_USER_INPUT', 'Onbekende beheerder', 'Unknown admin');
        if (admin.closed || s.closedAt) reject('CASE_CLOSED', 'Deze casus is al afgesloten', 'This case is already closed');
        requireText(u.reason, 'reden', 3, 1000);
        requireCalendar(u.calendar);
      },
    },
  );
}
