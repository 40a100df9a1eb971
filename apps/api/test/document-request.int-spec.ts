/**
 * Issue 16 "A process step can ask the parents for a document and wait for it", P4 on the real stack (PostgreSQL,
 * Temporal, a real worker, the Nest app): the zorgcoördinator asks the parents of an aanmelding for a document
 * (`requestZorgplichtDocument`), the parents see the request (the SWV does not), and upload it with
 * `POST /documents/cases/:caseId/requests/:requestId`: a file disguised by its name is refused with a clear error and
 * nothing stored, another pupil's parent is refused, the real document is stored for the school and the family and
 * the request is PROVIDED; a second upload for it is refused.
 */
import { Client } from '@temporalio/client';
import { addCalendarDays, toIsoDate } from '@zorgroute/domain/logic';
import { DataSource } from 'typeorm';
import { PupilEntity, PupilGuardianEntity, Role, SchoolEntity, UserEntity } from '@zorgroute/domain';
import { eventually, type GqlResult, loggedInClients } from './graphql-client';
import { useTestStack } from './test-stack';
import { bornYearsAgo } from './ages';

const stack = useTestStack({ name: 'document-request' });
const RUN = Date.now().toString(36);
const ZC = 'zc@daltoncollege.example';
const MENTOR = 'mentor@daltoncollege.example';
const SWV = 'loket@swv-voorbeeldregio.example';
const OTHER_PARENT = 'ouder.veldkamp@voorbeeldmail.example';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const REQUEST = `mutation($c: ID!, $i: RequestZorgplichtDocumentInput!) { requestZorgplichtDocument(caseId: $c, input: $i) { id status } }`;
const REQUESTS = `query($id: ID!) { case(id: $id) { documentRequests { requestId label description status dueDate providedAt documentId } } }`;

interface Request {
  requestId: string;
  label: string;
  description: string | null;
  status: string;
  dueDate: string;
  providedAt: string | null;
  documentId: string | null;
}

let ds: DataSource;
let caseId: string;
let parentEmail: string;

const client = loggedInClients(() => `${stack.baseUrl}/graphql`);

async function requestsSeenBy(email: string): Promise<Request[]> {
  return (await (await client(email)).ok<{ case: { documentRequests: Request[] } }>(REQUESTS, { id: caseId })).case.documentRequests;
}

