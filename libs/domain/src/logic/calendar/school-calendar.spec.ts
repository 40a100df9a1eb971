import { addCalendarDays } from './iso-date';
import {
  addSchoolDays,
  buildSchoolCalendar,
  calendarCovers,
  isSchoolDay,
  MAX_CONSECUTIVE_NON_SCHOOL_DAYS,
  nextSchoolDay,
  nonSchoolDayReason,
  nonSchoolDaysInRange,
  previousSchoolDay,
  schoolDaysBetween,
  WEEKEND,
} from './school-calendar';
import { regionalHolidays } from './school-holidays-nl';
import type { DateRange, SchoolCalendar } from './types';

const midden = buildSchoolCalendar('midden');
const noord = buildSchoolCalendar('noord');
const zuid = buildSchoolCalendar('zuid');
/** A calendar with weekends only: no holidays, no days off. */
const bare: SchoolCalendar = { region: 'midden', holidays: [], daysOff: [] };
const CALENDARS = { midden, noord, zuid } as const;
type CalName = keyof typeof CALENDARS;
const calOf = (name: CalName) => CALENDARS[name];

describe('buildSchoolCalendar', () => {
  it('holds the regional holidays of all known school years by default, sorted', () => {
    expect(midden.region).toBe('midden');
    expect(midden.schoolYears).toEqual(['2025-2026', '2026-2027', '2027-2028']);
    expect(midden.holidays).toEqual([
      ...regionalHolidays('midden', '2025-2026'),
      ...regionalHolidays('midden', '2026-2027'),
      ...regionalHolidays('midden', '2027-2028'),
    ]);
    expect(midden.daysOff).toEqual([]);
  });

  it('limits to the given school years (deduplicated) and copies and sorts the days off', () => {
    const daysOff: DateRange[] = [
      { from: '2026-11-27', to: '2026-11-27', name: 'Studiedag' },
      { from: '2026-09-30', to: '2026-10-01', name: 'Teamdagen' },
    ];
    const cal = buildSchoolCalendar('zuid', daysOff, ['2026-2027', '2026-2027']);
    expect(cal.schoolYears).toEqual(['2026-2027']);
    expect(cal.holidays).toEqual(regionalHolidays('zuid', '2026-2027'));
    expect(cal.daysOff.map((d) => d.name)).toEqual(['Teamdagen', 'Studiedag']);
    expect(cal.daysOff[0]).not.toBe(daysOff[1]);
  });

  it('is plain JSON that survives a round trip unchanged', () => {
    const cal = buildSchoolCalendar('noord', [{ from: '2027-05-07', to: '2027-05-07', name: 'Vrijdag na Hemelvaart' }]);
    expect(JSON.parse(JSON.stringify(cal))).toEqual(cal);
  });

  it.each([
    [{ from: '2026-11-28', to: '2026-11-27', name: 'Omgekeerd' }, /from 2026-11-28 is after to 2026-11-27/],
    [{ from: '2026-11-31', to: '2026-12-01', name: 'Ongeldig' }, /daysOff\[0\]\.from: expected an ISO calendar date/],
    [{ from: '2026-11-27', to: '2026-11-27', name: ' ' }, /a name is required/],
  ])('rejects a malformed day off %p', (range, message) => {
    expect(() => buildSchoolCalendar('midden', [range])).toThrow(message);
  });

  it('rejects an unknown school year', () => {
    expect(() => buildSchoolCalendar('midden', [], ['2029-2030'])).toThrow(/Geen vakantiedata/);
  });
});

