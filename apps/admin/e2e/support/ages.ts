/**
 * Birth dates relative to today, so a test pupil keeps his age whatever the day the suite runs (from 16 a pupil
 * decides his own consent, PROCESSES.md rule 2). Plain Date arithmetic: the browser tests do not import libs/domain.
 */
export function bornYearsAgo(years: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - 30);
  return d.toISOString().slice(0, 10);
}
