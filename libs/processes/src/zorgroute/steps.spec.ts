import { validateStepInput } from '../validate-step-input';
import { mayTake, type ActorFacts } from '../who';
import { ZORGROUTE_STEPS as P2 } from './steps';

const policies = { ondersteuningstraject: { minWeeks: 6, maxWeeks: 9 } };
const ctx = { policies, today: '2027-01-12' };
const check = (step: Parameters<typeof validateStepInput>[0], input: unknown) => validateStepInput(step, input, ctx);
const messages = (step: Parameters<typeof validateStepInput>[0], input: unknown) => check(step, input).errors.map((e) => e.nl);

const CHECKS = { secondLine: true, questionsClear: true, firstLineDone: true, parentsAndPupilKnow: true };
const INTERNAL = {
  kind: 'INTERNE_ONDERSTEUNING',
  description: 'Huiswerkbegeleiding twee keer per week',
  supportType: 'HUISWERKBEGELEIDING',
  goal: 'Zelf het huiswerk plannen',
  provider: 'Mevrouw De Vries',
  startDate: '2027-01-18',
  frequency: 'twee keer per week',
  duration: '8 weken',
  evaluationDate: '2027-03-15',
};

describe('P2 zorgroute catalogue: the aanmeldformulier is a patch', () => {
  it('leaves out what the input leaves out (the workflow keeps the saved value) and clears what it empties', () => {
    const r = check(P2.SAVE_REFERRAL, { form: { problem: '  Veel verzuim  ', strengths: '', reasons: ['ERNSTIGE_SIGNALEN_STOORNIS', 'ERNSTIGE_SIGNALEN_STOORNIS'] } });
    expect(r.errors).toEqual([]);
    expect(r.value).toEqual({ form: { problem: 'Veel verzuim', strengths: null, reasons: ['ERNSTIGE_SIGNALEN_STOORNIS'] } });
    expect(check(P2.SUBMIT_REFERRAL, { form: {} }).value).toEqual({ form: {} });
  });

  it('still checks what is given, refuses unknown fields and a missing form', () => {
    expect(messages(P2.SUBMIT_REFERRAL, { form: { reasons: ['VERMOEDEN_STOORNIS'] } })).toEqual(['Kies geldige waarden voor reden van aanmelding']);
    expect(messages(P2.SUBMIT_REFERRAL, { form: { parentsInformed: 'ja' } })).toEqual(['Kies ja of nee: ouders zijn op de hoogte van de aanmelding']);
    expect(messages(P2.SUBMIT_REFERRAL, { form: { problem: 'x'.repeat(4001) } })).toEqual(['Wat is het probleem? moet 1 tot 4000 tekens lang zijn']);
    expect(messages(P2.SUBMIT_REFERRAL, { form: { hobby: 'voetbal' } })).toEqual(['Onbekend veld: hobby']);
    expect(messages(P2.SUBMIT_REFERRAL, {})).toEqual(['Vul in: aanmeldformulier']);
  });

  it('the ZAT referral is a patch over the prefilled referral too', () => {
    expect(check(P2.SUBMIT_ZAT_REFERRAL, { form: { homeSituation: 'Moeder alleenstaand' } }).value).toEqual({ form: { homeSituation: 'Moeder alleenstaand' } });
  });
});

