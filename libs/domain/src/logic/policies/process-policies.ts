/**
 * Every duration, cadence and threshold of the six processes as a typed policy with the specification's defaults.
 *
 * "Every duration, cadence and threshold below is a policy value with a default, configurable per samenwerkingsverband
 * (SWV) and per school, versioned, and snapshotted into a case when it starts" (PROCESSES.md, introduction).
 * Source anchors: `P1.2` is process P1 step 2 of PROCESSES.md; `[000:120-123]` is seed 000, lines 120-123.
 * Units are in the field names: SchoolDays count school days (see the calendar), Weeks/Months count calendar time.
 */
import type { IsoDate } from '../calendar';
import { DEFAULT_LADDER, type LadderPolicy } from '../reminders';

/** P1 Ondersteuningstraject, the short support trajectory [000:117-137, 000:155-226]. */
export interface OndersteuningstrajectPolicy {
  /** P1.1: parents are informed of the signal by default. */
  informParents: boolean;
  /** P1.1: consent to register the pupil in the zorgteam is required "where the school's policy says so" [003:1409-1416]. */
  registrationConsentRequired: boolean;
  /** P1.2: the intake conversation takes place within this many school days of the signal. */
  intakeWithinSchoolDays: number;
  /** P1.3: a coach is chosen on the goal within this many school days of the intake [000:121-124]. */
  matchingWithinSchoolDays: number;
  /** P1.4: length chosen at the start, "6–9 weeks (policy default 8)" [000:120-123]. */
  defaultWeeks: number;
  /** P1.4: lower bound of the length [000:120-123]. */
  minWeeks: number;
  /** P1.4: upper bound of the length [000:120-123]. */
  maxWeeks: number;
  /** P1.4: sessions are weekly, "at a fixed slot" [000:128-133]. */
  sessionEveryWeeks: number;
  /** P1.4: a session lasts 1 hour [000:128-133]. */
  sessionMinutes: number;
  /** P1.4: the coach logs each session within this many school days. */
  sessionLogWithinSchoolDays: number;
  /** P1.4: the tussenevaluatie is due at this fraction of the length ("at half-time") [000:125-126]. */
  midEvaluationAtFraction: number;
  /** P1 notifications: an optional reminder to pupil and coach before each session (default off). */
  sessionReminders: boolean;
  /** P1.5: the outcome of the eindevaluatie is due within this many school days of the end date [000:126-128]. */
  outcomeWithinSchoolDays: number;
  /** P1.5 `VERLENGD`: how many extensions a trajectory may have ("the policy sets the maximum number"). */
  maxExtensions: number;
  /** P1.5 `VERLENGD`: shortest extension, "2–9 weeks by default". */
  extensionMinWeeks: number;
  /** P1.5 `VERLENGD`: longest extension. */
  extensionMaxWeeks: number;
}

/** P2 Zorgroute: signal → IZO → ZAT, including Flex-ZAT [001:3300-3990, 003:1158-1255, 002:1642-2005]. */
export interface ZorgroutePolicy {
  /** P2.2: triage by the zorgcoördinator within this many school days of submission [001:3520-3526]. */
  triageWithinSchoolDays: number;
  /** P2.4: the IZO meets every this many weeks ("default weekly, weekday per school") [001:3550]. */
  izoEveryWeeks: number;
  /** P2.5: the IZO minutes reach care team, teamleider and mentor within this many school days [001:3649-3651]. */
  minutesWithinSchoolDays: number;
  /** P2.6: the nagesprek with parents and pupil within this many school days [001:3659-3671]. */
  nagesprekWithinSchoolDays: number;
  /** P2.7: default evaluation date this many weeks after the IZO ("na enkele weken") [001:3505]. */
  evaluationAfterWeeks: number;
  /** P2.8: the ZAT meets at least this many times per school year [001:3869]. */
  zatMinMeetingsPerSchoolYear: number;
  /** P2.8: the ZAT agenda is sent at least this many school days before the meeting ("tijdig") [001:3888]. */
  zatAgendaBeforeSchoolDays: number;
  /** P2 Flex-ZAT: the school convenes an on-demand Flex-ZAT instead of fixed ZAT meetings [003:1228-1255]. */
  flexZat: boolean;
  /** P2 Flex-ZAT: convened within this many school days of the request [003:1228-1255]. */
  flexZatWithinSchoolDays: number;
}

