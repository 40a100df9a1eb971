import { buildSchoolCalendar, isSchoolDay } from '../calendar';
import { DEFAULT_LADDER, reminderLadder, rungsAfter, type LadderPolicy, type Rung } from './reminder-ladder';

const midden = buildSchoolCalendar('midden');
const noord = buildSchoolCalendar('noord');

const brief = (rungs: Rung[]) => rungs.map((r) => `${r.key} ${r.kind} ${r.offsetSchoolDays} ${r.date} ${r.at}`);

describe('DEFAULT_LADDER', () => {
  it('is the ladder of cross-cutting rule 1', () => {
    expect(DEFAULT_LADDER).toEqual({
      remindBeforeSchoolDays: [2],
      remindOnDueDate: true,
      repeatEverySchoolDays: 2,
      escalateAfterSchoolDays: 3,
      stuckAfterSchoolDays: 10,
      sendAtHour: 8,
      sendAtMinute: 0,
    });
  });

  it('is frozen, also its array', () => {
    expect(Object.isFrozen(DEFAULT_LADDER)).toBe(true);
    expect(Object.isFrozen(DEFAULT_LADDER.remindBeforeSchoolDays)).toBe(true);
  });
});

describe('reminderLadder', () => {
  it('builds the default ladder for a Monday due date, at 08:00 Amsterdam (07:00Z in winter)', () => {
    expect(brief(reminderLadder('2026-11-23', DEFAULT_LADDER, midden))).toEqual([
      'before-2 REMINDER -2 2026-11-19 2026-11-19T07:00:00.000Z',
      'due REMINDER 0 2026-11-23 2026-11-23T07:00:00.000Z',
      'after-2 REMINDER 2 2026-11-25 2026-11-25T07:00:00.000Z',
      'escalate-3 ESCALATION 3 2026-11-26 2026-11-26T07:00:00.000Z',
      'after-4 REMINDER 4 2026-11-27 2026-11-27T07:00:00.000Z',
      'after-6 REMINDER 6 2026-12-01 2026-12-01T07:00:00.000Z',
      'after-8 REMINDER 8 2026-12-03 2026-12-03T07:00:00.000Z',
      'stuck-10 STUCK 10 2026-12-07 2026-12-07T07:00:00.000Z',
    ]);
  });

  it('skips Easter holidays and changes the UTC hour at the start of DST (last Sunday of March)', () => {
    expect(brief(reminderLadder('2026-03-27', DEFAULT_LADDER, midden))).toEqual([
      'before-2 REMINDER -2 2026-03-25 2026-03-25T07:00:00.000Z',
      'due REMINDER 0 2026-03-27 2026-03-27T07:00:00.000Z',
      'after-2 REMINDER 2 2026-03-31 2026-03-31T06:00:00.000Z',
      'escalate-3 ESCALATION 3 2026-04-01 2026-04-01T06:00:00.000Z',
      'after-4 REMINDER 4 2026-04-02 2026-04-02T06:00:00.000Z',
      // Goede Vrijdag 3 April and Tweede Paasdag 6 April are skipped.
      'after-6 REMINDER 6 2026-04-08 2026-04-08T06:00:00.000Z',
      'after-8 REMINDER 8 2026-04-10 2026-04-10T06:00:00.000Z',
      'stuck-10 STUCK 10 2026-04-14 2026-04-14T06:00:00.000Z',
    ]);
  });

  it('changes the UTC hour at the end of DST (last Sunday of October)', () => {
    const rungs = reminderLadder('2026-10-23', DEFAULT_LADDER, noord);
    expect(rungs.find((r) => r.key === 'due')?.at).toBe('2026-10-23T06:00:00.000Z');
    expect(rungs.find((r) => r.key === 'after-2')).toMatchObject({ date: '2026-10-27', at: '2026-10-27T07:00:00.000Z' });
  });

  it('jumps a vacation: the due date is the last school day before the herfstvakantie', () => {
    expect(brief(reminderLadder('2026-10-16', DEFAULT_LADDER, midden)).slice(1, 4)).toEqual([
      'due REMINDER 0 2026-10-16 2026-10-16T06:00:00.000Z',
      'after-2 REMINDER 2 2026-10-27 2026-10-27T07:00:00.000Z',
      'escalate-3 ESCALATION 3 2026-10-28 2026-10-28T07:00:00.000Z',
    ]);
  });

  it('crosses the zomervakantie and the school-year boundary', () => {
    const rungs = reminderLadder('2027-07-15', DEFAULT_LADDER, midden);
    expect(rungs.map((r) => r.date)).toEqual([
      '2027-07-13',
      '2027-07-15',
      '2027-08-30', // after-2: Friday 16 July, then Monday 30 August
      '2027-08-31',
      '2027-09-01',
      '2027-09-03',
      '2027-09-07',
      '2027-09-09',
    ]);
  });

  it('moves the due rung of a due date on a non-school day to the next school day', () => {
    const rungs = reminderLadder('2026-11-21', DEFAULT_LADDER, midden); // a Saturday
    expect(rungs.find((r) => r.key === 'due')?.date).toBe('2026-11-23');
    expect(rungs.find((r) => r.key === 'before-2')?.date).toBe('2026-11-19');
    expect(rungs.every((r) => isSchoolDay(r.date, midden))).toBe(true);
  });

  it('keeps a reminder and an escalation on the same day, the reminder first', () => {
    const policy: LadderPolicy = { ...DEFAULT_LADDER, repeatEverySchoolDays: 3, stuckAfterSchoolDays: 7 };
    expect(reminderLadder('2026-11-23', policy, midden).map((r) => r.key)).toEqual([
      'before-2',
      'due',
      'after-3',
      'escalate-3',
      'after-6',
      'stuck-7',
    ]);
  });

  it('puts reminders strictly before the stuck offset only', () => {
    const keys = reminderLadder('2026-11-23', { ...DEFAULT_LADDER, repeatEverySchoolDays: 5 }, midden).map((r) => r.key);
    expect(keys).toEqual(['before-2', 'due', 'escalate-3', 'after-5', 'stuck-10']);
    expect(keys).not.toContain('after-10');
  });

  it('follows a custom policy: several early reminders, no due-date reminder, no repeats, another send time', () => {
    const policy: LadderPolicy = {
      remindBeforeSchoolDays: [5, 1, 5, 0, -1],
      remindOnDueDate: false,
      repeatEverySchoolDays: 0,
      escalateAfterSchoolDays: 1,
      stuckAfterSchoolDays: 4,
      sendAtHour: 0,
      sendAtMinute: 30,
    };
    expect(brief(reminderLadder('2026-11-23', policy, midden))).toEqual([
      'before-5 REMINDER -5 2026-11-16 2026-11-15T23:30:00.000Z',
      'before-1 REMINDER -1 2026-11-20 2026-11-19T23:30:00.000Z',
      'escalate-1 ESCALATION 1 2026-11-24 2026-11-23T23:30:00.000Z',
      'stuck-4 STUCK 4 2026-11-27 2026-11-26T23:30:00.000Z',
    ]);
  });

  it('gives unique keys and is sorted by instant', () => {
    for (const due of ['2026-09-01', '2026-12-17', '2027-02-19', '2027-05-05', '2028-04-26']) {
      const rungs = reminderLadder(due, DEFAULT_LADDER, midden);
      expect(new Set(rungs.map((r) => r.key)).size).toBe(rungs.length);
      const times = rungs.map((r) => Date.parse(r.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it('rejects an invalid due date and an invalid send time', () => {
    expect(() => reminderLadder('2026-02-30', DEFAULT_LADDER, midden)).toThrow(/due: expected an ISO calendar date/);
    expect(() => reminderLadder('2026-11-23', { ...DEFAULT_LADDER, sendAtHour: 24 }, midden)).toThrow(/hour/);
  });
});

describe('rungsAfter', () => {
  const rungs = reminderLadder('2026-11-23', DEFAULT_LADDER, midden);
  const dueAt = Date.parse('2026-11-23T07:00:00.000Z');

  it('keeps the rungs at or after now, in order', () => {
    expect(rungsAfter(rungs, dueAt).map((r) => r.key)).toEqual([
      'due',
      'after-2',
      'escalate-3',
      'after-4',
      'after-6',
      'after-8',
      'stuck-10',
    ]);
    expect(rungsAfter(rungs, dueAt + 1)[0]?.key).toBe('after-2');
    expect(rungsAfter(rungs, dueAt - 1)[0]?.key).toBe('due');
  });

  it('returns everything before the first rung and nothing after the last', () => {
    expect(rungsAfter(rungs, 0)).toEqual(rungs);
    expect(rungsAfter(rungs, Date.parse('2026-12-07T07:00:00.001Z'))).toEqual([]);
  });

  it('does not change its input', () => {
    const copy = rungs.map((r) => ({ ...r }));
    rungsAfter(rungs, dueAt);
    expect(rungs).toEqual(copy);
  });

  it('rejects a non-finite now', () => {
    expect(() => rungsAfter(rungs, Number.NaN)).toThrow(/nowMs/);
  });
});
