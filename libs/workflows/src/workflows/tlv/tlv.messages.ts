/**
 * P8 — TLV (toelaatbaarheidsverklaring): what other code imports — the start input, the update inputs and definitions,
 * the query, the status and step names (issue 16; seed 003 "Fase 4 Aanvraag TLV"). The workflow is in tlv.workflow.ts.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseSnapshot } from '@zorgroute/domain';
import type { TlvDossierItem } from '@zorgroute/domain/logic';
import type { TlvStepName } from '@zorgroute/processes';
import type { TlvDocumentRef } from '../../activities/tlv-activities.types';
import type { Actor } from '../common/case-recorder';

export const TLV_WORKFLOW = 'tlvWorkflow';

export type TlvStatus =
  /** The school compiles the dossier with the parents (their akkoord, the checklist). */
  | 'DOSSIER'
  /** Submitted: the SWV checks the dossier against its checklist. */
  | 'INGEDIEND'
  /** Complete: the two experts advise. */
  | 'ADVIES'
  /** Both advised: the commissie (CTA) decides. */
  | 'BESLUIT'
  /** The decision term was extended (once, with notice). */
  | 'VERLENGD'
  /** Granted: noted in the school system and registered in BRON; valid until its end date. */
  | 'AFGEGEVEN'
  /** Refused: open for bezwaar until the end of the bezwaar term. */
  | 'AFGEWEZEN'
  /** The end date comes near: the SWV and the school are reminded, the school decides on a herindicatie. */
  | 'AFLOPEND'
  /** Closed: the TLV's end date has passed. */
  | 'VERLOPEN'
  /** Closed: refused, the bezwaar term over. */
  | 'AFGESLOTEN'
  /** Closed: withdrawn before a decision. */
  | 'INGETROKKEN'
  /** Closed: the parents did not agree to the request. */
  | 'GEEN_TOESTEMMING';

export type TlvOutcome = 'VERLOPEN' | 'AFGEWEZEN' | 'INGETROKKEN' | 'GEEN_TOESTEMMING';
export type TlvStep = TlvStepName;
export type TlvCategory = 'LAAG' | 'MIDDEN' | 'HOOG';

/** The parents' akkoord with the request and their signature on the dossier [003:1642-1644, 003:1665-1667]. */
export const TLV_CONSENT_KIND = 'TLV_AANVRAAG';
export const TLV_CONSENT_STEP = `CONSENT_${TLV_CONSENT_KIND}`;

export interface StartTlvInput {
  schoolId: string;
  pupilId: string;
  startedBy: Actor;
  /** The case the request comes from: the P2 zorgroute case with the Flex-ZAT, or the TLV a herindicatie follows. */
  sourceCaseId: string | null;
  /** The date the Flex-ZAT took place ("vooraf moet een Flex-Zat hebben plaatsgevonden" [003:1616-1620]). */
  flexZatDate?: string | null;
  /** Whether the VSO's deskundigheidsverklaring applies to this request (a VSO school is involved). */
  deskundigheidsverklaringVso: boolean;
  /** A herindicatie: the TLV case it extends. */
  herindicatieOf?: string | null;
  /** Why a TLV is considered (internal, for the school and the SWV). */
  reason: string;
}

export interface TlvDossierItemInput {
  actor: Actor;
  item: TlvDossierItem;
  reference: string;
  date: string;
  /** For the school and the SWV; the parents and the pupil read it only when `noteForFamily` (the audience policy). */
  note?: string | null;
  noteForFamily?: boolean | null;
}

export interface TlvSubmitInput {
  actor: Actor;
  requestedCategory: TlvCategory;
  vsoSchool?: string | null;
  motivation: string;
}

export interface TlvCheckInput {
  actor: Actor;
  outcome: 'COMPLEET' | 'ONVOLLEDIG';
  missingItems?: TlvDossierItem[];
  firstExpertName?: string | null;
  firstExpertDiscipline?: string | null;
  secondExpertName?: string | null;
  secondExpertDiscipline?: string | null;
  note?: string | null;
}

export interface TlvExpertAdviceInput {
  actor: Actor;
  date: string;
  advice: 'TOEKENNEN' | 'AFWIJZEN';
  category?: TlvCategory | null;
  summary: string;
}

export interface TlvExtendInput {
  actor: Actor;
  weeks: number;
  reason: string;
}

export interface TlvDecisionInput {
  actor: Actor;
  decision: 'TOEGEKEND' | 'AFGEWEZEN';
  category?: TlvCategory | null;
  startDate?: string | null;
  endDate?: string | null;
  motivation: string;
}

export interface TlvRegistrationInput {
  actor: Actor;
  date: string;
  note?: string | null;
}

