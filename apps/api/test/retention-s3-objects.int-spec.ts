/**
 * Issue 16, the retention purge with DOCUMENT_STORAGE=s3 on the real api (PostgreSQL, the Nest app, Temporal for the
 * workflow check) and the S3 test server `npm test` starts (S3_TEST_ENDPOINT): a purged case's objects leave the bucket.
 * The purge queues their keys in the outbox `document_object_purge` in its transaction (a PostgreSQL-stored document
 * is not queued: its bytes go with the row); the api deletes the objects right after an admin purge; when the bucket
 * fails, the outbox row stays and a later round deletes the object. Own SWV, school, pupil and cases (read-model rows
 * without a workflow: the purge finds no running workflow for them).
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { DataSource } from 'typeorm';
import { CaseDocumentRepository, CaseReadModelRepository, PupilEntity, RetentionPurger, Role, SchoolEntity, SwvEntity, UserEntity } from '@zorgroute/domain';
import type { AppConfig } from '../src/config/app.config';
import { DocumentObjectPurgeService } from '../src/documents/document-object-purge.service';
import { documentStorageConfigFromEnv } from '../src/documents/document-storage.config';
import { DocumentStore } from '../src/documents/storage/document-store';
import { caseSnapshot } from '../src/testing/case-snapshot.fixture';
import { createTestBucket, s3TestStorageEnv, testS3Client } from '../src/testing/s3-test-bucket.fixture';
import { bornYearsAgo } from './ages';
import { bucketKeys, outboxKeysOf, uploadPdf } from './document-purge-fixture';
import { eventually, loggedInClients } from './graphql-client';
import { useTestStack } from './test-stack';

const RUN = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const BUCKET = `zr-purge-${RUN}`;
const PREFIX = `purge-spec/${RUN}/`;
const stack = useTestStack({ name: 'retention-s3', worker: false, seed: false, env: s3TestStorageEnv(BUCKET, PREFIX) });
const client = loggedInClients(() => `${stack.baseUrl}/graphql`);
const ZC = `zc.bewaar.${RUN}@bewaarcollege.example`;
const ADMIN = `beheer.bewaar.${RUN}@zorgroute.example`;
const PURGE = `mutation($i: PurgeExpiredCasesInput!) { purgeExpiredCases(input: $i) { purgedCaseIds skippedRunningCaseIds failed } }`;

let ds: DataSource;
let s3: S3Client;
let school: SchoolEntity;
let pupil: PupilEntity;

const keys = () => bucketKeys(s3, BUCKET, PREFIX);
const outboxOf = (caseId: string) => outboxKeysOf(ds, caseId);

/** An open case of this suite's pupil (a read-model row). */
async function openCase(caseId: string): Promise<void> {
  await new CaseReadModelRepository(ds).upsert(caseSnapshot({ caseId, process: 'ZORGROUTE', status: 'AANMELDING', schoolId: school.id, pupilId: pupil.id }));
}

/** Uploads a PDF to the case through the api (it goes to the bucket); returns the document's id. */
async function upload(caseId: string, text: string): Promise<string> {
  return uploadPdf(stack.baseUrl, (await client(ZC)).token as string, caseId, text);
}

/** Closes the case far beyond any retention period. */
async function closeLongAgo(caseId: string): Promise<void> {
  await ds.query(`UPDATE case_summary SET closed_at = now() - interval '30 years', updated_at = now() - interval '30 years' WHERE id = $1`, [caseId]);
}

