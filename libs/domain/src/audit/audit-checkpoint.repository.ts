import type { DataSource, EntityManager } from 'typeorm';
import { AuditCheckpointEntity } from '../entities/audit-checkpoint.entity';
import { AuditEntryEntity } from '../entities/audit-entry.entity';
import { auditCheckpointFromRow, auditCheckpointMessage, type AuditCheckpointRecord } from './audit-checkpoint';
import type { AuditCheckpointKeys, AuditCheckpointSigner } from './audit-checkpoint-keys';
import { AUDIT_CHAIN_LOCK, checkAuditEntry, purgeRecordedIds, type AuditBreakReason } from './audit-trail.repository';

/** The chain does not match the newest checkpoint (or is broken after it): no new checkpoint is signed over it. */
export class AuditCheckpointRefused extends Error {
  constructor(
    readonly reason: AuditBreakReason,
    readonly entryId: string | null,
  ) {
    super(`audit chain not signed: ${reason}${entryId ? ` at entry ${entryId}` : ''}`);
    this.name = 'AuditCheckpointRefused';
  }
}

/**
 * Signed checkpoints of the audit chain (docs/security.md, "Audit trail"). A checkpoint is only signed over a chain
 * that still matches the newest checkpoint and is intact after it, so a tampered chain is never blessed: the writer
 * refuses (`AuditCheckpointRefused`) and the verification reports it.
 */
export class AuditCheckpointRepository {
  constructor(private readonly dataSource: DataSource) {}

  async all(): Promise<AuditCheckpointRecord[]> {
    return (await this.dataSource.getRepository(AuditCheckpointEntity).find({ order: { id: 'ASC' } })).map(auditCheckpointFromRow);
  }

  /**
   * Takes a checkpoint of the chain as it is now (under the append lock, so no entry is half-written) and stores it.
   * Checks first, incrementally: the newest checkpoint's signature (`keys`), that its head entry is still there at its
   * position with the signed hash, and every entry after it (hash and predecessor, as `verifyChain`).
   */
  async write(signer: AuditCheckpointSigner, keys: AuditCheckpointKeys, now: Date = new Date()): Promise<AuditCheckpointRecord> {
    return this.dataSource.transaction(async (m: EntityManager) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
      const [lastRow] = await m.getRepository(AuditCheckpointEntity).find({ order: { id: 'DESC' }, take: 1 });
      const last = lastRow ? auditCheckpointFromRow(lastRow) : null;
      let count = 0;
      let headId: string | null = null;
      let headHash: string | null = null;
      if (last) {
        const signature = keys.check(last.keyId, auditCheckpointMessage(last), last.signature);
        if (signature !== 'VALID') throw new AuditCheckpointRefused(signature === 'UNKNOWN_KEY' ? 'CHECKPOINT_KEY_UNKNOWN' : 'CHECKPOINT_SIGNATURE_INVALID', last.headId);
        if (last.entryCount > 0 && last.headId !== null) {
          const [head]: { hash: string; position: string }[] = await m.query(
            'SELECT hash, (SELECT count(*) FROM audit_entry WHERE id <= $1) AS position FROM audit_entry WHERE id = $1',
            [last.headId],
          );
          if (!head) {
            const [{ total }]: { total: string }[] = await m.query('SELECT count(*) AS total FROM audit_entry');
            throw new AuditCheckpointRefused(Number(total) < last.entryCount ? 'CHECKPOINT_TRUNCATED' : 'CHECKPOINT_HEAD_MISSING', last.headId);
          }
          if (Number(head.position) !== last.entryCount || head.hash !== last.headHash) throw new AuditCheckpointRefused('CHECKPOINT_MISMATCH', last.headId);
          count = last.entryCount;
          headId = last.headId;
          headHash = last.headHash;
        }
      }
      const after = m.getRepository(AuditEntryEntity).createQueryBuilder('e').orderBy('e.id', 'ASC');
      if (headId !== null) after.where('e.id > :headId', { headId });
      const rows = await after.getMany();
      const purgeRecorded = purgeRecordedIds(rows);
      let prev = headHash;
      for (const r of rows) {
        const reason = checkAuditEntry(r, prev, purgeRecorded);
        if (reason) throw new AuditCheckpointRefused(reason, r.id);
        prev = r.hash;
      }
      const newest = rows.at(-1);
      const content = {
        at: now.toISOString(),
        entryCount: count + rows.length,
        headId: newest ? String(newest.id) : headId,
        headHash: newest ? newest.hash : headHash,
        keyId: signer.keyId,
      };
      const signature = signer.sign(auditCheckpointMessage(content));
      const [saved]: { id: string }[] = await m.query(
        'INSERT INTO audit_checkpoint (at, entry_count, head_id, head_hash, key_id, signature) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id',
        [now, content.entryCount, content.headId, content.headHash, content.keyId, signature],
      );
      return { ...content, id: String(saved.id), signature };
    });
  }
}
