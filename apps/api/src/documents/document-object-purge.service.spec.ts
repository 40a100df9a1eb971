/**
 * The drain of the purge outbox (DocumentObjectPurgeService) against an in-memory outbox and a mocked DocumentStore:
 * a deleted object loses its row, a failed delete keeps its row for the next round and is logged by error name, code
 * and status (the redacted message only for an error without code or status), in structured fields too, and with
 * DOCUMENT_STORAGE=postgres nothing happens. The real bucket and database: apps/api/test/retention-s3-objects.int-spec.ts.
 */
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { PendingObjectPurge } from '@zorgroute/domain';
import { DocumentObjectPurgeService } from './document-object-purge.service';
import type { DocumentStore } from './storage/document-store';

class MemoryOutbox {
  readonly rows = new Map<string, PendingObjectPurge>();
  constructor(keys: string[]) {
    for (const k of keys) this.rows.set(k, { storageKey: k, caseId: 'case-x', purgedAt: new Date(0) });
  }
  async pending(limit: number, afterKey: string | null = null): Promise<PendingObjectPurge[]> {
    return [...this.rows.values()].filter((r) => afterKey === null || r.storageKey > afterKey).sort((a, b) => (a.storageKey < b.storageKey ? -1 : 1)).slice(0, limit);
  }
  async done(key: string): Promise<void> {
    this.rows.delete(key);
  }
}

function storeMock(usesObjectStorage: boolean, removeKey: (key: string) => Promise<void>, purgeDrainIntervalMs = 10 * 60 * 1000): DocumentStore & { removeKey: jest.Mock } {
  return { usesObjectStorage, purgeDrainIntervalMs, removeKey: jest.fn(removeKey) } as unknown as DocumentStore & { removeKey: jest.Mock };
}

const noDb = {} as DataSource;

