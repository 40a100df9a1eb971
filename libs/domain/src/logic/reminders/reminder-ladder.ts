/**
 * The reminder ladder of a human step (PROCESSES.md, cross-cutting rule 1): reminders to the owner before and on the
 * due date and then every few school days, the zorgcoördinator told at the escalation threshold, and the case stuck
 * at the stuck threshold. Every rung has a stable key, so that delivery can be made at most once per
 * (case, step, rung) (rule 5).
 */
import { addSchoolDays, assertIsoDate, type IsoDate, type SchoolCalendar } from '../calendar';
import { instantToMs, SCHOOL_TIME_ZONE, zonedInstant } from './zoned-time';

export interface LadderPolicy {
  /** Reminders to the owner this many school days before the due date (default [2]). */
  remindBeforeSchoolDays: number[];
  /** A reminder on the due date itself (default true). */
  remindOnDueDate: boolean;
  /** After the due date, a reminder every this many school days while the step is open, until stuck (default 2). */
  repeatEverySchoolDays: number;
  /** School days overdue at which the zorgcoördinator is told (default 3). */
  escalateAfterSchoolDays: number;
  /** School days overdue at which the case counts as stuck (default 10). */
  stuckAfterSchoolDays: number;
  /** Local time (Europe/Amsterdam) at which the ladder's messages go out (default 08:00). */
  sendAtHour: number;
  sendAtMinute: number;
}

/** The default ladder of PROCESSES.md rule 1 (frozen: copy it to change it). */
export const DEFAULT_LADDER: LadderPolicy = Object.freeze({
  remindBeforeSchoolDays: Object.freeze([2]) as number[],
  remindOnDueDate: true,
  repeatEverySchoolDays: 2,
  escalateAfterSchoolDays: 3,
  stuckAfterSchoolDays: 10,
  sendAtHour: 8,
  sendAtMinute: 0,
});

export type RungKind = 'REMINDER' | 'ESCALATION' | 'STUCK';

export interface Rung {
  /** Stable within a ladder: `before-2`, `due`, `after-2`, `escalate-3`, `stuck-10`, … */
  key: string;
  kind: RungKind;
  /** School days relative to the due date: negative before, 0 on, positive overdue. */
  offsetSchoolDays: number;
  /** The school day on which the rung fires. */
  date: IsoDate;
  /** UTC ISO instant of `date` at the policy's send time in Europe/Amsterdam. */
  at: string;
}

const KIND_ORDER: Record<RungKind, number> = { REMINDER: 0, ESCALATION: 1, STUCK: 2 };

/**
 * All rungs of the ladder for a step due on `due`, sorted by `at` (ties: by offset, then reminder before escalation
 * before stuck). Rung dates are school days: offset 0 is the due date, or the next school day when the due date is
 * not a school day; offset k is `addSchoolDays(due, k)`. Past rungs are kept: the caller skips them (see
 * {@link rungsAfter}).
 *
 * - `before-b` for each b in `remindBeforeSchoolDays` (duplicates and non-positive values are ignored);
 * - `due` when `remindOnDueDate`;
 * - `after-k` for k = r, 2r, … strictly below `stuckAfterSchoolDays` (r = `repeatEverySchoolDays`; none when r ≤ 0);
 * - `escalate-e` and `stuck-s` at their offsets. A reminder and an escalation on the same day are both kept.
 */
export function reminderLadder(due: IsoDate, policy: LadderPolicy, cal: SchoolCalendar): Rung[] {
  assertIsoDate(due, 'due');
  const specs: { key: string; kind: RungKind; offset: number }[] = [];
  const before = [...new Set(policy.remindBeforeSchoolDays)].filter((b) => Number.isInteger(b) && b > 0);
  for (const b of before) specs.push({ key: `before-${b}`, kind: 'REMINDER', offset: -b });
  if (policy.remindOnDueDate) specs.push({ key: 'due', kind: 'REMINDER', offset: 0 });
  const repeat = policy.repeatEverySchoolDays;
  if (Number.isInteger(repeat) && repeat > 0) {
    for (let k = repeat; k < policy.stuckAfterSchoolDays; k += repeat) {
      specs.push({ key: `after-${k}`, kind: 'REMINDER', offset: k });
    }
  }
  specs.push({ key: `escalate-${policy.escalateAfterSchoolDays}`, kind: 'ESCALATION', offset: policy.escalateAfterSchoolDays });
  specs.push({ key: `stuck-${policy.stuckAfterSchoolDays}`, kind: 'STUCK', offset: policy.stuckAfterSchoolDays });

  const rungs = specs.map(({ key, kind, offset }): Rung => {
    const date = addSchoolDays(due, offset, cal);
    return {
      key,
      kind,
      offsetSchoolDays: offset,
      date,
      at: zonedInstant(date, policy.sendAtHour, policy.sendAtMinute, SCHOOL_TIME_ZONE),
    };
  });
  return rungs.sort(
    (a, b) =>
      instantToMs(a.at) - instantToMs(b.at) ||
      a.offsetSchoolDays - b.offsetSchoolDays ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
  );
}

/**
 * The rungs that are not yet in the past at `nowMs`: those with `at >= nowMs`, in their original order. A rung exactly
 * at `nowMs` is kept, because sending it twice is harmless (delivery is deduplicated by key) and skipping it is not.
 */
export function rungsAfter(rungs: Rung[], nowMs: number): Rung[] {
  if (!Number.isFinite(nowMs)) throw new RangeError(`nowMs: expected finite epoch milliseconds, got ${nowMs}`);
  return rungs.filter((rung) => instantToMs(rung.at) >= nowMs);
}
