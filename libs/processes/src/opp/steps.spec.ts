import { validateStepInput } from '../validate-step-input';
import { mayTake, type ActorFacts } from '../who';
import { OPP_STEPS as P7 } from './steps';

const ctx = { policies: {}, today: '2027-03-01' };
const messages = (step: Parameters<typeof validateStepInput>[0], input: unknown) => validateStepInput(step, input, ctx).errors.map((e) => e.nl);
const facts = (over: Partial<ActorFacts>): ActorFacts => ({ role: 'MENTOR', userId: 'u-1', atSchoolOfCase: true, participant: false, swvOfCase: false, guardian: false, caseData: {}, ...over });

const content = {
  onderwijsbehoeften: 'Structuur en voorspelbaarheid',
  belemmerendeFactoren: 'Snel overprikkeld',
  bevorderendeFactoren: 'Gemotiveerd',
  uitstroomperspectief: 'MBO_3_4',
  uitstroomOnderbouwing: 'Past bij zijn niveau en motivatie',
  handelingsdeel: [{ support: 'Begeleiding bij plannen', providedBy: 'BPO', duration: 'een schooljaar' }],
  authors: ['Mentor'],
  parentsConsultedOn: '2027-02-26',
};

describe('P7 OPP steps', () => {
  it('draw-up: the handelingsdeel names the support, who gives it and how long; at least one line', () => {
    expect(messages(P7.OPP_DRAW_UP, content)).toEqual([]);
    expect(messages(P7.OPP_DRAW_UP, { ...content, handelingsdeel: [] })).toEqual(['Handelingsdeel: de ondersteuning: 1 tot 12 items']);
    expect(messages(P7.OPP_DRAW_UP, { ...content, handelingsdeel: [{ support: 'Begeleiding', duration: 'een jaar' }] })).toEqual(['Vul in: gegeven door']);
    expect(messages(P7.OPP_DRAW_UP, { ...content, uitstroomperspectief: 'HAVO' })).toEqual(['Kies een geldige waarde voor uitstroomperspectief']);
    expect(messages(P7.OPP_DRAW_UP, { ...content, parentsConsultedOn: '2027-03-02' })).toEqual(['Datum op overeenstemming gericht overleg met de ouders kan niet in de toekomst liggen']);
    // An adjustment says why.
    expect(messages(P7.OPP_ADJUST, content)).toEqual(['Vul in: wat is er veranderd en waarom']);
    expect(messages(P7.OPP_ADJUST, { ...content, changeReason: 'Meer begeleiding' })).toEqual([]);
  });

  it('hoorrecht: heard with the view, how it was weighed and whether it was explained back; or waived with a reason', () => {
    const heard = { mode: 'HEARD', heardOn: '2027-03-01', pupilView: 'Ik wil bij het raam zitten', weighing: 'Meegenomen', explainedBack: true };
    expect(messages(P7.OPP_HEAR_PUPIL, heard)).toEqual([]);
    expect(messages(P7.OPP_HEAR_PUPIL, { ...heard, weighing: null })).toEqual(['Vul in: hoe de mening is meegewogen']);
    expect(messages(P7.OPP_HEAR_PUPIL, { ...heard, explainedBack: undefined })).toEqual(['Kies ja of nee: aan de leerling teruggekoppeld hoe zijn mening is meegewogen']);
    expect(messages(P7.OPP_HEAR_PUPIL, { mode: 'WAIVED', waiverReason: 'Kan nu geen mening vormen' })).toEqual([]);
    expect(messages(P7.OPP_HEAR_PUPIL, { mode: 'WAIVED', waiverReason: 'Geen' })).toEqual(['Reden om de leerling niet te horen moet 10 tot 2000 tekens lang zijn']);
    expect(messages(P7.OPP_HEAR_PUPIL, { mode: 'WAIVED', waiverReason: 'Kan nu geen mening vormen', pupilView: 'Toch iets' })).toEqual(['Mening van de leerling hoort hier niet bij']);
  });

  it('evaluation: with a date, whether the parents were there, a report and an outcome', () => {
    expect(messages(P7.OPP_EVALUATE, { heldOn: '2027-03-01', parentsPresent: true, summary: 'Loopt goed', outcome: 'CONTINUE' })).toEqual([]);
    expect(messages(P7.OPP_EVALUATE, { heldOn: '2027-03-01', summary: 'Loopt goed', outcome: 'STOP' })).toEqual(['Kies ja of nee: de ouders waren bij de evaluatie', 'Kies een geldige waarde voor uitkomst']);
  });

  it('who: the authors draw up, hear and evaluate; the zorgcoördinator decides after a refusal and stops; BRON by the zorgcoördinator or teamleider', () => {
    for (const step of [P7.OPP_DRAW_UP, P7.OPP_ADJUST, P7.OPP_HEAR_PUPIL, P7.OPP_EVALUATE]) {
      expect(mayTake(step.who, facts({ role: 'ZORGCOORDINATOR' }))).toBe(true);
      expect(mayTake(step.who, facts({ role: 'MENTOR', participant: true }))).toBe(true);
      expect(mayTake(step.who, facts({ role: 'COACH', participant: true }))).toBe(true);
      expect(mayTake(step.who, facts({ role: 'MENTOR', participant: false }))).toBe(false);
      expect(mayTake(step.who, facts({ role: 'PARENT', guardian: true, atSchoolOfCase: false }))).toBe(false);
      expect(mayTake(step.who, facts({ role: 'SWV_MEDEWERKER', swvOfCase: true, atSchoolOfCase: false }))).toBe(false);
    }
    for (const step of [P7.OPP_REFUSAL_FOLLOW_UP, P7.STOP_OPP]) {
      expect(mayTake(step.who, facts({ role: 'ZORGCOORDINATOR' }))).toBe(true);
      expect(mayTake(step.who, facts({ role: 'MENTOR', participant: true }))).toBe(false);
    }
    expect(mayTake(P7.OPP_REGISTER_BRON.who, facts({ role: 'TEAMLEIDER' }))).toBe(true);
    expect(mayTake(P7.OPP_REGISTER_BRON.who, facts({ role: 'TEAMLEIDER', atSchoolOfCase: false }))).toBe(false);
    expect(mayTake(P7.OPP_REGISTER_BRON.who, facts({ role: 'MENTOR', participant: true }))).toBe(false);
  });
});
