/**
 * P6 PO→VO overdracht end to end on the real stack (Temporal dev server, a real worker on its own task queue,
 * PostgreSQL and the mail catcher): an SWV employee sets the regional calendar of the school year → the zorgcoördinator
 * registers the application of a pupil with support needs (the zorgplicht clock starts) → the OKR → a parent adds
 * his view and consents → sent, received → warm handover → the brugklascoördinator places the pupil → the mentor
 * confirms he has read it → a direct IZO referral (P2 starts) → feedback to the primary school → AFGESLOTEN.
 * Along the way: who may do each step and what the SWV sees. Uses its own SWVs, school and people.
 *
 * The regional calendar is built around today (the real clock): its dates lie in the past, so the handover runs as a
 * "late" case (due dates N school days from today) and the feedback moments are due at once.
 */
import { DataSource } from 'typeorm';
import { PupilEntity, PupilGuardianEntity, Role, SchoolEntity, SwvEntity, UserEntity } from '@zorgroute/domain';
import { addCalendarDays, schoolYearBounds, schoolYearOf, toIsoDate } from '@zorgroute/domain/logic';
import { OVERDRACHT_STEPS } from '@zorgroute/processes';
import { zorgplichtWorkflowId } from '@zorgroute/workflows';
import { eventually, mailsTo, type GqlResult } from './graphql-client';
import { typedStepInputs } from './step-inputs';
import { useTestStack } from './test-stack';
import { bornYearsAgo } from './ages';

const stamp = Date.now().toString(36);
const mailWeb = process.env.MAIL_WEB_URL as string;
const email = (who: string) => `${who}.${stamp}@overdrachttest.example`;
const stack = useTestStack({ name: 'overdracht-e2e', seed: false });
let swv: SwvEntity;
let school: SchoolEntity;
let pupil: PupilEntity;
let teamleider: UserEntity;
let mentor: UserEntity;

const CASE = `query($id: ID!) {
  overdrachtCase(id: $id) {
    detail { summary { id status statusLabel waitingFor waitingForLabel nextDueDate ownerName outcome closedAt } openSteps dueDates { step date explanation } timeline { kind actorName } ledTo { caseId process started } }
    schoolYear calendar { osoDeadline startSchoolYear } applicationReceivedOn poSchoolName brugklascoordinatorName supportNeeds
    okr { schooladvies supportNeeds } zienswijzen { parentName text } consent { requestId status }
    sentOn receivedOn warmeOverdracht { date withinWindow summary } placement { className mentorName } mentorReadOn izoCaseId
    feedback { moment date givenOn summary } zorgplicht { caseId started }
  }
}`;

interface OverdrachtCase {
  detail: {
    summary: { id: string; status: string; statusLabel: string; waitingFor: string | null; waitingForLabel: string | null; nextDueDate: string | null; ownerName: string | null; outcome: string | null; closedAt: string | null };
    openSteps: string[];
    timeline: { kind: string; actorName: string | null }[];
    ledTo: { caseId: string; process: string; started: boolean }[];
  };
  schoolYear: string;
  brugklascoordinatorName: string | null;
  supportNeeds: boolean;
  okr: { schooladvies: string; supportNeeds: boolean } | null;
  zienswijzen: { parentName: string | null; text: string }[];
  consent: { requestId: string; status: string } | null;
  sentOn: string | null;
  receivedOn: string | null;
  warmeOverdracht: { date: string; withinWindow: boolean; summary: string | null } | null;
  placement: { className: string; mentorName: string | null } | null;
  mentorReadOn: string | null;
  izoCaseId: string | null;
  feedback: { moment: string; date: string; givenOn: string | null; summary: string | null }[];
  zorgplicht: { caseId: string; started: boolean } | null;
}

async function as(who: string): Promise<void> {
  await stack.gql.login(email(who));
}

