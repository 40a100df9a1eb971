import { type CaseSummaryFieldsFragment as CaseSummary, type ProcessType } from '../../gql/graphql';
import { addDays } from '../../shared/dates';

type CaseLike = Pick<CaseSummary, 'closedAt' | 'nextDueDate' | 'stuck' | 'process'> & Partial<Pick<CaseSummary, 'waitingFor' | 'status'>>;

export function isOpen(c: Pick<CaseSummary, 'closedAt'>): boolean {
  return !c.closedAt;
}

export function isOverdue(c: Pick<CaseSummary, 'closedAt' | 'nextDueDate'>, today: string): boolean {
  return isOpen(c) && !!c.nextDueDate && c.nextDueDate < today;
}

/** Statuses in which a case waits for a parent's (or pupil's) consent or signature. */
const CONSENT_STATUSES = new Set(['HANDTEKENING_OUDERS', 'TOESTEMMING_ZAT']);

/** The case waits for a consent answer (a CONSENT_* step, or a consent status). */
export function isWaitingForConsent(c: Partial<Pick<CaseSummary, 'waitingFor' | 'status' | 'closedAt'>>): boolean {
  return !c.closedAt && (!!c.waitingFor?.startsWith('CONSENT_') || CONSENT_STATUSES.has(c.status ?? ''));
}

export function isDueThisWeek(c: Pick<CaseSummary, 'closedAt' | 'nextDueDate'>, today: string): boolean {
  return isOpen(c) && !!c.nextDueDate && c.nextDueDate >= today && c.nextDueDate <= addDays(today, 6);
}

export interface CaseMetrics {
  open: number;
  /** Open cases whose next due date falls in the coming seven days (today included). */
  dueThisWeek: number;
  overdue: number;
  stuck: number;
  waitingForConsent: number;
}

export function computeCaseMetrics(cases: readonly CaseLike[], today: string): CaseMetrics {
  const weekEnd = addDays(today, 6);
  const open = cases.filter(isOpen);
  return {
    open: open.length,
    dueThisWeek: open.filter((c) => !!c.nextDueDate && c.nextDueDate >= today && c.nextDueDate <= weekEnd).length,
    overdue: open.filter((c) => isOverdue(c, today)).length,
    stuck: open.filter((c) => c.stuck).length,
    waitingForConsent: open.filter((c) => isWaitingForConsent(c)).length,
  };
}

export interface CaseFilters {
  process: ProcessType | null;
  overdue: boolean;
  stuck: boolean;
  showClosed: boolean;
  dueThisWeek?: boolean;
  waitingForConsent?: boolean;
}

export const NO_FILTERS: CaseFilters = { process: null, overdue: false, stuck: false, showClosed: false, dueThisWeek: false, waitingForConsent: false };

export function filterCases<T extends CaseLike>(cases: readonly T[], filters: CaseFilters, today: string): T[] {
  return cases.filter(
    (c) =>
      (filters.showClosed || isOpen(c)) &&
      (!filters.process || c.process === filters.process) &&
      (!filters.overdue || isOverdue(c, today)) &&
      (!filters.stuck || c.stuck) &&
      (!filters.dueThisWeek || isDueThisWeek(c, today)) &&
      (!filters.waitingForConsent || isWaitingForConsent(c)),
  );
}

export type SortDirection = 'asc' | 'desc';

/** Sorted by next due date; cases without a due date always come last. */
export function sortByDueDate<T extends Pick<CaseSummary, 'nextDueDate' | 'id'>>(cases: readonly T[], direction: SortDirection): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...cases].sort((a, b) => {
    if (!a.nextDueDate && !b.nextDueDate) return a.id.localeCompare(b.id);
    if (!a.nextDueDate) return 1;
    if (!b.nextDueDate) return -1;
    const byDate = a.nextDueDate.localeCompare(b.nextDueDate) * sign;
    return byDate !== 0 ? byDate : a.id.localeCompare(b.id);
  });
}