describe('P2 zorgroute catalogue: triage', () => {
  it('takes the four checks as one group, each a yes or no', () => {
    expect(messages(P2.TRIAGE, { outcome: 'GEACCEPTEERD', checks: CHECKS })).toEqual([]);
    expect(messages(P2.TRIAGE, { outcome: 'GEACCEPTEERD', checks: { ...CHECKS, firstLineDone: undefined } })).toEqual(['Kies ja of nee: (c) alle mogelijke acties in de eerste lijn zijn ondernomen']);
    expect(messages(P2.TRIAGE, { outcome: 'GEACCEPTEERD' })).toEqual(['Vul in: de vier vragen van de triage']);
  });

  it('asks per outcome for its own fields, and refuses the fields of another outcome', () => {
    expect(messages(P2.TRIAGE, { outcome: 'TERUG_NAAR_AANMELDER', checks: CHECKS })).toEqual(['Vul in: wat ontbreekt er?']);
    expect(messages(P2.TRIAGE, { outcome: 'EERST_EERSTELIJNS_ACTIES', checks: CHECKS, firstLineActions: 'Eerst een groepsplan' })).toEqual(['Vul in: opnieuw bekijken op']);
    expect(messages(P2.TRIAGE, { outcome: 'EERST_EERSTELIJNS_ACTIES', checks: CHECKS, firstLineActions: 'Eerst een groepsplan', recheckDate: '2027-01-11' })).toEqual(['Opnieuw bekijken op kan niet in het verleden liggen']);
    expect(messages(P2.TRIAGE, { outcome: 'GEACCEPTEERD', checks: CHECKS, recheckDate: '2027-02-01' })).toEqual(['Opnieuw bekijken op hoort hier niet bij']);
    expect(messages(P2.TRIAGE, { outcome: 'BILATERAAL', checks: CHECKS, contactPersonId: 'u-1' })).toEqual(['Contactpersoon voor ouders en leerling hoort hier niet bij']);
  });

  it('accepts the contact person with the name the api adds, and the approval of the safety exception', () => {
    expect(messages(P2.TRIAGE, { outcome: 'GEACCEPTEERD', checks: CHECKS, contactPersonId: 'coach-1', contactPersonName: 'Fatima El Idrissi', approveParentsNotInformed: true })).toEqual([]);
  });
});

describe('P2 zorgroute catalogue: IZO decisions', () => {
  const izo = (decisions: unknown[], extra: Record<string, unknown> = {}) => messages(P2.RECORD_IZO, { minutes: { summary: 'Afspraken gemaakt' }, decisions, ...extra });

  it('needs the minutes’ summary and 1 to 20 decisions', () => {
    expect(messages(P2.RECORD_IZO, { minutes: {}, decisions: [] })).toEqual(['Vul in: samenvatting van afspraken, besluiten en vervolgstappen', 'Besluiten: 1 tot 20 items']);
    expect(izo(Array.from({ length: 21 }, () => ({ kind: 'HANDELINGSPLAN', description: 'Handelingsplan opstellen' })))).toEqual(['Besluiten: 1 tot 20 items']);
    expect(izo([{ kind: 'VERWIJZING_ZAT', description: 'Aanmelden bij het ZAT' }])).toEqual([]);
  });

  it('asks internal support for goal, provider, start, frequency, duration and evaluation date, and only internal support', () => {
    expect(izo([INTERNAL])).toEqual([]);
    const { goal: _goal, provider: _provider, ...withoutGoalAndProvider } = INTERNAL;
    expect(izo([withoutGoalAndProvider])).toEqual(['Vul in: doel', 'Vul in: wie geeft de ondersteuning']);
    expect(check(P2.RECORD_IZO, { minutes: { summary: 'x1x' }, decisions: [withoutGoalAndProvider] }).errors.map((e) => e.field)).toEqual(['decisions.0.goal', 'decisions.0.provider']);
    expect(izo([{ kind: 'HANDELINGSPLAN', description: 'Handelingsplan opstellen', goal: 'Rust in de klas' }])).toEqual(['Doel hoort hier niet bij']);
    // (The JOS fields' own conditions look at startProcess as given: the first answer is the one that counts.)
    expect(izo([{ kind: 'HANDELINGSPLAN', description: 'Handelingsplan opstellen', startProcess: 'JOS' }])[0]).toBe('Traject starten voor de leerling hoort hier niet bij');
  });

  it('starts JOS only with its needs and a JOS worker; a P1 length within the school policy', () => {
    expect(izo([{ ...INTERNAL, startProcess: 'JOS' }])).toEqual(['Vul in: jos-hulpvragen', 'Vul in: jos-medewerker']);
    expect(izo([{ ...INTERNAL, startProcess: 'JOS', josNeeds: ['PLANNEN_HUISWERK'], josWorkerId: 'jos-1' }])).toEqual([]);
    expect(izo([{ ...INTERNAL, startProcess: 'JOS', josNeeds: ['HUISWERK'], josWorkerId: 'jos-1' }])).toEqual(['Kies geldige waarden voor jos-hulpvragen']);
    expect(izo([{ ...INTERNAL, startProcess: 'ONDERSTEUNINGSTRAJECT', trajectWeeks: 8 }])).toEqual([]);
    expect(izo([{ ...INTERNAL, startProcess: 'ONDERSTEUNINGSTRAJECT', trajectWeeks: 12 }])).toEqual(['Duur van het ondersteuningstraject (weken) moet een getal van 6 tot en met 9 zijn']);
    expect(izo([{ ...INTERNAL, startProcess: 'JOS', josNeeds: ['FAALANGST'], josWorkerId: 'jos-1', trajectWeeks: 8 }])).toEqual(['Duur van het ondersteuningstraject (weken) hoort hier niet bij']);
  });
});

