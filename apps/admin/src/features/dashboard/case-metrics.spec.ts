import { makeCase } from '../../test-utils/fixtures';
import { computeCaseMetrics, filterCases, NO_FILTERS } from './case-metrics';

describe('case metrics', () => {
  const today = '2026-11-20';
  const cases = [
    makeCase({ id: 'today', nextDueDate: '2026-11-20' }),
    makeCase({ id: 'in-6-days', nextDueDate: '2026-11-26' }),
    makeCase({ id: 'in-7-days', nextDueDate: '2026-11-27' }),
    makeCase({ id: 'late', nextDueDate: '2026-11-19', stuck: true }),
    makeCase({ id: 'closed-late', nextDueDate: '2026-11-01', stuck: true, closedAt: '2026-11-02T10:00:00Z' }),
    makeCase({ id: 'no-date', nextDueDate: null }),
  ];

  it('counts open, due within seven days, overdue and stuck cases; closed cases never count', () => {
    expect(computeCaseMetrics(cases, today)).toEqual({ open: 5, dueThisWeek: 2, overdue: 1, stuck: 1, waitingForConsent: 0 });
  });

  it('hides closed cases unless asked', () => {
    expect(filterCases(cases, NO_FILTERS, today).map((c) => c.id)).not.toContain('closed-late');
    expect(filterCases(cases, { ...NO_FILTERS, showClosed: true }, today).map((c) => c.id)).toContain('closed-late');
    expect(filterCases(cases, { ...NO_FILTERS, overdue: true, showClosed: true }, today).map((c) => c.id)).toEqual(['late']);
  });
});
