/**
 * P3 JOS end to end on the real stack (Temporal dev server, a real worker on its own task queue, PostgreSQL and the
 * mail catcher): the zorgcoördinator records the school support team's decision → the mentor fills in the JOS form
 * → the JOS worker holds the startgesprek → a parent signs in the portal → goals → weekly work → the JOS worker
 * closes it as AFGEROND. Along the way: the case snapshots the school's policy version and calendar (a case started
 * after a new version and a new day off uses them, the running one keeps its own), every step checks who may do it
 * (the step catalogue), a retried step with the same idempotency key is applied once, and the parents' e-mails carry
 * no case details.
 * Uses its own SWV, school and people, so publishing policies does not change the demo schools other tests use.
 */
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { migrateFromEnv, PupilEntity, PupilGuardianEntity, Role, SchoolEntity, SwvEntity, UserEntity } from '@zorgroute/domain';
import { addCalendarMonths, addSchoolDays, buildSchoolCalendar, dueInSchoolDays, toIsoDate } from '@zorgroute/domain/logic';
import { JOS_STEPS } from '@zorgroute/processes';
import { createWorker, type RunningWorker } from '../../worker/src/create-worker';
import { workerConfigFromEnv } from '../../worker/src/worker.config';
import { appConfigFromEnv } from '../src/config/app.config';
import { createApp } from '../src/create-app';
import { eventually, GraphQLTestClient, mailsTo, type GqlResult } from './graphql-client';
import { expectedStepMutations, typedStepMutations } from './step-mutations';
import { bornYearsAgo } from './ages';

const stamp = Date.now().toString(36);
const taskQueue = `jos-e2e-${stamp}`;
const mailWeb = process.env.MAIL_WEB_URL as string;
const email = (who: string) => `${who}.${stamp}@jostest.example`;
let app: INestApplication;
let worker: RunningWorker;
let gql: GraphQLTestClient;
let school: SchoolEntity;
let daan: PupilEntity;
let noor: PupilEntity;

const START = `mutation($i: StartJosInput!) { startJos(input: $i) { id process status pupil { displayName } } }`;
const JOS_CASE = `query($id: ID!) {
  josCase(id: $id) {
    detail { summary { id status statusLabel waitingFor waitingForLabel nextDueDate ownerName outcome closedAt } policyVersion openSteps goal dueDates { step date explanation } timeline { kind description actorName } }
    needs { need label } decisionDate mentorName josWorkerName
    form { problemDescription parentsInformed } startgesprek { date pupilPresent recordedByName } plannedStartgesprek { date time mode location }
    signature { requestId status method requests } signedOn
    goals { pupilGoal goals agreedWithPupil } activeFrom capDate capWarningDate maxMonths endDate endedBy
    evaluationNumber evaluationOpensOn evaluations { number } contacts { date attended thermometer } contactCount
    outcome referralTo outcomeSummary
  }
}`;

interface JosCase {
  detail: {
    summary: { id: string; status: string; statusLabel: string; waitingFor: string | null; waitingForLabel: string | null; nextDueDate: string | null; ownerName: string | null; outcome: string | null; closedAt: string | null };
    policyVersion: string;
    openSteps: string[];
    goal: string | null;
    dueDates: { step: string; date: string; explanation: string }[];
    timeline: { kind: string; description: string; actorName: string | null }[];
  };
  needs: { need: string; label: string }[];
  mentorName: string | null;
  josWorkerName: string | null;
  form: { problemDescription: string } | null;
  startgesprek: { date: string; recordedByName: string } | null;
  plannedStartgesprek: { date: string; time: string | null; mode: string; location: string | null } | null;
  signature: { requestId: string; status: string; method: string | null; requests: number } | null;
  signedOn: string | null;
  goals: { pupilGoal: string } | null;
  activeFrom: string | null;
  capDate: string | null;
  capWarningDate: string | null;
  maxMonths: number;
  endDate: string | null;
  endedBy: string | null;
  evaluationNumber: number;
  evaluationOpensOn: string | null;
  contacts: { date: string; attended: boolean; thermometer: number | null }[];
  contactCount: number;
  outcome: string | null;
  outcomeSummary: string | null;
}