/** P3 JOS, Jeugd Ondersteuning op School, capped at 5 months [003:699-748, 003:2336-2352]. */
export interface JosPolicy {
  /** P3.1: the mentor fills in the JOS form within this many school days of the decision. */
  formWithinSchoolDays: number;
  /** P3.2: the JOS worker holds the startgesprek within this many school days [003:736-738]. */
  startgesprekWithinSchoolDays: number;
  /** P3.3: without a parent's signature after this many school days the case returns to the zorgcoördinator [003:738-740]. */
  signatureTimeoutSchoolDays: number;
  /** P3.4: hard cap in calendar months, counted from the signature; it cannot be extended [003:742-744]. */
  maxMonths: number;
  /** P3.4: progress evaluation every this many weeks. */
  evaluationEveryWeeks: number;
  /** P3.4: JOS worker and zorgcoördinator are told this many weeks before the cap. */
  capWarningWeeksBefore: number;
  /** P3.5: outcome within this many school days of the end [003:744-748]. */
  outcomeWithinSchoolDays: number;
}

/** P4 Aanmelding and zorgplicht: 6 weeks, once extendable by 4 [003:287-307; Wet passend onderwijs]. */
export interface ZorgplichtPolicy {
  /** P4 / P4.2: decision due this many calendar weeks after receipt of the written application [003:297-299]. */
  decisionWeeks: number;
  /** P4: the term may be extended this many times ("once") [003:297-299]. */
  maxExtensions: number;
  /** P4 / P4.2: an extension adds at most this many calendar weeks [003:297-299]. */
  extensionMaxWeeks: number;
  /** P4.2: whether the zomervakantie suspends the term (default off); the case shows which rule applied. */
  suspendSummerHoliday: boolean;
  /** P4.3: the SWV loket is told when this many days remain without decision or extension ("1 week remains"). */
  swvWarnDaysBefore: number;
  /** P4.3: the SWV loket is alerted again at this many weeks without a decision (risk of a thuiszitter). */
  swvAlertAfterWeeks: number;
  /** P4.4: term for bezwaar (objection) stated in the decision letter, in weeks. */
  bezwaarWeeks: number;
}

/** P5 OOV arrangement: 6 weeks, 3 months or 6 months [003:1071-1114, 001:4000-4003]. */
export interface OovPolicy {
  /** P5.2: "observatietraject 6 weken" [003:1096-1102]. */
  observatietrajectWeeks: number;
  /** P5.2: "observatie- en behandeltraject 3 maanden" [003:1096-1102]. */
  behandeltrajectKortMonths: number;
  /** P5.2: "observatie- en behandeltraject 6 maanden" [003:1096-1102]. */
  behandeltrajectLangMonths: number;
  /** P5.4: an evaluation at this fraction of the arrangement ("at half-time"). */
  midEvaluationAtFraction: number;
  /** P5.4: an evaluation this many weeks before the end. */
  evaluationBeforeEndWeeks: number;
  /** P5.4 `TERUGKEER`: a follow-up evaluation this many weeks after the return. */
  followUpAfterReturnWeeks: number;
}

/** P6 moments at which the secondary school gives feedback to the primary school [001:4241-4242]. */
export type TerugkoppelingMoment = 'NA_EERSTE_RAPPORT' | 'EINDE_LEERJAAR_1';

/**
 * One school year of the regional PO→VO calendar (P6): its dates are set per SWV/region each year, so they have no
 * default. Ranges are inclusive.
 */
export interface OverdrachtRegionalCalendar {
  /** The school year the pupils enter secondary school, e.g. `'2027-2028'`. */
  schoolYear: string;
  /** Final school advice (definitief schooladvies) given by this date. */
  schooladviesBy: IsoDate;
  /** The aanmeldweek (application week). */
  aanmeldweek: { from: IsoDate; to: IsoDate };
  /** OSO exchange deadline (the OKR reaches the secondary school). */
  osoDeadline: IsoDate;
  /** The window for warm handovers. */
  warmeOverdracht: { from: IsoDate; to: IsoDate };
  /** First school day of the new school year. */
  startSchoolYear: IsoDate;
}

