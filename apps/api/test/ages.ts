/**
 * Birth dates relative to today, so a test pupil keeps his age whatever the day the suite runs (a pupil born on a
 * fixed date turns 16 one day, and from then on decides his own consent: PROCESSES.md rule 2).
 */
import { format, subDays, subYears } from 'date-fns';
import { toIsoDate } from '@zorgroute/domain/logic';

/** The date of birth of someone who is `years` old today (his birthday was a month ago), YYYY-MM-DD. */
export function bornYearsAgo(years: number): string {
  const today = new Date(`${toIsoDate(Date.now())}T12:00:00`);
  return format(subDays(subYears(today, years), 30), 'yyyy-MM-dd');
}
