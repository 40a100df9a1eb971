import { clockGeometry, daysLabel, positionOf, timelineAxis } from './clock-geometry';

const base = {
  receivedOn: '2026-10-01',
  firstDueDate: '2026-11-12', // + 6 weeks
  dueDate: '2026-11-12',
  tenWeekDate: '2026-12-10', // + 10 weeks
  extensionUsed: false,
};

describe('zorgplicht timeline geometry', () => {
  const axis = { start: '2026-10-01', end: '2026-12-10' }; // 70 days

  it('spans the axis over every clock, today and the 10-week marks', () => {
    expect(timelineAxis([base, { ...base, receivedOn: '2026-09-20', tenWeekDate: '2026-11-29' }], '2026-11-01')).toEqual({ start: '2026-09-20', end: '2026-12-10' });
    expect(timelineAxis([], '2026-11-01')).toEqual({ start: '2026-11-01', end: '2026-11-01' });
  });

  it('places dates proportionally and clamps outside the axis', () => {
    expect(positionOf('2026-10-01', axis)).toBe(0);
    expect(positionOf('2026-12-10', axis)).toBe(100);
    expect(positionOf('2026-11-05', axis)).toBe(50);
    expect(positionOf('2027-01-01', axis)).toBe(100);
  });

  it('draws the term from receipt to due date, today and the 10-week mark, with the days remaining', () => {
    const g = clockGeometry(base, '2026-10-29', axis);
    expect(g.term).toEqual({ left: 0, width: 60 }); // 42 of 70 days
    expect(g.extension).toBeNull();
    expect(g.overdue).toBeNull();
    expect(g.today).toBe(40); // 28 of 70 days
    expect(g.tenWeeks).toBe(100);
    expect(g.daysRemaining).toBe(14);
    expect(g.daysLabel).toBe('nog 14 dagen');
    expect(g.tone).toBe('ok');
  });

  it('shows an extension as a second segment up to the due date in force', () => {
    const extended = { ...base, dueDate: '2026-12-10', extensionUsed: true };
    const g = clockGeometry(extended, '2026-11-20', axis);
    expect(g.term).toEqual({ left: 0, width: 60 });
    expect(g.extension).toEqual({ left: 60, width: 40 });
    expect(g.daysRemaining).toBe(20);
  });

  it('marks the last week, overdue and past-10-weeks cases', () => {
    expect(clockGeometry(base, '2026-11-06', axis).tone).toBe('lastWeek');
    expect(clockGeometry(base, '2026-11-12', axis).daysLabel).toBe('vandaag');
    const late = clockGeometry(base, '2026-11-19', axis);
    expect(late.tone).toBe('overdue');
    expect(late.daysRemaining).toBe(-7);
    expect(late.daysLabel).toBe('7 dagen te laat');
    expect(late.overdue).toEqual({ left: 60, width: 10 });
    // Extended to after the 10-week mark and not overdue yet: the 10-week highlight.
    const g = clockGeometry({ ...base, dueDate: '2026-12-10', extensionUsed: true, tenWeekDate: '2026-12-03' }, '2026-12-04', axis);
    expect(g.tone).toBe('tenWeeks');
  });

  it('words the days in Dutch', () => {
    expect(daysLabel(1)).toBe('nog 1 dag');
    expect(daysLabel(-1)).toBe('1 dag te laat');
  });
});
