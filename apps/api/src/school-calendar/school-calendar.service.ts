import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { isSchoolYear, SchoolDayOffRepository, UserEntity, type SchoolDayOffEntity } from '@zorgroute/domain';
import {
  addCalendarDays,
  dueInSchoolDays,
  isIsoDate,
  schoolDaysBetween,
  schoolYearBounds,
  schoolYearOf,
  toIsoDate,
} from '@zorgroute/domain/logic';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { validateOrThrow } from '../common/validate';
import { SchoolSettingsAccess } from '../policies/school-settings.access';
import { ExplainDueDateArgs, SchoolYearArgs } from './dtos/school-calendar.inputs';
import type { ExplainedDueDateModel, SchoolCalendarModel, SchoolDayOffModel } from './models/school-calendar.model';

/** Reads a school's calendar (regional holidays plus its own days off) and explains due dates on it. */
@Injectable()
export class SchoolCalendarService {
  private readonly repo: SchoolDayOffRepository;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(SchoolSettingsAccess) private readonly access: SchoolSettingsAccess,
  ) {
    this.repo = new SchoolDayOffRepository(dataSource);
  }

  private schoolYear(raw: string | null | undefined): string {
    const year = raw ?? schoolYearOf(toIsoDate(Date.now()));
    if (!isSchoolYear(year)) throw new AppError('BAD_USER_INPUT', 'Ongeldige invoer: schooljaar moet twee opeenvolgende jaren zijn, bv. 2026-2027', 'Invalid input: the school year must be two consecutive years, e.g. 2026-2027');
    return year;
  }

  async daysOff(user: AuthUser, rawArgs: SchoolYearArgs): Promise<SchoolDayOffModel[]> {
    const args = validateOrThrow(SchoolYearArgs, rawArgs);
    const school = await this.access.schoolForCalendarEdit(user, args.schoolId);
    return this.toModels(await this.repo.list(school.id, args.schoolYear ? this.schoolYear(args.schoolYear) : null));
  }

  async calendar(user: AuthUser, rawArgs: SchoolYearArgs): Promise<SchoolCalendarModel> {
    const args = validateOrThrow(SchoolYearArgs, rawArgs);
    const school = await this.access.schoolForCalendarRead(user, args.schoolId);
    const year = this.schoolYear(args.schoolYear);
    const [cal, daysOff] = await Promise.all([this.repo.calendarFor(school), this.repo.list(school.id, year)]);
    const holidaysKnown = cal.schoolYears?.includes(year) ?? false;
    const { from, to } = schoolYearBounds(year);
    return {
      schoolId: school.id,
      region: school.region,
      schoolYear: year,
      holidaysKnown,
      // The regional holidays that begin in this school year (bundled or imported).
      holidays: holidaysKnown ? cal.holidays.filter((h) => schoolYearOf(h.from) === year) : [],
      daysOff: await this.toModels(daysOff),
      schoolDays: schoolDaysBetween(addCalendarDays(from, -1), to, cal),
    };
  }

  async explain(user: AuthUser, rawArgs: ExplainDueDateArgs): Promise<ExplainedDueDateModel> {
    const args = validateOrThrow(ExplainDueDateArgs, rawArgs);
    if (!isIsoDate(args.start)) throw new AppError('BAD_USER_INPUT', 'Ongeldige invoer: start is geen bestaande datum', 'Invalid input: start is not an existing date');
    const school = await this.access.schoolForCalendarRead(user, args.schoolId);
    const cal = await this.repo.calendarFor(school);
    // A due date counted across a school year without holiday data says so in its explanation (withoutHolidayData).
    const due = dueInSchoolDays(args.start, args.schoolDays, cal, 'schooldagen');
    return { date: due.date, explanation: due.explanation, rule: due.rule, inputsJson: JSON.stringify(due.inputs) };
  }

  async toModels(rows: SchoolDayOffEntity[]): Promise<SchoolDayOffModel[]> {
    const ids = [...new Set(rows.map((r) => r.createdBy).filter((x): x is string => !!x))];
    const users = ids.length ? await this.dataSource.getRepository(UserEntity).findBy({ id: In(ids) }) : [];
    const names = new Map(users.map((u) => [u.id, u.name]));
    return rows.map((r) => ({
      id: r.id,
      schoolId: r.schoolId,
      schoolYear: r.schoolYear,
      from: r.from,
      to: r.to,
      name: r.name,
      createdAt: r.createdAt,
      createdByName: r.createdBy ? (names.get(r.createdBy) ?? null) : null,
    }));
  }
}
