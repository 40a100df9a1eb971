/**
 * P2 — Zorgroute: what other code imports — the start input, the update inputs and definitions, the query, the status
 * and step names and the consent kinds (PROCESSES.md P2). The workflow is in zorgroute.workflow.ts; the
 * records it keeps are in zorgroute.types.ts.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseSnapshot } from '@zorgroute/domain';
import { ZORGROUTE_STEPS as STEPS } from '@zorgroute/processes';
import type { Actor } from '../common/case-recorder';
import type { ConsentRequestView } from '../common/consent';
import type { LinkedCase } from '../common/links';
import type {
  AanmeldFormulier,
  ConversationRecord,
  EvaluationRecord,
  ExternalTarget,
  IzoDecision,
  IzoEvaluationOutcome,
  IzoMinutes,
  IzoRound,
  ReferralSource,
  SwvProvision,
  TriageChecks,
  TriageOutcome,
  TriageRecord,
  ZatAction,
  ZatDiscussion,
  ZatEvaluationOutcome,
  ZatMeeting,
  ZatMode,
  ZatReferralForm,
} from './zorgroute.types';

// What a linked process (P6's IZO referral) needs to start a zorgroute, so it imports this file, never the workflow.
export type { AanmeldFormulier, ZorgrouteReason } from './zorgroute.types';
export { missingReferralFields } from './zorgroute-form';

export const ZORGROUTE_WORKFLOW = 'zorgrouteWorkflow';

export type ZorgrouteStatus =
  | 'CONCEPT'
  | 'INGEDIEND'
  | 'TRIAGE'
  | 'TERUG_NAAR_AANMELDER'
  | 'EERST_EERSTELIJNS_ACTIES'
  | 'BILATERAAL'
  | 'GEACCEPTEERD'
  | 'VOORGESPREK'
  | 'GEPLAND_IZO'
  | 'BESPROKEN_IZO'
  | 'NAGESPREK'
  | 'UITVOERING'
  | 'EVALUATIE'
  | 'TOESTEMMING_ZAT'
  | 'INFORMATIE_VERZAMELEN'
  | 'GEPLAND_ZAT'
  | 'BESPROKEN_ZAT'
  | 'ZAT_OPVOLGING'
  | 'AFGESLOTEN'
  | 'VOORLOPIG_AFGESLOTEN'
  | 'EXTERN_VERWEZEN'
  | 'SWV_VOORZIENING_AANGEVRAAGD'
  | 'LEERPLICHT';

export type ZorgrouteStep =
  | 'SUBMIT_REFERRAL'
  | 'TRIAGE'
  | 'RECORD_BILATERAL'
  | 'RECORD_VOORGESPREK'
  | 'RECORD_IZO'
  | 'DISTRIBUTE_IZO_MINUTES'
  | 'RECORD_NAGESPREK'
  | 'RECORD_EVALUATION'
  | 'SUBMIT_ZAT_REFERRAL'
  | 'PLAN_ZAT'
  | 'SEND_ZAT_AGENDA'
  | 'RECORD_ZAT'
  | 'RECORD_ZAT_FEEDBACK'
  | 'RECORD_ZAT_EVALUATION';

/** Consent kinds of P2. */
export const IZO_CONSENT = 'IZO_BESPREKING';
export const ZAT_CONSENT = 'ZAT_AANMELDING';

export interface StartZorgrouteInput {
  schoolId: string;
  pupilId: string;
  /** The referrer (mentor or teamleider; the zorgcoördinator may refer too). */
  startedBy: Actor;
  referrerRole: string;
  source: ReferralSource;
  /** A (partial) form, e.g. prefilled from an ondersteuningstraject. */
  form?: AanmeldFormulier | null;
  /** Submit right away (the form must then be complete). */
  submit?: boolean;
  originCaseId?: string | null;
}

export interface ReferralInput {
  actor: Actor;
  form: AanmeldFormulier;
}

