import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ProcessType } from './roles';

/**
 * Read model of one case (one workflow execution chain), written only by workflow activities.
 * Temporal holds the truth; this row serves lists and dashboards. `seq` orders writes: a write
 * with a lower or equal seq than the stored one is ignored, so retried or late activities never
 * move a case back in time.
 */
@Entity({ name: 'case_summary' })
@Index(['schoolId', 'process', 'status'])
@Index(['nextDueDate'])
@Index('IDX_case_summary_pupil_hidden_from_parents', ['pupilId', 'hiddenFromParents'])
// The SWV board (issue 18.4): open zorgplicht clocks in board order, and per school for the counts (partial indexes,
// migration 1796800000000; not compared by the schema check because of their WHERE clause).
@Index('IDX_case_summary_clock_board', { synchronize: false })
@Index('IDX_case_summary_clock_school', { synchronize: false })
// The daily lists (issue 18.4): open cases in dashboard order, for everyone and per school, and by last update (the
// stuck-case screen, and its stuck ones); partial indexes, migration 1796830000000.
@Index('IDX_case_summary_open_list', { synchronize: false })
@Index('IDX_case_summary_open_school_list', { synchronize: false })
@Index('IDX_case_summary_open_updated', { synchronize: false })
@Index('IDX_case_summary_open_school_updated', { synchronize: false })
@Index('IDX_case_summary_open_stuck', { synchronize: false })
export class CaseSummaryEntity {
  /** The Temporal workflow id (a business key). */
  @PrimaryColumn({ type: 'varchar', length: 200 })
  id!: string;

  @Column({ type: 'varchar', length: 30 })
  process!: ProcessType;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Index()
  @Column({ name: 'pupil_id', type: 'uuid' })
  pupilId!: string;

  @Column({ type: 'varchar', length: 40 })
  status!: string;

  /** The human step the case waits for now (machine name), or null. */
  @Column({ name: 'waiting_for', type: 'varchar', length: 60, nullable: true })
  waitingFor!: string | null;

  @Column({ name: 'next_due_date', type: 'date', nullable: true })
  nextDueDate!: string | null;

  @Index()
  @Column({ name: 'owner_user_id', type: 'uuid', nullable: true })
  ownerUserId!: string | null;

  @Column({ type: 'boolean', default: false })
  stuck!: boolean;

  @Column({ name: 'stuck_reason', type: 'varchar', length: 300, nullable: true })
  stuckReason!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  outcome!: string | null;

  @Column({ name: 'policy_version', type: 'varchar', length: 40, nullable: true })
  policyVersion!: string | null;

  /** The case this one was started from (e.g. an IZO decision), if any. */
  @Column({ name: 'origin_case_id', type: 'varchar', length: 200, nullable: true })
  originCaseId!: string | null;

  /**
   * The case is kept from the pupil's parents (PROCESSES.md rule 3: informing them would endanger the pupil; P2, until
   * the zorgcoördinator lifts the exception). Written by the workflow; every read path leaves such a case out for a
   * parent (the api's AudiencePolicy), and no e-mail about it goes to a parent (the notify activity).
   */
  @Column({ name: 'hidden_from_parents', type: 'boolean', default: false })
  hiddenFromParents!: boolean;

  /** Participants who may see this case (coach, JOS worker, ...), for row-level scoping. */
  @Column({ name: 'participant_ids', type: 'uuid', array: true, default: () => "'{}'" })
  participantIds!: string[];

  /** Process-specific view data: due dates with explanations, open steps, coach, goal, ... */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  data!: Record<string, unknown>;

  @Column({ type: 'integer', default: 0 })
  seq!: number;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /**
   * The legal clock of the case (P4 zorgplicht: `data.clock`) as columns, written with the row (`clockColumns`), so the
   * SWV board filters, sorts, pages and counts on indexed columns instead of the JSON of every open row. Null for a
   * case without a clock.
   */
  @Column({ name: 'clock_received_on', type: 'date', nullable: true })
  clockReceivedOn!: string | null;

  @Column({ name: 'clock_due_date', type: 'date', nullable: true })
  clockDueDate!: string | null;

  @Column({ name: 'clock_ten_week_date', type: 'date', nullable: true })
  clockTenWeekDate!: string | null;

  /** Days before the due date that count as its last week (policy; default 7). */
  @Column({ name: 'clock_warn_days', type: 'smallint', nullable: true })
  clockWarnDays!: number | null;

  @Column({ name: 'clock_extended', type: 'boolean', nullable: true })
  clockExtended!: boolean | null;
}
