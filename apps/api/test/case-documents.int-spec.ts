/**
 * Issue 16 "Documents and notes" on the real stack (PostgreSQL, Temporal, the Nest app): uploading a document to a case
 * (`POST /documents/cases/:caseId`, checked by content, size-limited, stored in PostgreSQL), who lists and downloads it
 * (its own audiences; never in a case kept from the parents), every download audited, bad uploads refused with a clear
 * error and nothing stored; and the case logboek (`caseNotes`, `addCaseNote`) with its audiences.
 */
import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { toIsoDate } from '@zorgroute/domain/logic';
import { DataSource } from 'typeorm';
import { PupilEntity, PupilGuardianEntity, Role, SchoolEntity, UPLOADED_DOCUMENT_KINDS, UserEntity } from '@zorgroute/domain';
import { eventually, loggedInClients } from './graphql-client';
import { useTestStack } from './test-stack';
import { bornYearsAgo } from './ages';

const MAX = 64 * 1024;
const stack = useTestStack({ name: 'documents', env: { DOCUMENT_MAX_BYTES: String(MAX) } });
const RUN = Date.now().toString(36);
const ZC = 'zc@daltoncollege.example';
const OTHER_ZC = 'zc@hetbaken.example';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const DOCS = `query($c: ID!) { caseDocuments(caseId: $c) { id kind kindLabel fileName contentType sizeBytes sha256 source audiences originalName uploadedByName downloadPath } }`;
const NOTES = `query($c: ID!) { caseNotes(caseId: $c) { id notedOn text audiences authorName authorRole } }`;
const ADD_NOTE = `mutation($i: AddCaseNoteInput!) { addCaseNote(input: $i) { id notedOn text audiences authorName } }`;

interface Doc {
  id: string;
  kind: string;
  kindLabel: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  source: string;
  audiences: string[];
  originalName: string | null;
  uploadedByName: string | null;
  downloadPath: string;
}

let ds: DataSource;
let caseId: string;
let parentEmail: string;
let pupilEmail: string;

const client = loggedInClients(() => `${stack.baseUrl}/graphql`);

