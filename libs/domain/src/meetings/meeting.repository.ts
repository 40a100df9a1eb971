import { type DataSource, type EntityManager } from 'typeorm';
import { MeetingEntity } from '../entities/meeting.entity';
import { zatCalendarDates, type MeetingKindName } from '../logic/meetings';

/** The meetings table (issue 17.8): the one class that reads and writes it. */
export class MeetingRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(m?: EntityManager) {
    return (m ?? this.dataSource.manager).getRepository(MeetingEntity);
  }

  /** The dates of the school's ZAT calendar (ZAT meetings not cancelled), sorted: what a new P2 case snapshots. */
  async zatDatesFor(schoolId: string): Promise<string[]> {
    const rows = await this.repo().find({ where: { schoolId, kind: 'ZAT' }, select: { id: true, kind: true, date: true, cancelledAt: true } });
    return zatCalendarDates(rows.map((r) => ({ kind: 'ZAT', date: r.date, cancelled: r.cancelledAt !== null })));
  }

  /** The meetings of a school in a school year (optionally of one kind), by date and time. */
  listForSchoolYear(schoolId: string, schoolYear: string, kind?: MeetingKindName | null): Promise<MeetingEntity[]> {
    return this.repo().find({ where: { schoolId, schoolYear, ...(kind ? { kind } : {}) }, order: { date: 'ASC', time: 'ASC', kind: 'ASC' } });
  }

  findById(id: string): Promise<MeetingEntity | null> {
    return this.repo().findOneBy({ id });
  }

  /** The active (not cancelled) meeting of a kind on a date at a school. */
  findActive(schoolId: string, kind: MeetingKindName, date: string): Promise<MeetingEntity | null> {
    return this.repo()
      .createQueryBuilder('m')
      .where('m.school_id = :schoolId AND m.kind = :kind AND m.meeting_date = :date AND m.cancelled_at IS NULL', { schoolId, kind, date })
      .getOne();
  }

  async insert(row: Omit<MeetingEntity, 'id' | 'agendaRounds' | 'agendaSentAt' | 'minutes' | 'minutesRecordedAt' | 'minutesRecordedBy' | 'cancelledAt' | 'cancelReason'>): Promise<MeetingEntity> {
    const saved = await this.repo().save(this.repo().create({ ...row, agendaRounds: 0, agendaSentAt: null, minutes: null, minutesRecordedAt: null, minutesRecordedBy: null, cancelledAt: null, cancelReason: null }));
    return saved;
  }

  async update(id: string, changes: Partial<Pick<MeetingEntity, 'date' | 'time' | 'location' | 'schoolYear' | 'cancelledAt' | 'cancelReason' | 'minutes' | 'minutesRecordedAt' | 'minutesRecordedBy'>>, now: Date): Promise<MeetingEntity | null> {
    await this.repo().update({ id }, { ...changes, updatedAt: now });
    return this.findById(id);
  }

  /**
   * Claims the next agenda round when the meeting has sent `expectedRounds` so far (atomic): the new round number, or
   * null when another request claimed it first (a double click).
   */
  async claimAgendaRound(id: string, expectedRounds: number, now: Date): Promise<number | null> {
    const rows: { agenda_rounds: number }[] = await this.dataSource.query(
      `UPDATE meeting SET agenda_rounds = agenda_rounds + 1, agenda_sent_at = $3, updated_at = $3 WHERE id = $1 AND agenda_rounds = $2 AND cancelled_at IS NULL RETURNING agenda_rounds`,
      [id, expectedRounds, now],
    );
    const updated = Array.isArray(rows[0]) ? (rows[0] as { agenda_rounds: number }[]) : rows;
    return updated.length ? Number(updated[0].agenda_rounds) : null;
  }
}
