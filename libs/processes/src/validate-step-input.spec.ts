import { ONDERSTEUNINGSTRAJECT_STEPS as P1 } from './ondersteuningstraject/steps';
import { validateStepInput } from './validate-step-input';

const policies = { ondersteuningstraject: { extensionMinWeeks: 2, extensionMaxWeeks: 9 } };
const ctx = { policies, today: '2027-01-12' };
const messages = (step: Parameters<typeof validateStepInput>[0], input: unknown) => validateStepInput(step, input, ctx).errors.map((e) => e.nl);

describe('validateStepInput', () => {
  it('accepts valid input and normalizes it (trimmed text, empty optionals as null, hidden fields left out)', () => {
    const r = validateStepInput(P1.RECORD_OUTCOME, { outcome: 'AFGEROND', reason: '  ', actor: { id: 'x' } }, ctx);
    expect(r.errors).toEqual([]);
    expect(r.value).toEqual({ outcome: 'AFGEROND', reason: null });
    const intake = validateStepInput(P1.RECORD_INTAKE, { intakeDate: '2027-01-11', goal: '  Rustig blijven  ', subGoals: [' Plannen '] }, ctx);
    expect(intake.value).toEqual({ intakeDate: '2027-01-11', goal: 'Rustig blijven', subGoals: ['Plannen'] });
  });

  it('takes bounds from the school policy, named by key', () => {
    expect(messages(P1.RECORD_OUTCOME, { outcome: 'VERLENGD', extensionWeeks: 10 })).toEqual(['Verlengen met (weken) moet een getal van 2 tot en met 9 zijn']);
    expect(messages(P1.RECORD_OUTCOME, { outcome: 'VERLENGD', extensionWeeks: 1 })).toEqual(['Verlengen met (weken) moet een getal van 2 tot en met 9 zijn']);
    const wider = validateStepInput(P1.RECORD_OUTCOME, { outcome: 'VERLENGD', extensionWeeks: 12 }, { ...ctx, policies: { ondersteuningstraject: { extensionMinWeeks: 1, extensionMaxWeeks: 12 } } });
    expect(wider.errors).toEqual([]);
  });

  it('applies conditional fields as data: shown, required, refused when they do not apply', () => {
    expect(messages(P1.RECORD_OUTCOME, { outcome: 'VERLENGD' })).toEqual(['Vul in: verlengen met (weken)']);
    expect(messages(P1.RECORD_OUTCOME, { outcome: 'GESTOPT' })).toEqual(['Vul in: reden']);
    expect(messages(P1.RECORD_OUTCOME, { outcome: 'AFGEROND', extensionWeeks: 3 })).toEqual(['Verlengen met (weken) hoort hier niet bij']);
    expect(messages(P1.LOG_SESSION, { date: '2027-01-11', attended: false, thermometer: 5 })).toEqual(['Thermometer (1–10) hoort hier niet bij']);
  });

  it('refuses unknown fields, wrong types, impossible and future dates, control characters', () => {
    expect(messages(P1.RECORD_MID_EVALUATION, { summary: 'Gaat goed', extra: 1 })).toEqual(['Onbekend veld: extra']);
    expect(messages(P1.LOG_SESSION, { date: '2027-02-30', attended: true })).toEqual(['Datum sessie is geen geldige datum (jjjj-mm-dd)']);
    expect(messages(P1.LOG_SESSION, { date: '2027-01-13', attended: true })).toEqual(['Datum sessie kan niet in de toekomst liggen']);
    expect(messages(P1.LOG_SESSION, { date: '2027-01-12', attended: 'ja' })).toEqual(['Kies ja of nee: de leerling was aanwezig']);
    expect(messages(P1.RECORD_MID_EVALUATION, { summary: 'a\u0007b' })).toEqual(['Samenvatting tussenevaluatie bevat ongeldige tekens']);
    expect(messages(P1.RECORD_INTAKE, { intakeDate: '2027-01-11', goal: 'x', subGoals: [] })).toEqual(['Ontwikkeldoel van de leerling moet 3 tot 500 tekens lang zijn']);
  });

  it('requires either the weekday and time or the free-text slot, and accepts the derived coach name', () => {
    const id = '3f9b4a2e-1c1d-4e5f-9a0b-1c2d3e4f5a6b';
    expect(messages(P1.ASSIGN_COACH, { coachId: id })).toEqual(['Vul in: dag van de sessie', 'Vul in: tijdstip van de sessie']);
    expect(messages(P1.ASSIGN_COACH, { coachId: id, sessionSlot: 'dinsdag 3e uur', coachName: 'Fatima El Idrissi' })).toEqual([]);
    expect(messages(P1.ASSIGN_COACH, { coachId: id, sessionWeekday: 6, sessionTime: '10:15' })).toEqual(['Kies een geldige waarde voor dag van de sessie']);
    expect(messages(P1.ASSIGN_COACH, { coachId: 'coach 1; drop', sessionWeekday: 2, sessionTime: '10:15' })).toEqual(['Kies een persoon voor coach']);
  });
});
