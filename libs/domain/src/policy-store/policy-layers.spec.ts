import { DEFAULT_POLICIES, resolvePolicies, type PolicyOverrides } from '../logic/policies';
import { checkOverridesShape, NO_OVERRIDES_POLICY_LABEL, policySettingsTable, policyVersionLabel, resolveAndValidate } from './policy-layers';

describe('policyVersionLabel', () => {
  it('names the versions that produced the policy', () => {
    expect(policyVersionLabel(3, 5)).toBe('swv:3/school:5');
    expect(policyVersionLabel(2, null)).toBe('swv:2');
    expect(policyVersionLabel(undefined, 1)).toBe('school:1');
  });

  it('is "standaard" without any version', () => {
    expect(policyVersionLabel()).toBe(NO_OVERRIDES_POLICY_LABEL);
    expect(policyVersionLabel(null, null)).toBe('standaard');
  });
});

describe('checkOverridesShape', () => {
  it('accepts empty and well-formed overrides', () => {
    expect(checkOverridesShape({})).toEqual([]);
    expect(checkOverridesShape({ jos: { maxMonths: 4 }, ladder: { remindBeforeSchoolDays: [3, 1] }, zorgplicht: { suspendSummerHoliday: true } })).toEqual([]);
  });

  it('lists every unknown setting and wrong type at once (resolvePolicies stops at the first)', () => {
    const problems = checkOverridesShape({
      jos: { maxMonth: 4, maxMonths: '5', capWarningWeeksBefore: null },
      ladder: { remindBeforeSchoolDays: 2 },
      onbekend: {},
      zorgroute: 7,
    });
    expect(problems).toEqual([
      'jos.maxMonth: onbekende beleidsinstelling (unknown policy setting); waarde/value: 4',
      'jos.maxMonths: moet een getal zijn (must be of type number); waarde/value: "5"',
      'jos.capWarningWeeksBefore: moet een getal zijn (must be of type number); waarde/value: null',
      'ladder.remindBeforeSchoolDays: moet een lijst zijn (must be of type array); waarde/value: 2',
      'onbekend: onbekende beleidsinstelling (unknown policy setting); waarde/value: {}',
      'zorgroute: moet een object zijn (must be an object); waarde/value: 7',
    ]);
  });

  it('rejects overrides that are not an object', () => {
    expect(checkOverridesShape([])).toEqual(['overrides: moet een object zijn (must be an object); waarde/value: []']);
    expect(checkOverridesShape(null)).toEqual(['overrides: moet een object zijn (must be an object); waarde/value: null']);
  });
});

describe('resolveAndValidate', () => {
  it('resolves defaults ← SWV ← school', () => {
    const r = resolveAndValidate({ jos: { maxMonths: 4, evaluationEveryWeeks: 4 } }, { jos: { maxMonths: 3 } });
    expect(r.problems).toEqual([]);
    expect(r.policies?.jos).toEqual({ ...DEFAULT_POLICIES.jos, maxMonths: 3, evaluationEveryWeeks: 4 });
  });

  it('returns the defaults without layers', () => {
    expect(resolveAndValidate()).toEqual({ policies: resolvePolicies(), problems: [] });
    expect(resolveAndValidate(null, undefined).policies).toEqual(resolvePolicies());
  });

  it('lists every bound that the combined layers break, and no policies', () => {
    const r = resolveAndValidate({ ondersteuningstraject: { maxWeeks: 7 } }, { ondersteuningstraject: { defaultWeeks: 8 }, jos: { maxMonths: 0 } });
    expect(r.policies).toBeNull();
    expect(r.problems).toEqual(
      expect.arrayContaining([
        'ondersteuningstraject.defaultWeeks: mag niet groter zijn dan maxWeeks (must not exceed maxWeeks); waarde/value: 8',
        'jos.maxMonths: moet een positief geheel getal zijn (must be a positive integer); waarde/value: 0',
      ]),
    );
  });

  it('reports shape problems of every layer before resolving', () => {
    const r = resolveAndValidate({ jos: { x: 1 } } as PolicyOverrides, { ladder: { sendAtHour: 'acht' } } as unknown as PolicyOverrides);
    expect(r.policies).toBeNull();
    expect(r.problems).toEqual([
      'jos.x: onbekende beleidsinstelling (unknown policy setting); waarde/value: 1',
      'ladder.sendAtHour: moet een getal zijn (must be of type number); waarde/value: "acht"',
    ]);
  });
});

describe('policySettingsTable', () => {
  it('has one row per setting with its effective value, default and source', () => {
    const swv = { jos: { maxMonths: 4, evaluationEveryWeeks: 4 } };
    const school = { jos: { maxMonths: 3 }, ladder: { remindBeforeSchoolDays: [1] } };
    const effective = resolvePolicies(swv, school);
    const rows = policySettingsTable(effective, swv, school);
    const row = (path: string) => rows.find((r) => r.path === path);
    expect(row('jos.maxMonths')).toEqual({ path: 'jos.maxMonths', value: 3, defaultValue: 5, source: 'SCHOOL' });
    expect(row('jos.evaluationEveryWeeks')).toEqual({ path: 'jos.evaluationEveryWeeks', value: 4, defaultValue: 6, source: 'SWV' });
    expect(row('jos.formWithinSchoolDays')?.source).toBe('STANDAARD');
    expect(row('ladder.remindBeforeSchoolDays')).toEqual({ path: 'ladder.remindBeforeSchoolDays', value: [1], defaultValue: [2], source: 'SCHOOL' });
    expect(row('ladder.remindBeforeSchoolDays.0')).toBeUndefined();
    expect(new Set(rows.map((r) => r.path)).size).toBe(rows.length);
    expect(rows.every((r) => r.source === 'STANDAARD' || ['jos.maxMonths', 'jos.evaluationEveryWeeks', 'ladder.remindBeforeSchoolDays'].includes(r.path))).toBe(true);
  });
});
