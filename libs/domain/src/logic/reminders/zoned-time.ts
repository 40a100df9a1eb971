/**
 * Instants (UTC ISO strings) for wall-clock times in the schools' time zone, and back to calendar dates.
 * Pure: no clock, no machine time zone; time-zone offsets come from Intl through @date-fns/tz's `tzOffset` (never a
 * `TZDate`: inside Temporal's workflow sandbox a Date subclass loses its zone, see calendar/iso-date.ts).
 */
import { tzOffset } from '@date-fns/tz';
import { addCalendarDays, assertInteger, assertIsoDate, utcToIsoDate, type IsoDate } from '../calendar';

/** The time zone of every school. */
export const SCHOOL_TIME_ZONE = 'Europe/Amsterdam';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** An ISO date-time that states its zone: `Z` or a `±hh:mm` / `±hhmm` offset. */
const ZONED_ISO_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The UTC instant (ISO string, e.g. `2026-11-23T07:00:00.000Z`) at which the wall clock in `timeZone` shows
 * `date` `hour`:`minute`.
 *
 * Daylight-saving transitions follow the usual "compatible" rule: a time that does not exist (the hour skipped on the
 * last Sunday of March) moves forward by the length of the gap (02:30 → 03:30 CEST); a time that occurs twice (the
 * repeated hour on the last Sunday of October) takes the earlier occurrence (02:30 CEST).
 */
export function zonedInstant(date: IsoDate, hour: number, minute: number, timeZone: string = SCHOOL_TIME_ZONE): string {
  assertIsoDate(date);
  assertInteger(hour, 'hour');
  assertInteger(minute, 'minute');
  if (hour < 0 || hour > 23) throw new RangeError(`hour: expected 0-23, got ${hour}`);
  if (minute < 0 || minute > 59) throw new RangeError(`minute: expected 0-59, got ${minute}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wall = new Date(Date.UTC(year, month - 1, day, hour, minute));
  wall.setUTCFullYear(year);
  const wallMs = wall.getTime();

  // The offsets in force a day before and a day after cover every real transition (none is closer than a day).
  const offsetBefore = tzOffset(timeZone, new Date(wallMs - DAY_MS));
  const offsetAfter = tzOffset(timeZone, new Date(wallMs + DAY_MS));
  if (Number.isNaN(offsetBefore) || Number.isNaN(offsetAfter)) {
    throw new RangeError(`Unknown time zone ${JSON.stringify(timeZone)}`);
  }
  const candidates = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => wallMs - offset * MINUTE_MS)
    .filter((instant) => wallMs - tzOffset(timeZone, new Date(instant)) * MINUTE_MS === instant)
    .sort((a, b) => a - b);
  // No candidate: the wall time falls in a gap; the pre-transition offset moves it forward by the gap.
  const instant = candidates[0] ?? wallMs - offsetBefore * MINUTE_MS;
  return new Date(instant).toISOString();
}

/**
 * The last instant (ISO string) of `date` on the wall clock of `timeZone`: one millisecond before the next day's
 * 00:00. Something allowed "until the end of `date`" (a parent's last day to answer) is on time at 23:59 that day.
 */
export function endOfZonedDay(date: IsoDate, timeZone: string = SCHOOL_TIME_ZONE): string {
  assertIsoDate(date);
  return new Date(Date.parse(zonedInstant(addCalendarDays(date, 1), 0, 0, timeZone)) - 1).toISOString();
}

function toEpochMs(instant: string | number): number {
  if (typeof instant === 'number') {
    if (!Number.isFinite(instant)) throw new RangeError(`instant: expected finite epoch milliseconds, got ${instant}`);
    return instant;
  }
  if (typeof instant !== 'string' || !ZONED_ISO_PATTERN.test(instant)) {
    throw new RangeError(
      `instant: expected an ISO date-time with Z or an offset (e.g. 2026-11-23T07:00:00Z), got ${JSON.stringify(instant)}`,
    );
  }
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`instant: not a valid date-time: ${JSON.stringify(instant)}`);
  return ms;
}

/**
 * The calendar date in `timeZone` (default Europe/Amsterdam) of an instant given as epoch milliseconds or as an ISO
 * string with an explicit zone (a string without `Z` or offset is rejected: it would depend on the machine).
 */
export function toIsoDate(instant: string | number, timeZone: string = SCHOOL_TIME_ZONE): IsoDate {
  const ms = toEpochMs(instant);
  const offsetMinutes = tzOffset(timeZone, new Date(ms));
  if (Number.isNaN(offsetMinutes)) throw new RangeError(`Unknown time zone ${JSON.stringify(timeZone)}`);
  // The wall clock in `timeZone` is the instant shifted by its offset; its UTC fields are the local date.
  return utcToIsoDate(ms + offsetMinutes * MINUTE_MS);
}

/** Epoch milliseconds of an instant string (with explicit zone). */
export function instantToMs(instant: string): number {
  return toEpochMs(instant);
}
