import { DEFAULT_POLICIES } from './process-policies';
import { resolvePolicies, type PolicyOverrides } from './resolve-policies';

describe('resolvePolicies', () => {
  it('returns the defaults as a fresh, mutable copy', () => {
    const resolved = resolvePolicies();
    expect(resolved).toEqual(DEFAULT_POLICIES);
    expect(resolved).not.toBe(DEFAULT_POLICIES);
    expect(resolved.ladder.remindBeforeSchoolDays).not.toBe(DEFAULT_POLICIES.ladder.remindBeforeSchoolDays);
    resolved.jos.maxMonths = 4;
    resolved.ladder.remindBeforeSchoolDays.push(5);
    expect(DEFAULT_POLICIES.jos.maxMonths).toBe(5);
    expect(DEFAULT_POLICIES.ladder.remindBeforeSchoolDays).toEqual([2]);
  });

  it('applies layers in order: defaults ← SWV ← school', () => {
    const swv: PolicyOverrides = { zorgplicht: { suspendSummerHoliday: true, swvWarnDaysBefore: 10 }, ladder: { sendAtHour: 7 } };
    const school: PolicyOverrides = { zorgplicht: { swvWarnDaysBefore: 5 }, ondersteuningstraject: { defaultWeeks: 7 } };
    const resolved = resolvePolicies(swv, school);
    expect(resolved.zorgplicht).toEqual({ ...DEFAULT_POLICIES.zorgplicht, suspendSummerHoliday: true, swvWarnDaysBefore: 5 });
    expect(resolved.ladder).toEqual({ ...DEFAULT_POLICIES.ladder, sendAtHour: 7 });
    expect(resolved.ondersteuningstraject.defaultWeeks).toBe(7);
    expect(resolved.ondersteuningstraject.minWeeks).toBe(6); // siblings keep their defaults
    expect(resolved.jos).toEqual(DEFAULT_POLICIES.jos);
  });

  it('lets a later layer undo an earlier one', () => {
    const resolved = resolvePolicies({ zorgroute: { flexZat: true } }, { zorgroute: { flexZat: false } });
    expect(resolved.zorgroute.flexZat).toBe(false);
  });

  it('replaces arrays as a whole', () => {
    const resolved = resolvePolicies({ ladder: { remindBeforeSchoolDays: [5, 1] } }, { ladder: { remindBeforeSchoolDays: [3] } });
    expect(resolved.ladder.remindBeforeSchoolDays).toEqual([3]);
    expect(resolvePolicies({ overdracht: { terugkoppelingMoments: [] } }).overdracht.terugkoppelingMoments).toEqual([]);
  });

  it('copies what it takes from the layers: later changes to a layer do not leak into the result', () => {
    const calendars = [
      {
        schoolYear: '2027-2028',
        schooladviesBy: '2027-03-24',
        aanmeldweek: { from: '2027-03-29', to: '2027-04-02' },
        osoDeadline: '2027-04-16',
        warmeOverdracht: { from: '2027-05-10', to: '2027-06-25' },
        startSchoolYear: '2027-08-30',
      },
    ];
    const layer: PolicyOverrides = { overdracht: { regionalCalendars: calendars }, ladder: { remindBeforeSchoolDays: [4] } };
    const resolved = resolvePolicies(layer);
    (calendars[0] as { osoDeadline: string }).osoDeadline = '2099-01-01';
    layer.ladder?.remindBeforeSchoolDays?.push(9);
    expect(resolved.overdracht.regionalCalendars[0]?.osoDeadline).toBe('2027-04-16');
    expect(resolved.ladder.remindBeforeSchoolDays).toEqual([4]);
  });

  it('does not modify its layers', () => {
    const layer: PolicyOverrides = { jos: { maxMonths: 4 } };
    const before = JSON.stringify(layer);
    resolvePolicies(layer, { jos: { maxMonths: 3 } });
    expect(JSON.stringify(layer)).toBe(before);
  });

  it('skips undefined layers and undefined fields', () => {
    expect(resolvePolicies(undefined, { jos: { maxMonths: undefined } }, undefined)).toEqual(DEFAULT_POLICIES);
  });

  it('accepts a layer parsed from JSON', () => {
    const layer = JSON.parse('{"consent":{"timeoutSchoolDays":20},"ladder":{"remindOnDueDate":false}}') as PolicyOverrides;
    const resolved = resolvePolicies(layer);
    expect(resolved.consent.timeoutSchoolDays).toBe(20);
    expect(resolved.ladder.remindOnDueDate).toBe(false);
  });

  it('throws on an unknown setting, naming its path', () => {
    expect(() => resolvePolicies({ jos: { maxMonth: 4 } } as unknown as PolicyOverrides)).toThrow(
      'jos.maxMonth: onbekende beleidsinstelling (unknown policy setting)',
    );
    expect(() => resolvePolicies({ p7: {} } as unknown as PolicyOverrides)).toThrow(/^p7: onbekende/);
    expect(() => resolvePolicies({ constructor: {} } as unknown as PolicyOverrides)).toThrow(/constructor: onbekende/);
  });

  it('throws on a value of the wrong type, naming its path', () => {
    const bad = (layer: unknown) => () => resolvePolicies(layer as PolicyOverrides);
    expect(bad({ jos: { maxMonths: '5' } })).toThrow('jos.maxMonths: verwacht number (expected number), kreeg/got string');
    expect(bad({ jos: { maxMonths: null } })).toThrow(/jos\.maxMonths: .*got null/);
    expect(bad({ jos: 5 })).toThrow(/jos: verwacht een object \(expected an object\), kreeg\/got number/);
    expect(bad({ ladder: { remindBeforeSchoolDays: 2 } })).toThrow(/ladder\.remindBeforeSchoolDays: .*expected an array/);
    expect(bad({ ladder: { sendAtHour: [8] } })).toThrow(/ladder\.sendAtHour: .*got array/);
    expect(bad({ zorgplicht: { suspendSummerHoliday: 'yes' } })).toThrow(/expected boolean/);
    expect(bad([])).toThrow(/overrides: verwacht een object/);
  });

  it('leaves bounds to validatePolicies (a well-typed but invalid value resolves)', () => {
    expect(resolvePolicies({ ondersteuningstraject: { minWeeks: 12 } }).ondersteuningstraject.minWeeks).toBe(12);
  });

  it('types overrides as deep partials with whole arrays', () => {
    const ok: PolicyOverrides = { ladder: { sendAtMinute: 30 }, overdracht: {} };
    expect(ok).toBeDefined();
    // @ts-expect-error a number is not a boolean
    const wrongType: PolicyOverrides = { zorgroute: { flexZat: 1 } };
    // @ts-expect-error an unknown setting
    const unknownKey: PolicyOverrides = { jos: { maxMonth: 4 } };
    // @ts-expect-error arrays are replaced whole, so their items are not partial
    const partialItem: PolicyOverrides = { overdracht: { regionalCalendars: [{ schoolYear: '2027-2028' }] } };
    expect([wrongType, unknownKey, partialItem]).toHaveLength(3);
  });
});
