/**
 * P1.4 session log: "The coach logs each session within 2 school days" of the weekly session (policy
 * `sessionLogWithinSchoolDays`, sessions every `sessionEveryWeeks` weeks). The session slot is free text ("dinsdag
 * 10:15"), so the due date is counted from the last school day of the session week: the latest day the session can
 * have taken place. The school calendar decides what a session week is worth:
 * - a week that is entirely holiday (or days off) has no session and so nothing to log;
 * - a week that is partly holiday counts, with its last school day as the session's latest date.
 * Pure and deterministic (used inside the P1 workflow).
 */
import { addCalendarDays, assertInteger, assertIsoDate, isoDayOfWeek, isSchoolDay, type IsoDate, type SchoolCalendar } from '../calendar';
import { dueInSchoolDays, type DueDate } from './due-dates';

export interface SessionLogPolicy {
  sessionEveryWeeks: number;
  sessionLogWithinSchoolDays: number;
}

export interface SessionWeek {
  /** 1-based number of the session week in the trajectory. */
  week: number;
  /** First and last calendar day of the session week (both inclusive). */
  from: IsoDate;
  to: IsoDate;
  /** The last school day of the week; null when the week has no school day (no session due). */
  lastSchoolDay: IsoDate | null;
  /** When the session must be logged, with its explanation; null when no session is due. */
  due: DueDate | null;
}

export const SESSION_LOG_RULE = 'P1.sessionLogWithinSchoolDays';

/**
 * Session week `week` (1-based) of a trajectory that runs from `startDate` up to (not including) `endDate`; null when
 * the week starts on or after the end date (not part of the trajectory, or not yet: an extension moves the end date).
 */
export function sessionWeek(startDate: IsoDate, endDate: IsoDate, week: number, cal: SchoolCalendar, policy: SessionLogPolicy): SessionWeek | null {
  assertIsoDate(startDate, 'startDate');
  assertIsoDate(endDate, 'endDate');
  assertInteger(week, 'week');
  if (week < 1) throw new RangeError(`week: expected 1 or more, got ${week}`);
  const length = 7 * policy.sessionEveryWeeks;
  const from = addCalendarDays(startDate, (week - 1) * length);
  if (from >= endDate) return null;
  const fullTo = addCalendarDays(from, length - 1);
  const lastDay = addCalendarDays(endDate, -1);
  const to = fullTo < lastDay ? fullTo : lastDay;
  let lastSchoolDay: IsoDate | null = null;
  for (let d = to; d >= from; d = addCalendarDays(d, -1)) {
    if (isSchoolDay(d, cal)) {
      lastSchoolDay = d;
      break;
    }
  }
  if (lastSchoolDay === null) return { week, from, to, lastSchoolDay, due: null };
  const n = policy.sessionLogWithinSchoolDays;
  const base = dueInSchoolDays(lastSchoolDay, n, cal, SESSION_LOG_RULE);
  return {
    week,
    from,
    to,
    lastSchoolDay,
    due: {
      ...base,
      inputs: { ...base.inputs, week, weekFrom: from, weekTo: to },
      explanation: `Sessie week ${week} (${from} t/m ${to}) vastleggen binnen ${n} ${n === 1 ? 'schooldag' : 'schooldagen'} na de laatste schooldag van die week (${lastSchoolDay}). ${base.explanation}`,
    },
  };
}

/** Whether a session dated inside the session week was logged (attended or not: a missed session is logged too). */
export function sessionLoggedIn(week: Pick<SessionWeek, 'from' | 'to'>, sessions: readonly { date: IsoDate }[]): boolean {
  return sessions.some((s) => s.date >= week.from && s.date <= week.to);
}

/**
 * The date of the session in `week` when sessions are on ISO weekday `weekday` (1 = Monday … 5 = Friday): the day of
 * the week's window with that weekday, or null when the window has no such day or it is not a school day (a holiday
 * week has no session, so no reminder either).
 */
export function sessionDateInWeek(week: SessionWeek, weekday: number, cal: SchoolCalendar): IsoDate | null {
  assertInteger(weekday, 'weekday');
  if (weekday < 1 || weekday > 7) throw new RangeError(`weekday: expected 1-7, got ${weekday}`);
  for (let d = week.from; d <= week.to; d = addCalendarDays(d, 1)) {
    if (isoDayOfWeek(d) === weekday) return isSchoolDay(d, cal) ? d : null;
  }
  return null;
}
