import type { DataSource } from 'typeorm';
import { MeetingRepository, SchoolDayOffRepository, type SchoolEntity } from '@zorgroute/domain';
import { addCalendarDays, addSchoolDays, isoDayOfWeek, isSchoolDay, schoolYearBounds, schoolYearOf, type MeetingKindName } from '@zorgroute/domain/logic';

/** The first school day on `weekday` (1 = Monday) from `from` on. */
function nextWeekday(from: string, weekday: number, isSchool: (d: string) => boolean): string {
  let d = from;
  for (let i = 0; i < 60 && (isoDayOfWeek(d) !== weekday || !isSchool(d)); i++) d = addCalendarDays(d, 1);
  return d;
}

/**
 * Demo meetings (issue 17.8) of the demo school year at Daltoncollege: six ZAT meetings spread over the school year
 * (the check "at least 6" is met), the IZO of the next three Tuesdays and one Flex-ZAT at Het Baken. Seeded after the
 * demo cases, so their ZAT route keeps the state the demo shows; cases started later use these ZAT dates. Idempotent.
 */
export async function seedDemoMeetings(ds: DataSource, schools: Map<string, SchoolEntity>, today: string, log: (line: string) => void): Promise<number> {
  const repo = new MeetingRepository(ds);
  const calendars = new SchoolDayOffRepository(ds);
  let created = 0;
  const ensure = async (school: SchoolEntity, kind: MeetingKindName, date: string, time: string, location: string) => {
    if (await repo.findActive(school.id, kind, date)) return;
    const now = new Date();
    await repo.insert({ schoolId: school.id, kind, schoolYear: schoolYearOf(date), date, time, location, createdBy: null, createdAt: now, updatedAt: now });
    created += 1;
  };
  const dalton = schools.get('dalton');
  if (dalton) {
    const cal = await calendars.calendarFor(dalton);
    const isSchool = (d: string) => isSchoolDay(d, cal);
    const { from } = schoolYearBounds(schoolYearOf(today));
    const year = Number(from.slice(0, 4));
    // The second Thursday of September, November, January, March, April and June.
    for (const [y, month] of [[year, 9], [year, 11], [year + 1, 1], [year + 1, 3], [year + 1, 4], [year + 1, 6]] as const) {
      await ensure(dalton, 'ZAT', nextWeekday(addCalendarDays(`${y}-${String(month).padStart(2, '0')}-01`, 7), 4, isSchool), '13:30', 'vergaderkamer 2');
    }
    let izo = addSchoolDays(today, 1, cal);
    for (let i = 0; i < 3; i++) {
      izo = nextWeekday(izo, 2, isSchool);
      await ensure(dalton, 'IZO', izo, '14:30', 'kamer zorgcoördinator');
      izo = addCalendarDays(izo, 1);
    }
  }
  const baken = schools.get('lyceum');
  if (baken) {
    const cal = await calendars.calendarFor(baken);
    await ensure(baken, 'FLEX_ZAT', nextWeekday(addSchoolDays(today, 3, cal), 3, (d) => isSchoolDay(d, cal)), '10:00', 'spreekkamer');
  }
  if (created) log(`[seed] ${created} demo meetings`);
  return created;
}
