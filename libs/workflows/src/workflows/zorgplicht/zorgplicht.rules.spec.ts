import { buildSchoolCalendar, DEFAULT_POLICIES } from '@zorgroute/domain/logic';
import { startZorgplichtClock, zorgplichtSwvSignalPlan, type ZorgplichtSwvSignalPlan } from './zorgplicht-clock';
import { zorgplichtDecision, zorgplichtOpenSteps, zorgplichtSignalDays, zorgplichtSignalToSend } from './zorgplicht.rules';

const cal = buildSchoolCalendar('midden');
const policy = DEFAULT_POLICIES.zorgplicht;

describe('P4 rules', () => {
  const clock = startZorgplichtClock('2026-11-02', policy, cal);

  it('open steps: none once decided; the extension only while allowed and not under way', () => {
    expect(zorgplichtOpenSteps({ open: false, extending: false, extensionAllowed: true })).toEqual([]);
    expect(zorgplichtOpenSteps({ open: true, extending: false, extensionAllowed: true })).toEqual(['RECORD_INVESTIGATION', 'EXTEND_TERM', 'RECORD_DECISION']);
    expect(zorgplichtOpenSteps({ open: true, extending: true, extensionAllowed: true })).toEqual(['RECORD_INVESTIGATION', 'RECORD_DECISION']);
    expect(zorgplichtOpenSteps({ open: true, extending: false, extensionAllowed: false })).toEqual(['RECORD_INVESTIGATION', 'RECORD_DECISION']);
  });

  it('a decision records whether it was on time, the fields of its outcome only and the last day to object', () => {
    const admitted = zorgplichtDecision(
      { outcome: 'TOEGELATEN', motivation: ' past ', arrangement: ' extra begeleiding ', admittingSchoolName: 'Elders', tlvRequestedOn: '2026-12-01', reason: 'x' },
      'Marieke Verhoef',
      '2026-12-14',
      clock,
      policy,
    );
    expect(admitted).toEqual({
      outcome: 'TOEGELATEN',
      decidedOn: '2026-12-14',
      onTime: true,
      motivation: 'past',
      arrangement: 'extra begeleiding',
      admittingSchoolName: null,
      admittingSchoolId: null,
      agreementDate: null,
      agreementNote: null,
      tlvRequestedOn: null,
      reason: null,
      bezwaarUntil: '2027-01-25',
      decidedBy: 'Marieke Verhoef',
    });
    const late = zorgplichtDecision({ outcome: 'PLEK_ELDERS', motivation: 'vol', admittingSchoolName: ' Het Baken ', admittingSchoolId: 's-2', agreementDate: '2026-12-10', agreementNote: ' ' }, null, '2026-12-15', clock, policy);
    expect(late).toMatchObject({ onTime: false, admittingSchoolName: 'Het Baken', admittingSchoolId: 's-2', agreementDate: '2026-12-10', agreementNote: null, arrangement: null });
    expect(zorgplichtDecision({ outcome: 'TLV_AANGEVRAAGD', motivation: 'vso', tlvRequestedOn: '2026-12-01' }, null, '2026-12-01', clock, policy).tlvRequestedOn).toBe('2026-12-01');
    // Withdrawn: no decision letter, so no term to object.
    expect(zorgplichtDecision({ outcome: 'INGETROKKEN', reason: ' verhuisd ' }, null, '2026-12-01', clock, policy)).toMatchObject({ reason: 'verhuisd', motivation: null, bezwaarUntil: null });
  });

  it('of several signals due at once the most severe goes out and covers the rest', () => {
    const [weekLeft, overdue, tenWeeks] = zorgplichtSwvSignalPlan(clock, policy);
    expect(zorgplichtSignalToSend([weekLeft])).toEqual({ top: weekLeft, covered: [] });
    expect(zorgplichtSignalToSend([weekLeft, overdue, tenWeeks])).toEqual({ top: tenWeeks, covered: [weekLeft, overdue] });
    const twin: ZorgplichtSwvSignalPlan = { ...overdue, key: 'overdue-x' };
    expect(zorgplichtSignalToSend([overdue, twin, weekLeft]).top).toBe(overdue);
  });

  it('a signal names the days left or overdue', () => {
    const status = { daysRemaining: 7, daysOverdue: 0 };
    expect(zorgplichtSignalDays('WEEK_LEFT', status)).toBe(7);
    expect(zorgplichtSignalDays('OVERDUE', { daysRemaining: -1, daysOverdue: 1 })).toBe(1);
    expect(zorgplichtSignalDays('TEN_WEEKS', status)).toBeUndefined();
  });
});
