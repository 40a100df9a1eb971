import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'pupil' })
@Index('UQ_pupil_school_source', ['schoolId', 'sourceId'], { unique: true, where: '"source_id" IS NOT NULL' })
export class PupilEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'first_name', type: 'varchar', length: 100 })
  firstName!: string;

  @Column({ name: 'last_name', type: 'varchar', length: 100 })
  lastName!: string;

  @Column({ name: 'date_of_birth', type: 'date' })
  dateOfBirth!: string;

  @Column({ name: 'class_name', type: 'varchar', length: 20, nullable: true })
  className!: string | null;

  @Index()
  @Column({ name: 'mentor_id', type: 'uuid', nullable: true })
  mentorId!: string | null;

  /** The pupil's id in the school's administration system (leerlingnummer or OneRoster sourcedId); unique per school. */
  @Column({ name: 'source_id', type: 'varchar', length: 100, nullable: true })
  sourceId!: string | null;

  /**
   * Set when an import no longer lists the pupil (a leaver): never deleted, his running cases stay with the
   * zorgcoördinator (with a banner) and retention applies as usual; his mentor and parents no longer see him.
   */
  @Column({ name: 'left_at', type: 'timestamptz', nullable: true })
  leftAt!: Date | null;
  /**
   * The parents disagree (gezag, issue 13): from now on a consent request for this pupil needs the answer of every
   * guardian with parental authority (`pupil_guardian.has_parental_authority`); one refusal refuses.
   */
  @Column({ name: 'parents_disagree', type: 'boolean', default: false })
  parentsDisagree!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
