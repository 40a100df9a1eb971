/**
 * P3 — JOS, Jeugd Ondersteuning op School: short psychosocial support by an external JOS worker, weekly, capped at
 * 5 months (PROCESSES.md P3, seed 003:699-748, 003:2336-2352).
 *
 * BESLOTEN (the school support team decided to deploy JOS) → AANMELDFORMULIER (the mentor fills in the JOS form) →
 * STARTGESPREK (the JOS worker talks with parents, mentor and pupil) → HANDTEKENING_OUDERS (a parent's signature is
 * required before any support; reminders; after the timeout the zorgcoördinator asks again or closes as
 * GEEN_TOESTEMMING) → DOELEN (goals with pupil, mentor and parents; the pupil's own goal is required) → ACTIEF
 * (weekly work, a progress evaluation every few weeks; a hard cap of `maxMonths` counted from the signature, with a
 * warning some weeks before; the cap cannot be extended) → AFRONDING (outcome within N school days of the end) →
 * AFGEROND | DOORVERWEZEN (Sociaal Team, OOV or BPO). GESTOPT when the zorgcoördinator stops the case.
 *
 * The history stays bounded for the whole 5 months: every wait ends at the cap, each human step has a finite
 * ladder, and the weekly contact log accepts at most one entry per day between the start of ACTIEF and the cap.
 */
import { allHandlersFinished, condition, defineQuery, defineUpdate, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  addCalendarDays,
  addCalendarWeeks,
  dueInSchoolDays,
  isSchoolDay,
  toIsoDate,
  utcToIsoDate,
  zonedInstant,
  type DueDate,
} from '@zorgroute/domain/logic';
import type { CaseSnapshot } from '@zorgroute/domain';
import { CaseRecorder, caseWriters, type Actor } from '../common/case-recorder';
import { db } from '../common/case-activities.proxy';
import { consentAnswersAfterMove, consentStep, consentTimeoutStep, installConsentHandlers, requireConsent, type ConsentRequestView } from '../common/consent';
import { awaitHumanStep } from '../common/human-step';
import { leftStep, untilMovedOn } from '../common/moved-on';
import { installAdminHandlers } from '../common/admin-actions';
import { startLinkedCase } from '../common/links';
import { reject, requireStepInput } from '../common/step-errors';
import { JOS_NEED_OPTIONS, JOS_REFERRAL_OPTIONS, JOS_STEPS as STEPS } from '@zorgroute/processes';
import type { StartOovInput } from '../oov/oov.workflow';

export const JOS_WORKFLOW = 'josWorkflow';
/** Step updates answer once the process has moved on (see `movedOnFrom`). */
export const JOS_STEP_ANSWERS_AFTER_MOVE_PATCH = 'p3-step-updates-answer-after-move';
/** Planning the startgesprek sends an invitation to parents, mentor and pupil. */
export const JOS_STARTGESPREK_INVITATIONS_PATCH = 'p3-startgesprek-invitations';
/** The parents' signature (and its withdrawal, and the decision after a timeout) answers once the process has moved on. */
export const JOS_CONSENT_ANSWERS_AFTER_MOVE_PATCH = 'p3-consent-answers-after-move';

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

/**
 * How many (latest) contacts the read model and the update results carry; the workflow keeps all of them (at most
 * one per day), so the payloads in the history do not grow with every week of work.
 */
const CONTACTS_SHOWN = 20;

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
const STEP_LABELS = Object.fromEntries((['SUBMIT_FORM', 'RECORD_STARTGESPREK', 'SET_GOALS', 'LOG_CONTACT', 'RECORD_EVALUATION', 'RECORD_OUTCOME'] as const).map((step) => [step, STEPS[step].label])) as Record<JosStep, string>;

const SIGNATURE_LABEL = 'Handtekening ouders voor begeleiding door JOS';
const CLOSED: JosStatus[] = ['AFGEROND', 'DOORVERWEZEN', 'GEEN_TOESTEMMING', 'GESTOPT'];

function todayIso(): string {
  return toIsoDate(Date.now());
}

/** `date` plus whole calendar months; the day is clipped to the end of a shorter month (31 Jan + 1 = 28/29 Feb). */
export function plusMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = Date.UTC(y, m - 1 + months, 1);
  const year = new Date(first).getUTCFullYear();
  const month = new Date(first).getUTCMonth();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return utcToIsoDate(Date.UTC(year, month, Math.min(d, lastDay)));
}

