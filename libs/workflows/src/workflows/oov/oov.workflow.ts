/**
 * P5 — OOV arrangement: a temporary placement in an onderwijsopvangvoorziening of 6 weeks, 3 months or 6 months
 * (PROCESSES.md P5, seed 003:1071-1114, 003:2315, 001:4000-4003).
 *
 * VOORBEREIDING (the zorgcoördinator consults parents, SWV and Sociaal Team, each consultation recorded; then the
 * parents' consent through the shared consent machinery) → AANVRAAG_SWV (the zorgcoördinator sends the request) →
 * BESLUIT_SWV (an employee of the school's SWV grants it with the arrangement and the location, or rejects it:
 * AFGEWEZEN) → INTAKE (leerlingbegeleider and zorgcoördinator with the OOV; the start date) → GEPLAATST (start and
 * computed end; an evaluation at half-time and one N weeks before the end, which decides how it ends) →
 * TERUGKEER (return plan and handover back; a follow-up evaluation N weeks after the return; then AFGESLOTEN) |
 * VERLENGD (a longer arrangement: a new SWV decision, then GEPLAATST again from the old end date) | VERVOLG_VSO (the
 * TLV route; closed). GEEN_TOESTEMMING when the parents refuse (or withdraw) consent, GESTOPT when the zorgcoördinator
 * stops the case.
 *
 * The pupil stays enrolled at his own school, which stays responsible for his education, throughout [003:1106-1110]:
 * the case shows it (`data.enrolment`).
 */
