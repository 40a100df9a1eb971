import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A signed checkpoint of the audit chain (docs/security.md, "Audit trail"): how many entries the chain had and the
 * hash of its newest entry at a moment, signed (Ed25519) with a key the database does not hold. A chain recomputed
 * after an edit no longer reaches a signed head hash, and a truncated tail misses a signed count or head. Written by
 * the worker (`writeAuditCheckpoint`, hourly Temporal Schedule); the application role may only insert and read it,
 * and a trigger refuses UPDATE and DELETE.
 */
@Entity({ name: 'audit_checkpoint' })
export class AuditCheckpointEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  /** When the checkpoint was taken (signed). */
  @Column({ type: 'timestamptz' })
  at!: Date;

  /** Number of audit entries at that moment (signed). */
  @Column({ name: 'entry_count', type: 'bigint' })
  entryCount!: string;

  /** Id and hash of the newest entry at that moment (signed); null for an empty chain. */
  @Column({ name: 'head_id', type: 'bigint', nullable: true })
  headId!: string | null;

  @Column({ name: 'head_hash', type: 'char', length: 64, nullable: true })
  headHash!: string | null;

  /** Which key signed it: the first 16 hex digits of sha256 of the Ed25519 public key. */
  @Column({ name: 'key_id', type: 'varchar', length: 32 })
  keyId!: string;

  /** Ed25519 signature (base64url) over the checkpoint message (`auditCheckpointMessage`). */
  @Column({ type: 'varchar', length: 200 })
  signature!: string;
}
