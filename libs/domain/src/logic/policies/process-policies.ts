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
import { DEFAULT_NOTIFICATION_POLICY, type NotificationPolicy } from './notification-policy';
import { DEFAULT_RETENTION_POLICY, type RetentionPolicy } from './retention-policy';

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
  /** P1 notifications, with `sessionReminders`: how many hours before the session's slot the reminder goes out (1–72). */
  sessionReminderHoursBefore: number;
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
  /**
   * P2.1/P2.2 `TERUG_NAAR_AANMELDER`: the referrer completes (or first submits) the form within this many school days;
   * "leg de verantwoordelijkheid ... geheel bij de aanmelder" [001:3528-3531]. No number in the seed: the default
   * mirrors the triage term.
   */
  referralCompleteWithinSchoolDays: number;
  /** P2.2 `BILATERAAL`: the bilateral talk with a care-team member is recorded within this many school days [001:5766-5768]. */
  bilateralWithinSchoolDays: number;
  /** P2.3: the voorgesprek with parents and pupil takes place within this many school days of acceptance [001:3300-3323, 001:3432]. */
  voorgesprekWithinSchoolDays: number;
  /** P2.3: consent of the parents to discuss the pupil in the IZO is asked and recorded ("toestemming vragen") [001:3307]. */
  izoConsentRequired: boolean;
  /** P2.4: ISO weekday of the school's IZO meeting, 1 = Monday … 5 = Friday ("weekday per school") [001:3550]. */
  izoWeekday: number;
  /** P2.4: IZO members receive the information at least this many school days before the meeting [001:3537-3540]. */
  izoInfoBeforeSchoolDays: number;
  /** P2.8 `INFORMATIE_VERZAMELEN`: the zorgcoördinator completes the ZAT referral within this many school days [001:3833-3834]. */
  zatInfoWithinSchoolDays: number;
  /**
   * P2.8 `GEPLAND_ZAT`: the school's ZAT calendar [001:3869]. Not a setting a policy version sets: `loadCaseContext`
   * fills it from the school's ZAT meetings (the meeting table, the Overleggen screen), and the case snapshots it.
   */
  zatMeetingDates: IsoDate[];
  /** P2.8 `GEPLAND_ZAT`: without a ZAT calendar date, the zorgcoördinator plans the meeting within this many school days. */
  zatPlanWithinSchoolDays: number;
}

/** P3 JOS, Jeugd Ondersteuning op School, capped at 5 months [003:699-748, 003:2336-2352]. */
export interface JosPolicy {
  /** P3.1: the mentor fills in the JOS form within this many school days of the decision. */
  formWithinSchoolDays: number;
  /** P3.2: the JOS worker holds the startgesprek within this many school days [003:736-738]. */
  startgesprekWithinSchoolDays: number;
  /**
   * P3.4 `DOELEN`: goals are set with pupil, mentor and parents within this many school days of the signature
   * [003:740-742]. No number in the seed: the default mirrors the startgesprek term.
   */
  goalsWithinSchoolDays: number;
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
  /**
   * P5.1 `VOORBEREIDING`: the zorgcoördinator records the consultations with parents, SWV and Sociaal Team within this
   * many school days [003:1103-1104]. No number in the seed.
   */
  preparationWithinSchoolDays: number;
  /** P5.1 → P5.2: after the parents' consent the request is sent to the SWV within this many school days. */
  requestWithinSchoolDays: number;
  /** P5.2 `BESLUIT_SWV`: the SWV decides within this many school days of the request. No number in the seed. */
  swvDecisionWithinSchoolDays: number;
  /** P5.3 `INTAKE`: the intake with the OOV within this many school days of the SWV's decision [003:2315]. */
  intakeWithinSchoolDays: number;
  /** P5.4 `VERLENGD`: how many times an arrangement may be extended (each a new SWV decision). */
  maxExtensions: number;
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
  /**
   * The feedback moments to the primary schools (P6.6), when the region sets them. Without a date the moment falls
   * 16 weeks after the start of the school year (after the first report) or on the last school day before the
   * zomervakantie (end of year 1).
   */
  terugkoppeling?: { naEersteRapport?: IsoDate; eindeLeerjaar1?: IsoDate };
}

