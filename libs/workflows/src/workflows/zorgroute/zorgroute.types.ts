/**
 * P2 Zorgroute — the forms and records of one case (PROCESSES.md P2; fields from extracts/001-part2.md F18–F22).
 * Plain data: used by the workflow, the api and the tests. The choices (with their Dutch labels) are defined once, in
 * the step catalogue (libs/processes/src/zorgroute/steps.ts).
 */
import {
  EXTERNAL_TARGET_OPTIONS,
  INTERNAL_SUPPORT_TYPE_OPTIONS,
  IZO_DECISION_KIND_OPTIONS,
  SUPPORT_NEED_OPTIONS,
  SWV_PROVISION_OPTIONS,
  ZORGROUTE_REASON_OPTIONS,
} from '@zorgroute/processes';

/** Reasons for an IZO referral [001:3433-3443]. */
export type ZorgrouteReason = (typeof ZORGROUTE_REASON_OPTIONS)[number]['value'];
export const ZORGROUTE_REASONS: readonly ZorgrouteReason[] = ZORGROUTE_REASON_OPTIONS.map((o) => o.value);

/** "Welke vorm van ondersteuning is nodig?" (F18 checkboxes). */
export type SupportNeed = (typeof SUPPORT_NEED_OPTIONS)[number]['value'];
export const SUPPORT_NEEDS: readonly SupportNeed[] = SUPPORT_NEED_OPTIONS.map((o) => o.value);

