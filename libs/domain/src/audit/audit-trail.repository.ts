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
}

/** Hash of an entry: sha256 over the previous hash and the canonical JSON of the entry's content. */
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
      const hash = auditHash(prevHash, entry);
      await m.query(
        `INSERT INTO audit_entry (event_key, case_id, at, actor_id, actor_name, action, description, details, reason, prev_hash, hash)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
        [entry.eventKey, entry.caseId, entry.at, entry.actorId, entry.actorName, entry.action, entry.description,
          JSON.stringify(entry.details), entry.reason, prevHash, hash],
      );
    };
    if (manager?.queryRunner?.isTransactionActive) await work(manager);
    else await this.dataSource.transaction(work);
  }

  forCase(caseId: string): Promise<AuditEntryEntity[]> {
    return this.dataSource.getRepository(AuditEntryEntity).find({ where: { caseId }, order: { id: 'ASC' } });
  }

  /** Recomputes the whole chain and reports the first entry that does not match. */
  async verifyChain(): Promise<ChainVerification> {
    const rows = await this.dataSource.getRepository(AuditEntryEntity).find({ order: { id: 'ASC' } });
    let prev: string | null = null;
    for (const r of rows) {
      const expected = auditHash(prev, {
        eventKey: r.eventKey, caseId: r.caseId, at: r.at.toISOString(), actorId: r.actorId, actorName: r.actorName,
        action: r.action, description: r.description, details: r.details, reason: r.reason,
      });
      if (r.prevHash !== prev || r.hash !== expected) return { ok: false, checked: rows.length, brokenAt: r.id };
      prev = r.hash;
    }
    return { ok: true, checked: rows.length, brokenAt: null };
  }
}
