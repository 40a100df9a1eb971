/** Where uploaded case documents keep their bytes (DOCUMENT_STORAGE): in PostgreSQL (default) or S3-compatible storage. */
export type DocumentStorageConfig =
  | { kind: 'postgres'; maxBytes: number }
  | {
      kind: 's3';
      maxBytes: number;
      /** S3_ENDPOINT, e.g. https://s3.eu-central-1.amazonaws.com or a MinIO URL; unset: the AWS default for the region. */
      endpoint: string | null;
      region: string;
      bucket: string;
      /** Key prefix inside the bucket (S3_PREFIX, default `case-documents/`). */
      prefix: string;
      /** Path-style URLs (S3_FORCE_PATH_STYLE=true), as MinIO and most self-hosted stores need. */
      forcePathStyle: boolean;
      /** S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY; unset: the SDK's default chain (instance role, environment). */
      credentials: { accessKeyId: string; secretAccessKey: string } | null;
      /**
       * How often the api deletes the bucket objects of purged cases from the outbox `document_object_purge`
       * (DOCUMENT_PURGE_DRAIN_INTERVAL_MS, default 10 minutes; DocumentObjectPurgeService). Short only in tests.
       */
      purgeDrainIntervalMs: number;
    };

/** The default upper limit of one uploaded document (DOCUMENT_MAX_BYTES): 10 MiB. */
export const DEFAULT_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
/** The default interval of the purge outbox drain (DOCUMENT_PURGE_DRAIN_INTERVAL_MS): 10 minutes. */
export const DEFAULT_DOCUMENT_PURGE_DRAIN_INTERVAL_MS = 10 * 60 * 1000;

/** Reads the document storage from the environment; throws on an incomplete S3 configuration (fail at start, not at the first upload). */
export function documentStorageConfigFromEnv(env: NodeJS.ProcessEnv): DocumentStorageConfig {
  const maxBytes = env.DOCUMENT_MAX_BYTES ? Number(env.DOCUMENT_MAX_BYTES) : DEFAULT_DOCUMENT_MAX_BYTES;
  if (!Number.isInteger(maxBytes) || maxBytes < 1) throw new Error('DOCUMENT_MAX_BYTES must be a positive whole number of bytes');
  const kind = (env.DOCUMENT_STORAGE ?? 'postgres').trim().toLowerCase();
  if (kind === 'postgres') return { kind: 'postgres', maxBytes };
  if (kind !== 's3') throw new Error('DOCUMENT_STORAGE must be "postgres" or "s3"');
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) throw new Error('DOCUMENT_STORAGE=s3 needs S3_BUCKET');
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim();
  if (!!accessKeyId !== !!secretAccessKey) throw new Error('Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither');
  const drain = env.DOCUMENT_PURGE_DRAIN_INTERVAL_MS?.trim();
  const purgeDrainIntervalMs = drain ? Number(drain) : DEFAULT_DOCUMENT_PURGE_DRAIN_INTERVAL_MS;
  // setInterval takes at most 2^31-1 ms (about 24.8 days); more would fire at once.
  if (!Number.isInteger(purgeDrainIntervalMs) || purgeDrainIntervalMs < 100 || purgeDrainIntervalMs > 2 ** 31 - 1) {
    throw new Error('DOCUMENT_PURGE_DRAIN_INTERVAL_MS must be a whole number of milliseconds from 100 to 2147483647');
  }
  return {
    kind: 's3',
    maxBytes,
    endpoint: env.S3_ENDPOINT?.trim() || null,
    region: env.S3_REGION?.trim() || 'eu-central-1',
    bucket,
    prefix: env.S3_PREFIX ?? 'case-documents/',
    forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : null,
    purgeDrainIntervalMs,
  };
}
