import type { CaseSummaryEntity } from '@zorgroute/domain';

/**
 * Whether a due date of a case still runs (issue 17.5): the read model keeps the dates a process recorded (the first
 * zorgplicht term stays after an extension; the end date of a trajectory after it ended), so the case page must not
 * count down to a term that was met or replaced.
 * - OPEN: still running (the page shows the countdown);
 * - DONE: met — the case is closed, or the decision the term was for has been taken;
 * - REPLACED: another date took its place (the first zorgplicht term after the extension).
 */
export type DueDateState = 'OPEN' | 'DONE' | 'REPLACED';

export function dueDateStates<T extends { step: string }>(row: Pick<CaseSummaryEntity, 'process' | 'closedAt' | 'data'>, dues: readonly T[]): { due: T; state: DueDateState }[] {
  const data = (row.data ?? {}) as { decision?: unknown; clock?: { extended?: boolean } };
  return dues.map((due) => {
    if (row.closedAt) return { due, state: 'DONE' };
    if (row.process === 'ZORGPLICHT') {
      if (data.decision != null && (due.step === 'FIRST_TERM' || due.step === 'TEN_WEEK_MARK')) return { due, state: 'DONE' };
      if (data.clock?.extended === true && due.step === 'FIRST_TERM') return { due, state: 'REPLACED' };
    }
    return { due, state: 'OPEN' };
  });
}
