import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { MeetingKindName } from '../logic/meetings';

/**
 * A meeting of a school's care structure (issue 17.8): an IZO, a ZAT or a Flex-ZAT on a date, with its time and
 * place, filed under a school year. The one source of the school's ZAT calendar (a new P2 case snapshots the dates
 * of the ZAT meetings not cancelled, `loadCaseContext`). Which cases are on a meeting is not stored here: it is read
 * from the read model (the P2 cases whose IZO or ZAT is planned on its date). A cancelled meeting stays (with why);
 * its agenda rounds and minutes are kept on the row. No personal data beyond who planned it.
 */
@Entity({ name: 'meeting' })
@Index('IDX_meeting_school_year', ['schoolId', 'schoolYear'])
@Index('IDX_meeting_school_kind_date_active', ['schoolId', 'kind', 'date'], { unique: true, where: 'cancelled_at IS NULL' })
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  /** IZO, ZAT or FLEX_ZAT. */
  @Column({ type: 'varchar', length: 20 })
  kind!: MeetingKindName;

  /** E.g. "2026-2027" (1 August – 31 July); the date falls in it. */
  @Column({ name: 'school_year', type: 'varchar', length: 9 })
  schoolYear!: string;

  @Column({ name: 'meeting_date', type: 'date' })
  date!: string;

  /** HH:MM (Europe/Amsterdam), when known. */
  @Column({ name: 'meeting_time', type: 'varchar', length: 5, nullable: true })
  time!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  location!: string | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true })
  cancelReason!: string | null;

  /** How many agenda rounds were sent (0: none yet); a resend is a new round, a double click is not. */
  @Column({ name: 'agenda_rounds', type: 'int', default: 0 })
  agendaRounds!: number;

  @Column({ name: 'agenda_sent_at', type: 'timestamptz', nullable: true })
  agendaSentAt!: Date | null;

  /** The minutes of the meeting (audience: the school's staff). */
  @Column({ type: 'text', nullable: true })
  minutes!: string | null;

  @Column({ name: 'minutes_recorded_at', type: 'timestamptz', nullable: true })
  minutesRecordedAt!: Date | null;

  @Column({ name: 'minutes_recorded_by', type: 'uuid', nullable: true })
  minutesRecordedBy!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
