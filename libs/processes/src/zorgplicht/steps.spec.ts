import { resolveFields } from '../catalogue';
import { validateStepInput } from '../validate-step-input';
import { mayTake, type ActorFacts } from '../who';
import { ZORGPLICHT_STEPS as P4 } from './steps';

const policies = { zorgplicht: { extensionMaxWeeks: 4 } };
const ctx = { policies, today: '2027-01-12' };
const messages = (step: Parameters<typeof validateStepInput>[0], input: unknown, c = ctx) => validateStepInput(step, input, c).errors.map((e) => e.nl);
const facts = (over: Partial<ActorFacts>): ActorFacts => ({ role: 'ZORGCOORDINATOR', userId: 'u-1', atSchoolOfCase: true, participant: false, swvOfCase: false, guardian: false, caseData: {}, ...over });

describe('P4 zorgplicht steps: the field rules of the catalogue', () => {
  it('extends by 1 week up to the school’s policy maximum, with a reason', () => {
    expect(messages(P4.EXTEND_TERM, { weeks: 4, reason: 'OSO-dossier ontbreekt' })).toEqual([]);
    for (const weeks of [0, 5]) expect(messages(P4.EXTEND_TERM, { weeks, reason: 'OSO-dossier ontbreekt' })).toEqual(['Verlengen met (weken) moet een getal van 1 tot en met 4 zijn']);
    expect(messages(P4.EXTEND_TERM, { weeks: 2.5, reason: 'OSO-dossier ontbreekt' })).toEqual(['Verlengen met (weken) moet een geheel getal zijn']);
    expect(messages(P4.EXTEND_TERM, { weeks: 3, reason: 'OSO-dossier ontbreekt' }, { ...ctx, policies: { zorgplicht: { extensionMaxWeeks: 2 } } })).toEqual(['Verlengen met (weken) moet een getal van 1 tot en met 2 zijn']);
    expect(messages(P4.EXTEND_TERM, { weeks: 2, reason: ' ' })).toEqual(['Vul in: reden']);
    expect(resolveFields(P4.EXTEND_TERM.fields, policies).find((f) => f.name === 'weeks')).toMatchObject({ min: 1, max: 4 });
  });

  it('records an investigation step of a known kind that took place', () => {
    expect(messages(P4.RECORD_INVESTIGATION, { kind: 'INTAKE', date: '2027-01-12' })).toEqual([]);
    expect(messages(P4.RECORD_INVESTIGATION, { kind: 'HUISBEZOEK', date: '2027-01-12' })).toEqual(['Kies een geldige waarde voor onderzoeksstap']);
    expect(messages(P4.RECORD_INVESTIGATION, { kind: 'INTAKE', date: '2027-01-13' })).toEqual(['Datum kan niet in de toekomst liggen']);
  });

  it('asks each outcome of the decision for its own fields, and refuses the fields of another outcome', () => {
    expect(messages(P4.RECORD_DECISION, { outcome: 'TOEGELATEN' })).toEqual(['Vul in: motivering (in de besluitbrief)']);
    expect(messages(P4.RECORD_DECISION, { outcome: 'TOEGELATEN', motivation: 'Wij kunnen dit bieden', arrangement: 'Twee uur per week' })).toEqual([]);
    expect(messages(P4.RECORD_DECISION, { outcome: 'TLV_AANGEVRAAGD', motivation: 'VSO past beter', arrangement: 'Twee uur' })).toEqual(['Arrangement (extra ondersteuning) hoort hier niet bij', 'Vul in: tlv aangevraagd op']);
    expect(messages(P4.RECORD_DECISION, { outcome: 'INGETROKKEN' })).toEqual(['Vul in: hoe en waarom trokken de ouders in?']);
    expect(messages(P4.RECORD_DECISION, { outcome: 'INGETROKKEN', reason: 'Verhuisd', motivation: 'Geen' })).toEqual(['Motivering (in de besluitbrief) hoort hier niet bij']);
    expect(messages(P4.RECORD_DECISION, { outcome: 'GEWEIGERD', motivation: 'Nee' })).toEqual(['Kies een geldige waarde voor besluit']);
  });

  it('places the pupil elsewhere only with the admitting school and the date it agreed (not in the future)', () => {
    const elsewhere = { outcome: 'PLEK_ELDERS', motivation: 'Wij kunnen de ondersteuning niet bieden', admittingSchoolName: 'Stedelijk Lyceum Het Baken', agreementDate: '2027-01-10' };
    expect(validateStepInput(P4.RECORD_DECISION, elsewhere, ctx)).toEqual({ errors: [], value: { ...elsewhere, admittingSchoolId: null, agreementNote: null } });
    expect(messages(P4.RECORD_DECISION, { ...elsewhere, agreementDate: undefined })).toEqual(['Vul in: datum akkoord andere school']);
    expect(messages(P4.RECORD_DECISION, { ...elsewhere, agreementDate: '2027-01-13' })).toEqual(['Datum akkoord andere school kan niet in de toekomst liggen']);
    expect(messages(P4.RECORD_DECISION, { ...elsewhere, admittingSchoolName: 'X' })).toEqual(['School die de leerling toelaat moet 2 tot 200 tekens lang zijn']);
    expect(messages(P4.RECORD_DECISION, { outcome: 'TOEGELATEN', motivation: 'Past hier', agreementDate: '2027-01-10' })).toEqual(['Datum akkoord andere school hoort hier niet bij']);
  });
});

describe('P4 zorgplicht steps: who may take them (as the api allowed before: coordination steps)', () => {
  it('only the zorgcoördinator of the school (or an admin); not the SWV, a teamleider or a mentor taking part', () => {
    for (const step of Object.values(P4)) {
      expect(mayTake(step.who, facts({}))).toBe(true);
      expect(mayTake(step.who, facts({ atSchoolOfCase: false }))).toBe(false);
      expect(mayTake(step.who, facts({ role: 'ADMIN', atSchoolOfCase: false }))).toBe(true);
      expect(mayTake(step.who, facts({ role: 'SWV_MEDEWERKER', atSchoolOfCase: false, swvOfCase: true }))).toBe(false);
      expect(mayTake(step.who, facts({ role: 'TEAMLEIDER' }))).toBe(false);
      expect(mayTake(step.who, facts({ role: 'MENTOR', participant: true }))).toBe(false);
      expect(mayTake(step.who, facts({ role: 'PARENT', guardian: true, atSchoolOfCase: false }))).toBe(false);
    }
  });
});
