import { BUILT_IN_WORK_LISTS, endOfWeek, filterConditions } from './work-list-filter';

describe('work-list filter', () => {
  it('ends the week on Sunday, whatever the day', () => {
    expect(endOfWeek('2026-12-07')).toBe('2026-12-13'); // Monday
    expect(endOfWeek('2026-12-10')).toBe('2026-12-13'); // Thursday
    expect(endOfWeek('2026-12-13')).toBe('2026-12-13'); // Sunday
    expect(endOfWeek('2026-12-28')).toBe('2027-01-03'); // across the year
  });

  it('turns each condition into its own clause, and always only open cases with an open step', () => {
    expect(filterConditions({}, { userId: 'u1', today: '2026-12-10' })).toEqual({ sql: ['c.closed_at IS NULL', 'c.waiting_for IS NOT NULL'], params: {} });
    const all = filterConditions({ mine: true, ownerId: 'o1', overdue: true, lateThisWeek: true, process: 'JOS' as never, pupilLeft: true, stuck: true, ownerUnavailable: true }, { userId: 'u1', today: '2026-12-10' });
    expect(all.params).toEqual({ wlMe: 'u1', wlOwner: 'o1', wlToday: '2026-12-10', wlWeekEnd: '2026-12-13', wlProcess: 'JOS' });
    expect(all.sql).toEqual(expect.arrayContaining(['c.next_due_date < :wlToday', 'c.next_due_date < :wlWeekEnd', 'p.left_at IS NOT NULL', 'c.stuck = true']));
    expect(all.sql.some((s) => s.includes('NOT u.active'))).toBe(true);
  });

  it('has the built-in lists "Mijn open stappen" and "Deze week te laat"', () => {
    expect(BUILT_IN_WORK_LISTS.map((l) => [l.name, l.filter])).toEqual(
      expect.arrayContaining([
        ['Mijn open stappen', { mine: true }],
        ['Deze week te laat', { lateThisWeek: true }],
      ]),
    );
  });

});