/** P6 PO→VO overdracht [001:4100-4242, 003:311-317, 002:3109-3212]. */
export interface OverdrachtPolicy {
  /** P6.6: "policy: after the first report and at the end of year 1" [001:4241-4242]. */
  terugkoppelingMoments: TerugkoppelingMoment[];
  /** P6 (intro): the regional yearly calendar per SWV/region; empty by default. */
  regionalCalendars: OverdrachtRegionalCalendar[];
  /** P6.1: a case opened after the aanmeldweek: the OKR is ready within this many school days (never past the OSO deadline). */
  okrWithinSchoolDays: number;
  /** P6.2: after the parents' consent the OKR is sent within this many school days (never past the OSO deadline). */
  sendWithinSchoolDays: number;
  /** P6.2 `ONTVANGEN_VO`: the secondary school confirms receipt within this many school days of sending [001:4174-4180]. */
  receiptWithinSchoolDays: number;
  /** P6.4: the mentor confirms he has read the information within this many school days of the start of the year [001:4224-4226]. */
  mentorReadWithinSchoolDays: number;
  /** P6.6: the feedback to the primary school is recorded within this many school days of each feedback moment [001:4241-4242]. */
  feedbackWithinSchoolDays: number;
}

/**
 * P7 OPP, the ontwikkelingsperspectiefplan (PROCESSES.md "Beyond the seeds' six processes"; issue 16): drawn up for a
 * pupil who receives extra support, in overleg with pupil and parents [003:477-483, 003:781-783], signed by the parents
 * [003:1600-1601], registered in BRON by the administration on the zorgcoördinator's instruction [003:1592-1598],
 * evaluated at least yearly [003:1277-1279].
 */
export interface OppPolicy {
  /** The OPP is drawn up within this many calendar weeks after the extra support starts (issue 16: default 6). */
  drawUpWithinWeeks: number;
  /** A new version after an evaluation that asks for an adjustment is drawn up within this many school days. */
  adjustWithinSchoolDays: number;
  /** The pupil's view (hoorrecht) is recorded within this many school days after a version is drawn up or an evaluation held. */
  hearPupilWithinSchoolDays: number;
  /** After the parents refused their instemming with a first version, the zorgcoördinator decides within this many school days. */
  refusalFollowUpWithinSchoolDays: number;
  /** Evaluated with the parents at least every this many calendar months, counted from the date the previous evaluation concluded. */
  evaluateEveryMonths: number;
  /** The evaluation opens (owner told) this many calendar weeks before it is due. */
  evaluationOpensWeeksBefore: number;
  /** The administration registers the OPP in BRON within this many school days of the parents' instemming [003:1592-1598]. */
  bronWithinSchoolDays: number;
  /** The SWV asks for its share of every agreed OPP version (default off: shared only where the SWV's policy asks for it). */
  shareWithSwv: boolean;
  /** Parents who disagree may go to the geschillencommissie passend onderwijs within this many weeks (shown with a refusal). */
  geschillencommissieWeeks: number;
}

/** P8: the documents of a TLV request the SWV's checklist can ask for [003:1646-1661]. */
export type TlvDossierItem =
  | 'OPP'
  | 'VPI'
  | 'ONDERBOUWING'
  | 'OBSERVATIEVERSLAG'
  | 'GESPREKSVERSLAG'
  | 'ONDERZOEKSVERSLAG'
  | 'DESKUNDIGHEIDSVERKLARING_VSO'
  | 'ZIENSWIJZE_OUDERS'
  | 'HANDTEKENING_OUDERS'
  | 'HANDTEKENING_LEERLING';

export const TLV_DOSSIER_ITEMS: readonly TlvDossierItem[] = [
  'OPP',
  'VPI',
  'ONDERBOUWING',
  'OBSERVATIEVERSLAG',
  'GESPREKSVERSLAG',
  'ONDERZOEKSVERSLAG',
  'DESKUNDIGHEIDSVERKLARING_VSO',
  'ZIENSWIJZE_OUDERS',
  'HANDTEKENING_OUDERS',
  'HANDTEKENING_LEERLING',
];

/**
 * P8 TLV, toelaatbaarheidsverklaring (issue 16; seed 003 "Fase 4 Aanvraag TLV" [003:1602-1678]). The seed gives no
 * durations ("No durations are given for any TLV step", extracts/000-003.md): every term is the SWV's policy, with
 * defaults from common SWV practice.
 */
