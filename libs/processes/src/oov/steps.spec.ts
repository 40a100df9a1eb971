import { validateStepInput } from '../validate-step-input';
import { mayTake, type ActorFacts } from '../who';
import { OOV_STEPS as P5 } from './steps';

const ctx = { policies: {}, today: '2027-03-01' };
const messages = (step: Parameters<typeof validateStepInput>[0], input: unknown) => validateStepInput(step, input, ctx).errors.map((e) => e.nl);
const facts = (over: Partial<ActorFacts>): ActorFacts => ({ role: 'MENTOR', userId: 'u-1', atSchoolOfCase: true, participant: false, swvOfCase: false, guardian: false, caseData: {}, ...over });

describe('P5 OOV steps', () => {
  it('SWV decision: a grant names arrangement and location, a rejection neither', () => {
    expect(messages(P5.OOV_SWV_DECISION, { decision: 'TOEGEKEND', arrangement: 'OBSERVATIE_6W', location: 'Gouda', motivation: 'Voldoet' })).toEqual([]);
    expect(messages(P5.OOV_SWV_DECISION, { decision: 'TOEGEKEND', arrangement: 'OBSERVATIE_6W', location: null, motivation: 'Voldoet' })).toEqual(['Vul in: locatie van de oov']);
    expect(messages(P5.OOV_SWV_DECISION, { decision: 'AFGEWEZEN', arrangement: null, location: null, motivation: 'Voldoet niet' })).toEqual([]);
    expect(messages(P5.OOV_SWV_DECISION, { decision: 'AFGEWEZEN', arrangement: 'OBSERVATIE_6W', motivation: 'Voldoet niet' })).toEqual(['Arrangement hoort hier niet bij']);
    expect(messages(P5.OOV_SWV_DECISION, { decision: 'MISSCHIEN', motivation: 'Twijfel' })).toEqual(['Kies een geldige waarde voor besluit']);
  });

  it('end evaluation: an extension asks a longer treatment arrangement with a motivation; the TLV route a note', () => {
    const ext = { summary: 'Behandeling nodig', nextStep: 'VERLENGD', extensionArrangement: 'OBS_BEHANDEL_3M', extensionMotivation: 'Behandeling door de GGZ is nodig' };
    expect(messages(P5.OOV_END_EVALUATION, ext)).toEqual([]);
    expect(messages(P5.OOV_END_EVALUATION, { ...ext, extensionArrangement: 'OBSERVATIE_6W' })).toEqual(['Kies een geldige waarde voor gevraagd arrangement']);
    expect(messages(P5.OOV_END_EVALUATION, { ...ext, extensionMotivation: 'Kort' })).toEqual(['Motivering van de verlenging moet 10 tot 4000 tekens lang zijn']);
    expect(messages(P5.OOV_END_EVALUATION, { summary: 'VSO', nextStep: 'VERVOLG_VSO' })).toEqual(['Vul in: hoe gaat de tlv-route verder?']);
    expect(messages(P5.OOV_END_EVALUATION, { summary: 'VSO', nextStep: 'VERVOLG_VSO', vsoNote: 'TLV aangevraagd', tlvRequestedOn: '2027-03-02' })).toEqual(['TLV aangevraagd op kan niet in de toekomst liggen']);
    expect(messages(P5.OOV_END_EVALUATION, { summary: 'Terug', nextStep: 'TERUGKEER', extensionArrangement: 'OBS_BEHANDEL_6M' })).toEqual(['Gevraagd arrangement hoort hier niet bij']);
    expect(messages(P5.OOV_END_EVALUATION, { summary: 'Terug' })).toEqual(['Vul in: vervolg']);
  });

  it('half-time evaluation: a report only; how it ends is not decided here', () => {
    expect(messages(P5.OOV_MID_EVALUATION, { summary: 'Komt elke dag' })).toEqual([]);
    expect(messages(P5.OOV_MID_EVALUATION, { summary: 'Komt elke dag', nextStep: 'TERUGKEER' })).toEqual(['Onbekend veld: nextStep']);
  });

  it('request: one or more known reasons, each once; intake: at most 10 care partners of at most 100 characters', () => {
    const request = { arrangement: 'OBSERVATIE_6W', motivation: 'Een kleinere setting is nodig', goals: 'Weer naar school' };
    expect(validateStepInput(P5.OOV_SUBMIT_REQUEST, { ...request, reasons: ['SCHOOLANGST', 'SCHOOLANGST'] }, ctx).value.reasons).toEqual(['SCHOOLANGST']);
    expect(messages(P5.OOV_SUBMIT_REQUEST, { ...request, reasons: [] })).toEqual(['Redenen: 1 tot 4 keuzes']);
    expect(messages(P5.OOV_SUBMIT_REQUEST, { ...request, reasons: ['VERVELING'] })).toEqual(['Kies geldige waarden voor redenen']);
    const intake = { date: '2027-03-01', startDate: '2027-03-08', leerlingbegeleiderPresent: true, zorgcoordinatorPresent: false, summary: 'Kennismaking' };
    expect(messages(P5.OOV_INTAKE, { ...intake, carePartners: ['STEK', 'GGZ'] })).toEqual([]);
    expect(messages(P5.OOV_INTAKE, { ...intake, carePartners: Array.from({ length: 11 }, (_, i) => `Partner ${i}`) })).toEqual(['Zorgpartners: 0 tot 10 regels']);
    expect(messages(P5.OOV_INTAKE, { ...intake, carePartners: ['x'.repeat(101)] })).toEqual(['Zorgpartners 1 moet 1 tot 100 tekens lang zijn']);
  });

  it('who: the school prepares, the SWV decides, the leerlingbegeleider of the case (a coach) evaluates', () => {
    expect(mayTake(P5.OOV_SUBMIT_REQUEST.who, facts({ role: 'ZORGCOORDINATOR' }))).toBe(true);
    expect(mayTake(P5.OOV_SUBMIT_REQUEST.who, facts({ role: 'COACH', participant: true }))).toBe(false);
    expect(mayTake(P5.OOV_SWV_DECISION.who, facts({ role: 'SWV_MEDEWERKER', atSchoolOfCase: false, swvOfCase: true }))).toBe(true);
    expect(mayTake(P5.OOV_SWV_DECISION.who, facts({ role: 'ZORGCOORDINATOR' }))).toBe(false);
    expect(mayTake(P5.OOV_SWV_DECISION.who, facts({ role: 'ADMIN', atSchoolOfCase: false }))).toBe(true);
    for (const step of [P5.OOV_INTAKE, P5.OOV_MID_EVALUATION, P5.OOV_END_EVALUATION, P5.OOV_FOLLOW_UP]) {
      expect(mayTake(step.who, facts({ role: 'COACH', participant: true }))).toBe(true);
      expect(mayTake(step.who, facts({ role: 'COACH', participant: false }))).toBe(false);
      expect(mayTake(step.who, facts({ role: 'MENTOR', participant: true }))).toBe(false);
      expect(mayTake(step.who, facts({ role: 'ZORGCOORDINATOR' }))).toBe(true);
    }
    expect(mayTake(P5.OOV_RETURN_PLAN.who, facts({ role: 'COACH', participant: true }))).toBe(false);
  });
});
