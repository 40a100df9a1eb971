/**
 * P6 — PO→VO overdracht: what other code imports — the start input, the update inputs and definitions, the query, the
 * status and step names (PROCESSES.md P6). The workflow is in overdracht.workflow.ts.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseSnapshot } from '@zorgroute/domain';
import type { OverdrachtRegionalCalendar, TerugkoppelingMoment } from '@zorgroute/domain/logic';
import { OVERDRACHT_STEPS as STEPS } from '@zorgroute/processes';
import type { Actor } from '../common/case-recorder';
import { consentStep, consentTimeoutStep, type ConsentRequestView } from '../common/consent';
import type { LinkedCase } from '../common/links';
import type { ZorgrouteReason } from '../zorgroute/zorgroute.messages';

export const OVERDRACHT_WORKFLOW = 'overdrachtWorkflow';

export type OverdrachtStatus =
  | 'OKR_IN_VOORBEREIDING'
  | 'INZAGE_OUDERS'
  | 'VERZONDEN'
  | 'ONTVANGEN_VO'
  | 'WARME_OVERDRACHT'
  | 'PLAATSING'
  | 'INFORMATIE_GEDEELD'
  | 'DIRECTE_IZO_AANMELDING'
  | 'TERUGKOPPELING_PO'
  | 'AFGESLOTEN'
  | 'GEEN_TOESTEMMING'
  | 'GESTOPT';

export type OverdrachtStep =
  | 'OVERDRACHT_RECORD_OKR'
  | 'OVERDRACHT_SEND_OKR'
  | 'OVERDRACHT_CONFIRM_RECEIPT'
  | 'OVERDRACHT_WARM_HANDOVER'
  | 'OVERDRACHT_PLACEMENT'
  | 'OVERDRACHT_MENTOR_READ'
  | 'OVERDRACHT_FEEDBACK';

/** The parents' consent to the transfer of the OKR; the case waits for `CONSENT_OVERDRACHT_OKR` while it is asked. */
export const OVERDRACHT_CONSENT_KIND = 'OVERDRACHT_OKR';
export const OVERDRACHT_CONSENT_STEP = consentStep(OVERDRACHT_CONSENT_KIND);
export const OVERDRACHT_CONSENT_DECISION_STEP = consentTimeoutStep(OVERDRACHT_CONSENT_KIND);

/** The Dutch names of the steps, from the step catalogue (libs/processes/src/overdracht/steps.ts). */
export const OVERDRACHT_STEP_LABELS: Record<OverdrachtStep, string> = {
  OVERDRACHT_RECORD_OKR: STEPS.OVERDRACHT_RECORD_OKR.label,
  OVERDRACHT_SEND_OKR: STEPS.OVERDRACHT_SEND_OKR.label,
  OVERDRACHT_CONFIRM_RECEIPT: STEPS.OVERDRACHT_CONFIRM_RECEIPT.label,
  OVERDRACHT_WARM_HANDOVER: STEPS.OVERDRACHT_WARM_HANDOVER.label,
  OVERDRACHT_PLACEMENT: STEPS.OVERDRACHT_PLACEMENT.label,
  OVERDRACHT_MENTOR_READ: STEPS.OVERDRACHT_MENTOR_READ.label,
  OVERDRACHT_FEEDBACK: STEPS.OVERDRACHT_FEEDBACK.label,
};

export const TERUGKOPPELING_LABELS: Record<TerugkoppelingMoment, string> = {
  NA_EERSTE_RAPPORT: 'na het eerste rapport',
  EINDE_LEERJAAR_1: 'aan het einde van leerjaar 1',
};

export interface StartOverdrachtInput {
  /** The secondary school the pupil applied to. */
  schoolId: string;
  pupilId: string;
  /** The secondary school's contact who runs the handover (for now he also records the primary school's side). */
  startedBy: Actor;
  /** The school year the pupil enters secondary school, e.g. `2027-2028`: its regional calendar applies. */
  schoolYear: string;
  /** Date the written application (aanmelding) was received at this school. */
  applicationReceivedOn: string;
  /** The parents' order of preference (school ids); default this school only. */
  preferenceSchoolIds?: string[] | null;
  /** The primary school and its contact (intern begeleider or teacher of group 8). */
  poSchoolName: string;
  poContactName?: string | null;
  /** Support needs already known at the application: the zorgplicht clock starts at once. */
  supportNeedsExpected: boolean;
  /** The brugklascoördinator who places the pupil (default the zorgcoördinator). */
  brugklascoordinatorId?: string | null;
  originCaseId?: string | null;
}

/** The onderwijskundig rapport (cold handover file, F24) with the final school advice. */
export interface OkrInput {
  actor: Actor;
  /** Definitief schooladvies, e.g. "havo/vwo". */
  schooladvies: string;
  taalLezen?: string | null;
  rekenen?: string | null;
  sociaalEmotioneel?: string | null;
  werkhouding?: string | null;
  /** Whether the pupil gets external care or support, and which. */
  externeZorg?: string | null;
  /** A pupil with support needs ("zorgleerling"): warm handover, and the zorgplicht clock. */
  supportNeeds: boolean;
  supportNeedsDescription?: string | null;
}

export interface ZienswijzeInput {
  /** The parent who adds his view. */
  actor: Actor;
  text: string;
}

export interface OkrSentInput {
  actor: Actor;
  sentOn: string;
  /** How it was sent: through OSO (default) or otherwise. */
  via?: 'OSO' | 'ANDERS' | null;
}

