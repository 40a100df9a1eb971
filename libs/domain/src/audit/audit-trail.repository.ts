import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditCheckpointEntity } from '../entities/audit-checkpoint.entity';
import { AuditEntryEntity } from '../entities/audit-entry.entity';
import { AuditCheckpointKeys } from './audit-checkpoint-keys';
import { auditCheckpointFromRow, auditCheckpointMessage, type AuditCheckpointRecord } from './audit-checkpoint';
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

/**
 * Why verification failed (docs/security.md, "Audit trail"):
 * - PREV_HASH_MISMATCH: an entry's `prev_hash` is not its predecessor's hash (an entry was removed, inserted or moved);
 * - CONTENT_MISMATCH: an entry's content does not match its hash (it was changed);
 * - PURGE_NOT_RECORDED: an entry carries the retention tombstone but no RETENTION_PURGED entry lists it, or its
 *   payload is not exactly the tombstone;
 * - CHECKPOINT_SIGNATURE_INVALID / CHECKPOINT_KEY_UNKNOWN: a checkpoint was not signed by a configured key;
 * - CHECKPOINT_TRUNCATED: the chain has fewer entries than a signed checkpoint counted (the newest entries were deleted);
 * - CHECKPOINT_HEAD_MISSING: the newest entry of a signed checkpoint is gone;
 * - CHECKPOINT_MISMATCH: the entry at a signed checkpoint's position no longer has the signed hash (the chain was
 *   rewritten, e.g. an edit with every later hash recomputed).
 */
export type AuditBreakReason =
  | 'PREV_HASH_MISMATCH'
  | 'CONTENT_MISMATCH'
  | 'PURGE_NOT_RECORDED'
  | 'CHECKPOINT_SIGNATURE_INVALID'
  | 'CHECKPOINT_KEY_UNKNOWN'
  | 'CHECKPOINT_TRUNCATED'
  | 'CHECKPOINT_HEAD_MISSING'
  | 'CHECKPOINT_MISMATCH';

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /**
   * The entry where verification failed: the first entry that does not match its content or predecessor, or for a
   * checkpoint failure the checkpoint's signed head entry (changed, moved or missing).
   */
  brokenAt: string | null;
  reason: AuditBreakReason | null;
  /** Entries whose payload was purged (retention): verified by their digest and place in the chain. */
  purged?: number;
  /** Signed checkpoints verified (all of them when ok; those before the failing one otherwise). */
  checkpoints: number;
  /** The failing checkpoint (id in `audit_checkpoint`, or `external:<n>` for one given from outside), if any. */
  checkpointId: string | null;
  /**
   * The newest entry still sealed by a valid signed checkpoint: everything up to it is proven unchanged. On a checkpoint
   * failure the tampering lies after this entry (up to `brokenAt`); entries after the newest checkpoint are protected by
   * the chain and the database roles only.
   */
  sealedUpTo: string | null;
  /** Time of the newest valid checkpoint. */
  lastCheckpointAt: Date | null;
}

/** The advisory lock that serialises appends to the chain (and checkpoints, which must see a settled head). */
export const AUDIT_CHAIN_LOCK = 727_001;

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

/** The payload of an entry as verification reads it. */
function payloadOf(r: AuditEntryEntity): AuditPayload {
  return { actorName: r.actorName, description: r.description, details: r.details, reason: r.reason };
}

/** Ids of entries a RETENTION_PURGED entry among `rows` lists as purged. */
export function purgeRecordedIds(rows: AuditEntryEntity[]): Set<string> {
  return new Set(
    rows.filter((r) => r.action === RETENTION_PURGED_ACTION && Array.isArray(r.details?.purgedEntryIds)).flatMap((r) => (r.details.purgedEntryIds as unknown[]).map(String)),
  );
}

/**
 * Checks one entry against its predecessor's hash (rules in `AuditTrailRepository.verifyChain`); null when it matches.
 */
export function checkAuditEntry(r: AuditEntryEntity, prev: string | null, purgeRecorded: Set<string>): AuditBreakReason | null {
  if (r.prevHash !== prev) return 'PREV_HASH_MISMATCH';
  if (r.purgedAt) {
    const tombstone = r.actorName === null && r.description === AUDIT_TOMBSTONE_DESCRIPTION && r.reason === null && Object.keys(r.details ?? {}).length === 0;
    if (!tombstone || !purgeRecorded.has(r.id)) return 'PURGE_NOT_RECORDED';
    if (r.hashVersion === 2 && (!r.payloadDigest || r.hash !== auditHashV2(prev, { ...r, at: r.at.toISOString(), payloadDigest: r.payloadDigest }))) return 'CONTENT_MISMATCH';
    return null;
  }
  if (r.hashVersion === 2) {
    const digest = auditPayloadDigest(payloadOf(r));
    return digest === r.payloadDigest && r.hash === auditHashV2(prev, { ...r, at: r.at.toISOString(), payloadDigest: digest }) ? null : 'CONTENT_MISMATCH';
  }
  return r.hash === auditHash(prev, { eventKey: r.eventKey, caseId: r.caseId, at: r.at.toISOString(), actorId: r.actorId, action: r.action, ...payloadOf(r) }) ? null : 'CONTENT_MISMATCH';
}

