import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { redactMessage, type CaseDocumentEntity } from '@zorgroute/domain';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { AppError } from '../../common/app-error';
import { DEFAULT_DOCUMENT_PURGE_DRAIN_INTERVAL_MS, type DocumentStorageConfig } from '../document-storage.config';

/** Where a document's bytes went: in the row (`content`, PostgreSQL) or in object storage under `storageKey`. */
export interface StoredBytes {
  storage: 'POSTGRES' | 'S3';
  storageKey: string | null;
  content: Buffer | null;
}

type S3Config = Extract<DocumentStorageConfig, { kind: 's3' }>;

/**
 * The one gateway for the bytes of uploaded case documents (docs/operations.md, "Document storage"): with
 * DOCUMENT_STORAGE=postgres (default) they stay in `case_document.content`; with DOCUMENT_STORAGE=s3 they go to an
 * S3-compatible bucket and the row keeps the key. New uploads follow the configuration; a read follows the row, so
 * documents stored before a switch stay readable (reading an S3 row needs the S3 configuration).
 */
@Injectable()
export class DocumentStore {
  private readonly config: DocumentStorageConfig;
  private s3: S3Client | null = null;
  private readonly logger = new Logger('DocumentStore');

  constructor(@Inject(APP_CONFIG) appConfig: AppConfig) {
    this.config = appConfig.documents;
  }

  get maxBytes(): number {
    return this.config.maxBytes;
  }

  /** Stores the bytes of document `id` of case `caseId` (content-addressed by nothing: the id is new per upload). */
  async put(id: string, bytes: Buffer, contentType: string): Promise<StoredBytes> {
    if (this.config.kind === 'postgres') return { storage: 'POSTGRES', storageKey: null, content: bytes };
    const key = `${this.config.prefix}${id}`;
    await this.client(this.config)
      .send(new PutObjectCommand({ Bucket: this.config.bucket, Key: key, Body: bytes, ContentType: contentType, ContentLength: bytes.length }))
      .catch((err: unknown) => {
        throw this.unavailable('put', err);
      });
    return { storage: 'S3', storageKey: key, content: null };
  }

  /**
   * The bytes of a stored document. An object gone from the bucket (S3 `NoSuchKey`) is `documentObjectMissing()`
   * (NOT_FOUND: the row is there, its bytes are not; the caller logs which document); anything else that fails — the
   * network, a 5xx, a missing bucket, refused access — is UNAVAILABLE.
   */
  async read(doc: Pick<CaseDocumentEntity, 'storage' | 'storageKey' | 'content'>): Promise<Buffer> {
    if (doc.storage !== 'S3') return doc.content ?? Buffer.alloc(0);
    if (this.config.kind !== 's3' || !doc.storageKey) throw unavailable();
    const out = await this.client(this.config)
      .send(new GetObjectCommand({ Bucket: this.config.bucket, Key: doc.storageKey }))
      .catch((err: unknown) => {
        throw isNoSuchKey(err) ? documentObjectMissing() : this.unavailable('read', err);
      });
    if (!out.Body) throw unavailable();
    return Buffer.from(await out.Body.transformToByteArray());
  }

  /** Removes bytes stored by `put` whose row could not be written (nothing stays stored for a refused upload). */
  async remove(stored: StoredBytes): Promise<void> {
    if (stored.storage !== 'S3' || !stored.storageKey || this.config.kind !== 's3') return;
    await this.client(this.config).send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: stored.storageKey }));
  }

  /** Whether documents go to the bucket (DOCUMENT_STORAGE=s3): only then are there objects to delete after a purge. */
  get usesObjectStorage(): boolean {
    return this.config.kind === 's3';
  }

  /** How often the outbox of purged objects is drained (DOCUMENT_PURGE_DRAIN_INTERVAL_MS; only used with s3). */
  get purgeDrainIntervalMs(): number {
    return this.config.kind === 's3' ? this.config.purgeDrainIntervalMs : DEFAULT_DOCUMENT_PURGE_DRAIN_INTERVAL_MS;
  }

  /**
   * Deletes the object `key` from the bucket (the retention purge's outbox, DocumentObjectPurgeService). Idempotent: a
   * key without an object is no error (S3 answers a delete of a missing key with success). Throws the SDK's error
   * (its name and code say what failed) or, without the S3 configuration, a plain Error.
   */
  async removeKey(key: string): Promise<void> {
    if (this.config.kind !== 's3') throw new Error('DOCUMENT_STORAGE is not s3: no bucket to delete from');
    await this.client(this.config).send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: key }));
  }

  /** The UNAVAILABLE answer, after logging what the SDK said: its error name and code only (no key, no personal data). */
  private unavailable(operation: 'put' | 'read', err: unknown): AppError {
    this.logger.warn(`document storage ${operation} failed: ${sdkErrorSummary(err)}`);
    return unavailable();
  }

  private client(config: S3Config): S3Client {
    this.s3 ??= new S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      forcePathStyle: config.forcePathStyle,
      ...(config.credentials ? { credentials: config.credentials } : {}),
    });
    return this.s3;
  }
}

