import type { DataSource, EntityManager } from 'typeorm';
import { CaseSummaryEntity } from '../entities/case-summary.entity';
import type { ProcessType } from '../entities/roles';

/** What a workflow activity writes about its case: the whole row, versioned by `seq`. */
export interface CaseSnapshot {
  caseId: string;
  process: ProcessType;
  schoolId: string;
  pupilId: string;
  status: string;
  waitingFor: string | null;
  nextDueDate: string | null;
  ownerUserId: string | null;
  stuck: boolean;
  stuckReason: string | null;
  outcome: string | null;
  policyVersion: string | null;
  originCaseId: string | null;
  participantIds: string[];
  /** Kept from the parents (safety exception, PROCESSES.md rule 3); absent = false. */
  hiddenFromParents?: boolean;
  data: Record<string, unknown>;
  /** Monotonic per case; a write with a seq not above the stored one is ignored. */
  seq: number;
  startedAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** The columns of a case's legal clock (see CaseSummaryEntity), taken from the clock the workflow keeps in `data.clock`. */
export interface ClockColumns {
  receivedOn: string | null;
  dueDate: string | null;
  tenWeekDate: string | null;
  warnDays: number | null;
  extended: boolean | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A clock is on the board only when its three dates are there; otherwise every column is null. */
export function clockColumns(data: Record<string, unknown>): ClockColumns {
  const clock = data.clock as Record<string, unknown> | null | undefined;
  const date = (v: unknown) => (typeof v === 'string' && ISO_DATE.test(v) ? v : null);
  const receivedOn = date(clock?.receivedOn);
  const dueDate = date(clock?.dueDate);
  const tenWeekDate = date(clock?.tenWeekDate);
  if (!clock || !receivedOn || !dueDate || !tenWeekDate) return { receivedOn: null, dueDate: null, tenWeekDate: null, warnDays: null, extended: null };
  const warn = clock.warnDaysBefore;
  return { receivedOn, dueDate, tenWeekDate, warnDays: typeof warn === 'number' && Number.isInteger(warn) ? warn : 7, extended: clock.extended === true };
}

/** Writes the case read model. Only workflow activities call `upsert`. */
export class CaseReadModelRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts or updates the row unless a newer (higher seq) version is already stored. Returns whether it wrote. */
  async upsert(s: CaseSnapshot, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const clock = clockColumns(s.data);
    const rows: unknown[] = await manager.query(
      `INSERT INTO case_summary (id, process, school_id, pupil_id, status, waiting_for, next_due_date, owner_user_id,
         stuck, stuck_reason, outcome, policy_version, origin_case_id, participant_ids, data, seq, started_at, updated_at, closed_at, hidden_from_parents,
         clock_received_on, clock_due_date, clock_ten_week_date, clock_warn_days, clock_extended)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25)
       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, waiting_for = EXCLUDED.waiting_for,
         next_due_date = EXCLUDED.next_due_date, owner_user_id = EXCLUDED.owner_user_id, stuck = EXCLUDED.stuck,
         stuck_reason = EXCLUDED.stuck_reason, outcome = EXCLUDED.outcome, policy_version = EXCLUDED.policy_version,
         origin_case_id = EXCLUDED.origin_case_id, participant_ids = EXCLUDED.participant_ids, data = EXCLUDED.data,
         seq = EXCLUDED.seq, updated_at = EXCLUDED.updated_at, closed_at = EXCLUDED.closed_at,
         hidden_from_parents = EXCLUDED.hidden_from_parents, clock_received_on = EXCLUDED.clock_received_on,
         clock_due_date = EXCLUDED.clock_due_date, clock_ten_week_date = EXCLUDED.clock_ten_week_date,
         clock_warn_days = EXCLUDED.clock_warn_days, clock_extended = EXCLUDED.clock_extended
       WHERE case_summary.seq < EXCLUDED.seq
       RETURNING id`,
      [
        s.caseId, s.process, s.schoolId, s.pupilId, s.status, s.waitingFor, s.nextDueDate, s.ownerUserId,
        s.stuck, s.stuckReason, s.outcome, s.policyVersion, s.originCaseId, s.participantIds, JSON.stringify(s.data),
        s.seq, s.startedAt, s.updatedAt, s.closedAt, s.hiddenFromParents === true,
        clock.receivedOn, clock.dueDate, clock.tenWeekDate, clock.warnDays, clock.extended,
      ],
    );
    return rows.length > 0;
  }

  findById(id: string): Promise<CaseSummaryEntity | null> {
    return this.dataSource.getRepository(CaseSummaryEntity).findOneBy({ id });
  }
}
