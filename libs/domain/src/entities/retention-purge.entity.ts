import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per case removed by the retention purge (docs/security.md, "Retention"): which case, of which process and
 * school, when it was closed and purged, and what was removed. No personal data: the case's read-model row, consents,
 * documents and deliveries are gone; its audit entries keep their hashes with a tombstone payload.
 */
@Entity({ name: 'retention_purge' })
export class RetentionPurgeEntity {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 200 })
  caseId!: string;

  @Column({ type: 'varchar', length: 30 })
  process!: string;

  @Index()
  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'closed_at', type: 'timestamptz' })
  closedAt!: Date;

  @Column({ name: 'purged_at', type: 'timestamptz' })
  purgedAt!: Date;

  /** `SCHEDULE` (the daily run) or `ADMIN` (the `purgeExpiredCases` mutation). */
  @Column({ type: 'varchar', length: 20 })
  trigger!: string;

  /** The admin who ran the purge; null for the daily run. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  /** How many rows were removed or tombstoned per table. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  counts!: Record<string, number>;
}