/** Where the referral comes from [001:3428-3431, 001:4227-4228]. */
export const REFERRAL_SOURCES = ['GROEPSBESPREKING', 'PO_VO_INSTROOM', 'ONDERSTEUNINGSTRAJECT', 'DIRECT'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

/**
 * The IZO aanmeldformulier (Bijlage 20, F18). The pupil's hulpvraag and the mentor's begeleidingsvraag are mandatory
 * at submission [001:3444-3457]; so are at least one reason and whether the parents know (with a reason if not).
 */
export interface AanmeldFormulier {
  reasons?: ZorgrouteReason[];
  /** "Ouders zijn op de hoogte van de aanmelding: ja/neen". */
  parentsInformed?: boolean | null;
  /** "Reden waarom ouders niet op de hoogte zijn" (only acceptable when informing them endangers the pupil). */
  parentsNotInformedReason?: string | null;
  /** Wat is het probleem? */
  problem?: string | null;
  /** Wanneer zijn de problemen begonnen? Mogelijke oorzaak? */
  problemSince?: string | null;
  /** Belemmerende factoren. */
  hinderingFactors?: string | null;
  /** Hoe functioneert de leerling thuis en/of in zijn leefomgeving? */
  functioningAtHome?: string | null;
  /** Wat gaat goed? Welke factoren stimuleren? Talenten en positieve kwaliteiten [001:3479]. */
  strengths?: string | null;
  /** Hulpvraag van de leerling aan het zorgteam (mandatory). */
  pupilHelpQuestion?: string | null;
  /** Hulpvraag van de ouders. */
  parentsHelpQuestion?: string | null;
  /** Begeleidingsvraag van mentor/docenten aan het zorgteam (mandatory). */
  mentorSupportQuestion?: string | null;
  supportNeeded?: SupportNeed[];
  supportNeededOther?: string | null;
  /** Wat heeft de aanmelder zelf gedaan? (first-line actions tried; see groepsplannen/handelingsplannen). */
  firstLineActions?: string | null;
  /** Eerder intern/extern contact met hulpverlening? */
  earlierCareContacts?: string | null;
  /** Eerder besproken in IZO of ZAT? */
  earlierDiscussed?: string | null;
  /** Eerder onderzoek en uitkomsten. */
  earlierAssessment?: string | null;
  /** Gediagnosticeerde stoornis. */
  diagnosedDisorder?: string | null;
  /** Schoolloopbaan (afstroom en doublures) [001:3469]. */
  schoolCareer?: string | null;
  /** Leerresultaten / cijferoverzicht. */
  results?: string | null;
  /** Langetermijn-OPP and verwachte uitstroombestemming. */
  developmentPerspective?: string | null;
  /** Sociaal-emotionele ontwikkeling, interactie met leerlingen en docenten. */
  socialEmotional?: string | null;
  /** Werkhouding/taakaanpak, huiswerkattitude, motivatie. */
  workAttitude?: string | null;
  /** Welbevinden op school. */
  wellbeing?: string | null;
  /** Aanwezigheid/verzuim. */
  attendance?: string | null;
  otherRemarks?: string | null;
}

export type TriageOutcome = 'TERUG_NAAR_AANMELDER' | 'EERST_EERSTELIJNS_ACTIES' | 'BILATERAAL' | 'GEACCEPTEERD';

/** The four triage checks of the zorgcoördinator [001:3520-3526]. */
export interface TriageChecks {
  /** (a) Hoort het probleem in de tweede lijn? */
  secondLine: boolean;
  /** (b) Zijn hulpvraag en begeleidingsvraag helder? */
  questionsClear: boolean;
  /** (c) Zijn alle mogelijke acties in de eerste lijn ondernomen? */
  firstLineDone: boolean;
  /** (d) Weten ouders en leerling van de aanmelding? */
  parentsAndPupilKnow: boolean;
}

export interface TriageRecord {
  at: string;
  by: string | null;
  outcome: TriageOutcome;
  checks: TriageChecks;
  missingInformation: string | null;
  firstLineActions: string | null;
  recheckDate: string | null;
  bilateralWith: string | null;
  note: string | null;
}

/** A short report of a conversation with parents and pupil (voorgesprek, nagesprek, ZAT-terugkoppeling). */
export interface ConversationRecord {
  date: string;
  /** Report of the conversation with the parents; null only under the approved safety exception (rule 3). */
  parentsReport: string | null;
  pupilReport: string;
  agreements: string | null;
  recordedBy: string | null;
}

/** IZO minutes (Bijlage 22, F20). */
export interface IzoMinutes {
  analysis?: string | null;
  pupilHelpQuestion?: string | null;
  mentorSupportQuestion?: string | null;
  alreadyDone?: string | null;
  developmentPerspective?: string | null;
  educationalNeeds?: string | null;
  groupOffer?: string | null;
  pupilSupport?: string | null;
  mentorCoaching?: string | null;
  zatQuestion?: string | null;
  parentAlignment?: string | null;
  /** Samenvatting van afspraken, besluiten en vervolgstappen (mandatory). */
  summary: string;
}

export type IzoDecisionKind = (typeof IZO_DECISION_KIND_OPTIONS)[number]['value'];
export const IZO_DECISION_KINDS: readonly IzoDecisionKind[] = IZO_DECISION_KIND_OPTIONS.map((o) => o.value);

/** Kinds of internal support [001:3714-3719]. */
export type InternalSupportType = (typeof INTERNAL_SUPPORT_TYPE_OPTIONS)[number]['value'];
export const INTERNAL_SUPPORT_TYPES: readonly InternalSupportType[] = INTERNAL_SUPPORT_TYPE_OPTIONS.map((o) => o.value);

/** A linked process an IZO decision can start for the same pupil. */
export type IzoStartProcess = 'ONDERSTEUNINGSTRAJECT' | 'JOS';

/** One IZO decision; internal support carries goal, provider, start, frequency, duration, evaluation date [001:6235-6243]. */
export interface IzoDecision {
  kind: IzoDecisionKind;
  description: string;
  supportType?: InternalSupportType | null;
  goal?: string | null;
  provider?: string | null;
  startDate?: string | null;
  frequency?: string | null;
  duration?: string | null;
  evaluationDate?: string | null;
  /** Start a linked case for this decision (internal support only). */
  startProcess?: IzoStartProcess | null;
  /** P1 length in weeks when starting an ondersteuningstraject (policy default when absent). */
  trajectWeeks?: number | null;
  /** JOS: the need(s) the pupil is registered with (at least one of the six JOS needs). */
  josNeeds?: string[] | null;
  /** JOS: the JOS worker who guides the pupil. */
  josWorkerId?: string | null;
  /** JOS: the pupil's mentor, who fills in the JOS form (set by the api from the pupil record). */
  mentorId?: string | null;
}

export interface IzoRound {
  round: number;
  meetingDate: string;
  minutes: IzoMinutes | null;
  decisions: IzoDecision[];
  evaluationDate: string | null;
  minutesDistributedAt: string | null;
  nagesprek: ConversationRecord | null;
}

export type IzoEvaluationOutcome = 'DOEL_BEREIKT' | 'VOORTZETTEN' | 'VERWIJZING_ZAT';

export interface EvaluationRecord {
  at: string;
  by: string | null;
  outcome: string;
  summary: string;
  nextEvaluationDate: string | null;
  note: string | null;
}

/** The ZAT referral (F21), prefilled from the IZO case [001:3833-3834]. */
export interface ZatReferralForm {
  problem?: string | null;
  factors?: string | null;
  needs?: string | null;
  schoolCareer?: string | null;
  functioning?: string | null;
  internalSupportDone?: string | null;
  homeSituation?: string | null;
  earlierCareContacts?: string | null;
  /** Hulpvraag van leerling, ouders en school (mandatory). */
  helpQuestion?: string | null;
  strengths?: string | null;
  /** What is the question to the ZAT (mandatory). */
  questionToZat?: string | null;
}

export type ZatMode = 'OP_SCHOOL' | 'TELEFONISCH';

export interface ZatMeeting {
  meetingDate: string;
  flex: boolean;
  mode: ZatMode;
  /** Invitees; a Flex-ZAT always has OUDERS and LEERLING [003:1235-1243]. */
  invitees: string[];
  plannedAt: string;
  agendaSentAt: string | null;
  /** HH:MM, when known (shown in the invitations). */
  meetingTime?: string | null;
  /** Where at school, when known (shown in the invitations). */
  location?: string | null;
}

/** One action of the plan van aanpak: who, what, goal, due [001:3925-3927]. */
export interface ZatAction {
  who: string;
  what: string;
  goal: string;
  due: string;
}

export interface ZatDiscussion {
  meetingDate: string;
  analysis: string | null;
  needs: string | null;
  solutionsPupil: string | null;
  solutionsFamily: string | null;
  solutionsSchool: string | null;
  actions: ZatAction[];
  /** Who has casusregie [001:3928]. */
  casusregisseur: string;
  casusregisseurUserId: string | null;
  /** Who feeds back to pupil and parents, and to the school [001:3929-3930]. */
  feedbackToFamilyBy: string | null;
  feedbackToSchoolBy: string | null;
  evaluationDate: string;
  summary: string;
}

export type ZatEvaluationOutcome = 'VOORTZETTEN' | 'VOORLOPIG_AFGESLOTEN' | 'AFGESLOTEN' | 'EXTERN_VERWEZEN' | 'SWV_VOORZIENING_AANGEVRAAGD' | 'LEERPLICHT';

/** External referral targets [001:3960-3965] and SWV provisions [001:3986-4008]. */
export type ExternalTarget = (typeof EXTERNAL_TARGET_OPTIONS)[number]['value'];
export const EXTERNAL_TARGETS: readonly ExternalTarget[] = EXTERNAL_TARGET_OPTIONS.map((o) => o.value);
export type SwvProvision = (typeof SWV_PROVISION_OPTIONS)[number]['value'];
export const SWV_PROVISIONS: readonly SwvProvision[] = SWV_PROVISION_OPTIONS.map((o) => o.value);
