import { Logger } from '@nestjs/common';
import { Role } from '@zorgroute/domain';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { CalendarCoverageService } from './calendar-coverage.service';

/** A database with the given imported school years (no other table is read). */
const db = (imported: string[] = []) =>
  ({ manager: { getRepository: () => ({ find: async () => imported.map((schoolYear) => ({ schoolYear, holidays: {} })) }) } }) as unknown as DataSource;
const user = (role: Role) => ({ id: 'u', name: 'Iemand', role, schoolId: 's', swvId: 'v', pupilId: null }) as unknown as AuthUser;

describe('CalendarCoverageService (the runway of the bundled holiday data)', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('logs a structured warning at start-up on 1 August 2027, without personal data', async () => {
    await new CalendarCoverageService(db()).logAtStartup('2027-08-01');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(
      "The school holiday data ends on 2028-07-31; add school year 2028-2029 (import the ministry's file on the Schoolkalender page as platform admin)",
      { event: 'holiday_data_runway_short', coveredUntil: '2028-07-31', missingSchoolYears: ['2028-2029'] },
    );
  });

  it('logs nothing while the current and the next school year are covered (6 December 2026)', async () => {
    expect((await new CalendarCoverageService(db()).logAtStartup('2026-12-06')).warning).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it('counts an imported school year: with 2028-2029 imported, 1 August 2027 is covered', async () => {
    expect((await new CalendarCoverageService(db(['2028-2029'])).logAtStartup('2027-08-01')).coveredUntil).toBe('2029-07-31');
    expect(warn).not.toHaveBeenCalled();
  });

  it('shows the admins and the zorgcoördinator the runway and its Dutch warning; refuses others', async () => {
    const service = new CalendarCoverageService(db());
    expect(await service.coverage(user(Role.PLATFORM_ADMIN), '2027-08-01')).toEqual({
      coveredUntil: '2028-07-31',
      missingSchoolYears: ['2028-2029'],
      warning: 'De vakantiedata lopen tot 31 juli 2028; voeg het schooljaar 2028-2029 toe',
    });
    expect(await service.coverage(user(Role.ZORGCOORDINATOR), '2026-12-06')).toEqual({ coveredUntil: '2028-07-31', missingSchoolYears: [], warning: null });
    await expect(service.coverage(user(Role.MENTOR), '2027-08-01')).rejects.toThrow('U heeft geen toegang');
  });
});
