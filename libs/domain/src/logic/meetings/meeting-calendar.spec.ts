import { buildSchoolCalendar } from '../calendar';
import { checkZatCalendar, meetingPlanProblems, MIN_ZAT_MEETINGS_PER_SCHOOL_YEAR, zatCalendarDates, type MeetingFacts } from './meeting-calendar';

const cal = buildSchoolCalendar('midden', [{ from: '2027-03-10', to: '2027-03-10', name: 'Studiedag' }]);
const zat = (date: string, cancelled = false): MeetingFacts => ({ kind: 'ZAT', date, cancelled });

describe('checkZatCalendar (at least 6 ZAT meetings per school year)', () => {
  const six = ['2026-09-15', '2026-10-20', '2026-11-24', '2027-01-19', '2027-03-16', '2027-05-18'].map((d) => zat(d));

  it('warns when a school year has fewer than 6 ZAT meetings, in Dutch with the count', () => {
    const check = checkZatCalendar(six.slice(0, 4), '2026-2027', false);
    expect(check).toEqual(expect.objectContaining({ count: 4, minimum: 6 }));
    expect(check.warning).toBe('Schooljaar 2026-2027 heeft 4 ZAT-overleggen; plan er minstens 6 per schooljaar.');
    expect(checkZatCalendar([], '2026-2027', false).warning).toContain('nog geen ZAT-overleggen');
  });

  it('is satisfied by 6 meetings of that school year', () => {
    expect(MIN_ZAT_MEETINGS_PER_SCHOOL_YEAR).toBe(6);
    expect(checkZatCalendar(six, '2026-2027', false)).toEqual(expect.objectContaining({ count: 6, warning: null, warningEn: null }));
  });

  it('does not count cancelled meetings, other kinds or other school years', () => {
    const meetings: MeetingFacts[] = [...six.slice(0, 5), zat('2027-06-15', true), { kind: 'IZO', date: '2027-06-08', cancelled: false }, { kind: 'FLEX_ZAT', date: '2027-06-09', cancelled: false }, zat('2027-09-14')];
    const check = checkZatCalendar(meetings, '2026-2027', false);
    expect(check.count).toBe(5);
    expect(check.warning).not.toBeNull();
  });

  it('gives no warning to a school that convenes a Flex-ZAT instead', () => {
    expect(checkZatCalendar([], '2026-2027', true).warning).toBeNull();
  });
});

describe('meetingPlanProblems', () => {
  it('accepts a meeting on a school day from today on', () => {
    expect(meetingPlanProblems({ kind: 'IZO', date: '2027-03-16', time: '14:30', location: 'kamer 12', schoolYear: '2026-2027' }, '2027-03-01', cal)).toEqual([]);
  });

  it('lists every problem: kind, past date, no school day, school year, time, place', () => {
    const fields = (p: Parameters<typeof meetingPlanProblems>[0], today = '2027-03-01') => meetingPlanProblems(p, today, cal).map((x) => x.field);
    expect(fields({ kind: 'OVERLEG', date: '2027-03-16' })).toEqual(['kind']);
    expect(fields({ kind: 'ZAT', date: '2027-02-30' })).toEqual(['date']);
    expect(fields({ kind: 'ZAT', date: '2027-02-02' })).toEqual(['date']);
    expect(fields({ kind: 'ZAT', date: '2027-03-10' })).toEqual(['date']);
    expect(fields({ kind: 'ZAT', date: '2027-03-13' })).toEqual(['date']);
    expect(fields({ kind: 'ZAT', date: '2027-03-16', schoolYear: '2027-2028' })).toEqual(['schoolYear']);
    expect(fields({ kind: 'ZAT', date: '2027-03-16', time: '9 uur' })).toEqual(['time']);
    expect(fields({ kind: 'ZAT', date: '2027-03-16', location: 'x'.repeat(121) })).toEqual(['location']);
    expect(meetingPlanProblems({ kind: 'ZAT', date: '2027-03-10' }, '2027-03-01', cal)[0].nl).toMatch(/^de datum is geen schooldag/);
  });
});

describe('zatCalendarDates (the dates a new P2 case snapshots)', () => {
  it('are the ZAT meetings not cancelled, sorted, once each', () => {
    expect(zatCalendarDates([zat('2027-05-18'), zat('2027-03-16'), zat('2027-03-16'), zat('2027-04-13', true), { kind: 'IZO', date: '2027-03-02', cancelled: false }])).toEqual(['2027-03-16', '2027-05-18']);
  });
});
