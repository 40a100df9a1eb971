import { addCalendarDays, calendarDaysBetween, isoDayOfWeek, isWeekend } from './iso-date';
import {
  HERFSTVAKANTIE,
  HOLIDAY_DATA_PROVENANCE,
  KERSTVAKANTIE,
  KNOWN_SCHOOL_YEARS,
  MEIVAKANTIE,
  meivakantieAdviesweek,
  regionalHolidays,
  schoolYearBounds,
  schoolYearOf,
  VOORJAARSVAKANTIE,
  ZOMERVAKANTIE,
} from './school-holidays-nl';
import { REGIONS, type Region } from './types';

const VACATIONS = [HERFSTVAKANTIE, KERSTVAKANTIE, VOORJAARSVAKANTIE, MEIVAKANTIE, ZOMERVAKANTIE];

describe('schoolYearOf', () => {
  it.each([
    ['2026-07-31', '2025-2026'],
    ['2026-08-01', '2026-2027'],
    ['2026-12-31', '2026-2027'],
    ['2027-01-01', '2026-2027'],
    ['2027-07-31', '2026-2027'],
    ['2027-08-01', '2027-2028'],
    ['2028-02-29', '2027-2028'],
  ])('%s belongs to %s', (date, year) => {
    expect(schoolYearOf(date)).toBe(year);
  });

  it('throws on an invalid date', () => {
    expect(() => schoolYearOf('2026-08-32')).toThrow(RangeError);
  });
});

describe('schoolYearBounds', () => {
  it('runs from 1 August to 31 July', () => {
    expect(schoolYearBounds('2026-2027')).toEqual({ from: '2026-08-01', to: '2027-07-31' });
  });

  it.each(['2026-2028', '2026/2027', '26-27', '', '2027-2026'])('rejects %p', (year) => {
    expect(() => schoolYearBounds(year)).toThrow(/Ongeldig schooljaar.*invalid school year/);
  });
});

describe('KNOWN_SCHOOL_YEARS', () => {
  it('holds the three school years 2025-2026 to 2027-2028', () => {
    expect(KNOWN_SCHOOL_YEARS).toEqual(['2025-2026', '2026-2027', '2027-2028']);
  });

  it('has a provenance record for every year, and only 2027-2028 is verified against the ministry page', () => {
    expect(Object.keys(HOLIDAY_DATA_PROVENANCE).sort()).toEqual(KNOWN_SCHOOL_YEARS);
    expect(KNOWN_SCHOOL_YEARS.filter((y) => HOLIDAY_DATA_PROVENANCE[y]?.verified)).toEqual(['2027-2028']);
    for (const year of KNOWN_SCHOOL_YEARS) {
      expect(HOLIDAY_DATA_PROVENANCE[year]?.sources.length).toBeGreaterThan(0);
    }
  });
});

