import { INITIAL_VALUES, newRequestKey, toStartTrajectoryInput, validateStartTrajectory } from './start-trajectory-form';

describe('start trajectory form', () => {
  const valid = { ...INITIAL_VALUES, pupilId: 'p-1', reason: 'Reden' };

  it('accepts a pupil, a reason and 6..9 whole weeks', () => {
    for (const weeks of ['6', '7', '8', '9']) expect(validateStartTrajectory({ ...valid, weeks })).toEqual({});
  });

  it('rejects a blank reason, a missing pupil and weeks outside 6..9', () => {
    expect(validateStartTrajectory({ ...valid, reason: '   ' })).toHaveProperty('reason');
    expect(validateStartTrajectory({ ...valid, pupilId: null })).toHaveProperty('pupilId');
    for (const weeks of ['5', '10', '8.5', '', 'acht']) {
      expect(validateStartTrajectory({ ...valid, weeks })).toHaveProperty('weeks');
    }
  });

  it('trims texts and leaves blank optional texts out', () => {
    expect(toStartTrajectoryInput({ ...valid, reason: ' Reden ', observations: ' ', triedActions: ' Gesprek ' })).toEqual({
      pupilId: 'p-1',
      reason: 'Reden',
      observations: null,
      triedActions: 'Gesprek',
      weeks: 8,
    });
  });

  it('passes the idempotency key along', () => {
    const key = newRequestKey();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(newRequestKey()).not.toBe(key);
    expect(toStartTrajectoryInput(valid, key).requestKey).toBe(key);
  });
});