describe('P2 zorgroute catalogue: the ZAT', () => {
  const action = { who: 'Schoolmaatschappelijk werk', what: 'Huisbezoek', goal: 'Zicht op de thuissituatie', due: '2027-01-26' };
  const discussion = { actions: [action], casusregisseur: 'Gezinsspecialist Sociaal Team', evaluationDate: '2027-03-01', summary: 'Plan van aanpak' };

  it('needs a plan van aanpak of 1 to 30 complete actions', () => {
    expect(messages(P2.RECORD_ZAT, discussion)).toEqual([]);
    expect(messages(P2.RECORD_ZAT, { ...discussion, actions: [] })).toEqual(['Acties van het plan van aanpak: 1 tot 30 items']);
    expect(messages(P2.RECORD_ZAT, { ...discussion, actions: [{ ...action, due: 'morgen' }] })).toEqual(['Uiterlijk klaar op is geen geldige datum (jjjj-mm-dd)']);
  });

  it('continues with an optional new set of actions (none: the plan keeps its actions); a referral names where to', () => {
    const evaluation = check(P2.RECORD_ZAT_EVALUATION, { outcome: 'VOORTZETTEN', summary: 'Loopt', nextEvaluationDate: '2027-02-01' });
    expect(evaluation.errors).toEqual([]);
    expect(evaluation.value.actions).toEqual([]);
    expect(messages(P2.RECORD_ZAT_EVALUATION, { outcome: 'VOORTZETTEN', summary: 'Loopt' })).toEqual(['Vul in: volgende evaluatie op']);
    expect(messages(P2.RECORD_ZAT_EVALUATION, { outcome: 'EXTERN_VERWEZEN', summary: 'Verwezen' })).toEqual(['Vul in: verwezen naar']);
    expect(messages(P2.RECORD_ZAT_EVALUATION, { outcome: 'EXTERN_VERWEZEN', summary: 'Verwezen', externalTarget: 'GGZ' })).toEqual([]);
    expect(messages(P2.RECORD_ZAT_EVALUATION, { outcome: 'SWV_VOORZIENING_AANGEVRAAGD', summary: 'OOV', swvProvision: 'OOV' })).toEqual([]);
  });

  it('plans at a time of day and with at most 20 invitees of one line each', () => {
    expect(messages(P2.PLAN_ZAT, { meetingDate: '2027-01-20', meetingTime: '9 uur' })).toEqual(['Tijd is een tijdstip als uu:mm, bijvoorbeeld 10:15']);
    expect(messages(P2.PLAN_ZAT, { meetingDate: '2027-01-20', invitees: Array.from({ length: 21 }, (_, i) => `Genodigde ${i}`) })).toEqual(['Extra genodigden: 0 tot 20 regels']);
    expect(messages(P2.PLAN_ZAT, { meetingDate: '2027-01-20', invitees: ['Jeugdarts'], meetingTime: '13:15', location: 'vergaderkamer 1.04', mode: 'TELEFONISCH' })).toEqual([]);
  });
});

