/**
 * The instant at which every time-skipping test server starts (docs/architecture.md, "Tests").
 *
 * The Java test server normally starts at the wall clock, so a test that derives "today" behaved differently late in
 * the evening, on a holiday or across a daylight-saving change. Our launcher takes `--start-at=<instant>`, and every
 * test server starts at the same instant: a Tuesday school day at 10:00 Europe/Amsterdam, whatever the hour or the
 * day the suite runs.
 *
 * `ZR_TEST_CLOCK` moves the whole suite to another start: an Amsterdam wall time (`2027-03-27T23:50`) or an instant
 * with its offset (`2027-03-27T22:50:00Z`). Used to check that the suite passes when started at 23:50 and on the
 * daylight-saving change days (`npm test -- libs/workflows` with `ZR_TEST_CLOCK` set), without waiting for them.
 */
import { zonedInstant } from '@zorgroute/domain/logic';

/** Default: Tuesday 12 January 2027, 10:00 in Amsterdam (a school day in every region, no holiday near). */
export const DEFAULT_TEST_START = '2027-01-12T10:00';

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/** The ISO instant (UTC) of an Amsterdam wall time `YYYY-MM-DDTHH:mm`, or of an instant with an explicit offset. */
export function testStartInstant(value: string = process.env.ZR_TEST_CLOCK || DEFAULT_TEST_START): string {
  const local = LOCAL.exec(value);
  const ms = local ? Date.parse(zonedInstant(local[1] as string, Number(local[2]), Number(local[3]))) : Date.parse(value);
  if (Number.isNaN(ms) || (!local && !/(Z|[+-]\d{2}:\d{2})$/.test(value))) {
    throw new Error(`ZR_TEST_CLOCK: expected an Amsterdam wall time like 2027-03-27T23:50 or an ISO instant with offset, got ${JSON.stringify(value)}`);
  }
  return new Date(ms).toISOString();
}
