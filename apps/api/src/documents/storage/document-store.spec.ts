/**
 * How DocumentStore.read answers what the S3 client throws (issue 16), with the client stubbed: an object gone from
 * the bucket (`NoSuchKey`) is NOT_FOUND "Dit document is niet meer beschikbaar"; a transient or configuration failure —
 * a 5xx, the network, a missing bucket, refused access — stays UNAVAILABLE. The real S3-compatible server:
 * s3-document-store.int-spec.ts and apps/api/test/case-documents-s3.int-spec.ts.
 */
import { Logger } from '@nestjs/common';
import { NoSuchBucket, NoSuchKey, S3ServiceException } from '@aws-sdk/client-s3';
import type { AppConfig } from '../../config/app.config';
import { documentStorageConfigFromEnv } from '../document-storage.config';
import { DocumentStore, isDocumentObjectMissing } from './document-store';

const ENV = { DOCUMENT_STORAGE: 's3', S3_BUCKET: 'zr-unit', S3_REGION: 'eu-central-1', S3_ENDPOINT: 'http://127.0.0.1:1', S3_FORCE_PATH_STYLE: 'true' };
const S3_ROW = { storage: 'S3' as const, storageKey: 'case-documents/doc-1', content: null };

/** A store whose S3 client's `send` rejects with `err`. */
function storeFailingWith(err: unknown): DocumentStore {
  const store = new DocumentStore({ documents: documentStorageConfigFromEnv(ENV) } as AppConfig);
  (store as unknown as { s3: { send: jest.Mock } }).s3 = { send: jest.fn().mockRejectedValue(err) };
  return store;
}

const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });

describe('DocumentStore.read when the bucket does not give the bytes', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('a missing object (NoSuchKey, 404) is NOT_FOUND "niet meer beschikbaar", not UNAVAILABLE', async () => {
    const error = await storeFailingWith(new NoSuchKey({ message: 'The specified key does not exist.', ...meta(404) }))
      .read(S3_ROW)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ message: 'Dit document is niet meer beschikbaar', extensions: { code: 'NOT_FOUND', messageEn: 'This document is no longer available' } });
    expect(isDocumentObjectMissing(error)).toBe(true);
  });

  it.each([
    ['a 5xx of the store', new S3ServiceException({ name: 'InternalError', $fault: 'server', message: 'We encountered an internal error.', ...meta(500) })],
    ['a 503 SlowDown', new S3ServiceException({ name: 'SlowDown', $fault: 'server', message: 'Please reduce your request rate.', ...meta(503) })],
    ['the network', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })],
    ['a missing bucket (also a 404)', new NoSuchBucket({ message: 'The specified bucket does not exist', ...meta(404) })],
    ['refused access', new S3ServiceException({ name: 'AccessDenied', $fault: 'client', message: 'Access Denied', ...meta(403) })],
  ])('%s stays UNAVAILABLE (try again later) and is logged by name and code', async (_what, err) => {
    const error = await storeFailingWith(err)
      .read(S3_ROW)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ message: 'De documentopslag is nu niet bereikbaar; probeer het later opnieuw', extensions: { code: 'UNAVAILABLE' } });
    expect(isDocumentObjectMissing(error)).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('document storage read failed'));
  });
});
