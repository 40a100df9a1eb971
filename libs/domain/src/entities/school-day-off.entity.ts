import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A school's own day(s) off in one school year (studiedag, the Friday after Hemelvaart, an extra meivakantie week …),
 * on top of the regional holidays. An inclusive date range with a name, shown as the reason a day is not a school
 * day. A case snapshots its school's calendar when it starts, so edits apply to new cases.
 */
@Entity({ name: 'school_day_off' })
@Index(['schoolId', 'schoolYear'])
export class SchoolDayOffEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  /** E.g. "2026-2027" (1 August – 31 July); both ends of the range fall in it. */
  @Column({ name: 'school_year', type: 'varchar', length: 9 })
  schoolYear!: string;

  @Column({ name: 'date_from', type: 'date' })
  from!: string;

  @Column({ name: 'date_to', type: 'date' })
  to!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;
}
