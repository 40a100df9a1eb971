import type { AuditCheckpointEntity } from '../entities/audit-checkpoint.entity';
import { stableStringify } from './stable-stringify';

/** A signed checkpoint of the audit chain, as stored in `audit_checkpoint` and in the checkpoint log. */
export interface AuditCheckpointRecord {
  /** Row id in `audit_checkpoint` (not signed; absent or `external:<n>` for one read from the checkpoint log). */
  id?: string;
  /** ISO time the checkpoint was taken. */
  at: string;
  /** Number of audit entries at that moment. */
  entryCount: number;
  /** Id and hash of the newest entry then; null for an empty chain. */
  headId: string | null;
  headHash: string | null;
  keyId: string;
  /** Ed25519 signature (base64url) over `auditCheckpointMessage`. */
  signature: string;
}

/** The prefix of a checkpoint line in the worker's log (`[audit-checkpoint] {json}`), for shipping and verification. */
export const AUDIT_CHECKPOINT_LOG_PREFIX = '[audit-checkpoint]';

/** The exact bytes that are signed: a domain tag and the canonical JSON of the checkpoint's content. */
export function auditCheckpointMessage(c: Pick<AuditCheckpointRecord, 'at' | 'entryCount' | 'headId' | 'headHash' | 'keyId'>): Buffer {
  const content = stableStringify({ v: 1, at: new Date(c.at).toISOString(), entryCount: c.entryCount, headId: c.headId, headHash: c.headHash, keyId: c.keyId });
  return Buffer.from(`zorgroute-audit-checkpoint\n${content}`, 'utf8');
}

export function auditCheckpointFromRow(row: AuditCheckpointEntity): AuditCheckpointRecord {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    entryCount: Number(row.entryCount),
    headId: row.headId === null ? null : String(row.headId),
    headHash: row.headHash,
    keyId: row.keyId,
    signature: row.signature,
  };
}

/** One checkpoint as a JSON line (the file sink and the worker log use it). */
export function auditCheckpointLine(c: AuditCheckpointRecord): string {
  return JSON.stringify({ v: 1, id: c.id, at: c.at, entryCount: c.entryCount, headId: c.headId, headHash: c.headHash, keyId: c.keyId, signature: c.signature });
}

/**
 * Checkpoints from a shipped checkpoint log: JSON lines, with or without the worker's `[audit-checkpoint]` prefix
 * (other lines, e.g. the rest of a worker log, are skipped). Throws on a checkpoint line that is not well-formed.
 */
export function parseAuditCheckpointLog(text: string): AuditCheckpointRecord[] {
  const out: AuditCheckpointRecord[] = [];
  for (const raw of text.split('\n')) {
    const at = raw.indexOf(AUDIT_CHECKPOINT_LOG_PREFIX);
    const line = (at >= 0 ? raw.slice(at + AUDIT_CHECKPOINT_LOG_PREFIX.length) : raw).trim();
    if (!line.startsWith('{')) continue;
    const v = JSON.parse(line) as Record<string, unknown>;
    if (typeof v.signature !== 'string' || typeof v.keyId !== 'string' || typeof v.at !== 'string' || typeof v.entryCount !== 'number') {
      throw new Error(`not a checkpoint line: ${line.slice(0, 120)}`);
    }
    out.push({
      at: v.at,
      entryCount: v.entryCount,
      headId: v.headId === null || v.headId === undefined ? null : String(v.headId),
      headHash: typeof v.headHash === 'string' ? v.headHash : null,
      keyId: v.keyId,
      signature: v.signature,
    });
  }
  return out;
}
