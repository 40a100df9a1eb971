import type { ProcessType } from '../entities/roles';
import { ALL_AUDIENCES, Audience, FAMILY } from './audience';

/**
 * Who sees a timeline entry (an audit entry of a case: workflow transitions and steps, consent events, admin actions;
 * the api's own mutation entries and the e-mail delivery lines). Stated once, here, per process and action; the api's
 * AudiencePolicy applies it on every read path (case page, dossier export). Anything not in this map is school-only
 * (fail closed), and a workflow test fails when a workflow writes an action this map does not know
 * (libs/workflows/test/fake-case-activities.ts).
 *
 * Why the read path applies it (and the audit row does not store it): the audit trail is append-only and hash-chained,
 * so a stored audience could never be corrected; with the map, a corrected rule applies to every entry ever written.
 */
export interface TimelineRule {
  /** Audiences that see the entry as recorded (its description). The school always does. */
  readonly full: readonly Audience[];
  /** Audiences that only see that it happened, under a neutral Dutch label (the description may carry staff text). */
  readonly summary?: { readonly to: readonly Audience[]; readonly label: string };
  /** Audiences (among `full`) that also see the free-text reason. Default: the school only. */
  readonly reason?: readonly Audience[];
}

/** What one audience sees of an entry: nothing, or a description and perhaps the reason. */
export interface TimelineView {
  description: string;
  reason: string | null;
}

const S: readonly Audience[] = [Audience.SCHOOL];
const SF: readonly Audience[] = [Audience.SCHOOL, ...FAMILY];
const SW: readonly Audience[] = [Audience.SCHOOL, Audience.SWV];
const SFW: readonly Audience[] = ALL_AUDIENCES;

const school: TimelineRule = { full: S };
const family: TimelineRule = { full: SF };
const everyone: TimelineRule = { full: SFW };
/** Seen by the school and the family; the family sees `label` instead of the recorded description. */
const familyLabel = (label: string): TimelineRule => ({ full: S, summary: { to: FAMILY, label } });
/** Seen by everyone; the family and the SWV see `label` instead of the recorded description. */
const everyoneLabel = (label: string): TimelineRule => ({ full: S, summary: { to: [...FAMILY, Audience.SWV], label } });

/** Actions every process writes (common/consent.ts, human-step.ts, admin-actions.ts, mail-watch.ts, links.ts). */
const COMMON: Record<string, TimelineRule> = {
  // Reminders, escalations and stuck items are the school's own work list.
  STEP_ESCALATED: school,
  CASE_STUCK: school,
  CONSENT_ESCALATED: school,
  // Consent: the family is asked and answers; the giver's note and a withdrawal reason are theirs. The SWV (OOV,
  // overdracht) sees that consent was asked and answered, not by whom or why.
  CONSENT_REQUESTED: everyone,
  CONSENT_GIVEN: { full: SF, reason: SF, summary: { to: [Audience.SWV], label: 'Toestemming gegeven' } },
  // One guardian of parents who disagree consented; the others' answers are still needed (custody, issue 13).
  CONSENT_PARTLY_GIVEN: { full: SF, reason: SF, summary: { to: [Audience.SWV], label: 'Toestemming gedeeltelijk gegeven' } },
  CONSENT_REFUSED: { full: SF, reason: SF, summary: { to: [Audience.SWV], label: 'Toestemming geweigerd' } },
  CONSENT_WITHDRAWN: { full: SF, reason: SF, summary: { to: [Audience.SWV], label: 'Toestemming ingetrokken' } },
  CONSENT_TIMED_OUT: everyone,
  CONSENT_CANCELLED: everyone,
  CONSENT_TIMEOUT_DECIDED: family,
  // A document asked of the parents (common/document-request.ts): they are asked and provide it; a reminder to the
  // zorgcoördinator is the school's work list.
  DOCUMENT_REQUESTED: family,
  DOCUMENT_PROVIDED: family,
  DOCUMENT_REQUEST_CANCELLED: family,
  DOCUMENT_REQUEST_ESCALATED: school,
  // Admin actions on a stuck case: the school's; a close is told to everyone who sees the case (never the reason).
  ADMIN_DUE_DATE_EXTENDED: school,
  ADMIN_STEP_REASSIGNED: school,
  ADMIN_NOTIFICATION_RESENT: school,
  ADMIN_CASE_CLOSED: everyoneLabel('Casus gesloten door de school'),
  STATUS_GESLOTEN_DOOR_BEHEER: everyoneLabel('Casus gesloten door de school'),
  // The case took a new school calendar (common/calendar-update.ts): when due dates moved, everyone who sees the due
  // dates (case data `dueDates`: school, family, SWV) sees why; when none moved, it is the school's. The reason (e.g.
  // which import) stays the school's.
  CALENDAR_UPDATED: school,
  CALENDAR_UPDATED_DUE_DATES_MOVED: everyone,
  // Mail problems and the delivery log (MAIL_SENT, … lines of the case page) are for the school.
  MAIL_FAILING: school,
  MAIL_RECOVERED: school,
  MAIL_INVALID: school,
};