import { defineQuery, defineUpdate, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import { addCalendarDays, addCalendarWeeks, calendarDaysBetween, dueInSchoolDays, toIsoDate, type DueDate } from '@zorgroute/domain/logic';
import type { CaseSnapshot } from '@zorgroute/domain';
import { CaseRecorder, caseWriters, type Actor } from '../common/case-recorder';
import { db } from '../common/case-activities.proxy';
import { consentAnswersAfterMove, consentStep, consentTimeoutStep, installConsentHandlers, requireConsent, type ConsentRequestView } from '../common/consent';
import { installAdminHandlers } from '../common/admin-actions';
import { awaitHumanStep } from '../common/human-step';
import { leftStep, untilMovedOn } from '../common/moved-on';
import { reject, requireStepInput } from '../common/step-errors';
import { OOV_STEPS as STEPS } from '@zorgroute/processes';
import { plusMonths } from '../jos/jos.workflow';

export const OOV_WORKFLOW = 'oovWorkflow';
/** Step updates answer once the process has moved on (see `movedOnFrom`). */
export const OOV_STEP_ANSWERS_AFTER_MOVE_PATCH = 'p5-step-updates-answer-after-move';
/** Consent updates (answer, withdrawal, decision after a timeout) answer once the process has moved on. */
export const OOV_CONSENT_ANSWERS_AFTER_MOVE_PATCH = 'p5-consent-answers-after-move';

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

const CLOSED: OovStatus[] = ['AFGESLOTEN', 'VERVOLG_VSO', 'AFGEWEZEN', 'GEEN_TOESTEMMING', 'GESTOPT'];

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

function todayIso(): string {
  return toIsoDate(Date.now());
}

function clean(value: string | null | undefined): string | null {
  const v = typeof value === 'string' ? value.trim() : '';
  return v ? v : null;
}

export async function oovWorkflow(input: StartOovInput): Promise<OovState> {
  const answerWhenMovedOn = patched(OOV_STEP_ANSWERS_AFTER_MOVE_PATCH);
  const consentAnswersWhenMovedOn = patched(OOV_CONSENT_ANSWERS_AFTER_MOVE_PATCH);
  const ctx = await db.loadCaseContext({ schoolId: input.schoolId, pupilId: input.pupilId });
  const policies = ctx.policies;
  const policy = ctx.policies.oov;
  const caseId = workflowInfo().workflowId;
  const source = input.source ?? 'DIRECT';
  const enrolment = {
    schoolId: input.schoolId,
    schoolName: ctx.schoolName,
    note: `De leerling blijft ingeschreven op ${ctx.schoolName}; de school blijft verantwoordelijk voor het onderwijsaanbod, ook tijdens de plaatsing in de OOV.`,
  };

  const rec = new CaseRecorder(
    {
      caseId,
      process: 'OOV',
      schoolId: input.schoolId,
      pupilId: input.pupilId,
      status: 'VOORBEREIDING',
      policyVersion: ctx.policyVersion,
      originCaseId: input.originCaseId ?? null,
      participantIds: [],
      data: { reason: input.reason, source, enrolment },
      startedAt: new Date().toISOString(),
    },
    ctx,
  );
  const s = rec.snapshot;
  const admin = installAdminHandlers(rec);
  rec.addParticipant(input.startedBy.id);
  rec.addParticipant(input.leerlingbegeleiderId);
  const zc = ctx.zorgcoordinatorId ?? input.startedBy.id;

  const state = {
    leerlingbegeleiderId: input.leerlingbegeleiderId ?? null,
    consultations: [] as OovConsultation[],
    requests: [] as OovRequest[],
    decisions: [] as OovSwvDecision[],
    intake: null as OovIntake | null,
    periods: [] as OovPeriod[],
    evaluations: [] as OovEvaluation[],
    extensions: 0,
    returnPlan: null as OovReturnPlan | null,
    followUp: null as OovFollowUp | null,
    followUpDate: null as string | null,
    vso: null as { note: string; tlvRequestedOn: string | null } | null,
    stopReason: null as string | null,
    withdrawn: false,
  };

  const consents = installConsentHandlers(rec, {
    onWithdrawn: (r) => {
      if (r.kind === OOV_CONSENT_KIND) state.withdrawn = true;
    },
  });

  const status = () => s.status as OovStatus;
  const stopped = () => state.stopReason !== null || state.withdrawn || admin.closed;
  const period = (): OovPeriod | null => state.periods.at(-1) ?? null;
  const evaluationOf = (r: number, kind: OovEvaluationKind) => state.evaluations.find((e) => e.round === r && e.kind === kind) ?? null;
  /**
   * Answers a step's update once the process has moved on, so the next step can be taken at once (moved-on.ts).
   * Decided once per case by a patch: cases started before this change answer as they did.
   */
  const movedOnFrom = async (step: OovStep) => {
    if (answerWhenMovedOn) await untilMovedOn(rec, leftStep(rec, step), () => CLOSED.includes(s.status as OovStatus) || stopped());
  };
  // The same for the consent updates; a withdrawn consent stops the case: its update answers once the case is closed.
  if (consentAnswersWhenMovedOn) {
    const isClosed = () => CLOSED.includes(s.status as OovStatus);
    consents.answerAfter(
      consentAnswersAfterMove(rec, {
        ended: () => isClosed() || stopped(),
        withdrawalMovedOn: (r) => (r.kind === OOV_CONSENT_KIND && !isClosed() ? isClosed : null),
      }),
    );
  }
  const consultationsComplete = () => OOV_REQUIRED_CONSULTATIONS.every((p) => state.consultations.some((c) => c.party === p));
  const ownerOfPlacementSteps = () => state.leerlingbegeleiderId ?? zc;

  const openSteps = (): string[] => {
    if (CLOSED.includes(status())) return [];
    const w = s.waitingFor;
    const steps: string[] = [];
    if (status() === 'VOORBEREIDING' && !consents.latest(OOV_CONSENT_KIND)) steps.push('OOV_RECORD_CONSULTATIONS');
    if (w && w !== 'OOV_RECORD_CONSULTATIONS') steps.push(w);
    return steps;
  };
  const view = (): OovState => ({
    case: { ...s, data: { ...s.data }, participantIds: [...s.participantIds] },
    openSteps: openSteps(),
    reason: input.reason,
    source,
    enrolment,
    leerlingbegeleiderId: state.leerlingbegeleiderId,
    consultations: [...state.consultations],
    consent: consents.latest(OOV_CONSENT_KIND),
    requests: [...state.requests],
    decisions: [...state.decisions],
    intake: state.intake,
    periods: [...state.periods],
    evaluations: [...state.evaluations],
    extensions: state.extensions,
    returnPlan: state.returnPlan,
    followUp: state.followUp,
    followUpDate: state.followUpDate,
    vso: state.vso,
    stopReason: state.stopReason,
  });
  const syncData = () => {
    const p = period();
    rec.setData({
      reason: input.reason,
      source,
      enrolment,
      leerlingbegeleiderId: state.leerlingbegeleiderId,
      consultations: state.consultations,
      requests: state.requests,
      decisions: state.decisions,
      intake: state.intake,
      periods: state.periods,
      arrangement: p?.arrangement ?? state.requests.at(-1)?.arrangement ?? null,
      location: p?.location ?? null,
      startDate: state.periods[0]?.startDate ?? null,
      endDate: p?.endDate ?? null,
      evaluations: state.evaluations,
      extensions: state.extensions,
      returnPlan: state.returnPlan,
      followUp: state.followUp,
      followUpDate: state.followUpDate,
      vso: state.vso,
      stopReason: state.stopReason,
      openSteps: openSteps(),
    });
  };
  const requireNotClosed = () => {
    if (CLOSED.includes(status()) || state.stopReason !== null || admin.closed) reject('CASE_CLOSED', 'Deze OOV-casus is afgesloten', 'This OOV case is closed');
  };
  const requireWaiting = (step: OovStep) => {
    requireNotClosed();
    if (s.waitingFor !== step) {
      reject('STEP_NOT_ALLOWED', `"${OOV_STEP_LABELS[step]}" kan nu niet (status ${status()})`, `"${step}" is not allowed now (status ${status()})`);
    }
  };
  const { recordStep, transition } = caseWriters<OovStatus>(rec, () => syncData());
  const due = (from: string, schoolDays: number, rule: string): DueDate => dueInSchoolDays(from, schoolDays, ctx.calendar, rule);
  const step = (name: OovStep, ownerUserId: string | null, dueDate: DueDate, isDone: () => boolean, recipients?: { swvLoketOfSchool: string }) => {
    // The read model's open steps include the step from the write that opens it.
    s.waitingFor = name;
    syncData();
    return awaitHumanStep(rec, { step: name, label: OOV_STEP_LABELS[name], ownerUserId, due: dueDate, ...(recipients ? { recipients } : {}) }, isDone, stopped);
  };
  const arrangementEnd = (a: OovArrangement, start: string): string => {
    if (a === 'OBSERVATIE_6W') return addCalendarWeeks(start, policy.observatietrajectWeeks);
    return plusMonths(start, a === 'OBS_BEHANDEL_3M' ? policy.behandeltrajectKortMonths : policy.behandeltrajectLangMonths);
  };
  const arrangementDays = (a: OovArrangement) => calendarDaysBetween('2030-01-01', arrangementEnd(a, '2030-01-01'));
  const label = (a: OovArrangement | null | undefined) => oovArrangementLabel(a, policy);

  setHandler(getOovState, view);

  // --- VOORBEREIDING ---
  setHandler(
    recordOovConsultation,
    async (u) => {
      const preparing = s.waitingFor === 'OOV_RECORD_CONSULTATIONS';
      state.consultations.push({ party: u.party, date: u.date, withWhom: clean(u.withWhom), summary: u.summary.trim(), recordedBy: u.actor.name });
      state.consultations.sort((a, b) => a.date.localeCompare(b.date));
      await recordStep(u.actor, 'OOV_CONSULTATION_RECORDED', `Overleg met ${OOV_CONSULTATION_LABELS[u.party]} op ${u.date} vastgelegd`);
      // The last required consultation ends the preparation: answer once the consent request is open.
      if (preparing && consultationsComplete()) await movedOnFrom('OOV_RECORD_CONSULTATIONS');
      return view();
    },
    {
      validator: (u) => {
        requireNotClosed();
        if (status() !== 'VOORBEREIDING' || consents.latest(OOV_CONSENT_KIND) !== null) {
          reject('STEP_NOT_ALLOWED', 'Overleg vastleggen kan alleen tijdens de voorbereiding, voordat de ouders om toestemming is gevraagd', 'Consultations can only be recorded during the preparation, before consent is asked');
        }
        requireStepInput(STEPS.OOV_RECORD_CONSULTATIONS, u, policies);
        if (state.consultations.length >= 20) reject('BAD_USER_INPUT', 'Maximaal 20 overleggen', 'At most 20 consultations');
      },
    },
  );

  // --- AANVRAAG_SWV ---
  setHandler(
    submitOovRequest,
    async (u) => {
      state.requests.push({
        round: 1,
        reasons: [...u.reasons],
        arrangement: u.arrangement,
        preferredLocation: clean(u.preferredLocation),
        motivation: u.motivation.trim(),
        goals: u.goals.trim(),
        submittedOn: todayIso(),
        submittedBy: u.actor.name,
        extension: false,
      });
      if (u.leerlingbegeleiderId) {
        state.leerlingbegeleiderId = u.leerlingbegeleiderId;
        rec.addParticipant(u.leerlingbegeleiderId);
      }
      await recordStep(u.actor, 'OOV_REQUEST_SUBMITTED', `OOV-aanvraag ingediend bij het samenwerkingsverband: ${label(u.arrangement)}`);
      await movedOnFrom('OOV_SUBMIT_REQUEST');
      return view();
    },
    {
      validator: (u) => {
        requireWaiting('OOV_SUBMIT_REQUEST');
        requireStepInput(STEPS.OOV_SUBMIT_REQUEST, u, policies);
      },
    },
  );

  // --- BESLUIT_SWV (also for an extension) ---
  setHandler(
    recordOovSwvDecision,
    async (u) => {
      const r = state.decisions.length + 1;
      const granted = u.decision === 'TOEGEKEND';
      state.decisions.push({
        round: r,
        decision: u.decision,
        arrangement: granted ? (u.arrangement as OovArrangement) : null,
        location: granted ? (clean(u.location) as string) : null,
        motivation: u.motivation.trim(),
        decidedOn: todayIso(),
        decidedBy: u.actor.name,
      });
      rec.addParticipant(u.actor.id);
      const what = r === 1 ? 'OOV-aanvraag' : 'Verlenging van het OOV-arrangement';
      await recordStep(
        u.actor,
        'OOV_SWV_DECIDED',
        granted ? `${what} toegekend door het samenwerkingsverband: ${label(u.arrangement)}, locatie ${clean(u.location) ?? ''}` : `${what} afgewezen door het samenwerkingsverband`,
        u.motivation,
      );
      await movedOnFrom('OOV_SWV_DECISION');
      return view();
    },
    {
      validator: (u) => {
        requireWaiting('OOV_SWV_DECISION');
        requireStepInput(STEPS.OOV_SWV_DECISION, u, policies);
        const current = period();
        if (u.decision === 'TOEGEKEND' && current && arrangementDays(u.arrangement as OovArrangement) < arrangementDays(current.arrangement)) {
          reject('BAD_USER_INPUT', 'Een verlenging is een langer arrangement dan het huidige', 'An extension is a longer arrangement than the current one');
        }
      },
    },
  );

  // --- INTAKE ---
  setHandler(
    recordOovIntake,
    async (u) => {
      state.intake = {
        date: u.date,
        startDate: u.startDate,
        leerlingbegeleiderPresent: u.leerlingbegeleiderPresent,
        zorgcoordinatorPresent: u.zorgcoordinatorPresent,
        oovContact: clean(u.oovContact),
        carePartners: (u.carePartners ?? []).map((c) => c.trim()).filter(Boolean),
        summary: u.summary.trim(),
        recordedBy: u.actor.name,
      };
      await recordStep(u.actor, 'OOV_INTAKE_RECORDED', `Intake bij de OOV gehouden op ${u.date}; start op ${u.startDate}`);
      await movedOnFrom('OOV_INTAKE');
      return view();
    },
    {
      validator: (u) => {
        requireWaiting('OOV_INTAKE');
        requireStepInput(STEPS.OOV_INTAKE, u, policies);
        const decidedOn = state.decisions.at(-1)?.decidedOn ?? todayIso();
        if (u.date < decidedOn) reject('BAD_USER_INPUT', 'De intake valt vóór het besluit van het SWV', 'The intake is before the SWV’s decision');
        if (u.startDate < u.date) reject('BAD_USER_INPUT', 'De plaatsing begint niet vóór de intake', 'The placement does not start before the intake');
        if (calendarDaysBetween(u.date, u.startDate) > 90) reject('BAD_USER_INPUT', 'De plaatsing begint binnen 90 dagen na de intake', 'The placement starts within 90 days of the intake');
        if (!u.leerlingbegeleiderPresent && !u.zorgcoordinatorPresent) {
          reject('BAD_USER_INPUT', 'De intake wordt gehouden door de leerlingbegeleider en/of de zorgcoördinator', 'The intake is held by the leerlingbegeleider and/or the zorgcoördinator');
        }
      },
    },
  );

  // --- evaluations (half-time; before the end, deciding how it ends) ---
  setHandler(
    recordOovEvaluation,
    async (u) => {
      const p = period() as OovPeriod;
      const kind: OovEvaluationKind = s.waitingFor === 'OOV_MID_EVALUATION' ? 'HALVERWEGE' : 'EIND';
      const nextStep = kind === 'EIND' ? (u.nextStep as OovNextStep) : null;
      state.evaluations.push({ round: p.round, kind, date: todayIso(), summary: u.summary.trim(), nextStep, recordedBy: u.actor.name });
      if (nextStep === 'VERLENGD') {
        state.requests.push({
          round: state.decisions.length + 1,
          reasons: [...(state.requests[0]?.reasons ?? [])],
          arrangement: u.extensionArrangement as OovArrangement,
          preferredLocation: p.location,
          motivation: (u.extensionMotivation ?? '').trim(),
          goals: state.requests.at(-1)?.goals ?? '',
          submittedOn: todayIso(),
          submittedBy: u.actor.name,
          extension: true,
        });
      }
      if (nextStep === 'VERVOLG_VSO') state.vso = { note: (u.vsoNote ?? '').trim(), tlvRequestedOn: u.tlvRequestedOn ?? null };
      const decided: Record<OovNextStep, string> = {
        TERUGKEER: 'de leerling keert terug naar school',
        VERLENGD: `verlenging aangevraagd: ${label(u.extensionArrangement)}`,
        VERVOLG_VSO: 'vervolg in het voortgezet speciaal onderwijs (TLV-route)',
      };
      await recordStep(
        u.actor,
        'OOV_EVALUATION_RECORDED',
        kind === 'HALVERWEGE' ? 'Evaluatie halverwege het arrangement vastgelegd' : `Evaluatie voor het einde vastgelegd: ${decided[nextStep as OovNextStep]}`,
        nextStep === 'VERLENGD' ? u.extensionMotivation : null,
      );
      await movedOnFrom(kind === 'HALVERWEGE' ? 'OOV_MID_EVALUATION' : 'OOV_END_EVALUATION');
      return view();
    },
    {
      validator: (u) => {
        requireNotClosed();
        if (s.waitingFor !== 'OOV_MID_EVALUATION' && s.waitingFor !== 'OOV_END_EVALUATION') {
          reject('STEP_NOT_ALLOWED', `Er staat nu geen evaluatie open (status ${status()})`, `No evaluation is open now (status ${status()})`);
        }
        // Two steps of one update: half-time (only a report) and before the end (which decides how it ends).
        if (s.waitingFor === 'OOV_MID_EVALUATION') {
          requireStepInput(STEPS.OOV_MID_EVALUATION, u, policies);
          return;
        }
        if (u.nextStep === 'VERLENGD' && state.extensions >= policy.maxExtensions) {
          reject('STEP_NOT_ALLOWED', `Het arrangement is al ${state.extensions} keer verlengd (maximum ${policy.maxExtensions})`, `Already extended ${state.extensions} time(s) (maximum ${policy.maxExtensions})`);
        }
        requireStepInput(STEPS.OOV_END_EVALUATION, u, policies);
        if (u.nextStep === 'VERLENGD' && arrangementDays(u.extensionArrangement as OovArrangement) < arrangementDays((period() as OovPeriod).arrangement)) {
          reject('BAD_USER_INPUT', 'Verlengen kan alleen met een langer arrangement', 'An extension must be a longer arrangement');
        }
      },
    },
  );

  // --- TERUGKEER ---
  setHandler(
    recordOovReturnPlan,
    async (u) => {
      state.returnPlan = {
        returnDate: u.returnDate,
        plan: u.plan.trim(),
        handoverDate: u.handoverDate,
        handoverSummary: u.handoverSummary.trim(),
        mentorInformed: u.mentorInformed,
        recordedBy: u.actor.name,
      };
      await recordStep(u.actor, 'OOV_RETURN_PLANNED', `Terugkeerplan vastgelegd; terug op school op ${u.returnDate}`);
      await movedOnFrom('OOV_RETURN_PLAN');
      return view();
    },
    {
      validator: (u) => {
        requireWaiting('OOV_RETURN_PLAN');
        requireStepInput(STEPS.OOV_RETURN_PLAN, u, policies);
        const p = period() as OovPeriod;
        const latest = p.endDate > todayIso() ? p.endDate : todayIso();
        if (u.returnDate < p.startDate || u.returnDate > addCalendarDays(latest, 14)) {
          reject('BAD_USER_INPUT', `De terugkeer valt tussen ${p.startDate} en ${addCalendarDays(latest, 14)}`, `The return falls between ${p.startDate} and ${addCalendarDays(latest, 14)}`);
        }
      },
    },
  );

  setHandler(
    recordOovFollowUp,
    async (u) => {
      state.followUp = { date: u.date, summary: u.summary.trim(), returnSucceeded: u.returnSucceeded, recordedBy: u.actor.name };
      await recordStep(u.actor, 'OOV_FOLLOW_UP_RECORDED', u.returnSucceeded ? 'Evaluatie na de terugkeer: de terugkeer is geslaagd' : 'Evaluatie na de terugkeer: de terugkeer verloopt moeizaam');
      await movedOnFrom('OOV_FOLLOW_UP');
      return view();
    },
    {
      validator: (u) => {
        requireWaiting('OOV_FOLLOW_UP');
        requireStepInput(STEPS.OOV_FOLLOW_UP, u, policies);
        if (state.returnPlan && u.date < state.returnPlan.returnDate) reject('BAD_USER_INPUT', 'De evaluatie valt na de terugkeer', 'The evaluation is after the return');
      },
    },
  );

  setHandler(
    stopOov,
    async (u) => {
      state.stopReason = u.reason.trim();
      await recordStep(u.actor, 'STOP_REQUESTED', 'OOV-casus gestopt', u.reason);
      return view();
    },
    {
      validator: (u) => {
        requireNotClosed();
        requireStepInput(STEPS.STOP_OOV, u, policies);
      },
    },
  );

  // ----------------------------------------------------------------------------------------------
  // Main flow.
  const finish = async (final: OovStatus, outcome: string, description: string): Promise<OovState> => {
    await rec.closeWith(outcome, () => transition(final, description));
    return view();
  };
  const finishStopped = () =>
    admin.closed
      ? admin.end(view)
      : state.withdrawn && state.stopReason === null
      ? finish('GEEN_TOESTEMMING', 'TOESTEMMING_INGETROKKEN', 'Toestemming ingetrokken door de ouders: de OOV-casus stopt')
      : finish('GESTOPT', 'GESTOPT', `OOV-casus gestopt: ${state.stopReason ?? ''}`);

  syncData();
  await rec.record({
    actorId: input.startedBy.id,
    actorName: input.startedBy.name,
    action: 'CASE_STARTED',
    description: input.originCaseId ? 'OOV overwogen vanuit een eerdere casus; voorbereiding gestart' : 'OOV overwogen; voorbereiding gestart',
    reason: input.reason,
  });

  // VOORBEREIDING: consult parents, SWV and Sociaal Team [003:1103-1104], then ask the parents' consent.
  await step('OOV_RECORD_CONSULTATIONS', zc, due(todayIso(), policy.preparationWithinSchoolDays, 'P5.preparationWithinSchoolDays'), consultationsComplete);
  if (stopped()) return finishStopped();
  const consent = await requireConsent(rec, {
    kind: OOV_CONSENT_KIND,
    label: 'Aanvraag van een plaatsing in een onderwijsopvangvoorziening (OOV)',
    scope:
      'School vraagt bij het samenwerkingsverband een tijdelijke plaatsing van uw kind in een onderwijsopvangvoorziening (OOV) aan en deelt daarvoor de benodigde gegevens uit het leerlingdossier met het samenwerkingsverband en de OOV. Uw kind blijft ingeschreven op school.',
    scopeForPupil:
      'School vraagt bij het samenwerkingsverband een tijdelijke plaatsing van je in een onderwijsopvangvoorziening (OOV) aan en deelt daarvoor de benodigde gegevens uit je leerlingdossier met het samenwerkingsverband en de OOV. Je blijft ingeschreven op school. Omdat je 16 bent of ouder, beslis je hier zelf over.',
    pupilDecidesFrom16: true,
    requestedBy: { id: zc, name: null },
    isCancelled: stopped,
  });
  if (stopped()) return finishStopped();
  if (consent.outcome !== 'GIVEN') {
    return finish(
      'GEEN_TOESTEMMING',
      consent.outcome === 'REFUSED' ? 'GEWEIGERD' : 'GEEN_ANTWOORD',
      consent.outcome === 'REFUSED' ? 'Ouders geven geen toestemming voor de OOV-aanvraag' : 'Geen toestemming van de ouders voor de OOV-aanvraag (verzoek verlopen)',
    );
  }

  // AANVRAAG_SWV: the zorgcoördinator sends the request.
  await transition('AANVRAAG_SWV', 'Toestemming van de ouders ontvangen; de zorgcoördinator dient de aanvraag in bij het samenwerkingsverband');
  await step('OOV_SUBMIT_REQUEST', zc, due(todayIso(), policy.requestWithinSchoolDays, 'P5.requestWithinSchoolDays'), () => state.requests.length > 0);
  if (stopped()) return finishStopped();

  // BESLUIT_SWV → INTAKE → GEPLAATST (→ VERLENGD → BESLUIT_SWV …) until the arrangement ends.
  let endedBy: OovNextStep | 'VERLENGING_AFGEWEZEN' = 'TERUGKEER';
  for (let r = 1; ; r++) {
    await transition('BESLUIT_SWV', r === 1 ? 'Aanvraag bij het samenwerkingsverband; wacht op het besluit' : 'Verlenging aangevraagd; wacht op een nieuw besluit van het samenwerkingsverband');
    await step('OOV_SWV_DECISION', null, due(todayIso(), policy.swvDecisionWithinSchoolDays, 'P5.swvDecisionWithinSchoolDays'), () => state.decisions.length >= r, { swvLoketOfSchool: input.schoolId });
    if (stopped()) return finishStopped();
    const decision = state.decisions[r - 1];
    let startDate: string;
    if (r === 1) {
      if (decision.decision === 'AFGEWEZEN') return finish('AFGEWEZEN', 'AFGEWEZEN', 'De OOV-aanvraag is afgewezen door het samenwerkingsverband');
      // INTAKE with the OOV [003:2315].
      await transition('INTAKE', `Toegekend: ${label(decision.arrangement)} in ${decision.location ?? ''}; intake bij de OOV`);
      await step('OOV_INTAKE', ownerOfPlacementSteps(), due(todayIso(), policy.intakeWithinSchoolDays, 'P5.intakeWithinSchoolDays'), () => state.intake !== null);
      if (stopped()) return finishStopped();
      startDate = (state.intake as OovIntake).startDate;
    } else {
      if (decision.decision === 'AFGEWEZEN') {
        endedBy = 'VERLENGING_AFGEWEZEN';
        break;
      }
      // The longer arrangement continues from the end of the current one.
      startDate = (period() as OovPeriod).endDate;
    }
    const arrangement = decision.arrangement as OovArrangement;
    const endDate = arrangementEnd(arrangement, startDate);
    const midDate = addCalendarDays(startDate, Math.round(calendarDaysBetween(startDate, endDate) * policy.midEvaluationAtFraction));
    const endEvaluationDate = addCalendarWeeks(endDate, -policy.evaluationBeforeEndWeeks);
    const p: OovPeriod = { round: r, arrangement, location: decision.location as string, startDate, endDate, midEvaluationDate: midDate, endEvaluationDate };
    state.periods.push(p);
    if (r > 1) state.extensions += 1;
    rec.upsertDueDate('OOV_END_DATE', {
      date: endDate,
      rule: `P5.${arrangement}`,
      inputs: { startDate, arrangement },
      explanation: `Einddatum ${endDate}: ${label(arrangement)} vanaf ${startDate}.`,
    });
    await transition(
      'GEPLAATST',
      `${r === 1 ? 'Geplaatst' : 'Verlengd'}: ${label(arrangement)} in ${p.location} van ${startDate} tot ${endDate}. De leerling blijft ingeschreven op ${ctx.schoolName}.`,
    );

    // Evaluations: at half-time, and N weeks before the end (which decides how it ends). Like every human step, an
    // evaluation is open from the moment it is the next one; its due date is what the ladder counts from.
    const mid = due(midDate, 0, 'P5.midEvaluationAtFraction');
    await step(
      'OOV_MID_EVALUATION',
      ownerOfPlacementSteps(),
      { ...mid, explanation: `${mid.explanation} Halverwege het arrangement (${startDate} tot ${endDate}).` },
      () => evaluationOf(r, 'HALVERWEGE') !== null,
    );
    if (stopped()) return finishStopped();
    const before = due(endEvaluationDate, 0, 'P5.evaluationBeforeEndWeeks');
    await step(
      'OOV_END_EVALUATION',
      zc,
      { ...before, explanation: `${before.explanation} ${policy.evaluationBeforeEndWeeks} weken vóór het einde op ${endDate}; hier wordt beslist over terugkeer, verlenging of VSO.` },
      () => evaluationOf(r, 'EIND') !== null,
    );
    if (stopped()) return finishStopped();
    const next = (evaluationOf(r, 'EIND') as OovEvaluation).nextStep as OovNextStep;
    if (next === 'VERVOLG_VSO') {
      endedBy = 'VERVOLG_VSO';
      break;
    }
    if (next === 'TERUGKEER') break;
    await transition('VERLENGD', `Verlenging aangevraagd: ${label(state.requests.at(-1)?.arrangement)}`);
  }

  if (endedBy === 'VERVOLG_VSO') {
    return finish('VERVOLG_VSO', 'VERVOLG_VSO', `Vervolg in het voortgezet speciaal onderwijs via de TLV-route${state.vso?.note ? `: ${state.vso.note}` : ''}`);
  }

  // TERUGKEER: return plan and handover back by the end date; a follow-up evaluation N weeks after the return.
  const p = period() as OovPeriod;
  await transition(
    'TERUGKEER',
    endedBy === 'VERLENGING_AFGEWEZEN' ? `Verlenging afgewezen: de leerling keert op ${p.endDate} terug naar school` : `De leerling keert terug naar school (einde arrangement ${p.endDate})`,
  );
  const returnDue = due(p.endDate > todayIso() ? p.endDate : todayIso(), 0, 'P5.returnPlanByEndDate');
  await step(
    'OOV_RETURN_PLAN',
    zc,
    { ...returnDue, explanation: `${returnDue.explanation} Het terugkeerplan en de overdracht terug naar school zijn klaar vóór het einde van het arrangement (${p.endDate}).` },
    () => state.returnPlan !== null,
  );
  if (stopped()) return finishStopped();
  const plan = state.returnPlan as OovReturnPlan;
  const followUpDate = addCalendarWeeks(plan.returnDate, policy.followUpAfterReturnWeeks);
  state.followUpDate = followUpDate;
  syncData();
  rec.upsertDueDate('OOV_RETURN', { date: plan.returnDate, rule: 'P5.returnDate', inputs: { returnDate: plan.returnDate }, explanation: `Terug op school op ${plan.returnDate} (terugkeerplan).` });
  // The follow-up evaluation is the next step; it can only be recorded from the return date on (see its validator).
  const followUp = due(followUpDate, 0, 'P5.followUpAfterReturnWeeks');
  await step(
    'OOV_FOLLOW_UP',
    zc,
    { ...followUp, explanation: `${followUp.explanation} ${policy.followUpAfterReturnWeeks} weken na de terugkeer op ${plan.returnDate}.` },
    () => state.followUp !== null,
  );
  if (stopped()) return finishStopped();
  return finish('AFGESLOTEN', 'TERUGKEER', state.followUp?.returnSucceeded ? 'Afgesloten: de leerling is teruggekeerd naar school' : 'Afgesloten na de terugkeer; de terugkeer verliep moeizaam (vervolg via de zorgroute van school)');
}