describe('DocumentObjectPurgeService.drain', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('deletes every queued object and then its row', async () => {
    const outbox = new MemoryOutbox(['case-documents/a', 'case-documents/b']);
    const store = storeMock(true, async () => undefined);
    const result = await new DocumentObjectPurgeService(noDb, store, outbox).drain();
    expect(result).toEqual({ removed: 2, failed: 0 });
    expect(store.removeKey.mock.calls.map((c) => c[0])).toEqual(['case-documents/a', 'case-documents/b']);
    expect(outbox.rows.size).toBe(0);
  });

  it('keeps the row of a failed delete for the next round, logs only the error name and code, and goes on with the rest', async () => {
    const outbox = new MemoryOutbox(['case-documents/a', 'case-documents/b', 'case-documents/c']);
    const failure = Object.assign(new Error('Access Denied for case-documents/b of pupil Sam Voorbeeld'), { name: 'AccessDenied', Code: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    const store = storeMock(true, async (key) => {
      if (key === 'case-documents/b') throw failure;
    });
    const service = new DocumentObjectPurgeService(noDb, store, outbox);
    expect(await service.drain()).toEqual({ removed: 2, failed: 1 });
    expect([...outbox.rows.keys()]).toEqual(['case-documents/b']);
    expect(warn).toHaveBeenCalledTimes(1);
    const line = String(warn.mock.calls[0][0]);
    expect(line).toContain('AccessDenied');
    expect(line).toContain('HTTP 403');
    expect(line).not.toMatch(/case-documents|Sam|Voorbeeld|pupil/);

    // The next round, with the bucket answering again, removes it.
    store.removeKey.mockImplementation(async () => undefined);
    expect(await service.drain()).toEqual({ removed: 1, failed: 0 });
    expect(outbox.rows.size).toBe(0);
  });

  it('a network error is logged by its code; a row whose delete succeeded but whose removal failed is tried again', async () => {
    const outbox = new MemoryOutbox(['case-documents/a']);
    const store = storeMock(true, async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    });
    const service = new DocumentObjectPurgeService(noDb, store, outbox);
    expect(await service.drain()).toEqual({ removed: 0, failed: 1 });
    expect(String(warn.mock.calls[0][0])).toContain('Error, code ECONNREFUSED');
    expect(String(warn.mock.calls[0][0])).not.toContain('127.0.0.1');
    expect(outbox.rows.size).toBe(1);

    store.removeKey.mockImplementation(async () => undefined);
    const done = jest.spyOn(outbox, 'done').mockRejectedValueOnce(new Error('connection terminated'));
    expect(await service.drain()).toEqual({ removed: 0, failed: 1 });
    expect(outbox.rows.size).toBe(1);
    done.mockRestore();
    expect(await service.drain()).toEqual({ removed: 1, failed: 0 });
    expect(store.removeKey).toHaveBeenCalledTimes(3);
  });

  it('an error with neither code nor status (a dropped database connection) is logged with its redacted message, not only "Error", in structured fields', async () => {
    const outbox = new MemoryOutbox(['case-documents/a']);
    const store = storeMock(true, async () => undefined);
    const service = new DocumentObjectPurgeService(noDb, store, outbox);
    jest.spyOn(outbox, 'pending').mockRejectedValueOnce(new Error('Connection terminated unexpectedly'));
    expect(await service.drain()).toEqual({ removed: 0, failed: 1 });
    expect(warn).toHaveBeenCalledTimes(1);
    const [line, fields] = warn.mock.calls[0] as [string, unknown];
    expect(line).toBe('bucket objects of purged cases: 0 deleted, 1 kept for the next round (outbox: Error: Connection terminated unexpectedly)');
    expect(fields).toEqual({ event: 'document_purge_drain_failed', removed: 0, failed: 1, errors: [{ stage: 'outbox', name: 'Error', message: 'Connection terminated unexpectedly' }] });

    // A delete that fails with a plain Error: its message, with quoted values and digit runs redacted.
    warn.mockClear();
    store.removeKey.mockRejectedValue(new Error('delete refused for "Sam Voorbeeld" born 20130412'));
    expect(await service.drain()).toEqual({ removed: 0, failed: 1 });
    const [line2, fields2] = warn.mock.calls[0] as [string, { errors: Array<Record<string, unknown>> }];
    expect(fields2.errors).toEqual([{ stage: 'delete', name: 'Error', message: 'delete refused for "…" born …' }]);
    expect(`${line2} ${JSON.stringify(fields2)}`).not.toMatch(/Sam|Voorbeeld|20130412|case-documents/);

    // An S3 answer keeps to name, code and status in the fields too (its message may quote the key).
    warn.mockClear();
    store.removeKey.mockRejectedValue(Object.assign(new Error('Access Denied for case-documents/a'), { name: 'AccessDenied', Code: 'AccessDenied', $metadata: { httpStatusCode: 403 } }));
    await service.drain();
    expect((warn.mock.calls[0] as [string, { errors: unknown }])[1].errors).toEqual([{ stage: 'delete', name: 'AccessDenied', httpStatus: 403 }]);
  });

  it('pages through more keys than one page, past keys that keep failing', async () => {
    const keys = Array.from({ length: 450 }, (_, i) => `case-documents/${String(i).padStart(4, '0')}`);
    const outbox = new MemoryOutbox(keys);
    const store = storeMock(true, async (key) => {
      if (key.endsWith('0')) throw Object.assign(new Error('x'), { name: 'InternalError' });
    });
    expect(await new DocumentObjectPurgeService(noDb, store, outbox).drain()).toEqual({ removed: 405, failed: 45 });
    expect(outbox.rows.size).toBe(45);
  });

  it('joins a round that is running instead of starting a second one', async () => {
    const outbox = new MemoryOutbox(['case-documents/a']);
    let release!: () => void;
    const store = storeMock(true, () => new Promise<void>((resolve) => (release = resolve)));
    const service = new DocumentObjectPurgeService(noDb, store, outbox);
    const first = service.drain();
    const second = service.drain();
    await new Promise((r) => setImmediate(r));
    release();
    expect(await first).toEqual({ removed: 1, failed: 0 });
    expect(await second).toEqual({ removed: 1, failed: 0 });
    expect(store.removeKey).toHaveBeenCalledTimes(1);
  });

  it('does nothing with DOCUMENT_STORAGE=postgres (no timer, no outbox read)', async () => {
    const outbox = new MemoryOutbox(['case-documents/a']);
    const pending = jest.spyOn(outbox, 'pending');
    const store = storeMock(false, async () => undefined);
    const service = new DocumentObjectPurgeService(noDb, store, outbox);
    const setIntervalSpy = jest.spyOn(global, 'setInterval');
    service.onModuleInit();
    expect(setIntervalSpy).not.toHaveBeenCalled();
    expect(await service.drain()).toEqual({ removed: 0, failed: 0 });
    expect(pending).not.toHaveBeenCalled();
    expect(store.removeKey).not.toHaveBeenCalled();
    await service.onModuleDestroy();
  });

  it('with DOCUMENT_STORAGE=s3 drains on an interval, stopped when the module is destroyed', async () => {
    jest.useFakeTimers();
    try {
      const outbox = new MemoryOutbox(['case-documents/a']);
      const store = storeMock(true, async () => undefined);
      const service = new DocumentObjectPurgeService(noDb, store, outbox);
      service.onModuleInit();
      expect(store.removeKey).not.toHaveBeenCalled();
      await jest.advanceTimersByTimeAsync(10 * 60 * 1000);
      expect(store.removeKey).toHaveBeenCalledTimes(1);
      await service.onModuleDestroy();
      outbox.rows.set('case-documents/b', { storageKey: 'case-documents/b', caseId: 'c', purgedAt: new Date(0) });
      await jest.advanceTimersByTimeAsync(30 * 60 * 1000);
      expect(store.removeKey).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('drains on the configured interval (DOCUMENT_PURGE_DRAIN_INTERVAL_MS)', async () => {
    jest.useFakeTimers();
    try {
      const outbox = new MemoryOutbox(['case-documents/a']);
      const store = storeMock(true, async () => undefined, 2_000);
      const service = new DocumentObjectPurgeService(noDb, store, outbox);
      service.onModuleInit();
      await jest.advanceTimersByTimeAsync(1_999);
      expect(store.removeKey).not.toHaveBeenCalled();
      await jest.advanceTimersByTimeAsync(1);
      expect(store.removeKey).toHaveBeenCalledTimes(1);
      await service.onModuleDestroy();
    } finally {
      jest.useRealTimers();
    }
  });
});