describe('nonSchoolDayReason / isSchoolDay', () => {
  it.each([
    ['2026-11-23', 'midden', null], // an ordinary Monday
    ['2026-11-28', 'midden', WEEKEND],
    ['2026-11-29', 'midden', WEEKEND],
    ['2026-10-19', 'midden', 'Herfstvakantie'],
    ['2026-10-24', 'midden', WEEKEND], // a weekend inside a vacation reports "weekend"
    ['2026-10-16', 'midden', null], // the Friday before
    ['2026-10-26', 'midden', null], // the Monday after
    ['2026-10-12', 'noord', 'Herfstvakantie'], // noord has its herfstvakantie a week earlier in 2026
    ['2026-10-19', 'noord', null],
    ['2026-12-31', 'zuid', 'Kerstvakantie'],
    ['2027-01-01', 'zuid', 'Kerstvakantie'], // Nieuwjaarsdag inside the kerstvakantie
    ['2027-01-04', 'zuid', null],
    ['2027-03-26', 'midden', 'Goede Vrijdag'],
    ['2027-03-29', 'midden', 'Tweede Paasdag'],
    ['2027-04-27', 'midden', 'Meivakantie'], // Koningsdag 2027 inside the meivakantie
    ['2027-05-06', 'midden', 'Hemelvaartsdag'],
    ['2027-05-07', 'midden', null], // the Friday after Hemelvaart is school-specific
    ['2027-05-17', 'midden', 'Tweede Pinksterdag'],
    ['2028-04-27', 'noord', 'Koningsdag'],
    ['2028-02-29', 'noord', null], // leap day, noord's voorjaarsvakantie has ended
    ['2028-02-29', 'midden', 'Voorjaarsvakantie'],
    ['2027-07-16', 'midden', null], // last school day of 2026-2027 in midden
    ['2027-07-19', 'midden', 'Zomervakantie'],
    ['2027-08-30', 'midden', null], // first school day of 2027-2028 in midden
    ['2027-08-30', 'zuid', 'Zomervakantie'], // zuid returns a week later
    ['2027-09-06', 'zuid', null],
  ] as const)('%s (%s) → %p', (date, name, reason) => {
    expect(nonSchoolDayReason(date, calOf(name))).toBe(reason);
    expect(isSchoolDay(date, calOf(name))).toBe(reason === null);
  });

  it('reports a school day off by its name, and prefers a holiday to a day off on the same date', () => {
    const cal = buildSchoolCalendar('midden', [
      { from: '2026-11-27', to: '2026-11-27', name: 'Studiedag' },
      { from: '2026-10-23', to: '2026-10-26', name: 'Verlengde herfstvakantie' },
    ]);
    expect(nonSchoolDayReason('2026-11-27', cal)).toBe('Studiedag');
    expect(nonSchoolDayReason('2026-10-23', cal)).toBe('Herfstvakantie');
    expect(nonSchoolDayReason('2026-10-26', cal)).toBe('Verlengde herfstvakantie');
    expect(isSchoolDay('2026-10-27', cal)).toBe(true);
  });

  it('knows only weekends outside the covered school years', () => {
    expect(isSchoolDay('2029-07-31', midden)).toBe(true);
    expect(nonSchoolDayReason('2029-08-04', midden)).toBe(WEEKEND);
  });

  it('throws on an invalid date', () => {
    expect(() => isSchoolDay('2026-02-29', midden)).toThrow(RangeError);
  });
});

describe('calendarCovers', () => {
  it('is true inside the calendar school years only', () => {
    expect(calendarCovers(midden, '2025-08-01')).toBe(true);
    expect(calendarCovers(midden, '2028-07-31')).toBe(true);
    expect(calendarCovers(midden, '2028-08-01')).toBe(false);
    expect(calendarCovers(midden, '2025-07-31')).toBe(false);
    const one = buildSchoolCalendar('midden', [], ['2026-2027']);
    expect(calendarCovers(one, '2026-08-01')).toBe(true);
    expect(calendarCovers(one, '2026-07-31')).toBe(false);
  });

  it('is false for a hand-made calendar without school years', () => {
    expect(calendarCovers(bare, '2026-11-23')).toBe(false);
  });
});