describe('regionalHolidays', () => {
  it('lists midden 2026-2027: five vacations plus Goede Vrijdag, Tweede Paasdag, Hemelvaart and Pinkstermaandag', () => {
    expect(regionalHolidays('midden', '2026-2027')).toEqual([
      { from: '2026-10-17', to: '2026-10-25', name: 'Herfstvakantie' },
      { from: '2026-12-19', to: '2027-01-03', name: 'Kerstvakantie' },
      { from: '2027-02-20', to: '2027-02-28', name: 'Voorjaarsvakantie' },
      { from: '2027-03-26', to: '2027-03-26', name: 'Goede Vrijdag' },
      { from: '2027-03-29', to: '2027-03-29', name: 'Tweede Paasdag' },
      // Koningsdag (Tuesday 27 April 2027) falls inside the meivakantie and is not listed separately.
      { from: '2027-04-24', to: '2027-05-02', name: 'Meivakantie' },
      { from: '2027-05-06', to: '2027-05-06', name: 'Hemelvaartsdag' },
      { from: '2027-05-17', to: '2027-05-17', name: 'Tweede Pinksterdag' },
      { from: '2027-07-17', to: '2027-08-29', name: 'Zomervakantie' },
    ]);
  });

  it('lists noord 2027-2028 with Koningsdag, which falls before that meivakantie', () => {
    expect(regionalHolidays('noord', '2027-2028')).toEqual([
      { from: '2027-10-16', to: '2027-10-24', name: 'Herfstvakantie' },
      { from: '2027-12-25', to: '2028-01-09', name: 'Kerstvakantie' },
      { from: '2028-02-19', to: '2028-02-27', name: 'Voorjaarsvakantie' },
      { from: '2028-04-14', to: '2028-04-14', name: 'Goede Vrijdag' },
      { from: '2028-04-17', to: '2028-04-17', name: 'Tweede Paasdag' },
      { from: '2028-04-27', to: '2028-04-27', name: 'Koningsdag' },
      { from: '2028-04-29', to: '2028-05-07', name: 'Meivakantie' },
      { from: '2028-05-25', to: '2028-05-25', name: 'Hemelvaartsdag' },
      { from: '2028-06-05', to: '2028-06-05', name: 'Tweede Pinksterdag' },
      { from: '2028-07-15', to: '2028-08-27', name: 'Zomervakantie' },
    ]);
  });

  it('has the regional differences of 2025-2026', () => {
    const get = (region: Region, name: string) => regionalHolidays(region, '2025-2026').find((h) => h.name === name);
    expect(get('zuid', HERFSTVAKANTIE)).toEqual({ from: '2025-10-11', to: '2025-10-19', name: HERFSTVAKANTIE });
    expect(get('noord', HERFSTVAKANTIE)).toEqual({ from: '2025-10-18', to: '2025-10-26', name: HERFSTVAKANTIE });
    expect(get('noord', VOORJAARSVAKANTIE)?.from).toBe('2026-02-21');
    expect(get('midden', VOORJAARSVAKANTIE)?.from).toBe('2026-02-14');
    expect(get('noord', ZOMERVAKANTIE)).toEqual({ from: '2026-07-04', to: '2026-08-16', name: ZOMERVAKANTIE });
    expect(get('midden', ZOMERVAKANTIE)).toEqual({ from: '2026-07-18', to: '2026-08-30', name: ZOMERVAKANTIE });
    expect(get('zuid', ZOMERVAKANTIE)).toEqual({ from: '2026-07-11', to: '2026-08-23', name: ZOMERVAKANTIE });
    // Koningsdag 2026 is Monday 27 April, inside the meivakantie 25 April - 3 May.
    expect(get('midden', MEIVAKANTIE)).toEqual({ from: '2026-04-25', to: '2026-05-03', name: MEIVAKANTIE });
    expect(get('midden', 'Koningsdag')).toBeUndefined();
  });

  it('has the regional differences of 2026-2027', () => {
    const get = (region: Region, name: string) => regionalHolidays(region, '2026-2027').find((h) => h.name === name);
    expect(get('noord', HERFSTVAKANTIE)?.from).toBe('2026-10-10');
    expect(get('zuid', HERFSTVAKANTIE)?.from).toBe('2026-10-17');
    expect(get('zuid', VOORJAARSVAKANTIE)?.from).toBe('2027-02-13');
    expect(get('noord', ZOMERVAKANTIE)?.from).toBe('2027-07-10');
    expect(get('zuid', ZOMERVAKANTIE)).toEqual({ from: '2027-07-24', to: '2027-09-05', name: ZOMERVAKANTIE });
  });

  it('throws a clear error for an unknown or malformed school year, or an unknown region', () => {
    expect(() => regionalHolidays('midden', '2030-2031')).toThrow(
      /Geen vakantiedata voor schooljaar 2030-2031.*2025-2026, 2026-2027, 2027-2028/,
    );
    expect(() => regionalHolidays('midden', '2024-2025')).toThrow(/no school holiday data for school year 2024-2025/);
    expect(() => regionalHolidays('midden', '2026')).toThrow(/Ongeldig schooljaar/);
    expect(() => regionalHolidays('oost' as Region, '2026-2027')).toThrow(/Onbekende regio "oost"/);
  });

  it('returns fresh objects: changing a result does not change the data', () => {
    const first = regionalHolidays('zuid', '2026-2027');
    (first[0] as { from: string }).from = '1999-01-01';
    expect(regionalHolidays('zuid', '2026-2027')[0]?.from).toBe('2026-10-17');
  });

  describe.each(KNOWN_SCHOOL_YEARS.flatMap((year) => REGIONS.map((region) => [year, region] as const)))(
    'data sanity %s %s',
    (year, region) => {
      const holidays = regionalHolidays(region, year);
      const vacations = holidays.filter((h) => VACATIONS.includes(h.name));
      const publicDays = holidays.filter((h) => !VACATIONS.includes(h.name));

      it('has each vacation once, in school-year order, Saturday to Sunday', () => {
        expect(vacations.map((v) => v.name)).toEqual(VACATIONS);
        for (const v of vacations) {
          expect(isoDayOfWeek(v.from)).toBe(6);
          expect(isoDayOfWeek(v.to)).toBe(7);
        }
      });

      it('has the usual lengths: 9 days, kerst 16, zomer 44 (six weeks plus the weekends around them)', () => {
        const length = (name: string) => {
          const v = vacations.find((x) => x.name === name);
          return v ? calendarDaysBetween(v.from, v.to) + 1 : 0;
        };
        expect(length(HERFSTVAKANTIE)).toBe(9);
        expect(length(KERSTVAKANTIE)).toBe(16);
        expect(length(VOORJAARSVAKANTIE)).toBe(9);
        expect(length(MEIVAKANTIE)).toBe(9);
        expect(length(ZOMERVAKANTIE)).toBe(44);
      });

      it('starts every vacation within the school year and spans Christmas and New Year with the kerstvakantie', () => {
        const { from, to } = schoolYearBounds(year);
        for (const v of vacations) expect(v.from >= from && v.from <= to).toBe(true);
        const kerst = vacations.find((v) => v.name === KERSTVAKANTIE);
        const startYear = year.slice(0, 4);
        expect(kerst && kerst.from <= `${startYear}-12-25` && kerst.to >= `${Number(startYear) + 1}-01-01`).toBe(true);
      });

      it('lists public holidays only on weekdays outside the vacations', () => {
        expect(publicDays.length).toBeGreaterThanOrEqual(4);
        for (const day of publicDays) {
          expect(day.from).toBe(day.to);
          expect(isWeekend(day.from)).toBe(false);
          expect(vacations.some((v) => v.from <= day.from && day.from <= v.to)).toBe(false);
        }
      });

      it('is sorted by date', () => {
        const froms = holidays.map((h) => h.from);
        expect(froms).toEqual([...froms].sort());
      });
    },
  );

  it('staggers the zomervakantie: the three regions start on three consecutive Saturdays', () => {
    for (const year of KNOWN_SCHOOL_YEARS) {
      const starts = REGIONS.map((r) => regionalHolidays(r, year).find((h) => h.name === ZOMERVAKANTIE)?.from ?? '')
        .sort();
      expect(calendarDaysBetween(starts[0] ?? '', starts[1] ?? '')).toBe(7);
      expect(calendarDaysBetween(starts[1] ?? '', starts[2] ?? '')).toBe(7);
    }
  });

  it('ends each zomervakantie before the next school year has its herfstvakantie', () => {
    for (const region of REGIONS) {
      for (let i = 0; i + 1 < KNOWN_SCHOOL_YEARS.length; i++) {
        const summer = regionalHolidays(region, KNOWN_SCHOOL_YEARS[i] as string).find((h) => h.name === ZOMERVAKANTIE);
        const autumn = regionalHolidays(region, KNOWN_SCHOOL_YEARS[i + 1] as string).find(
          (h) => h.name === HERFSTVAKANTIE,
        );
        expect(summer && autumn && summer.to < autumn.from).toBe(true);
      }
    }
  });
});

describe('meivakantieAdviesweek', () => {
  it('is the Saturday-to-Sunday week adjoining the compulsory meivakantie', () => {
    for (const year of KNOWN_SCHOOL_YEARS) {
      const week = meivakantieAdviesweek(year);
      const mei = regionalHolidays('midden', year).find((h) => h.name === MEIVAKANTIE);
      expect(isoDayOfWeek(week.from)).toBe(6);
      expect(week.to).toBe(addCalendarDays(week.from, 8));
      // It shares exactly one weekend with the compulsory week: just before it or just after it.
      const before = mei !== undefined && week.to === addCalendarDays(mei.from, 1);
      const after = mei !== undefined && week.from === addCalendarDays(mei.to, -1);
      expect(before !== after).toBe(true);
    }
  });

  it('gives the ministry dates of 2027-2028 and names the week', () => {
    expect(meivakantieAdviesweek('2027-2028')).toEqual({
      from: '2028-04-22',
      to: '2028-04-30',
      name: 'Meivakantie (extra week)',
    });
  });

  it('throws for an unknown school year', () => {
    expect(() => meivakantieAdviesweek('2031-2032')).toThrow(/Geen vakantiedata/);
  });
});
