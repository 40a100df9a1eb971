import { buildSchoolCalendar, DEFAULT_POLICIES, nextSchoolDay } from '@zorgroute/domain/logic';
import { arrangementEnd, consultationsComplete, intakeDatesProblem, isShorterArrangement, placementPeriod, returnDateWindow, returnPlanDueFrom, type OovPolicy } from './oov.rules';

const policy: OovPolicy = DEFAULT_POLICIES.oov;
const midden = buildSchoolCalendar('midden');

describe('P5 rules', () => {
  it('the preparation is complete once parents, SWV and Sociaal Team are consulted (others do not count)', () => {
    expect(consultationsComplete([])).toBe(false);
    expect(consultationsComplete([{ party: 'OUDERS' }, { party: 'SWV' }, { party: 'ANDERS' }])).toBe(false);
    expect(consultationsComplete([{ party: 'SOCIAAL_TEAM' }, { party: 'OUDERS' }, { party: 'SWV' }])).toBe(true);
  });

  it('an arrangement lasts its weeks or months from the start; a month end is clamped', () => {
    expect(arrangementEnd('OBSERVATIE_6W', '2031-03-03', policy)).toBe('2031-04-14');
    expect(arrangementEnd('OBS_BEHANDEL_3M', '2031-03-03', policy)).toBe('2031-06-03');
    expect(arrangementEnd('OBS_BEHANDEL_6M', '2031-08-31', policy)).toBe('2032-02-29');
    expect(arrangementEnd('OBSERVATIE_6W', '2031-03-03', { ...policy, observatietrajectWeeks: 8 })).toBe('2031-04-28');
  });

  it('an extension is not a shorter arrangement', () => {
    expect(isShorterArrangement('OBSERVATIE_6W', 'OBS_BEHANDEL_3M', policy)).toBe(true);
    expect(isShorterArrangement('OBS_BEHANDEL_3M', 'OBS_BEHANDEL_3M', policy)).toBe(false);
    expect(isShorterArrangement('OBS_BEHANDEL_6M', 'OBS_BEHANDEL_3M', policy)).toBe(false);
  });

  it('a period has its evaluation at half-time and N weeks before the end', () => {
    expect(placementPeriod(1, 'OBSERVATIE_6W', 'De Brug', '2031-03-03', policy)).toEqual({
      round: 1,
      arrangement: 'OBSERVATIE_6W',
      location: 'De Brug',
      startDate: '2031-03-03',
      endDate: '2031-04-14',
      midEvaluationDate: '2031-03-24',
      endEvaluationDate: '2031-03-31',
    });
  });

  it('the return plan is due by the end date (today when that passed); the return falls from the start to two weeks after', () => {
    const p = { startDate: '2031-03-03', endDate: '2031-04-14' };
    expect(returnPlanDueFrom(p, '2031-04-01')).toBe('2031-04-14');
    expect(returnPlanDueFrom(p, '2031-04-20')).toBe('2031-04-20');
    expect(returnDateWindow(p, '2031-04-01', midden)).toEqual({ from: '2031-03-03', to: '2031-04-28' });
    // Two weeks after today is Sunday 4 May 2031: the window runs to the Monday.
    expect(returnDateWindow(p, '2031-04-20', midden)).toEqual({ from: '2031-03-03', to: '2031-05-05' });
  });

  it('an arrangement that ends in a holiday longer than two weeks: the pupil may return on the first school day after it', () => {
    // Ends Wednesday 11 August 2027, in the zomervakantie of regio midden (17 July – 29 August 2027).
    const p = { startDate: '2027-05-11', endDate: '2027-08-11' };
    expect(returnPlanDueFrom(p, '2027-07-01')).toBe('2027-08-11');
    expect(returnDateWindow(p, '2027-07-01', midden)).toEqual({ from: '2027-05-11', to: '2027-08-30' });
    expect(nextSchoolDay(p.endDate, midden)).toBe('2027-08-30');
    // Two weeks after the end on a school day: unchanged (a Saturday runs on to the Monday).
    expect(returnDateWindow({ startDate: '2027-01-11', endDate: '2027-03-10' }, '2027-03-01', midden).to).toBe('2027-03-24');
    expect(returnDateWindow({ startDate: '2027-01-11', endDate: '2027-03-06' }, '2027-03-01', midden).to).toBe('2027-03-22');
  });

  it('the intake is after the SWV’s decision and the placement starts on or after it, within 90 days', () => {
    expect(intakeDatesProblem({ date: '2031-03-03', startDate: '2031-03-10' }, '2031-03-03')).toBeNull();
    expect(intakeDatesProblem({ date: '2031-03-02', startDate: '2031-03-10' }, '2031-03-03')?.nl).toBe('De intake valt vóór het besluit van het SWV');
    expect(intakeDatesProblem({ date: '2031-03-03', startDate: '2031-03-02' }, '2031-03-01')?.nl).toBe('De plaatsing begint niet vóór de intake');
    expect(intakeDatesProblem({ date: '2031-03-03', startDate: '2031-06-02' }, '2031-03-01')?.nl).toBe('De plaatsing begint binnen 90 dagen na de intake');
    expect(intakeDatesProblem({ date: '2031-03-03', startDate: '2031-06-01' }, '2031-03-01')).toBeNull();
  });
});
