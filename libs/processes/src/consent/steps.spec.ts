import { stepDefinition } from '../catalogue';
import { validateStepInput } from '../validate-step-input';
import { mayTake, type ActorFacts } from '../who';
import { allConsentTimeoutSteps, CONSENT_TIMEOUT_KINDS } from './steps';

const facts = (role: string): ActorFacts => ({ role, userId: 'u-1', atSchoolOfCase: true, participant: true, swvOfCase: false, guardian: false, caseData: {} });
const ctx = { policies: {}, today: '2027-01-18' };

describe('the decision after a timed-out consent request (DECIDE_CONSENT_<kind>)', () => {
  it('is a step of the process that asks that consent, and of no other', () => {
    expect(stepDefinition('JOS', 'DECIDE_CONSENT_JOS_BEGELEIDING')).toMatchObject({ process: 'JOS', update: 'decideConsentTimeout', label: 'Geen handtekening: opnieuw vragen of afsluiten' });
    expect(stepDefinition('ZORGROUTE', 'DECIDE_CONSENT_ZAT_AANMELDING')?.fields[0].options?.map((o) => o.label)).toEqual(['Opnieuw om toestemming vragen', 'Terug naar het IZO: geen toestemming']);
    expect(stepDefinition('OOV', 'DECIDE_CONSENT_JOS_BEGELEIDING')).toBeNull();
    expect(stepDefinition('JOS', 'DECIDE_CONSENT_toString')).toBeNull();
    expect(stepDefinition('JOS', 'DECIDE_CONSENT_')).toBeNull();
    expect(allConsentTimeoutSteps()).toHaveLength(Object.keys(CONSENT_TIMEOUT_KINDS).length);
  });

  it('is the zorgcoördinator’s (an admin may act for him), not a mentor’s', () => {
    for (const step of allConsentTimeoutSteps()) {
      expect(mayTake(step.who, facts('ZORGCOORDINATOR'), step)).toBe(true);
      expect(mayTake(step.who, facts('ADMIN'), step)).toBe(true);
      expect(mayTake(step.who, facts('MENTOR'), step)).toBe(false);
    }
  });

  it('takes a decision and a reason, as the ConsentDesk checks them; the request is not the caller’s to name', () => {
    const step = stepDefinition('OPP', 'DECIDE_CONSENT_OPP_HANDELINGSDEEL');
    if (!step) throw new Error('no step');
    expect(validateStepInput(step, { decision: 'RETRY', reason: 'Ouders gebeld' }, ctx)).toEqual({ errors: [], value: { decision: 'RETRY', reason: 'Ouders gebeld' } });
    expect(validateStepInput(step, { decision: 'LATER', reason: 'Ouders gebeld' }, ctx).errors.map((e) => e.field)).toEqual(['decision']);
    expect(validateStepInput(step, { decision: 'ABANDON', reason: 'ok' }, ctx).errors.map((e) => e.field)).toEqual(['reason']);
    expect(validateStepInput(step, { decision: 'ABANDON', reason: 'x'.repeat(1001) }, ctx).errors.map((e) => e.field)).toEqual(['reason']);
    expect(validateStepInput(step, { decision: 'RETRY', reason: 'Ouders gebeld', requestId: 'r-1' }, ctx).errors.length).toBeGreaterThan(0);
  });
});
