/**
 * P3 — JOS: what other code imports — the start input, the update inputs and definitions, the query, the status and
 * step names, the needs and referrals (PROCESSES.md P3). The workflow is in jos.workflow.ts.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseSnapshot } from '@zorgroute/domain';
import { JOS_NEED_OPTIONS, JOS_REFERRAL_OPTIONS, JOS_STEPS as STEPS } from '@zorgroute/processes';
import type { Actor } from '../common/case-recorder';
import { consentStep, consentTimeoutStep, type ConsentRequestView } from '../common/consent';

export const JOS_WORKFLOW = 'josWorkflow';

export type JosStatus =
  | 'BESLOTEN'
  | 'AANMELDFORMULIER'
  | 'STARTGESPREK'
  | 'HANDTEKENING_OUDERS'
  | 'DOELEN'
  | 'ACTIEF'
  | 'AFRONDING'
  | 'AFGEROND'
  | 'DOORVERWEZEN'
  | 'GEEN_TOESTEMMING'
  | 'GESTOPT';

/** The six needs JOS is meant for: single, school-related problems [003:712-728] (the step catalogue names them). */
export type JosNeed = (typeof JOS_NEED_OPTIONS)[number]['value'];

export const JOS_NEED_LABELS = Object.fromEntries(JOS_NEED_OPTIONS.map((o) => [o.value, o.label])) as Record<JosNeed, string>;

export const JOS_NEEDS: JosNeed[] = JOS_NEED_OPTIONS.map((o) => o.value);

/** "If this is not enough, the pupil is referred to the Sociaal Team, the OOV or the BPO" [003:744-748]. */
export type JosReferral = (typeof JOS_REFERRAL_OPTIONS)[number]['value'];
export const JOS_REFERRALS: JosReferral[] = JOS_REFERRAL_OPTIONS.map((o) => o.value);
export type JosOutcome = 'AFGEROND' | 'DOORVERWEZEN';

export type JosStep = 'SUBMIT_FORM' | 'RECORD_STARTGESPREK' | 'SET_GOALS' | 'LOG_CONTACT' | 'RECORD_EVALUATION' | 'RECORD_OUTCOME';

/** The consent kind of the parents' signature; the case waits for `CONSENT_JOS_BEGELEIDING` while it is asked. */
export const JOS_CONSENT_KIND = 'JOS_BEGELEIDING';
export const JOS_SIGNATURE_STEP = consentStep(JOS_CONSENT_KIND);
export const JOS_SIGNATURE_DECISION_STEP = consentTimeoutStep(JOS_CONSENT_KIND);

export interface StartJosInput {
  schoolId: string;
  pupilId: string;
  /** The zorgcoördinator who records the school support team's decision. */
  startedBy: Actor;
  /** Date of the schoolondersteuningsteam meeting that decided to deploy JOS [003:732-736]. */
  decisionDate: string;
  /** The need(s) the pupil was registered with: at least one of the six. */
  needs: JosNeed[];
  decisionNotes?: string | null;
  /** The pupil's mentor, who fills in the JOS form (the zorgcoördinator when the pupil has none). */
  mentorId: string | null;
  /** The JOS worker who invites for the startgesprek and guides the pupil. */
  josWorkerId: string;
  originCaseId?: string | null;
}

/** The JOS aanmeldformulier, filled in by the mentor after the decision [003:736]. */
export interface JosFormInput {
  actor: Actor;
  /** The need(s), confirmed or adjusted by the mentor: at least one of the six. */
  needs: JosNeed[];
  /** The problem in the mentor's words. */
  problemDescription: string;
  /** JOS is for a single problem of a school-related nature [003:712-714]; the mentor confirms it. */
  singleSchoolRelatedProblem: boolean;
  /** What the mentor and the school already tried (first-line actions). */
  alreadyTried: string;
  /** What the pupil himself says about it and wants (his hulpvraag), if known. */
  pupilView?: string | null;
  /** Whether the parents know about the registration (the JOS worker invites them next). */
  parentsInformed: boolean;
  /** When the pupil can meet during the week (timetable), for the weekly work. */
  availability?: string | null;
}

export interface JosStartgesprekInput {
  actor: Actor;
  date: string;
  parentsPresent: boolean;
  mentorPresent: boolean;
  pupilPresent: boolean;
  summary: string;
}

/** The JOS worker plans the startgesprek: parents, mentor and pupil are invited [003:736-738]. */
export interface JosPlanStartgesprekInput {
  actor: Actor;
  date: string;
  /** HH:MM, when known. */
  time?: string | null;
  mode?: 'OP_SCHOOL' | 'TELEFONISCH' | null;
  /** Where at school (e.g. "kamer JOS"); never case details. */
  location?: string | null;
}

