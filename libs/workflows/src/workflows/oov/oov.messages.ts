/**
 * P5 — OOV arrangement: what other code imports — the start input, the update inputs and definitions, the query, the
 * status and step names, the arrangements and their Dutch names (PROCESSES.md P5). The workflow is in oov.workflow.ts.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseSnapshot } from '@zorgroute/domain';
import { OOV_STEPS as STEPS } from '@zorgroute/processes';
import type { Actor } from '../common/case-recorder';
import { consentStep, consentTimeoutStep, type ConsentRequestView } from '../common/consent';

export const OOV_WORKFLOW = 'oovWorkflow';

export type OovStatus =
  | 'VOORBEREIDING'
  | 'AANVRAAG_SWV'
  | 'BESLUIT_SWV'
  | 'INTAKE'
  | 'GEPLAATST'
  | 'VERLENGD'
  | 'TERUGKEER'
  | 'AFGESLOTEN'
  | 'VERVOLG_VSO'
  | 'AFGEWEZEN'
  | 'GEEN_TOESTEMMING'
  | 'GESTOPT';

/** The three arrangements [003:1094-1102]: observation 6 weeks; observation and treatment 3 or 6 months. */
export const OOV_ARRANGEMENTS = ['OBSERVATIE_6W', 'OBS_BEHANDEL_3M', 'OBS_BEHANDEL_6M'] as const;
export type OovArrangement = (typeof OOV_ARRANGEMENTS)[number];

/** Who an OOV is for [003:1081-1093, 003:2419-2421]. */
export const OOV_REASONS = ['VEILIGHEID', 'SCHOOLANGST', 'OBSERVATIE_ONDERWIJSBEHOEFTE', 'GEDRAG_TIJDELIJK_ELDERS'] as const;
export type OovReason = (typeof OOV_REASONS)[number];

export const OOV_REASON_LABELS: Record<OovReason, string> = {
  VEILIGHEID: 'Brengt de eigen veiligheid of die van anderen in gevaar',
  SCHOOLANGST: 'Bang geworden om naar school te gaan; opbouwen in een kleinere setting',
  OBSERVATIE_ONDERWIJSBEHOEFTE: 'Vermoeden van specifieke onderwijsbehoeften: gerichte, intensieve observatie nodig',
  GEDRAG_TIJDELIJK_ELDERS: 'Vanwege gedrag tijdelijk elders geplaatst',
};

/** With whom the zorgcoördinator consults before the request [003:1103-1106]; the first three are required. */
export const OOV_CONSULTATION_PARTIES = ['OUDERS', 'SWV', 'SOCIAAL_TEAM', 'ANDERS'] as const;
export type OovConsultationParty = (typeof OOV_CONSULTATION_PARTIES)[number];
export const OOV_REQUIRED_CONSULTATIONS: OovConsultationParty[] = ['OUDERS', 'SWV', 'SOCIAAL_TEAM'];

export const OOV_CONSULTATION_LABELS: Record<OovConsultationParty, string> = {
  OUDERS: 'de ouders',
  SWV: 'het samenwerkingsverband',
  SOCIAAL_TEAM: 'het Sociaal Team',
  ANDERS: 'een andere betrokkene',
};

/** How an arrangement ends (the evaluation before the end decides). */
export const OOV_NEXT_STEPS = ['TERUGKEER', 'VERLENGD', 'VERVOLG_VSO'] as const;
export type OovNextStep = (typeof OOV_NEXT_STEPS)[number];

export type OovSwvDecisionKind = 'TOEGEKEND' | 'AFGEWEZEN';
export type OovEvaluationKind = 'HALVERWEGE' | 'EIND';

export type OovStep =
  | 'OOV_RECORD_CONSULTATIONS'
  | 'OOV_SUBMIT_REQUEST'
  | 'OOV_SWV_DECISION'
  | 'OOV_INTAKE'
  | 'OOV_MID_EVALUATION'
  | 'OOV_END_EVALUATION'
  | 'OOV_RETURN_PLAN'
  | 'OOV_FOLLOW_UP';

