import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditEntryEntity } from '../entities/audit-entry.entity';
import { stableStringify } from './stable-stringify';

export interface AuditEntryInput {
  /** Idempotency key: recording the same event again (an activity retry) stores it once. */
  eventKey: string;
  caseId: string | null;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  description: string;
  details?: Record<string, unknown>;
  reason?: string | null;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** Id of the first entry whose hash does not match its content or predecessor. */
  brokenAt: string | null;
  /** Entries whose payload was purged (retention): verified by their digest and place in the chain. */
  purged?: number;
}

/** The hash version every new entry is written with (see `auditHashV2`). */
export const AUDIT_HASH_VERSION = 2;

/** What a purged entry's payload is replaced by (the digest of the original payload stays). */
export const AUDIT_TOMBSTONE_DESCRIPTION = '[verwijderd: bewaartermijn verstreken]';

/** The action of the one entry the retention purge writes per purged case. */
export const RETENTION_PURGED_ACTION = 'RETENTION_PURGED';

type AuditPayload = Pick<AuditEntryInput, 'actorName' | 'description'> & { details: Record<string, unknown>; reason: string | null };

/** Version 2: sha256 of the canonical JSON of the personal payload of an entry. */
export function auditPayloadDigest(e: AuditPayload): string {
  return createHash('sha256').update(stableStringify({ actorName: e.actorName, description: e.description, details: e.details, reason: e.reason })).digest('hex');
}

/**
 * Version 2 hash: sha256 over the previous hash and the canonical JSON of the identifying fields plus the payload's
 * digest. The payload itself is not hashed, so purging it (retention) leaves every hash of the chain valid; while the
 * payload is present, verification recomputes its digest, so changing it is still detected.
 */
export function auditHashV2(prevHash: string | null, e: Pick<AuditEntryInput, 'eventKey' | 'caseId' | 'at' | 'actorId' | 'action'> & { payloadDigest: string }): string {
  const content = stableStringify({
    v: 2,
    eventKey: e.eventKey,
    caseId: e.caseId,
    at: new Date(e.at).toISOString(),
    actorId: e.actorId,
    action: e.action,
    payloadDigest: e.payloadDigest,
  });
  return createHash('sha256').update(`${prevHash ?? ''}\n${content}`).digest('hex');
}

/** Version 1 hash (entries written before the retention migration): sha256 over the previous hash and the canonical JSON of the entry's content. */
export function auditHash(prevHash: string | null, e: Omit<AuditEntryInput, 'details' | 'reason'> & { details: Record<string, unknown>; reason: string | null }): string {
  const content = stableStringify({
    eventKey: e.eventKey,
    caseId: e.caseId,
    at: new Date(e.at).toISOString(),
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    description: e.description,
    details: e.details,
    reason: e.reason,
  });
  return createHash('sha256').update(`${prevHash ?? ''}\n${content}`).digest('hex');
}

/**
 * The append-only, hash-chained audit trail. One global chain: each entry carries the hash of the
 * entry before it, so changing or removing any entry breaks every hash after it. Appends are
 * serialised with a transaction-scoped advisory lock.
 */
export class AuditTrailRepository {
  private static readonly LOCK_KEY = 727_001;

  constructor(private readonly dataSource: DataSource) {}

  /** Appends the entry (once per eventKey). Pass a manager to join the caller's transaction. */
  async append(input: AuditEntryInput, manager?: EntityManager): Promise<void> {
    const work = async (m: EntityManager) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [AuditTrailRepository.LOCK_KEY]);
      const exists: unknown[] = await m.query('SELECT 1 FROM audit_entry WHERE event_key = $1', [input.eventKey]);
      if (exists.length) return;
      const last: { hash: string }[] = await m.query('SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1');
      const prevHash = last[0]?.hash ?? null;
      const entry = { ...input, details: input.details ?? {}, reason: input.reason ?? null };
      // The stored jsonb is what verification reads back: digest the JSON round trip, not the in-memory object.
      const payloadDigest = auditPayloadDigest({ ...entry, details: JSON.parse(JSON.stringify(entry.details)) as Record<string, unknown> });
      const hash = auditHashV2(prevHash, { ...entry, payloadDigest });
      await m.query(
        `INSERT INTO audit_entry (event_key, case_id, at, actor_id, actor_name, action, description, details, reason, prev_hash, hash, hash_version, payload_digest)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
        [entry.eventKey, entry.caseId, entry.at, entry.actorId, entry.actorName, entry.action, entry.description,
          JSON.stringify(entry.details), entry.reason, prevHash, hash, AUDIT_HASH_VERSION, payloadDigest],
      );
    };
    if (manager?.queryRunner?.isTransactionActive) await work(manager);
    else await this.dataSource.transaction(work);
  }

  forCase(caseId: string): Promise<AuditEntryEntity[]> {
    return this.dataSource.getRepository(AuditEntryEntity).find({ where: { caseId }, order: { id: 'ASC' } });
  }

  /**
   * Recomputes the whole chain and reports the first entry that does not match. Rules (docs/security.md):
   * - every entry's `prevHash` must be its predecessor's `hash`;
   * - version 1, not purged: `hash` = `auditHash` over the raw content;
   * - version 2, not purged: the payload's digest must equal `payloadDigest`, and `hash` = `auditHashV2`;
   * - version 2, purged: the payload must be the tombstone, `hash` = `auditHashV2` over the stored digest, and the
   *   `RETENTION_PURGED` entry of its purge must list its id;
   * - version 1, purged (an entry from before the migration, purged later): its content cannot be recomputed; it is
   *   accepted on its place in the chain (its `hash` is covered by its successor's hash), the tombstone and its id in
   *   the `RETENTION_PURGED` entry of its purge.
   */
  async verifyChain(): Promise<ChainVerification> {
    const rows = await this.dataSource.getRepository(AuditEntryEntity).find({ order: { id: 'ASC' } });
    // Every purged entry must be listed by the RETENTION_PURGED entry of its purge (which is itself hashed normally).
    const purgeRecorded = new Set(
      rows.filter((r) => r.action === RETENTION_PURGED_ACTION && Array.isArray(r.details?.purgedEntryIds)).flatMap((r) => (r.details.purgedEntryIds as unknown[]).map(String)),
    );
    let prev: string | null = null;
    let purged = 0;
    for (const r of rows) {
      const payload = { actorName: r.actorName, description: r.description, details: r.details, reason: r.reason };
      let ok = r.prevHash === prev;
      if (ok && r.purgedAt) {
        purged += 1;
        const tombstone = r.actorName === null && r.description === AUDIT_TOMBSTONE_DESCRIPTION && r.reason === null && Object.keys(r.details ?? {}).length === 0;
        ok = tombstone && purgeRecorded.has(r.id);
        if (ok && r.hashVersion === 2) ok = !!r.payloadDigest && r.hash === auditHashV2(prev, { ...r, at: r.at.toISOString(), payloadDigest: r.payloadDigest });
      } else if (ok && r.hashVersion === 2) {
        const digest = auditPayloadDigest(payload);
        ok = digest === r.payloadDigest && r.hash === auditHashV2(prev, { ...r, at: r.at.toISOString(), payloadDigest: digest });
      } else if (ok) {
        ok = r.hash === auditHash(prev, { eventKey: r.eventKey, caseId: r.caseId, at: r.at.toISOString(), actorId: r.actorId, action: r.action, ...payload });
      }
      if (!ok) return { ok: false, checked: rows.length, brokenAt: r.id, purged };
      prev = r.hash;
    }
    return { ok: true, checked: rows.length, brokenAt: null, purged };
  }
}
