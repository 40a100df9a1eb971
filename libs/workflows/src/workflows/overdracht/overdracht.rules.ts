/**
 * P6 — the process's deterministic rules as plain functions (unit-tested in overdracht.rules.spec.ts): due dates from
 * the regional calendar (or N school days when that date has passed), the feedback moments of the policy, the window
 * of the warm handover.
 */
import {
  addCalendarDays,
  addCalendarWeeks,
  dueInSchoolDays,
  previousSchoolDay,
  ZOMERVAKANTIE,
  type DueDate,
  type OverdrachtRegionalCalendar,
  type SchoolCalendar,
} from '@zorgroute/domain/logic';
import type { CaseContext } from '../../activities/case-activities.types';
import type { OverdrachtState } from './overdracht.messages';

export type OverdrachtPolicy = CaseContext['policies']['overdracht'];

/**
 * A due date from the regional calendar; when that date has already passed (a case opened late), N school days from
 * today instead, saying so.
 */
export function regionalDue(cal: OverdrachtRegionalCalendar, calendar: SchoolCalendar, today: string, date: string, what: string, rule: string, lateSchoolDays: number): DueDate {
  if (date >= today) {
    const d = dueInSchoolDays(date, 0, calendar, rule);
    return { ...d, explanation: `${d.explanation} ${what} (regionale overdrachtskalender ${cal.schoolYear}: ${date}).` };
  }
  const d = dueInSchoolDays(today, lateSchoolDays, calendar, `${rule}.late`);
  return { ...d, explanation: `${d.explanation} ${what}: de regionale datum ${date} (kalender ${cal.schoolYear}) was al voorbij, daarom ${lateSchoolDays} schooldagen na vandaag.` };
}

/** The feedback moments of the policy, with their dates from the regional calendar (or the documented default). */
export function feedbackMoments(cal: OverdrachtRegionalCalendar, policy: Pick<OverdrachtPolicy, 'terugkoppelingMoments'>, calendar: SchoolCalendar): OverdrachtState['feedbackMoments'] {
  const start = cal.startSchoolYear;
  const summer = calendar.holidays
    .filter((h) => h.name === ZOMERVAKANTIE && h.from > start)
    .sort((a, b) => a.from.localeCompare(b.from))[0];
  return [...policy.terugkoppelingMoments]
    .map((moment) => {
      if (moment === 'NA_EERSTE_RAPPORT') {
        const set = cal.terugkoppeling?.naEersteRapport;
        const date = set ?? addCalendarWeeks(start, 16);
        return { moment, date, explanation: set ? `Terugkoppeling na het eerste rapport op ${date} (regionale kalender).` : `Terugkoppeling na het eerste rapport: 16 weken na de start van het schooljaar (${start}), ${date}.` };
      }
      const set = cal.terugkoppeling?.eindeLeerjaar1;
      const date = set ?? (summer ? previousSchoolDay(addCalendarDays(summer.from, -1), calendar) : addCalendarWeeks(start, 44));
      return {
        moment,
        date,
        explanation: set ? `Terugkoppeling aan het einde van leerjaar 1 op ${date} (regionale kalender).` : `Terugkoppeling aan het einde van leerjaar 1: de laatste schooldag vóór de zomervakantie, ${date}.`,
      };
    })
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Whether a warm handover on `date` falls inside the regional window. */
export function withinWarmWindow(cal: Pick<OverdrachtRegionalCalendar, 'warmeOverdracht'>, date: string): boolean {
  return date >= cal.warmeOverdracht.from && date <= cal.warmeOverdracht.to;
}
