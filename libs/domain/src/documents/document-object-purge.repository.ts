import type { DataSource } from 'typeorm';

/** One bucket object still to delete: its key, and the purged case it belonged to (for counting, never logged). */
export interface PendingObjectPurge {
  storageKey: string;
  caseId: string;
  purgedAt: Date;
}

/**
 * The outbox `document_object_purge` (docs/operations.md "Document storage"): the retention purge (RetentionPurger)
 * queues the bucket key of every S3-stored document of a purged case in its transaction; the api
 * (DocumentObjectPurgeService) deletes the object and then the row. Keys only, no personal data.
 */
export class DocumentObjectPurgeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Up to `limit` queued keys after `afterKey` (key order, so a round pages past the keys that failed). */
  async pending(limit: number, afterKey: string | null = null): Promise<PendingObjectPurge[]> {
    const rows: { storage_key: string; case_id: string; purged_at: Date }[] = await this.dataSource.query(
      `SELECT storage_key, case_id, purged_at FROM document_object_purge WHERE ($2::varchar IS NULL OR storage_key > $2) ORDER BY storage_key LIMIT $1`,
      [limit, afterKey],
    );
    return rows.map((r) => ({ storageKey: r.storage_key, caseId: r.case_id, purgedAt: new Date(r.purged_at) }));
  }

  /** Removes a key whose object is gone from the bucket. */
  async done(storageKey: string): Promise<void> {
    await this.dataSource.query('DELETE FROM document_object_purge WHERE storage_key = $1', [storageKey]);
  }

  /** How many keys are queued (what an operator checks: it should stay near 0). */
  async count(): Promise<number> {
    const [{ n }]: { n: number }[] = await this.dataSource.query('SELECT count(*)::int AS n FROM document_object_purge');
    return n;
  }
}