describe('nextSchoolDay / previousSchoolDay', () => {
  it.each([
    ['2026-11-23', 'midden', '2026-11-23', '2026-11-23'], // a school day is its own next and previous
    ['2026-11-28', 'midden', '2026-11-30', '2026-11-27'], // Saturday
    ['2026-10-21', 'midden', '2026-10-26', '2026-10-16'], // mid herfstvakantie
    ['2026-12-25', 'midden', '2027-01-04', '2026-12-18'], // Christmas
    ['2027-03-27', 'midden', '2027-03-30', '2027-03-25'], // Easter weekend: Goede Vrijdag to Tweede Paasdag
    ['2027-08-01', 'midden', '2027-08-30', '2027-07-16'], // school-year boundary inside the zomervakantie
    ['2027-08-01', 'zuid', '2027-09-06', '2027-07-23'],
  ] as const)('around %s (%s): next %s, previous %s', (date, name, next, previous) => {
    expect(nextSchoolDay(date, calOf(name))).toBe(next);
    expect(previousSchoolDay(date, calOf(name))).toBe(previous);
  });

  it('stops with a clear error when a calendar has no school day within the safety limit', () => {
    const closed = buildSchoolCalendar('midden', [{ from: '2026-01-01', to: '2028-12-31', name: 'Gesloten' }]);
    expect(() => nextSchoolDay('2026-06-01', closed)).toThrow(/Geen schooldag binnen 400 dagen na 2026-06-01/);
    expect(() => previousSchoolDay('2027-06-01', closed)).toThrow(/no school day within 400 days before 2027-06-01/);
    // Within the limit the search succeeds: the last school day before the closure.
    expect(previousSchoolDay('2026-06-01', closed)).toBe('2025-12-19');
    expect(MAX_CONSECUTIVE_NON_SCHOOL_DAYS).toBe(400);
  });
});

describe('addSchoolDays', () => {
  it.each([
    ['2026-11-23', 1, 'midden', '2026-11-24'],
    ['2026-11-27', 1, 'midden', '2026-11-30'], // Friday → Monday
    ['2026-11-28', 1, 'midden', '2026-11-30'], // from a Saturday, the first school day after it
    ['2026-11-23', 10, 'midden', '2026-12-07'],
    ['2026-11-23', 0, 'midden', '2026-11-23'],
    ['2026-11-28', 0, 'midden', '2026-11-30'],
    ['2026-11-23', -1, 'midden', '2026-11-20'],
    ['2026-11-23', -5, 'midden', '2026-11-16'],
    ['2026-11-29', -1, 'midden', '2026-11-27'], // from a Sunday, the last school day before it
    ['2026-10-16', 1, 'midden', '2026-10-26'], // over the herfstvakantie
    ['2026-10-14', 5, 'midden', '2026-10-28'],
    ['2026-10-14', 5, 'noord', '2026-10-23'], // starts inside noord's herfstvakantie (10-18 October)
    ['2026-10-07', 5, 'noord', '2026-10-21'], // Wednesday before noord's herfstvakantie
    ['2026-10-26', -1, 'midden', '2026-10-16'],
    ['2026-12-18', 1, 'midden', '2027-01-04'], // over the kerstvakantie and the turn of the year
    ['2027-03-25', 1, 'midden', '2027-03-30'], // over Goede Vrijdag, Easter and Tweede Paasdag
    ['2027-05-05', 1, 'midden', '2027-05-07'], // over Hemelvaartsdag
    ['2027-07-16', 1, 'midden', '2027-08-30'], // over the zomervakantie into the next school year
    ['2027-08-30', -1, 'midden', '2027-07-16'],
    ['2027-07-16', 1, 'zuid', '2027-07-19'], // zuid still has school that week
    ['2028-02-25', 2, 'noord', '2028-02-29'], // leap day
    ['2028-04-26', 1, 'noord', '2028-04-28'], // over Koningsdag 2028
  ] as const)('%s %+d school days (%s) → %s', (date, n, name, expected) => {
    expect(addSchoolDays(date, n, calOf(name))).toBe(expected);
  });

  it('skips a school day off', () => {
    const cal = buildSchoolCalendar('midden', [{ from: '2026-11-25', to: '2026-11-25', name: 'Studiedag' }]);
    expect(addSchoolDays('2026-11-23', 10, cal)).toBe('2026-12-08');
    expect(addSchoolDays('2026-11-26', -1, cal)).toBe('2026-11-24');
  });

  it('rejects a fractional count and an invalid date', () => {
    expect(() => addSchoolDays('2026-11-23', 1.5, midden)).toThrow(/n: expected an integer/);
    expect(() => addSchoolDays('2026-11-31', 1, midden)).toThrow(RangeError);
  });

  it('is consistent with schoolDaysBetween for every start day of a school year', () => {
    for (let d = '2026-08-01'; d <= '2027-07-31'; d = addCalendarDays(d, 1)) {
      for (const n of [1, 3, 10]) {
        expect(schoolDaysBetween(d, addSchoolDays(d, n, midden), midden)).toBe(n);
      }
      if (isSchoolDay(d, midden)) {
        expect(schoolDaysBetween(d, addSchoolDays(d, -4, midden), midden)).toBe(-4);
      }
    }
  });
});

