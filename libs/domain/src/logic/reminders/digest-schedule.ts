/**
 * When a school's daily digest goes out (issue 5): at the policy's local time, on school days only when the policy says
 * so. Pure and deterministic (used inside the digest workflow).
 */
import { addCalendarDays, isSchoolDay, type IsoDate, type SchoolCalendar } from '../calendar';
import { instantToMs, SCHOOL_TIME_ZONE, toIsoDate, zonedInstant } from './zoned-time';

export interface DigestSchedule {
  /** Local hour and minute in Europe/Amsterdam. */
  hour: number;
  minute: number;
  /** Skip weekends, holidays and the school's days off. */
  schoolDaysOnly: boolean;
}

export interface DigestMoment {
  /** The local calendar date of the digest; part of each digest's delivery key. */
  date: IsoDate;
  /** UTC ISO instant at which it goes out. */
  at: string;
}

/** Longest run of days without a digest we look through (a zomervakantie plus margin). */
const MAX_LOOKAHEAD_DAYS = 400;

/**
 * The first digest moment strictly after `nowMs`: today at the digest time if that is still ahead (and today counts),
 * otherwise the next day that counts.
 */
export function nextDigestMoment(nowMs: number, schedule: DigestSchedule, cal: SchoolCalendar): DigestMoment {
  if (!Number.isFinite(nowMs)) throw new RangeError(`nowMs: expected finite epoch milliseconds, got ${nowMs}`);
  let date = toIsoDate(nowMs, SCHOOL_TIME_ZONE);
  for (let i = 0; i <= MAX_LOOKAHEAD_DAYS; i++) {
    if (!schedule.schoolDaysOnly || isSchoolDay(date, cal)) {
      const at = zonedInstant(date, schedule.hour, schedule.minute, SCHOOL_TIME_ZONE);
      if (instantToMs(at) > nowMs) return { date, at };
    }
    date = addCalendarDays(date, 1);
  }
  throw new RangeError(`Geen digestmoment binnen ${MAX_LOOKAHEAD_DAYS} dagen (no digest moment within ${MAX_LOOKAHEAD_DAYS} days)`);
}
