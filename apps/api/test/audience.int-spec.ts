/**
 * Audiences on the real stack (Temporal dev server, PostgreSQL, SMTP mail catcher, a worker on the suite's own task
 * queue) — docs/security.md "Audiences":
 * - the safety exception (PROCESSES.md rule 3): a P2 case whose parents must not be informed is invisible to them in
 *   the case list, the case page (NOT_FOUND exactly like a missing id), the dossier export (JSON and PDF), the calendar
 *   feed and their e-mail — until the zorgcoördinator lifts it; then it is visible, with the family's share only;
 * - every audience gets its own share of the timeline: the family no P2 triage (nor its reason), the SWV no reason of a
 *   zorgplicht extension.
 */
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { PupilEntity, PupilGuardianEntity, Role, SchoolEntity, UserEntity } from '@zorgroute/domain';
import { extractPdfText } from '@zorgroute/notifications';
import { eventually, mailsTo, type GqlResult, loggedInClients } from './graphql-client';
import { useTestStack } from './test-stack';
import { bornYearsAgo } from './ages';

const stack = useTestStack({ name: 'audience' });
const RUN = Date.now().toString(36);
const mailWeb = process.env.MAIL_WEB_URL as string;
const ZC = 'zc@daltoncollege.example';
const MENTOR = 'mentor@daltoncollege.example';
const SWV = 'loket@swv-voorbeeldregio.example';
const ADMIN = 'beheer@zorgroute.example';

/** What the safety exception protects: none of it may reach the parents. */
const SAFETY_REASON = 'Vermoeden van huiselijk geweld: ouders informeren brengt de leerling in gevaar';
const DIAGNOSIS = 'ADHD, gediagnosticeerd door de GGZ';
const TRIAGE_NOTE = 'Veilig Thuis is ingeschakeld';
const SECRETS = [SAFETY_REASON, DIAGNOSIS, TRIAGE_NOTE, 'huiselijk geweld', 'niet geïnformeerd', 'Veilig Thuis'];

const DETAIL = `query($id: ID!) { case(id: $id) {
  summary { id status }
  hiddenFromParents
  timeline { kind description reason actorName }
  deliveries { id }
  zorgroute { form { problem diagnosedDisorder } triages { outcome note } parentsExceptionReason parentsExceptionActive parentsExceptionLiftReason }
} }`;
interface Detail {
  summary: { id: string; status: string };
  hiddenFromParents: boolean | null;
  timeline: { kind: string; description: string; reason: string | null; actorName: string | null }[];
  deliveries: { id: string }[] | null;
  zorgroute: { form: { problem: string | null; diagnosedDisorder: string | null } | null; triages: { outcome: string; note: string | null }[]; parentsExceptionReason: string | null; parentsExceptionActive: boolean; parentsExceptionLiftReason: string | null } | null;
}

interface Fresh {
  pupil: PupilEntity;
  parentEmail: string;
  parentId: string;
  pupilEmail: string;
}

let ds: DataSource;
let dalton: SchoolEntity;
const started: string[] = [];

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

const client = loggedInClients(() => `${stack.baseUrl}/graphql`);

async function ok<T>(email: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return (await client(email)).ok<T>(query, variables);
}