export interface TlvPolicy {
  /** The school compiles the dossier and submits the request within this many school days of the start. */
  dossierWithinSchoolDays: number;
  /**
   * The SWV's checklist: a request is complete only when each of these is in the dossier ("Het CTA checkt het
   * dossier" [003:1669-1670]). The VSO's deskundigheidsverklaring counts only where the case says it applies.
   */
  requiredDossierItems: TlvDossierItem[];
  /** The SWV checks the dossier within this many school days of the submission. */
  checkWithinSchoolDays: number;
  /** Each of the two experts advises within this many school days of the complete dossier [003:1629-1631]. */
  adviceWithinSchoolDays: number;
  /** The CTA decides within this many calendar weeks of the complete dossier (the SWV's decision term). */
  decisionWeeks: number;
  /** The decision term may be extended this many times, with notice to the parents ("once", like P4). */
  maxExtensions: number;
  /** An extension adds at most this many calendar weeks. */
  extensionMaxWeeks: number;
  /** A TLV is valid for at least this many months (start to end date). */
  minValidityMonths: number;
  /** Term for bezwaar at the SWV stated in the decision letter, in weeks (then the national committee). */
  bezwaarWeeks: number;
  /** "Noted in the school system" and "registered in BRON" [003:1676-1678] are recorded within this many school days. */
  registrationWithinSchoolDays: number;
  /** The SWV and the school are reminded this many calendar months before a TLV's end date (herindicatie). */
  expiryReminderMonths: number;
  /** After that reminder the school decides on a herindicatie within this many school days. */
  herindicatieDecisionWithinSchoolDays: number;
}

/** Cross-cutting rule 2: a step waiting for consent reminds and then times out into a decision. */
export interface ConsentPolicy {
  /**
   * School days after which a pending consent request times out into a decision for the zorgcoördinator (rule 2;
   * also stuck reason 6d). The specification names no number here; the default follows P3.3's 15 school days for a
   * parent's signature [003:738-740].
   */
  timeoutSchoolDays: number;
  /**
   * Rule 2: the answer is asked for within this many school days (the due date of the request, from which the reminder
   * ladder runs until the timeout). No number in the specification; the default follows P2.2's 5 school days.
   */
  respondWithinSchoolDays: number;
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
  opp: OppPolicy;
  tlv: TlvPolicy;
  consent: ConsentPolicy;
  /** Cross-cutting rules 5 and 6(b): e-mail retries, the mail-failing stuck threshold and the daily digest. */
  notifications: NotificationPolicy;
  /** Retention: closing inactive cases and purging closed ones (AVG storage limitation; docs/security.md). */
  retention: RetentionPolicy;
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
    sessionReminderHoursBefore: 24,
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
    referralCompleteWithinSchoolDays: 5,
    bilateralWithinSchoolDays: 10,
    voorgesprekWithinSchoolDays: 5,
    izoConsentRequired: true,
    izoWeekday: 2,
    izoInfoBeforeSchoolDays: 1,
    zatInfoWithinSchoolDays: 10,
    zatMeetingDates: [],
    zatPlanWithinSchoolDays: 5,
  },
  jos: {
    formWithinSchoolDays: 5,
    startgesprekWithinSchoolDays: 10,
    goalsWithinSchoolDays: 10,
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
    preparationWithinSchoolDays: 10,
    requestWithinSchoolDays: 5,
    swvDecisionWithinSchoolDays: 10,
    intakeWithinSchoolDays: 10,
    maxExtensions: 1,
  },
  overdracht: {
    terugkoppelingMoments: ['NA_EERSTE_RAPPORT', 'EINDE_LEERJAAR_1'],
    regionalCalendars: [],
    okrWithinSchoolDays: 10,
    sendWithinSchoolDays: 5,
    receiptWithinSchoolDays: 5,
    mentorReadWithinSchoolDays: 5,
    feedbackWithinSchoolDays: 10,
  },
  opp: {
    drawUpWithinWeeks: 6,
    adjustWithinSchoolDays: 20,
    hearPupilWithinSchoolDays: 10,
    refusalFollowUpWithinSchoolDays: 10,
    evaluateEveryMonths: 12,
    evaluationOpensWeeksBefore: 4,
    bronWithinSchoolDays: 10,
    shareWithSwv: false,
    geschillencommissieWeeks: 6,
  },
  tlv: {
    dossierWithinSchoolDays: 20,
    requiredDossierItems: ['OPP', 'ONDERBOUWING', 'OBSERVATIEVERSLAG', 'GESPREKSVERSLAG', 'ONDERZOEKSVERSLAG', 'DESKUNDIGHEIDSVERKLARING_VSO', 'ZIENSWIJZE_OUDERS', 'HANDTEKENING_OUDERS', 'HANDTEKENING_LEERLING'],
    checkWithinSchoolDays: 5,
    adviceWithinSchoolDays: 15,
    decisionWeeks: 6,
    maxExtensions: 1,
    extensionMaxWeeks: 4,
    minValidityMonths: 12,
    bezwaarWeeks: 6,
    registrationWithinSchoolDays: 10,
    expiryReminderMonths: 6,
    herindicatieDecisionWithinSchoolDays: 20,
  },
  consent: { timeoutSchoolDays: 15, respondWithinSchoolDays: 5 },
  notifications: { ...DEFAULT_NOTIFICATION_POLICY },
  retention: { ...DEFAULT_RETENTION_POLICY },
});
