import { START_CATALOGUE, startDefinition } from './catalogue';
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
    expect(startDefinition('ONDERSTEUNINGSTRAJECT')).toBeNull();
    for (const def of Object.values(START_CATALOGUE)) expect(def?.name).toBe('START');
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

  it('who may start: P4 and P5 the zorgcoördinator, P6 also a teamleider of the school; an admin always', () => {
    const facts = (role: string): ActorFacts => ({ role, userId: 'u', atSchoolOfCase: true, participant: false, swvOfCase: false, guardian: false, caseData: {} });
    expect(['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'ADMIN'].filter((r) => mayTake(ZORGPLICHT_START.who, facts(r), ZORGPLICHT_START))).toEqual(['ZORGCOORDINATOR', 'ADMIN']);
    expect(['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'ADMIN'].filter((r) => mayTake(OOV_START.who, facts(r), OOV_START))).toEqual(['ZORGCOORDINATOR', 'ADMIN']);
    expect(['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'ADMIN'].filter((r) => mayTake(OVERDRACHT_START.who, facts(r), OVERDRACHT_START))).toEqual(['ZORGCOORDINATOR', 'TEAMLEIDER', 'ADMIN']);
  });
});
