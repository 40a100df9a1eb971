import { deliveryClassOf, DIGESTIBLE_KINDS, goesIntoDigest, LEGAL_NOTICE_KINDS } from './delivery-class';
import { MESSAGE_KINDS } from './message-kind';

describe('delivery classes', () => {
  it('marks decision-letter notices and consent requests as legal notices, never digested', () => {
    expect(deliveryClassOf('LETTER_AVAILABLE')).toBe('LEGAL');
    expect(deliveryClassOf('CONSENT_REQUESTED')).toBe('LEGAL');
    for (const kind of LEGAL_NOTICE_KINDS) {
      expect(goesIntoDigest(kind, { role: 'ZORGCOORDINATOR', mode: 'DAILY_DIGEST' })).toBe(false);
    }
  });

  it('lets only task messages to staff who chose the digest wait for it', () => {
    expect(goesIntoDigest('STEP_REMINDER', { role: 'MENTOR', mode: 'DAILY_DIGEST' })).toBe(true);
    expect(goesIntoDigest('STEP_ASSIGNED', { role: 'COACH', mode: 'DAILY_DIGEST' })).toBe(true);
    expect(goesIntoDigest('STEP_ESCALATION', { role: 'ZORGCOORDINATOR', mode: 'DAILY_DIGEST' })).toBe(true);
    expect(goesIntoDigest('STEP_REMINDER', { role: 'MENTOR', mode: 'IMMEDIATE' })).toBe(false);
    expect(goesIntoDigest('STEP_REMINDER', { role: 'MENTOR', mode: null })).toBe(false);
  });

  it('always sends parents and pupils their messages immediately', () => {
    expect(goesIntoDigest('STEP_REMINDER', { role: 'PARENT', mode: 'DAILY_DIGEST' })).toBe(false);
    expect(goesIntoDigest('STEP_ASSIGNED', { role: 'PUPIL', mode: 'DAILY_DIGEST' })).toBe(false);
  });

  it('sends stuck cases, SWV alerts, the digest itself and unknown kinds immediately', () => {
    for (const kind of ['CASE_STUCK', 'ZORGPLICHT_TERMIJN', 'DAILY_DIGEST', 'CASE_STARTED', 'SOME_NEW_KIND']) {
      expect(deliveryClassOf(kind)).toBe('IMMEDIATE');
      expect(goesIntoDigest(kind, { role: 'MENTOR', mode: 'DAILY_DIGEST' })).toBe(false);
    }
  });

  it('only names kinds that exist', () => {
    for (const kind of [...LEGAL_NOTICE_KINDS, ...DIGESTIBLE_KINDS]) expect(MESSAGE_KINDS).toContain(kind);
  });
});
