import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from './roles';

/** A person who uses Zorgroute: staff, parent, pupil, SWV employee or platform admin. */
@Entity({ name: 'app_user' })
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
   * The person's id in the school's administration (set by the import); an OpenID Connect login can be matched on it
   * (OIDC_USER_CLAIM naming a claim other than `email`, OIDC_MATCH_ON=external_id).
   */
  @Index('IDX_app_user_external_id', { unique: true })
  @Column({ name: 'external_id', type: 'varchar', length: 200, nullable: true })
  externalId!: string | null;

  /**
   * When a parent/guardian or pupil first accepted a login invitation (passkey or e-mail code); null: no login yet, so a
   * consent request e-mail carries an invitation. Staff log in through OpenID Connect and never have it.
   */
  @Column({ name: 'login_activated_at', type: 'timestamptz', nullable: true })
  loginActivatedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