/** The parents' consent: the case waits for `CONSENT_OOV_PLAATSING` while it is asked. */
export const OOV_CONSENT_KIND = 'OOV_PLAATSING';
export const OOV_CONSENT_STEP = consentStep(OOV_CONSENT_KIND);
export const OOV_CONSENT_DECISION_STEP = consentTimeoutStep(OOV_CONSENT_KIND);

/** The Dutch names of the steps, from the step catalogue (libs/processes/src/oov/steps.ts). */
export const OOV_STEP_LABELS: Record<OovStep, string> = {
  OOV_RECORD_CONSULTATIONS: STEPS.OOV_RECORD_CONSULTATIONS.label,
  OOV_SUBMIT_REQUEST: STEPS.OOV_SUBMIT_REQUEST.label,
  OOV_SWV_DECISION: STEPS.OOV_SWV_DECISION.label,
  OOV_INTAKE: STEPS.OOV_INTAKE.label,
  OOV_MID_EVALUATION: STEPS.OOV_MID_EVALUATION.label,
  OOV_END_EVALUATION: STEPS.OOV_END_EVALUATION.label,
  OOV_RETURN_PLAN: STEPS.OOV_RETURN_PLAN.label,
  OOV_FOLLOW_UP: STEPS.OOV_FOLLOW_UP.label,
};

export interface StartOovInput {
  schoolId: string;
  pupilId: string;
  /** The zorgcoördinator who prepares the request (or the actor of the case that led to it). */
  startedBy: Actor;
  /** Why an OOV is considered (free text; the request names the reasons). */
  reason: string;
  /** Where it comes from: a direct decision, a JOS referral (P3) or the ZAT (P2). */
  source?: 'DIRECT' | 'JOS' | 'ZAT' | null;
  originCaseId?: string | null;
  /** The leerlingbegeleider (coach) who holds the intake with the zorgcoördinator, when already known. */
  leerlingbegeleiderId?: string | null;
}

export interface OovConsultationInput {
  actor: Actor;
  party: OovConsultationParty;
  date: string;
  /** Who was spoken to (a role or a name, e.g. "onderwijsspecialist SWV"). */
  withWhom?: string | null;
  summary: string;
}

export interface OovRequestInput {
  actor: Actor;
  reasons: OovReason[];
  arrangement: OovArrangement;
  preferredLocation?: string | null;
  /** Why the pupil needs an OOV now, what the school already did. */
  motivation: string;
  /** What the placement should achieve. */
  goals: string;
  leerlingbegeleiderId?: string | null;
}

export interface OovSwvDecisionInput {
  actor: Actor;
  decision: OovSwvDecisionKind;
  /** TOEGEKEND: the arrangement and the OOV location. */
  arrangement?: OovArrangement | null;
  location?: string | null;
  motivation: string;
}

export interface OovIntakeInput {
  actor: Actor;
  date: string;
  /** First day at the OOV (not before the intake). */
  startDate: string;
  leerlingbegeleiderPresent: boolean;
  zorgcoordinatorPresent: boolean;
  /** The contact person at the OOV. */
  oovContact?: string | null;
  /** Care partners around the placement (e.g. STEK, GGZ, FACT, Sociaal Team) [003:1112-1114]. */
  carePartners?: string[] | null;
  summary: string;
}

export interface OovEvaluationInput {
  actor: Actor;
  summary: string;
  /** The end evaluation decides how the arrangement ends. */
  nextStep?: OovNextStep | null;
  /** VERLENGD: the longer arrangement asked of the SWV, with the reason. */
  extensionArrangement?: OovArrangement | null;
  extensionMotivation?: string | null;
  /** VERVOLG_VSO: how the TLV route continues, and the date the TLV was requested, if already. */
  vsoNote?: string | null;
  tlvRequestedOn?: string | null;
}

export interface OovReturnPlanInput {
  actor: Actor;
  /** First day back at school. */
  returnDate: string;
  plan: string;
  handoverDate: string;
  handoverSummary: string;
  mentorInformed: boolean;
}

export interface OovFollowUpInput {
  actor: Actor;
  date: string;
  summary: string;
  /** Whether the return went well. */
  returnSucceeded: boolean;
}

export interface StopOovInput {
  actor: Actor;
  reason: string;
}

