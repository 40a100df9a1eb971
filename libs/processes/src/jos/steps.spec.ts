import { validateStepInput } from '../validate-step-input';
import { mayTake, type ActorFacts } from '../who';
import { JOS_STEPS as P3 } from './steps';

const ctx = { policies: { jos: { maxMonths: 5 } }, today: '2027-01-12' };
const messages = (step: Parameters<typeof validateStepInput>[0], input: unknown) => validateStepInput(step, input, ctx).errors.map((e) => e.nl);
const facts = (over: Partial<ActorFacts>): ActorFacts => ({ role: 'MENTOR', userId: 'u-1', atSchoolOfCase: true, participant: false, swvOfCase: false, guardian: false, caseData: {}, ...over });

const FORM = { needs: ['FAALANGST'], problemDescription: 'Blokkeert bij toetsen', singleSchoolRelatedProblem: true, alreadyTried: 'Gesprekken', parentsInformed: true };

describe('P3 JOS steps: the field rules of the catalogue', () => {
  it('asks the mentor for one or more of the six needs, each once, and a problem of at least 10 characters', () => {
    expect(validateStepInput(P3.SUBMIT_FORM, { ...FORM, needs: ['FAALANGST', 'FAALANGST', 'PLANNEN_HUISWERK'] }, ctx).value.needs).toEqual(['FAALANGST', 'PLANNEN_HUISWERK']);
    expect(messages(P3.SUBMIT_FORM, { ...FORM, needs: undefined })[0]).toBe('Vul in: ondersteuningsbehoeften');
    expect(messages(P3.SUBMIT_FORM, { ...FORM, needs: [] })).toEqual(['Ondersteuningsbehoeften: 1 tot 6 keuzes']);
    expect(messages(P3.SUBMIT_FORM, { ...FORM, needs: ['ONBEKEND'] })).toEqual(['Kies geldige waarden voor ondersteuningsbehoeften']);
    expect(messages(P3.SUBMIT_FORM, { ...FORM, problemDescription: 'Toetsen' })).toEqual(['Het probleem in uw woorden moet 10 tot 4000 tekens lang zijn']);
    expect(messages(P3.SUBMIT_FORM, { ...FORM, parentsInformed: undefined })).toEqual(['Kies ja of nee: de ouders weten van de aanmelding']);
    // "A single school-related problem" must be true: a process rule of the workflow, not a field check.
    expect(messages(P3.SUBMIT_FORM, { ...FORM, singleSchoolRelatedProblem: false })).toEqual([]);
  });

  it('plans the startgesprek from today on, at a time HH:mm, with a place only when it is not by phone', () => {
    expect(messages(P3.PLAN_STARTGESPREK, { date: '2027-01-11' })).toEqual(['Datum startgesprek kan niet in het verleden liggen']);
    expect(messages(P3.PLAN_STARTGESPREK, { date: '2027-01-12', time: '9 uur' })).toEqual(['Tijd is een tijdstip als uu:mm, bijvoorbeeld 10:15']);
    expect(messages(P3.PLAN_STARTGESPREK, { date: '2027-01-14', time: '15:30', location: 'kamer JOS' })).toEqual([]);
    expect(messages(P3.PLAN_STARTGESPREK, { date: '2027-01-14', mode: 'TELEFONISCH', location: 'kamer JOS' })).toEqual(['Plaats hoort hier niet bij']);
    expect(messages(P3.PLAN_STARTGESPREK, { date: '2027-01-14', mode: 'BEELDBELLEN' })).toEqual(['Kies een geldige waarde voor vorm']);
  });

  it('records a startgesprek that took place (not in the future) with who was there', () => {
    const held = { date: '2027-01-12', parentsPresent: true, mentorPresent: false, pupilPresent: true, summary: 'Kennismaking' };
    expect(messages(P3.RECORD_STARTGESPREK, held)).toEqual([]);
    expect(messages(P3.RECORD_STARTGESPREK, { ...held, date: '2027-01-13' })).toEqual(['Datum startgesprek kan niet in de toekomst liggen']);
    expect(messages(P3.RECORD_STARTGESPREK, { ...held, mentorPresent: 'nee' })).toEqual(['Kies ja of nee: mentor aanwezig']);
  });

  it('sets at most 10 further goals beside the pupil’s own goal', () => {
    const goals = { pupilGoal: 'Ik maak een toets zonder te blokkeren', agreedWithPupil: true, agreedWithMentor: true, agreedWithParents: false };
    expect(validateStepInput(P3.SET_GOALS, { ...goals, goals: [' Plannen '] }, ctx).value).toEqual({ ...goals, goals: ['Plannen'], weeklySlot: null });
    expect(messages(P3.SET_GOALS, { ...goals, goals: Array.from({ length: 11 }, (_, i) => `Doel ${i}`) })).toEqual(['Overige doelen: 0 tot 10 regels']);
    expect(messages(P3.SET_GOALS, { ...goals, pupilGoal: 'ok' })).toEqual(['Doel van de leerling (eigen woorden) moet 3 tot 500 tekens lang zijn']);
  });

  it('takes the thermometer of a contact only when the pupil attended', () => {
    expect(messages(P3.LOG_CONTACT, { date: '2027-01-12', attended: true, thermometer: 7 })).toEqual([]);
    expect(messages(P3.LOG_CONTACT, { date: '2027-01-12', attended: false, thermometer: 7 })).toEqual(['Thermometer (1–10) hoort hier niet bij']);
    expect(messages(P3.LOG_CONTACT, { date: '2027-01-12', attended: true, thermometer: 11 })).toEqual(['Thermometer (1–10) moet een getal van 1 tot en met 10 zijn']);
    expect(messages(P3.LOG_CONTACT, { date: '2027-01-13', attended: false })).toEqual(['Datum contact kan niet in de toekomst liggen']);
    expect(messages(P3.RECORD_EVALUATION, { summary: 'Gaat vooruit', thermometer: 0 })).toEqual(['Thermometer (1–10) moet een getal van 1 tot en met 10 zijn']);
  });

  it('asks where to a referred pupil goes, and only then', () => {
    expect(messages(P3.RECORD_OUTCOME, { outcome: 'DOORVERWEZEN', summary: 'Meer nodig' })).toEqual(['Vul in: doorverwezen naar']);
    expect(messages(P3.RECORD_OUTCOME, { outcome: 'DOORVERWEZEN', referralTo: 'JEUGDZORG', summary: 'Meer nodig' })).toEqual(['Kies een geldige waarde voor doorverwezen naar']);
    expect(messages(P3.RECORD_OUTCOME, { outcome: 'AFGEROND', referralTo: 'OOV', summary: 'Doel bereikt' })).toEqual(['Doorverwezen naar hoort hier niet bij']);
    expect(validateStepInput(P3.RECORD_OUTCOME, { outcome: 'DOORVERWEZEN', referralTo: 'SOCIAAL_TEAM', summary: ' Problemen thuis ' }, ctx).value).toEqual({ outcome: 'DOORVERWEZEN', referralTo: 'SOCIAAL_TEAM', summary: 'Problemen thuis' });
    expect(messages(P3.RECORD_OUTCOME, { outcome: 'GESTOPT', summary: 'Weg' })).toEqual(['Kies een geldige waarde voor uitkomst']);
  });
});

