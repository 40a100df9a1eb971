import { buildSchoolCalendar } from '../calendar';
import { sessionDateInWeek, sessionLoggedIn, sessionWeek } from './session-log';

const midden = buildSchoolCalendar('midden', [{ from: '2026-12-03', to: '2026-12-04', name: 'Studiedagen' }]);
const weekly = { sessionEveryWeeks: 1, sessionLogWithinSchoolDays: 2 };

describe('sessionWeek', () => {
  it('counts the log due date from the last school day of the session week', () => {
    // Start Monday 23 November 2026: week 1 is 23–29 November, last school day Friday 27, due 2 school days later.
    const w = sessionWeek('2026-11-23', '2027-01-25', 1, midden, weekly);
    expect(w).toMatchObject({ week: 1, from: '2026-11-23', to: '2026-11-29', lastSchoolDay: '2026-11-27' });
    expect(w?.due?.date).toBe('2026-12-01');
    expect(w?.due?.rule).toBe('P1.sessionLogWithinSchoolDays');
    expect(w?.due?.inputs).toMatchObject({ week: 1, weekFrom: '2026-11-23', weekTo: '2026-11-29', start: '2026-11-27', schoolDays: 2 });
    expect(w?.due?.explanation).toContain('Sessie week 1 (2026-11-23 t/m 2026-11-29) vastleggen binnen 2 schooldagen na de laatste schooldag van die week (2026-11-27)');
  });

  it('uses the last school day when the end of the week is a school day off', () => {
    // Week 2 (30 November – 6 December): Thursday 3 and Friday 4 are studiedagen; the session is on Wednesday 2 at the latest.
    const w = sessionWeek('2026-11-23', '2027-01-25', 2, midden, weekly);
    expect(w?.lastSchoolDay).toBe('2026-12-02');
    expect(w?.due?.date).toBe('2026-12-08');
  });

  it('has no session in a week that is entirely school holiday (kerstvakantie)', () => {
    const w5 = sessionWeek('2026-11-23', '2027-01-25', 5, midden, weekly);
    expect(w5).toMatchObject({ from: '2026-12-21', to: '2026-12-27', lastSchoolDay: null, due: null });
    // A partly-holiday week still has a session: week 4 ends with the last school day before the holiday.
    const w4 = sessionWeek('2026-11-23', '2027-01-25', 4, midden, weekly);
    expect(w4?.lastSchoolDay).toBe('2026-12-18');
    expect(w4?.due?.date).toBe('2027-01-05');
  });

  it('starts mid-week and stops at the end date; an extension adds weeks', () => {
    const w = sessionWeek('2026-11-25', '2026-12-09', 2, midden, weekly);
    expect(w).toMatchObject({ from: '2026-12-02', to: '2026-12-08', lastSchoolDay: '2026-12-08' });
    expect(sessionWeek('2026-11-25', '2026-12-09', 3, midden, weekly)).toBeNull();
    expect(sessionWeek('2026-11-25', '2026-12-16', 3, midden, weekly)?.from).toBe('2026-12-09');
  });

  it('follows sessionEveryWeeks and clips the last period to the end date', () => {
    const fortnightly = { sessionEveryWeeks: 2, sessionLogWithinSchoolDays: 1 };
    expect(sessionWeek('2026-11-23', '2027-01-11', 2, midden, fortnightly)).toMatchObject({ from: '2026-12-07', to: '2026-12-20', lastSchoolDay: '2026-12-18' });
    expect(sessionWeek('2026-11-23', '2026-12-14', 2, midden, fortnightly)).toMatchObject({ from: '2026-12-07', to: '2026-12-13', lastSchoolDay: '2026-12-11' });
  });

  it('rejects a week number below 1', () => {
    expect(() => sessionWeek('2026-11-23', '2027-01-25', 0, midden, weekly)).toThrow(RangeError);
  });
});

describe('sessionLoggedIn', () => {
  it('is true for a session dated inside the week, attended or not', () => {
    const week = { from: '2026-11-23', to: '2026-11-29' };
    expect(sessionLoggedIn(week, [{ date: '2026-11-22' }, { date: '2026-11-30' }])).toBe(false);
    expect(sessionLoggedIn(week, [{ date: '2026-11-29' }])).toBe(true);
    expect(sessionLoggedIn(week, [])).toBe(false);
  });
});

describe('sessionDateInWeek', () => {
  const calendar = buildSchoolCalendar('midden');
  const policy = { sessionEveryWeeks: 1, sessionLogWithinSchoolDays: 2 };

  it('gives the day of the week window with the slot weekday', () => {
    // A trajectory from Wednesday 13 January 2027: week 1 is Wed 13 – Tue 19 January.
    const week = sessionWeek('2027-01-13', '2027-03-10', 1, calendar, policy);
    expect(sessionDateInWeek(week!, 2, calendar)).toBe('2027-01-19');
    expect(sessionDateInWeek(week!, 4, calendar)).toBe('2027-01-14');
  });

  it('has no session (so no reminder) on a holiday', () => {
    // Voorjaarsvakantie midden 2027: 20–28 February.
    const week = sessionWeek('2027-02-17', '2027-04-14', 1, calendar, policy);
    expect(week!.from).toBe('2027-02-17');
    // Week 1 is Wed 17 – Tue 23 February: the Tuesday falls in the holiday, the Thursday does not.
    expect(sessionDateInWeek(week!, 2, calendar)).toBeNull();
    expect(sessionDateInWeek(week!, 4, calendar)).toBe('2027-02-18');
  });

  it('refuses a weekday outside 1–7', () => {
    const week = sessionWeek('2027-01-13', '2027-03-10', 1, calendar, policy);
    expect(() => sessionDateInWeek(week!, 0, calendar)).toThrow(RangeError);
  });
});
