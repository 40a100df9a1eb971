/**
 * P4 end to end on the real stack: a zorgcoördinator registers a written application through
 * GraphQL → the zorgplicht workflow runs in a real worker → the SWV loket sees the clock (GraphQL and
 * CSV) and gets the "one week left" e-mail → the term is extended (the notice is a PDF stored with
 * the case, the parent gets an e-mail with a link and downloads it) → the decision letter follows. Every step runs
 * from the step catalogue; a retried step with the same idempotency key is applied once.
 */
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { migrateFromEnv, SchoolEntity } from '@zorgroute/domain';
import { ZORGPLICHT_STEPS } from '@zorgroute/processes';
import { addCalendarDays, toIsoDate } from '@zorgroute/domain/logic';
import { pdfPlainText } from '@zorgroute/notifications';
import { createWorker, type RunningWorker } from '../../worker/src/create-worker';
import { workerConfigFromEnv } from '../../worker/src/worker.config';
import { appConfigFromEnv } from '../src/config/app.config';
import { createApp } from '../src/create-app';
import { seedDemo } from '../src/seed/seed-demo';
import { eventually, GraphQLTestClient, mailsTo } from './graphql-client';
import { expectedStepMutations, typedStepMutations } from './step-mutations';
import { bornYearsAgo } from './ages';

const taskQueue = `zorgplicht-e2e-${Date.now()}`;
const mailWeb = process.env.MAIL_WEB_URL as string;
const PARENT = `ouder.vermeulen.${Date.now()}@voorbeeldmail.example`;
const LOKET = 'loket@swv-voorbeeldregio.example';
let app: INestApplication;
let worker: RunningWorker;
let gql: GraphQLTestClient;
let baseUrl: string;
let dalton: SchoolEntity;
let baken: SchoolEntity;

const REGISTER = `mutation($i: RegisterAanmeldingInput!) { registerAanmelding(input: $i) { id process status statusLabel waitingFor nextDueDate pupil { id displayName } school { name } } }`;
const CLOCKS = `query($f: ZorgplichtClockFilter) { zorgplichtClocks(filter: $f, limit: 500) { today clocks { caseId status receivedOn dueDate dueRule dueExplanation daysRemaining overdue clockState extensionUsed extensionWeeks tenWeekDate tenWeekReached swvSignals pupil { displayName } school { id name } } countsPerSchool { school { name } open lastWeek overdue extended pastTenWeeks } } }`;
const ZP_CASE = `query($id: ID!) { zorgplichtCase(caseId: $id) { clock { status dueDate extensionUsed } extensionReason investigations { kind label } decision { outcome onTime motivation bezwaarUntil } documents { id kind fileName sha256 downloadPath } openSteps outcome } }`;