async function request<T>(email: string, query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> {
  return (await client(email)).request<T>(query, variables);
}

/** A pupil of Daltoncollege (under 16) made for this run, with his own parent and pupil account (invented names). */
async function freshPupil(key: string): Promise<Fresh> {
  const pupil = await ds.getRepository(PupilEntity).save(
    ds.getRepository(PupilEntity).create({ schoolId: dalton.id, firstName: `Sem${key}`, lastName: `Veilig-${RUN}`, dateOfBirth: bornYearsAgo(13), className: '2B', mentorId: null }),
  );
  const parentEmail = `ouder.${key}.${RUN}@voorbeeldmail.example`;
  const pupilEmail = `${key}.${RUN}@leerling.daltoncollege.example`;
  const parent = await ds.getRepository(UserEntity).save(
    ds.getRepository(UserEntity).create({ email: parentEmail, name: `Ouder ${key} ${RUN}`, role: Role.PARENT, schoolId: null, swvId: null, pupilId: null }),
  );
  await ds.getRepository(PupilGuardianEntity).save({ pupilId: pupil.id, userId: parent.id, relation: 'vader' });
  await ds.getRepository(UserEntity).save(ds.getRepository(UserEntity).create({ email: pupilEmail, name: `Sem${key}`, role: Role.PUPIL, schoolId: dalton.id, swvId: null, pupilId: pupil.id }));
  return { pupil, parentEmail, parentId: parent.id, pupilEmail };
}

/** A P2 referral whose parents are not informed (safety), submitted at once by the zorgcoördinator. */
async function hiddenReferral(pupilId: string, key: string): Promise<string> {
  const { startZorgroute } = await ok<{ startZorgroute: { id: string } }>(ZC, `mutation($i: StartZorgrouteInput!) { startZorgroute(input: $i) { id } }`, {
    i: {
      pupilId,
      source: 'DIRECT',
      requestKey: `${RUN}-${key}`,
      submit: true,
      form: {
        reasons: ['PROBLEMATISCH_FUNCTIONEREN_THUIS'],
        parentsInformed: false,
        parentsNotInformedReason: SAFETY_REASON,
        problem: 'Blauwe plekken, schrikt bij harde geluiden',
        diagnosedDisorder: DIAGNOSIS,
        pupilHelpQuestion: 'Ik wil iemand op school om mee te praten',
        mentorSupportQuestion: 'Hoe bied ik veiligheid in de klas?',
        firstLineActions: 'Gesprekken met de leerling',
      },
    },
  });
  started.push(startZorgroute.id);
  await waitFor(startZorgroute.id, (d) => d.summary.status === 'TRIAGE');
  return startZorgroute.id;
}

async function detail(email: string, id: string): Promise<Detail> {
  return (await ok<{ case: Detail }>(email, DETAIL, { id })).case;
}

async function waitFor(id: string, check: (d: Detail) => boolean, what = 'the case'): Promise<Detail> {
  return eventually(async () => {
    const d = await detail(ZC, id).catch(() => null);
    return d && check(d) ? d : null;
  }, 30_000, what);
}

async function caseIdsOf(email: string): Promise<string[]> {
  return (await ok<{ cases: { id: string }[] }>(email, `query { cases(filter: { includeClosed: true }) { id } }`)).cases.map((c) => c.id);
}

async function download(email: string, path: string): Promise<{ status: number; body: Buffer }> {
  const res = await fetch(`${stack.baseUrl}${path}`, { headers: { authorization: `Bearer ${(await client(email)).token as string}` } });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
}

async function feedOf(email: string): Promise<string> {
  const { regenerateCalendarFeed } = await ok<{ regenerateCalendarFeed: { url: string } }>(email, `mutation { regenerateCalendarFeed { url } }`);
  const res = await fetch(`${stack.baseUrl}${new URL(regenerateCalendarFeed.url).pathname}`);
  expect(res.status).toBe(200);
  return res.text();
}

const expectNoSecrets = (text: string, where: string) => {
  for (const secret of SECRETS) expect([where, secret, text.includes(secret)]).toEqual([where, secret, false]);
};

beforeAll(async () => {
  ds = stack.app.get(DataSource);
  dalton = await ds.getRepository(SchoolEntity).findOneByOrFail({ brin: '99XA00' });
}, 60_000);

afterAll(async () => {
  const temporal = stack.app?.get(Client);
  for (const id of started) await temporal?.workflow.getHandle(id).terminate('audience test finished').catch(() => undefined);
}, 60_000);

describe('the safety exception: a case kept from the parents', () => {
  let fam: Fresh;
  let hidden: string;
  let visible: string;

  beforeAll(async () => {
    fam = await freshPupil('a');
    // A case the parent does see (his child's trajectory), so every check below also proves the path works.
    const { startTrajectory } = await ok<{ startTrajectory: { id: string } }>(ZC, `mutation($i: StartTrajectoryInput!) { startTrajectory(input: $i) { id } }`, {
      i: { pupilId: fam.pupil.id, reason: 'Moeite met plannen', requestKey: `${RUN}-p1` },
    });
    visible = startTrajectory.id;
    started.push(visible);
    hidden = await hiddenReferral(fam.pupil.id, 'p2');
    await ok(ZC, `mutation($c: ID!, $i: TriageZorgrouteInput!) { triageZorgroute(caseId: $c, input: $i) { id } }`, {
      c: hidden,
      i: { outcome: 'GEACCEPTEERD', secondLine: true, questionsClear: true, firstLineDone: true, parentsAndPupilKnow: false, approveParentsNotInformed: true, note: TRIAGE_NOTE },
    });
    await waitFor(hidden, (d) => d.summary.status === 'VOORGESPREK', 'the voorgesprek');
  }, 120_000);

  it('is marked for the school, with the safety reason and the triage note', async () => {
    const d = await detail(ZC, hidden);
    expect(d.hiddenFromParents).toBe(true);
    expect(d.zorgroute?.parentsExceptionActive).toBe(true);
    expect(d.zorgroute?.parentsExceptionReason).toBe(SAFETY_REASON);
    expect(d.timeline.find((t) => t.kind === 'TRIAGE_RECORDED')?.reason).toBe(TRIAGE_NOTE);
    expect(d.deliveries).not.toBeNull();
  });

  it('is not in the parent’s case list, and its page answers NOT_FOUND exactly like a missing case', async () => {
    const ids = await caseIdsOf(fam.parentEmail);
    expect(ids).toContain(visible);
    expect(ids).not.toContain(hidden);
    const asParent = await request(fam.parentEmail, DETAIL, { id: hidden });
    const missing = await request(fam.parentEmail, DETAIL, { id: `zorgroute-${fam.pupil.id}-bestaat-niet` });
    expect(asParent.data).toBeNull();
    expect(asParent.errors?.map((e) => [e.message, e.extensions?.code, e.extensions?.messageEn])).toEqual(missing.errors?.map((e) => [e.message, e.extensions?.code, e.extensions?.messageEn]));
    expect(asParent.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // The parent's own case page works, with the family's share (no delivery log, and no error for it).
    const p1 = await detail(fam.parentEmail, visible);
    expect(p1.deliveries).toBeNull();
    expect(p1.hiddenFromParents).toBeNull();
  });

  it('is left out of the parent’s dossier export (the PDF; the JSON is the school’s) entirely', async () => {
    const json = await download(fam.parentEmail, `/exports/dossier/${fam.pupil.id}.json`);
    expect(json.status).toBe(403);
    expectNoSecrets(json.body.toString('utf8'), 'JSON refusal');
    const pdf = await download(fam.parentEmail, `/exports/dossier/${fam.pupil.id}.pdf`);
    expect(pdf.status).toBe(200);
    const text = extractPdfText(pdf.body);
    expect(text).toContain('Ondersteuningstraject');
    expect(text).not.toContain('Zorgroute (IZO/ZAT)');
    expect(text).not.toContain(hidden);
    expectNoSecrets(text, 'PDF');
    // The school's export has it all.
    const school = await download(ZC, `/exports/dossier/${fam.pupil.id}.json?reason=${encodeURIComponent('Inzageverzoek')}`);
    expect(school.body.toString('utf8')).toContain(SAFETY_REASON);
  });

  it('is not in the parent’s calendar feed, even with a request waiting for the parents', async () => {
    // The P2 workflow asks the parents nothing while they are left out; the feed reads the requests from the read model,
    // so the test plants one (as a case that asked before the exception would have) to prove the feed's own scope.
    await ds.query(
      `UPDATE case_summary SET data = jsonb_set(data, '{consents}', $2::jsonb) WHERE id = $1`,
      [hidden, JSON.stringify([{ requestId: `${hidden}:consent:TEST:1`, kind: 'TEST', label: 'Toestemming (test)', status: 'PENDING', respondBy: today(), pupilMayDecide: false }])],
    );
    const feed = await feedOf(fam.parentEmail);
    expect(feed).toContain('BEGIN:VCALENDAR');
    expect(feed).not.toContain(hidden);
    expect(feed).not.toContain('Toestemming (test)');
  });

  it('sends the parents no e-mail about it', async () => {
    const rows: { n: number }[] = await ds.query(`SELECT count(*)::int AS n FROM notification_delivery WHERE case_id = $1 AND recipient_user_id = $2`, [hidden, fam.parentId]);
    expect(rows[0].n).toBe(0);
    expect((await mailsTo(mailWeb, fam.parentEmail)).filter((m) => m.text.includes(encodeURIComponent(hidden)))).toEqual([]);
  });

  it('is visible to the pupil himself (the exception is about the parents), without the triage, its note or the exception', async () => {
    expect(await caseIdsOf(fam.pupilEmail)).toContain(hidden);
    const d = await detail(fam.pupilEmail, hidden);
    expect(d.hiddenFromParents).toBeNull();
    expect(d.deliveries).toBeNull();
    expect(d.zorgroute).toEqual(expect.objectContaining({ form: null, triages: [], parentsExceptionReason: null, parentsExceptionActive: false }));
    expect(d.timeline.map((t) => t.kind)).not.toContain('TRIAGE_RECORDED');
    expect(d.timeline.map((t) => t.kind)).toContain('STATUS_GEACCEPTEERD');
    expectNoSecrets(JSON.stringify(d), 'pupil');
  });

  it('becomes visible to the parents when the zorgcoördinator lifts the exception (audited), with the family’s share only', async () => {
    const byMentor = await request(MENTOR, `mutation($c: ID!, $i: LiftParentsExceptionInput!) { liftParentsException(caseId: $c, input: $i) { id } }`, { c: hidden, i: { reason: 'Mag niet' } });
    expect(byMentor.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|NOT_FOUND/);
    const noReason = await request(ZC, `mutation($c: ID!, $i: LiftParentsExceptionInput!) { liftParentsException(caseId: $c, input: $i) { id } }`, { c: hidden, i: { reason: '' } });
    expect(noReason.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await caseIdsOf(fam.parentEmail)).not.toContain(hidden);

    const reason = 'Veiligheidsplan met Veilig Thuis: ouders worden nu betrokken';
    await ok(ZC, `mutation($c: ID!, $i: LiftParentsExceptionInput!) { liftParentsException(caseId: $c, input: $i) { id } }`, { c: hidden, i: { reason } });
    const school = await waitFor(hidden, (d) => d.hiddenFromParents === false, 'the lifted exception');
    expect(school.zorgroute).toEqual(expect.objectContaining({ parentsExceptionActive: false, parentsExceptionLiftReason: reason }));
    expect(school.timeline.find((t) => t.kind === 'PARENTS_EXCEPTION_LIFTED')?.reason).toBe(reason);
    const audited: { n: number }[] = await ds.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'API_LIFT_PARENTS_EXCEPTION' AND details->>'caseId' = $1 AND reason = $2`, [hidden, reason]);
    expect(audited[0].n).toBe(1);

    expect(await caseIdsOf(fam.parentEmail)).toContain(hidden);
    const d = await detail(fam.parentEmail, hidden);
    expect(d.summary.id).toBe(hidden);
    expect(d.deliveries).toBeNull();
    expect(d.zorgroute).toEqual(expect.objectContaining({ form: null, triages: [], parentsExceptionReason: null, parentsExceptionLiftReason: null }));
    const kinds = d.timeline.map((t) => t.kind);
    expect(kinds).toEqual(expect.arrayContaining(['CASE_STARTED', 'STATUS_GEACCEPTEERD']));
    expect(kinds).not.toContain('TRIAGE_RECORDED');
    expect(kinds).not.toContain('PARENTS_EXCEPTION_LIFTED');
    expect(d.timeline.find((t) => t.kind === 'STATUS_GEACCEPTEERD')?.description).toBe('Geaccepteerd voor het intern zorgoverleg (IZO)');
    expectNoSecrets(JSON.stringify(d), 'parent after lifting');

    const dossier = extractPdfText((await download(fam.parentEmail, `/exports/dossier/${fam.pupil.id}.pdf`)).body);
    expect(dossier).toContain('Ondersteuningstraject');
    expect(dossier).toContain('Zorgroute (IZO/ZAT)');
    expectNoSecrets(dossier, 'PDF after lifting');

    // From now on the parents take part: the voorgesprek is with them, and they are asked to consent to the IZO —
    // in their portal, their calendar feed and their e-mail.
    await ok(ZC, `mutation($c: ID!, $i: ZorgrouteConversationInput!) { recordVoorgesprek(caseId: $c, input: $i) { id } }`, {
      c: hidden,
      i: { date: today(), parentsReport: 'Vader is geïnformeerd en werkt mee', pupilReport: 'Sem wil graag hulp' },
    });
    const consentRequest = await eventually(async () => {
      const { myConsentRequests } = await ok<{ myConsentRequests: { caseId: string; kind: string }[] }>(fam.parentEmail, `query { myConsentRequests { caseId kind } }`);
      return myConsentRequests.find((r) => r.caseId === hidden);
    }, 30_000, 'the IZO consent request');
    expect(consentRequest.kind).toBe('IZO_BESPREKING');
    expect(await feedOf(fam.parentEmail)).toContain(hidden);
    await eventually(async () => (await mailsTo(mailWeb, fam.parentEmail)).find((m) => m.text.includes(encodeURIComponent(hidden))), 30_000, 'the consent e-mail');
  }, 120_000);
});

describe('no e-mail to the parents about a hidden case, whoever sends it', () => {
  it('closes a hidden case by an admin without telling the parents (CASE_CLOSED goes to the parents of every other case)', async () => {
    const fam = await freshPupil('b');
    const id = await hiddenReferral(fam.pupil.id, 'p2b');
    await ok(ADMIN, `mutation($c: ID!, $i: AdminCloseCaseInput!) { adminCloseCase(caseId: $c, input: $i) { id } }`, { c: id, i: { reason: 'Dubbel aangemaakt (test)' } });
    // The workflow sends its messages before it ends: once it has ended, every message it asked for went out.
    await stack.app.get(Client).workflow.getHandle(id).result();
    const rows: { n: number }[] = await ds.query(`SELECT count(*)::int AS n FROM notification_delivery WHERE case_id = $1 AND recipient_user_id = $2`, [id, fam.parentId]);
    expect(rows[0].n).toBe(0);
    expect((await mailsTo(mailWeb, fam.parentEmail)).filter((m) => m.text.includes(encodeURIComponent(id)))).toEqual([]);
  }, 120_000);
});

describe('every audience gets its share of the timeline', () => {
  it('shows the SWV a zorgplicht extension without its reason; the parents get the reason (it is in their letter)', async () => {
    const fam = await freshPupil('c');
    const { registerAanmelding } = await ok<{ registerAanmelding: { id: string } }>(ZC, `mutation($i: RegisterAanmeldingInput!) { registerAanmelding(input: $i) { id } }`, {
      i: { schoolId: dalton.id, pupilId: fam.pupil.id, receivedOn: today(), extraSupportExpected: true, preferenceSchoolIds: [dalton.id] },
    });
    const id = registerAanmelding.id;
    started.push(id);
    const reason = 'Wachten op het OPP van de basisschool';
    await eventually(async () => !(await request(ZC, `mutation($c: ID!, $i: ExtendZorgplichtTermInput!) { extendZorgplichtTerm(caseId: $c, input: $i) { id } }`, { c: id, i: { weeks: 4, reason } })).errors, 30_000, 'the extension');
    const TIMELINE = `query($id: ID!) { case(id: $id) { timeline { kind description reason } } }`;
    const ofSwv = await eventually(async () => {
      const t = (await ok<{ case: { timeline: { kind: string; description: string; reason: string | null }[] } }>(SWV, TIMELINE, { id })).case.timeline;
      return t.some((x) => x.kind === 'TERM_EXTENDED') ? t : null;
    }, 30_000, 'the extension on the SWV timeline');
    expect(ofSwv.find((t) => t.kind === 'TERM_EXTENDED')).toEqual(expect.objectContaining({ reason: null, description: expect.stringContaining('verlengd met 4 weken') }));
    expect(JSON.stringify(ofSwv)).not.toContain(reason);
    const ofParent = (await ok<{ case: { timeline: { kind: string; reason: string | null }[] } }>(fam.parentEmail, TIMELINE, { id })).case.timeline;
    expect(ofParent.find((t) => t.kind === 'TERM_EXTENDED')?.reason).toBe(reason);
    const ofSchool = (await ok<{ case: { timeline: { kind: string; reason: string | null }[] } }>(ZC, TIMELINE, { id })).case.timeline;
    expect(ofSchool.find((t) => t.kind === 'TERM_EXTENDED')?.reason).toBe(reason);
    // The SWV's case page works (no delivery log for it, and no error).
    const page = await request<{ case: { deliveries: unknown[] | null } }>(SWV, `query($id: ID!) { case(id: $id) { summary { id } deliveries { id } consents { id giverName } } }`, { id });
    expect(page.errors).toBeUndefined();
    expect(page.data?.case.deliveries).toBeNull();
  }, 120_000);
});
