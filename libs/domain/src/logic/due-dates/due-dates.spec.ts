import { buildSchoolCalendar, type SchoolCalendar } from '../calendar';
import { dueInCalendarWeeks, dueInSchoolDays } from './due-dates';

const midden = buildSchoolCalendar('midden');
const noord = buildSchoolCalendar('noord');

describe('dueInSchoolDays', () => {
  it('counts 10 school days over two weekends and explains it', () => {
    expect(dueInSchoolDays('2026-11-23', 10, midden, 'P1.intakeWithinSchoolDays')).toEqual({
      date: '2026-12-07',
      rule: 'P1.intakeWithinSchoolDays',
      inputs: {
        start: '2026-11-23',
        schoolDays: 10,
        region: 'midden',
        calendarSchoolYears: '2025-2026,2026-2027,2027-2028',
        schoolDaysOff: 0,
        skippedNonSchoolDays: 4,
        skipped: 'weekend: 4',
      },
      explanation: 'Uiterlijk 2026-12-07: 10 schooldagen na 2026-11-23 (regio midden; 4 vrije dagen overgeslagen: weekend 4).',
    });
  });

  it('names the vacation it skipped, in the order the reasons occur', () => {
    const due = dueInSchoolDays('2026-10-14', 5, midden, 'P2.triageWithinSchoolDays');
    expect(due.date).toBe('2026-10-28');
    expect(due.inputs.skippedNonSchoolDays).toBe(9);
    expect(due.inputs.skipped).toBe('weekend: 4, Herfstvakantie: 5');
    expect(due.explanation).toBe(
      'Uiterlijk 2026-10-28: 5 schooldagen na 2026-10-14 (regio midden; 9 vrije dagen overgeslagen: weekend 4, Herfstvakantie 5).',
    );
  });

  it('gives a different date in a region whose vacation falls in another week', () => {
    expect(dueInSchoolDays('2026-10-14', 5, noord, 'r').date).toBe('2026-10-23');
    expect(dueInSchoolDays('2026-10-14', 5, noord, 'r').explanation).toContain('regio noord');
  });

  it('names public holidays and school days off', () => {
    const cal = buildSchoolCalendar('midden', [{ from: '2027-03-31', to: '2027-03-31', name: 'Studiedag' }]);
    const due = dueInSchoolDays('2027-03-25', 3, cal, 'P3.formWithinSchoolDays');
    // Thu 25 → Tue 30 (1), Thu 1 April (2, Wed 31 is a Studiedag), Fri 2 April (3)
    expect(due.date).toBe('2027-04-02');
    expect(due.inputs.skipped).toBe('Goede Vrijdag: 1, weekend: 2, Tweede Paasdag: 1, Studiedag: 1');
    expect(due.inputs.schoolDaysOff).toBe(1);
    expect(due.explanation).toBe(
      'Uiterlijk 2027-04-02: 3 schooldagen na 2027-03-25 (regio midden; 5 vrije dagen overgeslagen: Goede Vrijdag 1, weekend 2, Tweede Paasdag 1, Studiedag 1).',
    );
  });

  it('crosses the zomervakantie into the next school year', () => {
    const due = dueInSchoolDays('2027-07-15', 2, midden, 'P3.outcomeWithinSchoolDays');
    expect(due.date).toBe('2027-08-30');
    expect(due.inputs.skipped).toBe('weekend: 14, Zomervakantie: 30'); // 17 July is a Saturday
  });

  it('uses the singular for one school day and one skipped day', () => {
    const cal = buildSchoolCalendar('midden', [{ from: '2026-11-24', to: '2026-11-24', name: 'Studiedag' }]);
    expect(dueInSchoolDays('2026-11-23', 1, cal, 'r').explanation).toBe(
      'Uiterlijk 2026-11-25: 1 schooldag na 2026-11-23 (regio midden; 1 vrije dag overgeslagen: Studiedag 1).',
    );
  });

  it('says so when nothing was skipped', () => {
    expect(dueInSchoolDays('2026-11-23', 2, midden, 'r').explanation).toBe(
      'Uiterlijk 2026-11-25: 2 schooldagen na 2026-11-23 (regio midden; geen vrije dagen overgeslagen).',
    );
  });

  it('counts backwards for a negative number (an agenda sent 5 school days before a meeting)', () => {
    const due = dueInSchoolDays('2026-11-23', -5, midden, 'P2.zatAgendaBeforeSchoolDays');
    expect(due.date).toBe('2026-11-16');
    expect(due.inputs.schoolDays).toBe(-5);
    expect(due.explanation).toBe(
      'Uiterlijk 2026-11-16: 5 schooldagen vóór 2026-11-23 (regio midden; 2 vrije dagen overgeslagen: weekend 2).',
    );
    // Backwards over the kerstvakantie.
    expect(dueInSchoolDays('2027-01-05', -2, midden, 'r').date).toBe('2026-12-18');
    expect(dueInSchoolDays('2027-01-05', -2, midden, 'r').inputs.skipped).toBe('weekend: 6, Kerstvakantie: 10');
  });

  it('for 0 days: the start itself on a school day, else the next school day with the start counted as skipped', () => {
    expect(dueInSchoolDays('2026-11-23', 0, midden, 'r').explanation).toBe(
      'Uiterlijk 2026-11-23: op 2026-11-23 zelf (een schooldag) (regio midden; geen vrije dagen overgeslagen).',
    );
    const weekend = dueInSchoolDays('2026-11-21', 0, midden, 'r');
    expect(weekend.date).toBe('2026-11-23');
    expect(weekend.explanation).toBe(
      'Uiterlijk 2026-11-23: eerstvolgende schooldag vanaf 2026-11-21 (regio midden; 2 vrije dagen overgeslagen: weekend 2).',
    );
  });

  it('records the calendar coverage; a hand-made calendar has none', () => {
    const bare: SchoolCalendar = { region: 'zuid', holidays: [], daysOff: [] };
    expect(dueInSchoolDays('2026-11-23', 1, bare, 'r').inputs.calendarSchoolYears).toBe('');
  });

  it('rejects bad input', () => {
    expect(() => dueInSchoolDays('2026-11-31', 1, midden, 'r')).toThrow(/start: expected an ISO calendar date/);
    expect(() => dueInSchoolDays('2026-11-23', 2.5, midden, 'r')).toThrow(/schoolDays: expected an integer/);
    expect(() => dueInSchoolDays('2026-11-23', 2, midden, '')).toThrow(/rule/);
  });
});

