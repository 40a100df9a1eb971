import { Inject, Injectable, Logger, Optional, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DocumentObjectPurgeRepository } from '@zorgroute/domain';
import { DocumentStore, sdkErrorFields, sdkErrorSummary, type SdkErrorFields } from './storage/document-store';

/** An outbox other than the database's (unit specs); not provided in the app. */
export const DOCUMENT_OBJECT_PURGE_OUTBOX = 'DOCUMENT_OBJECT_PURGE_OUTBOX';
/** Keys read per page of a round. */
const PAGE = 200;

export interface DrainResult {
  /** Objects deleted (or already gone) whose outbox row was removed. */
  removed: number;
  /** Keys whose delete failed: their rows stay for the next round. */
  failed: number;
}

/** One kind of failure of a round, in the warning's structured fields: where it failed and what the error was. */
export interface DrainFailure extends SdkErrorFields {
  /** `delete`: the object's delete in the bucket; `outbox`: reading or removing the outbox rows (the database). */
  stage: 'delete' | 'outbox';
}

/**
 * Deletes the bucket objects of purged cases (issue 16; docs/operations.md "Document storage"). The retention purge —
 * the admin's `purgeExpiredCases` here or the worker's daily run — queues the key of every S3-stored document of a
 * purged case in `document_object_purge`, in the transaction that deletes the rows; this service, which has the S3
 * client, deletes each object and then its row. A failed delete leaves the row for the next round (every
 * DOCUMENT_PURGE_DRAIN_INTERVAL_MS, default 10 minutes, the first round one interval after start; and right after an
 * admin purge) and is logged as one warning per round with structured fields (`event: document_purge_drain_failed`,
 * the counts, and per kind of failure its stage, error name, code, HTTP status — or, for an error with neither code
 * nor status, its redacted message; never a key or personal data).
 * S3 deletes are idempotent, so a round that overlaps another api instance's, or a crash between delete and row, costs
 * nothing. With DOCUMENT_STORAGE=postgres it does nothing: the bytes went with the rows.
 */
@Injectable()
export class DocumentObjectPurgeService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('DocumentObjectPurge');
  private readonly outbox: Pick<DocumentObjectPurgeRepository, 'pending' | 'done'>;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<DrainResult> | null = null;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(DocumentStore) private readonly store: DocumentStore,
    @Optional() @Inject(DOCUMENT_OBJECT_PURGE_OUTBOX) outbox?: Pick<DocumentObjectPurgeRepository, 'pending' | 'done'>,
  ) {
    this.outbox = outbox ?? new DocumentObjectPurgeRepository(dataSource);
  }

  onModuleInit(): void {
    if (!this.store.usesObjectStorage) return;
    this.timer = setInterval(() => void this.drain(), this.store.purgeDrainIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /**
   * One round over the outbox: deletes every queued object and its row. Never throws (a failure is logged and its
   * row stays); a call while a round runs joins that round.
   */
  drain(): Promise<DrainResult> {
    if (!this.store.usesObjectStorage) return Promise.resolve({ removed: 0, failed: 0 });
    this.running ??= this.round().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async round(): Promise<DrainResult> {
    const result: DrainResult = { removed: 0, failed: 0 };
    const errors = new Map<string, DrainFailure>();
    const note = (stage: DrainFailure['stage'], err: unknown) => {
      const failure: DrainFailure = { stage, ...sdkErrorFields(err) };
      errors.set(`${stage}: ${sdkErrorSummary(err)}`, failure);
    };
    try {
      let after: string | null = null;
      for (;;) {
        const page = await this.outbox.pending(PAGE, after);
        for (const item of page) {
          let stage: DrainFailure['stage'] = 'delete';
          try {
            await this.store.removeKey(item.storageKey);
            stage = 'outbox';
            await this.outbox.done(item.storageKey);
            result.removed++;
          } catch (err) {
            result.failed++;
            note(stage, err);
          }
        }
        if (page.length < PAGE) break;
        after = page[page.length - 1].storageKey;
      }
    } catch (err) {
      // The outbox itself could not be read (the database): the next round tries again.
      note('outbox', err);
      result.failed++;
    }
    if (result.failed) {
      this.logger.warn(`bucket objects of purged cases: ${result.removed} deleted, ${result.failed} kept for the next round (${[...errors.keys()].join('; ')})`, {
        event: 'document_purge_drain_failed',
        removed: result.removed,
        failed: result.failed,
        errors: [...errors.values()],
      });
    } else if (result.removed) {
      this.logger.log(`bucket objects of purged cases: ${result.removed} deleted`);
    }
    return result;
  }
}
