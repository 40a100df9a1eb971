import { buildSchoolCalendar, isSchoolDay } from '../logic/calendar';
import { dueInSchoolDays } from '../logic/due-dates';
import { checkDayOff, isSchoolYear, MAX_DAY_OFF_CALENDAR_DAYS } from './school-days-off';

describe('checkDayOff', () => {
  it('accepts a named range in one school year and derives the school year', () => {
    expect(checkDayOff({ from: '2027-02-08', to: '2027-02-08', name: '  Studiedag ' })).toEqual({
      problems: [],
      value: { from: '2027-02-08', to: '2027-02-08', name: 'Studiedag', schoolYear: '2026-2027' },
    });
    expect(checkDayOff({ from: '2027-05-07', to: '2027-05-14', name: 'Extra meivakantie', schoolYear: '2026-2027' }).value?.schoolYear).toBe('2026-2027');
  });

  it('counts 1 August as the first day of a school year', () => {
    expect(checkDayOff({ from: '2027-07-31', to: '2027-07-31', name: 'Laatste dag' }).value?.schoolYear).toBe('2026-2027');
    expect(checkDayOff({ from: '2027-08-01', to: '2027-08-01', name: 'Eerste dag' }).value?.schoolYear).toBe('2027-2028');
  });

  it('lists every problem at once', () => {
    const r = checkDayOff({ from: '2027-02-30', to: 'morgen', name: '' });
    expect(r.value).toBeNull();
    expect(r.problems.map((p) => p.field)).toEqual(['from', 'to', 'name']);
    expect(r.problems[0]).toEqual({ field: 'from', nl: 'van moet een datum zijn (JJJJ-MM-DD)', en: 'from must be a date (YYYY-MM-DD)' });
  });

  it('refuses a range that ends before it starts', () => {
    const r = checkDayOff({ from: '2027-02-10', to: '2027-02-09', name: 'Omgedraaid' });
    expect(r.problems).toEqual([{ field: 'to', nl: 'tot en met (2027-02-09) ligt vóór van (2027-02-10)', en: 'to (2027-02-09) is before from (2027-02-10)' }]);
  });

  it('refuses a range across two school years, a too long range and a wrong school year', () => {
    const across = checkDayOff({ from: '2027-07-30', to: '2027-08-02', name: 'Over de grens' });
    expect(across.problems.map((p) => p.en)).toEqual(['from and to must fall in the same school year (2026-2027 ends on 31 July)']);
    const long = checkDayOff({ from: '2027-01-04', to: '2027-03-04', name: 'Te lang' });
    expect(long.problems[0].nl).toContain(`hoogstens ${MAX_DAY_OFF_CALENDAR_DAYS} dagen (deze: 60)`);
    const wrongYear = checkDayOff({ from: '2027-02-08', to: '2027-02-08', name: 'Studiedag', schoolYear: '2027-2028' });
    expect(wrongYear.problems.map((p) => p.nl)).toEqual(['de datums vallen in schooljaar 2026-2027, niet in 2027-2028']);
  });

  it('refuses an overlap with an existing day off of the school, naming it', () => {
    const existing = [
      { id: 'a', from: '2027-02-08', to: '2027-02-09', name: 'Studiedagen' },
      { id: 'b', from: '2027-03-01', to: '2027-03-01', name: 'Teamdag' },
    ];
    expect(checkDayOff({ from: '2027-02-09', to: '2027-02-10', name: 'Nieuw' }, existing).problems.map((p) => p.nl)).toEqual([
      'overlapt met "Studiedagen" (2027-02-08 t/m 2027-02-09)',
    ]);
    expect(checkDayOff({ from: '2027-02-01', to: '2027-03-03', name: 'Alles' }, existing).problems.map((p) => p.en)).toEqual([
      'overlaps with "Studiedagen" (2027-02-08 to 2027-02-09)',
      'overlaps with "Teamdag" (2027-03-01 to 2027-03-01)',
    ]);
    // Touching, not overlapping.
    expect(checkDayOff({ from: '2027-02-10', to: '2027-02-12', name: 'Erna' }, existing).problems).toEqual([]);
  });

  it('makes checked days off usable in a school calendar and its due dates', () => {
    const dayOff = checkDayOff({ from: '2027-02-08', to: '2027-02-09', name: 'Studiedagen' }).value;
    expect(dayOff).not.toBeNull();
    const cal = buildSchoolCalendar('midden', dayOff ? [dayOff] : []);
    expect(isSchoolDay('2027-02-08', cal)).toBe(false);
    const due = dueInSchoolDays('2027-02-05', 1, cal, 'test');
    expect(due.date).toBe('2027-02-10');
    expect(due.explanation).toContain('Studiedagen 2');
  });
});

describe('isSchoolYear', () => {
  it('accepts two consecutive years only', () => {
    expect(isSchoolYear('2026-2027')).toBe(true);
    expect(isSchoolYear('2026-2028')).toBe(false);
    expect(isSchoolYear('2026/2027')).toBe(false);
    expect(isSchoolYear(2026)).toBe(false);
  });
});

describe('checkDayOff: school years around today', () => {
  const today = '2027-01-12';

  it('accepts the current school year and two before and after it', () => {
    for (const from of ['2024-08-01', '2026-10-05', '2029-07-31']) {
      expect(checkDayOff({ from, to: from, name: 'Studiedag' }, [], { today }).problems).toEqual([]);
    }
  });

  it('refuses a school year further away (such as 9999) with one clear problem', () => {
    for (const from of ['2024-07-31', '2029-08-01', '9999-12-31', '1000-01-01']) {
      const checked = checkDayOff({ from, to: from, name: 'Studiedag' }, [], { today });
      expect(checked.value).toBeNull();
      expect(checked.problems).toEqual([expect.objectContaining({ field: 'from', nl: expect.stringContaining('schooljaar 2024-2025 tot en met 2028-2029') })]);
    }
  });
});
