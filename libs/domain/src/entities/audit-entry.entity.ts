import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only audit trail: every transition and every admin action. Each entry carries the hash
 * of the previous one (per case chain), so tampering is detectable. The database refuses UPDATE
 * and DELETE on this table (trigger in the initial migration).
 */
@Entity({ name: 'audit_entry' })
@Index(['caseId', 'id'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  /** Idempotency key: the same logical event recorded twice (activity retry) is stored once. */
  @Column({ name: 'event_key', type: 'varchar', length: 300, unique: true })
  eventKey!: string;

  @Column({ name: 'case_id', type: 'varchar', length: 200, nullable: true })
  caseId!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** Null for the system (a timer, the workflow itself). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_name', type: 'varchar', length: 200, nullable: true })
  actorName!: string | null;

  @Column({ type: 'varchar', length: 60 })
  action!: string;

  /** Short Dutch description for the case timeline. */
  @Column({ type: 'varchar', length: 500 })
  description!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  reason!: string | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64, nullable: true })
  prevHash!: string | null;

  @Column({ type: 'char', length: 64 })
  hash!: string;

  /**
   * How `hash` was computed (docs/security.md, "Retention and the audit chain"): 1 = over the raw content (entries
   * written before the retention migration); 2 = over the identifying fields and `payloadDigest`, so the personal
   * payload (actor name, description, details, reason) can be purged while the chain stays verifiable.
   */
  @Column({ name: 'hash_version', type: 'smallint', default: 1 })
  hashVersion!: number;

  /** Version 2: sha256 of the canonical JSON of the payload (actorName, description, details, reason). */
  @Column({ name: 'payload_digest', type: 'char', length: 64, nullable: true })
  payloadDigest!: string | null;

  /** Set when the retention purge replaced the payload by a tombstone (the only change the database allows). */
  @Column({ name: 'purged_at', type: 'timestamptz', nullable: true })
  purgedAt!: Date | null;
}