describe('P3 JOS steps: who may take them (as the api allowed before: jos-step.usecases.ts)', () => {
  it('the form: the zorgcoördinator of the school, or the mentor taking part in the case', () => {
    expect(mayTake(P3.SUBMIT_FORM.who, facts({ role: 'ZORGCOORDINATOR' }))).toBe(true);
    expect(mayTake(P3.SUBMIT_FORM.who, facts({ role: 'ZORGCOORDINATOR', atSchoolOfCase: false }))).toBe(false);
    expect(mayTake(P3.SUBMIT_FORM.who, facts({ role: 'MENTOR', participant: true }))).toBe(true);
    expect(mayTake(P3.SUBMIT_FORM.who, facts({ role: 'MENTOR', participant: false }))).toBe(false);
    expect(mayTake(P3.SUBMIT_FORM.who, facts({ role: 'JOS_MEDEWERKER', participant: true }))).toBe(false);
    expect(mayTake(P3.SUBMIT_FORM.who, facts({ role: 'TEAMLEIDER' }))).toBe(false);
  });

  it('the JOS worker’s steps: the zorgcoördinator, or the JOS worker taking part; not the mentor, a coach or a parent', () => {
    for (const step of [P3.PLAN_STARTGESPREK, P3.RECORD_STARTGESPREK, P3.SET_GOALS, P3.LOG_CONTACT, P3.RECORD_EVALUATION, P3.RECORD_OUTCOME]) {
      expect(mayTake(step.who, facts({ role: 'JOS_MEDEWERKER', participant: true }))).toBe(true);
      expect(mayTake(step.who, facts({ role: 'JOS_MEDEWERKER', participant: false }))).toBe(false);
      expect(mayTake(step.who, facts({ role: 'ZORGCOORDINATOR' }))).toBe(true);
      expect(mayTake(step.who, facts({ role: 'MENTOR', participant: true }))).toBe(false);
      expect(mayTake(step.who, facts({ role: 'COACH', participant: true }))).toBe(false);
      expect(mayTake(step.who, facts({ role: 'PARENT', guardian: true, atSchoolOfCase: false }))).toBe(false);
      expect(mayTake(step.who, facts({ role: 'ADMIN', atSchoolOfCase: false }))).toBe(true);
    }
  });

  it('stopping: only the zorgcoördinator (or an admin)', () => {
    expect(mayTake(P3.STOP_JOS.who, facts({ role: 'ZORGCOORDINATOR' }))).toBe(true);
    expect(mayTake(P3.STOP_JOS.who, facts({ role: 'JOS_MEDEWERKER', participant: true }))).toBe(false);
    expect(mayTake(P3.STOP_JOS.who, facts({ role: 'MENTOR', participant: true }))).toBe(false);
    expect(mayTake(P3.STOP_JOS.who, facts({ role: 'ADMIN', atSchoolOfCase: false }))).toBe(true);
  });
});
