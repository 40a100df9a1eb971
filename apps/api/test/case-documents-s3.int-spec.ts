/**
 * Issue 16 with DOCUMENT_STORAGE=s3 on the real api (PostgreSQL, the Nest app) and a real S3-compatible server (the
 * test server `npm test` starts, S3_TEST_ENDPOINT): an upload through `POST /documents/cases/:caseId` puts the bytes in
 * the bucket under the prefix and keeps only the key, size and digest in the row; the download is byte-identical and
 * audited; a discarded upload loses its row and its object; an object gone from the bucket answers 404 NOT_FOUND "Dit
 * document is niet meer beschikbaar" (not 503: the storage is not down) and is logged by document and case id only. Own SWV, school, pupil and case (a read-model row: no workflow is needed for documents).
 * The store itself (errors, missing bucket) is in apps/api/src/documents/storage/s3-document-store.int-spec.ts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { DataSource } from 'typeorm';
import { CaseReadModelRepository, PupilEntity, Role, SchoolEntity, SwvEntity, UserEntity } from '@zorgroute/domain';
import { UploadCaseDocumentUseCase } from '../src/documents/usecases/upload-case-document.usecase';
import { caseSnapshot } from '../src/testing/case-snapshot.fixture';
import { createTestBucket, s3TestStorageEnv, testS3Client } from '../src/testing/s3-test-bucket.fixture';
import { bornYearsAgo } from './ages';
import { loggedInClients } from './graphql-client';
import { useTestStack } from './test-stack';

const RUN = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const BUCKET = `zr-api-${RUN}`;
const PREFIX = `api-spec/${RUN}/`;
const stack = useTestStack({ name: 'documents-s3', worker: false, seed: false, env: s3TestStorageEnv(BUCKET, PREFIX) });
const client = loggedInClients(() => `${stack.baseUrl}/graphql`);
const ZC = `zc.s3.${RUN}@s3college.example`;
const CASE_ID = `s3-docs-${RUN}`;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Doc {
  id: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  downloadPath: string;
}
interface Row {
  storage: string;
  storage_key: string | null;
  content: Buffer | null;
  size_bytes: number;
  sha256: string;
}

let ds: DataSource;
let s3: S3Client;

async function upload(bytes: Buffer, name: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  form.append('kind', 'VERSLAG');
  form.append('audiences', '');
  form.append('file', new Blob([bytes], { type: 'application/pdf' }), name);
  const res = await fetch(`${stack.baseUrl}/documents/cases/${encodeURIComponent(CASE_ID)}`, {
    method: 'POST',
    headers: { 'x-zorgroute-upload': '1', authorization: `Bearer ${(await client(ZC)).token as string}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function download(path: string): Promise<{ status: number; body: Buffer; headers: Headers }> {
  const res = await fetch(`${stack.baseUrl}${path}`, { headers: { authorization: `Bearer ${(await client(ZC)).token as string}` } });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}

async function row(id: string): Promise<Row | undefined> {
  return ((await ds.query('SELECT storage, storage_key, content, size_bytes, sha256 FROM case_document WHERE id = $1', [id])) as Row[])[0];
}

async function objectBytes(key: string): Promise<Buffer> {
  const out = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return Buffer.from(await (out.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
}

async function keys(): Promise<string[]> {
  return ((await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: PREFIX }))).Contents ?? []).map((o) => o.Key as string).sort();
}

async function downloadsAudited(documentId: string): Promise<number> {
  return ((await ds.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'DOCUMENT_DOWNLOADED' AND details->>'documentId' = $1`, [documentId])) as { n: number }[])[0].n;
}

beforeAll(async () => {
  s3 = testS3Client();
  await createTestBucket(s3, BUCKET);
  ds = stack.app.get(DataSource);
  const swv = await ds.getRepository(SwvEntity).save({ name: `SWV S3 ${RUN}`, code: `S3 ${RUN}` });
  const school = await ds.getRepository(SchoolEntity).save({ swvId: swv.id, name: `S3 College ${RUN}`, brin: `S${RUN}`.slice(0, 10), region: 'midden' as const });
  const pupil = await ds.getRepository(PupilEntity).save({ schoolId: school.id, firstName: 'Sam', lastName: `Opslag-${RUN}`, dateOfBirth: bornYearsAgo(13), className: '2B', mentorId: null });
  await ds.getRepository(UserEntity).save({ name: `Zorgcoördinator S3 ${RUN}`, email: ZC, role: Role.ZORGCOORDINATOR, schoolId: school.id, swvId: swv.id, pupilId: null });
  await new CaseReadModelRepository(ds).upsert(caseSnapshot({ caseId: CASE_ID, process: 'ZORGROUTE', status: 'AANMELDING', schoolId: school.id, pupilId: pupil.id }));
}, 60_000);

afterAll(() => {
  s3?.destroy();
});

describe('case documents in S3-compatible storage (DOCUMENT_STORAGE=s3)', () => {
  // A PDF by its content, with every byte value and a few hundred KiB, so encoding or chunking errors show.
  const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(300 * 1024), Buffer.from('\n%%EOF\n')]);
  let doc: Doc;

  it('an upload puts the bytes in the bucket; the row keeps the key, size and digest, not the bytes', async () => {
    const up = await upload(PDF, 'Verslag opslag.pdf');
    expect(up.status).toBe(201);
    doc = up.body as unknown as Doc;
    expect(doc).toMatchObject({ contentType: 'application/pdf', sizeBytes: PDF.length, sha256: sha256(PDF) });

    const stored = await row(doc.id);
    expect(stored).toMatchObject({ storage: 'S3', storage_key: `${PREFIX}${doc.id}`, content: null, size_bytes: PDF.length, sha256: sha256(PDF) });
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}${doc.id}` }));
    expect(head).toMatchObject({ ContentLength: PDF.length, ContentType: 'application/pdf' });
    expect(sha256(await objectBytes(`${PREFIX}${doc.id}`))).toBe(stored?.sha256);
  });

  it('the download is byte-identical, carries the row’s digest and is audited', async () => {
    const before = await downloadsAudited(doc.id);
    const r = await download(doc.downloadPath);
    expect(r.status).toBe(200);
    expect(r.body.length).toBe(PDF.length);
    expect(Buffer.compare(r.body, PDF)).toBe(0);
    expect(r.headers.get('content-type')).toMatch(/application\/pdf/);
    expect(r.headers.get('x-content-sha256')).toBe(sha256(PDF));
    expect(await downloadsAudited(doc.id)).toBe(before + 1);
  });

  it('a refused upload stores nothing in the bucket', async () => {
    const before = await keys();
    const exe = await upload(Buffer.from('MZ\x90\x00\x03 geen document'), 'verslag.pdf');
    expect(exe).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT' } });
    expect(await keys()).toEqual(before);
  });

  it('a discarded upload (a process step refused it) loses its row and its object', async () => {
    const up = await upload(Buffer.from('%PDF-1.4\nbijlage die de stap weigert\n%%EOF\n'), 'bijlage.pdf');
    expect(up.status).toBe(201);
    const id = up.body.id as string;
    expect(await keys()).toContain(`${PREFIX}${id}`);
    await stack.app.get(UploadCaseDocumentUseCase).discard(id);
    expect(await row(id)).toBeUndefined();
    expect(await keys()).not.toContain(`${PREFIX}${id}`);
  });

  it('an object gone from the bucket answers 404 "niet meer beschikbaar" (not UNAVAILABLE), warns the operator by ids only, and no download is audited', async () => {
    const up = await upload(Buffer.from('%PDF-1.4\nverdwijnt uit de bucket\n%%EOF\n'), 'kwijt van Sam.pdf');
    const lost = up.body as unknown as Doc;
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}${lost.id}` }));
    // What the api's logger writes (JSON lines on stdout/stderr) during the download.
    const written: string[] = [];
    const keep = (chunk: unknown) => (written.push(String(chunk)), true);
    const spies = [jest.spyOn(process.stdout, 'write').mockImplementation(keep), jest.spyOn(process.stderr, 'write').mockImplementation(keep)];
    let r: Awaited<ReturnType<typeof download>>;
    try {
      r = await download(lost.downloadPath);
    } finally {
      spies.forEach((spy) => spy.mockRestore());
    }
    expect(r.status).toBe(404);
    expect(JSON.parse(r.body.toString('utf8'))).toEqual({
      code: 'NOT_FOUND',
      message: 'Dit document is niet meer beschikbaar',
      messageEn: 'This document is no longer available',
    });
    // One warning for the operator: which document of which case — no file name, pupil or storage key.
    const missing = written.filter((line) => line.includes('document_object_missing'));
    expect(missing).toHaveLength(1);
    expect(JSON.parse(missing[0])).toMatchObject({ level: 'warn', context: 'CaseDocuments', event: 'document_object_missing', documentId: lost.id, caseId: CASE_ID });
    expect(missing[0]).not.toMatch(/kwijt|Sam|Opslag|api-spec/);
    // A document that does not exist (or that one may not read) still answers the plain "Document niet gevonden".
    const unknown = await download('/documents/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body.toString('utf8'))).toMatchObject({ code: 'NOT_FOUND', message: 'Document niet gevonden' });
    expect(await downloadsAudited(lost.id)).toBe(0);
    // The other document is unaffected.
    expect((await download(doc.downloadPath)).status).toBe(200);
  });
});