export interface TriageInput {
  actor: Actor;
  outcome: TriageOutcome;
  checks: TriageChecks;
  /** TERUG_NAAR_AANMELDER: what the referrer must add (the coordinator does not look it up himself). */
  missingInformation?: string | null;
  /** EERST_EERSTELIJNS_ACTIES: which first-line actions, and when the referral is looked at again. */
  firstLineActions?: string | null;
  recheckDate?: string | null;
  /** BILATERAAL: with which care-team member. */
  bilateralWith?: string | null;
  /** GEACCEPTEERD: who holds the conversations with parents and pupil (default the referrer) [001:3321, 3397-3398]. */
  contactPersonId?: string | null;
  contactPersonName?: string | null;
  /** GEACCEPTEERD while the parents do not know: the zorgcoördinator approves the safety exception (rule 3). */
  approveParentsNotInformed?: boolean | null;
  note?: string | null;
}

export interface ConversationInput {
  actor: Actor;
  date: string;
  parentsReport?: string | null;
  pupilReport: string;
  agreements?: string | null;
}

export interface RescheduleInput {
  actor: Actor;
  meetingDate: string;
  reason: string;
}

export interface IzoDiscussionInput {
  actor: Actor;
  minutes: IzoMinutes;
  decisions: IzoDecision[];
  /** "Wanneer evalueren we de gemaakte afspraken?" — default: policy evaluationAfterWeeks after the meeting. */
  evaluationDate?: string | null;
}

export interface ConfirmInput {
  actor: Actor;
  note?: string | null;
}

export interface IzoEvaluationInput {
  actor: Actor;
  outcome: IzoEvaluationOutcome;
  summary: string;
  /** VOORTZETTEN: the next evaluation date (default: policy evaluationAfterWeeks). */
  nextEvaluationDate?: string | null;
  /** DOEL_BEREIKT: optional nazorg agreed. */
  nazorg?: string | null;
  /** VERWIJZING_ZAT: the question to the ZAT. */
  zatQuestion?: string | null;
}

export interface ZatReferralInput {
  actor: Actor;
  form: ZatReferralForm;
}

export interface PlanZatInput {
  actor: Actor;
  meetingDate: string;
  mode?: ZatMode | null;
  invitees?: string[] | null;
  /** HH:MM, when known: shown in the invitations. */
  meetingTime?: string | null;
  /** Where at school (e.g. "lokaal 1.12"): shown in the invitations; never case details. */
  location?: string | null;
}

export interface ZatDiscussionInput {
  actor: Actor;
  analysis?: string | null;
  needs?: string | null;
  solutionsPupil?: string | null;
  solutionsFamily?: string | null;
  solutionsSchool?: string | null;
  actions: ZatAction[];
  casusregisseur: string;
  casusregisseurUserId?: string | null;
  feedbackToFamilyBy?: string | null;
  feedbackToSchoolBy?: string | null;
  evaluationDate: string;
  summary: string;
}

export interface ZatEvaluationInput {
  actor: Actor;
  outcome: ZatEvaluationOutcome;
  summary: string;
  nextEvaluationDate?: string | null;
  /** VOORTZETTEN: adjusted actions (replace the plan's actions when given). */
  actions?: ZatAction[] | null;
  externalTarget?: ExternalTarget | null;
  swvProvision?: SwvProvision | null;
}

export interface CloseInput {
  actor: Actor;
  reason: string;
}

/** The zorgcoördinator lifts the approved safety exception (rule 3): from now on the parents are informed. */
export interface LiftParentsExceptionInput {
  actor: Actor;
  reason: string;
}

export interface ZorgrouteState {
  case: CaseSnapshot;
  openSteps: ZorgrouteStep[];
  referrer: { id: string | null; name: string | null; role: string };
  source: ReferralSource;
  form: AanmeldFormulier;
  submissions: number;
  triages: TriageRecord[];
  parentsException: { reason: string; approvedBy: string | null; approvedAt: string } | null;
  /** The exception was lifted (the parents are informed from then on); null while it holds or never held. */
  parentsExceptionLifted: { at: string; by: string | null; reason: string } | null;
  contactPerson: { id: string | null; name: string | null } | null;
  voorgesprek: ConversationRecord | null;
  izoMeetingDate: string | null;
  izoRounds: IzoRound[];
  evaluationDate: string | null;
  evaluations: EvaluationRecord[];
  flexZat: boolean;
  zatReferral: ZatReferralForm | null;
  zatMeeting: ZatMeeting | null;
  zatDiscussion: ZatDiscussion | null;
  zatFeedback: ConversationRecord | null;
  zatEvaluations: EvaluationRecord[];
  zatConsentRefusals: { at: string; outcome: string; note: string | null }[];
  ledTo: LinkedCase[];
  consents: ConsentRequestView[];
}

