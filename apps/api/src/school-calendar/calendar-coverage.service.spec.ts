import { Logger } from '@nestjs/common';
import { Role } from '@zorgroute/domain';
import type { AuthUser } from '../auth/auth-user';
import { CalendarCoverageService } from './calendar-coverage.service';

const user = (role: Role) => ({ id: 'u', name: 'Iemand', role, schoolId: 's', swvId: 'v', pupilId: null }) as unknown as AuthUser;

describe('CalendarCoverageService (the runway of the bundled holiday data)', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('logs a structured warning at start-up on 1 August 2027, without personal data', () => {
    new CalendarCoverageService().logAtStartup('2027-08-01');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(
      'The school holiday data ends on 2028-07-31; add school year 2028-2029 (libs/domain/src/logic/calendar/school-holidays-nl.ts)',
      { event: 'holiday_data_runway_short', coveredUntil: '2028-07-31', missingSchoolYears: ['2028-2029'] },
    );
  });

  it('logs nothing while the current and the next school year are covered (6 December 2026)', () => {
    expect(new CalendarCoverageService().logAtStartup('2026-12-06').warning).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it('shows the admin and the zorgcoördinator the runway and its Dutch warning; refuses others', () => {
    const service = new CalendarCoverageService();
    expect(service.coverage(user(Role.ADMIN), '2027-08-01')).toEqual({
      coveredUntil: '2028-07-31',
      missingSchoolYears: ['2028-2029'],
      warning: 'De vakantiedata lopen tot 31 juli 2028; voeg het schooljaar 2028-2029 toe',
    });
    expect(service.coverage(user(Role.ZORGCOORDINATOR), '2026-12-06')).toEqual({ coveredUntil: '2028-07-31', missingSchoolYears: [], warning: null });
    expect(() => service.coverage(user(Role.MENTOR), '2027-08-01')).toThrow('U heeft geen toegang');
  });
});
