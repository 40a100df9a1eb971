import { stepLabel } from './labels';

describe('stepLabel', () => {
  it('names the P1 session log, which the case shows as its open step while no other step waits', () => {
    expect(stepLabel('LOG_SESSION')).toBe('Sessie vastleggen');
    expect(stepLabel('RECORD_MID_EVALUATION')).toBe('Tussenevaluatie');
    expect(stepLabel(null)).toBeNull();
  });
});