describe('dueInCalendarWeeks', () => {
  it('adds calendar weeks and records that the zomervakantie does not suspend the term', () => {
    expect(dueInCalendarWeeks('2026-09-14', 6, 'P4.decisionWeeks')).toEqual({
      date: '2026-10-26',
      rule: 'P4.decisionWeeks',
      inputs: { start: '2026-09-14', weeks: 6, suspendSummerHoliday: false, daysSuspended: 0 },
      explanation: 'Uiterlijk 2026-10-26: 6 kalenderweken na 2026-09-14 (de zomervakantie schort de termijn niet op).',
    });
  });

  it('ignores holidays and weekends: the due date may be a vacation day', () => {
    const due = dueInCalendarWeeks('2026-09-07', 6, 'P4.decisionWeeks', { cal: midden });
    expect(due.date).toBe('2026-10-19'); // a Monday in the herfstvakantie of midden
    expect(due.inputs).toEqual({
      start: '2026-09-07',
      weeks: 6,
      suspendSummerHoliday: false,
      daysSuspended: 0,
      region: 'midden',
    });
  });

  it('counts exact days across daylight-saving changes and leap days', () => {
    expect(dueInCalendarWeeks('2026-03-20', 6, 'r').date).toBe('2026-05-01');
    expect(dueInCalendarWeeks('2026-10-01', 6, 'r').date).toBe('2026-11-12');
    expect(dueInCalendarWeeks('2028-02-01', 4, 'r').date).toBe('2028-02-29');
  });

  it('supports an extension from the original due date and a look-back (negative weeks)', () => {
    expect(dueInCalendarWeeks('2026-10-26', 4, 'P4.extensionMaxWeeks').date).toBe('2026-11-23');
    const back = dueInCalendarWeeks('2026-11-23', -1, 'P4.swvWarn');
    expect(back.date).toBe('2026-11-16');
    expect(back.explanation).toBe(
      'Uiterlijk 2026-11-16: 1 kalenderweek vóór 2026-11-23 (de zomervakantie schort de termijn niet op).',
    );
  });

  describe('with the zomervakantie suspending the term', () => {
    it('adds the whole zomervakantie when the term runs into it (noord 2026: 4 July - 16 August)', () => {
      const due = dueInCalendarWeeks('2026-06-01', 6, 'P4.decisionWeeks', { suspendSummerHoliday: true, cal: noord });
      // 1 June + 32 days reaches 3 July; the clock stops for 44 days; the last 10 days run 17-26 August.
      expect(due.date).toBe('2026-08-26');
      expect(due.inputs).toEqual({
        start: '2026-06-01',
        weeks: 6,
        suspendSummerHoliday: true,
        daysSuspended: 44,
        region: 'noord',
      });
      expect(due.explanation).toBe(
        'Uiterlijk 2026-08-26: 6 kalenderweken na 2026-06-01, verlengd met 44 dagen zomervakantie (regio noord; de termijn loopt niet tijdens de zomervakantie).',
      );
    });

    it('adds nothing when the term ends before the zomervakantie of the region', () => {
      // Without suspension the term ends on 13 July; midden's zomervakantie 2026 starts on 18 July.
      const due = dueInCalendarWeeks('2026-06-01', 6, 'P4.decisionWeeks', { suspendSummerHoliday: true, cal: midden });
      expect(due.date).toBe('2026-07-13');
      expect(due.inputs.daysSuspended).toBe(0);
      expect(due.explanation).toBe(
        'Uiterlijk 2026-07-13: 6 kalenderweken na 2026-06-01, geen zomervakantie binnen de termijn (regio midden; de termijn loopt niet tijdens de zomervakantie).',
      );
    });

    it('keeps adding while the extension itself lands in the zomervakantie', () => {
      // Midden 2026: 18 July - 30 August. 15 June + 6 weeks = 27 July, inside the summer.
      const due = dueInCalendarWeeks('2026-06-15', 6, 'r', { suspendSummerHoliday: true, cal: midden });
      expect(due.date).toBe('2026-09-09');
      expect(due.inputs.daysSuspended).toBe(44);
    });

    it('starts the clock after the zomervakantie for an application received during it', () => {
      const during = dueInCalendarWeeks('2026-08-01', 6, 'r', { suspendSummerHoliday: true, cal: noord });
      expect(during.date).toBe('2026-09-27');
      expect(during.inputs.daysSuspended).toBe(15); // 2-16 August
      const lastDay = dueInCalendarWeeks('2026-08-16', 6, 'r', { suspendSummerHoliday: true, cal: noord });
      expect(lastDay.date).toBe('2026-09-27');
      expect(lastDay.inputs.daysSuspended).toBe(0);
    });

    it('never ends on a zomervakantie day and equals the plain term outside the summer', () => {
      for (const start of ['2026-05-01', '2026-06-20', '2026-07-10', '2026-09-01', '2027-06-05']) {
        const due = dueInCalendarWeeks(start, 6, 'r', { suspendSummerHoliday: true, cal: noord });
        const summer = noord.holidays.filter((h) => h.name === 'Zomervakantie');
        expect(summer.some((s) => s.from <= due.date && due.date <= s.to)).toBe(false);
        const plain = dueInCalendarWeeks(start, 6, 'r').date;
        if (due.inputs.daysSuspended === 0) expect(due.date).toBe(plain);
        else expect(due.date > plain).toBe(true);
      }
    });

    it('counts backwards symmetrically for negative weeks', () => {
      const due = dueInCalendarWeeks('2026-08-26', -6, 'r', { suspendSummerHoliday: true, cal: noord });
      expect(due.date).toBe('2026-06-01');
      expect(due.inputs.daysSuspended).toBe(44);
      expect(due.explanation).toContain('6 kalenderweken vóór 2026-08-26');
    });

    it('requires a calendar', () => {
      expect(() => dueInCalendarWeeks('2026-06-01', 6, 'r', { suspendSummerHoliday: true })).toThrow(
        /suspendSummerHoliday needs a school calendar/,
      );
    });
  });

  it('rejects bad input', () => {
    expect(() => dueInCalendarWeeks('2026-13-01', 6, 'r')).toThrow(/start: expected an ISO calendar date/);
    expect(() => dueInCalendarWeeks('2026-06-01', 1.5, 'r')).toThrow(/weeks: expected an integer/);
    expect(() => dueInCalendarWeeks('2026-06-01', 6, ' ')).toThrow(/rule/);
  });
});