export interface JosPlannedStartgesprek {
  date: string;
  time: string | null;
  mode: 'OP_SCHOOL' | 'TELEFONISCH';
  location: string | null;
  plannedAt: string;
  plannedBy: Actor;
}

export interface JosGoalsInput {
  actor: Actor;
  /** The pupil's own goal, in his own words: JOS becomes active only with it (rule 4). */
  pupilGoal: string;
  /** Further goals agreed with pupil, mentor and parents. */
  goals?: string[];
  /** Who agreed to the goals [003:740-742]; the pupil must. */
  agreedWithPupil: boolean;
  agreedWithMentor: boolean;
  agreedWithParents: boolean;
  /** The fixed weekly moment, e.g. "donderdag 3e uur". */
  weeklySlot?: string | null;
}

export interface JosContactInput {
  actor: Actor;
  date: string;
  attended: boolean;
  /** "How close am I to my goal", 1–10. */
  thermometer?: number | null;
  note?: string | null;
}

export interface JosEvaluationInput {
  actor: Actor;
  summary: string;
  /** "How close am I to my goal", 1–10. */
  thermometer?: number | null;
}

export interface JosOutcomeInput {
  actor: Actor;
  outcome: JosOutcome;
  /** Required for DOORVERWEZEN. */
  referralTo?: JosReferral | null;
  summary: string;
}

export interface StopJosInput {
  actor: Actor;
  reason: string;
}

export interface JosForm extends Omit<JosFormInput, 'actor'> {
  submittedOn: string;
  submittedBy: string | null;
}

export interface JosStartgesprek extends Omit<JosStartgesprekInput, 'actor'> {
  recordedBy: Actor;
}

export interface JosGoals extends Omit<JosGoalsInput, 'actor' | 'goals'> {
  goals: string[];
  setOn: string;
}

export interface JosContact {
  date: string;
  attended: boolean;
  thermometer: number | null;
  note: string | null;
}

export interface JosEvaluation {
  number: number;
  date: string;
  summary: string;
  thermometer: number | null;
  recordedBy: string | null;
}

export interface JosState {
  case: CaseSnapshot;
  openSteps: string[];
  needs: JosNeed[];
  decisionDate: string;
  mentorId: string | null;
  josWorkerId: string;
  form: JosForm | null;
  startgesprek: JosStartgesprek | null;
  /** The planned startgesprek (the invitations went out), if planned; re-planning replaces it. */
  plannedStartgesprek?: JosPlannedStartgesprek | null;
  /** The latest request for the parents' signature (a consent record), if asked. */
  signature: ConsentRequestView | null;
  signatureRequests: number;
  signedOn: string | null;
  goals: JosGoals | null;
  activeFrom: string | null;
  /** The hard cap: `maxMonths` after the signature. */
  capDate: string | null;
  capWarningDate: string | null;
  capWarned: boolean;
  endDate: string | null;
  endedBy: 'CAP' | 'EARLY' | null;
  /** The evaluation that is open (or next), and from when it can be recorded. */
  evaluationNumber: number;
  evaluationOpensOn: string | null;
  evaluations: JosEvaluation[];
  /** The latest contacts (at most 20); `contactCount` counts all. */
  contacts: JosContact[];
  contactCount: number;
  outcome: JosOutcome | null;
  referralTo: JosReferral | null;
  outcomeSummary: string | null;
  stopReason: string | null;
}

export const submitJosForm = defineUpdate<JosState, [JosFormInput]>('submitJosForm');
export const recordJosStartgesprek = defineUpdate<JosState, [JosStartgesprekInput]>('recordJosStartgesprek');
export const planJosStartgesprek = defineUpdate<JosState, [JosPlanStartgesprekInput]>('planJosStartgesprek');
export const setJosGoals = defineUpdate<JosState, [JosGoalsInput]>('setJosGoals');
export const logJosContact = defineUpdate<JosState, [JosContactInput]>('logJosContact');
export const recordJosEvaluation = defineUpdate<JosState, [JosEvaluationInput]>('recordJosEvaluation');
export const recordJosOutcome = defineUpdate<JosState, [JosOutcomeInput]>('recordJosOutcome');
export const stopJos = defineUpdate<JosState, [StopJosInput]>('stopJos');
export const getJosState = defineQuery<JosState>('getJosState');

/** The Dutch name of each step, as the catalogue states it. */
export const JOS_STEP_LABELS = Object.fromEntries(
  (['SUBMIT_FORM', 'RECORD_STARTGESPREK', 'SET_GOALS', 'LOG_CONTACT', 'RECORD_EVALUATION', 'RECORD_OUTCOME'] as const).map((step) => [step, STEPS[step].label]),
) as Record<JosStep, string>;