/** P6 PO→VO overdracht [001:4100-4242, 003:311-317, 002:3109-3212]. */
export interface OverdrachtPolicy {
  /** P6.6: "policy: after the first report and at the end of year 1" [001:4241-4242]. */
  terugkoppelingMoments: TerugkoppelingMoment[];
  /** P6 (intro): the regional yearly calendar per SWV/region; empty by default. */
  regionalCalendars: OverdrachtRegionalCalendar[];
}

/** Cross-cutting rule 2: a step waiting for consent reminds and then times out into a decision. */
export interface ConsentPolicy {
  /**
   * School days after which a pending consent request times out into a decision for the zorgcoördinator (rule 2;
   * also stuck reason 6d). The specification names no number here; the default follows P3.3's 15 school days for a
   * parent's signature [003:738-740].
   */
  timeoutSchoolDays: number;
}

export interface ProcessPolicies {
  /** Cross-cutting rule 1: the reminder ladder of every human step. */
  ladder: LadderPolicy;
  ondersteuningstraject: OndersteuningstrajectPolicy;
  zorgroute: ZorgroutePolicy;
  jos: JosPolicy;
  zorgplicht: ZorgplichtPolicy;
  oov: OovPolicy;
  overdracht: OverdrachtPolicy;
  consent: ConsentPolicy;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}

/** The specification's defaults (deeply frozen; `resolvePolicies` returns mutable copies). */
export const DEFAULT_POLICIES: ProcessPolicies = deepFreeze({
  ladder: { ...DEFAULT_LADDER, remindBeforeSchoolDays: [...DEFAULT_LADDER.remindBeforeSchoolDays] },
  ondersteuningstraject: {
    informParents: true,
    registrationConsentRequired: false,
    intakeWithinSchoolDays: 10,
    matchingWithinSchoolDays: 5,
    defaultWeeks: 8,
    minWeeks: 6,
    maxWeeks: 9,
    sessionEveryWeeks: 1,
    sessionMinutes: 60,
    sessionLogWithinSchoolDays: 2,
    midEvaluationAtFraction: 0.5,
    sessionReminders: false,
    outcomeWithinSchoolDays: 5,
    maxExtensions: 1,
    extensionMinWeeks: 2,
    extensionMaxWeeks: 9,
  },
  zorgroute: {
    triageWithinSchoolDays: 5,
    izoEveryWeeks: 1,
    minutesWithinSchoolDays: 2,
    nagesprekWithinSchoolDays: 5,
    evaluationAfterWeeks: 6,
    zatMinMeetingsPerSchoolYear: 6,
    zatAgendaBeforeSchoolDays: 5,
    flexZat: false,
    flexZatWithinSchoolDays: 10,
  },
  jos: {
    formWithinSchoolDays: 5,
    startgesprekWithinSchoolDays: 10,
    signatureTimeoutSchoolDays: 15,
    maxMonths: 5,
    evaluationEveryWeeks: 6,
    capWarningWeeksBefore: 4,
    outcomeWithinSchoolDays: 10,
  },
  zorgplicht: {
    decisionWeeks: 6,
    maxExtensions: 1,
    extensionMaxWeeks: 4,
    suspendSummerHoliday: false,
    swvWarnDaysBefore: 7,
    swvAlertAfterWeeks: 10,
    bezwaarWeeks: 6,
  },
  oov: {
    observatietrajectWeeks: 6,
    behandeltrajectKortMonths: 3,
    behandeltrajectLangMonths: 6,
    midEvaluationAtFraction: 0.5,
    evaluationBeforeEndWeeks: 2,
    followUpAfterReturnWeeks: 6,
  },
  overdracht: {
    terugkoppelingMoments: ['NA_EERSTE_RAPPORT', 'EINDE_LEERJAAR_1'],
    regionalCalendars: [],
  },
  consent: { timeoutSchoolDays: 15 },
});
