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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