/**
 * Who may take each P2 step, checked against the rule of the api's former ZorgrouteStepRunner for every role, at the
 * case's school or not, taking part in the case or not: COORDINATION = `canActOnCase(user, case, true)` (an admin, or
 * the zorgcoördinator of the case's school); REFERRAL also lets MENTOR, TEAMLEIDER and COACH of the case's school act;
 * CONVERSATION also JOS_MEDEWERKER.
 */
describe('P2 zorgroute catalogue: who may take each step, as the former runner decided', () => {
  type Kind = 'COORDINATION' | 'REFERRAL' | 'CONVERSATION';
  const FORMER: Record<keyof typeof P2, Kind> = {
    SAVE_REFERRAL: 'REFERRAL',
    SUBMIT_REFERRAL: 'REFERRAL',
    TRIAGE: 'COORDINATION',
    RECORD_BILATERAL: 'COORDINATION',
    RECORD_VOORGESPREK: 'CONVERSATION',
    RESCHEDULE_IZO: 'COORDINATION',
    RECORD_IZO: 'COORDINATION',
    DISTRIBUTE_IZO_MINUTES: 'COORDINATION',
    RECORD_NAGESPREK: 'CONVERSATION',
    RECORD_EVALUATION: 'COORDINATION',
    SUBMIT_ZAT_REFERRAL: 'COORDINATION',
    PLAN_ZAT: 'COORDINATION',
    SEND_ZAT_AGENDA: 'COORDINATION',
    RECORD_ZAT: 'COORDINATION',
    RECORD_ZAT_FEEDBACK: 'CONVERSATION',
    RECORD_ZAT_EVALUATION: 'COORDINATION',
    CLOSE_ZORGROUTE: 'COORDINATION',
    LIFT_PARENTS_EXCEPTION: 'COORDINATION',
  };
  const ROLES = ['ADMIN', 'ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'COACH', 'JOS_MEDEWERKER', 'PARENT', 'PUPIL', 'SWV_MEDEWERKER'];

  function formerRunner(kind: Kind, role: string, atSchool: boolean, participant: boolean): boolean {
    const canActOnCase = role === 'ADMIN' || (role === 'ZORGCOORDINATOR' && atSchool);
    void participant; // canActOnCase(…, true) does not look at taking part; the P2 lists do not either
    if (canActOnCase) return true;
    if (kind === 'COORDINATION' || !atSchool) return false;
    const referrers = ['MENTOR', 'TEAMLEIDER', 'COACH'];
    return (kind === 'REFERRAL' ? referrers : [...referrers, 'JOS_MEDEWERKER']).includes(role);
  }

  it('lists every step of the catalogue', () => {
    expect(Object.keys(FORMER).sort()).toEqual(Object.keys(P2).sort());
  });

  it.each(Object.keys(P2) as (keyof typeof P2)[])('%s', (name) => {
    const mismatches: string[] = [];
    for (const role of ROLES) {
      for (const atSchool of [true, false]) {
        for (const participant of [true, false]) {
          // As CaseStepService gathers them for a caller who sees the case.
          const facts: ActorFacts = { role, userId: 'u-1', atSchoolOfCase: atSchool, participant, swvOfCase: role === 'SWV_MEDEWERKER', guardian: role === 'PARENT', caseData: {} };
          const now = mayTake(P2[name].who, facts);
          if (now !== formerRunner(FORMER[name], role, atSchool, participant)) mismatches.push(`${role} atSchool=${atSchool} participant=${participant}: ${now}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
