/**
 * P5 OOV arrangement end to end on the real stack (Temporal dev server, a real worker on its own task queue,
 * PostgreSQL and the mail catcher): the zorgcoördinator prepares the OOV (consultations with parents, SWV and Sociaal
 * Team) → a parent consents in the portal → the request goes to the SWV → an employee of the school's SWV grants it →
 * the leerlingbegeleider holds the intake → evaluations → return plan → follow-up after the return → AFGESLOTEN.
 * Along the way: who may do each step (an employee of another SWV does not even see the case), what the SWV sees, and
 * that the pupil stays enrolled at his own school.
 * Uses its own SWVs, school and people.
 */
import { DataSource } from 'typeorm';
import { PupilEntity, PupilGuardianEntity, Role, SchoolEntity, SwvEntity, UserEntity } from '@zorgroute/domain';
import { addCalendarWeeks, buildSchoolCalendar, dueInSchoolDays, toIsoDate } from '@zorgroute/domain/logic';
import { OOV_STEPS } from '@zorgroute/processes';
import { eventually, mailsTo, type GqlResult } from './graphql-client';
import { typedStepInputs } from './step-inputs';
import { useTestStack } from './test-stack';
import { bornYearsAgo } from './ages';

const stamp = Date.now().toString(36);
const mailWeb = process.env.MAIL_WEB_URL as string;
const email = (who: string) => `${who}.${stamp}@oovtest.example`;
const stack = useTestStack({ name: 'oov-e2e', seed: false });
let school: SchoolEntity;
let pupil: PupilEntity;
let coach: UserEntity;

const OOV_CASE = `query($id: ID!) {
  oovCase(id: $id) {
    detail { summary { id status statusLabel waitingFor waitingForLabel nextDueDate ownerName outcome closedAt originCaseId } openSteps openStepLabels dueDates { step label date explanation } timeline { kind actorName description } }
    reason source enrolledAtSchoolName responsibilityNote leerlingbegeleiderName
    consultations { party date summary } missingConsultations consent { requestId status }
    requests { round arrangement arrangementLabel motivation } decisions { round decision arrangement location decidedBy }
    intake { date startDate summary } periods { arrangement location startDate endDate midEvaluationDate endEvaluationDate }
    arrangement location startDate endDate evaluations { kind nextStep summary } extensions
    returnPlan { returnDate plan } followUpDate followUp { returnSucceeded } stopReason
  }
}`;

interface OovCase {
  detail: {
    summary: { id: string; status: string; statusLabel: string; waitingFor: string | null; waitingForLabel: string | null; nextDueDate: string | null; ownerName: string | null; outcome: string | null; closedAt: string | null };
    openSteps: string[];
    openStepLabels: string[];
    dueDates: { step: string; label: string; date: string; explanation: string }[];
    timeline: { kind: string; actorName: string | null; description: string }[];
  };
  source: string;
  enrolledAtSchoolName: string;
  responsibilityNote: string;
  leerlingbegeleiderName: string | null;
  consultations: { party: string; date: string; summary: string | null }[];
  missingConsultations: string[];
  consent: { requestId: string; status: string } | null;
  requests: { round: number; arrangement: string; arrangementLabel: string }[];
  decisions: { round: number; decision: string; arrangement: string | null; location: string | null; decidedBy: string | null }[];
  intake: { date: string; startDate: string; summary: string | null } | null;
  periods: { arrangement: string; location: string; startDate: string; endDate: string; midEvaluationDate: string; endEvaluationDate: string }[];
  startDate: string | null;
  endDate: string | null;
  evaluations: { kind: string; nextStep: string | null; summary: string | null }[];
  returnPlan: { returnDate: string; plan: string | null } | null;
  followUpDate: string | null;
  followUp: { returnSucceeded: boolean } | null;
}

async function as(who: string): Promise<void> {
  await stack.gql.login(email(who));
}

