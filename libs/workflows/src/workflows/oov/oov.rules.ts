/**
 * P5 — the process's deterministic rules as plain functions (unit-tested in oov.rules.spec.ts): when the preparation is
 * complete, how long an arrangement lasts, when its evaluations fall, which longer arrangement an extension may be and
 * when the pupil may return.
 */
import { addCalendarDays, addCalendarMonths, addCalendarWeeks, calendarDaysBetween, nextSchoolDay, type SchoolCalendar } from '@zorgroute/domain/logic';
import type { CaseContext } from '../../activities/case-activities.types';
import { OOV_REQUIRED_CONSULTATIONS, type OovArrangement, type OovConsultation, type OovPeriod } from './oov.messages';

export type OovPolicy = CaseContext['policies']['oov'];

/** The preparation is complete once parents, SWV and Sociaal Team have each been consulted [003:1103-1104]. */
export function consultationsComplete(consultations: readonly Pick<OovConsultation, 'party'>[]): boolean {
  return OOV_REQUIRED_CONSULTATIONS.every((p) => consultations.some((c) => c.party === p));
}

/** The end date of an arrangement that starts on `start`: weeks for the observation, months for the treatment. */
export function arrangementEnd(a: OovArrangement, start: string, policy: OovPolicy): string {
  if (a === 'OBSERVATIE_6W') return addCalendarWeeks(start, policy.observatietrajectWeeks);
  return addCalendarMonths(start, a === 'OBS_BEHANDEL_3M' ? policy.behandeltrajectKortMonths : policy.behandeltrajectLangMonths);
}

/** The length of an arrangement in days (from a fixed date, so it compares arrangements, not calendars). */
export function arrangementDays(a: OovArrangement, policy: OovPolicy): number {
  return calendarDaysBetween('2030-01-01', arrangementEnd(a, '2030-01-01', policy));
}

/** An extension (or the decision on one) must be an arrangement at least as long as the current one. */
export function isShorterArrangement(next: OovArrangement, current: OovArrangement, policy: OovPolicy): boolean {
  return arrangementDays(next, policy) < arrangementDays(current, policy);
}

/**
 * The placement period of round `round`: the computed end, the evaluation at half-time and the one N weeks before the
 * end (which decides how it ends).
 */
export function placementPeriod(round: number, arrangement: OovArrangement, location: string, startDate: string, policy: OovPolicy): OovPeriod {
  const endDate = arrangementEnd(arrangement, startDate, policy);
  const midEvaluationDate = addCalendarDays(startDate, Math.round(calendarDaysBetween(startDate, endDate) * policy.midEvaluationAtFraction));
  const endEvaluationDate = addCalendarWeeks(endDate, -policy.evaluationBeforeEndWeeks);
  return { round, arrangement, location, startDate, endDate, midEvaluationDate, endEvaluationDate };
}

/** The return plan is due by the end date of the arrangement, or today when that has passed. */
export function returnPlanDueFrom(period: Pick<OovPeriod, 'endDate'>, today: string): string {
  return period.endDate > today ? period.endDate : today;
}

/**
 * The pupil returns from the start of the placement until two weeks after its end (or after today, when later). When
 * those two weeks end in a school holiday (an arrangement that ends in the zomervakantie), the window runs on to the
 * first school day after it: the pupil can only return on a school day, and the return plan itself is due on the first
 * school day after the end.
 */
export function returnDateWindow(period: Pick<OovPeriod, 'startDate' | 'endDate'>, today: string, calendar: SchoolCalendar): { from: string; to: string } {
  return { from: period.startDate, to: nextSchoolDay(addCalendarDays(returnPlanDueFrom(period, today), 14), calendar) };
}

/** Why the intake's dates cannot be (Dutch and English), or null: after the SWV's decision, the start within 90 days. */
export function intakeDatesProblem(intake: { date: string; startDate: string }, decidedOn: string): { nl: string; en: string } | null {
  if (intake.date < decidedOn) return { nl: 'De intake valt vóór het besluit van het SWV', en: 'The intake is before the SWV’s decision' };
  if (intake.startDate < intake.date) return { nl: 'De plaatsing begint niet vóór de intake', en: 'The placement does not start before the intake' };
  if (calendarDaysBetween(intake.date, intake.startDate) > 90) return { nl: 'De plaatsing begint binnen 90 dagen na de intake', en: 'The placement starts within 90 days of the intake' };
  return null;
}
