import { allSteps } from './catalogue';
import { ONDERSTEUNINGSTRAJECT_STEPS as P1 } from './ondersteuningstraject/steps';
import { describeWho, mayTake, type ActorFacts } from './who';

const facts = (over: Partial<ActorFacts>): ActorFacts => ({ role: 'MENTOR', userId: 'u-1', atSchoolOfCase: true, participant: false, swvOfCase: false, guardian: false, caseData: {}, ...over });

describe('mayTake', () => {
  it('lets the zorgcoördinator of the school, not of another school, take his steps; an admin always', () => {
    expect(mayTake(P1.RECORD_INTAKE.who, facts({ role: 'ZORGCOORDINATOR' }))).toBe(true);
    expect(mayTake(P1.RECORD_INTAKE.who, facts({ role: 'ZORGCOORDINATOR', atSchoolOfCase: false }))).toBe(false);
    expect(mayTake(P1.RECORD_INTAKE.who, facts({ role: 'ADMIN', atSchoolOfCase: false }))).toBe(true);
  });

  it('lets the coach of the case log a session, not a coach outside it, not a parent', () => {
    expect(mayTake(P1.LOG_SESSION.who, facts({ role: 'COACH', participant: true }))).toBe(true);
    expect(mayTake(P1.LOG_SESSION.who, facts({ role: 'COACH', participant: false }))).toBe(false);
    expect(mayTake(P1.LOG_SESSION.who, facts({ role: 'PARENT', guardian: true }))).toBe(false);
  });

  it('names who may take every step of the catalogue in Dutch', () => {
    for (const step of allSteps()) expect(describeWho(step.who)).toMatch(/^(de |het |een |[a-z])/);
    expect(describeWho(P1.LOG_SESSION.who)).toBe('de zorgcoördinator of coach, mentor van de casus');
  });
});
