import {
  addCalendarDays,
  addCalendarWeeks,
  assertIsoDate,
  calendarDaysBetween,
  compareIsoDates,
  isIsoDate,
  isoDateOf,
  isoDateToUtc,
  isoDayOfWeek,
  isoWeek,
  isWeekend,
  utcToIsoDate,
} from './iso-date';

describe('isIsoDate / assertIsoDate', () => {
  it.each(['2026-01-01', '2026-12-31', '2028-02-29', '2000-02-29', '1999-12-31'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
    expect(() => assertIsoDate(value)).not.toThrow();
  });

  it.each([
    ['2027-02-29', 'not a leap year'],
    ['2100-02-29', 'century, not a leap year'],
    ['2026-02-30', 'no such day'],
    ['2026-04-31', '30-day month'],
    ['2026-13-01', 'month 13'],
    ['2026-00-10', 'month 0'],
    ['2026-01-00', 'day 0'],
    ['2026-1-01', 'single-digit month'],
    ['26-01-01', 'two-digit year'],
    ['2026-01-01T00:00:00Z', 'a date-time'],
    [' 2026-01-01', 'leading space'],
    ['', 'empty'],
  ])('rejects %s (%s)', (value) => {
    expect(isIsoDate(value)).toBe(false);
    expect(() => assertIsoDate(value, 'start')).toThrow(/start: expected an ISO calendar date/);
  });

  it.each([null, undefined, 20260101, new Date(0), {}])('rejects the non-string %p', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('isoDateToUtc / utcToIsoDate', () => {
  it('maps a date to 00:00 UTC and back', () => {
    expect(isoDateToUtc('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(utcToIsoDate(isoDateToUtc('2028-02-29'))).toBe('2028-02-29');
    expect(utcToIsoDate(Date.UTC(2026, 9, 25, 23, 59))).toBe('2026-10-25');
  });

  it('throws on an invalid date', () => {
    expect(() => isoDateToUtc('2026-02-30')).toThrow(RangeError);
  });
});

describe('addCalendarDays', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-03-28', 1, '2026-03-29'], // DST starts on 29 March 2026 in Europe
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-10-25', 1, '2026-10-26'], // DST ends on 25 October 2026
    ['2026-10-26', -2, '2026-10-24'],
    ['2026-06-15', 0, '2026-06-15'],
    ['2026-06-15', 365, '2027-06-15'],
    ['2027-06-15', 366, '2028-06-15'], // across 29 February 2028
  ])('%s %+d → %s', (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
  });

  it('rejects a fractional number of days', () => {
    expect(() => addCalendarDays('2026-01-01', 1.5)).toThrow(/days: expected an integer/);
  });
});

describe('addCalendarWeeks', () => {
  it.each([
    ['2026-09-14', 6, '2026-10-26'],
    ['2026-10-01', 6, '2026-11-12'], // across the end of DST
    ['2026-03-01', 6, '2026-04-12'], // across the start of DST
    ['2026-12-21', 2, '2027-01-04'],
    ['2028-02-15', 2, '2028-02-29'],
    ['2026-11-23', -1, '2026-11-16'],
    ['2026-11-23', 0, '2026-11-23'],
  ])('%s %+d weeks → %s', (date, weeks, expected) => {
    expect(addCalendarWeeks(date, weeks)).toBe(expected);
  });

  it('rejects fractional weeks', () => {
    expect(() => addCalendarWeeks('2026-01-01', 0.5)).toThrow(/weeks: expected an integer/);
  });
});

describe('calendarDaysBetween', () => {
  it.each([
    ['2026-11-23', '2026-11-23', 0],
    ['2026-11-23', '2026-11-24', 1],
    ['2026-11-24', '2026-11-23', -1],
    ['2026-03-28', '2026-03-30', 2], // a 23-hour day in Europe does not lose a day
    ['2026-10-24', '2026-10-26', 2], // a 25-hour day does not add one
    ['2026-01-01', '2027-01-01', 365],
    ['2028-01-01', '2029-01-01', 366],
    ['2027-02-28', '2027-03-01', 1],
    ['2028-02-28', '2028-03-01', 2],
  ])('from %s to %s = %d', (from, to, expected) => {
    expect(calendarDaysBetween(from, to)).toBe(expected);
  });

  it('is the inverse of addCalendarDays', () => {
    for (const days of [-400, -1, 0, 1, 59, 366, 1000]) {
      expect(calendarDaysBetween('2027-12-31', addCalendarDays('2027-12-31', days))).toBe(days);
    }
  });
});

describe('isoWeek', () => {
  it.each([
    ['2026-11-23', 2026, 48],
    ['2026-01-01', 2026, 1], // a Thursday: week 1
    ['2026-12-31', 2026, 53], // 2026 starts on a Thursday, so it has 53 weeks
    ['2027-01-01', 2026, 53], // belongs to the last week of 2026
    ['2027-01-03', 2026, 53],
    ['2027-01-04', 2027, 1],
    ['2024-12-30', 2025, 1], // a Monday in December in week 1 of the next year
    ['2021-01-03', 2020, 53],
    ['2028-02-29', 2028, 9],
  ])('%s is %d-W%d', (date, year, week) => {
    expect(isoWeek(date)).toEqual({ year, week });
  });
});

describe('isoDayOfWeek / isWeekend', () => {
  it('numbers Monday 1 to Sunday 7', () => {
    const week = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];
    expect(week.map(isoDayOfWeek)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(week.map(isWeekend)).toEqual([false, false, false, false, false, true, true]);
  });

  it('knows the weekday of a leap day', () => {
    expect(isoDayOfWeek('2028-02-29')).toBe(2);
  });
});

describe('compareIsoDates / isoDateOf', () => {
  it('orders dates', () => {
    expect(['2027-01-01', '2026-12-31', '2026-02-01'].sort(compareIsoDates)).toEqual([
      '2026-02-01',
      '2026-12-31',
      '2027-01-01',
    ]);
    expect(compareIsoDates('2026-01-01', '2026-01-01')).toBe(0);
  });

  it('builds and validates a date from parts', () => {
    expect(isoDateOf(2026, 3, 9)).toBe('2026-03-09');
    expect(() => isoDateOf(2026, 2, 29)).toThrow(RangeError);
  });
});