export interface OkrReceivedInput {
  actor: Actor;
  receivedOn: string;
  /** The secondary school's own reading of the file: support needs (may differ from the OKR). */
  supportNeeds?: boolean | null;
  note?: string | null;
}

/** The warm handover conversation (F23). */
export interface WarmeOverdrachtInput {
  actor: Actor;
  date: string;
  poPresent: boolean;
  parentsPresent: boolean;
  pupilPresent: boolean;
  development?: string | null;
  specificNeeds?: string | null;
  approach?: string | null;
  attentionPoints?: string | null;
  parentAlignment?: string | null;
  aftercare?: string | null;
  talents?: string | null;
  summary: string;
}

export interface PlacementInput {
  actor: Actor;
  className: string;
  /** The mentor (user id) who receives the information. */
  mentorId: string;
  mentorName?: string | null;
  /** Level of the (dakpan)class, e.g. "havo/vwo". */
  level?: string | null;
  note?: string | null;
}

export interface MentorReadInput {
  actor: Actor;
  note?: string | null;
}

export interface IzoReferralInput {
  actor: Actor;
  reasons: ZorgrouteReason[];
  pupilHelpQuestion: string;
  mentorSupportQuestion: string;
  problem?: string | null;
  parentsInformed: boolean;
}

export interface FeedbackInput {
  actor: Actor;
  summary: string;
  /** Who at the primary school received it. */
  sentTo?: string | null;
}

export interface StopOverdrachtInput {
  actor: Actor;
  reason: string;
}

export interface Okr extends Omit<OkrInput, 'actor'> {
  recordedOn: string;
  recordedBy: string | null;
}

export interface Zienswijze {
  parentUserId: string | null;
  parentName: string | null;
  text: string;
  addedOn: string;
}

export interface OverdrachtFeedback {
  moment: TerugkoppelingMoment;
  momentDate: string;
  date: string;
  summary: string;
  sentTo: string | null;
  recordedBy: string | null;
}

export interface OverdrachtState {
  case: CaseSnapshot;
  openSteps: string[];
  schoolYear: string;
  calendar: OverdrachtRegionalCalendar;
  applicationReceivedOn: string;
  poSchoolName: string;
  poContactName: string | null;
  supportNeeds: boolean;
  okr: Okr | null;
  zienswijzen: Zienswijze[];
  consent: ConsentRequestView | null;
  sent: { sentOn: string; via: string; recordedBy: string | null } | null;
  received: { receivedOn: string; note: string | null; recordedBy: string | null } | null;
  warmeOverdracht: (Omit<WarmeOverdrachtInput, 'actor'> & { withinWindow: boolean; recordedBy: string | null }) | null;
  placement: (Omit<PlacementInput, 'actor'> & { placedOn: string; placedBy: string | null }) | null;
  mentorRead: { readOn: string; note: string | null } | null;
  izoReferral: (Omit<IzoReferralInput, 'actor'> & { requestedOn: string; requestedBy: string | null; caseId: string | null }) | null;
  feedbackMoments: { moment: TerugkoppelingMoment; date: string; explanation: string }[];
  feedback: OverdrachtFeedback[];
  zorgplicht: { caseId: string; started: boolean; reason: string | null } | null;
  ledTo: LinkedCase[];
  stopReason: string | null;
}

export const recordOverdrachtOkr = defineUpdate<OverdrachtState, [OkrInput]>('recordOverdrachtOkr');
export const addOverdrachtZienswijze = defineUpdate<OverdrachtState, [ZienswijzeInput]>('addOverdrachtZienswijze');
export const recordOverdrachtSent = defineUpdate<OverdrachtState, [OkrSentInput]>('recordOverdrachtSent');
export const confirmOverdrachtReceived = defineUpdate<OverdrachtState, [OkrReceivedInput]>('confirmOverdrachtReceived');
export const recordWarmeOverdracht = defineUpdate<OverdrachtState, [WarmeOverdrachtInput]>('recordWarmeOverdracht');
export const placeOverdrachtPupil = defineUpdate<OverdrachtState, [PlacementInput]>('placeOverdrachtPupil');
export const confirmOverdrachtRead = defineUpdate<OverdrachtState, [MentorReadInput]>('confirmOverdrachtRead');
export const referOverdrachtToIzo = defineUpdate<OverdrachtState, [IzoReferralInput]>('referOverdrachtToIzo');
export const recordOverdrachtFeedback = defineUpdate<OverdrachtState, [FeedbackInput]>('recordOverdrachtFeedback');
export const stopOverdracht = defineUpdate<OverdrachtState, [StopOverdrachtInput]>('stopOverdracht');
export const getOverdrachtState = defineQuery<OverdrachtState>('getOverdrachtState');

/** From the receipt on, the zorgcoördinator may refer the pupil straight to the IZO [001:4227-4228]. */
export const OVERDRACHT_IZO_STATUSES: OverdrachtStatus[] = ['ONTVANGEN_VO', 'WARME_OVERDRACHT', 'PLAATSING', 'INFORMATIE_GEDEELD', 'DIRECTE_IZO_AANMELDING', 'TERUGKOPPELING_PO'];

/** The regional calendar of a school year, or null when the SWV (or school) has not set it. */
export function overdrachtCalendarFor(calendars: readonly OverdrachtRegionalCalendar[], schoolYear: string): OverdrachtRegionalCalendar | null {
  return calendars.find((c) => c.schoolYear === schoolYear) ?? null;
}
