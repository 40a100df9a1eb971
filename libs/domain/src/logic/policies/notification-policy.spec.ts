import { DEFAULT_NOTIFICATION_POLICY, notificationPolicyOf } from './notification-policy';
import { resolvePolicies, type PolicyOverrides } from './resolve-policies';
import { validatePolicies } from './validate-policies';

const errorsWith = (layer: unknown) => validatePolicies(resolvePolicies(layer as PolicyOverrides));

describe('notification policy', () => {
  it('has defaults that validate and can be overridden per school', () => {
    expect(validatePolicies(resolvePolicies())).toEqual([]);
    const school = resolvePolicies({ notifications: { digestHour: 15, digestMinute: 45, digestSchoolDaysOnly: false, mailStuckAfterSeconds: 900 } });
    expect(school.notifications).toEqual({ ...DEFAULT_NOTIFICATION_POLICY, digestHour: 15, digestMinute: 45, digestSchoolDaysOnly: false, mailStuckAfterSeconds: 900 });
    expect(validatePolicies(school)).toEqual([]);
  });

  it('checks its bounds', () => {
    expect(errorsWith({ notifications: { digestHour: 24 } })).toEqual([
      'notifications.digestHour: moet een geheel getal van 0 tot en met 23 zijn (must be an integer from 0 to 23); waarde/value: 24',
    ]);
    expect(errorsWith({ notifications: { mailRetryInitialSeconds: 700 } })).toEqual([
      'notifications.mailRetryMaxSeconds: moet minstens mailRetryInitialSeconds zijn (must be at least mailRetryInitialSeconds); waarde/value: 600',
    ]);
    expect(errorsWith({ notifications: { mailStuckAfterSeconds: 0 } })).toEqual([
      'notifications.mailStuckAfterSeconds: moet een positief geheel getal zijn (must be a positive integer); waarde/value: 0',
    ]);
  });

  it('fills in defaults for a snapshot taken before the section existed (replay of older cases)', () => {
    expect(notificationPolicyOf({})).toEqual(DEFAULT_NOTIFICATION_POLICY);
    expect(notificationPolicyOf(undefined)).toEqual(DEFAULT_NOTIFICATION_POLICY);
    expect(notificationPolicyOf({ notifications: { mailStuckAfterSeconds: 60 } }).mailStuckAfterSeconds).toBe(60);
  });
});
