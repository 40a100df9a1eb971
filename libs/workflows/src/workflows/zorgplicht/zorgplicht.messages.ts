/**
 * P4 — Aanmelding and zorgplicht: what other code imports — the start input, the update inputs and definitions, the
 * query, the status and step names, the kinds of investigation (PROCESSES.md P4). The workflow is in
 * zorgplicht.workflow.ts; the clock's rules are in zorgplicht-clock.ts.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseSnapshot } from '@zorgroute/domain';
import { ZORGPLICHT_INVESTIGATION_OPTIONS, ZORGPLICHT_STEPS as STEPS } from '@zorgroute/processes';
import type { CaseDocumentRef } from '../../activities/zorgplicht-activities.types';
import type { Actor } from '../common/case-recorder';
import type { ZorgplichtClock, ZorgplichtOutcome, ZorgplichtSwvSignal } from './zorgplicht-clock';

export const ZORGPLICHT_WORKFLOW = 'zorgplichtWorkflow';

export type ZorgplichtStatus = 'ONTVANGEN' | 'ONDERZOEK' | 'VERLENGD' | 'BESLUIT' | ZorgplichtOutcome;
export type ZorgplichtStep = 'RECORD_INVESTIGATION' | 'EXTEND_TERM' | 'RECORD_DECISION';

/** What the school did to investigate the support need (P4.1 ONDERZOEK), as the step catalogue names it. */
export type ZorgplichtInvestigationKind = (typeof ZORGPLICHT_INVESTIGATION_OPTIONS)[number]['value'];
export const ZORGPLICHT_INVESTIGATION_KINDS: readonly ZorgplichtInvestigationKind[] = ZORGPLICHT_INVESTIGATION_OPTIONS.map((o) => o.value);

export const ZORGPLICHT_INVESTIGATION_LABELS = Object.fromEntries(ZORGPLICHT_INVESTIGATION_OPTIONS.map((o) => [o.value, o.label])) as Record<ZorgplichtInvestigationKind, string>;

export interface StartZorgplichtInput {
  /** The school that received the application; it must be the parents' first preference. */
  schoolId: string;
  pupilId: string;
  startedBy: Actor;
  /** Date of receipt of the written application (YYYY-MM-DD; may lie in the past, not in the future). */
  receivedOn: string;
  /** Whether the school expects the pupil to need extra support. */
  extraSupportExpected: boolean;
  /** The parents' order of preference (school ids); the first holds the zorgplicht. */
  preferenceSchoolIds: string[];
  /** How the application came in: directly, or from the PO→VO overdracht (P6). */
  source?: 'AANMELDING' | 'OVERDRACHT' | null;
  /** The case this one was started from (e.g. the P6 overdracht), if any. */
  originCaseId?: string | null;
  /** The caller's idempotency key (kept in the case data). */
  requestKey?: string | null;
}

export interface ZorgplichtInvestigationInput {
  actor: Actor;
  kind: ZorgplichtInvestigationKind;
  date: string;
  /** Short internal note for the school (never shown to the SWV, never in an e-mail). */
  summary?: string | null;
}

export interface ZorgplichtExtendInput {
  actor: Actor;
  /** 1 to the policy's maximum (default 4). */
  weeks: number;
  /** Stated in the written notice to the parents. */
  reason: string;
}

export interface ZorgplichtDecisionInput {
  actor: Actor;
  outcome: ZorgplichtOutcome;
  /** Why: required for every outcome except INGETROKKEN; stated in the decision letter. */
  motivation?: string | null;
  /** TOEGELATEN: the extra support (arrangement); empty = admitted without an arrangement. */
  arrangement?: string | null;
  /** PLEK_ELDERS: the admitting school (name required; id when it is a Zorgroute school) and the date it agreed. */
  admittingSchoolName?: string | null;
  admittingSchoolId?: string | null;
  agreementDate?: string | null;
  agreementNote?: string | null;
  /** TLV_AANGEVRAAGD: the date the TLV was requested from the SWV. */
  tlvRequestedOn?: string | null;
  /** INGETROKKEN: the parents' reason or how they withdrew. */
  reason?: string | null;
}

export interface ZorgplichtInvestigationRecord {
  kind: ZorgplichtInvestigationKind;
  date: string;
  summary: string | null;
  recordedBy: string | null;
}

export interface ZorgplichtDecision {
  outcome: ZorgplichtOutcome;
  decidedOn: string;
  /** On or before the due date in force. */
  onTime: boolean;
  motivation: string | null;
  arrangement: string | null;
  admittingSchoolName: string | null;
  admittingSchoolId: string | null;
  agreementDate: string | null;
  agreementNote: string | null;
  tlvRequestedOn: string | null;
  reason: string | null;
  /** The last day to object (decision letters only). */
  bezwaarUntil: string | null;
  decidedBy: string | null;
}

export interface ZorgplichtSwvSignalRecord {
  key: string;
  signal: ZorgplichtSwvSignal;
  on: string;
  /** Signals that were due at the same moment and are covered by this one (e.g. a clock registered late). */
  covers: string[];
}

export interface ZorgplichtState {
  case: CaseSnapshot;
  openSteps: ZorgplichtStep[];
  clock: ZorgplichtClock;
  extensionsUsed: number;
  investigations: ZorgplichtInvestigationRecord[];
  decision: ZorgplichtDecision | null;
  documents: CaseDocumentRef[];
  swvSignals: ZorgplichtSwvSignalRecord[];
}

export const recordZorgplichtInvestigation = defineUpdate<ZorgplichtState, [ZorgplichtInvestigationInput]>('recordZorgplichtInvestigation');
export const extendZorgplichtTerm = defineUpdate<ZorgplichtState, [ZorgplichtExtendInput]>('extendZorgplichtTerm');
export const recordZorgplichtDecision = defineUpdate<ZorgplichtState, [ZorgplichtDecisionInput]>('recordZorgplichtDecision');
export const getZorgplichtState = defineQuery<ZorgplichtState>('getZorgplichtState');

export const ZORGPLICHT_STEP_LABELS: Record<ZorgplichtStep, string> = {
  RECORD_INVESTIGATION: STEPS.RECORD_INVESTIGATION.label,
  EXTEND_TERM: STEPS.EXTEND_TERM.label,
  RECORD_DECISION: STEPS.RECORD_DECISION.label,
};