/** Per process: the actions it writes (CASE_STARTED, its steps, STATUS_<status> for every transition). */
const PER_PROCESS: Record<ProcessType, Record<string, TimelineRule>> = {
  // P1: the pupil's own trajectory; parents are informed at start, mid-way and end. Outcome reasons are staff text.
  ONDERSTEUNINGSTRAJECT: {
    CASE_STARTED: family,
    STATUS_INTAKE: family,
    INTAKE_RECORDED: family,
    STATUS_MATCHING: family,
    COACH_ASSIGNED: family,
    COACH_SWITCHED: family,
    STATUS_ACTIEF: family,
    SESSION_LOGGED: family,
    MID_EVALUATION_RECORDED: family,
    STATUS_EINDEVALUATIE: family,
    OUTCOME_RECORDED: family,
    STOP_REQUESTED: family,
    STATUS_AFGEROND: family,
    STATUS_VERLENGD: family,
    STATUS_DOORVERWEZEN: family,
    STATUS_GESTOPT: familyLabel('Traject gestopt'),
    LINKED_CASE_STARTED: family,
    LINKED_CASE_NOT_STARTED: school,
  },
  // P2: the family sees the route, the meetings, decisions and agreements; never the referral form, the triage, the
  // reports, minutes or notes (rule 8), nor anything about the safety exception.
  ZORGROUTE: {
    CASE_STARTED: family,
    REFERRAL_SAVED: school,
    REFERRAL_SUBMITTED: family,
    STATUS_INGEDIEND: family,
    STATUS_TRIAGE: family,
    TRIAGE_RECORDED: school,
    STATUS_TERUG_NAAR_AANMELDER: familyLabel('De aanmelding wordt aangevuld'),
    STATUS_EERST_EERSTELIJNS_ACTIES: family,
    STATUS_BILATERAAL: family,
    BILATERAL_RECORDED: family,
    STATUS_GEACCEPTEERD: familyLabel('Geaccepteerd voor het intern zorgoverleg (IZO)'),
    STATUS_VOORGESPREK: family,
    VOORGESPREK_RECORDED: familyLabel('Voorgesprek gehouden'),
    PARENTS_EXCEPTION_LIFTED: school,
    STATUS_GEPLAND_IZO: family,
    IZO_RESCHEDULED: family,
    IZO_DISCUSSED: family,
    STATUS_BESPROKEN_IZO: family,
    LINKED_CASE_STARTED: family,
    LINKED_CASE_NOT_STARTED: school,
    IZO_MINUTES_SENT: school,
    STATUS_NAGESPREK: family,
    NAGESPREK_RECORDED: family,
    STATUS_UITVOERING: family,
    STATUS_EVALUATIE: family,
    IZO_EVALUATED: family,
    STATUS_TOESTEMMING_ZAT: family,
    ZAT_CONSENT_NOT_GIVEN: family,
    ZAT_CONSENT_WITHDRAWN: family,
    STATUS_INFORMATIE_VERZAMELEN: family,
    ZAT_REFERRAL_SUBMITTED: school,
    ZAT_PLANNED: family,
    STATUS_GEPLAND_ZAT: family,
    ZAT_AGENDA_SENT: school,
    ZAT_DISCUSSED: family,
    STATUS_BESPROKEN_ZAT: family,
    ZAT_FEEDBACK_RECORDED: family,
    STATUS_ZAT_OPVOLGING: family,
    ZAT_EVALUATED: familyLabel('Plan van aanpak geëvalueerd'),
    CLOSE_REQUESTED: family,
    STATUS_AFGESLOTEN: familyLabel('Zorgroute afgesloten'),
    STATUS_VOORLOPIG_AFGESLOTEN: family,
    STATUS_EXTERN_VERWEZEN: familyLabel('Extern verwezen'),
    STATUS_SWV_VOORZIENING_AANGEVRAAGD: familyLabel('Voorziening van het samenwerkingsverband aangevraagd'),
    STATUS_LEERPLICHT: family,
  },
  // P3: JOS works with parents, mentor and pupil; the cap warning is for the JOS worker and the zorgcoördinator.
  JOS: {
    CASE_STARTED: family,
    STATUS_AANMELDFORMULIER: family,
    JOS_FORM_SUBMITTED: family,
    STATUS_STARTGESPREK: family,
    JOS_STARTGESPREK_PLANNED: family,
    JOS_STARTGESPREK_RECORDED: family,
    STATUS_HANDTEKENING_OUDERS: family,
    STATUS_DOELEN: family,
    JOS_GOALS_SET: family,
    STATUS_ACTIEF: family,
    JOS_CONTACT_LOGGED: family,
    JOS_EVALUATION_RECORDED: family,
    JOS_CAP_WARNING: school,
    STATUS_AFRONDING: family,
    JOS_OUTCOME_RECORDED: { full: SF, reason: SF },
    STOP_REQUESTED: family,
    STATUS_AFGEROND: family,
    STATUS_DOORVERWEZEN: family,
    STATUS_GEEN_TOESTEMMING: family,
    STATUS_GESTOPT: familyLabel('JOS gestopt'),
    LINKED_CASE_STARTED: family,
    LINKED_CASE_NOT_STARTED: school,
  },
  // P4: the parents applied and get the letters (the extension notice carries its reason); the SWV tracks the clock
  // and sees the outcome — not the investigation, the reasons or the motivation.
  ZORGPLICHT: {
    CASE_STARTED: everyone,
    INVESTIGATION_RECORDED: family,
    STATUS_ONDERZOEK: everyone,
    TERM_EXTENDED: { full: SFW, reason: SF },
    DECISION_RECORDED: { full: SFW, reason: SF },
    STATUS_BESLUIT: everyone,
    STATUS_TOEGELATEN: everyone,
    STATUS_PLEK_ELDERS: everyone,
    STATUS_TLV_AANGEVRAAGD: everyone,
    STATUS_INGETROKKEN: everyone,
    SWV_WEEK_LEFT: { full: SW },
    SWV_OVERDUE: { full: SW },
    SWV_TEN_WEEKS: { full: SW },
  },
  // P5: the SWV decides the request and sees dates and outcome, not the school's consultation, intake and evaluation
  // notes; the reasons of the start and of a stop are staff text.
  OOV: {
    CASE_STARTED: everyone,
    OOV_CONSULTATION_RECORDED: everyone,
    STATUS_AANVRAAG_SWV: everyone,
    OOV_REQUEST_SUBMITTED: everyone,
    STATUS_BESLUIT_SWV: everyone,
    OOV_SWV_DECIDED: { full: SFW, reason: SFW },
    STATUS_INTAKE: everyone,
    OOV_INTAKE_RECORDED: everyone,
    STATUS_GEPLAATST: everyone,
    OOV_EVALUATION_RECORDED: { full: SFW, reason: SF },
    STATUS_VERLENGD: everyone,
    STATUS_TERUGKEER: everyone,
    OOV_RETURN_PLANNED: everyone,
    OOV_FOLLOW_UP_RECORDED: everyone,
    STOP_REQUESTED: everyone,
    STATUS_AFGESLOTEN: everyone,
    STATUS_VERVOLG_VSO: everyone,
    STATUS_AFGEWEZEN: everyone,
    STATUS_GEEN_TOESTEMMING: everyone,
    STATUS_GESTOPT: everyoneLabel('OOV-casus gestopt'),
  },
  // P6: parents see what is transferred (right of inspection) and add their view; the SWV sees dates, placement and
  // the zorgplicht clock, not the report, the parents' views or the IZO referral.
  OVERDRACHT: {
    CASE_STARTED: everyone,
    STATUS_INZAGE_OUDERS: everyone,
    OKR_RECORDED: everyone,
    ZIENSWIJZE_ADDED: family,
    OKR_SENT: everyone,
    STATUS_VERZONDEN: everyone,
    OKR_RECEIVED: everyone,
    STATUS_ONTVANGEN_VO: everyone,
    ZORGPLICHT_STARTED: everyone,
    ZORGPLICHT_NOT_STARTED: everyone,
    STATUS_WARME_OVERDRACHT: everyone,
    WARME_OVERDRACHT_RECORDED: everyone,
    STATUS_PLAATSING: everyone,
    PUPIL_PLACED: everyone,
    STATUS_INFORMATIE_GEDEELD: everyone,
    MENTOR_READ: everyone,
    // The direct IZO referral is a case of its own, which may be kept from the parents (safety exception): the
    // overdracht does not tell of it; the family sees the IZO case itself when it may.
    IZO_REFERRAL_REQUESTED: school,
    STATUS_DIRECTE_IZO_AANMELDING: school,
    LINKED_CASE_STARTED: school,
    LINKED_CASE_NOT_STARTED: school,
    STATUS_TERUGKOPPELING_PO: everyone,
    FEEDBACK_RECORDED: everyone,
    STOP_REQUESTED: everyone,
    STATUS_AFGESLOTEN: everyone,
    STATUS_GEEN_TOESTEMMING: everyone,
    STATUS_GESTOPT: everyoneLabel('Overdracht gestopt'),
  },
  // P7: the OPP is drawn up in overleg with pupil and parents, who see all of it (the pupil's view included). The SWV
  // sees the case only when its policy asks for the OPP (AccessPolicy: `data.sharedWithSwv`), and then that a version
  // was agreed, shared, registered and evaluated — not the pupil's view, the waiver, the refusal or the staff's notes.
  OPP: {
    CASE_STARTED: family,
    STATUS_OPSTELLEN: family,
    OPP_VERSION_DRAWN_UP: { full: SF, reason: SF },
    OPP_ADJUSTED: { full: SF, reason: SF },
    STATUS_LEERLING_HOREN: family,
    OPP_PUPIL_HEARD: family,
    OPP_PUPIL_HEARING_WAIVED: { full: SF, reason: SF },
    STATUS_INSTEMMING: family,
    OPP_AGREED: everyone,
    OPP_SHARED_WITH_SWV: everyone,
    OPP_NOT_AGREED: family,
    STATUS_GEWEIGERD: family,
    OPP_REFUSAL_FOLLOWED_UP: family,
    STATUS_UITVOERING: everyone,
    STATUS_EVALUATIE: everyone,
    OPP_EVALUATED: { full: SF, summary: { to: [Audience.SWV], label: 'OPP geëvalueerd' } },
    OPP_EVALUATION_CONCLUDED: everyone,
    OPP_BRON_REGISTERED: everyone,
    STOP_REQUESTED: family,
    STATUS_BEEINDIGD: everyone,
    STATUS_INSTEMMING_GEWEIGERD: family,
    STATUS_GESTOPT: everyoneLabel('OPP gestopt'),
  },
  // P8: the request is made by the school with the parents and submitted to the SWV, so the family and the SWV see its
  // route, the dossier checklist, the decision with its motivation and the letters. The experts' advice is for the
  // SWV's commissie (the family sees that it was given); the school's and the SWV's reminders stay theirs.
  TLV: {
    CASE_STARTED: everyone,
    STATUS_DOSSIER: everyone,
    TLV_DOSSIER_ITEM_RECORDED: everyone,
    TLV_REQUEST_SUBMITTED: everyone,
    STATUS_INGEDIEND: everyone,
    TLV_DOSSIER_CHECKED: { full: SFW, reason: SFW },
    STATUS_ADVIES: everyone,
    TLV_EXPERT_ADVICE_RECORDED: { full: SW, summary: { to: FAMILY, label: 'Advies van een deskundige ontvangen' } },
    TLV_TERM_EXTENDED: { full: SFW, reason: SFW },
    STATUS_BESLUIT: everyone,
    STATUS_VERLENGD: everyone,
    TLV_DECIDED: { full: SFW, reason: SFW },
    STATUS_AFGEGEVEN: everyone,
    STATUS_AFGEWEZEN: everyone,
    TLV_NOTED_SCHOOL_SYSTEM: everyone,
    TLV_REGISTERED_BRON: everyone,
    TLV_BEZWAAR_RECORDED: { full: SFW, reason: SFW },
    TLV_EXPIRY_REMINDED: everyone,
    STATUS_AFLOPEND: everyone,
    TLV_HERINDICATIE_DECIDED: { full: SFW, reason: SW },
    LINKED_CASE_STARTED: everyone,
    LINKED_CASE_NOT_STARTED: school,
    STATUS_VERLOPEN: everyone,
    STATUS_AFGESLOTEN: everyone,
    STOP_REQUESTED: { full: SFW, reason: SF },
    STATUS_INGETROKKEN: everyone,
    STATUS_GEEN_TOESTEMMING: everyone,
  },
};