async function overdrachtCase(id: string): Promise<OverdrachtCase> {
  return (await stack.gql.ok<{ overdrachtCase: OverdrachtCase }>(CASE, { id })).overdrachtCase;
}

async function waitFor(id: string, check: (c: OverdrachtCase) => boolean, what: string): Promise<OverdrachtCase> {
  return eventually(async () => {
    const c = await overdrachtCase(id);
    return check(c) ? c : null;
  }, 30_000, what);
}

/**
 * Reads the case once, right after a step: a step (or consent) mutation answers only once the process has moved on
 * and the read model shows it, so no waiting is needed.
 */
async function rightAfter(id: string, check: (c: OverdrachtCase) => boolean, what: string): Promise<OverdrachtCase> {
  const c = await overdrachtCase(id);
  if (!check(c)) throw new Error(`${what} not reached right after the step (status ${c.detail.summary.status}, waiting for ${c.detail.summary.waitingFor})`);
  return c;
}

function code(r: GqlResult<unknown>): string | undefined {
  return r.errors?.[0]?.extensions?.code;
}

beforeAll(async () => {
  const ds = stack.app.get(DataSource);
  swv = await ds.getRepository(SwvEntity).save({ name: 'SWV Overdracht-test', code: `P${stamp}`.slice(0, 20) });
  const otherSwv = await ds.getRepository(SwvEntity).save({ name: 'SWV Overdracht-elders', code: `Q${stamp}`.slice(0, 20) });
  school = await ds.getRepository(SchoolEntity).save({ swvId: swv.id, name: 'Brugklas-testcollege', brin: `P${stamp}`.slice(0, 10), region: 'midden' });
  const user = (who: string, name: string, role: Role, schoolId: string | null = school.id, swvId: string = swv.id) =>
    ds.getRepository(UserEntity).save({ email: email(who), name, role, schoolId, swvId, pupilId: null });
  await user('zc', 'Ilse Vermeulen', Role.ZORGCOORDINATOR);
  teamleider = await user('bkc', 'Kevin de Groot', Role.TEAMLEIDER);
  mentor = await user('mentor', 'Nadia Bakker', Role.MENTOR);
  await user('mentor-2', 'Pieter Smit', Role.MENTOR);
  await user('swv', 'Lotte Hendriks', Role.SWV_MEDEWERKER, null);
  await user('swv-elders', 'Gert Mol', Role.SWV_MEDEWERKER, null, otherSwv.id);
  pupil = await ds.getRepository(PupilEntity).save({ schoolId: school.id, firstName: 'Lisa', lastName: 'Meijer', dateOfBirth: bornYearsAgo(12), className: null, mentorId: null });
  const parent = await user('ouder', 'Karin Meijer', Role.PARENT);
  await ds.getRepository(PupilGuardianEntity).save({ pupilId: pupil.id, userId: parent.id, relation: 'ouder' });
  await user('ouder-elders', 'Henk Bos', Role.PARENT);
}, 120_000);

