import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PolicyOverrides } from '../logic/policies';

/** The level a policy version applies to: a whole samenwerkingsverband, or one school (which wins). */
export const PolicyScope = {
  SWV: 'SWV',
  SCHOOL: 'SCHOOL',
} as const;
export type PolicyScope = (typeof PolicyScope)[keyof typeof PolicyScope];

/**
 * One published version of the policy overrides of an SWV or a school (PROCESSES.md: every duration, cadence and
 * threshold is "configurable per SWV and per school, versioned, and snapshotted into a case when it starts").
 * Versions are immutable and numbered 1, 2, 3 … per scope; the latest version of a scope is the one in force.
 * The effective policy of a school is defaults ← latest SWV version ← latest school version.
 */
@Entity({ name: 'policy_version' })
@Index(['scope', 'scopeId', 'version'], { unique: true })
export class PolicyVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 10 })
  scope!: PolicyScope;

  /** The SWV id or the school id. */
  @Column({ name: 'scope_id', type: 'uuid' })
  scopeId!: string;

  @Column({ type: 'integer' })
  version!: number;

  /** The complete overrides of this scope in this version (not a diff to the previous version). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  overrides!: PolicyOverrides;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;
}