async function oovCase(id: string): Promise<OovCase> {
  return (await stack.gql.ok<{ oovCase: OovCase }>(OOV_CASE, { id })).oovCase;
}

async function waitFor(id: string, check: (c: OovCase) => boolean, what: string): Promise<OovCase> {
  return eventually(async () => {
    const c = await oovCase(id);
    return check(c) ? c : null;
  }, 30_000, what);
}

/**
 * Reads the case once, right after a step: a step (or consent) mutation answers only once the process has moved on
 * and the read model shows it, so no waiting is needed.
 */
async function rightAfter(id: string, check: (c: OovCase) => boolean, what: string): Promise<OovCase> {
  const c = await oovCase(id);
  if (!check(c)) throw new Error(`${what} not reached right after the step (status ${c.detail.summary.status}, waiting for ${c.detail.summary.waitingFor})`);
  return c;
}

function code(r: GqlResult<unknown>): string | undefined {
  return r.errors?.[0]?.extensions?.code;
}

beforeAll(async () => {
  const ds = stack.app.get(DataSource);
  const swv = await ds.getRepository(SwvEntity).save({ name: 'SWV OOV-test', code: `O${stamp}`.slice(0, 20) });
  const otherSwv = await ds.getRepository(SwvEntity).save({ name: 'SWV elders', code: `E${stamp}`.slice(0, 20) });
  school = await ds.getRepository(SchoolEntity).save({ swvId: swv.id, name: 'OOV-testcollege', brin: `O${stamp}`.slice(0, 10), region: 'midden' });
  const user = (who: string, name: string, role: Role, schoolId: string | null = school.id, swvId: string = swv.id) =>
    ds.getRepository(UserEntity).save({ email: email(who), name, role, schoolId, swvId, pupilId: null });
  await user('zc', 'Hanneke Brouwer', Role.ZORGCOORDINATOR);
  const mentor = await user('mentor', 'Ruud Jansen', Role.MENTOR);
  coach = await user('lb', 'Fatima El Idrissi', Role.COACH);
  await user('swv', 'Esther van Dam', Role.SWV_MEDEWERKER, null);
  await user('swv-elders', 'Bram Kok', Role.SWV_MEDEWERKER, null, otherSwv.id);
  pupil = await ds.getRepository(PupilEntity).save({ schoolId: school.id, firstName: 'Sem', lastName: 'Visser', dateOfBirth: bornYearsAgo(14), className: '2B', mentorId: mentor.id });
  const parent = await user('ouder', 'Monique Visser', Role.PARENT);
  await ds.getRepository(PupilGuardianEntity).save({ pupilId: pupil.id, userId: parent.id, relation: 'ouder' });
}, 120_000);