describe('P6 PO→VO overdracht end to end: GraphQL → workflow → read model → e-mail', () => {
  const today = toIsoDate(Date.now());
  const schoolYear = schoolYearOf(today);
  const start = schoolYearBounds(schoolYear).from;
  const moment = addCalendarDays(today, -1) > start ? addCalendarDays(today, -1) : start;
  const calendar = {
    schoolYear,
    schooladviesBy: addCalendarDays(start, -40),
    aanmeldweek: { from: addCalendarDays(start, -30), to: addCalendarDays(start, -26) },
    osoDeadline: addCalendarDays(start, -1),
    warmeOverdracht: { from: addCalendarDays(start, -20), to: addCalendarDays(today, 30) },
    startSchoolYear: start,
    terugkoppeling: { naEersteRapport: moment, eindeLeerjaar1: moment },
  };
  let id = '';

  it('accepts on every typed step mutation exactly the fields the step catalogue declares (the mentor’s name is the api’s)', async () => {
    const inputs = await typedStepInputs(stack.gql, Object.values(OVERDRACHT_STEPS));
    expect(inputs.map((i) => i.mutation)).toHaveLength(10);
    for (const i of inputs) expect({ mutation: i.mutation, fields: i.api }).toEqual({ mutation: i.mutation, fields: i.catalogue });
  });

  it('lets an SWV employee set the regional calendar of a school year (a new SWV policy version); others may read or not', async () => {
    const SET = `mutation($s: ID!, $i: OverdrachtRegionalCalendarInput!) { setOverdrachtRegionalCalendar(swvId: $s, input: $i) { policyVersion calendars { schoolYear osoDeadline terugkoppeling { naEersteRapport } } } }`;
    await as('zc');
    expect(code(await stack.gql.request(SET, { s: swv.id, i: calendar }))).toBe('FORBIDDEN');
    await as('swv-elders');
    expect(code(await stack.gql.request(SET, { s: swv.id, i: calendar }))).toBe('FORBIDDEN');
    await as('swv');
    const bad = await stack.gql.request(SET, { s: swv.id, i: { ...calendar, aanmeldweek: { from: calendar.aanmeldweek.to, to: calendar.aanmeldweek.from } } });
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toContain('aanmeldweek.to');
    const { setOverdrachtRegionalCalendar } = await stack.gql.ok<{ setOverdrachtRegionalCalendar: { policyVersion: number; calendars: { schoolYear: string }[] } }>(SET, { s: swv.id, i: calendar });
    expect(setOverdrachtRegionalCalendar.policyVersion).toBe(1);
    expect(setOverdrachtRegionalCalendar.calendars.map((c) => c.schoolYear)).toEqual([schoolYear]);
    await as('zc');
    const read = await stack.gql.ok<{ overdrachtRegionalCalendars: { calendars: { osoDeadline: string }[]; terugkoppelingMoments: string[] } }>(
      `query($s: ID!) { overdrachtRegionalCalendars(swvId: $s) { calendars { osoDeadline } terugkoppelingMoments } }`,
      { s: swv.id },
    );
    expect(read.overdrachtRegionalCalendars).toEqual({ calendars: [{ osoDeadline: calendar.osoDeadline }], terugkoppelingMoments: ['NA_EERSTE_RAPPORT', 'EINDE_LEERJAAR_1'] });
  }, 60_000);

  it('runs the handover of a pupil with support needs from the application to the feedback, each step by its own role', async () => {
    const START = `mutation($i: StartOverdrachtInput!) { startOverdracht(input: $i) { id process status } }`;
    await as('zc');
    const noCalendar = await stack.gql.request(START, { i: { pupilId: pupil.id, schoolYear: '2040-2041', poSchoolName: 'OBS De Linde', supportNeedsExpected: true } });
    expect(code(noCalendar)).toBe('BAD_USER_INPUT');
    expect(noCalendar.errors?.[0].message).toContain('regionale overdrachtskalender');
    const { startOverdracht } = await stack.gql.ok<{ startOverdracht: { id: string; process: string } }>(START, {
      i: { pupilId: pupil.id, schoolYear, poSchoolName: 'OBS De Linde', poContactName: 'Sandra Kok (ib)', supportNeedsExpected: true, brugklascoordinatorId: teamleider.id },
    });
    id = startOverdracht.id;
    expect(id).toBe(`overdracht-${pupil.id}-${schoolYear}`);
    expect(startOverdracht.process).toBe('OVERDRACHT');

    // The application of a pupil with support needs starts the zorgplicht clock (P4).
    const first = await waitFor(id, (c) => c.detail.summary.waitingFor === 'OVERDRACHT_RECORD_OKR', 'OKR step');
    expect(first.detail.summary.status).toBe('OKR_IN_VOORBEREIDING');
    expect(first.zorgplicht).toEqual({ caseId: zorgplichtWorkflowId(pupil.id, today), started: true });
    expect(first.detail.ledTo).toEqual([{ caseId: zorgplichtWorkflowId(pupil.id, today), process: 'ZORGPLICHT', started: true }]);
    expect(first.brugklascoordinatorName).toBe('Kevin de Groot');
    const clock = await eventually(
      async () => (await stack.gql.request<{ zorgplichtCase: { caseId?: string } }>(`query($c: ID!) { zorgplichtCase(caseId: $c) { __typename } }`, { c: zorgplichtWorkflowId(pupil.id, today) })).data?.zorgplichtCase,
      30_000,
      'the zorgplicht case',
    );
    expect(clock).toBeTruthy();

    await stack.gql.ok(`mutation($c: ID!, $i: OverdrachtOkrInput!) { recordOverdrachtOkr(caseId: $c, input: $i) { status } }`, {
      c: id,
      i: { schooladvies: 'vmbo-t/havo', taalLezen: '2F', rekenen: '1F', sociaalEmotioneel: 'Onzeker in nieuwe situaties', supportNeeds: true, supportNeedsDescription: 'Structuur en een vast aanspreekpunt' },
    });
    const asked = await rightAfter(id, (c) => c.consent?.status === 'PENDING', 'consent asked');
    expect(asked.detail.summary.status).toBe('INZAGE_OUDERS');
    expect(asked.detail.openSteps).toEqual(['CONSENT_OVERDRACHT_OKR']);
    // No transfer without the parents' consent.
    const SENT = `mutation($c: ID!, $i: OverdrachtSentInput!) { recordOverdrachtSent(caseId: $c, input: $i) { status } }`;
    expect(code(await stack.gql.request(SENT, { c: id, i: { sentOn: today } }))).toBe('STEP_NOT_ALLOWED');

    // The parent reads the report, adds his view and consents; another parent does not see the case.
    const VIEW = `mutation($c: ID!, $i: OverdrachtZienswijzeInput!) { addOverdrachtZienswijze(caseId: $c, input: $i) { status } }`;
    await as('zc');
    expect(code(await stack.gql.request(VIEW, { c: id, i: { text: 'Namens de ouders' } }))).toBe('FORBIDDEN');
    await as('ouder-elders');
    expect(code(await stack.gql.request(VIEW, { c: id, i: { text: 'Niet mijn kind' } }))).toBe('NOT_FOUND');
    await as('ouder');
    const parentView = await overdrachtCase(id);
    expect(parentView.okr?.schooladvies).toBe('vmbo-t/havo');
    const consentMail = await eventually(async () => (await mailsTo(mailWeb, email('ouder')))[0], 30_000, 'the consent e-mail');
    expect(consentMail.text).toContain('Lisa');
    expect(consentMail.text).not.toContain('Onzeker');
    await stack.gql.ok(VIEW, { c: id, i: { text: 'Lisa heeft een goede start nodig met een vaste mentor' } });
    await stack.gql.ok(`mutation($i: GiveConsentInput!) { giveConsent(input: $i) { status } }`, { i: { caseId: id, requestId: asked.consent?.requestId, decision: 'GIVEN' } });

    // Sent and received (cold handover); the warm handover by the brugklascoördinator.
    await rightAfter(id, (c) => c.detail.summary.waitingFor === 'OVERDRACHT_SEND_OKR', 'send step');
    await as('zc');
    await stack.gql.ok(SENT, { c: id, i: { sentOn: today, via: 'OSO' } });
    await rightAfter(id, (c) => c.detail.summary.waitingFor === 'OVERDRACHT_CONFIRM_RECEIPT', 'receipt step');
    await stack.gql.ok(`mutation($c: ID!, $i: OverdrachtReceivedInput!) { confirmOverdrachtReceived(caseId: $c, input: $i) { status } }`, { c: id, i: { receivedOn: today, note: 'Compleet' } });
    const warm = await rightAfter(id, (c) => c.detail.summary.waitingFor === 'OVERDRACHT_WARM_HANDOVER', 'warm handover');
    expect(warm.detail.summary.ownerName).toBe('Kevin de Groot');
    expect(warm.detail.openSteps).toEqual(['OVERDRACHT_WARM_HANDOVER', 'OVERDRACHT_IZO_REFERRAL']);
    await as('bkc');
    await stack.gql.ok(`mutation($c: ID!, $i: WarmeOverdrachtInput!) { recordWarmeOverdracht(caseId: $c, input: $i) { status } }`, {
      c: id,
      i: { date: today, poPresent: true, parentsPresent: true, pupilPresent: true, approach: 'Vaste plek, dagplanning', talents: 'Creatief', summary: 'Warme overdracht met de ib’er, moeder en Lisa' },
    });

    // Placement by the brugklascoördinator; the mentor gets the information.
    await rightAfter(id, (c) => c.detail.summary.waitingFor === 'OVERDRACHT_PLACEMENT', 'placement');
    // Order of checks: who may act before the mentor lookup; a mentor of another school is bad input, not a refusal.
    const PLACE = `mutation($c: ID!, $i: OverdrachtPlacementInput!) { placeOverdrachtPupil(caseId: $c, input: $i) { status } }`;
    const ds = stack.app.get(DataSource);
    const elsewhere = await ds.getRepository(SchoolEntity).save({ swvId: swv.id, name: 'Ander college', brin: `R${stamp}`.slice(0, 10), region: 'midden' });
    const otherMentor = await ds.getRepository(UserEntity).save({ email: email('mentor-elders'), name: 'Eva Dekker', role: Role.MENTOR, schoolId: elsewhere.id, swvId: swv.id, pupilId: null });
    await as('ouder');
    expect(code(await stack.gql.request(PLACE, { c: id, i: { className: '1B', mentorId: otherMentor.id } }))).toBe('FORBIDDEN');
    await as('bkc');
    expect(code(await stack.gql.request(PLACE, { c: id, i: { className: '1B', mentorId: otherMentor.id } }))).toBe('BAD_USER_INPUT');
    expect(code(await stack.gql.request(PLACE, { c: id, i: { className: '1B', mentorId: teamleider.id } }))).toBe('BAD_USER_INPUT');
    await stack.gql.ok(`mutation($c: ID!, $i: OverdrachtPlacementInput!) { placeOverdrachtPupil(caseId: $c, input: $i) { status } }`, { c: id, i: { className: '1B', mentorId: mentor.id, level: 'vmbo-t/havo' } });
    const shared = await rightAfter(id, (c) => c.detail.summary.waitingFor === 'OVERDRACHT_MENTOR_READ', 'mentor step');
    expect(shared.detail.summary.status).toBe('INFORMATIE_GEDEELD');
    expect(shared.placement).toEqual({ className: '1B', mentorName: 'Nadia Bakker' });
    const mentorMail = await eventually(async () => (await mailsTo(mailWeb, email('mentor')))[0], 30_000, 'the mentor e-mail');
    expect(mentorMail.subject).toContain('Overdrachtsinformatie gelezen');

    // The zorgcoördinator refers Lisa straight to the IZO; only the mentor confirms he has read the information.
    await as('zc');
    await stack.gql.ok(`mutation($c: ID!, $i: OverdrachtIzoReferralInput!) { referOverdrachtToIzo(caseId: $c, input: $i) { status } }`, {
      c: id,
      i: { reasons: ['ONTWIKKELPERSPECTIEF_ONDUIDELIJK'], pupilHelpQuestion: 'Ik wil weten wie ik kan vragen als ik vastloop', mentorSupportQuestion: 'Hoe bieden we structuur in de eerste weken?', parentsInformed: true },
    });
    const READ = `mutation($c: ID!) { confirmOverdrachtRead(caseId: $c, input: { note: "Gelezen" }) { status } }`;
    expect(code(await stack.gql.request(READ, { c: id }))).toBe('FORBIDDEN');
    await as('mentor-2');
    expect(code(await stack.gql.request(READ, { c: id }))).toBe('NOT_FOUND');
    await as('mentor');
    await stack.gql.ok(READ, { c: id });

    // The IZO case starts; feedback to the primary school at both moments (due now) by the mentor.
    const feedbackStep = await waitFor(id, (c) => c.detail.summary.waitingFor === 'OVERDRACHT_FEEDBACK', 'feedback step');
    expect(feedbackStep.izoCaseId).toBe(`zorgroute-from-${id}`);
    expect(feedbackStep.detail.ledTo.map((l) => l.process)).toEqual(['ZORGPLICHT', 'ZORGROUTE']);
    const FEEDBACK = `mutation($c: ID!, $i: OverdrachtFeedbackInput!) { recordOverdrachtFeedback(caseId: $c, input: $i) { status } }`;
    await stack.gql.ok(FEEDBACK, { c: id, i: { summary: 'Goede start in de brugklas', sentTo: 'Sandra Kok' } });
    // The next moment opens from its date (the process may answer while it waits for it): wait for it.
    await waitFor(
      id,
      (c) => c.detail.timeline.filter((t) => t.kind === 'STATUS_TERUGKOPPELING_PO').length === 2 && c.detail.summary.waitingFor === 'OVERDRACHT_FEEDBACK',
      'second feedback step',
    );
    await stack.gql.ok(FEEDBACK, { c: id, i: { summary: 'Leerjaar 1 afgerond; over naar leerjaar 2' } });

    const closed = await waitFor(id, (c) => c.detail.summary.closedAt !== null, 'closed');
    expect(closed.detail.summary.status).toBe('AFGESLOTEN');
    expect(closed.detail.summary.outcome).toBe('AFGEROND');
    expect(closed.warmeOverdracht?.withinWindow).toBe(true);
    expect(closed.zienswijzen).toEqual([{ parentName: 'Karin Meijer', text: 'Lisa heeft een goede start nodig met een vaste mentor' }]);
    expect(closed.feedback.map((f) => f.moment)).toEqual(['NA_EERSTE_RAPPORT', 'EINDE_LEERJAAR_1']);
    expect(closed.detail.timeline.map((t) => t.kind)).toEqual(
      expect.arrayContaining([
        'CASE_STARTED',
        'ZORGPLICHT_STARTED',
        'OKR_RECORDED',
        'STATUS_INZAGE_OUDERS',
        'ZIENSWIJZE_ADDED',
        'CONSENT_GIVEN',
        'OKR_SENT',
        'STATUS_VERZONDEN',
        'OKR_RECEIVED',
        'STATUS_ONTVANGEN_VO',
        'STATUS_WARME_OVERDRACHT',
        'WARME_OVERDRACHT_RECORDED',
        'STATUS_PLAATSING',
        'PUPIL_PLACED',
        'STATUS_INFORMATIE_GEDEELD',
        'IZO_REFERRAL_REQUESTED',
        'MENTOR_READ',
        'STATUS_DIRECTE_IZO_AANMELDING',
        'LINKED_CASE_STARTED',
        'STATUS_TERUGKOPPELING_PO',
        'FEEDBACK_RECORDED',
        'STATUS_AFGESLOTEN',
      ]),
    );
    expect(closed.detail.timeline.find((t) => t.kind === 'MENTOR_READ')?.actorName).toBe('Nadia Bakker');

    // The SWV sees the handover of its member school, not the report or the parents' view.
    await as('swv');
    const swvView = await overdrachtCase(id);
    expect(swvView.detail.summary.outcome).toBe('AFGEROND');
    expect(swvView.okr).toBeNull();
    expect(swvView.zienswijzen).toEqual([]);
    expect(swvView.warmeOverdracht?.summary).toBeNull();
    expect(swvView.zorgplicht?.started).toBe(true);
  }, 180_000);
});
