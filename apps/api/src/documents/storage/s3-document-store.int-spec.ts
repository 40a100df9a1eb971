/**
 * The S3 document storage (DOCUMENT_STORAGE=s3, issue 16) against a real S3-compatible server: the test server
 * `npm test` starts (infra/s3-test-server, S3_TEST_ENDPOINT), driven through `DocumentStore` with the AWS SDK client it
 * builds from the configuration. Bytes go in and come back byte-identical, under the configured prefix, with the
 * content type; removing deletes the object; a missing object gives the app's NOT_FOUND "no longer available"; a bucket
 * that does not exist and a store that does not answer give the app's clear UNAVAILABLE error, never the SDK's. The api-level path (upload, row, download) is in
 * apps/api/test/case-documents-s3.int-spec.ts.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { AppConfig } from '../../config/app.config';
import { createTestBucket, s3TestStorageEnv, testS3Client } from '../../testing/s3-test-bucket.fixture';
import { documentStorageConfigFromEnv } from '../document-storage.config';
import { DocumentStore, isDocumentObjectMissing } from './document-store';

const RUN = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
const BUCKET = `zr-store-${RUN}`;
const PREFIX = `store-spec/${RUN}/`;
const UNAVAILABLE = { extensions: { code: 'UNAVAILABLE', messageEn: 'The document storage is unavailable; try again later' } };

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function storeWith(env: NodeJS.ProcessEnv): DocumentStore {
  return new DocumentStore({ documents: documentStorageConfigFromEnv(env) } as AppConfig);
}

/** A port nothing listens on (taken from the OS, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let s3: S3Client;
let store: DocumentStore;

beforeAll(async () => {
  s3 = testS3Client();
  await createTestBucket(s3, BUCKET);
  store = storeWith(s3TestStorageEnv(BUCKET, PREFIX));
});

afterAll(() => {
  s3?.destroy();
});

async function objectBytes(key: string): Promise<Buffer> {
  const out = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return Buffer.from(await (out.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
}

async function keysUnderPrefix(): Promise<string[]> {
  const out = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: PREFIX }));
  return (out.Contents ?? []).map((o) => o.Key as string).sort();
}

describe('DocumentStore with DOCUMENT_STORAGE=s3', () => {
  it('puts the bytes under the prefix with their content type and reads them back byte-identical', async () => {
    // Every byte value and more than one 64 KiB chunk, so no text decoding or chunking can go unnoticed.
    const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(200 * 1024)]);
    const id = randomUUID();
    const stored = await store.put(id, bytes, 'application/pdf');
    expect(stored).toEqual({ storage: 'S3', storageKey: `${PREFIX}${id}`, content: null });

    // In the bucket as sent: the same length, digest and type (checked behind the store's back).
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}${id}` }));
    expect(head.ContentLength).toBe(bytes.length);
    expect(head.ContentType).toBe('application/pdf');
    expect(sha256(await objectBytes(`${PREFIX}${id}`))).toBe(sha256(bytes));

    // Read back through the store as a download does (from the row's storage and key).
    const read = await store.read({ storage: 'S3', storageKey: stored.storageKey, content: null });
    expect(read.length).toBe(bytes.length);
    expect(Buffer.compare(read, bytes)).toBe(0);
  });

  it('keeps documents apart: each id its own object, an empty-looking PNG as well as a PDF', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const [a, b] = [randomUUID(), randomUUID()];
    const sa = await store.put(a, png, 'image/png');
    const sb = await store.put(b, pdf, 'application/pdf');
    expect(Buffer.compare(await store.read({ storage: 'S3', storageKey: sa.storageKey, content: null }), png)).toBe(0);
    expect(Buffer.compare(await store.read({ storage: 'S3', storageKey: sb.storageKey, content: null }), pdf)).toBe(0);
    expect((await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}${a}` }))).ContentType).toBe('image/png');
    expect(await keysUnderPrefix()).toEqual(expect.arrayContaining([`${PREFIX}${a}`, `${PREFIX}${b}`]));
  });

  it('remove deletes the object (what a refused upload and a discarded step upload do); removing twice is no error', async () => {
    const id = randomUUID();
    const stored = await store.put(id, Buffer.from('%PDF-1.4\nweg\n'), 'application/pdf');
    expect(await keysUnderPrefix()).toContain(`${PREFIX}${id}`);
    await store.remove(stored);
    expect(await keysUnderPrefix()).not.toContain(`${PREFIX}${id}`);
    await expect(s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}${id}` }))).rejects.toMatchObject({ name: 'NotFound' });
    await expect(store.remove(stored)).resolves.toBeUndefined();
    // A row kept in PostgreSQL has no object to remove.
    await expect(store.remove({ storage: 'POSTGRES', storageKey: null, content: Buffer.from('x') })).resolves.toBeUndefined();
  });

  it('a missing object gives the app’s NOT_FOUND "no longer available", not UNAVAILABLE and not the SDK’s error', async () => {
    const id = randomUUID();
    const stored = await store.put(id, Buffer.from('%PDF-1.4\nstraks weg\n'), 'application/pdf');
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: stored.storageKey as string }));
    const error = await store.read({ storage: 'S3', storageKey: stored.storageKey, content: null }).catch((e: unknown) => e);
    expect(error).toMatchObject({ extensions: { code: 'NOT_FOUND', messageEn: 'This document is no longer available', details: { reason: 'DOCUMENT_OBJECT_MISSING' } } });
    expect((error as Error).message).toBe('Dit document is niet meer beschikbaar');
    expect(isDocumentObjectMissing(error)).toBe(true);
    // An S3 row without a key (never written by the store) is a fault of ours, not a missing object: UNAVAILABLE.
    await expect(store.read({ storage: 'S3', storageKey: null, content: null })).rejects.toMatchObject(UNAVAILABLE);
  });

  it('a bucket that does not exist fails clearly on put and on read, and stores nothing elsewhere', async () => {
    const missing = storeWith(s3TestStorageEnv(`zr-missing-${RUN}`, PREFIX));
    const before = await keysUnderPrefix();
    await expect(missing.put(randomUUID(), Buffer.from('%PDF-1.4\n'), 'application/pdf')).rejects.toMatchObject(UNAVAILABLE);
    await expect(missing.read({ storage: 'S3', storageKey: `${PREFIX}${randomUUID()}`, content: null })).rejects.toMatchObject(UNAVAILABLE);
    expect(await keysUnderPrefix()).toEqual(before);
  });

  it('a store that does not answer fails clearly (no hang, no SDK error)', async () => {
    const port = await closedPort();
    const down = storeWith({ ...s3TestStorageEnv(BUCKET, PREFIX), S3_ENDPOINT: `http://127.0.0.1:${port}` });
    await expect(down.put(randomUUID(), Buffer.from('%PDF-1.4\n'), 'application/pdf')).rejects.toMatchObject(UNAVAILABLE);
    await expect(down.read({ storage: 'S3', storageKey: `${PREFIX}${randomUUID()}`, content: null })).rejects.toMatchObject(UNAVAILABLE);
  });

  it('reads follow the row: a document kept in PostgreSQL before the switch stays readable; an S3 row needs the S3 configuration', async () => {
    const old = Buffer.from('%PDF-1.4\nvan voor de overstap\n');
    expect(Buffer.compare(await store.read({ storage: 'POSTGRES', storageKey: null, content: old }), old)).toBe(0);

    const id = randomUUID();
    const stored = await store.put(id, Buffer.from('%PDF-1.4\nin de bucket\n'), 'application/pdf');
    const postgresOnly = storeWith({});
    await expect(postgresOnly.read({ storage: 'S3', storageKey: stored.storageKey, content: null })).rejects.toMatchObject(UNAVAILABLE);
    // With the PostgreSQL configuration new bytes stay in the row and nothing goes to the bucket.
    const before = await keysUnderPrefix();
    await expect(postgresOnly.put(randomUUID(), old, 'application/pdf')).resolves.toEqual({ storage: 'POSTGRES', storageKey: null, content: old });
    expect(await keysUnderPrefix()).toEqual(before);
  });
});