describe('P5 OOV end to end: GraphQL → workflow → read model → e-mail', () => {
  const today = toIsoDate(Date.now());
  const cal = buildSchoolCalendar('midden');

  it('accepts on every typed step mutation exactly the fields the step catalogue declares', async () => {
    const inputs = await typedStepInputs(stack.gql, Object.values(OOV_STEPS));
    expect(inputs.map((i) => i.mutation)).toHaveLength(8);
    for (const i of inputs) expect({ mutation: i.mutation, fields: i.api }).toEqual({ mutation: i.mutation, fields: i.catalogue });
  });

  it('runs an OOV from the preparation to the return and the follow-up, each step by its own role', async () => {
    await as('zc');
    const { startOov } = await stack.gql.ok<{ startOov: { id: string; process: string } }>(`mutation($i: StartOovInput!) { startOov(input: $i) { id process } }`, {
      i: { pupilId: pupil.id, reason: 'Schoolangst; thuiszitter sinds zes weken', leerlingbegeleiderId: coach.id, requestKey: 'e2e' },
    });
    const id = startOov.id;
    expect(id).toBe(`oov-${pupil.id}-e2e`);
    const started = await waitFor(id, (c) => c.detail.summary.waitingFor === 'OOV_RECORD_CONSULTATIONS', 'preparation');
    expect(started.detail.summary.status).toBe('VOORBEREIDING');
    expect(started.enrolledAtSchoolName).toBe('OOV-testcollege');
    expect(started.responsibilityNote).toContain('blijft ingeschreven op OOV-testcollege');
    expect(started.leerlingbegeleiderName).toBe('Fatima El Idrissi');
    expect(started.missingConsultations).toEqual(['OUDERS', 'SWV', 'SOCIAAL_TEAM']);
    expect(started.detail.openSteps).toEqual(['OOV_RECORD_CONSULTATIONS']);
    expect(started.detail.summary.nextDueDate).toBe(dueInSchoolDays(today, 10, cal, 'x').date);

    // The consultations are the zorgcoördinator's.
    const CONSULT = `mutation($c: ID!, $i: OovConsultationInput!) { recordOovConsultation(caseId: $c, input: $i) { status } }`;
    await as('mentor');
    expect(code(await stack.gql.request(CONSULT, { c: id, i: { party: 'OUDERS', date: today, summary: 'Gesprek' } }))).toBe('FORBIDDEN');
    await as('zc');
    for (const [party, summary] of [
      ['OUDERS', 'Ouders willen dat Sem weer naar school durft'],
      ['SWV', 'Onderwijsspecialist adviseert observatie in de OOV'],
      ['SOCIAAL_TEAM', 'Gezinsspecialist ondersteunt het gezin'],
    ]) {
      await stack.gql.ok(CONSULT, { c: id, i: { party, date: today, withWhom: null, summary } });
    }
    const asked = await rightAfter(id, (c) => c.consent?.status === 'PENDING', 'consent asked');
    expect(asked.detail.summary.waitingFor).toBe('CONSENT_OOV_PLAATSING');
    expect(asked.detail.openSteps).toEqual(['CONSENT_OOV_PLAATSING']);
    expect(asked.missingConsultations).toEqual([]);

    // The request cannot go before the parent's consent; the parent consents in the portal.
    const REQUEST = `mutation($c: ID!, $i: OovRequestInput!) { submitOovRequest(caseId: $c, input: $i) { status } }`;
    const request = {
      reasons: ['SCHOOLANGST'],
      arrangement: 'OBSERVATIE_6W',
      preferredLocation: 'Gouda',
      motivation: 'JOS en een ondersteuningstraject waren onvoldoende; een kleinere setting is nodig',
      goals: 'Weer naar school durven',
    };
    expect(code(await stack.gql.request(REQUEST, { c: id, i: request }))).toBe('STEP_NOT_ALLOWED');
    await as('ouder');
    const consentMail = await eventually(async () => (await mailsTo(mailWeb, email('ouder')))[0], 30_000, 'the consent e-mail');
    expect(consentMail.text).toContain('Sem');
    expect(consentMail.text).not.toContain('Schoolangst');
    await stack.gql.ok(`mutation($i: GiveConsentInput!) { giveConsent(input: $i) { status } }`, { i: { caseId: id, requestId: asked.consent?.requestId, decision: 'GIVEN' } });
    await rightAfter(id, (c) => c.detail.summary.waitingFor === 'OOV_SUBMIT_REQUEST', 'request step');
    // Order of checks: who may act before the leerlingbegeleider lookup (an unknown one is bad input, for a caller who may act).
    const unknownCoach = { ...request, leerlingbegeleiderId: pupil.id };
    await as('mentor');
    expect(code(await stack.gql.request(REQUEST, { c: id, i: unknownCoach }))).toBe('FORBIDDEN');
    await as('zc');
    expect(code(await stack.gql.request(REQUEST, { c: id, i: unknownCoach }))).toBe('BAD_USER_INPUT');
    await stack.gql.ok(REQUEST, { c: id, i: request });
    const waiting = await rightAfter(id, (c) => c.detail.summary.waitingFor === 'OOV_SWV_DECISION', 'SWV decision');
    expect(waiting.detail.summary.status).toBe('BESLUIT_SWV');
    expect(waiting.detail.summary.waitingForLabel).toBe('Besluit van het SWV over de OOV-aanvraag');

    // The SWV loket is told; an employee of the school's SWV decides, not the school and not another SWV.
    const swvMail = await eventually(async () => (await mailsTo(mailWeb, email('swv'))).find((m) => m.subject.includes('Besluit van het SWV')), 30_000, 'the SWV e-mail');
    expect(swvMail.text).not.toContain('Schoolangst');
    expect(swvMail.subject).not.toMatch(/OOV/); // rule 8: the subject never names the kind of help
    const DECIDE = `mutation($c: ID!, $i: OovSwvDecisionInput!) { recordOovSwvDecision(caseId: $c, input: $i) { status } }`;
    const decision = { decision: 'TOEGEKEND', arrangement: 'OBSERVATIE_6W', location: 'Gouda', motivation: 'Voldoet aan de criteria' };
    expect(code(await stack.gql.request(DECIDE, { c: id, i: decision }))).toBe('FORBIDDEN');
    await as('swv-elders');
    expect(code(await stack.gql.request(DECIDE, { c: id, i: decision }))).toBe('NOT_FOUND');
    await as('swv');
    const seenBySwv = await oovCase(id);
    expect(seenBySwv.requests[0]).toMatchObject({ arrangement: 'OBSERVATIE_6W', arrangementLabel: 'observatietraject (6 weken)' });
    expect(seenBySwv.consultations.map((c) => c.summary)).toEqual([null, null, null]);
    const noLocation = await stack.gql.request(DECIDE, { c: id, i: { ...decision, location: null } });
    expect(code(noLocation)).toBe('BAD_USER_INPUT');
    expect(noLocation.errors?.[0].extensions?.messageEn).toBeTruthy();
    await stack.gql.ok(DECIDE, { c: id, i: decision });

    // The leerlingbegeleider holds the intake; the placement starts today, the end follows from the arrangement.
    const intakeStep = await rightAfter(id, (c) => c.detail.summary.waitingFor === 'OOV_INTAKE', 'intake');
    expect(intakeStep.detail.summary.ownerName).toBe('Fatima El Idrissi');
    expect(intakeStep.decisions).toEqual([{ round: 1, decision: 'TOEGEKEND', arrangement: 'OBSERVATIE_6W', location: 'Gouda', decidedBy: 'Esther van Dam' }]);
    await as('lb');
    await stack.gql.ok(`mutation($c: ID!, $i: OovIntakeInput!) { recordOovIntake(caseId: $c, input: $i) { status } }`, {
      c: id,
      i: { date: today, startDate: today, leerlingbegeleiderPresent: true, zorgcoordinatorPresent: true, oovContact: 'Coördinator OOV Gouda', carePartners: ['STEK'], summary: 'Kennismaking en rooster' },
    });
    const placed = await rightAfter(id, (c) => c.detail.summary.waitingFor === 'OOV_MID_EVALUATION', 'placed');
    expect(placed.detail.summary.status).toBe('GEPLAATST');
    expect(placed.startDate).toBe(today);
    expect(placed.endDate).toBe(addCalendarWeeks(today, 6));
    expect(placed.detail.dueDates.find((d) => d.step === 'OOV_END_DATE')?.explanation).toContain('observatietraject (6 weken)');
    // Every step and date carries its Dutch name from the API.
    expect(placed.detail.dueDates.find((d) => d.step === 'OOV_END_DATE')?.label).toBe('Einde van het OOV-arrangement');
    expect(placed.detail.openStepLabels).toHaveLength(placed.detail.openSteps.length);
    expect(placed.detail.openStepLabels.every((label) => !/^[A-Z_]+$/.test(label))).toBe(true);

    const EVALUATE = `mutation($c: ID!, $i: OovEvaluationInput!) { recordOovEvaluation(caseId: $c, input: $i) { status } }`;
    await stack.gql.ok(EVALUATE, { c: id, i: { summary: 'Komt elke dag; observatie loopt' } });
    await rightAfter(id, (c) => c.detail.summary.waitingFor === 'OOV_END_EVALUATION', 'end evaluation');
    await as('zc');
    expect(code(await stack.gql.request(EVALUATE, { c: id, i: { summary: 'Klaar', nextStep: 'VERLENGD' } }))).toBe('BAD_USER_INPUT');
    await stack.gql.ok(EVALUATE, { c: id, i: { summary: 'Klaar voor terugkeer', nextStep: 'TERUGKEER' } });

    // TERUGKEER: return plan (the pupil returns today), then the follow-up evaluation 6 weeks after the return.
    await rightAfter(id, (c) => c.detail.summary.waitingFor === 'OOV_RETURN_PLAN', 'return plan');
    await stack.gql.ok(`mutation($c: ID!, $i: OovReturnPlanInput!) { recordOovReturnPlan(caseId: $c, input: $i) { status } }`, {
      c: id,
      i: { returnDate: today, plan: 'Halve dagen in week 1 en 2; mentor is aanspreekpunt', handoverDate: today, handoverSummary: 'Overdracht met OOV en mentor', mentorInformed: true },
    });
    const back = await rightAfter(id, (c) => c.detail.summary.waitingFor === 'OOV_FOLLOW_UP', 'follow-up');
    expect(back.detail.summary.status).toBe('TERUGKEER');
    expect(back.followUpDate).toBe(addCalendarWeeks(today, 6));
    expect(back.detail.summary.nextDueDate).toBe(dueInSchoolDays(addCalendarWeeks(today, 6), 0, cal, 'x').date);
    await stack.gql.ok(`mutation($c: ID!, $i: OovFollowUpInput!) { recordOovFollowUp(caseId: $c, input: $i) { status } }`, { c: id, i: { date: today, summary: 'Gaat goed', returnSucceeded: true } });

    const closed = await waitFor(id, (c) => c.detail.summary.closedAt !== null, 'closed');
    expect(closed.detail.summary.status).toBe('AFGESLOTEN');
    expect(closed.detail.summary.outcome).toBe('TERUGKEER');
    expect(closed.evaluations.map((e) => `${e.kind}:${e.nextStep ?? ''}`)).toEqual(['HALVERWEGE:', 'EIND:TERUGKEER']);
    expect(closed.detail.timeline.map((t) => t.kind)).toEqual(
      expect.arrayContaining([
        'CASE_STARTED',
        'OOV_CONSULTATION_RECORDED',
        'CONSENT_GIVEN',
        'STATUS_AANVRAAG_SWV',
        'OOV_REQUEST_SUBMITTED',
        'STATUS_BESLUIT_SWV',
        'OOV_SWV_DECIDED',
        'STATUS_INTAKE',
        'OOV_INTAKE_RECORDED',
        'STATUS_GEPLAATST',
        'OOV_EVALUATION_RECORDED',
        'STATUS_TERUGKEER',
        'OOV_RETURN_PLANNED',
        'OOV_FOLLOW_UP_RECORDED',
        'STATUS_AFGESLOTEN',
      ]),
    );
    expect(closed.detail.timeline.find((t) => t.kind === 'OOV_SWV_DECIDED')?.actorName).toBe('Esther van Dam');

    // The SWV still sees the closed case of its member school, with the outcome.
    await as('swv');
    const swvView = await oovCase(id);
    expect(swvView.detail.summary.outcome).toBe('TERUGKEER');
    expect(swvView.returnPlan?.plan).toBeNull();
  }, 180_000);
});