/** A port nothing listens on (taken from the OS, then released): a bucket that does not answer. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  s3 = testS3Client();
  await createTestBucket(s3, BUCKET);
  ds = stack.app.get(DataSource);
  const swv = await ds.getRepository(SwvEntity).save({ name: `SWV Bewaar ${RUN}`, code: `BW ${RUN}` });
  school = await ds.getRepository(SchoolEntity).save({ swvId: swv.id, name: `Bewaarcollege ${RUN}`, brin: `B${RUN}`.slice(0, 10), region: 'midden' as const });
  pupil = await ds.getRepository(PupilEntity).save({ schoolId: school.id, firstName: 'Lotte', lastName: `Bewaar-${RUN}`, dateOfBirth: bornYearsAgo(14), className: '2C', mentorId: null });
  await ds.getRepository(UserEntity).save({ name: `Zorgcoördinator Bewaar ${RUN}`, email: ZC, role: Role.ZORGCOORDINATOR, schoolId: school.id, swvId: swv.id, pupilId: null });
  await ds.getRepository(UserEntity).save({ name: `Beheerder Bewaar ${RUN}`, email: ADMIN, role: Role.ADMIN, schoolId: null, swvId: null, pupilId: null });
}, 60_000);

afterAll(() => {
  s3?.destroy();
});

describe('retention purge with DOCUMENT_STORAGE=s3: the objects of a purged case leave the bucket', () => {
  it('an admin purge of a closed, expired case deletes its objects from the bucket and leaves the outbox empty', async () => {
    const caseId = `bewaar-s3-a-${RUN}`;
    await openCase(caseId);
    const docs = [await upload(caseId, 'verslag een'), await upload(caseId, 'verslag twee')];
    // A document kept in PostgreSQL (stored before a switch to S3): its bytes go with the row, nothing is queued.
    await new CaseDocumentRepository(ds).store({ docKey: `${caseId}:brief`, caseId, kind: 'BRIEF', fileName: 'brief.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 brief') });
    expect(await keys()).toEqual(expect.arrayContaining(docs.map((id) => `${PREFIX}${id}`)));
    await closeLongAgo(caseId);

    const admin = await client(ADMIN);
    const { purgeExpiredCases: r } = await admin.ok<{ purgeExpiredCases: { purgedCaseIds: string[]; failed: number } }>(PURGE, {
      i: { reason: 'Bewaartermijn verstreken', schoolId: school.id },
    });
    expect(r.purgedCaseIds).toEqual([caseId]);
    expect(r.failed).toBe(0);
    expect(await ds.query('SELECT 1 FROM case_document WHERE case_id = $1', [caseId])).toEqual([]);
    const [purge]: { counts: Record<string, number> }[] = await ds.query('SELECT counts FROM retention_purge WHERE case_id = $1', [caseId]);
    expect(purge.counts).toEqual(expect.objectContaining({ documents: 3, bucketObjects: 2 }));

    // Right after the purge the api deletes the objects (in the background) and then the outbox rows.
    await eventually(async () => (await outboxOf(caseId)).length === 0, 30_000, 'the outbox drained');
    expect(await keys()).not.toEqual(expect.arrayContaining([`${PREFIX}${docs[0]}`]));
    for (const id of docs) {
      await expect(s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}${id}` }))).rejects.toMatchObject({ name: 'NotFound' });
    }
  });

  it('when the bucket fails the outbox row stays, and a later round deletes the object', async () => {
    const caseId = `bewaar-s3-b-${RUN}`;
    await openCase(caseId);
    const id = await upload(caseId, 'verslag drie');
    const key = `${PREFIX}${id}`;
    await closeLongAgo(caseId);

    // The daily run (as the worker runs it: no bucket client, so nothing is deleted from the bucket yet).
    const result = await new RetentionPurger(ds).run({ workflowState: async () => 'NOT_FOUND' }, { trigger: 'SCHEDULE', actorId: null, reason: null, schoolId: school.id });
    expect(result.purged).toEqual([caseId]);
    expect(await outboxOf(caseId)).toEqual([key]);
    expect(await keys()).toContain(key);

    // A round while the bucket does not answer: the delete fails, the row stays, the object too.
    const port = await closedPort();
    const down = new DocumentStore({ documents: documentStorageConfigFromEnv({ ...s3TestStorageEnv(BUCKET, PREFIX), S3_ENDPOINT: `http://127.0.0.1:${port}` }) } as AppConfig);
    const failed = await new DocumentObjectPurgeService(ds, down).drain();
    expect(failed.failed).toBeGreaterThanOrEqual(1);
    expect(await outboxOf(caseId)).toEqual([key]);
    expect(await keys()).toContain(key);

    // The next round of the api (the bucket answers again) deletes the object, then the row.
    const next = await stack.app.get(DocumentObjectPurgeService).drain();
    expect(next.removed).toBeGreaterThanOrEqual(1);
    expect(await outboxOf(caseId)).toEqual([]);
    expect(await keys()).not.toContain(key);
    await expect(s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))).rejects.toMatchObject({ name: 'NotFound' });

    // A key queued twice or whose object is already gone is no error (S3 deletes are idempotent).
    await ds.query('INSERT INTO document_object_purge (storage_key, case_id, purged_at) VALUES ($1, $2, now())', [key, caseId]);
    expect((await stack.app.get(DocumentObjectPurgeService).drain()).failed).toBe(0);
    expect(await outboxOf(caseId)).toEqual([]);
  });
});