function requireNeeds(needs: unknown): void {
  if (!Array.isArray(needs) || needs.length === 0 || needs.length > JOS_NEEDS.length || !needs.every((n) => JOS_NEEDS.includes(n as JosNeed)) || new Set(needs).size !== needs.length) {
    reject('BAD_USER_INPUT', `Kies één of meer ondersteuningsbehoeften (${JOS_NEEDS.join(', ')})`, `Choose one or more support needs (${JOS_NEEDS.join(', ')})`);
  }
}

export async function josWorkflow(input: StartJosInput): Promise<JosState> {
  const answerWhenMovedOn = patched(JOS_STEP_ANSWERS_AFTER_MOVE_PATCH);
  const consentAnswersWhenMovedOn = patched(JOS_CONSENT_ANSWERS_AFTER_MOVE_PATCH);
  const ctx = await db.loadCaseContext({ schoolId: input.schoolId });
  const policy = ctx.policies.jos;
  const policies = ctx.policies;
  const ladder = ctx.policies.ladder;
  requireNeeds(input.needs);

  const rec = new CaseRecorder(
    {
      caseId: workflowInfo().workflowId,
      process: 'JOS',
      schoolId: input.schoolId,
      pupilId: input.pupilId,
      status: 'BESLOTEN',
      policyVersion: ctx.policyVersion,
      originCaseId: input.originCaseId ?? null,
      participantIds: [],
      data: {
        needs: input.needs,
        decisionDate: input.decisionDate,
        decisionNotes: input.decisionNotes ?? null,
        mentorId: input.mentorId,
        josWorkerId: input.josWorkerId,
        maxMonths: policy.maxMonths,
      },
      startedAt: new Date().toISOString(),
    },
    ctx,
  );
  const s = rec.snapshot;
  rec.addParticipant(input.startedBy.id);
  rec.addParticipant(input.mentorId);
  rec.addParticipant(input.josWorkerId);

  const state = {
    needs: [...input.needs],
    form: null as JosForm | null,
    startgesprek: null as JosStartgesprek | null,
    plannedStartgesprek: null as JosPlannedStartgesprek | null,
    startgesprekPlans: 0,
    signedOn: null as string | null,
    goals: null as JosGoals | null,
    activeFrom: null as string | null,
    capDate: null as string | null,
    capWarningDate: null as string | null,
    capWarned: false,
    capReached: false,
    endDate: null as string | null,
    endedBy: null as 'CAP' | 'EARLY' | null,
    evaluationNumber: 0,
    evaluationOpensOn: null as string | null,
    evaluations: [] as JosEvaluation[],
    contacts: [] as JosContact[],
    outcome: null as JosOutcome | null,
    referralTo: null as JosReferral | null,
    outcomeSummary: null as string | null,
    stopReason: null as string | null,
    withdrawn: false,
  };

  // The parents' signature is a consent record (rule 2); a withdrawn signature ends the support.
  const consents = installConsentHandlers(rec, {
    onWithdrawn: (r) => {
      if (r.kind === JOS_CONSENT_KIND) state.withdrawn = true;
    },
  });

  // JOS ends at its cap (5 months after the signature): a step of the running support cannot be due after it. The
  // outcome after the cap (AFRONDING) is the one step that may.
  const admin = installAdminHandlers(rec, {
    dueDateLimit: (step) =>
      state.capDate && step.step !== 'RECORD_OUTCOME'
        ? {
            date: state.capDate,
            nl: `JOS eindigt uiterlijk op ${state.capDate} (${policy.maxMonths} maanden na de handtekening); een termijn na die eindgrens kan niet`,
            en: `JOS ends on ${state.capDate} at the latest (${policy.maxMonths} months after the signature); a due date after that cap is not possible`,
          }
        : null,
  });

  const status = () => s.status as JosStatus;
  const stopped = () => state.stopReason !== null || state.withdrawn || admin.closed;
  /** Support ends before the cap: an outcome was recorded, or the case was stopped. */
  const endedEarly = () => state.outcome !== null || stopped();
  const evaluationOpen = () => status() === 'ACTIEF' && s.waitingFor === 'RECORD_EVALUATION' && state.evaluationOpensOn !== null && todayIso() >= state.evaluationOpensOn;

  const openSteps = (): string[] => {
    switch (status()) {
      case 'AANMELDFORMULIER':
        return ['SUBMIT_FORM'];
      case 'STARTGESPREK':
        return ['RECORD_STARTGESPREK'];
      case 'HANDTEKENING_OUDERS':
        // The consent machinery sets waitingFor; before it does, the signature is what is asked.
        return s.waitingFor === JOS_SIGNATURE_DECISION_STEP ? [JOS_SIGNATURE_DECISION_STEP] : [JOS_SIGNATURE_STEP];
      case 'DOELEN':
        return ['SET_GOALS', 'RECORD_OUTCOME'];
      case 'ACTIEF':
        return ['LOG_CONTACT', ...(evaluationOpen() ? ['RECORD_EVALUATION'] : []), 'RECORD_OUTCOME'];
      case 'AFRONDING':
        return ['RECORD_OUTCOME'];
      default:
        return [];
    }
  };
  const view = (): JosState => ({
    case: { ...s, data: { ...s.data }, participantIds: [...s.participantIds] },
    openSteps: openSteps(),
    needs: [...state.needs],
    decisionDate: input.decisionDate,
    mentorId: input.mentorId,
    josWorkerId: input.josWorkerId,
    form: state.form,
    startgesprek: state.startgesprek,
    plannedStartgesprek: state.plannedStartgesprek,
    signature: consents.latest(JOS_CONSENT_KIND),
    signatureRequests: consents.views().filter((c) => c.kind === JOS_CONSENT_KIND).length,
    signedOn: state.signedOn,
    goals: state.goals,
    activeFrom: state.activeFrom,
    capDate: state.capDate,
    capWarningDate: state.capWarningDate,
    capWarned: state.capWarned,
    endDate: state.endDate,
    endedBy: state.endedBy,
    evaluationNumber: state.evaluationNumber,
    evaluationOpensOn: state.evaluationOpensOn,
    evaluations: [...state.evaluations],
    contacts: state.contacts.slice(-CONTACTS_SHOWN),
    contactCount: state.contacts.length,
    outcome: state.outcome,
    referralTo: state.referralTo,
    outcomeSummary: state.outcomeSummary,
    stopReason: state.stopReason,
  });
  const syncData = () =>
    rec.setData({
      needs: state.needs,
      form: state.form,
      startgesprek: state.startgesprek,
      ...(state.plannedStartgesprek ? { plannedStartgesprek: state.plannedStartgesprek } : {}),
      signedOn: state.signedOn,
      goal: state.goals?.pupilGoal ?? null,
      goals: state.goals,
      activeFrom: state.activeFrom,
      capDate: state.capDate,
      capWarningDate: state.capWarningDate,
      capWarned: state.capWarned,
      endDate: state.endDate,
      endedBy: state.endedBy,
      evaluationNumber: state.evaluationNumber,
      evaluationOpensOn: state.evaluationOpensOn,
      evaluations: state.evaluations,
      // The read model keeps the latest contacts (as `sessions` for the thermometer view) and their count.
      sessions: state.contacts.slice(-CONTACTS_SHOWN),
      contactCount: state.contacts.length,
      outcome: state.outcome,
      referralTo: state.referralTo,
      outcomeSummary: state.outcomeSummary,
      stopReason: state.stopReason,
      openSteps: openSteps(),
    });
  const requireNotClosed = () => {
    if (CLOSED.includes(status())) reject('CASE_CLOSED', 'Deze JOS-casus is afgesloten', 'This JOS case is closed');
  };
  /**
   * Answers a step's update once the process has moved on, so the next step can be taken at once (moved-on.ts).
   * Decided once per case by a patch: cases started before this change answer as they did.
   */
  const ended = () => CLOSED.includes(status()) || stopped();
  const movedOnFrom = async (step: JosStep, parked: JosStatus[] = []) => {
    if (answerWhenMovedOn) await untilMovedOn(rec, leftStep(rec, step, parked), ended);
  };
  // The same for the consent updates; a withdrawn signature ends the support: its update answers once the case is closed.
  if (consentAnswersWhenMovedOn) {
    consents.answerAfter(
      consentAnswersAfterMove(rec, {
        ended,
        withdrawalMovedOn: (r) => (r.kind === JOS_CONSENT_KIND && !CLOSED.includes(status()) ? () => CLOSED.includes(status()) : null),
      }),
    );
  }
  const requireOpen = (step: JosStep) => {
    requireNotClosed();
    if (!openSteps().includes(step)) {
      reject('STEP_NOT_ALLOWED', `"${STEP_LABELS[step]}" kan nu niet (status ${status()})`, `"${step}" is not allowed now (status ${status()})`);
    }
  };
  const { recordStep, transition } = caseWriters<JosStatus>(rec, () => syncData());
  const due = (from: string, schoolDays: number, rule: string): DueDate => dueInSchoolDays(from, schoolDays, ctx.calendar, rule);
  const instantMs = (date: string) => Date.parse(zonedInstant(date, ladder.sendAtHour, ladder.sendAtMinute));

  setHandler(getJosState, view);

  setHandler(
    submitJosForm,
    async (u) => {
      const needs = [...new Set(u.needs)];
      state.needs = needs;
      state.form = {
        needs: [...needs],
        problemDescription: u.problemDescription.trim(),
        singleSchoolRelatedProblem: u.singleSchoolRelatedProblem,
        alreadyTried: u.alreadyTried.trim(),
        pupilView: u.pupilView?.trim() || null,
        parentsInformed: u.parentsInformed,
        availability: u.availability?.trim() || null,
        submittedOn: todayIso(),
        submittedBy: u.actor.id,
      };
      await recordStep(u.actor, 'JOS_FORM_SUBMITTED', 'JOS-aanmeldformulier ingevuld door de mentor');
      await movedOnFrom('SUBMIT_FORM');
      return view();
    },
    {
      validator: (u) => {
        requireOpen('SUBMIT_FORM');
        requireStepInput(STEPS.SUBMIT_FORM, u, policies);
        if (u.singleSchoolRelatedProblem !== true) {
          reject(
            'BAD_USER_INPUT',
            'JOS is bedoeld voor enkelvoudige problematiek met een schools karakter; bespreek de leerling opnieuw in het schoolondersteuningsteam',
            'JOS is meant for a single, school-related problem; discuss the pupil again in the school support team',
          );
        }
      },
    },
  );

  setHandler(
    planJosStartgesprek,
    async (u) => {
      const planned: JosPlannedStartgesprek = {
        date: u.date,
        time: u.time ?? null,
        mode: u.mode ?? 'OP_SCHOOL',
        location: u.location?.trim() || null,
        plannedAt: new Date().toISOString(),
        plannedBy: u.actor,
      };
      state.plannedStartgesprek = planned;
      state.startgesprekPlans += 1;
      if (patched(JOS_STARTGESPREK_INVITATIONS_PATCH)) {
        // Parents, mentor and pupil are invited, each once per planned date (a new date is a new invitation).
        rec.notifyLater({
          key: `${rec.caseId}:invitation:JOS_STARTGESPREK:${state.startgesprekPlans}:${u.date}`,
          recipients: {
            parentsOfPupil: input.pupilId,
            pupilAccountOf: input.pupilId,
            ...(input.mentorId ? { userIds: [input.mentorId] } : { mentorOfPupil: input.pupilId }),
          },
          kind: 'MEETING_INVITATION',
          stepLabel: 'Startgesprek JOS',
          dueDate: u.date,
          meeting: { kind: 'JOS_STARTGESPREK', date: u.date, time: planned.time, mode: planned.mode, location: planned.location },
        });
      }
      await recordStep(u.actor, 'JOS_STARTGESPREK_PLANNED', `Startgesprek gepland op ${u.date}${planned.time ? ` om ${planned.time}` : ''}; ouders, mentor en leerling uitgenodigd`);
      return view();
    },
    {
      validator: (u) => {
        requireOpen('RECORD_STARTGESPREK');
        requireStepInput(STEPS.PLAN_STARTGESPREK, u, policies);
        if (!isSchoolDay(u.date, ctx.calendar)) reject('BAD_USER_INPUT', 'Het startgesprek moet op een schooldag zijn', 'The startgesprek must be on a school day');
      },
    },
  );

  setHandler(
    recordJosStartgesprek,
    async (u) => {
      state.startgesprek = {
        date: u.date,
        parentsPresent: u.parentsPresent,
        mentorPresent: u.mentorPresent,
        pupilPresent: u.pupilPresent,
        summary: u.summary.trim(),
        recordedBy: u.actor,
      };
      rec.meetingsHeld('JOS_STARTGESPREK');
      await recordStep(u.actor, 'JOS_STARTGESPREK_RECORDED', `Startgesprek gehouden op ${u.date}`);
      await movedOnFrom('RECORD_STARTGESPREK');
      return view();
    },
    {
      validator: (u) => {
        requireOpen('RECORD_STARTGESPREK');
        requireStepInput(STEPS.RECORD_STARTGESPREK, u, policies);
        if (u.date < input.decisionDate) reject('BAD_USER_INPUT', 'Het startgesprek valt vóór het besluit om JOS in te zetten', 'The startgesprek is before the decision to deploy JOS');
      },
    },
  );

  setHandler(
    setJosGoals,
    async (u) => {
      state.goals = {
        pupilGoal: u.pupilGoal.trim(),
        goals: (u.goals ?? []).map((g) => g.trim()).filter(Boolean),
        agreedWithPupil: u.agreedWithPupil,
        agreedWithMentor: u.agreedWithMentor,
        agreedWithParents: u.agreedWithParents,
        weeklySlot: u.weeklySlot?.trim() || null,
        setOn: todayIso(),
      };
      await recordStep(u.actor, 'JOS_GOALS_SET', 'Doelen opgesteld; het eigen doel van de leerling is vastgelegd');
      await movedOnFrom('SET_GOALS', ['ACTIEF']);
      return view();
    },
    {
      validator: (u) => {
        requireOpen('SET_GOALS');
        requireStepInput(STEPS.SET_GOALS, u, policies);
        if (u.agreedWithPupil !== true) {
          reject('BAD_USER_INPUT', 'De doelen worden samen met de leerling opgesteld: de leerling moet ermee instemmen', 'The goals are set with the pupil: the pupil must agree');
        }
      },
    },
  );

  setHandler(
    logJosContact,
    async (u) => {
      state.contacts.push({ date: u.date, attended: u.attended, thermometer: u.thermometer ?? null, note: u.note?.trim() || null });
      state.contacts.sort((a, b) => a.date.localeCompare(b.date));
      await recordStep(u.actor, 'JOS_CONTACT_LOGGED', u.attended ? `Wekelijks contact ${u.date} vastgelegd` : `Contact ${u.date}: leerling afwezig`);
      return view();
    },
    {
      validator: (u) => {
        requireOpen('LOG_CONTACT');
        requireStepInput(STEPS.LOG_CONTACT, u, policies);
        if (state.activeFrom && u.date < state.activeFrom) reject('BAD_USER_INPUT', 'Het contact valt vóór de start van JOS', 'The contact is before JOS started');
        // At most one entry per day keeps the history of a 5-month case bounded.
        if (state.contacts.some((c) => c.date === u.date)) reject('BAD_USER_INPUT', `Voor ${u.date} is al een contact vastgelegd`, `A contact for ${u.date} is already logged`);
      },
    },
  );

  setHandler(
    recordJosEvaluation,
    async (u) => {
      state.evaluations.push({ number: state.evaluationNumber, date: todayIso(), summary: u.summary.trim(), thermometer: u.thermometer ?? null, recordedBy: u.actor.id });
      await recordStep(u.actor, 'JOS_EVALUATION_RECORDED', `Voortgangsevaluatie ${state.evaluationNumber} vastgelegd`);
      return view();
    },
    {
      validator: (u) => {
        requireNotClosed();
        if (status() === 'ACTIEF' && s.waitingFor === 'RECORD_EVALUATION' && !evaluationOpen()) {
          reject('STEP_NOT_ALLOWED', `Voortgangsevaluatie ${state.evaluationNumber} kan vanaf ${state.evaluationOpensOn}`, `Progress evaluation ${state.evaluationNumber} can be recorded from ${state.evaluationOpensOn}`);
        }
        requireOpen('RECORD_EVALUATION');
        requireStepInput(STEPS.RECORD_EVALUATION, u, policies);
      },
    },
  );

  setHandler(
    recordJosOutcome,
    async (u) => {
      const early = status() !== 'AFRONDING';
      state.outcome = u.outcome;
      state.referralTo = u.outcome === 'DOORVERWEZEN' ? (u.referralTo ?? null) : null;
      state.outcomeSummary = u.summary.trim();
      const what = u.outcome === 'AFGEROND' ? 'afgerond' : `doorverwezen naar ${referralLabel(state.referralTo)}`;
      await recordStep(u.actor, 'JOS_OUTCOME_RECORDED', early ? `Besluit vóór de eindgrens: JOS ${what}` : `Uitkomst: JOS ${what}`, u.summary);
      return view();
    },
    {
      validator: (u) => {
        requireOpen('RECORD_OUTCOME');
        if (state.outcome !== null) reject('STEP_NOT_ALLOWED', 'De uitkomst is al vastgelegd', 'The outcome is already recorded');
        requireStepInput(STEPS.RECORD_OUTCOME, u, policies);
      },
    },
  );

  setHandler(
    stopJos,
    async (u) => {
      state.stopReason = u.reason.trim();
      await recordStep(u.actor, 'STOP_REQUESTED', 'JOS voortijdig gestopt', u.reason);
      return view();
    },
    {
      validator: (u) => {
        requireNotClosed();
        if (state.stopReason !== null) reject('STEP_NOT_ALLOWED', 'Deze casus wordt al gestopt', 'This case is already being stopped');
        requireStepInput(STEPS.STOP_JOS, u, policies);
      },
    },
  );

  // BESLOTEN: the school support team decided to deploy JOS.
  syncData();
  await rec.record({
    actorId: input.startedBy.id,
    actorName: input.startedBy.name,
    action: 'CASE_STARTED',
    description: `Schoolondersteuningsteam (${input.decisionDate}) besloot JOS in te zetten`,
    reason: input.decisionNotes ?? null,
  });

  // AANMELDFORMULIER: the mentor fills in the JOS form.
  await transition('AANMELDFORMULIER', 'De mentor vult het JOS-aanmeldformulier in');
  await awaitHumanStep(
    rec,
    {
      step: 'SUBMIT_FORM',
      label: STEP_LABELS.SUBMIT_FORM,
      ownerUserId: input.mentorId ?? ctx.zorgcoordinatorId,
      due: due(todayIso(), policy.formWithinSchoolDays, 'P3.formWithinSchoolDays'),
    },
    () => state.form !== null,
    stopped,
  );

  // STARTGESPREK: the JOS worker invites parents, mentor and pupil; the parents hear who their contact is.
  if (!stopped()) {
    const startDue = due(todayIso(), policy.startgesprekWithinSchoolDays, 'P3.startgesprekWithinSchoolDays');
    await transition('STARTGESPREK', 'De JOS-medewerker nodigt ouders, mentor en leerling uit voor een startgesprek');
    rec.notifyLater({
      key: `${rec.caseId}:startgesprek:parents`,
      recipients: { parentsOfPupil: input.pupilId },
      kind: 'CASE_STARTED',
      stepLabel: STEP_LABELS.RECORD_STARTGESPREK,
      dueDate: startDue.date,
      ownerUserId: input.josWorkerId,
    });
    await awaitHumanStep(
      rec,
      { step: 'RECORD_STARTGESPREK', label: STEP_LABELS.RECORD_STARTGESPREK, ownerUserId: input.josWorkerId, due: startDue },
      () => state.startgesprek !== null,
      stopped,
    );
  }

  // HANDTEKENING_OUDERS: no support without a parent's signature; after the timeout the zorgcoördinator decides.
  let signature: 'GIVEN' | 'REFUSED' | 'TIMED_OUT' | 'CANCELLED' = 'CANCELLED';
  if (!stopped()) {
    await transition('HANDTEKENING_OUDERS', 'Handtekening van een ouder gevraagd; zonder handtekening geen begeleiding');
    const result = await requireConsent(rec, {
      kind: JOS_CONSENT_KIND,
      label: SIGNATURE_LABEL,
      scope: `Begeleiding van de leerling door JOS (Jeugd Ondersteuning op School): wekelijks, hoogstens ${policy.maxMonths} maanden na de handtekening`,
      parentsOfPupil: true,
      timeoutSchoolDays: policy.signatureTimeoutSchoolDays,
      followUpUserId: input.josWorkerId,
      requestedBy: state.startgesprek?.recordedBy ?? { id: input.josWorkerId, name: null },
      decisionLabel: 'Geen handtekening van de ouders: opnieuw vragen of afsluiten zonder toestemming',
      isCancelled: stopped,
    });
    signature = result.outcome;
    if (signature === 'GIVEN') state.signedOn = result.request.decidedAt ? toIsoDate(result.request.decidedAt) : todayIso();
  }

  let capWatch: Promise<void> = Promise.resolve();
  let warnWatch: Promise<void> = Promise.resolve();
  if (signature === 'GIVEN' && !stopped()) {
    // The hard cap counts from the signature and cannot be extended.
    const signedOn = state.signedOn as string;
    const capDate = plusMonths(signedOn, policy.maxMonths);
    const warnDate = addCalendarWeeks(capDate, -policy.capWarningWeeksBefore);
    state.capDate = capDate;
    state.capWarningDate = warnDate;
    rec.upsertDueDate('CAP', {
      date: capDate,
      rule: 'P3.maxMonths',
      inputs: { signedOn, maxMonths: policy.maxMonths },
      explanation: `Eindgrens ${capDate}: ${policy.maxMonths} maanden na de handtekening van ${signedOn}; JOS stopt dan, verlengen kan niet.`,
    });
    rec.upsertDueDate('CAP_WARNING', {
      date: warnDate,
      rule: 'P3.capWarningWeeksBefore',
      inputs: { capDate, weeksBefore: policy.capWarningWeeksBefore },
      explanation: `Op ${warnDate}, ${policy.capWarningWeeksBefore} weken vóór de eindgrens, krijgen JOS-medewerker en zorgcoördinator bericht om te beslissen over de afronding.`,
    });
    capWatch = (async () => {
      if (!(await condition(endedEarly, Math.max(instantMs(capDate) - Date.now(), 1)))) state.capReached = true;
    })();
    warnWatch = (async () => {
      if (await condition(endedEarly, Math.max(instantMs(warnDate) - Date.now(), 1))) return;
      state.capWarned = true;
      for (const userId of [input.josWorkerId, ctx.zorgcoordinatorId]) {
        if (!userId) continue;
        rec.notifyLater({
          key: `${rec.caseId}:cap-warning:${userId}`,
          recipients: { userIds: [userId] },
          kind: 'STEP_ASSIGNED',
          stepLabel: `Besluit over de afronding van JOS (eindgrens ${capDate})`,
          dueDate: capDate,
        });
      }
      syncData();
      await rec.record({
        actorId: null,
        actorName: 'Zorgroute',
        action: 'JOS_CAP_WARNING',
        description: `Over ${policy.capWarningWeeksBefore} weken (${capDate}) eindigt JOS; JOS-medewerker en zorgcoördinator beslissen over de afronding`,
      });
    })();
    const finished = () => state.capReached || endedEarly();

    // DOELEN: goals with pupil, mentor and parents; the pupil's own goal is required.
    await transition('DOELEN', `Handtekening ontvangen op ${signedOn}; JOS loopt uiterlijk tot ${capDate}`);
    await awaitHumanStep(
      rec,
      { step: 'SET_GOALS', label: STEP_LABELS.SET_GOALS, ownerUserId: input.josWorkerId, due: due(signedOn, policy.goalsWithinSchoolDays, 'P3.goalsWithinSchoolDays') },
      () => state.goals !== null,
      finished,
    );

    // ACTIEF: weekly work, a progress evaluation every few weeks, until the cap (or an earlier decision).
    if (state.goals !== null && !finished()) {
      state.activeFrom = todayIso();
      await transition('ACTIEF', `JOS actief vanaf ${state.activeFrom}, uiterlijk tot ${capDate}`);
      const every = policy.evaluationEveryWeeks;
      for (let k = 1; !finished(); k++) {
        const evaluationDue = due(addCalendarWeeks(state.activeFrom, k * every), 0, 'P3.evaluationEveryWeeks');
        if (evaluationDue.date >= capDate) break;
        state.evaluationNumber = k;
        // An evaluation can be recorded from halfway its period, so there is one per period.
        const opensOn = addCalendarDays(evaluationDue.date, -Math.floor((every * 7) / 2));
        state.evaluationOpensOn = opensOn > state.activeFrom ? opensOn : state.activeFrom;
        syncData();
        await awaitHumanStep(
          rec,
          {
            step: 'RECORD_EVALUATION',
            label: `${STEP_LABELS.RECORD_EVALUATION} ${k}`,
            ownerUserId: input.josWorkerId,
            due: { ...evaluationDue, explanation: `${evaluationDue.explanation} Evaluatie ${k}: elke ${every} weken na de start op ${state.activeFrom}.` },
          },
          () => state.evaluations.length >= k,
          finished,
        );
      }
      // The last stretch up to the cap: no step open, the cap is the next date that matters.
      state.evaluationOpensOn = null;
      if (!finished()) {
        s.nextDueDate = capDate;
        syncData();
        await rec.record();
      }
      await condition(finished);
    }
    await condition(finished);
  }

  // AFRONDING: support has ended (at the cap, or earlier by decision); the outcome follows within N school days.
  if (!stopped() && (signature === 'GIVEN' || state.outcome !== null)) {
    state.endedBy = state.outcome !== null && !state.capReached ? 'EARLY' : 'CAP';
    state.endDate = state.endedBy === 'CAP' ? (state.capDate as string) : todayIso();
    await transition(
      'AFRONDING',
      state.endedBy === 'CAP'
        ? `Eindgrens van ${policy.maxMonths} maanden bereikt op ${state.endDate}: de begeleiding door JOS stopt`
        : `Begeleiding door JOS beëindigd op ${state.endDate}`,
    );
    if (state.outcome === null) {
      await awaitHumanStep(
        rec,
        {
          step: 'RECORD_OUTCOME',
          label: STEP_LABELS.RECORD_OUTCOME,
          ownerUserId: input.josWorkerId,
          due: due(state.endDate, policy.outcomeWithinSchoolDays, 'P3.outcomeWithinSchoolDays'),
        },
        () => state.outcome !== null,
        stopped,
      );
    }
  }

  // Closed.
  if (admin.closed) return admin.end(view);
  let final: JosStatus;
  let description: string;
  if (state.withdrawn && state.outcome === null) {
    final = 'GEEN_TOESTEMMING';
    description = 'Toestemming ingetrokken door de ouders: de begeleiding door JOS stopt';
  } else if (state.stopReason !== null && state.outcome === null) {
    final = 'GESTOPT';
    description = `JOS gestopt: ${state.stopReason}`;
  } else if (signature === 'REFUSED' || signature === 'TIMED_OUT') {
    final = 'GEEN_TOESTEMMING';
    description = signature === 'REFUSED' ? 'Ouders hebben niet getekend (geweigerd): geen begeleiding door JOS' : 'Geen handtekening van de ouders: afgesloten zonder toestemming';
  } else {
    final = state.outcome === 'DOORVERWEZEN' ? 'DOORVERWEZEN' : 'AFGEROND';
    description = final === 'AFGEROND' ? 'JOS afgerond' : `JOS afgesloten; leerling doorverwezen naar ${referralLabel(state.referralTo)}`;
  }
  s.outcome = final === 'DOORVERWEZEN' ? `DOORVERWEZEN_${state.referralTo}` : final;
  s.closedAt = new Date().toISOString();
  s.waitingFor = null;
  s.nextDueDate = null;
  s.ownerUserId = null;
  // DOORVERWEZEN to the OOV opens the preparation of an OOV arrangement (P5) for the pupil. Guarded by a patch so that
  // histories recorded before this change still replay.
  if (final === 'DOORVERWEZEN' && state.referralTo === 'OOV' && patched('p3-doorverwezen-oov-opens-p5')) {
    const oov: StartOovInput = {
      schoolId: input.schoolId,
      pupilId: input.pupilId,
      startedBy: { id: ctx.zorgcoordinatorId ?? input.startedBy.id, name: 'Zorgroute (JOS doorverwezen)' },
      reason: `Doorverwezen vanuit JOS: ${state.outcomeSummary ?? ''}`,
      source: 'JOS',
      originCaseId: rec.caseId,
    };
    await startLinkedCase(rec, { workflowType: 'oovWorkflow', workflowId: `oov-from-${rec.caseId}`, process: 'OOV', args: [oov], reason: 'JOS afgesloten: doorverwezen naar de onderwijsopvangvoorziening (OOV)' });
  }
  await transition(final, description);
  // A startgesprek still to come (stopped, refused or withdrawn before it) will not take place.
  rec.cancelMeetingsAtEnd();
  await Promise.all([capWatch, warnWatch]);
  await rec.drain();
  // Let a running update handler (e.g. the one that recorded the outcome) answer its caller first.
  await condition(allHandlersFinished);
  return view();
}

function referralLabel(r: JosReferral | null): string {
  switch (r) {
    case 'SOCIAAL_TEAM':
      return 'het Sociaal Team';
    case 'OOV':
      return 'de onderwijsopvangvoorziening (OOV)';
    case 'BPO':
      return 'de begeleider passend onderwijs (BPO)';
    default:
      return 'een externe partij';
  }
}
