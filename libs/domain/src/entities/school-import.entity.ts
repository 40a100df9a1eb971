import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type SchoolImportFormat = 'ONEROSTER' | 'SOMTODAY' | 'MAGISTER';
export type SchoolImportStatus = 'PREVIEW' | 'APPLIED' | 'SUPERSEDED';

/**
 * One upload of a school's administration data (issue 13): previewed first (the normalised records are kept with the
 * preview's counts), applied later in one transaction. The file itself is not kept: only its SHA-256 digest.
 */
@Entity({ name: 'school_import' })
@Index('IDX_school_import_school', ['schoolId', 'createdAt'])
export class SchoolImportEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_school_import' })
  id!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ type: 'varchar', length: 20 })
  format!: SchoolImportFormat;

  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName!: string;

  @Column({ name: 'file_digest', type: 'char', length: 64 })
  fileDigest!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: SchoolImportStatus;

  /** The preview's counts (new, changed, leavers, rejected per kind); after apply also what was written. */
  @Column({ type: 'jsonb', default: {} })
  counts!: Record<string, number>;

  /** The normalised records of the file (cleared after apply): what apply writes. */
  @Column({ type: 'jsonb', nullable: true })
  records!: Record<string, unknown> | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'applied_by', type: 'uuid', nullable: true })
  appliedBy!: string | null;

  @Column({ name: 'applied_at', type: 'timestamptz', nullable: true })
  appliedAt!: Date | null;
}
