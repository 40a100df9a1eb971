import { validateStepInput } from '../validate-step-input';
import { mayTake, type ActorFacts } from '../who';
import { OVERDRACHT_STEPS as P6 } from './steps';

const ctx = { policies: {}, today: '2027-06-01' };
const messages = (step: Parameters<typeof validateStepInput>[0], input: unknown) => validateStepInput(step, input, ctx).errors.map((e) => e.nl);
const facts = (over: Partial<ActorFacts>): ActorFacts => ({ role: 'MENTOR', userId: 'u-1', atSchoolOfCase: true, participant: false, swvOfCase: false, guardian: false, caseData: {}, ...over });

describe('P6 overdracht steps', () => {
  it('OKR: a pupil with support needs has them described; without, the description is optional', () => {
    expect(messages(P6.OVERDRACHT_RECORD_OKR, { schooladvies: 'havo', supportNeeds: false })).toEqual([]);
    expect(messages(P6.OVERDRACHT_RECORD_OKR, { schooladvies: 'havo', supportNeeds: true })).toEqual(['Vul in: omschrijving van de ondersteuningsbehoefte']);
    expect(messages(P6.OVERDRACHT_RECORD_OKR, { schooladvies: 'havo', supportNeeds: true, supportNeedsDescription: 'Structuur en een vast aanspreekpunt' })).toEqual([]);
    expect(messages(P6.OVERDRACHT_RECORD_OKR, { schooladvies: 'havo' })).toEqual(['Kies ja of nee: de leerling heeft een ondersteuningsbehoefte']);
  });

  it('placement: a mentor by id, whose name the api adds; sent: via OSO or otherwise', () => {
    const r = validateStepInput(P6.OVERDRACHT_PLACEMENT, { className: ' 1B ', mentorId: '3f9b4a2e-1c1d-4e5f-9a0b-1c2d3e4f5a6b', mentorName: 'Nadia Bakker' }, ctx);
    expect(r.errors).toEqual([]);
    expect(r.value).toMatchObject({ className: '1B', mentorName: 'Nadia Bakker', level: null });
    expect(messages(P6.OVERDRACHT_PLACEMENT, { className: 'brugklas-1B-havo-vwo-x', mentorId: 'm-1' })).toEqual(['Klas moet 1 tot 20 tekens lang zijn']);
    expect(messages(P6.OVERDRACHT_SEND_OKR, { sentOn: '2027-06-01', via: 'POST' })).toEqual(['Kies een geldige waarde voor verzonden via']);
    expect(messages(P6.OVERDRACHT_SEND_OKR, { sentOn: '2027-06-02' })).toEqual(['Verzonden op kan niet in de toekomst liggen']);
  });

  it('the mentor’s confirmation needs no input; the IZO referral one to five known reasons', () => {
    expect(messages(P6.OVERDRACHT_MENTOR_READ, {})).toEqual([]);
    const referral = { pupilHelpQuestion: 'Wie kan ik vragen?', mentorSupportQuestion: 'Hoe bieden we structuur?', parentsInformed: true };
    expect(messages(P6.OVERDRACHT_IZO_REFERRAL, { ...referral, reasons: ['ONTWIKKELPERSPECTIEF_ONDUIDELIJK'] })).toEqual([]);
    expect(messages(P6.OVERDRACHT_IZO_REFERRAL, { ...referral, reasons: ['ONBEKEND'] })).toEqual(['Kies geldige waarden voor redenen']);
  });

  it('who: the school’s side (zorgcoördinator, the teamleider taking part), the parent’s own view, the placed mentor himself', () => {
    for (const step of [P6.OVERDRACHT_RECORD_OKR, P6.OVERDRACHT_SEND_OKR, P6.OVERDRACHT_CONFIRM_RECEIPT, P6.OVERDRACHT_WARM_HANDOVER, P6.OVERDRACHT_PLACEMENT]) {
      expect(mayTake(step.who, facts({ role: 'ZORGCOORDINATOR' }), step)).toBe(true);
      expect(mayTake(step.who, facts({ role: 'TEAMLEIDER', participant: true }), step)).toBe(true);
      expect(mayTake(step.who, facts({ role: 'TEAMLEIDER', participant: false }), step)).toBe(false);
      expect(mayTake(step.who, facts({ role: 'MENTOR', participant: true, caseData: { mentorId: 'u-1' } }), step)).toBe(false);
      expect(mayTake(step.who, facts({ role: 'ADMIN', atSchoolOfCase: false }), step)).toBe(true);
    }
    for (const step of [P6.OVERDRACHT_IZO_REFERRAL, P6.STOP_OVERDRACHT]) expect(mayTake(step.who, facts({ role: 'TEAMLEIDER', participant: true }), step)).toBe(false);
    const z = P6.OVERDRACHT_ZIENSWIJZE;
    expect(mayTake(z.who, facts({ role: 'PARENT', atSchoolOfCase: false, guardian: true }), z)).toBe(true);
    expect(mayTake(z.who, facts({ role: 'ZORGCOORDINATOR' }), z)).toBe(false);
    // A personal statement: an admin does not make it on the parent's behalf.
    expect(mayTake(z.who, facts({ role: 'ADMIN', atSchoolOfCase: false }), z)).toBe(false);
    const read = P6.OVERDRACHT_MENTOR_READ;
    expect(mayTake(read.who, facts({ role: 'MENTOR', participant: true, caseData: { mentorId: 'u-1' } }), read)).toBe(true);
    expect(mayTake(read.who, facts({ role: 'MENTOR', participant: true, caseData: { mentorId: 'u-2' } }), read)).toBe(false);
    expect(mayTake(read.who, facts({ role: 'ZORGCOORDINATOR', caseData: { mentorId: 'u-2' } }), read)).toBe(false);
    expect(mayTake(read.who, facts({ role: 'ADMIN', caseData: { mentorId: 'u-2' } }), read)).toBe(false);
    const feedback = P6.OVERDRACHT_FEEDBACK;
    expect(mayTake(feedback.who, facts({ role: 'MENTOR', caseData: { mentorId: 'u-1' } }), feedback)).toBe(true);
    expect(mayTake(feedback.who, facts({ role: 'MENTOR', caseData: { mentorId: 'u-2' } }), feedback)).toBe(false);
    expect(mayTake(feedback.who, facts({ role: 'TEAMLEIDER', participant: true }), feedback)).toBe(true);
  });
});
