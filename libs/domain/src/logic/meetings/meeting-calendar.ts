/**
 * The meetings of a school (issue 17.8): the IZO, the ZAT and the Flex-ZAT as dated meetings per school year. Pure
 * rules, used by the api (the Overleggen screen, checks before anything is stored) and by the worker (the ZAT dates a
 * new P2 case snapshots). No clock: "today" is always an argument.
 */
import { isIsoDate, isSchoolDay, nonSchoolDayReason, schoolYearOf, type IsoDate, type SchoolCalendar } from '../calendar';

export const MEETING_KINDS = ['IZO', 'ZAT', 'FLEX_ZAT'] as const;
export type MeetingKindName = (typeof MEETING_KINDS)[number];

/** PROCESSES.md P2.8 [001:3869]: the school's ZAT calendar has at least 6 meetings per school year. */
export const MIN_ZAT_MEETINGS_PER_SCHOOL_YEAR = 6;

/** Longest place text of a meeting (it appears in e-mails and calendar entries). */
export const MEETING_LOCATION_MAX = 120;

/** The Dutch names of the kinds, as the screens and e-mails say them. */
export const MEETING_KIND_LABELS: Record<MeetingKindName, string> = {
  IZO: 'IZO-overleg',
  ZAT: 'ZAT-overleg',
  FLEX_ZAT: 'Flex-ZAT',
};

/** A meeting as the rules see it. */
export interface MeetingFacts {
  kind: MeetingKindName;
  date: IsoDate;
  cancelled: boolean;
}

/** A rule broken, in Dutch for the user and in English for the log, with the field it concerns. */
export interface MeetingProblem {
  field: 'kind' | 'date' | 'time' | 'location' | 'schoolYear';
  nl: string;
  en: string;
}

/** What is planned or changed. */
export interface MeetingPlan {
  kind: string;
  date: string;
  time?: string | null;
  location?: string | null;
  schoolYear?: string | null;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Whether a value is one of the meeting kinds. */
export function isMeetingKind(value: unknown): value is MeetingKindName {
  return typeof value === 'string' && (MEETING_KINDS as readonly string[]).includes(value);
}

/**
 * Every problem of a meeting to plan or change, none when it may be stored: a known kind, a real date that is not before
 * `today` and falls on a school day of the school's calendar, in the school year it is filed under, a time HH:MM when
 * given, a place of at most 120 characters.
 */
export function meetingPlanProblems(plan: MeetingPlan, today: IsoDate, calendar: SchoolCalendar): MeetingProblem[] {
  const problems: MeetingProblem[] = [];
  if (!isMeetingKind(plan.kind)) problems.push({ field: 'kind', nl: 'kies IZO, ZAT of Flex-ZAT', en: 'kind must be IZO, ZAT or FLEX_ZAT' });
  if (!isIsoDate(plan.date)) {
    problems.push({ field: 'date', nl: 'de datum moet een datum zijn (JJJJ-MM-DD)', en: 'date must be a date YYYY-MM-DD' });
  } else {
    if (plan.date < today) problems.push({ field: 'date', nl: 'de datum ligt in het verleden', en: 'the date is in the past' });
    if (!isSchoolDay(plan.date, calendar)) {
      const why = nonSchoolDayReason(plan.date, calendar);
      problems.push({ field: 'date', nl: `de datum is geen schooldag${why ? ` (${why})` : ''}`, en: 'the date is not a school day' });
    }
    if (plan.schoolYear && schoolYearOf(plan.date) !== plan.schoolYear) {
      problems.push({ field: 'schoolYear', nl: `de datum valt niet in schooljaar ${plan.schoolYear}`, en: `the date is not in school year ${plan.schoolYear}` });
    }
  }
  if (plan.time !== undefined && plan.time !== null && plan.time !== '' && !TIME.test(plan.time)) {
    problems.push({ field: 'time', nl: 'de tijd moet als UU:MM (bijvoorbeeld 14:30)', en: 'time must be HH:MM' });
  }
  if (typeof plan.location === 'string' && plan.location.trim().length > MEETING_LOCATION_MAX) {
    problems.push({ field: 'location', nl: `de plaats is langer dan ${MEETING_LOCATION_MAX} tekens`, en: `location is longer than ${MEETING_LOCATION_MAX} characters` });
  }
  return problems;
}

/** The check of a school year's ZAT calendar, as the Overleggen screen shows it. */
export interface ZatCalendarCheck {
  schoolYear: string;
  /** ZAT meetings of the school year that are not cancelled. */
  count: number;
  minimum: number;
  /** The warning in Dutch (null: the calendar is complete or the school uses the Flex-ZAT). */
  warning: string | null;
  warningEn: string | null;
}

/**
 * Whether a school year has its ZAT meetings (at least 6 [001:3869]): cancelled meetings do not count; a school that
 * convenes a Flex-ZAT on demand instead (policy `zorgroute.flexZat`) gets no warning.
 */
export function checkZatCalendar(meetings: readonly MeetingFacts[], schoolYear: string, flexZat: boolean): ZatCalendarCheck {
  const count = meetings.filter((m) => m.kind === 'ZAT' && !m.cancelled && isIsoDate(m.date) && schoolYearOf(m.date) === schoolYear).length;
  const short = !flexZat && count < MIN_ZAT_MEETINGS_PER_SCHOOL_YEAR;
  return {
    schoolYear,
    count,
    minimum: MIN_ZAT_MEETINGS_PER_SCHOOL_YEAR,
    warning: short
      ? `Schooljaar ${schoolYear} heeft ${count === 0 ? 'nog geen' : `${count}`} ZAT-overleg${count === 1 ? '' : 'gen'}; plan er minstens ${MIN_ZAT_MEETINGS_PER_SCHOOL_YEAR} per schooljaar.`
      : null,
    warningEn: short ? `School year ${schoolYear} has ${count} ZAT meetings; plan at least ${MIN_ZAT_MEETINGS_PER_SCHOOL_YEAR} per school year.` : null,
  };
}

/** The dates of the school's ZAT calendar that a new P2 case snapshots: ZAT meetings not cancelled, sorted, once each. */
export function zatCalendarDates(meetings: readonly MeetingFacts[]): IsoDate[] {
  return [...new Set(meetings.filter((m) => m.kind === 'ZAT' && !m.cancelled && isIsoDate(m.date)).map((m) => m.date))].sort();
}
