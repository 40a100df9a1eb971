/**
 * P2 — Zorgroute: signal → IZO → ZAT, including the Flex-ZAT variant (PROCESSES.md P2, seed 001:3300-3990,
 * 003:1158-1255, 002:1642-2005).
 *
 * CONCEPT → INGEDIEND → TRIAGE → TERUG_NAAR_AANMELDER (back to INGEDIEND) | EERST_EERSTELIJNS_ACTIES (re-check date,
 * back to TRIAGE) | BILATERAAL (closed) | GEACCEPTEERD → VOORGESPREK (+ consent to discuss in the IZO) → GEPLAND_IZO →
 * BESPROKEN_IZO (decisions, evaluation date, minutes within 2 school days) → NAGESPREK → UITVOERING → EVALUATIE
 * (AFGESLOTEN | new evaluation date | ZAT referral) → TOESTEMMING_ZAT (mandatory parental consent; refusal returns to
 * the IZO) → INFORMATIE_VERZAMELEN → GEPLAND_ZAT (ZAT calendar, agenda ≥ 5 school days before; or a Flex-ZAT within
 * 10 school days) → BESPROKEN_ZAT (plan van aanpak, casusregisseur, evaluation date) → ZAT_OPVOLGING → (VOORLOPIG)
 * AFGESLOTEN | EXTERN_VERWEZEN | SWV_VOORZIENING_AANGEVRAAGD | LEERPLICHT.
 *
 * Human steps are updates with validators; every transition is recorded (read model + audit) by an activity; every
 * human step has an owner, an explainable due date and the reminder ladder (`awaitHumanStep`); consent goes through
 * the shared consent machinery (`common/consent.ts`). What other code imports (inputs, updates, query, statuses, steps)
 * is in zorgroute.messages.ts and re-exported here.
 */
import { condition, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  addCalendarWeeks,
  dueInSchoolDays,
  isSchoolDay,
  toIsoDate,
  zonedInstant,
  type DueDate,
} from '@zorgroute/domain/logic';
import type { MeetingNotice, RecipientSpec } from '../../activities/case-activities.types';
import { CaseRecorder, caseWriters, SYSTEM, type Actor } from '../common/case-recorder';
import { db } from '../common/case-activities.proxy';
import { consentAnswersAfterMove, installConsentHandlers, requireConsent } from '../common/consent';
import { awaitHumanStep, type HumanStepOptions } from '../common/human-step';
import { installAdminHandlers } from '../common/admin-actions';
import { leftStep, untilMovedOn } from '../common/moved-on';
import { startLinkedCase, type LinkedCase } from '../common/links';
import { reject, requireStepInput } from '../common/step-errors';
import { ZORGROUTE_STEPS as STEPS } from '@zorgroute/processes';
import type { JosNeed, StartJosInput } from '../jos/jos.workflow';
import type { StartOndersteuningstrajectInput } from '../ondersteuningstraject/ondersteuningstraject.workflow';
import type { StartOovInput } from '../oov/oov.workflow';
import {
  REFERRAL_SOURCES,
  type ConversationRecord,
  type EvaluationRecord,
  type IzoDecision,
  type IzoEvaluationOutcome,
  type IzoRound,
  type TriageRecord,
  type ZatDiscussion,
  type ZatEvaluationOutcome,
  type ZatMeeting,
  type ZatReferralForm,
} from './zorgroute.types';
import { cleanReferralText as clean, incompleteReferralMessage, mergeReferralForm as mergeForm, missingReferralFields } from './zorgroute-form';
import {
  CONSENT_ANSWERS_AFTER_MOVE_PATCH,
  IZO_CONSENT,
  MEETING_INVITATIONS_PATCH,
  STEP_ANSWERS_AFTER_MOVE_PATCH,
  ZAT_CONSENT,
  ZORGROUTE_STEP_LABELS,
  closeZorgroute,
  confirmIzoMinutesSent,
  confirmZatAgendaSent,
  getZorgrouteState,
  liftParentsException,
  planZat,
  recordBilateral,
  recordIzoDiscussion,
  recordIzoEvaluation,
  recordNagesprek,
  recordVoorgesprek,
  recordZatDiscussion,
  recordZatEvaluation,
  recordZatFeedback,
  rescheduleIzo,
  saveReferral,
  submitReferral,
  submitZatReferral,
  triageReferral,
  type CloseInput,
  type ConversationInput,
  type StartZorgrouteInput,
  type ZorgrouteState,
  type ZorgrouteStatus,
  type ZorgrouteStep,
} from './zorgroute.messages';

import {
  izoDiscussionAsSent,
  izoEvaluationDescription,
  mergeZatReferral,
  missingZatReferralParts,
  nextIzoMeeting,
  nextZatCalendarDate,
  openStepsWhile as openStepsWhileWaiting,
  prefilledZatReferral,
  REFERRAL_OPEN,
  triageDescription,
  zatInvitees,
  zatMeetingDateProblem,
  zatOutcomeDescription,
} from './zorgroute.rules';

export * from './zorgroute.messages';
export * from './zorgroute.types';
export * from './zorgroute-form';

const CLOSED: ZorgrouteStatus[] = ['AFGESLOTEN', 'VOORLOPIG_AFGESLOTEN', 'EXTERN_VERWEZEN', 'SWV_VOORZIENING_AANGEVRAAGD', 'LEERPLICHT'];
/** Statuses in which the process waits for a date without an open step. */
const PARKED: ZorgrouteStatus[] = ['EERST_EERSTELIJNS_ACTIES', 'UITVOERING', 'ZAT_OPVOLGING'];
/** The ZAT steps a withdrawn ZAT consent cancels (the case goes back to the IZO). */
const ZAT_WITHDRAWAL_STEPS: readonly string[] = ['SUBMIT_ZAT_REFERRAL', 'PLAN_ZAT', 'SEND_ZAT_AGENDA', 'RECORD_ZAT'];

function todayIso(): string {
  return toIsoDate(Date.now());
}

/** A date the catalogue allows from today on that must lie after today (an evaluation, a re-check). */
function requireAfterToday(date: unknown, nl: string, en: string): void {
  if (typeof date === 'string' && date <= todayIso()) reject('BAD_USER_INPUT', nl, en);
}

/**
 * The conversation with the parents is part of every conversation with the family (rule 3), unless the zorgcoördinator
 * approved that they are not informed: a rule on the case, not on the form.
 */
function requireParentsReport(u: ConversationInput): void {
  if (typeof u.parentsReport !== 'string' || u.parentsReport.trim() === '') {
    reject('BAD_USER_INPUT', 'Vul in: verslag van het gesprek met de ouders', 'parentsReport is required');
  }
}