async function provide(email: string, requestId: string, file: { bytes: Buffer; name: string; type: string }): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  form.append('file', new Blob([file.bytes], { type: file.type }), file.name);
  const res = await fetch(`${stack.baseUrl}/documents/cases/${encodeURIComponent(caseId)}/requests/${encodeURIComponent(requestId)}`, {
    method: 'POST',
    headers: { 'x-zorgroute-upload': '1', authorization: `Bearer ${(await client(email)).token as string}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function storedUploads(): Promise<number> {
  return ((await ds.query(`SELECT count(*)::int AS n FROM case_document WHERE case_id = $1 AND source = 'UPLOAD'`, [caseId])) as { n: number }[])[0].n;
}

const code = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  ds = stack.app.get(DataSource);
  const dalton = await ds.getRepository(SchoolEntity).findOneByOrFail({ brin: '99XA00' });
  const pupil = await ds.getRepository(PupilEntity).save(
    ds.getRepository(PupilEntity).create({ schoolId: dalton.id, firstName: 'Ravi', lastName: `Documentverzoek-${RUN}`, dateOfBirth: bornYearsAgo(12), className: '1A', mentorId: null }),
  );
  parentEmail = `ouder.verzoek.${RUN}@voorbeeldmail.example`;
  const parent = await ds.getRepository(UserEntity).save(
    ds.getRepository(UserEntity).create({ email: parentEmail, name: `Ouder Verzoek ${RUN}`, role: Role.PARENT, schoolId: null, swvId: null, pupilId: null }),
  );
  await ds.getRepository(PupilGuardianEntity).save({ pupilId: pupil.id, userId: parent.id, relation: 'ouder' });
  const zc = await client(ZC);
  const { registerAanmelding } = await zc.ok<{ registerAanmelding: { id: string } }>(
    `mutation($i: RegisterAanmeldingInput!) { registerAanmelding(input: $i) { id } }`,
    { i: { pupilId: pupil.id, receivedOn: toIsoDate(Date.now()), extraSupportExpected: true, preferenceSchoolIds: [dalton.id] } },
  );
  caseId = registerAanmelding.id;
  await eventually(async () => ((await ds.query(`SELECT waiting_for FROM case_summary WHERE id = $1`, [caseId])) as { waiting_for: string | null }[])[0]?.waiting_for === 'RECORD_DECISION' || null, 30_000, 'the decision step');
}, 120_000);

afterAll(async () => {
  await stack.app?.get(Client).workflow.getHandle(caseId).terminate('document request test finished').catch(() => undefined);
}, 60_000);

describe('P4: asking the parents for a document', () => {
  const today = toIsoDate(Date.now());
  const description = 'Het laatste onderzoeksverslag van de psycholoog';
  let requestId: string;

  it('only the zorgcoördinator asks; bad input is refused with a clear error and nothing is asked', async () => {
    // The SWV reads the case but does not ask; a mentor does not even see it.
    expect(code(await (await client(SWV)).request(REQUEST, { c: caseId, i: { description, dueDate: addCalendarDays(today, 7) } }))).toBe('FORBIDDEN');
    expect(code(await (await client(MENTOR)).request(REQUEST, { c: caseId, i: { description, dueDate: addCalendarDays(today, 7) } }))).toBe('NOT_FOUND');
    const zc = await client(ZC);
    const late = await zc.request(REQUEST, { c: caseId, i: { description, dueDate: addCalendarDays(today, 60) } });
    expect(code(late)).toBe('BAD_USER_INPUT');
    expect(late.errors?.[0].message).toMatch(/^De uiterste datum mag niet na de beslistermijn \(\d{4}-\d{2}-\d{2}\) liggen$/);
    expect(late.errors?.[0].extensions?.messageEn).toBeTruthy();
    expect(code(await zc.request(REQUEST, { c: caseId, i: { description: 'x', dueDate: addCalendarDays(today, 7) } }))).toBe('BAD_USER_INPUT');
    expect(await requestsSeenBy(ZC)).toEqual([]);

    await zc.ok(REQUEST, { c: caseId, i: { description, dueDate: addCalendarDays(today, 7) } });
    const [asked] = await eventually(async () => {
      const r = await requestsSeenBy(ZC);
      return r.length ? r : null;
    }, 30_000, 'the request in the read model');
    expect(asked).toMatchObject({ label: 'Document voor de aanmelding', description, status: 'OPEN', dueDate: addCalendarDays(today, 7), providedAt: null, documentId: null });
    requestId = asked.requestId;
    // The family sees the request, the SWV does not.
    expect((await requestsSeenBy(parentEmail)).map((r) => r.description)).toEqual([description]);
    expect(await requestsSeenBy(SWV)).toEqual([]);
  });

  it('refuses a file disguised by its name, another pupil’s parent and an unknown request, storing nothing', async () => {
    const disguised = await provide(parentEmail, requestId, { bytes: Buffer.from('MZ\x90\x00 a program, not a pdf'), name: 'verslag.pdf', type: 'application/pdf' });
    expect(disguised.status).toBe(400);
    expect(disguised.body).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('Alleen PDF-, PNG- of JPEG-bestanden') });
    expect(disguised.body.messageEn).toBeTruthy();
    const empty = await provide(parentEmail, requestId, { bytes: Buffer.alloc(0), name: 'leeg.pdf', type: 'application/pdf' });
    expect(empty.body).toMatchObject({ code: 'BAD_USER_INPUT', message: 'Het bestand is leeg' });
    const stranger = await provide(OTHER_PARENT, requestId, { bytes: PNG, name: 'foto.png', type: 'image/png' });
    expect(stranger.status).toBe(404);
    expect(stranger.body.code).toBe('NOT_FOUND');
    const unknown = await provide(parentEmail, `${caseId}:document:ZORGPLICHT_INFO_OUDERS:9`, { bytes: PNG, name: 'foto.png', type: 'image/png' });
    expect(unknown.status).toBe(404);
    // The SWV reads the case but may not provide the family's document.
    expect((await provide(SWV, requestId, { bytes: PNG, name: 'foto.png', type: 'image/png' })).status).toBe(403);
    expect(await storedUploads()).toBe(0);
    expect((await requestsSeenBy(ZC))[0].status).toBe('OPEN');
  });

  it('takes the parent’s photo: stored for the school and the family, the request provided; a second upload is refused', async () => {
    const ok = await provide(parentEmail, requestId, { bytes: PNG, name: 'foto verslag.png', type: 'image/png' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ kind: 'VERSLAG', contentType: 'image/png', source: 'UPLOAD', audiences: ['SCHOOL', 'PARENTS', 'PUPIL'], originalName: 'foto verslag.png' });
    const provided = await eventually(async () => ((await requestsSeenBy(parentEmail))[0]?.status === 'PROVIDED' ? (await requestsSeenBy(ZC))[0] : null), 30_000, 'the request provided');
    expect(provided.documentId).toBe(ok.body.id);
    expect(await storedUploads()).toBe(1);
    const rows: { request_id: string | null; uploaded_by_role: string }[] = await ds.query(`SELECT request_id, uploaded_by_role FROM case_document WHERE id = $1`, [ok.body.id]);
    expect(rows[0]).toEqual({ request_id: requestId, uploaded_by_role: Role.PARENT });
    // The parent lists it among the case's documents.
    const docs = await (await client(parentEmail)).ok<{ caseDocuments: { id: string }[] }>(`query($c: ID!) { caseDocuments(caseId: $c) { id } }`, { c: caseId });
    expect(docs.caseDocuments.map((d) => d.id)).toContain(ok.body.id);

    const again = await provide(parentEmail, requestId, { bytes: PNG, name: 'nog een foto.png', type: 'image/png' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('STEP_NOT_ALLOWED');
    expect(await storedUploads()).toBe(1);
  });
});