/** Why a NOT_FOUND is `documentObjectMissing()` (in `extensions.details.reason`), not an unknown or unreadable document. */
export const DOCUMENT_OBJECT_MISSING = 'DOCUMENT_OBJECT_MISSING';

/**
 * The answer for a document whose row exists but whose object is gone from the bucket (deleted by hand, a lifecycle
 * rule, a restore that missed it): not the storage being down, so not UNAVAILABLE — trying again will not help.
 */
export function documentObjectMissing(): AppError {
  return new AppError('NOT_FOUND', 'Dit document is niet meer beschikbaar', 'This document is no longer available', { reason: DOCUMENT_OBJECT_MISSING });
}

export function isDocumentObjectMissing(err: unknown): boolean {
  return err instanceof AppError && err.extensions.code === 'NOT_FOUND' && (err.extensions.details as { reason?: unknown } | undefined)?.reason === DOCUMENT_OBJECT_MISSING;
}

/**
 * S3's "no object under this key" (`NoSuchKey`, HTTP 404). A missing bucket (`NoSuchBucket`, also 404) is not: that
 * is the configuration, and stays UNAVAILABLE. (AWS answers a missing key with 403 AccessDenied instead when the api
 * may not list the bucket — docs/operations.md.)
 */
function isNoSuchKey(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { name?: unknown; Code?: unknown };
  return e.name === 'NoSuchKey' || e.Code === 'NoSuchKey';
}

function unavailable(): AppError {
  return new AppError('UNAVAILABLE', 'De documentopslag is nu niet bereikbaar; probeer het later opnieuw', 'The document storage is unavailable; try again later');
}

/** What an S3 SDK, network or database error was, as structured log fields (no key, no bucket, no personal data). */
export interface SdkErrorFields {
  name: string;
  /** `Code` of an S3 error answer, `code` of a network error (ECONNREFUSED) or a database error (SQLSTATE). */
  code?: string;
  httpStatus?: number;
  /** Only when there is neither code nor status (the name alone, often just "Error", says nothing): redacted. */
  message?: string;
}

/**
 * What an S3 SDK (or network, or database) error was, for logs: its name, its code (`Code` of an S3 error answer,
 * `code` of a network error such as ECONNREFUSED) and the HTTP status. The message only when there is neither code nor
 * status — a plain `Error` such as a dropped database connection — and then redacted (`redactMessage`: quoted values
 * and digit runs removed): an S3 error answer always has a status, so its message, which may quote the key or the
 * bucket, is never logged.
 */
export function sdkErrorFields(err: unknown): SdkErrorFields {
  if (!err || typeof err !== 'object') return { name: 'unknown error' };
  const e = err as { name?: unknown; message?: unknown; Code?: unknown; code?: unknown; $metadata?: { httpStatusCode?: unknown } };
  const safe = (v: unknown): string | null => (typeof v === 'string' && /^[A-Za-z0-9_.-]{1,80}$/.test(v) ? v : typeof v === 'number' ? String(v) : null);
  const fields: SdkErrorFields = { name: safe(e.name) ?? 'Error' };
  const code = safe(e.Code) ?? safe(e.code);
  if (code && code !== fields.name) fields.code = code;
  const status = e.$metadata?.httpStatusCode;
  if (typeof status === 'number' && Number.isInteger(status)) fields.httpStatus = status;
  if (!code && fields.httpStatus === undefined && typeof e.message === 'string' && e.message.trim()) fields.message = redactMessage(e.message.trim());
  return fields;
}

/** `sdkErrorFields` on one line: "NoSuchBucket, HTTP 404", "Error, code ECONNREFUSED", "Error: Connection terminated". */
export function sdkErrorSummary(err: unknown): string {
  const f = sdkErrorFields(err);
  const head = [f.name, f.code ? `code ${f.code}` : null, f.httpStatus !== undefined ? `HTTP ${f.httpStatus}` : null].filter(Boolean).join(', ');
  return f.message ? `${head}: ${f.message}` : head;
}