export interface OovConsultation {
  party: OovConsultationParty;
  date: string;
  withWhom: string | null;
  summary: string;
  recordedBy: string | null;
}

export interface OovRequest {
  round: number;
  reasons: OovReason[];
  arrangement: OovArrangement;
  preferredLocation: string | null;
  motivation: string;
  goals: string;
  submittedOn: string;
  submittedBy: string | null;
  /** True for an extension request (from the end evaluation). */
  extension: boolean;
}

export interface OovSwvDecision {
  round: number;
  decision: OovSwvDecisionKind;
  arrangement: OovArrangement | null;
  location: string | null;
  motivation: string;
  decidedOn: string;
  decidedBy: string | null;
}

export interface OovIntake extends Omit<OovIntakeInput, 'actor' | 'oovContact' | 'carePartners'> {
  oovContact: string | null;
  carePartners: string[];
  recordedBy: string | null;
}

export interface OovPeriod {
  round: number;
  arrangement: OovArrangement;
  location: string;
  startDate: string;
  endDate: string;
  midEvaluationDate: string;
  endEvaluationDate: string;
}

export interface OovEvaluation {
  round: number;
  kind: OovEvaluationKind;
  date: string;
  summary: string;
  nextStep: OovNextStep | null;
  recordedBy: string | null;
}

export interface OovReturnPlan extends Omit<OovReturnPlanInput, 'actor'> {
  recordedBy: string | null;
}

export interface OovFollowUp extends Omit<OovFollowUpInput, 'actor'> {
  recordedBy: string | null;
}

export interface OovState {
  case: CaseSnapshot;
  openSteps: string[];
  reason: string;
  source: string;
  enrolment: { schoolId: string; schoolName: string; note: string };
  leerlingbegeleiderId: string | null;
  consultations: OovConsultation[];
  consent: ConsentRequestView | null;
  requests: OovRequest[];
  decisions: OovSwvDecision[];
  intake: OovIntake | null;
  periods: OovPeriod[];
  evaluations: OovEvaluation[];
  extensions: number;
  returnPlan: OovReturnPlan | null;
  followUp: OovFollowUp | null;
  followUpDate: string | null;
  vso: { note: string; tlvRequestedOn: string | null } | null;
  stopReason: string | null;
}

export const recordOovConsultation = defineUpdate<OovState, [OovConsultationInput]>('recordOovConsultation');
export const submitOovRequest = defineUpdate<OovState, [OovRequestInput]>('submitOovRequest');
export const recordOovSwvDecision = defineUpdate<OovState, [OovSwvDecisionInput]>('recordOovSwvDecision');
export const recordOovIntake = defineUpdate<OovState, [OovIntakeInput]>('recordOovIntake');
export const recordOovEvaluation = defineUpdate<OovState, [OovEvaluationInput]>('recordOovEvaluation');
export const recordOovReturnPlan = defineUpdate<OovState, [OovReturnPlanInput]>('recordOovReturnPlan');
export const recordOovFollowUp = defineUpdate<OovState, [OovFollowUpInput]>('recordOovFollowUp');
export const stopOov = defineUpdate<OovState, [StopOovInput]>('stopOov');
export const getOovState = defineQuery<OovState>('getOovState');

/** Dutch name of an arrangement, for descriptions and e-mails to staff. */
export function oovArrangementLabel(a: OovArrangement | null | undefined, policy?: { observatietrajectWeeks: number; behandeltrajectKortMonths: number; behandeltrajectLangMonths: number }): string {
  const p = policy ?? { observatietrajectWeeks: 6, behandeltrajectKortMonths: 3, behandeltrajectLangMonths: 6 };
  switch (a) {
    case 'OBSERVATIE_6W':
      return `observatietraject (${p.observatietrajectWeeks} weken)`;
    case 'OBS_BEHANDEL_3M':
      return `observatie- en behandeltraject (${p.behandeltrajectKortMonths} maanden)`;
    case 'OBS_BEHANDEL_6M':
      return `observatie- en behandeltraject (${p.behandeltrajectLangMonths} maanden)`;
    default:
      return 'onbekend arrangement';
  }
}
