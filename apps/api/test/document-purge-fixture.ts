/**
 * What the specs of the retention purge with DOCUMENT_STORAGE=s3 look at (retention-s3-objects.int-spec.ts,
 * retention-s3-schedule.int-spec.ts): the objects in the suite's bucket, the purge outbox rows of a case, and an
 * upload through the api that puts a document into the bucket.
 */
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { DataSource } from 'typeorm';

/** The keys in `bucket` under `prefix`, sorted. */
export async function bucketKeys(s3: S3Client, bucket: string, prefix: string): Promise<string[]> {
  return ((await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }))).Contents ?? []).map((o) => o.Key as string).sort();
}

/** The storage keys of case `caseId` still queued in the outbox `document_object_purge`, sorted. */
export async function outboxKeysOf(ds: DataSource, caseId: string): Promise<string[]> {
  return ((await ds.query('SELECT storage_key FROM document_object_purge WHERE case_id = $1 ORDER BY storage_key', [caseId])) as { storage_key: string }[]).map((r) => r.storage_key);
}

/** Uploads a small PDF (kind VERSLAG) to the case through the api as the bearer of `token`; returns the document's id. */
export async function uploadPdf(baseUrl: string, token: string, caseId: string, text: string): Promise<string> {
  const form = new FormData();
  form.append('kind', 'VERSLAG');
  form.append('audiences', '');
  form.append('file', new Blob([Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`)], { type: 'application/pdf' }), 'verslag.pdf');
  const res = await fetch(`${baseUrl}/documents/cases/${encodeURIComponent(caseId)}`, {
    method: 'POST',
    headers: { 'x-zorgroute-upload': '1', authorization: `Bearer ${token}` },
    body: form,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