describe('schoolDaysBetween', () => {
  it.each([
    ['2026-11-23', '2026-11-23', 'midden', 0],
    ['2026-11-23', '2026-11-24', 'midden', 1],
    ['2026-11-23', '2026-11-30', 'midden', 5], // Tue-Fri and Monday
    ['2026-11-27', '2026-11-29', 'midden', 0], // only the weekend
    ['2026-11-28', '2026-11-30', 'midden', 1], // the Monday counts, the Saturday does not
    ['2026-11-30', '2026-11-23', 'midden', -5],
    ['2026-10-16', '2026-10-26', 'midden', 1],
    ['2026-10-16', '2026-10-26', 'noord', 6], // noord has school that week
    ['2026-12-18', '2027-01-04', 'midden', 1],
    ['2026-08-01', '2027-07-31', 'midden', 201], // 260 weekdays minus 59 weekday holidays (incl. Aug 2026 of the previous zomervakantie)
  ] as const)('(%s, %s] in %s = %d', (from, to, name, expected) => {
    expect(schoolDaysBetween(from, to, calOf(name))).toBe(expected);
  });

  it('counts 261 weekdays in 2026 on a calendar without holidays', () => {
    expect(schoolDaysBetween('2025-12-31', '2026-12-31', bare)).toBe(261);
  });
});

describe('nonSchoolDaysInRange', () => {
  it('counts by reason in order of first occurrence, both ends included', () => {
    expect(nonSchoolDaysInRange('2026-10-15', '2026-10-27', midden)).toEqual({
      total: 9,
      byReason: { weekend: 4, Herfstvakantie: 5 },
    });
  });

  it('is empty on school days only and when from is after to', () => {
    expect(nonSchoolDaysInRange('2026-11-23', '2026-11-27', midden)).toEqual({ total: 0, byReason: {} });
    expect(nonSchoolDaysInRange('2026-11-29', '2026-11-28', midden)).toEqual({ total: 0, byReason: {} });
  });

  it('counts single days at both ends', () => {
    expect(nonSchoolDaysInRange('2026-11-28', '2026-11-28', midden)).toEqual({ total: 1, byReason: { weekend: 1 } });
  });

  it('is safe for any day-off name', () => {
    const cal = buildSchoolCalendar('midden', [
      { from: '2026-11-24', to: '2026-11-24', name: 'constructor' },
      { from: '2026-11-25', to: '2026-11-25', name: '__proto__' },
    ]);
    const tally = nonSchoolDaysInRange('2026-11-23', '2026-11-26', cal);
    expect(tally.total).toBe(2);
    expect(Object.entries(tally.byReason)).toEqual([
      ['constructor', 1],
      ['__proto__', 1],
    ]);
  });
});
