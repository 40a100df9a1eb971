// The runway of the bundled regional holiday data (libs/domain/src/logic/calendar/school-holidays-nl.ts): `npm start`
// warns when it does not cover the current and the next school year. The rule is the domain library's own
// (libs/domain/src/school-calendar/holiday-coverage.ts), loaded from its build.
import { createRequire } from 'node:module';
import { fromRoot } from './paths.mjs';

/** Built files this check needs (for `requireFiles`). */
export const HOLIDAY_RUNWAY_FILES = ['libs/domain/dist/school-calendar/holiday-coverage.js', 'libs/domain/dist/logic/index.js'];

/**
 * The warning to print, or null when the holiday data covers the current and the next school year.
 * @param {string} [today] YYYY-MM-DD (default: today in Europe/Amsterdam)
 * @returns {string | null}
 */
export function holidayRunwayWarning(today) {
  const require = createRequire(import.meta.url);
  const { holidayDataCoverage } = require(fromRoot(HOLIDAY_RUNWAY_FILES[0]));
  const { toIsoDate } = require(fromRoot(HOLIDAY_RUNWAY_FILES[1]));
  const coverage = holidayDataCoverage(today ?? toIsoDate(Date.now()));
  if (!coverage.warningEn) return null;
  return `${coverage.warningEn} in libs/domain/src/logic/calendar/school-holidays-nl.ts (see docs/operations.md, "School holiday data"). Until then, due dates in a missing school year count its holidays as school days.`;
}