async function rest(path: string, token: string | null): Promise<Response> {
  return fetch(`${baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

async function as(email: string): Promise<string> {
  await gql.login(email);
  return gql.token as string;
}

beforeAll(async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, TEMPORAL_TASK_QUEUE: taskQueue, API_PORT: '0' };
  await migrateFromEnv(env);
  worker = await createWorker(workerConfigFromEnv(env));
  app = await createApp(appConfigFromEnv(env));
  await app.listen(0, '127.0.0.1');
  baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  gql = new GraphQLTestClient(`${baseUrl}/graphql`);
  await seedDemo(app, undefined, { allProcesses: false });
  const schools = app.get(DataSource).getRepository(SchoolEntity);
  dalton = await schools.findOneByOrFail({ brin: '99XA00' });
  baken = await schools.findOneByOrFail({ brin: '99XB00' });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await worker?.shutdown();
}, 60_000);

describe('P4 zorgplicht end to end: GraphQL → workflow → SWV view, CSV, letters and e-mail', () => {
  let caseId = '';
  const today = toIsoDate(Date.now());
  const receivedOn = addCalendarDays(today, -37);

  it('registers an application at the school of first preference; refuses one at a school that is not', async () => {
    await as('zc@hetbaken.example');
    const { registerAanmelding } = await gql.ok<{ registerAanmelding: { id: string; process: string; status: string; waitingFor: string; nextDueDate: string; pupil: { displayName: string }; school: { name: string } } }>(REGISTER, {
      i: {
        newPupil: { firstName: 'Mees', lastName: 'Vermeulen', dateOfBirth: bornYearsAgo(12), parents: [{ name: 'Lotte Vermeulen', email: PARENT }] },
        receivedOn,
        extraSupportExpected: true,
        preferenceSchoolIds: [baken.id, dalton.id],
      },
    });
    caseId = registerAanmelding.id;
    expect(caseId).toMatch(new RegExp(`^zorgplicht-[0-9a-f-]{36}-${receivedOn}$`));
    expect(registerAanmelding.process).toBe('ZORGPLICHT');
    expect(registerAanmelding.pupil.displayName).toBe('Mees Vermeulen');
    expect(registerAanmelding.school.name).toBe('Stedelijk Lyceum Het Baken');

    // The case waits for the decision, due 6 weeks after receipt.
    const row = await eventually(async () => {
      const { cases } = await gql.ok<{ cases: { id: string; status: string; waitingFor: string; nextDueDate: string; ownerName: string }[] }>(`query { cases(filter: { process: ZORGPLICHT }) { id status waitingFor nextDueDate ownerName } }`);
      return cases.find((c) => c.id === caseId && c.waitingFor === 'RECORD_DECISION');
    }, 20_000, 'the decision step');
    expect(row.nextDueDate).toBe(addCalendarDays(receivedOn, 42));
    expect(row.ownerName).toBe('Hendrik Zwiers');

    // Another school that is not the parents' first preference gets a clear error; nothing is recorded.
    await as('zc@daltoncollege.example');
    const before = await gql.ok<{ cases: unknown[] }>(`query { cases { id } }`);
    const { pupils } = await gql.ok<{ pupils: { id: string; displayName: string }[] }>(`query { pupils { id displayName } }`);
    const milan = pupils.find((p) => p.displayName === 'Milan Jansen');
    const refused = await gql.request(REGISTER, { i: { pupilId: milan?.id, receivedOn: today, extraSupportExpected: true, preferenceSchoolIds: [baken.id, dalton.id] } });
    expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0].message).toContain('niet de school van eerste voorkeur');
    expect(refused.errors?.[0].message).toContain('Stedelijk Lyceum Het Baken');
    expect(refused.errors?.[0].extensions?.messageEn).toContain('not the parents’ school of first preference');
    expect((await gql.ok<{ cases: unknown[] }>(`query { cases { id } }`)).cases.length).toBe(before.cases.length);
  }, 90_000);

  it('shows the SWV loket the open clock with the right days remaining, by GraphQL and CSV, and e-mails it that a week remains', async () => {
    const swvToken = await as(LOKET);
    const { zorgplichtClocks } = await gql.ok<{
      zorgplichtClocks: { today: string; clocks: { caseId: string; daysRemaining: number; clockState: string; extensionUsed: boolean; receivedOn: string; dueDate: string; dueRule: string; dueExplanation: string; school: { id: string } }[]; countsPerSchool: { school: { name: string }; open: number; lastWeek: number }[] };
    }>(CLOCKS, { f: { schoolId: baken.id } });
    const clock = zorgplichtClocks.clocks.find((c) => c.caseId === caseId);
    expect(zorgplichtClocks.today).toBe(today);
    expect(clock).toEqual(expect.objectContaining({ daysRemaining: 5, clockState: 'LAATSTE_WEEK', extensionUsed: false, receivedOn, dueDate: addCalendarDays(receivedOn, 42), dueRule: 'P4.decisionWeeks' }));
    expect(clock?.dueExplanation).toContain('6 kalenderweken na');
    expect(zorgplichtClocks.countsPerSchool.find((c) => c.school.name === 'Stedelijk Lyceum Het Baken')).toEqual(expect.objectContaining({ lastWeek: expect.any(Number), open: expect.any(Number) }));

    const { zorgplichtClocksCsv } = await gql.ok<{ zorgplichtClocksCsv: string }>(`query($f: ZorgplichtClockFilter) { zorgplichtClocksCsv(filter: $f) }`, { f: { schoolId: baken.id } });
    expect(zorgplichtClocksCsv.split('\r\n')[0]).toMatch(/^School;Leerling;Status;Aanmelding ontvangen;Besluit uiterlijk;Dagen resterend/);
    expect(zorgplichtClocksCsv).toContain(`Stedelijk Lyceum Het Baken;Mees Vermeulen;Aanmelding ontvangen;${receivedOn};${addCalendarDays(receivedOn, 42)};5;laatste week;`);

    const res = await rest(`/exports/zorgplicht.csv?schoolId=${baken.id}&clockState=LAATSTE_WEEK`, swvToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('zorgplicht-termijnen.csv');
    expect(await res.text()).toContain(`;${caseId}`);
    const anon = await rest('/exports/zorgplicht.csv', null);
    expect(anon.status).toBe(401);
    expect(await anon.json()).toEqual(expect.objectContaining({ code: 'UNAUTHENTICATED', messageEn: expect.any(String) }));
    const mentor = await rest('/exports/zorgplicht.csv', await as('mentor@hetbaken.example'));
    expect(mentor.status).toBe(403);
    const bad = await rest('/exports/zorgplicht.csv?clockState=ROOD', swvToken);
    expect(bad.status).toBe(400);

    // Receipt 37 days ago: "one week left" has passed, so the loket is told at once.
    const link = `/cases/${encodeURIComponent(caseId)}`;
    const mail = await eventually(async () => (await mailsTo(mailWeb, LOKET)).find((m) => m.text.includes(link)), 30_000, 'the SWV e-mail');
    expect(mail.subject).toContain('Zorgplicht: besluit over een aanmelding uiterlijk');
    expect(mail.text).toContain('over 5 dagen af');
    expect(mail.text).not.toContain('Vermeulen');
  }, 90_000);

  it('keeps the school’s notes from the SWV, and keeps other processes out of its sight', async () => {
    await as('zc@hetbaken.example');
    expect(await typedStepMutations(gql, ZORGPLICHT_STEPS)).toEqual(expectedStepMutations(ZORGPLICHT_STEPS));
    // Sent twice with the same idempotency key (a retry): recorded once.
    const INVESTIGATION = `mutation($c: ID!, $i: ZorgplichtInvestigationInput!, $k: String) { recordZorgplichtInvestigation(caseId: $c, input: $i, idempotencyKey: $k) { status } }`;
    const intake = { c: caseId, i: { kind: 'INTAKE', date: today, summary: 'Faalangst en concentratieproblemen besproken' }, k: `zorgplicht-intake-${Date.now()}` };
    expect(await gql.ok(INVESTIGATION, intake)).toEqual({ recordZorgplichtInvestigation: { status: 'ONDERZOEK' } });
    expect(await gql.ok(INVESTIGATION, intake)).toEqual({ recordZorgplichtInvestigation: { status: 'ONDERZOEK' } });
    const school = await gql.ok<{ zorgplichtCase: { clock: { status: string }; investigations: { kind: string; label: string }[] } }>(ZP_CASE, { id: caseId });
    expect(school.zorgplichtCase.clock.status).toBe('ONDERZOEK');
    expect(school.zorgplichtCase.investigations).toEqual([{ kind: 'INTAKE', label: 'Intakegesprek gehouden' }]);

    await as('beheer@zorgroute.example');
    const p1Case = (await gql.ok<{ cases: { id: string }[] }>(`query { cases(filter: { process: ONDERSTEUNINGSTRAJECT }) { id } }`)).cases[0];
    expect(p1Case).toBeDefined();

    await as(LOKET);
    const swv = await gql.ok<{ zorgplichtCase: { investigations: unknown[]; documents: unknown[] } }>(ZP_CASE, { id: caseId });
    expect(swv.zorgplichtCase.investigations).toEqual([]);
    expect(swv.zorgplichtCase.documents).toEqual([]);
    const { cases } = await gql.ok<{ cases: { id: string; process: string }[] }>(`query { cases(filter: { includeClosed: true }) { id process } }`);
    // Never the schools' own processes (P1, P2, P3); what the SWV does see (P4–P6, TLV, a shared OPP) has its own tests.
    expect(cases.filter((c) => ['ONDERSTEUNINGSTRAJECT', 'ZORGROUTE', 'JOS'].includes(c.process))).toEqual([]);
    expect(cases.some((c) => c.process === 'ZORGPLICHT')).toBe(true);
    const p1 = await gql.request(`query($id: ID!) { case(id: $id) { summary { id } } }`, { id: p1Case.id });
    expect(p1.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  }, 60_000);

  it('extends the term with a written notice: a PDF stored with the case, a link e-mailed to the parent, downloadable only by allowed roles', async () => {
    await as('zc@hetbaken.example');
    const tooLong = await gql.request(`mutation($c: ID!) { extendZorgplichtTerm(caseId: $c, input: { weeks: 6, reason: "Te veel" }) { status } }`, { c: caseId });
    expect(tooLong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooLong.errors?.[0].message).toBe('Verlengen met (weken) moet een getal van 1 tot en met 4 zijn');
    expect(tooLong.errors?.[0].extensions?.messageEn).toBe('weeks must be 1 to 4');
    const ext = await gql.ok<{ extendZorgplichtTerm: { status: string; nextDueDate: string } }>(`mutation($c: ID!, $i: ExtendZorgplichtTermInput!) { extendZorgplichtTerm(caseId: $c, input: $i) { status nextDueDate } }`, {
      c: caseId,
      i: { weeks: 3, reason: 'Het OSO-dossier van de basisschool is nog niet ontvangen.' },
    });
    expect(ext.extendZorgplichtTerm.status).toBe('VERLENGD');
    const again = await gql.request(`mutation($c: ID!) { extendZorgplichtTerm(caseId: $c, input: { weeks: 1, reason: "Nog een keer" }) { status } }`, { c: caseId });
    expect(again.errors?.[0].extensions?.code).toBe('STEP_NOT_ALLOWED');
    expect(again.errors?.[0].message).toContain('al een keer verlengd');

    const detail = await gql.ok<{ zorgplichtCase: { clock: { dueDate: string; extensionUsed: boolean }; extensionReason: string; documents: { id: string; kind: string; downloadPath: string; sha256: string }[]; openSteps: string[] } }>(ZP_CASE, { id: caseId });
    expect(detail.zorgplichtCase.clock).toEqual(expect.objectContaining({ extensionUsed: true, dueDate: addCalendarDays(receivedOn, 63) }));
    expect(detail.zorgplichtCase.openSteps).toEqual(['RECORD_INVESTIGATION', 'RECORD_DECISION']);
    const [notice] = detail.zorgplichtCase.documents;
    expect(notice.kind).toBe('ZORGPLICHT_VERLENGING');
    expect(notice.downloadPath).toBe(`/documents/${notice.id}`);

    // The parent is told by e-mail, with a link and without the reason; the letter itself is downloaded after login.
    const mail = await eventually(async () => (await mailsTo(mailWeb, PARENT)).find((m) => m.subject.includes('Verlenging van de beslistermijn')), 30_000, 'the notice e-mail');
    expect(mail.subject).toBe('Brief van Stedelijk Lyceum Het Baken: Verlenging van de beslistermijn');
    expect(mail.text).toContain(`/cases/${encodeURIComponent(caseId)}/documents/${notice.id}`);
    expect(mail.text).toContain('Beste Lotte Vermeulen,');
    expect(mail.text).not.toContain('OSO-dossier');

    const res = await rest(notice.downloadPath, await as(PARENT));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-sha256')).toBe(notice.sha256);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfPlainText(pdf);
    expect(text).toContain('Het OSO-dossier van de basisschool is nog niet ontvangen.');
    expect(text).toContain('Aan de ouder(s)/verzorger(s) van Mees Vermeulen');
    expect(text).toContain('Hendrik Zwiers');

    // A letter the caller may not read answers exactly like a missing one (404), also when he sees the case.
    expect((await rest(notice.downloadPath, await as(LOKET))).status).toBe(404);
    expect((await rest(notice.downloadPath, await as('zc@daltoncollege.example'))).status).toBe(404);
    expect((await rest(notice.downloadPath, await as('ouder.bakker@voorbeeldmail.example'))).status).toBe(404);
    expect((await rest(notice.downloadPath, null)).status).toBe(401);
    expect((await rest('/documents/not-a-uuid', await as(PARENT))).status).toBe(404);
  }, 90_000);

  it('records the decision: the case closes as TOEGELATEN, the decision letter says how to object, the parent gets the link', async () => {
    await as('zc@hetbaken.example');
    // A place elsewhere names a school in Zorgroute from its record: an unknown one is refused, this school itself too.
    const DECIDE = `mutation($c: ID!, $i: RecordZorgplichtDecisionInput!) { recordZorgplichtDecision(caseId: $c, input: $i) { status } }`;
    const elsewhere = { outcome: 'PLEK_ELDERS', motivation: 'Wij kunnen de ondersteuning niet bieden.', agreementDate: today };
    const unknown = await gql.request(DECIDE, { c: caseId, i: { ...elsewhere, admittingSchoolId: '00000000-0000-4000-8000-000000000000' } });
    expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0].message).toBe('De school die de leerling toelaat is onbekend');
    const itself = await gql.request(DECIDE, { c: caseId, i: { ...elsewhere, admittingSchoolId: baken.id } });
    expect(itself.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(itself.errors?.[0].message).toBe('De school die de leerling toelaat moet een andere school zijn');
    const noName = await gql.request(DECIDE, { c: caseId, i: elsewhere });
    expect(noName.errors?.[0].message).toBe('Vul in: school die de leerling toelaat');
    await gql.ok(`mutation($c: ID!, $i: RecordZorgplichtDecisionInput!) { recordZorgplichtDecision(caseId: $c, input: $i) { status } }`, {
      c: caseId,
      i: { outcome: 'TOEGELATEN', motivation: 'Uit het onderzoek blijkt dat wij de ondersteuning kunnen bieden.', arrangement: 'begeleiding door de ondersteuningscoördinator, één uur per week.' },
    });
    const closed = await eventually(async () => {
      const d = await gql.ok<{ zorgplichtCase: { outcome: string | null; decision: { outcome: string; onTime: boolean; bezwaarUntil: string }; documents: { id: string; kind: string; downloadPath: string }[] } }>(ZP_CASE, { id: caseId });
      return d.zorgplichtCase.outcome === 'TOEGELATEN' ? d.zorgplichtCase : null;
    }, 20_000, 'the closed case');
    expect(closed.decision).toEqual(expect.objectContaining({ outcome: 'TOEGELATEN', onTime: true, bezwaarUntil: addCalendarDays(today, 42) }));
    const letter = closed.documents.find((d) => d.kind === 'ZORGPLICHT_BESLUIT');
    expect(letter).toBeDefined();

    const mail = await eventually(async () => (await mailsTo(mailWeb, PARENT)).find((m) => m.subject.includes('Besluit over de aanmelding')), 30_000, 'the decision e-mail');
    expect(mail.text).toContain(`/documents/${letter?.id}`);
    expect(mail.text).not.toContain('ondersteuningscoördinator, één uur');
    const res = await rest(letter?.downloadPath as string, await as(PARENT));
    const text = pdfPlainText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain('Wij hebben besloten Mees toe te laten tot onze school, met extra ondersteuning');
    expect(text).toContain('Bent u het niet eens met dit besluit?');
    expect(text).toContain('binnen 6 weken na de datum van deze brief');

    // The parent sees the letters of the own child through GraphQL too.
    const docs = await gql.ok<{ caseDocuments: { kind: string }[] }>(`query($c: ID!) { caseDocuments(caseId: $c) { kind } }`, { c: caseId });
    expect(docs.caseDocuments.map((d) => d.kind)).toEqual(['ZORGPLICHT_VERLENGING', 'ZORGPLICHT_BESLUIT']);

    // A closed clock leaves the SWV view.
    await as(LOKET);
    const { zorgplichtClocks } = await gql.ok<{ zorgplichtClocks: { clocks: { caseId: string }[] } }>(CLOCKS, {});
    expect(zorgplichtClocks.clocks.map((c) => c.caseId)).not.toContain(caseId);
    const timeline = await gql.ok<{ case: { timeline: { kind: string }[] } }>(`query($id: ID!) { case(id: $id) { timeline { kind } } }`, { id: caseId });
    expect(timeline.case.timeline.map((t) => t.kind)).toEqual(expect.arrayContaining(['CASE_STARTED', 'SWV_WEEK_LEFT', 'STATUS_ONDERZOEK', 'TERM_EXTENDED', 'DECISION_RECORDED', 'STATUS_BESLUIT', 'STATUS_TOEGELATEN']));
  }, 90_000);
});
