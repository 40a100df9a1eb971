import { addDays, daysBetween, formatDutchDate, formatDutchDateInWords, relativeDue, todayInAmsterdam } from './dates';

describe('relativeDue', () => {
  const today = '2026-11-20'; // a Friday

  it.each([
    ['2026-11-20', 'vandaag', false, 0],
    ['2026-11-21', 'morgen', false, 1],
    ['2026-11-23', 'over 3 dagen', false, 3],
    ['2026-12-20', 'over 30 dagen', false, 30],
    ['2026-11-19', '1 dag te laat', true, -1],
    ['2026-11-18', '2 dagen te laat', true, -2],
  ])('%s → %s', (due, label, overdue, days) => {
    expect(relativeDue(due, today)).toMatchObject({ label, overdue, days });
  });

  it('counts calendar days across the end of daylight saving time', () => {
    // Summer time ends on 25 October 2026 in Amsterdam.
    expect(relativeDue('2026-10-27', '2026-10-24')).toMatchObject({ days: 3, label: 'over 3 dagen' });
  });

  it('classifies the urgency', () => {
    expect(relativeDue('2026-11-19', today).state).toBe('overdue');
    expect(relativeDue('2026-11-20', today).state).toBe('today');
    expect(relativeDue('2026-11-23', today).state).toBe('soon');
    expect(relativeDue('2026-11-30', today).state).toBe('later');
  });

  it('rejects malformed dates', () => {
    expect(() => relativeDue('23-11-2026', today)).toThrow(RangeError);
  });
});

describe('todayInAmsterdam', () => {
  it('uses the Amsterdam calendar date, not UTC', () => {
    // 23:30 UTC on 22 November is already 23 November in Amsterdam (UTC+1).
    expect(todayInAmsterdam(new Date('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
    // 21:30 UTC on 1 July is 23:30 in Amsterdam (UTC+2): still 1 July.
    expect(todayInAmsterdam(new Date('2026-07-01T21:30:00Z'))).toBe('2026-07-01');
    expect(todayInAmsterdam(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
  });
});

describe('date arithmetic', () => {
  it('adds days and counts the days between dates', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
  });
});

describe('formatDutchDate', () => {
  it('formats as a short Dutch date with weekday', () => {
    expect(formatDutchDate('2026-11-23')).toBe('ma 23 nov. 2026');
  });
});

describe('formatDutchDateInWords', () => {
  it('writes a date in words, also a timestamp as its day in Amsterdam', () => {
    expect(formatDutchDateInWords('2026-12-11')).toBe('vrijdag 11 december 2026');
    // 23:30 UTC on 31 December is already 1 January in Amsterdam.
    expect(formatDutchDateInWords('2026-12-31T23:30:00Z')).toBe('vrijdag 1 januari 2027');
    expect(formatDutchDateInWords('geen datum')).toBe('geen datum');
  });
});
