import type { DataSource, EntityManager } from 'typeorm';
import { SchoolDayOffEntity } from '../entities/school-day-off.entity';
import type { SchoolEntity } from '../entities/school.entity';
import { buildSchoolCalendar, KNOWN_SCHOOL_YEARS, type SchoolCalendar } from '../logic/calendar';
import { SchoolHolidayYearRepository } from './school-holiday-year.repository';
import { toIsoDate } from '../logic/reminders/zoned-time';
import { checkDayOff, type CalendarProblem, type DayOffInput } from './school-days-off';

export type AddDayOffResult = { ok: true; dayOff: SchoolDayOffEntity } | { ok: false; problems: CalendarProblem[] };

/** A school's own days off, per school year, and the calendar they make with the regional holidays. */
export class SchoolDayOffRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The school's days off in date order; of one school year when given. */
  list(schoolId: string, schoolYear?: string | null, manager: EntityManager = this.dataSource.manager): Promise<SchoolDayOffEntity[]> {
    return manager.getRepository(SchoolDayOffEntity).find({
      where: schoolYear ? { schoolId, schoolYear } : { schoolId },
      order: { from: 'ASC', to: 'ASC' },
    });
  }

  /**
   * Adds a day off after checking it (its overlap with the school's others, and its school year against today's);
   * writes nothing on a problem.
   */
  async add(schoolId: string, input: DayOffInput, createdBy: string | null, today: string = toIsoDate(Date.now())): Promise<AddDayOffResult> {
    return this.dataSource.transaction(async (m) => {
      // Serialise edits of one school's calendar, so two overlapping ranges cannot both pass the overlap check.
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`school_day_off:${schoolId}`]);
      const existing = await this.list(schoolId, null, m);
      const checked = checkDayOff(input, existing, { today });
      if (!checked.value) return { ok: false, problems: checked.problems };
      const repo = m.getRepository(SchoolDayOffEntity);
      const dayOff = await repo.save(repo.create({ schoolId, ...checked.value, createdBy }));
      return { ok: true, dayOff };
    });
  }

  /** Removes a day off of this school; false when there is none with this id. */
  async remove(schoolId: string, id: string): Promise<SchoolDayOffEntity | null> {
    return this.dataSource.transaction(async (m) => {
      const row = await m.getRepository(SchoolDayOffEntity).findOneBy({ id, schoolId });
      if (!row) return null;
      await m.getRepository(SchoolDayOffEntity).delete({ id, schoolId });
      return row;
    });
  }

  /**
   * The school's calendar now: regional holidays of its region (bundled and imported school years) plus all its own
   * days off. What a case snapshots when it starts (`loadCaseContext`).
   */
  async calendarFor(school: Pick<SchoolEntity, 'id' | 'region'>, manager: EntityManager = this.dataSource.manager): Promise<SchoolCalendar> {
    const [daysOff, imported] = await Promise.all([this.list(school.id, null, manager), new SchoolHolidayYearRepository(this.dataSource).imported(manager)]);
    return buildSchoolCalendar(
      school.region,
      daysOff.map((d) => ({ from: d.from, to: d.to, name: d.name })),
      KNOWN_SCHOOL_YEARS,
      imported,
    );
  }
}
