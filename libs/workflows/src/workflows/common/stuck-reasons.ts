/**
 * Why a case is stuck (PROCESSES.md cross-cutting rule 6), kept in one place: every part of a process adds its own
 * reason when it gets stuck and removes it when it no longer is; the case is stuck while any reason holds, and shows
 * the most important one. No other code writes `stuck`/`stuckReason`.
 *
 * Importance: a step of the process overdue or a consent request timed out (the latest of these), then a parallel
 * step overdue (e.g. an unlogged P1 session: it never hides the main step's reason), then a message failing.
 */
import type { CaseSnapshot } from '@zorgroute/domain';

export const STUCK_PRIORITY = {
  /** An e-mail that keeps failing past the threshold (rule 6b). */
  MAIL: 1,
  /** A parallel step past its stuck threshold. */
  SIDE_STEP: 2,
  /** The process's step past its stuck threshold, or a consent request that timed out (rules 6a, 6d). */
  STEP: 3,
} as const;

export type StuckPriority = (typeof STUCK_PRIORITY)[keyof typeof STUCK_PRIORITY];

export class StuckReasons {
  private readonly active = new Map<string, { priority: StuckPriority; order: number }>();
  private added = 0;

  constructor(private readonly snapshot: Pick<CaseSnapshot, 'stuck' | 'stuckReason'>) {}

  /** The case is stuck for this reason (again: it becomes the latest of its importance). */
  add(reason: string, priority: StuckPriority): void {
    this.active.delete(reason);
    this.active.set(reason, { priority, order: ++this.added });
    this.apply();
  }

  /** This reason no longer holds (nothing happens when it did not). */
  remove(reason: string): void {
    if (this.active.delete(reason)) this.apply();
  }

  /** Removes every reason that starts with `prefix` (e.g. all MAIL_FAILING reasons). */
  removePrefix(prefix: string): void {
    let changed = false;
    for (const reason of [...this.active.keys()]) if (reason.startsWith(prefix)) changed = this.active.delete(reason) || changed;
    if (changed) this.apply();
  }

  /** No reason holds any more (e.g. the case was closed by an admin). */
  clear(): void {
    this.active.clear();
    this.apply();
  }

  has(reason: string): boolean {
    return this.active.has(reason);
  }

  /** The reason the case shows: the most important, the latest among equals. */
  get shown(): string | null {
    let top: { reason: string; priority: number; order: number } | null = null;
    for (const [reason, r] of this.active) {
      if (!top || r.priority > top.priority || (r.priority === top.priority && r.order > top.order)) top = { reason, ...r };
    }
    return top?.reason ?? null;
  }

  private apply(): void {
    const shown = this.shown;
    this.snapshot.stuck = shown !== null;
    this.snapshot.stuckReason = shown;
  }
}
