import { validateStepInput } from '../validate-step-input';
import { mayTake, type ActorFacts } from '../who';
import { TLV_STEPS as P8 } from './steps';

const ctx = { policies: { tlv: { extensionMaxWeeks: 4 } }, today: '2027-03-01' };
const messages = (step: Parameters<typeof validateStepInput>[0], input: unknown) => validateStepInput(step, input, ctx).errors.map((e) => e.nl);
const facts = (over: Partial<ActorFacts>): ActorFacts => ({ role: 'MENTOR', userId: 'u-1', atSchoolOfCase: true, participant: false, swvOfCase: false, guardian: false, caseData: {}, ...over });

describe('P8 TLV steps', () => {
  it('dossier check: complete names both experts, incomplete names what is missing with a note', () => {
    const complete = { outcome: 'COMPLEET', firstExpertName: 'Drs. A. Jansen', firstExpertDiscipline: 'ORTHOPEDAGOOG', secondExpertName: 'Dr. B. de Wit', secondExpertDiscipline: 'KINDER_JEUGDPSYCHIATER' };
    expect(messages(P8.TLV_CHECK_DOSSIER, complete)).toEqual([]);
    expect(messages(P8.TLV_CHECK_DOSSIER, { ...complete, firstExpertDiscipline: 'ARTS' })).toEqual(['Kies een geldige waarde voor deskundigheid eerste deskundige']);
    expect(messages(P8.TLV_CHECK_DOSSIER, { ...complete, secondExpertName: null })).toEqual(['Vul in: tweede deskundige']);
    expect(messages(P8.TLV_CHECK_DOSSIER, { outcome: 'ONVOLLEDIG', missingItems: ['OPP'], note: 'Het OPP is niet ondertekend' })).toEqual([]);
    expect(messages(P8.TLV_CHECK_DOSSIER, { outcome: 'ONVOLLEDIG', missingItems: [], note: 'Het OPP is niet ondertekend' })).toEqual(['Wat ontbreekt: 1 tot 10 keuzes']);
    expect(messages(P8.TLV_CHECK_DOSSIER, { outcome: 'ONVOLLEDIG', missingItems: ['OPP'] })).toEqual(['Vul in: toelichting']);
    expect(messages(P8.TLV_CHECK_DOSSIER, { outcome: 'ONVOLLEDIG', missingItems: ['OPP'], note: 'x', firstExpertName: 'Drs. A. Jansen' })).toEqual(['Eerste deskundige hoort hier niet bij']);
  });

  it('decision: a TLV names category, start and end date; a refusal only its motivation; the extension is bounded by the policy', () => {
    const granted = { decision: 'TOEGEKEND', category: 'MIDDEN', startDate: '2027-04-01', endDate: '2028-07-31', motivation: 'Beide deskundigen adviseren het VSO' };
    expect(messages(P8.TLV_DECISION, granted)).toEqual([]);
    expect(messages(P8.TLV_DECISION, { ...granted, category: null })).toEqual(['Vul in: categorie']);
    expect(messages(P8.TLV_DECISION, { decision: 'AFGEWEZEN', motivation: 'Eerst een arrangement op school' })).toEqual([]);
    expect(messages(P8.TLV_DECISION, { decision: 'AFGEWEZEN', endDate: '2028-07-31', motivation: 'Eerst een arrangement op school' })).toEqual(['Einddatum hoort hier niet bij']);
    expect(messages(P8.TLV_EXTEND_TERM, { weeks: 4, reason: 'Tweede advies duurt langer' })).toEqual([]);
    expect(messages(P8.TLV_EXTEND_TERM, { weeks: 5, reason: 'Tweede advies duurt langer' })).toEqual(['Aantal weken moet een getal van 1 tot en met 4 zijn']);
  });

  it('expert advice: a positive advice names a category; the report is required', () => {
    expect(messages(P8.TLV_EXPERT_ADVICE_1, { date: '2027-03-01', advice: 'TOEKENNEN', category: 'LAAG', summary: 'Onderwijsbehoeften vragen om VSO' })).toEqual([]);
    expect(messages(P8.TLV_EXPERT_ADVICE_2, { date: '2027-03-01', advice: 'TOEKENNEN', summary: 'Onderwijsbehoeften vragen om VSO' })).toEqual(['Vul in: geadviseerde categorie']);
    expect(messages(P8.TLV_EXPERT_ADVICE_2, { date: '2027-03-02', advice: 'AFWIJZEN', summary: 'Eerst ambulante begeleiding' })).toEqual(['Datum van het advies kan niet in de toekomst liggen']);
  });

  it('who: the school compiles, submits and registers; the SWV checks, advises and decides; a bezwaar is recorded by either', () => {
    const zc = facts({ role: 'ZORGCOORDINATOR' });
    const swv = facts({ role: 'SWV_MEDEWERKER', atSchoolOfCase: false, swvOfCase: true });
    const mentor = facts({ role: 'MENTOR', participant: true });
    const parent = facts({ role: 'PARENT', atSchoolOfCase: false, guardian: true });
    for (const step of [P8.TLV_RECORD_DOSSIER_ITEM, P8.TLV_SUBMIT_REQUEST, P8.TLV_RECORD_SCHOOL_SYSTEM, P8.TLV_RECORD_BRON, P8.TLV_DECIDE_HERINDICATIE, P8.TLV_WITHDRAW]) {
      expect([mayTake(step.who, zc), mayTake(step.who, swv), mayTake(step.who, mentor), mayTake(step.who, parent)]).toEqual([true, false, false, false]);
    }
    for (const step of [P8.TLV_CHECK_DOSSIER, P8.TLV_EXPERT_ADVICE_1, P8.TLV_EXPERT_ADVICE_2, P8.TLV_EXTEND_TERM, P8.TLV_DECISION]) {
      expect([mayTake(step.who, zc), mayTake(step.who, swv), mayTake(step.who, mentor), mayTake(step.who, parent)]).toEqual([false, true, false, false]);
    }
    expect([mayTake(P8.TLV_RECORD_BEZWAAR.who, zc), mayTake(P8.TLV_RECORD_BEZWAAR.who, swv), mayTake(P8.TLV_RECORD_BEZWAAR.who, parent)]).toEqual([true, true, false]);
    expect(mayTake(P8.TLV_DECISION.who, facts({ role: 'ADMIN', atSchoolOfCase: false }))).toBe(true);
  });
});