async function upload(
  email: string | null,
  fields: { kind?: string; audiences?: string; clientRequestId?: string },
  file: { bytes: Buffer; name: string; type?: string } | null,
  opts: { marker?: boolean; target?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.append(k, v);
  if (file) form.append('file', new Blob([file.bytes], { type: file.type ?? 'application/pdf' }), file.name);
  const headers: Record<string, string> = {};
  if (opts.marker !== false) headers['x-zorgroute-upload'] = '1';
  if (email) headers.authorization = `Bearer ${(await client(email)).token as string}`;
  const res = await fetch(`${stack.baseUrl}/documents/cases/${encodeURIComponent(opts.target ?? caseId)}`, { method: 'POST', headers, body: form });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function download(email: string, path: string): Promise<{ status: number; body: Buffer; headers: Headers }> {
  const res = await fetch(`${stack.baseUrl}${path}`, { headers: { authorization: `Bearer ${(await client(email)).token as string}` } });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}

async function storedUploads(): Promise<number> {
  return ((await ds.query(`SELECT count(*)::int AS n FROM case_document WHERE case_id = $1 AND source = 'UPLOAD'`, [caseId])) as { n: number }[])[0].n;
}

async function downloadsAudited(documentId: string): Promise<number> {
  return ((await ds.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'DOCUMENT_DOWNLOADED' AND details->>'documentId' = $1`, [documentId])) as { n: number }[])[0].n;
}

function codeOf(r: { errors?: { extensions?: { code?: string } }[] }): string | undefined {
  return r.errors?.[0]?.extensions?.code;
}

beforeAll(async () => {
  ds = stack.app.get(DataSource);
  const dalton = await ds.getRepository(SchoolEntity).findOneByOrFail({ brin: '99XA00' });
  const pupil = await ds.getRepository(PupilEntity).save(
    ds.getRepository(PupilEntity).create({ schoolId: dalton.id, firstName: 'Noor', lastName: `Documenten-${RUN}`, dateOfBirth: bornYearsAgo(13), className: '2B', mentorId: null }),
  );
  parentEmail = `ouder.documenten.${RUN}@voorbeeldmail.example`;
  pupilEmail = `noor.${RUN}@leerling.daltoncollege.example`;
  const parent = await ds.getRepository(UserEntity).save(
    ds.getRepository(UserEntity).create({ email: parentEmail, name: `Ouder Documenten ${RUN}`, role: Role.PARENT, schoolId: null, swvId: null, pupilId: null }),
  );
  await ds.getRepository(PupilGuardianEntity).save({ pupilId: pupil.id, userId: parent.id, relation: 'vader' });
  await ds.getRepository(UserEntity).save(ds.getRepository(UserEntity).create({ email: pupilEmail, name: 'Noor', role: Role.PUPIL, schoolId: dalton.id, swvId: null, pupilId: pupil.id }));
  const zc = await client(ZC);
  const { startTrajectory } = await zc.ok<{ startTrajectory: { id: string } }>(`mutation($i: StartTrajectoryInput!) { startTrajectory(input: $i) { id } }`, {
    i: { pupilId: pupil.id, reason: 'Mist veel lessen', requestKey: `${RUN}-documents` },
  });
  caseId = startTrajectory.id;
  await eventually(async () => (await ds.query('SELECT 1 FROM case_summary WHERE id = $1', [caseId])).length > 0, 30_000, 'the case row');
}, 120_000);

afterAll(async () => {
  await stack.app?.get(Client).workflow.getHandle(caseId).terminate('documents test finished').catch(() => undefined);
}, 60_000);

describe('case documents', () => {
  let shared: Doc;
  let schoolOnly: Doc;

  it('the zorgcoördinator uploads a PDF shared with the parents and a scan for the school only; the type comes from the content', async () => {
    const a = await upload(ZC, { kind: 'VERSLAG', audiences: 'PARENTS' }, { bytes: PDF, name: 'Verslag GGD (mei).pdf' });
    expect(a.status).toBe(201);
    shared = a.body as unknown as Doc;
    expect(shared).toMatchObject({ kind: 'VERSLAG', kindLabel: 'Verslag of rapport', contentType: 'application/pdf', sizeBytes: PDF.length, source: 'UPLOAD', audiences: ['SCHOOL', 'PARENTS'], originalName: 'Verslag GGD (mei).pdf' });
    expect(shared.fileName).toBe('Verslag-GGD-mei.pdf');
    // A PNG the browser calls a PDF is stored as what it is.
    const b = await upload(ZC, { kind: 'TOESTEMMING_SCAN', audiences: '' }, { bytes: PNG, name: 'toestemming.pdf', type: 'application/pdf' });
    expect(b.status).toBe(201);
    schoolOnly = b.body as unknown as Doc;
    expect(schoolOnly).toMatchObject({ contentType: 'image/png', fileName: 'toestemming.png', audiences: ['SCHOOL'] });
    const rows: { storage: string; content: Buffer; sha256: string }[] = await ds.query('SELECT storage, content, sha256 FROM case_document WHERE id = $1', [shared.id]);
    expect(rows[0].storage).toBe('POSTGRES');
    expect(Buffer.compare(rows[0].content, PDF)).toBe(0);
    expect(rows[0].sha256).toBe(shared.sha256);
    // On the case timeline of the school.
    expect(await ds.query(`SELECT 1 FROM audit_entry WHERE case_id = $1 AND action = 'DOCUMENT_UPLOADED'`, [caseId])).toHaveLength(2);
  });

  it('lists each document to its audiences only', async () => {
    const zc = await (await client(ZC)).ok<{ caseDocuments: Doc[] }>(DOCS, { c: caseId });
    expect(zc.caseDocuments.map((d) => d.id)).toEqual([shared.id, schoolOnly.id]);
    const parent = await (await client(parentEmail)).ok<{ caseDocuments: Doc[] }>(DOCS, { c: caseId });
    expect(parent.caseDocuments.map((d) => d.id)).toEqual([shared.id]);
    const pupil = await (await client(pupilEmail)).ok<{ caseDocuments: Doc[] }>(DOCS, { c: caseId });
    expect(pupil.caseDocuments).toEqual([]);
    // Another school's zorgcoördinator does not see the case at all.
    expect(codeOf(await (await client(OTHER_ZC)).request(DOCS, { c: caseId }))).toBe('NOT_FOUND');
    // Staff who only take part in cases do not read documents.
    expect(codeOf(await (await client('mentor@daltoncollege.example')).request(DOCS, { c: caseId }))).toMatch(/NOT_FOUND|FORBIDDEN/);
  });

  it('downloads what the caller may read, and audits every download', async () => {
    const before = await downloadsAudited(shared.id);
    const r = await download(parentEmail, shared.downloadPath);
    expect(r.status).toBe(200);
    expect(Buffer.compare(r.body, PDF)).toBe(0);
    expect(r.headers.get('content-type')).toMatch(/application\/pdf/);
    expect(r.headers.get('x-content-sha256')).toBe(shared.sha256);
    expect(r.headers.get('content-disposition')).toContain('Verslag-GGD-mei.pdf');
    expect(await downloadsAudited(shared.id)).toBe(before + 1);
    const audit: { actor_id: string; details: { caseId: string; kind: string } }[] = await ds.query(
      `SELECT actor_id, details FROM audit_entry WHERE action = 'DOCUMENT_DOWNLOADED' AND details->>'documentId' = $1 ORDER BY id DESC LIMIT 1`,
      [shared.id],
    );
    const parent = await ds.getRepository(UserEntity).findOneByOrFail({ email: parentEmail });
    expect(audit[0]).toMatchObject({ actor_id: parent.id, details: { caseId, kind: 'VERSLAG' } });

    // The school-only scan is "not found" for the parent, exactly like a missing document; and not audited.
    const hidden = await download(parentEmail, schoolOnly.downloadPath);
    expect(hidden.status).toBe(404);
    expect(await downloadsAudited(schoolOnly.id)).toBe(0);
    expect((await download(ZC, schoolOnly.downloadPath)).status).toBe(200);
    expect(await downloadsAudited(schoolOnly.id)).toBe(1);
  });

  it('keeps documents of a case kept from the parents hidden from them', async () => {
    await ds.query('UPDATE case_summary SET hidden_from_parents = true WHERE id = $1', [caseId]);
    try {
      expect((await download(parentEmail, shared.downloadPath)).status).toBe(404);
      expect(codeOf(await (await client(parentEmail)).request(DOCS, { c: caseId }))).toBe('NOT_FOUND');
      expect(codeOf(await (await client(parentEmail)).request(NOTES, { c: caseId }))).toBe('NOT_FOUND');
    } finally {
      await ds.query('UPDATE case_summary SET hidden_from_parents = false WHERE id = $1', [caseId]);
    }
  });

  it('refuses bad uploads with a clear error and stores nothing', async () => {
    const before = await storedUploads();
    const exe = await upload(ZC, { kind: 'VERSLAG', audiences: 'PARENTS' }, { bytes: Buffer.from('MZ\x90\x00\x03 this is a program'), name: 'verslag.pdf' });
    expect(exe).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT' } });
    expect(String(exe.body.message)).toContain('PDF-, PNG- of JPEG');
    expect(exe.body.messageEn).toContain('by its content');
    const html = await upload(ZC, { kind: 'VERSLAG' }, { bytes: Buffer.from('<html><script>alert(1)</script></html>'), name: 'scan.png', type: 'image/png' });
    expect(html).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT' } });
    const empty = await upload(ZC, { kind: 'VERSLAG' }, { bytes: Buffer.alloc(0), name: 'leeg.pdf' });
    expect(empty).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', message: 'Het bestand is leeg' } });
    const big = await upload(ZC, { kind: 'VERSLAG' }, { bytes: Buffer.concat([PDF, Buffer.alloc(MAX)]), name: 'groot.pdf' });
    expect(big).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT' } });
    expect(String(big.body.message)).toContain('te groot');
    const noFile = await upload(ZC, { kind: 'VERSLAG' }, null);
    expect(noFile).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT' } });
    const kind = await upload(ZC, { kind: 'DIAGNOSE' }, { bytes: PDF, name: 'x.pdf' });
    expect(kind).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT' } });
    const audience = await upload(ZC, { kind: 'VERSLAG', audiences: 'IEDEREEN' }, { bytes: PDF, name: 'x.pdf' });
    expect(audience).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT' } });
    // Without the marker header (what a form on another site would send) nothing is taken.
    expect(await upload(ZC, { kind: 'VERSLAG' }, { bytes: PDF, name: 'x.pdf' }, { marker: false })).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT' } });
    expect((await upload(null, { kind: 'VERSLAG' }, { bytes: PDF, name: 'x.pdf' })).status).toBe(401);
    // Who may not upload: the parent (FORBIDDEN), another school (the case does not exist for him), an unknown case.
    expect(await upload(parentEmail, { kind: 'VERSLAG' }, { bytes: PDF, name: 'x.pdf' })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await upload(OTHER_ZC, { kind: 'VERSLAG' }, { bytes: PDF, name: 'x.pdf' })).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(await upload(ZC, { kind: 'VERSLAG' }, { bytes: PDF, name: 'x.pdf' }, { target: 'bestaat-niet' })).toMatchObject({ status: 404 });
    expect(await storedUploads()).toBe(before);
  });

  it('stores a retried upload once', async () => {
    const before = await storedUploads();
    const clientRequestId = randomUUID();
    const a = await upload(ZC, { kind: 'OVERIG', clientRequestId }, { bytes: PDF, name: 'nogmaals.pdf' });
    const b = await upload(ZC, { kind: 'OVERIG', clientRequestId }, { bytes: PDF, name: 'nogmaals.pdf' });
    expect(a.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect(await storedUploads()).toBe(before + 1);
  });
});

describe('case notes (logboek)', () => {
  const today = () => toIsoDate(Date.now());

  it('the school writes notes; the parents read those shared with them, the pupil none', async () => {
    const zc = await client(ZC);
    const shared = await zc.ok<{ addCaseNote: { id: string; audiences: string[]; authorName: string } }>(ADD_NOTE, {
      i: { caseId, notedOn: today(), text: '  Telefoongesprek met vader: afspraak gemaakt voor volgende week.  ', audiences: ['PARENTS'] },
    });
    expect(shared.addCaseNote.audiences).toEqual(['SCHOOL', 'PARENTS']);
    await zc.ok(ADD_NOTE, { i: { caseId, notedOn: today(), text: 'Bericht van de GGD ontvangen.', audiences: [] } });

    const school = await zc.ok<{ caseNotes: { text: string; audiences: string[] }[] }>(NOTES, { c: caseId });
    expect(school.caseNotes.map((n) => n.text).sort()).toEqual(['Bericht van de GGD ontvangen.', 'Telefoongesprek met vader: afspraak gemaakt voor volgende week.']);
    const parent = await (await client(parentEmail)).ok<{ caseNotes: { text: string }[] }>(NOTES, { c: caseId });
    expect(parent.caseNotes.map((n) => n.text)).toEqual(['Telefoongesprek met vader: afspraak gemaakt voor volgende week.']);
    const pupil = await (await client(pupilEmail)).ok<{ caseNotes: unknown[] }>(NOTES, { c: caseId });
    expect(pupil.caseNotes).toEqual([]);
    expect(codeOf(await (await client(OTHER_ZC)).request(NOTES, { c: caseId }))).toBe('NOT_FOUND');
  });

  it('refuses bad notes and writers who are not the school, and stores a retried note once', async () => {
    const count = async () => ((await ds.query('SELECT count(*)::int AS n FROM case_note WHERE case_id = $1', [caseId])) as { n: number }[])[0].n;
    const before = await count();
    const zc = await client(ZC);
    expect(codeOf(await zc.request(ADD_NOTE, { i: { caseId, notedOn: '2999-01-01', text: 'Toekomst', audiences: [] } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await zc.request(ADD_NOTE, { i: { caseId, notedOn: today(), text: '   ', audiences: [] } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await zc.request(ADD_NOTE, { i: { caseId, notedOn: today(), text: 'x'.repeat(2001), audiences: [] } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await zc.request(ADD_NOTE, { i: { caseId, notedOn: today(), text: 'Ok', audiences: ['IEDEREEN'] } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await (await client(parentEmail)).request(ADD_NOTE, { i: { caseId, notedOn: today(), text: 'Van de ouder', audiences: [] } }))).toBe('FORBIDDEN');
    expect(codeOf(await (await client(OTHER_ZC)).request(ADD_NOTE, { i: { caseId, notedOn: today(), text: 'Andere school', audiences: [] } }))).toBe('NOT_FOUND');
    expect(await count()).toBe(before);
    const clientRequestId = randomUUID();
    const a = await zc.ok<{ addCaseNote: { id: string } }>(ADD_NOTE, { i: { caseId, notedOn: today(), text: 'Eén keer', audiences: [], clientRequestId } });
    const b = await zc.ok<{ addCaseNote: { id: string } }>(ADD_NOTE, { i: { caseId, notedOn: today(), text: 'Eén keer', audiences: [], clientRequestId } });
    expect(b.addCaseNote.id).toBe(a.addCaseNote.id);
    expect(await count()).toBe(before + 1);
  });
});

describe('upload kinds', () => {
  it('the api serves the kinds its upload accepts, with their Dutch names, to the upload form (one list, not a copy in the admin)', async () => {
    const { uploadDocumentKinds } = await (await client(ZC)).ok<{ uploadDocumentKinds: { kind: string; label: string }[] }>('{ uploadDocumentKinds { kind label } }');
    expect(uploadDocumentKinds).toEqual(Object.entries(UPLOADED_DOCUMENT_KINDS).map(([kind, label]) => ({ kind, label })));
    expect(uploadDocumentKinds).toContainEqual({ kind: 'TOESTEMMING_SCAN', label: 'Toestemmingsformulier (scan)' });
    // The family sees the same list (it is not case information).
    expect((await (await client(parentEmail)).ok<{ uploadDocumentKinds: unknown[] }>('{ uploadDocumentKinds { kind } }')).uploadDocumentKinds).toHaveLength(uploadDocumentKinds.length);
  });
});
