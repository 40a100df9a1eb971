import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from './roles';

/** A person who uses Zorgroute: staff, parent, pupil, SWV employee or platform admin. */
@Entity({ name: 'app_user' })
@Index('UQ_app_user_school_source', ['schoolId', 'sourceId'], { unique: true, where: '"source_id" IS NOT NULL' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 320, unique: true })
  email!: string;

  @Column({ type: 'varchar', length: 30 })
  role!: Role;

  /** Staff, parents and pupils belong to a school; SWV employees and admins do not. */
  @Index()
  @Column({ name: 'school_id', type: 'uuid', nullable: true })
  schoolId!: string | null;

  @Column({ name: 'swv_id', type: 'uuid', nullable: true })
  swvId!: string | null;

  /** Pupil accounts link to their pupil record. */
  @Column({ name: 'pupil_id', type: 'uuid', nullable: true })
  pupilId!: string | null;

  /**
   * False once the account is deactivated (by an admin, or as a leaver of an import): it cannot log in and its
   * sessions are refused at once. Accounts are never deleted (the audit trail and the cases name them).
   */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;

  /**
   * The person's id in the school's administration system (OneRoster sourcedId, or the Somtoday/Magister employee or
   * guardian code): re-imports match on it, and the OpenID Connect login may too. Unique per school.
   */
  @Column({ name: 'source_id', type: 'varchar', length: 100, nullable: true })
  sourceId!: string | null;

  /** When the role last changed (open steps assigned before it are listed for reassignment). */
  @Column({ name: 'role_changed_at', type: 'timestamptz', nullable: true })
  roleChangedAt!: Date | null;

  /**
   * When a parent/guardian or pupil first accepted a login invitation (passkey or e-mail code); null: no login yet, so a
   * consent request e-mail carries an invitation. Staff log in through OpenID Connect and never have it.
   */
  @Column({ name: 'login_activated_at', type: 'timestamptz', nullable: true })
  loginActivatedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
