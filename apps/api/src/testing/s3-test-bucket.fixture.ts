import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';

/**
 * The S3-compatible test server `npm test` starts (infra/s3-test-server: gofakes3, in memory, path-style, any access
 * key), for the specs of the S3 document storage. Each spec creates its own bucket: a bucket nobody created does not
 * exist there, like on real S3.
 */
export const S3_TEST_CREDENTIALS = { accessKeyId: 'zorgroute-test', secretAccessKey: 'zorgroute-test-secret' } as const;
export const S3_TEST_REGION = 'eu-central-1';

/** S3_TEST_ENDPOINT, set by `npm test` (infra/scripts/test.mjs); a clear error when a spec runs without it. */
export function s3TestEndpoint(): string {
  const endpoint = process.env.S3_TEST_ENDPOINT;
  if (!endpoint) throw new Error('S3_TEST_ENDPOINT is not set: run the S3 storage specs through `npm test -- <spec>`, which starts the S3 test server');
  return endpoint;
}

/** The environment that makes the api store documents in `bucket` on the test server (DOCUMENT_STORAGE=s3). */
export function s3TestStorageEnv(bucket: string, prefix = 'case-documents/'): NodeJS.ProcessEnv {
  return {
    DOCUMENT_STORAGE: 's3',
    S3_ENDPOINT: s3TestEndpoint(),
    S3_REGION: S3_TEST_REGION,
    S3_BUCKET: bucket,
    S3_PREFIX: prefix,
    S3_FORCE_PATH_STYLE: 'true',
    S3_ACCESS_KEY_ID: S3_TEST_CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: S3_TEST_CREDENTIALS.secretAccessKey,
  };
}

/** A client of the test server, for what a spec checks behind the api's back (the objects in the bucket). */
export function testS3Client(): S3Client {
  return new S3Client({ region: S3_TEST_REGION, endpoint: s3TestEndpoint(), forcePathStyle: true, credentials: { ...S3_TEST_CREDENTIALS } });
}

/** Creates `bucket` on the test server (the server is new per `npm test` run, so the name only needs to be unique within it). */
export async function createTestBucket(s3: S3Client, bucket: string): Promise<void> {
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
}