export async function zorgrouteWorkflow(input: StartZorgrouteInput): Promise<ZorgrouteState> {
  const answerWhenMovedOn = patched(STEP_ANSWERS_AFTER_MOVE_PATCH);
  const sendMeetingMessages = patched(MEETING_INVITATIONS_PATCH);
  const consentAnswersWhenMovedOn = patched(CONSENT_ANSWERS_AFTER_MOVE_PATCH);
  const ctx = await db.loadCaseContext({ schoolId: input.schoolId, pupilId: input.pupilId });
  const policy = ctx.policies.zorgroute;
  /** The bounds of the step catalogue come from the case's own policies (e.g. the length of a P1 it starts). */
  const policies = ctx.policies;
  const caseId = workflowInfo().workflowId;

  const rec = new CaseRecorder(
    {
      caseId,
      process: 'ZORGROUTE',
      schoolId: input.schoolId,
      pupilId: input.pupilId,
      status: 'CONCEPT',
      policyVersion: ctx.policyVersion,
      originCaseId: input.originCaseId ?? null,
      participantIds: [],
      data: { source: input.source, flexZat: policy.flexZat },
      startedAt: new Date().toISOString(),
    },
    ctx,
  );
  const s = rec.snapshot;
  rec.addParticipant(input.startedBy.id);

  const state = {
    form: mergeForm({}, input.form ?? {}),
    submissions: 0,
    submittedAt: null as string | null,
    triages: [] as TriageRecord[],
    triageOpen: null as TriageRecord | null,
    parentsException: null as ZorgrouteState['parentsException'],
    parentsExceptionLifted: null as ZorgrouteState['parentsExceptionLifted'],
    contactPerson: null as ZorgrouteState['contactPerson'],
    bilateral: null as ConversationRecord | null,
    voorgesprek: null as ConversationRecord | null,
    izoMeetingDate: null as string | null,
    izoRescheduled: false,
    izoRounds: [] as IzoRound[],
    evaluationDate: null as string | null,
    evaluations: [] as EvaluationRecord[],
    evaluationOpen: null as (EvaluationRecord & { outcome: IzoEvaluationOutcome }) | null,
    zatReferral: null as ZatReferralForm | null,
    zatReferralSubmitted: false,
    zatPlanFrom: null as string | null,
    zatMeeting: null as ZatMeeting | null,
    zatDiscussion: null as ZatDiscussion | null,
    zatFeedback: null as ConversationRecord | null,
    zatEvaluations: [] as EvaluationRecord[],
    zatEvaluationOpen: null as (EvaluationRecord & { outcome: ZatEvaluationOutcome }) | null,
    zatConsentRefusals: [] as ZorgrouteState['zatConsentRefusals'],
    closeRequest: null as CloseInput | null,
  };
  const referrer = { id: input.startedBy.id, name: input.startedBy.name, role: input.referrerRole };
  const consents = installConsentHandlers(rec);
  const admin = installAdminHandlers(rec);

  const status = () => s.status as ZorgrouteStatus;
  const closed = () => state.closeRequest !== null || admin.closed;
  const currentRound = (): IzoRound | null => state.izoRounds.at(-1) ?? null;
  /** The approved safety exception holds: the parents are not informed (rule 3). */
  const parentsLeftOut = () => state.parentsException !== null && state.parentsExceptionLifted === null;
  /**
   * The case is kept from the parents (read model `hiddenFromParents`: no list, page, export, feed or e-mail shows it to
   * them) while the referral says they are not informed — before the triage as well — until the exception is lifted.
   */
  const hiddenFromParents = () => state.form.parentsInformed === false && state.parentsExceptionLifted === null;

  /** The open steps while the process waits for `w` (the referral is open to its referrer in its own statuses). */
  const openStepsWhile = (w: ZorgrouteStep | null): ZorgrouteStep[] => openStepsWhileWaiting(status(), w);
  const openSteps = (): ZorgrouteStep[] => openStepsWhile(s.waitingFor as ZorgrouteStep | null);
  const view = (): ZorgrouteState => ({
    case: { ...s, data: { ...s.data }, participantIds: [...s.participantIds] },
    openSteps: openSteps(),
    referrer,
    source: input.source,
    form: { ...state.form },
    submissions: state.submissions,
    triages: [...state.triages],
    parentsException: state.parentsException,
    parentsExceptionLifted: state.parentsExceptionLifted,
    contactPerson: state.contactPerson,
    voorgesprek: state.voorgesprek,
    izoMeetingDate: state.izoMeetingDate,
    izoRounds: state.izoRounds.map((r) => ({ ...r })),
    evaluationDate: state.evaluationDate,
    evaluations: [...state.evaluations],
    flexZat: policy.flexZat,
    zatReferral: state.zatReferral,
    zatMeeting: state.zatMeeting,
    zatDiscussion: state.zatDiscussion,
    zatFeedback: state.zatFeedback,
    zatEvaluations: [...state.zatEvaluations],
    zatConsentRefusals: [...state.zatConsentRefusals],
    ledTo: [...((s.data.ledTo as LinkedCase[] | undefined) ?? [])],
    consents: consents.views(),
  });
  const syncData = () => {
    s.hiddenFromParents = hiddenFromParents();
    rec.setData({
      referrer,
      source: input.source,
      flexZat: policy.flexZat,
      form: state.form,
      submissions: state.submissions,
      submittedAt: state.submittedAt,
      triages: state.triages,
      parentsException: state.parentsException,
      ...(state.parentsExceptionLifted ? { parentsExceptionLifted: state.parentsExceptionLifted } : {}),
      contactPerson: state.contactPerson,
      bilateral: state.bilateral,
      voorgesprek: state.voorgesprek,
      izoMeetingDate: state.izoMeetingDate,
      izoRounds: state.izoRounds,
      evaluationDate: state.evaluationDate,
      evaluations: state.evaluations,
      zatReferral: state.zatReferral,
      zatMeeting: state.zatMeeting,
      zatDiscussion: state.zatDiscussion,
      zatFeedback: state.zatFeedback,
      zatEvaluations: state.zatEvaluations,
      zatConsentRefusals: state.zatConsentRefusals,
      openSteps: openSteps(),
    });
  };
  const requireNotClosed = () => {
    if (CLOSED.includes(status()) || closed()) reject('CASE_CLOSED', 'Deze casus is afgesloten', 'This case is closed');
  };
  /**
   * While the parents are left out, nothing may start that tells them: the ZAT needs their consent (a Flex-ZAT invites
   * them), an ondersteuningstraject informs them at its start and JOS needs their signature.
   */
  const rejectWhileParentsLeftOut = (): never =>
    reject(
      'STEP_NOT_ALLOWED',
      'De ouders zijn niet geïnformeerd (goedgekeurde uitzondering): een verwijzing naar het ZAT of een traject vraagt hun toestemming of informeert hen. Hef eerst de uitzondering op.',
      'The parents are not informed (approved exception): a ZAT referral or a trajectory asks their consent or informs them. Lift the exception first.',
    );
  const requireWaiting = (step: ZorgrouteStep) => {
    requireNotClosed();
    if (s.waitingFor !== step) {
      reject('STEP_NOT_ALLOWED', `"${ZORGROUTE_STEP_LABELS[step]}" kan nu niet (status ${status()})`, `"${step}" is not allowed now (status ${status()})`);
    }
  };
  const { recordStep, transition } = caseWriters<ZorgrouteStatus>(rec, () => syncData());
  const due = (from: string, schoolDays: number, rule: string): DueDate => dueInSchoolDays(from, schoolDays, ctx.calendar, rule);
  const step = (name: ZorgrouteStep, ownerUserId: string | null, dueDate: DueDate, isDone: () => boolean, isCancelled: () => boolean = closed, options: HumanStepOptions = {}) => {
    // The record that opens the step (awaitHumanStep's) lists it among the open steps of the read model, so the case
    // page offers its form at once (not only after the next status change).
    rec.setData({ openSteps: openStepsWhile(name) });
    return awaitHumanStep(rec, { step: name, label: ZORGROUTE_STEP_LABELS[name], ownerUserId, due: dueDate }, isDone, isCancelled, options);
  };
  /** Waits (durably) until the start of `date` in the school's time zone, or until `stop()`. Returns true if stopped. */
  const waitUntilDate = async (date: string, stop: () => boolean): Promise<boolean> => {
    const at = Date.parse(zonedInstant(date, ctx.policies.ladder.sendAtHour, ctx.policies.ladder.sendAtMinute));
    if (at <= Date.now()) return stop();
    return condition(stop, at - Date.now());
  };
  /**
   * Answers a step's update once the process has moved on, so the next step can be taken at once (moved-on.ts).
   * Decided once per case by a patch: cases started before this change answer as they did (their recorded histories
   * complete each update right away).
   */
  const ended = () => CLOSED.includes(status()) || closed();
  const movedOnFrom = async (step: ZorgrouteStep, movedOn = leftStep(rec, step, PARKED)) => {
    if (answerWhenMovedOn) await untilMovedOn(rec, movedOn, ended);
  };
  // The same for the consent updates: a ZAT consent withdrawn before the ZAT was discussed cancels the open ZAT step
  // and sends the case back to the IZO; any other withdrawal does not move the process (it answers at once).
  if (consentAnswersWhenMovedOn) {
    consents.answerAfter(
      consentAnswersAfterMove(rec, {
        ended,
        parked: PARKED,
        withdrawalMovedOn: (r) => {
          const from = s.waitingFor;
          if (r.kind !== ZAT_CONSENT || from === null || !ZAT_WITHDRAWAL_STEPS.includes(from) || state.zatDiscussion !== null) return null;
          const left = leftStep(rec, from, PARKED);
          return () => ended() || left();
        },
      }),
    );
  }
  const zc = ctx.zorgcoordinatorId ?? referrer.id;
  const contactId = () => state.contactPerson?.id ?? referrer.id;
  /** The school's people in the meeting: zorgcoördinator, referrer, contact person and the pupil's mentor. */
  const staffParticipants = (): RecipientSpec => ({
    userIds: [...new Set([zc, referrer.id, contactId()].filter((id): id is string => !!id))],
    mentorOfPupil: input.pupilId,
  });
  /** Invites each participant of a meeting (keyed per meeting and date: a re-planned meeting is a new invitation). */
  const invite = (meeting: MeetingNotice, label: string, recipients: RecipientSpec, round: number) =>
    rec.notifyLater({ key: `${caseId}:invitation:${meeting.kind}:${round}:${meeting.date}`, recipients, kind: 'MEETING_INVITATION', stepLabel: label, dueDate: meeting.date, meeting });

  setHandler(getZorgrouteState, view);

  // --- referral (CONCEPT, TERUG_NAAR_AANMELDER, EERST_EERSTELIJNS_ACTIES) ---
  const validateReferrer = (actor: Actor) => {
    requireNotClosed();
    if (!REFERRAL_OPEN.includes(status())) {
      reject('STEP_NOT_ALLOWED', `De aanmelding kan nu niet worden gewijzigd (status ${status()})`, `The referral cannot be changed now (status ${status()})`);
    }
    // "Ga niet zelf de ontbrekende gegevens opzoeken ... geheel bij de aanmelder" [001:3528-3531].
    if (status() !== 'CONCEPT' && actor.id !== referrer.id && actor.id === ctx.zorgcoordinatorId) {
      reject('STEP_NOT_ALLOWED', 'De aanmelder vult de aanmelding aan, niet de zorgcoördinator', 'The referrer completes the referral, not the zorgcoördinator');
    }
  };
  setHandler(
    saveReferral,
    async (u) => {
      state.form = mergeForm(state.form, u.form);
      await recordStep(u.actor, 'REFERRAL_SAVED', 'Aanmeldformulier opgeslagen');
      return view();
    },
    {
      validator: (u) => {
        validateReferrer(u.actor);
        requireStepInput(STEPS.SAVE_REFERRAL, u, policies);
      },
    },
  );
  setHandler(
    submitReferral,
    async (u) => {
      state.form = mergeForm(state.form, u.form);
      state.submissions += 1;
      state.submittedAt = todayIso();
      rec.addParticipant(u.actor.id);
      await recordStep(u.actor, 'REFERRAL_SUBMITTED', state.submissions === 1 ? 'IZO-aanmelding ingediend' : 'IZO-aanmelding aangevuld en opnieuw ingediend');
      // The referral goes to triage: answer once the triage step is open.
      await movedOnFrom('SUBMIT_REFERRAL', () => s.waitingFor === 'TRIAGE');
      return view();
    },
    {
      validator: (u) => {
        validateReferrer(u.actor);
        requireStepInput(STEPS.SUBMIT_REFERRAL, u, policies);
        const incomplete = incompleteReferralMessage(mergeForm(state.form, u.form));
        if (incomplete) reject('BAD_USER_INPUT', incomplete.nl, incomplete.en);
      },
    },
  );

  // --- triage ---
  setHandler(
    triageReferral,
    async (u) => {
      const rec0: TriageRecord = {
        at: new Date().toISOString(),
        by: u.actor.name,
        outcome: u.outcome,
        checks: { ...u.checks },
        missingInformation: clean(u.missingInformation),
        firstLineActions: clean(u.firstLineActions),
        recheckDate: u.recheckDate ?? null,
        bilateralWith: clean(u.bilateralWith),
        note: clean(u.note),
      };
      state.triages.push(rec0);
      state.triageOpen = rec0;
      if (u.outcome === 'GEACCEPTEERD') {
        state.contactPerson = u.contactPersonId ? { id: u.contactPersonId, name: clean(u.contactPersonName) } : { id: referrer.id, name: referrer.name };
        rec.addParticipant(state.contactPerson.id);
        if (state.form.parentsInformed === false) {
          state.parentsException = { reason: state.form.parentsNotInformedReason ?? '', approvedBy: u.actor.name, approvedAt: rec0.at };
        }
      }
      await recordStep(u.actor, 'TRIAGE_RECORDED', triageDescription(u.outcome, u.recheckDate), rec0.missingInformation ?? rec0.firstLineActions ?? rec0.note);
      await movedOnFrom('TRIAGE');
      return view();
    },
    {
      validator: (u) => {
        requireWaiting('TRIAGE');
        requireStepInput(STEPS.TRIAGE, u, policies);
        const c = u.checks;
        if (u.outcome === 'EERST_EERSTELIJNS_ACTIES') {
          requireAfterToday(u.recheckDate, 'De datum om opnieuw te bekijken moet in de toekomst liggen', 'The re-check date must be in the future');
        }
        if (u.outcome === 'GEACCEPTEERD') {
          if (!c.secondLine || !c.questionsClear) {
            reject('BAD_USER_INPUT', 'Accepteren kan alleen als het probleem in de tweede lijn hoort en de vragen helder zijn', 'Accepting requires a second-line problem and clear questions');
          }
          if (state.form.parentsInformed === false && u.approveParentsNotInformed !== true) {
            // Rule 3 exception: only when informing the parents would endanger the pupil, approved by the zorgcoördinator.
            reject('STEP_NOT_ALLOWED', 'De ouders weten niet van de aanmelding: keur de uitzondering (veiligheid) expliciet goed of stuur de aanmelding terug', 'The parents do not know: approve the (safety) exception explicitly or return the referral');
          }
        }
      },
    },
  );

  setHandler(
    recordBilateral,
    async (u) => {
      state.bilateral = { date: u.date, parentsReport: clean(u.parentsReport), pupilReport: u.pupilReport.trim(), agreements: clean(u.agreements), recordedBy: u.actor.name };
      await recordStep(u.actor, 'BILATERAL_RECORDED', `Bilateraal overleg gehouden op ${u.date}`);
      await movedOnFrom('RECORD_BILATERAL');
      return view();
    },
    { validator: (u) => (requireWaiting('RECORD_BILATERAL'), requireStepInput(STEPS.RECORD_BILATERAL, u, policies)) },
  );

  // --- conversations before and after (rule 3) ---
  setHandler(
    recordVoorgesprek,
    async (u) => {
      state.voorgesprek = { date: u.date, parentsReport: clean(u.parentsReport), pupilReport: u.pupilReport.trim(), agreements: clean(u.agreements), recordedBy: u.actor.name };
      await recordStep(u.actor, 'VOORGESPREK_RECORDED', parentsLeftOut() ? `Voorgesprek met de leerling op ${u.date} (ouders niet geïnformeerd: goedgekeurde uitzondering)` : `Voorgesprek met ouders en leerling op ${u.date}`);
      await movedOnFrom('RECORD_VOORGESPREK');
      return view();
    },
    {
      validator: (u) => {
        requireWaiting('RECORD_VOORGESPREK');
        requireStepInput(STEPS.RECORD_VOORGESPREK, u, policies);
        if (!parentsLeftOut()) requireParentsReport(u);
      },
    },
  );
  setHandler(
    recordNagesprek,
    async (u) => {
      const round = currentRound() as IzoRound;
      round.nagesprek = { date: u.date, parentsReport: clean(u.parentsReport), pupilReport: u.pupilReport.trim(), agreements: clean(u.agreements), recordedBy: u.actor.name };
      await recordStep(u.actor, 'NAGESPREK_RECORDED', `Nagesprek over de afspraken op ${u.date}`);
      await movedOnFrom('RECORD_NAGESPREK');
      return view();
    },
    {
      validator: (u) => {
        requireWaiting('RECORD_NAGESPREK');
        requireStepInput(STEPS.RECORD_NAGESPREK, u, policies);
        if (!parentsLeftOut()) requireParentsReport(u);
      },
    },
  );

  // --- IZO ---
  setHandler(
    rescheduleIzo,
    async (u) => {
      state.izoMeetingDate = u.meetingDate;
      state.izoRescheduled = true;
      await recordStep(u.actor, 'IZO_RESCHEDULED', `IZO-bespreking verplaatst naar ${u.meetingDate}`, u.reason);
      return view();
    },
    {
      validator: (u) => {
        requireWaiting('RECORD_IZO');
        requireStepInput(STEPS.RESCHEDULE_IZO, u, policies);
        if (!isSchoolDay(u.meetingDate, ctx.calendar)) reject('BAD_USER_INPUT', 'Het IZO moet op een schooldag zijn', 'The IZO must be on a school day');
      },
    },
  );
  setHandler(
    recordIzoDiscussion,
    async (u) => {
      const round = currentRound() as IzoRound;
      round.minutes = { ...u.minutes, summary: u.minutes.summary.trim() };
      round.decisions = u.decisions.map((d) => ({ ...d, description: d.description.trim() }));
      round.meetingDate = todayIso() < round.meetingDate ? todayIso() : round.meetingDate;
      round.evaluationDate = u.evaluationDate ?? addCalendarWeeks(round.meetingDate, policy.evaluationAfterWeeks);
      state.evaluationDate = round.evaluationDate;
      rec.meetingsHeld('IZO');
      await recordStep(u.actor, 'IZO_DISCUSSED', `Besproken in het IZO; evaluatie op ${round.evaluationDate}`);
      await movedOnFrom('RECORD_IZO');
      return view();
    },
    {
      validator: (u) => {
        requireWaiting('RECORD_IZO');
        requireStepInput(STEPS.RECORD_IZO, izoDiscussionAsSent(u), policies);
        if (parentsLeftOut() && u.decisions.some((d: IzoDecision) => d.kind === 'VERWIJZING_ZAT' || d.startProcess != null)) rejectWhileParentsLeftOut();
        for (const d of u.decisions) {
          if (d.mentorId != null && (typeof d.mentorId !== 'string' || d.startProcess !== 'JOS')) reject('BAD_USER_INPUT', 'Alleen een JOS-besluit heeft een mentor', 'Only a JOS decision has a mentor');
        }
        requireAfterToday(u.evaluationDate, 'De evaluatiedatum moet in de toekomst liggen', 'The evaluation date must be in the future');
      },
    },
  );
  setHandler(
    confirmIzoMinutesSent,
    async (u) => {
      (currentRound() as IzoRound).minutesDistributedAt = new Date().toISOString();
      await recordStep(u.actor, 'IZO_MINUTES_SENT', 'IZO-verslag verstuurd aan zorgteam, teamleider en mentor', clean(u.note));
      await movedOnFrom('DISTRIBUTE_IZO_MINUTES');
      return view();
    },
    { validator: (u) => (requireWaiting('DISTRIBUTE_IZO_MINUTES'), requireStepInput(STEPS.DISTRIBUTE_IZO_MINUTES, u, policies)) },
  );
  setHandler(
    recordIzoEvaluation,
    async (u) => {
      const next = u.outcome === 'VOORTZETTEN' ? (u.nextEvaluationDate ?? addCalendarWeeks(todayIso(), policy.evaluationAfterWeeks)) : null;
      const e = { at: new Date().toISOString(), by: u.actor.name, outcome: u.outcome, summary: u.summary.trim(), nextEvaluationDate: next, note: clean(u.nazorg) ?? clean(u.zatQuestion) };
      state.evaluations.push(e);
      state.evaluationOpen = e;
      await recordStep(u.actor, 'IZO_EVALUATED', izoEvaluationDescription(u.outcome, next), e.note);
      await movedOnFrom('RECORD_EVALUATION');
      return view();
    },
    {
      validator: (u) => {
        requireWaiting('RECORD_EVALUATION');
        requireStepInput(STEPS.RECORD_EVALUATION, u, policies);
        if (parentsLeftOut() && u.outcome === 'VERWIJZING_ZAT') rejectWhileParentsLeftOut();
        requireAfterToday(u.nextEvaluationDate, 'De evaluatiedatum moet in de toekomst liggen', 'The evaluation date must be in the future');
      },
    },
  );

  // --- ZAT ---
  setHandler(
    submitZatReferral,
    async (u) => {
      state.zatReferral = mergeZatReferral(state.zatReferral, u.form);
      state.zatReferralSubmitted = true;
      await recordStep(u.actor, 'ZAT_REFERRAL_SUBMITTED', 'ZAT-aanmelding compleet');
      await movedOnFrom('SUBMIT_ZAT_REFERRAL');
      return view();
    },
    {
      validator: (u) => {
        requireWaiting('SUBMIT_ZAT_REFERRAL');
        requireStepInput(STEPS.SUBMIT_ZAT_REFERRAL, u, policies);
        // Complete on the merged referral (prefilled from the IZO).
        const missing = missingZatReferralParts(state.zatReferral, u.form);
        if (missing.length) reject('BAD_USER_INPUT', `De ZAT-aanmelding is niet compleet: ${missing.join(', ')}`, `The ZAT referral is incomplete: ${missing.join(', ')}`);
      },
    },
  );
  setHandler(
    planZat,
    async (u) => {
      const flex = policy.flexZat;
      const invitees = zatInvitees(flex, u.invitees);
      state.zatMeeting = { meetingDate: u.meetingDate, flex, mode: u.mode ?? 'OP_SCHOOL', invitees, plannedAt: new Date().toISOString(), agendaSentAt: null };
      if (u.meetingTime != null || u.location != null) Object.assign(state.zatMeeting, { meetingTime: u.meetingTime ?? null, location: clean(u.location) });
      await recordStep(u.actor, 'ZAT_PLANNED', `${flex ? 'Flex-ZAT' : 'ZAT-bespreking'} gepland op ${u.meetingDate}${u.mode === 'TELEFONISCH' ? ' (telefonisch)' : ''}`);
      await movedOnFrom('PLAN_ZAT');
      return view();
    },
    {
      validator: (u) => {
        requireWaiting('PLAN_ZAT');
        requireStepInput(STEPS.PLAN_ZAT, u, policies);
        const problem = zatMeetingDateProblem(u.meetingDate, todayIso(), state.zatPlanFrom, policy, ctx.calendar);
        if (problem) reject('BAD_USER_INPUT', problem.nl, problem.en);
      },
    },
  );
  setHandler(
    confirmZatAgendaSent,
    async (u) => {
      (state.zatMeeting as ZatMeeting).agendaSentAt = new Date().toISOString();
      await recordStep(u.actor, 'ZAT_AGENDA_SENT', 'ZAT-agenda en informatie verstuurd aan de deelnemers', clean(u.note));
      await movedOnFrom('SEND_ZAT_AGENDA');
      return view();
    },
    { validator: (u) => (requireWaiting('SEND_ZAT_AGENDA'), requireStepInput(STEPS.SEND_ZAT_AGENDA, u, policies)) },
  );
  setHandler(
    recordZatDiscussion,
    async (u) => {
      const meetingDate = state.zatMeeting && state.zatMeeting.meetingDate <= todayIso() ? state.zatMeeting.meetingDate : todayIso();
      state.zatDiscussion = {
        meetingDate,
        analysis: clean(u.analysis),
        needs: clean(u.needs),
        solutionsPupil: clean(u.solutionsPupil),
        solutionsFamily: clean(u.solutionsFamily),
        solutionsSchool: clean(u.solutionsSchool),
        actions: u.actions.map((a) => ({ who: a.who.trim(), what: a.what.trim(), goal: a.goal.trim(), due: a.due })),
        casusregisseur: u.casusregisseur.trim(),
        casusregisseurUserId: u.casusregisseurUserId ?? null,
        feedbackToFamilyBy: clean(u.feedbackToFamilyBy),
        feedbackToSchoolBy: clean(u.feedbackToSchoolBy),
        evaluationDate: u.evaluationDate,
        summary: u.summary.trim(),
      };
      rec.addParticipant(u.casusregisseurUserId);
      rec.meetingsHeld('ZAT');
      rec.meetingsHeld('FLEX_ZAT');
      await recordStep(u.actor, 'ZAT_DISCUSSED', `Besproken in het ${policy.flexZat ? 'Flex-ZAT' : 'ZAT'}: plan van aanpak met ${u.actions.length} actie(s); casusregisseur ${u.casusregisseur.trim()}`);
      await movedOnFrom('RECORD_ZAT');
      return view();
    },
    {
      validator: (u) => {
        requireWaiting('RECORD_ZAT');
        requireStepInput(STEPS.RECORD_ZAT, u, policies);
        requireAfterToday(u.evaluationDate, 'De evaluatiedatum moet in de toekomst liggen', 'The evaluation date must be in the future');
      },
    },
  );
  setHandler(
    recordZatFeedback,
    async (u) => {
      state.zatFeedback = { date: u.date, parentsReport: clean(u.parentsReport), pupilReport: u.pupilReport.trim(), agreements: clean(u.agreements), recordedBy: u.actor.name };
      await recordStep(u.actor, 'ZAT_FEEDBACK_RECORDED', `Conclusies en afspraken van het ZAT besproken met ouders en leerling op ${u.date}`);
      await movedOnFrom('RECORD_ZAT_FEEDBACK');
      return view();
    },
    {
      validator: (u) => {
        requireWaiting('RECORD_ZAT_FEEDBACK');
        requireStepInput(STEPS.RECORD_ZAT_FEEDBACK, u, policies);
        if (!parentsLeftOut()) requireParentsReport(u);
      },
    },
  );
  setHandler(
    recordZatEvaluation,
    async (u) => {
      const note = u.outcome === 'EXTERN_VERWEZEN' ? (u.externalTarget ?? null) : u.outcome === 'SWV_VOORZIENING_AANGEVRAAGD' ? (u.swvProvision ?? null) : null;
      const e = { at: new Date().toISOString(), by: u.actor.name, outcome: u.outcome, summary: u.summary.trim(), nextEvaluationDate: u.outcome === 'VOORTZETTEN' ? (u.nextEvaluationDate as string) : null, note };
      if (u.outcome === 'VOORTZETTEN' && u.actions?.length && state.zatDiscussion) state.zatDiscussion = { ...state.zatDiscussion, actions: u.actions };
      state.zatEvaluations.push(e);
      state.zatEvaluationOpen = e;
      await recordStep(u.actor, 'ZAT_EVALUATED', `Evaluatie plan van aanpak: ${u.outcome}${note ? ` (${note})` : ''}`);
      await movedOnFrom('RECORD_ZAT_EVALUATION');
      return view();
    },
    {
      validator: (u) => {
        requireWaiting('RECORD_ZAT_EVALUATION');
        requireStepInput(STEPS.RECORD_ZAT_EVALUATION, u, policies);
        requireAfterToday(u.nextEvaluationDate, 'De evaluatiedatum moet in de toekomst liggen', 'The evaluation date must be in the future');
      },
    },
  );

  // --- the safety exception (rule 3) ends: the parents are informed from now on ---
  setHandler(
    liftParentsException,
    async (u) => {
      state.parentsExceptionLifted = { at: new Date().toISOString(), by: u.actor.name, reason: u.reason.trim() };
      await recordStep(u.actor, 'PARENTS_EXCEPTION_LIFTED', 'Uitzondering opgeheven: de ouders worden vanaf nu geïnformeerd', u.reason.trim());
      return view();
    },
    {
      validator: (u) => {
        requireNotClosed();
        if (!parentsLeftOut()) reject('STEP_NOT_ALLOWED', 'Er geldt geen goedgekeurde uitzondering om op te heffen', 'There is no approved exception to lift');
        requireStepInput(STEPS.LIFT_PARENTS_EXCEPTION, u, policies);
      },
    },
  );

  setHandler(
    closeZorgroute,
    async (u) => {
      state.closeRequest = u;
      await recordStep(u.actor, 'CLOSE_REQUESTED', 'Zorgroute gestopt door de zorgcoördinator', u.reason);
      return view();
    },
    { validator: (u) => (requireNotClosed(), requireStepInput(STEPS.CLOSE_ZORGROUTE, u, policies)) },
  );

  // ----------------------------------------------------------------------------------------------
  // Main flow.
  const finish = async (final: ZorgrouteStatus, outcome: string, description: string): Promise<ZorgrouteState> => {
    await rec.closeWith(outcome, () => transition(final, description));
    return view();
  };
  const stopped = () => (admin.closed ? admin.end(view) : finish('AFGESLOTEN', 'GESTOPT', `Zorgroute gestopt: ${state.closeRequest?.reason ?? ''}`));

  if (!REFERRAL_SOURCES.includes(input.source)) reject('BAD_USER_INPUT', 'Onbekende bron van de aanmelding', 'Unknown referral source');
  syncData();
  await rec.record({ actorId: input.startedBy.id, actorName: input.startedBy.name, action: 'CASE_STARTED', description: input.originCaseId ? 'IZO-aanmelding geopend vanuit een eerdere casus' : 'IZO-aanmelding gestart' });

  // CONCEPT: the referrer fills in the aanmeldformulier.
  if (input.submit && missingReferralFields(state.form).length === 0) {
    state.submissions = 1;
    state.submittedAt = todayIso();
  } else {
    await step('SUBMIT_REFERRAL', referrer.id, due(todayIso(), policy.referralCompleteWithinSchoolDays, 'P2.referralCompleteWithinSchoolDays'), () => state.submissions > 0);
    if (closed()) return stopped();
  }

  // INGEDIEND → TRIAGE (loops back on TERUG_NAAR_AANMELDER and EERST_EERSTELIJNS_ACTIES).
  let triageDue = due(state.submittedAt as string, policy.triageWithinSchoolDays, 'P2.triageWithinSchoolDays');
  for (;;) {
    await transition('INGEDIEND', 'Aanmelding ingediend bij de zorgcoördinator');
    await transition('TRIAGE', 'Aanmelding wordt beoordeeld');
    state.triageOpen = null;
    await step('TRIAGE', zc, triageDue, () => state.triageOpen !== null);
    if (closed()) return stopped();
    const triage = state.triageOpen as unknown as TriageRecord;
    if (triage.outcome === 'GEACCEPTEERD') break;
    if (triage.outcome === 'BILATERAAL') {
      await transition('BILATERAAL', 'Bilateraal overleg in plaats van het IZO');
      await step('RECORD_BILATERAL', zc, due(todayIso(), policy.bilateralWithinSchoolDays, 'P2.bilateralWithinSchoolDays'), () => state.bilateral !== null);
      if (closed()) return stopped();
      return finish('AFGESLOTEN', 'BILATERAAL', 'Afgesloten na bilateraal overleg');
    }
    const submissionsBefore = state.submissions;
    if (triage.outcome === 'TERUG_NAAR_AANMELDER') {
      await transition('TERUG_NAAR_AANMELDER', `Aanmelding terug naar de aanmelder: ${triage.missingInformation ?? ''}`);
      // The referrer hears that it came back and which parts of the form are still empty (not the coordinator's note:
      // he reads that in Zorgroute), instead of a second "new task".
      await step(
        'SUBMIT_REFERRAL',
        referrer.id,
        due(todayIso(), policy.referralCompleteWithinSchoolDays, 'P2.referralCompleteWithinSchoolDays'),
        () => state.submissions > submissionsBefore,
        closed,
        { assigned: { kind: 'REFERRAL_RETURNED', missingParts: missingReferralFields(state.form) } },
      );
      if (closed()) return stopped();
      triageDue = due(state.submittedAt as string, policy.triageWithinSchoolDays, 'P2.triageWithinSchoolDays');
    } else {
      // EERST_EERSTELIJNS_ACTIES: first-line actions first; the referral is looked at again on the re-check date,
      // or earlier when the referrer updates and resubmits it.
      const recheck = triage.recheckDate as string;
      await transition('EERST_EERSTELIJNS_ACTIES', `Eerst acties in de eerste lijn; opnieuw bekijken op ${recheck}`);
      rec.upsertDueDate('RECHECK', { date: recheck, rule: 'P2.recheckDate', inputs: { recheckDate: recheck }, explanation: `Opnieuw bekijken op ${recheck}, door de zorgcoördinator vastgesteld bij de triage.` });
      s.nextDueDate = recheck;
      s.ownerUserId = referrer.id;
      syncData();
      await rec.record();
      await waitUntilDate(recheck, () => closed() || state.submissions > submissionsBefore);
      if (closed()) return stopped();
      triageDue = state.submissions > submissionsBefore ? due(state.submittedAt as string, policy.triageWithinSchoolDays, 'P2.triageWithinSchoolDays') : due(recheck, 0, 'P2.recheckDate');
    }
  }

  // GEACCEPTEERD → VOORGESPREK with parents and pupil; consent to discuss in the IZO.
  await transition('GEACCEPTEERD', parentsLeftOut() ? 'Geaccepteerd; ouders niet geïnformeerd (uitzondering goedgekeurd door de zorgcoördinator)' : 'Geaccepteerd voor het IZO');
  await transition('VOORGESPREK', 'Voorgesprek met ouders en leerling');
  await step('RECORD_VOORGESPREK', contactId(), due(todayIso(), policy.voorgesprekWithinSchoolDays, 'P2.voorgesprekWithinSchoolDays'), () => state.voorgesprek !== null);
  if (closed()) return stopped();
  if (policy.izoConsentRequired && !parentsLeftOut()) {
    const r = await requireConsent(rec, {
      kind: IZO_CONSENT,
      label: 'Bespreking in het intern zorgoverleg (IZO)',
      scope: 'Uw kind wordt besproken in het intern zorgoverleg van school (zorgcoördinator, teamleider, interne begeleiders en mentor) om passende ondersteuning af te spreken.',
      scopeForPupil: 'Je wordt besproken in het intern zorgoverleg van school (zorgcoördinator, teamleider, interne begeleiders en mentor) om passende ondersteuning met je af te spreken. Omdat je 16 bent of ouder, beslis je hier zelf over.',
      pupilDecidesFrom16: true,
      requestedBy: { id: contactId(), name: state.contactPerson?.name ?? referrer.name },
      isCancelled: closed,
    });
    if (closed()) return stopped();
    if (r.outcome !== 'GIVEN') {
      return finish('AFGESLOTEN', 'GEEN_TOESTEMMING', r.outcome === 'REFUSED' ? 'Ouders geven geen toestemming voor bespreking in het IZO' : 'Geen toestemming van ouders voor bespreking in het IZO (verzoek verlopen)');
    }
  }

  // IZO rounds: GEPLAND_IZO → BESPROKEN_IZO → NAGESPREK → UITVOERING ⇄ EVALUATIE → (ZAT).
  izo: for (;;) {
    let meeting = nextIzoMeeting(todayIso(), policy, ctx.calendar);
    state.izoMeetingDate = meeting.date;
    state.izoRounds.push({ round: state.izoRounds.length + 1, meetingDate: meeting.date, minutes: null, decisions: [], evaluationDate: null, minutesDistributedAt: null, nagesprek: null });
    await transition('GEPLAND_IZO', `Op de agenda van het IZO van ${meeting.date}`);
    const discussed = () => (currentRound() as IzoRound).minutes !== null;
    for (;;) {
      state.izoRescheduled = false;
      (currentRound() as IzoRound).meetingDate = meeting.date;
      rec.upsertDueDate('IZO_INFO', due(meeting.date, -policy.izoInfoBeforeSchoolDays, 'P2.izoInfoBeforeSchoolDays'));
      // The IZO members receive the information beforehand [001:3537-3540]: an invitation with a link to the case.
      if (sendMeetingMessages) invite({ kind: 'IZO', date: meeting.date }, 'IZO-bespreking', staffParticipants(), state.izoRounds.length);
      await step('RECORD_IZO', zc, meeting, discussed, () => closed() || state.izoRescheduled);
      if (!state.izoRescheduled || discussed()) break;
      const date = state.izoMeetingDate as string;
      meeting = { date, rule: 'P2.izoRescheduled', inputs: { meetingDate: date }, explanation: `IZO-bespreking verplaatst naar ${date} door de zorgcoördinator.` };
    }
    if (closed()) return stopped();
    const round = currentRound() as IzoRound;
    await transition('BESPROKEN_IZO', `Besproken in het IZO; evaluatie op ${round.evaluationDate ?? ''}`);

    // Decisions that start a linked case for the same pupil (internal support → P1 or P3 JOS).
    for (const [i, d] of round.decisions.entries()) {
      if (d.startProcess === 'JOS') {
        const josArgs: StartJosInput = {
          schoolId: input.schoolId,
          pupilId: input.pupilId,
          startedBy: { id: zc, name: 'Zorgroute (IZO-besluit)' },
          decisionDate: round.meetingDate,
          needs: (d.josNeeds ?? []) as JosNeed[],
          decisionNotes: d.goal ?? d.description,
          mentorId: d.mentorId ?? null,
          josWorkerId: d.josWorkerId as string,
          originCaseId: caseId,
        };
        const link = await startLinkedCase(rec, {
          workflowType: 'josWorkflow',
          workflowId: `jos-from-${caseId}-${round.round}-${i + 1}`,
          process: 'JOS',
          args: [josArgs],
          reason: `IZO-besluit: ${d.description}`,
        });
        await recordStep(SYSTEM, link.started ? 'LINKED_CASE_STARTED' : 'LINKED_CASE_NOT_STARTED', link.started ? 'JOS-traject gestart vanuit het IZO-besluit' : 'JOS-traject kon niet worden gestart (bestaat al)');
        continue;
      }
      if (d.startProcess !== 'ONDERSTEUNINGSTRAJECT') continue;
      const args: StartOndersteuningstrajectInput = {
        schoolId: input.schoolId,
        pupilId: input.pupilId,
        startedBy: { id: zc, name: 'Zorgroute (IZO-besluit)' },
        reason: d.goal ?? d.description,
        observations: round.minutes?.analysis ?? state.form.problem ?? null,
        triedActions: state.form.firstLineActions ?? null,
        weeks: d.trajectWeeks ?? null,
        originCaseId: caseId,
      };
      const link = await startLinkedCase(rec, {
        workflowType: 'ondersteuningstrajectWorkflow',
        workflowId: `ondersteuningstraject-from-${caseId}-${round.round}-${i + 1}`,
        process: 'ONDERSTEUNINGSTRAJECT',
        args: [args],
        reason: `IZO-besluit: ${d.description}`,
      });
      await recordStep(SYSTEM, link.started ? 'LINKED_CASE_STARTED' : 'LINKED_CASE_NOT_STARTED', link.started ? `Ondersteuningstraject gestart vanuit het IZO-besluit` : 'Ondersteuningstraject kon niet worden gestart (bestaat al)');
    }

    // Minutes to care team, teamleider and mentor within N school days [001:3649-3651].
    await step('DISTRIBUTE_IZO_MINUTES', zc, due(round.meetingDate, policy.minutesWithinSchoolDays, 'P2.minutesWithinSchoolDays'), () => round.minutesDistributedAt !== null);
    if (closed()) return stopped();
    // NAGESPREK within N school days [001:3659-3671].
    await transition('NAGESPREK', 'Nagesprek met ouders en leerling over de afspraken');
    await step('RECORD_NAGESPREK', contactId(), due(round.meetingDate, policy.nagesprekWithinSchoolDays, 'P2.nagesprekWithinSchoolDays'), () => round.nagesprek !== null);
    if (closed()) return stopped();

    let toZat = round.decisions.some((d) => d.kind === 'VERWIJZING_ZAT');
    while (!toZat) {
      const evalDate = state.evaluationDate as string;
      await transition('UITVOERING', `Afspraken worden uitgevoerd; evaluatie op ${evalDate}`);
      rec.upsertDueDate('EVALUATION_DATE', { date: evalDate, rule: 'P2.evaluationAfterWeeks', inputs: { evaluationDate: evalDate, evaluationAfterWeeks: policy.evaluationAfterWeeks }, explanation: `Evaluatie op ${evalDate}, afgesproken in het IZO (standaard ${policy.evaluationAfterWeeks} weken na de bespreking).` });
      s.nextDueDate = evalDate;
      s.ownerUserId = zc;
      syncData();
      await rec.record();
      if (await waitUntilDate(evalDate, closed)) return stopped();
      await transition('EVALUATIE', 'Evaluatiedatum bereikt');
      state.evaluationOpen = null;
      await step('RECORD_EVALUATION', zc, due(evalDate, 0, 'P2.evaluationDate'), () => state.evaluationOpen !== null);
      if (closed()) return stopped();
      const e = state.evaluationOpen as unknown as EvaluationRecord;
      if (e.outcome === 'DOEL_BEREIKT') return finish('AFGESLOTEN', 'DOEL_BEREIKT', `Doel bereikt; afgesloten${e.note ? ` (nazorg: ${e.note})` : ''}`);
      if (e.outcome === 'VERWIJZING_ZAT') toZat = true;
      else state.evaluationDate = e.nextEvaluationDate;
    }

    // ZAT referral: parental consent is mandatory [001:3824-3825].
    await transition('TOESTEMMING_ZAT', 'Verwijzing naar het ZAT: toestemming van de ouders gevraagd');
    const consent = await requireConsent(rec, {
      kind: ZAT_CONSENT,
      label: policy.flexZat ? 'Bespreking in het Flex-ZAT' : 'Aanmelding bij het zorg- en adviesteam (ZAT)',
      scope: 'School meldt uw kind aan bij het zorg- en adviesteam (ZAT) en deelt daarvoor de informatie uit het leerlingdossier met de deelnemers van het ZAT (o.a. jeugdarts, schoolmaatschappelijk werk, Sociaal Team, samenwerkingsverband).',
      scopeForPupil: 'School meldt je aan bij het zorg- en adviesteam (ZAT) en deelt daarvoor de informatie uit je leerlingdossier met de deelnemers van het ZAT (o.a. jeugdarts, schoolmaatschappelijk werk, Sociaal Team, samenwerkingsverband). Omdat je 16 bent of ouder, beslis je hier zelf over.',
      pupilDecidesFrom16: true,
      requestedBy: { id: zc, name: null },
      isCancelled: closed,
    });
    if (closed()) return stopped();
    if (consent.outcome !== 'GIVEN') {
      // Refusal (or no answer after the zorgcoördinator stopped asking) is an outcome: back to the IZO, recorded.
      state.zatConsentRefusals.push({ at: new Date().toISOString(), outcome: consent.outcome, note: consent.request.note });
      await recordStep(SYSTEM, 'ZAT_CONSENT_NOT_GIVEN', consent.outcome === 'REFUSED' ? 'Ouders weigeren toestemming voor het ZAT: terug naar het IZO' : 'Geen toestemming voor het ZAT (verzoek verlopen): terug naar het IZO');
      continue izo;
    }
    const zatWithdrawn = () => consents.isWithdrawn(ZAT_CONSENT);
    const zatStopped = () => closed() || zatWithdrawn();
    const backToIzo = async () => {
      state.zatConsentRefusals.push({ at: new Date().toISOString(), outcome: 'WITHDRAWN', note: consents.latest(ZAT_CONSENT)?.withdrawalReason ?? null });
      await recordStep(SYSTEM, 'ZAT_CONSENT_WITHDRAWN', 'Toestemming voor het ZAT ingetrokken: terug naar het IZO');
    };

    // INFORMATIE_VERZAMELEN: prefilled from the IZO case [001:3833-3834].
    state.zatReferral = prefilledZatReferral(state.form, state.izoRounds, state.evaluations);
    state.zatReferralSubmitted = false;
    state.zatMeeting = null;
    state.zatDiscussion = null;
    state.zatFeedback = null;
    await transition('INFORMATIE_VERZAMELEN', 'Informatie voor het ZAT verzamelen (vooraf ingevuld uit het IZO)');
    state.zatPlanFrom = todayIso();
    await step('SUBMIT_ZAT_REFERRAL', zc, due(todayIso(), policy.zatInfoWithinSchoolDays, 'P2.zatInfoWithinSchoolDays'), () => state.zatReferralSubmitted, zatStopped);
    if (closed()) return stopped();
    if (zatWithdrawn()) {
      await backToIzo();
      continue izo;
    }

    // GEPLAND_ZAT: the next date of the school's ZAT calendar, or a date the zorgcoördinator sets; Flex-ZAT within N days.
    const calendarDate = policy.flexZat ? null : nextZatCalendarDate(todayIso(), policy, ctx.calendar);
    if (calendarDate) {
      state.zatMeeting = { meetingDate: calendarDate, flex: false, mode: 'OP_SCHOOL', invitees: ['MENTOR'], plannedAt: new Date().toISOString(), agendaSentAt: null };
      await recordStep(SYSTEM, 'ZAT_PLANNED', `Op de agenda van het ZAT van ${calendarDate} (ZAT-kalender van de school)`);
    } else {
      const planDue = policy.flexZat
        ? due(state.zatPlanFrom, policy.flexZatWithinSchoolDays, 'P2.flexZatWithinSchoolDays')
        : due(todayIso(), policy.zatPlanWithinSchoolDays, 'P2.zatPlanWithinSchoolDays');
      await step('PLAN_ZAT', zc, planDue, () => state.zatMeeting !== null, zatStopped);
      if (closed()) return stopped();
      if (zatWithdrawn()) {
        await backToIzo();
        continue izo;
      }
    }
    const zm = state.zatMeeting as unknown as ZatMeeting;
    await transition('GEPLAND_ZAT', `${zm.flex ? 'Flex-ZAT' : 'ZAT'} op ${zm.meetingDate}${zm.flex ? '; ouders en leerling zijn uitgenodigd' : ''}`);
    const zatNotice: MeetingNotice = { kind: zm.flex ? 'FLEX_ZAT' : 'ZAT', date: zm.meetingDate, time: zm.meetingTime ?? null, mode: zm.mode, location: zm.location ?? null };
    const zatLabel = zm.flex ? 'Flex-ZAT-bespreking' : 'ZAT-bespreking';
    if (sendMeetingMessages) {
      // A Flex-ZAT always invites parents and pupil [003:1235-1243]; a ZAT the school's participants.
      invite(zatNotice, zatLabel, zm.flex ? { ...staffParticipants(), parentsOfPupil: input.pupilId, pupilAccountOf: input.pupilId } : staffParticipants(), state.izoRounds.length);
    }
    let agendaWatch: Promise<void> = Promise.resolve();
    if (!zm.flex && sendMeetingMessages) {
      // The agenda goes out by itself N school days before the meeting ("tijdig") [001:3888], at once when that day has
      // passed; meanwhile the ZAT step is open. Not sent once the ZAT is recorded or the ZAT route has stopped.
      const agendaDue = due(zm.meetingDate, -policy.zatAgendaBeforeSchoolDays, 'P2.zatAgendaBeforeSchoolDays');
      rec.upsertDueDate('ZAT_AGENDA', { ...agendaDue, explanation: `${agendaDue.explanation} De agenda wordt dan automatisch verstuurd.` });
      agendaWatch = (async () => {
        if (await waitUntilDate(agendaDue.date, () => zatStopped() || state.zatDiscussion !== null)) return;
        rec.notifyLater({ key: `${caseId}:agenda:ZAT:${state.izoRounds.length}:${zm.meetingDate}`, recipients: staffParticipants(), kind: 'MEETING_AGENDA', stepLabel: zatLabel, dueDate: zm.meetingDate, meeting: zatNotice });
        zm.agendaSentAt = new Date().toISOString();
        await recordStep(SYSTEM, 'ZAT_AGENDA_SENT', 'ZAT-agenda en informatie automatisch verstuurd aan de deelnemers');
      })();
    } else if (!zm.flex) {
      // Agenda at least N school days before the meeting ("tijdig") [001:3888].
      await step('SEND_ZAT_AGENDA', zc, due(zm.meetingDate, -policy.zatAgendaBeforeSchoolDays, 'P2.zatAgendaBeforeSchoolDays'), () => zm.agendaSentAt !== null, zatStopped);
      if (closed()) return stopped();
      if (zatWithdrawn()) {
        await backToIzo();
        continue izo;
      }
    }
    await step('RECORD_ZAT', zc, due(zm.meetingDate, 0, zm.flex ? 'P2.flexZatMeeting' : 'P2.zatMeeting'), () => state.zatDiscussion !== null, zatStopped);
    // Its stop condition holds now: it has ended, or finishes sending the agenda.
    await agendaWatch;
    if (closed()) return stopped();
    if (zatWithdrawn() && state.zatDiscussion === null) {
      await backToIzo();
      continue izo;
    }
    const zd = state.zatDiscussion as unknown as ZatDiscussion;
    await transition('BESPROKEN_ZAT', `Plan van aanpak vastgesteld; casusregisseur ${zd.casusregisseur}; evaluatie op ${zd.evaluationDate}`);
    // After the ZAT the conclusions are discussed with pupil and parents [001:3942-3943] (a Flex-ZAT has them present).
    if (!zm.flex) {
      await step('RECORD_ZAT_FEEDBACK', zd.casusregisseurUserId ?? zc, due(zd.meetingDate, policy.nagesprekWithinSchoolDays, 'P2.nagesprekWithinSchoolDays'), () => state.zatFeedback !== null);
      if (closed()) return stopped();
    }

    // Follow-up at the next meetings until the case is closed or referred.
    let evalDate = zd.evaluationDate;
    for (;;) {
      // The evaluation date is part of the status change's own record: a step update that answers once the case is
      // parked here (movedOnFrom) then already shows it.
      rec.upsertDueDate('ZAT_EVALUATION_DATE', { date: evalDate, rule: 'P2.zatEvaluationDate', inputs: { evaluationDate: evalDate }, explanation: `Evaluatie van het plan van aanpak op ${evalDate}, afgesproken in het ZAT.` });
      s.nextDueDate = evalDate;
      s.ownerUserId = zc;
      await transition('ZAT_OPVOLGING', `Acties uit het plan van aanpak lopen; evaluatie op ${evalDate}`);
      syncData();
      await rec.record();
      if (await waitUntilDate(evalDate, closed)) return stopped();
      state.zatEvaluationOpen = null;
      await step('RECORD_ZAT_EVALUATION', zc, due(evalDate, 0, 'P2.zatEvaluationDate'), () => state.zatEvaluationOpen !== null);
      if (closed()) return stopped();
      const e = state.zatEvaluationOpen as unknown as EvaluationRecord;
      if (e.outcome === 'VOORTZETTEN') {
        evalDate = e.nextEvaluationDate as string;
        continue;
      }
      const final = e.outcome as ZorgrouteStatus;
      // An OOV requested from the SWV opens the preparation of the OOV arrangement (P5). Guarded by a patch so that
      // histories recorded before this change still replay.
      if (e.outcome === 'SWV_VOORZIENING_AANGEVRAAGD' && e.note === 'OOV' && patched('p2-zat-oov-opens-p5')) {
        const oov: StartOovInput = {
          schoolId: input.schoolId,
          pupilId: input.pupilId,
          startedBy: { id: zc, name: 'Zorgroute (ZAT-besluit)' },
          reason: `ZAT: ${e.summary}`,
          source: 'ZAT',
          originCaseId: caseId,
        };
        const link = await startLinkedCase(rec, { workflowType: 'oovWorkflow', workflowId: `oov-from-${caseId}`, process: 'OOV', args: [oov], reason: 'ZAT: OOV aangevraagd bij het samenwerkingsverband' });
        await recordStep(SYSTEM, link.started ? 'LINKED_CASE_STARTED' : 'LINKED_CASE_NOT_STARTED', link.started ? 'OOV-voorbereiding gestart vanuit het ZAT' : 'OOV-casus kon niet worden gestart (bestaat al)');
      }
      return finish(final, e.outcome, zatOutcomeDescription(e.outcome, e.note));
    }
  }
}