export interface TlvBezwaarInput {
  actor: Actor;
  stage: 'INGEDIEND' | 'GEGROND' | 'ONGEGROND' | 'INGETROKKEN' | 'LANDELIJKE_COMMISSIE';
  date: string;
  note?: string | null;
}

export interface TlvHerindicatieInput {
  actor: Actor;
  herindicatie: 'AANVRAGEN' | 'NIET_NODIG';
  reason: string;
}

export interface TlvWithdrawInput {
  actor: Actor;
  reason: string;
}

export interface TlvChecklistEntry {
  item: TlvDossierItem;
  label: string;
  /** The SWV's checklist asks for it (for this case). */
  required: boolean;
  present: boolean;
  reference: string | null;
  date: string | null;
  note: string | null;
  /** The note may be read by the parents and the pupil. */
  noteForFamily: boolean;
  recordedBy: string | null;
}

export interface TlvRequest {
  round: number;
  submittedOn: string;
  submittedBy: string | null;
  requestedCategory: TlvCategory;
  vsoSchool: string | null;
  motivation: string;
}

export interface TlvCheck {
  round: number;
  on: string;
  outcome: 'COMPLEET' | 'ONVOLLEDIG';
  missingItems: TlvDossierItem[];
  note: string | null;
  by: string | null;
}

export interface TlvExpert {
  slot: 1 | 2;
  name: string;
  discipline: string;
  dueDate: string;
  advisedOn: string | null;
  advice: 'TOEKENNEN' | 'AFWIJZEN' | null;
  category: TlvCategory | null;
  summary: string | null;
  recordedBy: string | null;
}

export interface TlvTerm {
  completeOn: string;
  firstDueDate: string;
  dueDate: string;
  explanation: string;
  extended: boolean;
  extensionWeeks: number | null;
  extendedOn: string | null;
  extensionReason: string | null;
}

export interface TlvDecision {
  decision: 'TOEGEKEND' | 'AFGEWEZEN';
  category: TlvCategory | null;
  startDate: string | null;
  endDate: string | null;
  motivation: string;
  decidedOn: string;
  /** On or before the decision term in force. */
  onTime: boolean;
  bezwaarUntil: string;
  decidedBy: string | null;
}

export interface TlvBezwaar {
  stage: TlvBezwaarInput['stage'];
  date: string;
  note: string | null;
  recordedBy: string | null;
}

export interface TlvState {
  case: CaseSnapshot;
  openSteps: string[];
  availableSteps: string[];
  checklist: TlvChecklistEntry[];
  missingItems: TlvDossierItem[];
  requests: TlvRequest[];
  checks: TlvCheck[];
  experts: TlvExpert[];
  term: TlvTerm | null;
  decision: TlvDecision | null;
  documents: TlvDocumentRef[];
  registration: { schoolSystemOn: string | null; bronOn: string | null };
  bezwaren: TlvBezwaar[];
  expiry: { reminderDate: string; remindedOn: string | null } | null;
  herindicatie: { decision: TlvHerindicatieInput['herindicatie']; reason: string; decidedOn: string; caseId: string | null } | null;
  withdrawnReason: string | null;
}

export const recordTlvDossierItem = defineUpdate<TlvState, [TlvDossierItemInput]>('recordTlvDossierItem');
export const submitTlvRequest = defineUpdate<TlvState, [TlvSubmitInput]>('submitTlvRequest');
export const checkTlvDossier = defineUpdate<TlvState, [TlvCheckInput]>('checkTlvDossier');
export const recordTlvFirstExpertAdvice = defineUpdate<TlvState, [TlvExpertAdviceInput]>('recordTlvFirstExpertAdvice');
export const recordTlvSecondExpertAdvice = defineUpdate<TlvState, [TlvExpertAdviceInput]>('recordTlvSecondExpertAdvice');
export const extendTlvTerm = defineUpdate<TlvState, [TlvExtendInput]>('extendTlvTerm');
export const recordTlvDecision = defineUpdate<TlvState, [TlvDecisionInput]>('recordTlvDecision');
export const recordTlvSchoolSystem = defineUpdate<TlvState, [TlvRegistrationInput]>('recordTlvSchoolSystem');
export const recordTlvBron = defineUpdate<TlvState, [TlvRegistrationInput]>('recordTlvBron');
export const recordTlvBezwaar = defineUpdate<TlvState, [TlvBezwaarInput]>('recordTlvBezwaar');
export const decideTlvHerindicatie = defineUpdate<TlvState, [TlvHerindicatieInput]>('decideTlvHerindicatie');
export const withdrawTlvRequest = defineUpdate<TlvState, [TlvWithdrawInput]>('withdrawTlvRequest');
export const getTlvState = defineQuery<TlvState>('getTlvState');