export const saveReferral = defineUpdate<ZorgrouteState, [ReferralInput]>('saveReferral');
export const submitReferral = defineUpdate<ZorgrouteState, [ReferralInput]>('submitReferral');
export const triageReferral = defineUpdate<ZorgrouteState, [TriageInput]>('triageReferral');
export const recordBilateral = defineUpdate<ZorgrouteState, [ConversationInput]>('recordBilateral');
export const recordVoorgesprek = defineUpdate<ZorgrouteState, [ConversationInput]>('recordVoorgesprek');
export const rescheduleIzo = defineUpdate<ZorgrouteState, [RescheduleInput]>('rescheduleIzo');
export const recordIzoDiscussion = defineUpdate<ZorgrouteState, [IzoDiscussionInput]>('recordIzoDiscussion');
export const confirmIzoMinutesSent = defineUpdate<ZorgrouteState, [ConfirmInput]>('confirmIzoMinutesSent');
export const recordNagesprek = defineUpdate<ZorgrouteState, [ConversationInput]>('recordNagesprek');
export const recordIzoEvaluation = defineUpdate<ZorgrouteState, [IzoEvaluationInput]>('recordIzoEvaluation');
export const submitZatReferral = defineUpdate<ZorgrouteState, [ZatReferralInput]>('submitZatReferral');
export const planZat = defineUpdate<ZorgrouteState, [PlanZatInput]>('planZat');
export const confirmZatAgendaSent = defineUpdate<ZorgrouteState, [ConfirmInput]>('confirmZatAgendaSent');
export const recordZatDiscussion = defineUpdate<ZorgrouteState, [ZatDiscussionInput]>('recordZatDiscussion');
export const recordZatFeedback = defineUpdate<ZorgrouteState, [ConversationInput]>('recordZatFeedback');
export const recordZatEvaluation = defineUpdate<ZorgrouteState, [ZatEvaluationInput]>('recordZatEvaluation');
export const closeZorgroute = defineUpdate<ZorgrouteState, [CloseInput]>('closeZorgroute');
export const liftParentsException = defineUpdate<ZorgrouteState, [LiftParentsExceptionInput]>('liftParentsException');
export const getZorgrouteState = defineQuery<ZorgrouteState>('getState');

/** Dutch names of the steps the process waits for: their labels in the step catalogue (libs/processes). */
export const ZORGROUTE_STEP_LABELS: Record<ZorgrouteStep, string> = {
  SUBMIT_REFERRAL: STEPS.SUBMIT_REFERRAL.label,
  TRIAGE: STEPS.TRIAGE.label,
  RECORD_BILATERAL: STEPS.RECORD_BILATERAL.label,
  RECORD_VOORGESPREK: STEPS.RECORD_VOORGESPREK.label,
  RECORD_IZO: STEPS.RECORD_IZO.label,
  DISTRIBUTE_IZO_MINUTES: STEPS.DISTRIBUTE_IZO_MINUTES.label,
  RECORD_NAGESPREK: STEPS.RECORD_NAGESPREK.label,
  RECORD_EVALUATION: STEPS.RECORD_EVALUATION.label,
  SUBMIT_ZAT_REFERRAL: STEPS.SUBMIT_ZAT_REFERRAL.label,
  PLAN_ZAT: STEPS.PLAN_ZAT.label,
  SEND_ZAT_AGENDA: STEPS.SEND_ZAT_AGENDA.label,
  RECORD_ZAT: STEPS.RECORD_ZAT.label,
  RECORD_ZAT_FEEDBACK: STEPS.RECORD_ZAT_FEEDBACK.label,
  RECORD_ZAT_EVALUATION: STEPS.RECORD_ZAT_EVALUATION.label,
};