export interface VerifyChainOptions {
  /** Public keys the checkpoints are verified with; without them every checkpoint counts as signed by an unknown key. */
  keys?: AuditCheckpointKeys;
  /** Checkpoints from outside the database (the shipped checkpoint log), verified like those in `audit_checkpoint`. */
  externalCheckpoints?: AuditCheckpointRecord[];
}

/**
 * The append-only, hash-chained audit trail. One global chain: each entry carries the hash of the
 * entry before it, so changing or removing any entry breaks every hash after it. Appends are
 * serialised with a transaction-scoped advisory lock. Signed checkpoints (`AuditCheckpointRepository`) pin the
 * chain's length and head, so a recomputed chain or a truncated tail is found too.
 */
export class AuditTrailRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends the entry (once per eventKey). Pass a manager to join the caller's transaction. */
  async append(input: AuditEntryInput, manager?: EntityManager): Promise<void> {
    const work = async (m: EntityManager) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
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
   * Recomputes the whole chain and checks every signed checkpoint; reports the first problem. Rules (docs/security.md):
   * - every entry's `prevHash` must be its predecessor's `hash`;
   * - version 1, not purged: `hash` = `auditHash` over the raw content;
   * - version 2, not purged: the payload's digest must equal `payloadDigest`, and `hash` = `auditHashV2`;
   * - version 2, purged: the payload must be the tombstone, `hash` = `auditHashV2` over the stored digest, and the
   *   `RETENTION_PURGED` entry of its purge must list its id;
   * - version 1, purged (an entry from before the migration, purged later): its content cannot be recomputed; it is
   *   accepted on its place in the chain (its `hash` is covered by its successor's hash), the tombstone and its id in
   *   the `RETENTION_PURGED` entry of its purge;
   * - every checkpoint (in `audit_checkpoint` and any given from outside) must carry a valid signature of a configured
   *   key, and the chain must still have at least its entry count with its signed head entry, at that position, with
   *   the signed hash.
   */
  async verifyChain(options: VerifyChainOptions = {}): Promise<ChainVerification> {
    const rows = await this.dataSource.getRepository(AuditEntryEntity).find({ order: { id: 'ASC' } });
    const stored = (await this.dataSource.getRepository(AuditCheckpointEntity).find({ order: { id: 'ASC' } })).map(auditCheckpointFromRow);
    const storedSignatures = new Set(stored.map((c) => c.signature));
    const external = (options.externalCheckpoints ?? []).map((c, i) => ({ ...c, id: `external:${i + 1}` })).filter((c) => !storedSignatures.has(c.signature));
    const checkpoints = [...stored, ...external].sort((a, b) => a.entryCount - b.entryCount || a.at.localeCompare(b.at));
    const result: ChainVerification = { ok: true, checked: rows.length, brokenAt: null, reason: null, purged: 0, checkpoints: 0, checkpointId: null, sealedUpTo: null, lastCheckpointAt: null };
    // Every purged entry must be listed by the RETENTION_PURGED entry of its purge (which is itself hashed normally).
    const purgeRecorded = purgeRecordedIds(rows);
    let prev: string | null = null;
    for (const r of rows) {
      if (r.purgedAt) result.purged = (result.purged ?? 0) + 1;
      const reason = checkAuditEntry(r, prev, purgeRecorded);
      if (reason) return { ...result, ok: false, brokenAt: r.id, reason };
      prev = r.hash;
    }
    const keys = options.keys ?? new AuditCheckpointKeys();
    const position = new Map(rows.map((r, i) => [r.id, i]));
    for (const cp of checkpoints) {
      const fail = (reason: AuditBreakReason): ChainVerification => ({ ...result, ok: false, brokenAt: cp.headId, reason, checkpointId: cp.id ?? null });
      const signature = keys.check(cp.keyId, auditCheckpointMessage(cp), cp.signature);
      if (signature === 'UNKNOWN_KEY') return fail('CHECKPOINT_KEY_UNKNOWN');
      if (signature !== 'VALID') return fail('CHECKPOINT_SIGNATURE_INVALID');
      if (cp.entryCount > rows.length) return fail('CHECKPOINT_TRUNCATED');
      if (cp.entryCount > 0) {
        const at = cp.headId === null ? undefined : position.get(cp.headId);
        if (at === undefined) return fail('CHECKPOINT_HEAD_MISSING');
        if (at !== cp.entryCount - 1 || rows[at].hash !== cp.headHash) return fail('CHECKPOINT_MISMATCH');
        result.sealedUpTo = cp.headId;
      }
      result.checkpoints += 1;
      if (!result.lastCheckpointAt || result.lastCheckpointAt.getTime() < Date.parse(cp.at)) result.lastCheckpointAt = new Date(cp.at);
    }
    return result;
  }
}
