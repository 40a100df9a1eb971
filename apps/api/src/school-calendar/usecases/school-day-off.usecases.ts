import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SchoolDayOffEntity, SchoolDayOffRepository } from '@zorgroute/domain';
import type { AuthUser } from '../../auth/auth-user';
import { AppError } from '../../common/app-error';
import { isUuid } from '@zorgroute/domain';
import { validateOrThrow } from '../../common/validate';
import { SchoolSettingsAccess } from '../../policies/school-settings.access';
import { AddSchoolDayOffInput } from '../dtos/school-calendar.inputs';
import type { SchoolDayOffModel } from '../models/school-calendar.model';
import { SchoolCalendarService } from '../school-calendar.service';

/**
 * Adds a day off to a school's calendar (its zorgcoördinator or an admin). Every problem is listed (dates, school
 * year, length, overlap) and nothing is written when there is one. Cases started from now on count it; running
 * cases keep the calendar they snapshotted.
 */
@Injectable()
export class AddSchoolDayOffUseCase {
  private readonly repo: SchoolDayOffRepository;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(SchoolSettingsAccess) private readonly access: SchoolSettingsAccess,
    @Inject(SchoolCalendarService) private readonly calendar: SchoolCalendarService,
  ) {
    this.repo = new SchoolDayOffRepository(dataSource);
  }

  async execute(user: AuthUser, raw: AddSchoolDayOffInput): Promise<SchoolDayOffModel> {
    const input = validateOrThrow(AddSchoolDayOffInput, raw);
    const school = await this.access.schoolForCalendarEdit(user, input.schoolId);
    const result = await this.repo.add(school.id, { from: input.from, to: input.to, name: input.name, schoolYear: input.schoolYear ?? null }, user.id);
    if (!result.ok) {
      throw new AppError(
        'BAD_USER_INPUT',
        `Ongeldige vrije dag: ${result.problems.map((p) => p.nl).join('; ')}`,
        `Invalid day off: ${result.problems.map((p) => p.en).join('; ')}`,
        { problems: result.problems },
      );
    }
    const [model] = await this.calendar.toModels([result.dayOff]);
    return model;
  }
}

/** Removes a day off of a school's calendar (its zorgcoördinator or an admin); returns what was removed. */
@Injectable()
export class RemoveSchoolDayOffUseCase {
  private readonly repo: SchoolDayOffRepository;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(SchoolSettingsAccess) private readonly access: SchoolSettingsAccess,
    @Inject(SchoolCalendarService) private readonly calendar: SchoolCalendarService,
  ) {
    this.repo = new SchoolDayOffRepository(dataSource);
  }

  async execute(user: AuthUser, id: string): Promise<SchoolDayOffModel> {
    const row = isUuid(id) ? await this.dataSource.getRepository(SchoolDayOffEntity).findOneBy({ id }) : null;
    if (!row) throw AppError.notFound('Vrije dag', 'Day off');
    const school = await this.access.schoolForCalendarEdit(user, row.schoolId);
    const removed = await this.repo.remove(school.id, row.id);
    if (!removed) throw AppError.notFound('Vrije dag', 'Day off');
    const [model] = await this.calendar.toModels([removed]);
    return model;
  }
}