async function as(who: string): Promise<void> {
  await gql.login(email(who));
}

async function josCase(id: string): Promise<JosCase> {
  return (await gql.ok<{ josCase: JosCase }>(JOS_CASE, { id })).josCase;
}

async function waitFor(id: string, check: (c: JosCase) => boolean, what: string): Promise<JosCase> {
  return eventually(async () => {
    const c = await josCase(id);
    return check(c) ? c : null;
  }, 30_000, what);
}

function code(r: GqlResult<unknown>): string | undefined {
  return r.errors?.[0]?.extensions?.code;
}

beforeAll(async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, TEMPORAL_TASK_QUEUE: taskQueue, API_PORT: '0' };
  await migrateFromEnv(env);
  worker = await createWorker(workerConfigFromEnv(env));
  app = await createApp(appConfigFromEnv(env));
  await app.listen(0, '127.0.0.1');
  gql = new GraphQLTestClient(`${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1'));

  const ds = app.get(DataSource);
  const swv = await ds.getRepository(SwvEntity).save({ name: 'SWV JOS-test', code: `J${stamp}`.slice(0, 20) });
  school = await ds.getRepository(SchoolEntity).save({ swvId: swv.id, name: 'JOS-testcollege', brin: `J${stamp}`.slice(0, 10), region: 'midden' });
  const user = (who: string, name: string, role: Role, pupilId: string | null = null) =>
    ds.getRepository(UserEntity).save({ email: email(who), name, role, schoolId: school.id, swvId: swv.id, pupilId });
  await user('zc', 'Marloes Hofstede', Role.ZORGCOORDINATOR);
  const mentor = await user('mentor', 'Kees Veenstra', Role.MENTOR);
  await user('jos', 'Yara Mulder', Role.JOS_MEDEWERKER);
  const pupils = ds.getRepository(PupilEntity);
  daan = await pupils.save({ schoolId: school.id, firstName: 'Daan', lastName: 'Kuipers', dateOfBirth: bornYearsAgo(14), className: '2A', mentorId: mentor.id });
  noor = await pupils.save({ schoolId: school.id, firstName: 'Noor', lastName: 'Smit', dateOfBirth: bornYearsAgo(15), className: '3B', mentorId: mentor.id });
  const parent = await user('ouder', 'Ingrid Kuipers', Role.PARENT);
  await ds.getRepository(PupilGuardianEntity).save({ pupilId: daan.id, userId: parent.id, relation: 'ouder' });
  const otherParent = await user('ouder-smit', 'Ruben Smit', Role.PARENT);
  await ds.getRepository(PupilGuardianEntity).save({ pupilId: noor.id, userId: otherParent.id, relation: 'ouder' });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await worker?.shutdown();
}, 60_000);

describe('P3 JOS end to end: GraphQL → workflow → read model → e-mail', () => {
  const today = toIsoDate(Date.now());
  let caseA = '';

  it('takes every step of the catalogue with a typed mutation of exactly its fields, and an idempotency key', async () => {
    await as('zc');
    expect(await typedStepMutations(gql, JOS_STEPS)).toEqual(expectedStepMutations(JOS_STEPS));
  });

  it('starts a case that snapshots the school’s policy version; a later case uses the new version and calendar, the running one keeps its own', async () => {
    await as('zc');
    const v1 = await gql.ok<{ publishPolicyVersion: { version: number } }>(`mutation($i: PublishPolicyVersionInput!) { publishPolicyVersion(input: $i) { version } }`, {
      i: { scope: 'SCHOOL', scopeId: school.id, overrides: JSON.stringify({ jos: { maxMonths: 4 } }), note: 'JOS hoogstens 4 maanden' },
    });
    expect(v1.publishPolicyVersion.version).toBe(1);

    const bad = await gql.request(START, { i: { pupilId: daan.id, decisionDate: today, needs: [] } });
    expect(code(bad)).toBe('BAD_USER_INPUT');
    // The message of the start definition (JOS_START) of the step catalogue.
    expect(bad.errors?.[0].message).toBe('Ondersteuningsbehoeften: 1 tot 6 keuzes');
    expect((bad.errors?.[0].extensions as { details?: { fields?: string[] } } | undefined)?.details?.fields).toEqual(['needs']);

    const { startJos } = await gql.ok<{ startJos: { id: string; process: string } }>(START, {
      i: { pupilId: daan.id, decisionDate: today, needs: ['FAALANGST', 'PLANNEN_HUISWERK'], decisionNotes: 'Besproken in het SOT', requestKey: 'e2e-a' },
    });
    caseA = startJos.id;
    expect(caseA).toBe(`jos-${daan.id}-e2e-a`);
    expect(startJos.process).toBe('JOS');
    const again = await gql.ok<{ startJos: { id: string } }>(START, { i: { pupilId: daan.id, decisionDate: today, needs: ['FAALANGST'], requestKey: 'e2e-a' } });
    expect(again.startJos.id).toBe(caseA);

    const a = await waitFor(caseA, (c) => c.detail.summary.waitingFor === 'SUBMIT_FORM', 'case A waiting for the form');
    expect(a.detail.policyVersion).toBe('school:1');
    expect(a.maxMonths).toBe(4);
    expect(a.detail.summary.ownerName).toBe('Kees Veenstra');
    expect(a.detail.summary.waitingForLabel).toBe('JOS-aanmeldformulier invullen');
    expect(a.mentorName).toBe('Kees Veenstra');
    expect(a.josWorkerName).toBe('Yara Mulder');
    expect(a.needs.map((n) => n.need)).toEqual(['FAALANGST', 'PLANNEN_HUISWERK']);
    const cal = buildSchoolCalendar('midden');
    expect(a.detail.summary.nextDueDate).toBe(dueInSchoolDays(today, 5, cal, 'x').date);

    // A new day off and a new policy version: the next case uses them.
    const studiedag = addSchoolDays(today, 2, cal);
    await gql.ok(`mutation($i: AddSchoolDayOffInput!) { addSchoolDayOff(input: $i) { id } }`, { i: { schoolId: school.id, from: studiedag, to: studiedag, name: 'Studiedag JOS-test' } });
    await gql.ok(`mutation($i: PublishPolicyVersionInput!) { publishPolicyVersion(input: $i) { version } }`, { i: { scope: 'SCHOOL', scopeId: school.id, overrides: JSON.stringify({ jos: { maxMonths: 3 } }) } });
    const { startJos: b } = await gql.ok<{ startJos: { id: string } }>(START, { i: { pupilId: noor.id, decisionDate: today, needs: ['BEGINNENDE_SCHOOLANGST'], requestKey: 'e2e-b' } });
    const caseB = await waitFor(b.id, (c) => c.detail.summary.waitingFor === 'SUBMIT_FORM', 'case B waiting for the form');
    expect(caseB.detail.policyVersion).toBe('school:2');
    expect(caseB.maxMonths).toBe(3);
    const withDayOff = buildSchoolCalendar('midden', [{ from: studiedag, to: studiedag, name: 'Studiedag JOS-test' }]);
    expect(caseB.detail.summary.nextDueDate).toBe(dueInSchoolDays(today, 5, withDayOff, 'x').date);
    expect(caseB.detail.dueDates.find((d) => d.step === 'SUBMIT_FORM')?.explanation).toContain('Studiedag JOS-test 1');

    const stillA = await josCase(caseA);
    expect(stillA.detail.policyVersion).toBe('school:1');
    expect(stillA.maxMonths).toBe(4);
    expect(stillA.detail.summary.nextDueDate).toBe(a.detail.summary.nextDueDate);

    // Only the zorgcoördinator stops a case.
    await as('mentor');
    expect(code(await gql.request(`mutation($c: ID!) { stopJos(caseId: $c, input: { reason: "Mentor wil stoppen" }) { status } }`, { c: b.id }))).toBe('FORBIDDEN');
    await as('zc');
    await gql.ok(`mutation($c: ID!) { stopJos(caseId: $c, input: { reason: "Ouders kiezen voor hulp buiten school" }) { status } }`, { c: b.id });
    const stopped = await waitFor(b.id, (c) => c.detail.summary.closedAt !== null, 'case B closed');
    expect(stopped.detail.summary.status).toBe('GESTOPT');
  }, 90_000);

  it('runs the case from the form to AFGEROND, each step by its own role, with the parent signing in the portal', async () => {
    // The form is the mentor's: the JOS worker may not fill it in.
    await as('jos');
    const FORM = `mutation($c: ID!, $i: JosFormInput!) { submitJosForm(caseId: $c, input: $i) { status } }`;
    const formInput = {
      needs: ['FAALANGST'],
      problemDescription: 'Blokkeert bij proefwerken en meldt zich dan ziek',
      singleSchoolRelatedProblem: true,
      alreadyTried: 'Gesprekken met de mentor; toetsen in een aparte ruimte',
      pupilView: 'Ik wil toetsen durven maken',
      parentsInformed: true,
    };
    expect(code(await gql.request(FORM, { c: caseA, i: formInput }))).toBe('FORBIDDEN');
    await as('mentor');
    const notSingle = await gql.request(FORM, { c: caseA, i: { ...formInput, singleSchoolRelatedProblem: false } });
    expect(code(notSingle)).toBe('BAD_USER_INPUT');
    expect(notSingle.errors?.[0].message).toContain('enkelvoudige problematiek');
    expect(notSingle.errors?.[0].extensions?.messageEn).toContain('single, school-related problem');
    await gql.ok(FORM, { c: caseA, i: formInput });
    // A step answers once the process has moved on: the next step is open (and in the read model) without waiting.
    const startgesprek = await josCase(caseA);
    expect(startgesprek.detail.summary.waitingFor).toBe('RECORD_STARTGESPREK');
    expect(startgesprek.detail.summary.ownerName).toBe('Yara Mulder');

    // The parents hear who their contact is; the e-mail carries no details of the problem.
    const invitation = await eventually(async () => (await mailsTo(mailWeb, email('ouder')))[0], 30_000, 'the parent e-mail');
    expect(invitation.text).toContain('Daan');
    expect(invitation.text).toContain('Yara Mulder');
    expect(invitation.text).not.toContain('Blokkeert');

    // The JOS worker plans the startgesprek: parents and mentor get an invitation with date, time and place only.
    await as('jos');
    const PLAN = `mutation($c: ID!, $i: JosPlanStartgesprekInput!) { planJosStartgesprek(caseId: $c, input: $i) { status waitingFor } }`;
    const meetingOn = addSchoolDays(today, 1, buildSchoolCalendar('midden'));
    expect(code(await gql.request(PLAN, { c: caseA, i: { date: meetingOn, time: '9 uur' } }))).toBe('BAD_USER_INPUT');
    const planned = await gql.ok<{ planJosStartgesprek: { status: string; waitingFor: string } }>(PLAN, { c: caseA, i: { date: meetingOn, time: '15:30', location: 'kamer JOS (B0.12)' } });
    expect(planned.planJosStartgesprek).toEqual({ status: 'STARTGESPREK', waitingFor: 'RECORD_STARTGESPREK' });
    expect((await josCase(caseA)).plannedStartgesprek).toEqual({ date: meetingOn, time: '15:30', mode: 'OP_SCHOOL', location: 'kamer JOS (B0.12)' });
    for (const who of ['ouder', 'mentor']) {
      const invite = await eventually(async () => (await mailsTo(mailWeb, email(who))).find((m) => m.subject.startsWith('Uitnodiging: Startgesprek op ')), 30_000, `the invitation to ${who}`);
      // The subject names the meeting, never the kind of help (PROCESSES.md rule 8).
      expect(invite.subject).not.toMatch(/JOS/);
      expect(invite.text).toContain('15:30');
      expect(invite.text).toContain('JOS-testcollege, kamer JOS (B0.12)');
      expect(invite.text).toContain('Daan');
      expect(invite.text).not.toContain('Blokkeert');
      expect(invite.text).not.toContain('faalangst');
      if (who === 'ouder') expect(invite.text).toContain('Wij nodigen u uit');
    }

    await as('mentor');
    const START_GESPREK = `mutation($c: ID!, $i: JosStartgesprekInput!) { recordJosStartgesprek(caseId: $c, input: $i) { status } }`;
    const gesprek = { date: today, parentsPresent: true, mentorPresent: true, pupilPresent: true, summary: 'Kennismaking; afspraken over handtekening' };
    expect(code(await gql.request(START_GESPREK, { c: caseA, i: gesprek }))).toBe('FORBIDDEN');
    await as('jos');
    await gql.ok(START_GESPREK, { c: caseA, i: gesprek });
    const asked = await josCase(caseA);
    expect(asked.signature?.status).toBe('PENDING');
    expect(asked.detail.summary.status).toBe('HANDTEKENING_OUDERS');
    expect(asked.detail.summary.waitingFor).toBe('CONSENT_JOS_BEGELEIDING');
    expect(asked.detail.openSteps).toEqual(['CONSENT_JOS_BEGELEIDING']);

    // No support before a parent's signature.
    const GOALS = `mutation($c: ID!, $i: JosGoalsInput!) { setJosGoals(caseId: $c, input: $i) { status } }`;
    const goals = { pupilGoal: 'Ik maak een proefwerk zonder te blokkeren', goals: ['Een planning per toetsweek'], agreedWithPupil: true, agreedWithMentor: true, agreedWithParents: true, weeklySlot: 'dinsdag 4e uur' };
    const tooEarly = await gql.request(GOALS, { c: caseA, i: goals });
    expect(code(tooEarly)).toBe('STEP_NOT_ALLOWED');
    expect(tooEarly.errors?.[0].extensions?.messageEn).toBeTruthy();

    // The parent signs digitally in the portal; another parent cannot.
    await as('ouder-smit');
    expect(code(await gql.request(`mutation($i: GiveConsentInput!) { giveConsent(input: $i) { status } }`, { i: { caseId: caseA, requestId: asked.signature?.requestId, decision: 'GIVEN' } }))).toBe('NOT_FOUND');
    await as('ouder');
    const consentMail = await eventually(async () => (await mailsTo(mailWeb, email('ouder'))).find((m) => m.subject.startsWith('Uw toestemming')), 30_000, 'the consent e-mail');
    expect(consentMail.text).not.toContain('Blokkeert');
    const { myConsentRequests } = await gql.ok<{ myConsentRequests: { id: string; caseId: string; kind: string }[] }>(`query { myConsentRequests { id caseId kind } }`);
    expect(myConsentRequests).toEqual([{ id: asked.signature?.requestId, caseId: caseA, kind: 'JOS_BEGELEIDING' }]);
    const { giveConsent } = await gql.ok<{ giveConsent: { status: string; method: string; giverRole: string } }>(`mutation($i: GiveConsentInput!) { giveConsent(input: $i) { status method giverRole } }`, {
      i: { caseId: caseA, requestId: asked.signature?.requestId, decision: 'GIVEN' },
    });
    expect(giveConsent).toEqual({ status: 'GIVEN', method: 'DIGITAL', giverRole: 'PARENT' });
    // The consent answers once the goals step is open (and recorded): no waiting needed.
    const signed = await josCase(caseA);
    expect(signed.detail.summary.waitingFor).toBe('SET_GOALS');
    expect(signed.signedOn).toBe(today);
    expect(signed.capDate).toBe(addCalendarMonths(today, 4));
    expect(signed.detail.dueDates.find((d) => d.step === 'CAP')?.explanation).toContain('verlengen kan niet');

    await as('jos');
    await gql.ok(GOALS, { c: caseA, i: goals });
    // The goals answer once the case is ACTIEF with the first evaluation open (and recorded).
    const active = await josCase(caseA);
    expect([active.detail.summary.status, active.detail.summary.waitingFor]).toEqual(['ACTIEF', 'RECORD_EVALUATION']);
    expect(active.detail.goal).toBe('Ik maak een proefwerk zonder te blokkeren');
    expect(active.evaluationNumber).toBe(1);
    // A typed mutation takes its own process's step only: P1's recordOutcome (RECORD_OUTCOME is also a JOS step name)
    // does not end a JOS case.
    await as('zc');
    const p1Outcome = await gql.request(`mutation($c: ID!) { recordOutcome(caseId: $c, input: { outcome: "AFGEROND" }) { status } }`, { c: caseA });
    expect(code(p1Outcome)).toBe('NOT_FOUND');
    expect((await josCase(caseA)).detail.summary.status).toBe('ACTIEF');
    await as('jos');
    // A retried request with the same idempotency key gets the first answer and logs the contact once (a second contact
    // on the same day would be refused): the parent sees one contact below.
    const CONTACT = `mutation($c: ID!, $i: JosContactInput!, $k: String) { logJosContact(caseId: $c, input: $i, idempotencyKey: $k) { status } }`;
    const contact = { c: caseA, i: { date: today, attended: true, thermometer: 4 }, k: `jos-contact-${stamp}` };
    expect(await gql.ok(CONTACT, contact)).toEqual({ logJosContact: { status: 'ACTIEF' } });
    expect(await gql.ok(CONTACT, contact)).toEqual({ logJosContact: { status: 'ACTIEF' } });
    const twice = await gql.request(CONTACT, { ...contact, k: `jos-contact-${stamp}-2` });
    expect(code(twice)).toBe('BAD_USER_INPUT');
    expect(twice.errors?.[0].message).toBe(`Voor ${today} is al een contact vastgelegd`);
    const evalTooEarly = await gql.request(`mutation($c: ID!) { recordJosEvaluation(caseId: $c, input: { summary: "Te vroeg" }) { status } }`, { c: caseA });
    expect(code(evalTooEarly)).toBe('STEP_NOT_ALLOWED');
    expect(evalTooEarly.errors?.[0].message).toContain(active.evaluationOpensOn as string);

    // The parent sees the own child's case, the pupil's goal and progress; the JOS worker closes it.
    await as('ouder');
    const seenByParent = await josCase(caseA);
    expect(seenByParent.contacts).toEqual([{ date: today, attended: true, thermometer: 4 }]);
    await as('ouder-smit');
    expect(code(await gql.request(JOS_CASE, { id: caseA }))).toBe('NOT_FOUND');

    await as('jos');
    const OUTCOME = `mutation($c: ID!, $i: JosOutcomeInput!) { recordJosOutcome(caseId: $c, input: $i) { status } }`;
    const noReferral = await gql.request(OUTCOME, { c: caseA, i: { outcome: 'DOORVERWEZEN', summary: 'Meer nodig' } });
    expect(code(noReferral)).toBe('BAD_USER_INPUT');
    await gql.ok(OUTCOME, { c: caseA, i: { outcome: 'AFGEROND', summary: 'Doel bereikt: maakt proefwerken weer' } });
    const closed = await waitFor(caseA, (c) => c.detail.summary.closedAt !== null, 'case A closed');
    expect(closed.detail.summary.status).toBe('AFGEROND');
    expect(closed.detail.summary.statusLabel).toBe('Afgerond');
    expect(closed.outcome).toBe('AFGEROND');
    expect(closed.endedBy).toBe('EARLY');
    expect(closed.endDate).toBe(today);
    expect(closed.detail.policyVersion).toBe('school:1');
    expect(closed.detail.timeline.map((t) => t.kind)).toEqual(
      expect.arrayContaining([
        'CASE_STARTED',
        'STATUS_AANMELDFORMULIER',
        'JOS_FORM_SUBMITTED',
        'STATUS_STARTGESPREK',
        'JOS_STARTGESPREK_RECORDED',
        'STATUS_HANDTEKENING_OUDERS',
        'CONSENT_REQUESTED',
        'CONSENT_GIVEN',
        'STATUS_DOELEN',
        'JOS_GOALS_SET',
        'STATUS_ACTIEF',
        'JOS_CONTACT_LOGGED',
        'JOS_OUTCOME_RECORDED',
        'STATUS_AFRONDING',
        'STATUS_AFGEROND',
      ]),
    );
    expect(closed.detail.timeline.find((t) => t.kind === 'JOS_FORM_SUBMITTED')?.actorName).toBe('Kees Veenstra');
    const afterClose = await gql.request(`mutation($c: ID!, $i: JosContactInput!) { logJosContact(caseId: $c, input: $i) { status } }`, { c: caseA, i: { date: today, attended: true } });
    expect(['CASE_CLOSED', 'STEP_NOT_ALLOWED']).toContain(code(afterClose));
  }, 120_000);
});