/**
 * Actions recognised by prefix: the api's own entry for every mutation (`API_<OPERATION>`, identifiers and a reason,
 * AuditInterceptor) and the delivery-log lines of the case page (`MAIL_SENT`, …). Both are the school's.
 */
const PREFIXES: [string, TimelineRule][] = [
  ['API_', school],
  ['MAIL_', school],
];

/** The fail-closed rule for an action nobody declared: the school only. */
export const UNKNOWN_ACTION_RULE: TimelineRule = school;

/** The declared rule of an action of a process, or null when the map does not know it. */
export function declaredTimelineRule(process: ProcessType | string | null, action: string): TimelineRule | null {
  const own = process ? PER_PROCESS[process as ProcessType]?.[action] : undefined;
  return own ?? COMMON[action] ?? PREFIXES.find(([p]) => action.startsWith(p))?.[1] ?? null;
}

/** The rule of an action of a process (school-only when unknown). */
export function timelineRule(process: ProcessType | string | null, action: string): TimelineRule {
  return declaredTimelineRule(process, action) ?? UNKNOWN_ACTION_RULE;
}

/** Every action the map declares, per process (COMMON included), for tests. */
export function declaredTimelineActions(process: ProcessType): string[] {
  return [...new Set([...Object.keys(COMMON), ...Object.keys(PER_PROCESS[process] ?? {})])];
}

/** What `audience` sees of an entry: null when it does not see it; otherwise its description and perhaps its reason. */
export function timelineView(
  process: ProcessType | string | null,
  entry: { action: string; description: string; reason: string | null },
  audience: Audience | null,
): TimelineView | null {
  if (audience === null) return null;
  if (audience === Audience.SCHOOL) return { description: entry.description, reason: entry.reason };
  const rule = timelineRule(process, entry.action);
  if (rule.full.includes(audience)) return { description: entry.description, reason: (rule.reason ?? S).includes(audience) ? entry.reason : null };
  if (rule.summary?.to.includes(audience)) return { description: rule.summary.label, reason: null };
  return null;
}
