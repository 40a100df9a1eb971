import { isoDayOfWeek } from './iso-date';
import { dutchPublicHolidays, easterSunday, koningsdag } from './public-holidays';

describe('easterSunday', () => {
  // Published Easter dates (Western/Gregorian), including the extremes 22 March and 25 April.
  it.each([
    [1818, '1818-03-22'], // earliest possible date
    [1943, '1943-04-25'], // latest possible date
    [1961, '1961-04-02'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%d: %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('always falls on a Sunday between 22 March and 25 April', () => {
    for (let year = 1900; year <= 2100; year++) {
      const easter = easterSunday(year);
      expect(isoDayOfWeek(easter)).toBe(7);
      expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
    }
  });

  it('rejects years before the Gregorian calendar and fractional years', () => {
    expect(() => easterSunday(1582)).toThrow(/from 1583/);
    expect(() => easterSunday(2026.5)).toThrow(/year: expected an integer/);
  });
});

describe('koningsdag', () => {
  it.each([
    [2014, '2014-04-26'], // 27 April was a Sunday
    [2025, '2025-04-26'], // 27 April is a Sunday
    [2026, '2026-04-27'], // a Monday
    [2027, '2027-04-27'], // a Tuesday
    [2028, '2028-04-27'], // a Thursday
    [2031, '2031-04-26'], // 27 April is a Sunday
  ])('%d: %s', (year, expected) => {
    expect(koningsdag(year)).toBe(expected);
  });
});

describe('dutchPublicHolidays', () => {
  it('lists the holidays of 2026 in date order', () => {
    expect(dutchPublicHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Nieuwjaarsdag' },
      { date: '2026-04-03', name: 'Goede Vrijdag' },
      { date: '2026-04-06', name: 'Tweede Paasdag' },
      { date: '2026-04-27', name: 'Koningsdag' },
      { date: '2026-05-14', name: 'Hemelvaartsdag' },
      { date: '2026-05-25', name: 'Tweede Pinksterdag' },
      { date: '2026-12-25', name: 'Eerste Kerstdag' },
      { date: '2026-12-26', name: 'Tweede Kerstdag' },
    ]);
  });

  it('derives the Easter-based days of 2027 and 2028', () => {
    const byName = (year: number) => Object.fromEntries(dutchPublicHolidays(year).map((h) => [h.name, h.date]));
    expect(byName(2027)).toMatchObject({
      'Goede Vrijdag': '2027-03-26',
      'Tweede Paasdag': '2027-03-29',
      Hemelvaartsdag: '2027-05-06',
      'Tweede Pinksterdag': '2027-05-17',
    });
    expect(byName(2028)).toMatchObject({
      'Goede Vrijdag': '2028-04-14',
      'Tweede Paasdag': '2028-04-17',
      Koningsdag: '2028-04-27',
      Hemelvaartsdag: '2028-05-25',
      'Tweede Pinksterdag': '2028-06-05',
    });
  });

  it('puts Goede Vrijdag on a Friday, the Mondays on Mondays and Hemelvaart on a Thursday', () => {
    for (let year = 2020; year <= 2040; year++) {
      const byName = Object.fromEntries(dutchPublicHolidays(year).map((h) => [h.name, h.date]));
      expect(isoDayOfWeek(byName['Goede Vrijdag'] as string)).toBe(5);
      expect(isoDayOfWeek(byName['Tweede Paasdag'] as string)).toBe(1);
      expect(isoDayOfWeek(byName['Hemelvaartsdag'] as string)).toBe(4);
      expect(isoDayOfWeek(byName['Tweede Pinksterdag'] as string)).toBe(1);
      expect(isoDayOfWeek(byName['Koningsdag'] as string)).not.toBe(7);
    }
  });

  it('leaves Bevrijdingsdag out (a school-specific day off)', () => {
    expect(dutchPublicHolidays(2025).some((h) => h.date === '2025-05-05')).toBe(false);
    expect(dutchPublicHolidays(2030).map((h) => h.name)).not.toContain('Bevrijdingsdag');
  });
});
