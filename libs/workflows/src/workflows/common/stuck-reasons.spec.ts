import { STUCK_PRIORITY, StuckReasons } from './stuck-reasons';

const snapshot = () => ({ stuck: false, stuckReason: null as string | null });

describe('StuckReasons', () => {
  it('shows the most important reason, the latest among equals, and clears when none holds', () => {
    const s = snapshot();
    const stuck = new StuckReasons(s);
    stuck.add('MAIL_FAILING:STEP_REMINDER', STUCK_PRIORITY.MAIL);
    expect(s).toEqual({ stuck: true, stuckReason: 'MAIL_FAILING:STEP_REMINDER' });
    stuck.add('OVERDUE:LOG_SESSION', STUCK_PRIORITY.SIDE_STEP);
    expect(s.stuckReason).toBe('OVERDUE:LOG_SESSION');
    stuck.add('OVERDUE:RECORD_OUTCOME', STUCK_PRIORITY.STEP);
    stuck.add('CONSENT_TIMEOUT:ZAT_AANMELDING', STUCK_PRIORITY.STEP);
    expect(s.stuckReason).toBe('CONSENT_TIMEOUT:ZAT_AANMELDING');
    stuck.remove('CONSENT_TIMEOUT:ZAT_AANMELDING');
    expect(s.stuckReason).toBe('OVERDUE:RECORD_OUTCOME');
    stuck.remove('OVERDUE:RECORD_OUTCOME');
    // A parallel step's overdue that was hidden shows again, then the failing message.
    expect(s.stuckReason).toBe('OVERDUE:LOG_SESSION');
    stuck.remove('OVERDUE:LOG_SESSION');
    expect(s.stuckReason).toBe('MAIL_FAILING:STEP_REMINDER');
    stuck.removePrefix('MAIL_FAILING:');
    expect(s).toEqual({ stuck: false, stuckReason: null });
  });

  it('never lets a parallel step take over the reason of the main step', () => {
    const s = snapshot();
    const stuck = new StuckReasons(s);
    stuck.add('OVERDUE:RECORD_MID_EVALUATION', STUCK_PRIORITY.STEP);
    stuck.add('OVERDUE:LOG_SESSION', STUCK_PRIORITY.SIDE_STEP);
    expect(s.stuckReason).toBe('OVERDUE:RECORD_MID_EVALUATION');
    stuck.clear();
    expect(s).toEqual({ stuck: false, stuckReason: null });
  });
});
