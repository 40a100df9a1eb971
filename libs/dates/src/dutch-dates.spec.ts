import { dateInWords, dateTimeInWords, datesInWords, dayAndMonth, dayMonthYear, shortDate, shortDateTime, timeOfDay, todayInAmsterdam } from './dutch-dates';

describe('Dutch dates (date-fns, nl, Europe/Amsterdam)', () => {
  it('words a calendar date as that day, whatever the machine zone', () => {
    expect(dateInWords('2026-12-11')).toBe('vrijdag 11 december 2026');
    expect(dayMonthYear('2012-03-01')).toBe('1 maart 2012');
    expect(shortDate('2026-11-23')).toBe('ma 23 nov. 2026');
    expect(dayAndMonth('2026-11-23')).toBe('23 nov.');
  });

  it('shows a timestamp as its day and time in Amsterdam (winter and summer time)', () => {
    // 23:30 UTC on 10 December is already Friday 11 December in Amsterdam.
    expect(dateInWords('2026-12-10T23:30:00.000Z')).toBe('vrijdag 11 december 2026');
    expect(dateTimeInWords('2026-12-10T23:30:00.000Z')).toBe('vrijdag 11 december 2026 om 00:30');
    expect(shortDateTime(new Date('2026-06-01T12:05:00Z'))).toBe('ma 1 jun. 2026 om 14:05');
    expect(timeOfDay(Date.parse('2026-06-01T12:05:00Z'))).toBe('14:05');
    expect(dateTimeInWords('2026-12-11')).toBe('vrijdag 11 december 2026');
  });

  it('knows today in Amsterdam', () => {
    expect(todayInAmsterdam(new Date('2026-12-10T23:30:00Z'))).toBe('2026-12-11');
    expect(todayInAmsterdam(new Date('2026-12-10T22:30:00Z'))).toBe('2026-12-10');
  });

  it('words the ISO dates inside a sentence and leaves other text alone', () => {
    expect(datesInWords('Uiterlijk 2026-12-14: 6 kalenderweken na 2026-11-02.')).toBe(
      'Uiterlijk maandag 14 december 2026: 6 kalenderweken na maandag 2 november 2026.',
    );
    expect(datesInWords('geen datum, 12 leerlingen')).toBe('geen datum, 12 leerlingen');
  });

  it('returns what it cannot read unchanged', () => {
    expect(dateInWords('2026-02-30')).toBe('2026-02-30');
    expect(dateInWords('later')).toBe('later');
  });
});
