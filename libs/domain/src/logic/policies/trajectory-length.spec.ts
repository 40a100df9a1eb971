import { DEFAULT_POLICIES } from './process-policies';
import { resolvePolicies } from './resolve-policies';
import { trajectoryLength } from './trajectory-length';

describe('trajectoryLength (P1)', () => {
  const standard = DEFAULT_POLICIES.ondersteuningstraject;

  it('takes the policy default when no length is chosen', () => {
    expect(trajectoryLength(null, standard)).toEqual({ weeks: 8, rejection: null });
    expect(trajectoryLength(undefined, standard).weeks).toBe(standard.defaultWeeks);
  });

  it('accepts 6 to 9 weeks by default and names those bounds otherwise', () => {
    expect(trajectoryLength(6, standard).rejection).toBeNull();
    expect(trajectoryLength(9, standard).rejection).toBeNull();
    expect(trajectoryLength(10, standard)).toEqual({
      weeks: 10,
      rejection: { nl: 'De duur moet tussen 6 en 9 weken liggen', en: 'The length must be 6 to 9 weeks' },
    });
    expect(trajectoryLength(5, standard).rejection?.nl).toBe('De duur moet tussen 6 en 9 weken liggen');
    expect(trajectoryLength(7.5, standard).rejection).not.toBeNull();
  });

  it('uses the bounds of the school’s own policy', () => {
    const school = resolvePolicies({ ondersteuningstraject: { minWeeks: 4, defaultWeeks: 10, maxWeeks: 12 } }).ondersteuningstraject;
    expect(trajectoryLength(10, school).rejection).toBeNull();
    expect(trajectoryLength(null, school).weeks).toBe(10);
    expect(trajectoryLength(13, school).rejection?.nl).toBe('De duur moet tussen 4 en 12 weken liggen');
  });
});
