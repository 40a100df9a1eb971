import { resolveFields, START_CATALOGUE, startDefinition, usesPolicy } from './catalogue';
import { ONDERSTEUNINGSTRAJECT_START } from './ondersteuningstraject/steps';
import { JOS_START } from './jos/steps';
import { OPP_START } from './opp/steps';
import { TLV_START } from './tlv/steps';
import { ZORGROUTE_START } from './zorgroute/steps';
import { OOV_START } from './oov/steps';
import { OVERDRACHT_START } from './overdracht/steps';
import { validateStepInput } from './validate-step-input';
import { mayTake, type ActorFacts } from './who';
import { ZORGPLICHT_START } from './zorgplicht/steps';

const ctx = { policies: {}, today: '2027-03-10' };
const PUPIL = '3f1c2a64-0000-4000-8000-000000000001';
const SCHOOL_A = '3f1c2a64-0000-4000-8000-00000000000a';
const SCHOOL_B = '3f1c2a64-0000-4000-8000-00000000000b';
const errorsOf = (def: Parameters<typeof validateStepInput>[0], input: unknown) => validateStepInput(def, input, ctx).errors.map((e) => `${e.field}: ${e.nl}`);

describe('start definitions', () => {
  it('are found per process and named START', () => {
    expect(startDefinition('ZORGPLICHT')).toBe(ZORGPLICHT_START);
    expect([startDefinition('ZORGROUTE'), startDefinition('JOS'), startDefinition('OPP'), startDefinition('TLV')]).toEqual([ZORGROUTE_START, JOS_START, OPP_START, TLV_START]);
    expect(startDefinition('ONDERSTEUNINGSTRAJECT')).toBe(ONDERSTEUNINGSTRAJECT_START);
    expect(startDefinition('IZO')).toBeNull();
    for (const def of Object.values(START_CATALOGUE)) expect(def?.name).toBe('START');
  });

  describe('P1 ondersteuningstraject', () => {
    const school = { ondersteuningstraject: { minWeeks: 4, defaultWeeks: 7, maxWeeks: 12 } };
    const p1 = (input: unknown) =>
      validateStepInput(ONDERSTEUNINGSTRAJECT_START, input, { policies: school, today: '2027-03-10' }).errors.map((e) => `${e.field}: ${e.nl}`);

    it("bounds the length by the school's policy, not by a number of its own; empty means the school's default", () => {
      const base = { pupilId: PUPIL, reason: 'Faalangst bij toetsen' };
      expect(p1({ ...base, weeks: 12 })).toEqual([]);
      expect(p1({ ...base, weeks: 4 })).toEqual([]);
      expect(p1(base)).toEqual([]);
      expect(p1({ ...base, weeks: 13 })).toEqual(['weeks: Duur in weken moet een getal van 4 tot en met 12 zijn']);
      expect(p1({ ...base, weeks: 3 })).toEqual(['weeks: Duur in weken moet een getal van 4 tot en met 12 zijn']);
      expect(p1({ ...base, weeks: 6.5 })).toHaveLength(1);
      expect(p1({ pupilId: PUPIL, reason: 'ok' })).toEqual(['reason: Reden van aanmelding moet 3 tot 2000 tekens lang zijn']);
      expect(p1({ ...base, observations: 'x'.repeat(4001) })).toHaveLength(1);
    });

    it("resolves the form's bounds and first value from the school's policy, or leaves them to the api while it is unknown", () => {
      expect(usesPolicy(ONDERSTEUNINGSTRAJECT_START.fields)).toBe(true);
      expect(usesPolicy(OOV_START.fields)).toBe(false);
      const weeks = resolveFields(ONDERSTEUNINGSTRAJECT_START.fields, school).find((f) => f.name === 'weeks');
      expect(weeks).toMatchObject({ min: 4, max: 12, initial: 7 });
      const unknown = resolveFields(ONDERSTEUNINGSTRAJECT_START.fields, {}, { policiesUnknown: true }).find((f) => f.name === 'weeks');
      expect([unknown?.min, unknown?.max, unknown?.initial]).toEqual([undefined, undefined, undefined]);
      expect(() => resolveFields(ONDERSTEUNINGSTRAJECT_START.fields, {})).toThrow('policy ondersteuningstraject.minWeeks is not a number');
    });
  });

  describe('P4 aanmelding', () => {
    const base = { receivedOn: '2027-03-01', preferenceSchoolIds: [SCHOOL_A, SCHOOL_B], extraSupportExpected: false };
    const newPupil = { firstName: 'Noor', lastName: 'Verzonnen', dateOfBirth: '2014-05-01', parents: [{ name: 'Ouder Verzonnen', email: 'ouder@voorbeeld.example' }] };

    it('takes an existing pupil or a new one with a parent, never both and never neither', () => {
      expect(errorsOf(ZORGPLICHT_START, { ...base, pupilId: PUPIL })).toEqual([]);
      expect(errorsOf(ZORGPLICHT_START, { ...base, newPupil })).toEqual([]);
      expect(errorsOf(ZORGPLICHT_START, { ...base, pupilId: PUPIL, newPupil })).toEqual(['newPupil: Nieuwe leerling hoort hier niet bij']);
      expect(errorsOf(ZORGPLICHT_START, base)).toEqual(['newPupil: Vul in: nieuwe leerling']);
      expect(errorsOf(ZORGPLICHT_START, { ...base, newPupil: { ...newPupil, parents: [] } })).toEqual(['newPupil.parents: Ouder of verzorger: 1 tot 2 items']);
    });

    it('refuses a parent e-mail address that is not one, a received date in the future and a school named twice', () => {
      expect(errorsOf(ZORGPLICHT_START, { ...base, newPupil: { ...newPupil, parents: [{ name: 'Ouder', email: 'geen-adres' }] } })).toEqual([
        'newPupil.parents.0.email: Vul een geldig e-mailadres in',
      ]);
      expect(errorsOf(ZORGPLICHT_START, { ...base, pupilId: PUPIL, receivedOn: '2027-03-11' })).toEqual(['receivedOn: Aanmelding ontvangen op kan niet in de toekomst liggen']);
      expect(errorsOf(ZORGPLICHT_START, { ...base, pupilId: PUPIL, preferenceSchoolIds: [SCHOOL_A, SCHOOL_A] })).toEqual([
        'preferenceSchoolIds: Voorkeursvolgorde van de ouders: een school staat er meer dan één keer in',
      ]);
      expect(errorsOf(ZORGPLICHT_START, { ...base, pupilId: PUPIL, preferenceSchoolIds: null })).toEqual(['preferenceSchoolIds: Vul in: voorkeursvolgorde van de ouders']);
    });
  });

  it('P5 OOV: a pupil and a reason of 3 to 2000 characters; the leerlingbegeleider is optional', () => {
    expect(errorsOf(OOV_START, { pupilId: PUPIL, reason: 'Thuiszitter dreigt' })).toEqual([]);
    expect(errorsOf(OOV_START, { pupilId: PUPIL, reason: 'ok' })).toEqual(['reason: Waarom een OOV? moet 3 tot 2000 tekens lang zijn']);
    expect(errorsOf(OOV_START, { reason: 'Thuiszitter dreigt', extra: 1 })).toEqual(['extra: Onbekend veld: extra', 'pupilId: Vul in: leerling']);
  });

  it('P6 overdracht: the school year written as 2027-2028, the primary school named', () => {
    const ok = { pupilId: PUPIL, schoolYear: '2027-2028', poSchoolName: 'OBS De Wilg', supportNeedsExpected: false };
    expect(errorsOf(OVERDRACHT_START, ok)).toEqual([]);
    expect(errorsOf(OVERDRACHT_START, { ...ok, preferenceSchoolIds: null, applicationReceivedOn: null })).toEqual([]);
    expect(errorsOf(OVERDRACHT_START, { ...ok, schoolYear: '27/28' })).toEqual(['schoolYear: Schrijf het schooljaar als 2027-2028']);
    expect(errorsOf(OVERDRACHT_START, { ...ok, poSchoolName: 'X' })).toEqual(['poSchoolName: Basisschool moet 2 tot 200 tekens lang zijn']);
  });

  describe('P2 IZO-aanmelding', () => {
    it('takes a pupil, where the referral comes from and as much of the aanmeldformulier as is known', () => {
      expect(errorsOf(ZORGROUTE_START, { pupilId: PUPIL, source: 'DIRECT' })).toEqual([]);
      expect(errorsOf(ZORGROUTE_START, { pupilId: PUPIL, source: 'GROEPSBESPREKING', form: { problem: 'Trekt zich terug in de klas', reasons: ['ONVOLDOENDE_PROFIJT_GROEPSPLAN'] } })).toEqual([]);
      expect(validateStepInput(ZORGROUTE_START, { pupilId: PUPIL, source: 'DIRECT', form: { problem: '  Trekt zich terug  ' } }, ctx).value.form).toEqual({ problem: 'Trekt zich terug' });
    });

    it('refuses a missing pupil, an unknown source and a field the aanmeldformulier does not have', () => {
      expect(errorsOf(ZORGROUTE_START, { source: 'DIRECT' })).toEqual(['pupilId: Vul in: leerling']);
      expect(errorsOf(ZORGROUTE_START, { pupilId: PUPIL, source: 'ZOMAAR' })).toEqual(['source: Kies een geldige waarde voor aanleiding']);
      expect(errorsOf(ZORGROUTE_START, { pupilId: PUPIL, source: 'DIRECT', form: { probleem: 'x' } })).toEqual(['form.probleem: Onbekend veld: probleem']);
      expect(errorsOf(ZORGROUTE_START, { pupilId: PUPIL, source: 'DIRECT', form: { reasons: ['NIET_BESTAAND'] } })).toEqual(['form.reasons: Kies geldige waarden voor reden van aanmelding']);
    });
  });

  describe('P3 JOS', () => {
    const ok = { pupilId: PUPIL, decisionDate: '2027-03-10', needs: ['FAALANGST'] };
    it('takes the decision date, one or more needs, optional notes and JOS worker', () => {
      expect(errorsOf(JOS_START, ok)).toEqual([]);
      expect(errorsOf(JOS_START, { ...ok, needs: ['FAALANGST', 'PLANNEN_HUISWERK'], decisionNotes: 'Besproken in het SOT', josWorkerId: PUPIL })).toEqual([]);
    });

    it('refuses no need, an unknown need, a decision in the future and notes over 2000 characters', () => {
      expect(errorsOf(JOS_START, { ...ok, needs: [] })).toEqual(['needs: Ondersteuningsbehoeften: 1 tot 6 keuzes']);
      expect(errorsOf(JOS_START, { ...ok, needs: ['VERVELING'] })).toEqual(['needs: Kies geldige waarden voor ondersteuningsbehoeften']);
      expect(errorsOf(JOS_START, { ...ok, decisionDate: '2027-03-11' })).toEqual(['decisionDate: Datum besluit ondersteuningsteam kan niet in de toekomst liggen']);
      expect(errorsOf(JOS_START, { ...ok, decisionNotes: 'x'.repeat(2001) })).toEqual(['decisionNotes: Notities van het ondersteuningsteam moet 1 tot 2000 tekens lang zijn']);
    });
  });

  describe('P7 OPP', () => {
    const ok = { pupilId: PUPIL, reason: 'Arrangement na het ZAT', source: 'DIRECT' };
    it('takes a reason of 10 to 2000 characters; a source case only (and then always) when it does not start directly', () => {
      expect(errorsOf(OPP_START, ok)).toEqual([]);
      expect(errorsOf(OPP_START, { ...ok, source: 'ZORGROUTE', sourceCaseId: 'zorgroute-1-x', supportStartedOn: '2027-03-01' })).toEqual([]);
      expect(errorsOf(OPP_START, { ...ok, reason: 'kort' })).toEqual(['reason: Waarom krijgt de leerling extra ondersteuning? moet 10 tot 2000 tekens lang zijn']);
      expect(errorsOf(OPP_START, { ...ok, source: 'ZORGROUTE' })).toEqual(['sourceCaseId: Vul in: casusnummer van de herkomst']);
      expect(errorsOf(OPP_START, { ...ok, sourceCaseId: 'zorgroute-1-x' })).toEqual(['sourceCaseId: Casusnummer van de herkomst hoort hier niet bij']);
    });

    it('refuses an unknown source and a support start in the future', () => {
      expect(errorsOf(OPP_START, { ...ok, source: 'JOS', sourceCaseId: 'jos-1' })).toEqual(['source: Kies een geldige waarde voor herkomst']);
      expect(errorsOf(OPP_START, { ...ok, supportStartedOn: '2027-03-11' })).toEqual(['supportStartedOn: Start van de extra ondersteuning kan niet in de toekomst liggen']);
    });
  });

  it('P8 TLV: a reason of 3 to 2000 characters, a Flex-ZAT not in the future, the VSO declaration yes or no', () => {
    const ok = { pupilId: PUPIL, reason: 'De Flex-ZAT adviseert het VSO', flexZatDate: '2027-03-10', deskundigheidsverklaringVso: false };
    expect(errorsOf(TLV_START, ok)).toEqual([]);
    expect(errorsOf(TLV_START, { pupilId: PUPIL, reason: 'De Flex-ZAT adviseert het VSO' })).toEqual([]);
    expect(errorsOf(TLV_START, { ...ok, reason: 'ok' })).toEqual(['reason: Waarom een TLV? moet 3 tot 2000 tekens lang zijn']);
    expect(errorsOf(TLV_START, { ...ok, flexZatDate: '2027-03-11' })).toEqual(['flexZatDate: Datum van de Flex-ZAT kan niet in de toekomst liggen']);
    expect(errorsOf(TLV_START, { ...ok, flexZatDate: '2027-02-30' })).toEqual(['flexZatDate: Datum van de Flex-ZAT is geen geldige datum (jjjj-mm-dd)']);
    expect(errorsOf(TLV_START, { ...ok, deskundigheidsverklaringVso: 'ja' })).toEqual(['deskundigheidsverklaringVso: Kies ja of nee: er is een vso-school betrokken (de deskundigheidsverklaring van het vso hoort bij het dossier)']);
  });

  it('who may start: P4 and P5 the zorgcoördinator, P6 also a teamleider of the school; an admin always', () => {
    const facts = (role: string): ActorFacts => ({ role, userId: 'u', atSchoolOfCase: true, participant: false, swvOfCase: false, guardian: false, caseData: {} });
    expect(['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'ADMIN'].filter((r) => mayTake(ZORGPLICHT_START.who, facts(r), ZORGPLICHT_START))).toEqual(['ZORGCOORDINATOR', 'ADMIN']);
    expect(['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'ADMIN'].filter((r) => mayTake(OOV_START.who, facts(r), OOV_START))).toEqual(['ZORGCOORDINATOR', 'ADMIN']);
    expect(['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'ADMIN'].filter((r) => mayTake(OVERDRACHT_START.who, facts(r), OVERDRACHT_START))).toEqual(['ZORGCOORDINATOR', 'TEAMLEIDER', 'ADMIN']);
    const roles = ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'COACH', 'JOS_MEDEWERKER', 'ADMIN'];
    // P2: whoever refers a pupil to the IZO; P3, P7 and P8 the zorgcoördinator.
    expect(roles.filter((r) => mayTake(ZORGROUTE_START.who, facts(r), ZORGROUTE_START))).toEqual(['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'ADMIN']);
    for (const def of [JOS_START, OPP_START, TLV_START]) expect(roles.filter((r) => mayTake(def.who, facts(r), def))).toEqual(['ZORGCOORDINATOR', 'ADMIN']);
  });
});
