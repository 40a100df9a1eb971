import { buildSchoolCalendar, DEFAULT_POLICIES } from '@zorgroute/domain/logic';
import { zorgplichtApplicationRejection, zorgplichtClockStatus, zorgplichtDecidedOnTime, extendZorgplichtClock, zorgplichtExtensionRejection, startZorgplichtClock, zorgplichtSwvSignalPlan, zorgplichtWorkflowId } from './zorgplicht-clock';

const cal = buildSchoolCalendar('midden');
const policy = DEFAULT_POLICIES.zorgplicht;

describe('zorgplicht clock (P4)', () => {
  const clock = startZorgplichtClock('2026-11-02', policy, cal);

  it('is due 6 calendar weeks after receipt, with an explanation that names the rule', () => {
    expect(clock.firstTerm.date).toBe('2026-12-14');
    expect(clock.due).toEqual(clock.firstTerm);
    expect(clock.due.rule).toBe('P4.decisionWeeks');
    expect(clock.due.explanation).toBe(
      'Besluit uiterlijk 2026-12-14: 6 kalenderweken na 2026-11-02 (de zomervakantie schort de termijn niet op); 2026-11-02 is de datum van ontvangst van de schriftelijke aanmelding (regel P4.decisionWeeks).',
    );
    expect(clock.tenWeekMark.date).toBe('2027-01-11');
  });

  it('suspends the term during the zomervakantie only when the policy says so', () => {
    const summer = startZorgplichtClock('2027-07-01', { ...policy, suspendSummerHoliday: true }, cal);
    // midden 2027: zomervakantie 17 July – 29 August (44 days).
    expect(summer.due.date).toBe('2027-09-25');
    expect(summer.due.inputs.daysSuspended).toBe(44);
    expect(summer.due.explanation).toContain('verlengd met 44 dagen zomervakantie');
    expect(startZorgplichtClock('2027-07-01', policy, cal).due.date).toBe('2027-08-12');
  });

  it('allows one extension, up to and including the last day of the first term (the weeks are a field of the step: libs/processes)', () => {
    expect(zorgplichtExtensionRejection(clock, 0, '2026-12-14', policy)).toBeNull();
    expect(zorgplichtExtensionRejection(clock, 0, '2026-11-02', policy)).toBeNull();
    expect(zorgplichtExtensionRejection(clock, 0, '2026-12-15', policy)?.code).toBe('STEP_NOT_ALLOWED');
    expect(zorgplichtExtensionRejection(clock, 0, '2026-12-15', policy)?.nl).toContain('De eerste termijn is verstreken op 2026-12-14');
    expect(zorgplichtExtensionRejection(clock, 1, '2026-12-01', policy)).toEqual(expect.objectContaining({ code: 'STEP_NOT_ALLOWED', nl: expect.stringContaining('al een keer verlengd') }));
    expect(zorgplichtExtensionRejection(clock, 1, '2026-12-15', policy)?.nl).toContain('al een keer verlengd');
  });

  it('extends from the end of the first term and explains it', () => {
    const ext = extendZorgplichtClock(clock, { weeks: 4, reason: 'OSO-dossier ontbreekt', extendedOn: '2026-12-14' }, cal);
    expect(ext.due.date).toBe('2027-01-11');
    expect(ext.due.rule).toBe('P4.extensionMaxWeeks');
    expect(ext.due.explanation).toContain('de termijn is op 2026-12-14 eenmalig verlengd met 4 weken na het einde van de eerste termijn (2026-12-14, ontvangst 2026-11-02)');
    expect(ext.firstTerm.date).toBe('2026-12-14');
  });

  it('plans the SWV signals: a week left, overdue the day after, and the 10-week mark', () => {
    expect(zorgplichtSwvSignalPlan(clock, policy).map((p) => [p.key, p.date])).toEqual([
      ['week-left-1', '2026-12-07'],
      ['overdue-1', '2026-12-15'],
      ['ten-weeks', '2027-01-11'],
    ]);
    // After an extension: no "week left" for the extended term (P4.3: "without decision or extension").
    const ext = extendZorgplichtClock(clock, { weeks: 2, reason: 'x', extendedOn: '2026-12-10' }, cal);
    expect(zorgplichtSwvSignalPlan(ext, policy).map((p) => [p.key, p.date])).toEqual([
      ['overdue-2', '2026-12-29'],
      ['ten-weeks', '2027-01-11'],
    ]);
  });

  it('sends no second "week left" after an extension (receipt 1 March 2027, extended on 9 April)', () => {
    const march = startZorgplichtClock('2027-03-01', policy, cal);
    const ext = extendZorgplichtClock(march, { weeks: 4, reason: 'OSO-dossier ontbreekt', extendedOn: '2027-04-09' }, cal);
    const plan = zorgplichtSwvSignalPlan(ext, policy);
    expect(plan.some((p) => p.signal === 'WEEK_LEFT')).toBe(false);
    expect(plan.map((p) => p.date)).not.toContain('2027-05-03');
    expect(plan.map((p) => p.signal).sort()).toEqual(['OVERDUE', 'TEN_WEEKS']);
  });

  it('counts days remaining in calendar days; the due date itself is on time', () => {
    expect(zorgplichtClockStatus(clock, '2026-12-07')).toEqual({ daysRemaining: 7, overdue: false, daysOverdue: 0, tenWeekReached: false, daysSinceReceipt: 35 });
    expect(zorgplichtClockStatus(clock, '2026-12-14')).toEqual(expect.objectContaining({ daysRemaining: 0, overdue: false }));
    expect(zorgplichtClockStatus(clock, '2026-12-16')).toEqual(expect.objectContaining({ daysRemaining: -2, overdue: true, daysOverdue: 2 }));
    expect(zorgplichtClockStatus(clock, '2027-01-11').tenWeekReached).toBe(true);
    expect(zorgplichtDecidedOnTime(clock, '2026-12-14')).toBe(true);
    expect(zorgplichtDecidedOnTime(clock, '2026-12-15')).toBe(false);
  });

  it('starts a clock only at the school of first preference, and only one per pupil', () => {
    const base = { schoolId: 'A', receivedOn: '2026-11-02', preferenceSchoolIds: ['A', 'B'], today: '2026-11-20' };
    expect(zorgplichtApplicationRejection(base)).toBeNull();
    expect(zorgplichtApplicationRejection({ ...base, schoolId: 'B' })).toEqual(expect.objectContaining({ code: 'NOT_FIRST_PREFERENCE', zorgplichtSchoolId: 'A' }));
    expect(zorgplichtApplicationRejection({ ...base, openClocks: [{ caseId: 'c1', schoolId: 'C' }] })).toEqual(expect.objectContaining({ code: 'CLOCK_ALREADY_RUNNING', zorgplichtSchoolId: 'C', caseId: 'c1' }));
    expect(zorgplichtApplicationRejection({ ...base, schoolId: 'C' })?.code).toBe('BAD_USER_INPUT');
    expect(zorgplichtApplicationRejection({ ...base, receivedOn: '2026-11-21' })?.nl).toContain('toekomst');
    expect(zorgplichtApplicationRejection({ ...base, receivedOn: '2025-11-01' })?.code).toBe('BAD_USER_INPUT');
    expect(zorgplichtApplicationRejection({ ...base, preferenceSchoolIds: ['A', 'A'] })?.code).toBe('BAD_USER_INPUT');
    expect(zorgplichtApplicationRejection({ ...base, preferenceSchoolIds: [] })?.code).toBe('BAD_USER_INPUT');
    expect(zorgplichtWorkflowId('p-1', '2026-11-02')).toBe('zorgplicht-p-1-2026-11-02');
  });
});
