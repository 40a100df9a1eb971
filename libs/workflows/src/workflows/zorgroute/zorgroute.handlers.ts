/**
 * P2 — the human steps' updates. Each is registered from its definition in the step catalogue
 * (libs/processes/src/zorgroute/steps.ts: fields, bounds, Dutch messages, audit action); only the process's own rules are code here:
 * is the step open now, the referrer (not the zorgcoördinator) completes a returned referral, what accepting needs
 * (a second-line problem, clear questions, the approved safety exception when the parents do not know), the report of
 * the conversation with the parents unless they are left out (rule 3), nothing that tells the parents while they are
 * left out, dates after today, a complete ZAT referral, when a (Flex-)ZAT may meet.
 */
import type { UpdateDefinition } from '@temporalio/common';
import { setHandler } from '@temporalio/workflow';
import { addCalendarWeeks, isSchoolDay } from '@zorgroute/domain/logic';
import { ZORGROUTE_STEPS as STEPS } from '@zorgroute/processes';
import type { Actor } from '../common/case-recorder';
import { stepHandler, type StepHandlerSpec } from '../common/open-case';
import { reject } from '../common/step-errors';
import { todayIso, type Zorgroute } from './zorgroute.case';
import {
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
  type ConversationInput,
  type ZorgrouteState,
} from './zorgroute.messages';
import { izoDiscussionAsSent, izoEvaluationDescription, mergeZatReferral, missingZatReferralParts, REFERRAL_OPEN, triageDescription, zatInvitees, zatMeetingDateProblem } from './zorgroute.rules';
import type { IzoDecision, IzoRound, TriageRecord, ZatMeeting } from './zorgroute.types';
import { cleanReferralText as clean, incompleteReferralMessage, mergeReferralForm as mergeForm } from './zorgroute-form';

export function installZorgrouteHandlers(z: Zorgroute): void {
  setHandler(getZorgrouteState, () => z.view());
  referralHandlers(z);
  conversationHandlers(z);
  izoHandlers(z);
  zatHandlers(z);
  caseHandlers(z);
}

type ZorgrouteStepSpec<I extends { actor: Actor }> = Omit<StepHandlerSpec<I, ZorgrouteState>, 'answer'>;

/** Registers a step's update through the shared `stepHandler`, answering with the case's state. */
function step<I extends { actor: Actor }>(z: Zorgroute, update: UpdateDefinition<ZorgrouteState, [I]>, spec: ZorgrouteStepSpec<I>): void {
  stepHandler(z.rec, update, { ...spec, answer: () => z.view() }, () => z.syncData());
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

/** CONCEPT, TERUG_NAAR_AANMELDER, EERST_EERSTELIJNS_ACTIES, TRIAGE, BILATERAAL: the referral and its triage. */
function referralHandlers(z: Zorgroute): void {
  const { rec, state, ctx, referrer } = z;
  const s = z.c.snapshot;

  // --- referral (CONCEPT, TERUG_NAAR_AANMELDER, EERST_EERSTELIJNS_ACTIES) ---
  const validateReferrer = (actor: Actor) => {
    z.requireNotClosed();
    if (!REFERRAL_OPEN.includes(z.status())) {
      reject('STEP_NOT_ALLOWED', `De aanmelding kan nu niet worden gewijzigd (status ${z.status()})`, `The referral cannot be changed now (status ${z.status()})`);
    }
    // "Ga niet zelf de ontbrekende gegevens opzoeken ... geheel bij de aanmelder" [001:3528-3531].
    if (z.status() !== 'CONCEPT' && actor.id !== referrer.id && actor.id === ctx.zorgcoordinatorId) {
      reject('STEP_NOT_ALLOWED', 'De aanmelder vult de aanmelding aan, niet de zorgcoördinator', 'The referrer completes the referral, not the zorgcoördinator');
    }
  };
  step(
    z,
    saveReferral,
    {
      step: STEPS.SAVE_REFERRAL,
      check: (u) => validateReferrer(u.actor),
      apply: (u) => {
        state.form = mergeForm(state.form, u.form);
        return { description: 'Aanmeldformulier opgeslagen' };
      },
    },
  );
  step(
    z,
    submitReferral,
    {
      step: STEPS.SUBMIT_REFERRAL,
      check: (u) => validateReferrer(u.actor),
      checkInput: (u) => {
        const incomplete = incompleteReferralMessage(mergeForm(state.form, u.form));
        if (incomplete) reject('BAD_USER_INPUT', incomplete.nl, incomplete.en);
      },
      apply: (u) => {
        state.form = mergeForm(state.form, u.form);
        state.submissions += 1;
        state.submittedAt = todayIso();
        rec.addParticipant(u.actor.id);
        return { description: state.submissions === 1 ? 'IZO-aanmelding ingediend' : 'IZO-aanmelding aangevuld en opnieuw ingediend' };
      },
      // The referral goes to triage: answer once the triage step is open.
      movedOn: z.movedOnFrom('SUBMIT_REFERRAL', () => s.waitingFor === 'TRIAGE'),
    },
  );

  // --- triage ---
  step(
    z,
    triageReferral,
    {
      step: STEPS.TRIAGE,
      check: () => z.requireWaiting('TRIAGE'),
      checkInput: (u) => {
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
      apply: (u) => {
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
        return { description: triageDescription(u.outcome, u.recheckDate), reason: rec0.missingInformation ?? rec0.firstLineActions ?? rec0.note };
      },
      movedOn: z.movedOnFrom('TRIAGE'),
    },
  );

  step(
    z,
    recordBilateral,
    {
      step: STEPS.RECORD_BILATERAL,
      check: () => z.requireWaiting('RECORD_BILATERAL'),
      apply: (u) => {
        state.bilateral = { date: u.date, parentsReport: clean(u.parentsReport), pupilReport: u.pupilReport.trim(), agreements: clean(u.agreements), recordedBy: u.actor.name };
        return { description: `Bilateraal overleg gehouden op ${u.date}` };
      },
      movedOn: z.movedOnFrom('RECORD_BILATERAL'),
    },
  );
}

/** VOORGESPREK and NAGESPREK: the conversations with parents and pupil before and after the IZO (rule 3). */
function conversationHandlers(z: Zorgroute): void {
  const { state } = z;
  const parentsReportUnlessLeftOut = (u: ConversationInput) => {
    if (!z.parentsLeftOut()) requireParentsReport(u);
  };

  // --- conversations before and after (rule 3) ---
  step(
    z,
    recordVoorgesprek,
    {
      step: STEPS.RECORD_VOORGESPREK,
      check: () => z.requireWaiting('RECORD_VOORGESPREK'),
      checkInput: parentsReportUnlessLeftOut,
      apply: (u) => {
        state.voorgesprek = { date: u.date, parentsReport: clean(u.parentsReport), pupilReport: u.pupilReport.trim(), agreements: clean(u.agreements), recordedBy: u.actor.name };
        return { description: z.parentsLeftOut() ? `Voorgesprek met de leerling op ${u.date} (ouders niet geïnformeerd: goedgekeurde uitzondering)` : `Voorgesprek met ouders en leerling op ${u.date}` };
      },
      movedOn: z.movedOnFrom('RECORD_VOORGESPREK'),
    },
  );
  step(
    z,
    recordNagesprek,
    {
      step: STEPS.RECORD_NAGESPREK,
      check: () => z.requireWaiting('RECORD_NAGESPREK'),
      checkInput: parentsReportUnlessLeftOut,
      apply: (u) => {
        const round = z.currentRound() as IzoRound;
        round.nagesprek = { date: u.date, parentsReport: clean(u.parentsReport), pupilReport: u.pupilReport.trim(), agreements: clean(u.agreements), recordedBy: u.actor.name };
        return { description: `Nagesprek over de afspraken op ${u.date}` };
      },
      movedOn: z.movedOnFrom('RECORD_NAGESPREK'),
    },
  );
}

/** GEPLAND_IZO, BESPROKEN_IZO, EVALUATIE: the IZO meeting, its minutes and the evaluation of its agreements. */
function izoHandlers(z: Zorgroute): void {
  const { rec, state, ctx, policy } = z;

  // --- IZO ---
  step(
    z,
    rescheduleIzo,
    {
      step: STEPS.RESCHEDULE_IZO,
      check: () => z.requireWaiting('RECORD_IZO'),
      checkInput: (u) => {
        if (!isSchoolDay(u.meetingDate, ctx.calendar)) reject('BAD_USER_INPUT', 'Het IZO moet op een schooldag zijn', 'The IZO must be on a school day');
      },
      apply: (u) => {
        state.izoMeetingDate = u.meetingDate;
        state.izoRescheduled = true;
        return { description: `IZO-bespreking verplaatst naar ${u.meetingDate}`, reason: u.reason };
      },
    },
  );
  step(
    z,
    recordIzoDiscussion,
    {
      step: STEPS.RECORD_IZO,
      check: () => z.requireWaiting('RECORD_IZO'),
      asSent: izoDiscussionAsSent,
      checkInput: (u) => {
        if (z.parentsLeftOut() && u.decisions.some((d: IzoDecision) => d.kind === 'VERWIJZING_ZAT' || d.startProcess != null)) z.rejectWhileParentsLeftOut();
        for (const d of u.decisions) {
          if (d.mentorId != null && (typeof d.mentorId !== 'string' || d.startProcess !== 'JOS')) reject('BAD_USER_INPUT', 'Alleen een JOS-besluit heeft een mentor', 'Only a JOS decision has a mentor');
        }
        requireAfterToday(u.evaluationDate, 'De evaluatiedatum moet in de toekomst liggen', 'The evaluation date must be in the future');
      },
      apply: (u) => {
        const round = z.currentRound() as IzoRound;
        round.minutes = { ...u.minutes, summary: u.minutes.summary.trim() };
        round.decisions = u.decisions.map((d) => ({ ...d, description: d.description.trim() }));
        round.meetingDate = todayIso() < round.meetingDate ? todayIso() : round.meetingDate;
        round.evaluationDate = u.evaluationDate ?? addCalendarWeeks(round.meetingDate, policy.evaluationAfterWeeks);
        state.evaluationDate = round.evaluationDate;
        rec.meetingsHeld('IZO');
        return { description: `Besproken in het IZO; evaluatie op ${round.evaluationDate}` };
      },
      movedOn: z.movedOnFrom('RECORD_IZO'),
    },
  );
  step(
    z,
    confirmIzoMinutesSent,
    {
      step: STEPS.DISTRIBUTE_IZO_MINUTES,
      check: () => z.requireWaiting('DISTRIBUTE_IZO_MINUTES'),
      apply: (u) => {
        (z.currentRound() as IzoRound).minutesDistributedAt = new Date().toISOString();
        return { description: 'IZO-verslag verstuurd aan zorgteam, teamleider en mentor', reason: clean(u.note) };
      },
      movedOn: z.movedOnFrom('DISTRIBUTE_IZO_MINUTES'),
    },
  );
  step(
    z,
    recordIzoEvaluation,
    {
      step: STEPS.RECORD_EVALUATION,
      check: () => z.requireWaiting('RECORD_EVALUATION'),
      checkInput: (u) => {
        if (z.parentsLeftOut() && u.outcome === 'VERWIJZING_ZAT') z.rejectWhileParentsLeftOut();
        requireAfterToday(u.nextEvaluationDate, 'De evaluatiedatum moet in de toekomst liggen', 'The evaluation date must be in the future');
      },
      apply: (u) => {
        const next = u.outcome === 'VOORTZETTEN' ? (u.nextEvaluationDate ?? addCalendarWeeks(todayIso(), policy.evaluationAfterWeeks)) : null;
        const e = { at: new Date().toISOString(), by: u.actor.name, outcome: u.outcome, summary: u.summary.trim(), nextEvaluationDate: next, note: clean(u.nazorg) ?? clean(u.zatQuestion) };
        state.evaluations.push(e);
        state.evaluationOpen = e;
        return { description: izoEvaluationDescription(u.outcome, next), reason: e.note };
      },
      movedOn: z.movedOnFrom('RECORD_EVALUATION'),
    },
  );
}

/** INFORMATIE_VERZAMELEN, GEPLAND_ZAT, BESPROKEN_ZAT, ZAT_OPVOLGING: the ZAT referral, meeting and plan van aanpak. */
function zatHandlers(z: Zorgroute): void {
  const { rec, state, ctx, policy } = z;

  // --- ZAT ---
  step(
    z,
    submitZatReferral,
    {
      step: STEPS.SUBMIT_ZAT_REFERRAL,
      check: () => z.requireWaiting('SUBMIT_ZAT_REFERRAL'),
      checkInput: (u) => {
        // Complete on the merged referral (prefilled from the IZO).
        const missing = missingZatReferralParts(state.zatReferral, u.form);
        if (missing.length) reject('BAD_USER_INPUT', `De ZAT-aanmelding is niet compleet: ${missing.join(', ')}`, `The ZAT referral is incomplete: ${missing.join(', ')}`);
      },
      apply: (u) => {
        state.zatReferral = mergeZatReferral(state.zatReferral, u.form);
        state.zatReferralSubmitted = true;
        return { description: 'ZAT-aanmelding compleet' };
      },
      movedOn: z.movedOnFrom('SUBMIT_ZAT_REFERRAL'),
    },
  );
  step(
    z,
    planZat,
    {
      step: STEPS.PLAN_ZAT,
      check: () => z.requireWaiting('PLAN_ZAT'),
      checkInput: (u) => {
        const problem = zatMeetingDateProblem(u.meetingDate, todayIso(), state.zatPlanFrom, policy, ctx.calendar);
        if (problem) reject('BAD_USER_INPUT', problem.nl, problem.en);
      },
      apply: (u) => {
        const flex = policy.flexZat;
        const invitees = zatInvitees(flex, u.invitees);
        state.zatMeeting = { meetingDate: u.meetingDate, flex, mode: u.mode ?? 'OP_SCHOOL', invitees, plannedAt: new Date().toISOString(), agendaSentAt: null };
        if (u.meetingTime != null || u.location != null) Object.assign(state.zatMeeting, { meetingTime: u.meetingTime ?? null, location: clean(u.location) });
        return { description: `${flex ? 'Flex-ZAT' : 'ZAT-bespreking'} gepland op ${u.meetingDate}${u.mode === 'TELEFONISCH' ? ' (telefonisch)' : ''}` };
      },
      movedOn: z.movedOnFrom('PLAN_ZAT'),
    },
  );
  step(
    z,
    confirmZatAgendaSent,
    {
      step: STEPS.SEND_ZAT_AGENDA,
      check: () => z.requireWaiting('SEND_ZAT_AGENDA'),
      apply: (u) => {
        (state.zatMeeting as ZatMeeting).agendaSentAt = new Date().toISOString();
        return { description: 'ZAT-agenda en informatie verstuurd aan de deelnemers', reason: clean(u.note) };
      },
      movedOn: z.movedOnFrom('SEND_ZAT_AGENDA'),
    },
  );
  step(
    z,
    recordZatDiscussion,
    {
      step: STEPS.RECORD_ZAT,
      check: () => z.requireWaiting('RECORD_ZAT'),
      checkInput: (u) => requireAfterToday(u.evaluationDate, 'De evaluatiedatum moet in de toekomst liggen', 'The evaluation date must be in the future'),
      apply: (u) => {
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
        return { description: `Besproken in het ${policy.flexZat ? 'Flex-ZAT' : 'ZAT'}: plan van aanpak met ${u.actions.length} actie(s); casusregisseur ${u.casusregisseur.trim()}` };
      },
      movedOn: z.movedOnFrom('RECORD_ZAT'),
    },
  );
  step(
    z,
    recordZatFeedback,
    {
      step: STEPS.RECORD_ZAT_FEEDBACK,
      check: () => z.requireWaiting('RECORD_ZAT_FEEDBACK'),
      checkInput: (u) => {
        if (!z.parentsLeftOut()) requireParentsReport(u);
      },
      apply: (u) => {
        state.zatFeedback = { date: u.date, parentsReport: clean(u.parentsReport), pupilReport: u.pupilReport.trim(), agreements: clean(u.agreements), recordedBy: u.actor.name };
        return { description: `Conclusies en afspraken van het ZAT besproken met ouders en leerling op ${u.date}` };
      },
      movedOn: z.movedOnFrom('RECORD_ZAT_FEEDBACK'),
    },
  );
  step(
    z,
    recordZatEvaluation,
    {
      step: STEPS.RECORD_ZAT_EVALUATION,
      check: () => z.requireWaiting('RECORD_ZAT_EVALUATION'),
      checkInput: (u) => requireAfterToday(u.nextEvaluationDate, 'De evaluatiedatum moet in de toekomst liggen', 'The evaluation date must be in the future'),
      apply: (u) => {
        const note = u.outcome === 'EXTERN_VERWEZEN' ? (u.externalTarget ?? null) : u.outcome === 'SWV_VOORZIENING_AANGEVRAAGD' ? (u.swvProvision ?? null) : null;
        const e = { at: new Date().toISOString(), by: u.actor.name, outcome: u.outcome, summary: u.summary.trim(), nextEvaluationDate: u.outcome === 'VOORTZETTEN' ? (u.nextEvaluationDate as string) : null, note };
        if (u.outcome === 'VOORTZETTEN' && u.actions?.length && state.zatDiscussion) state.zatDiscussion = { ...state.zatDiscussion, actions: u.actions };
        state.zatEvaluations.push(e);
        state.zatEvaluationOpen = e;
        return { description: `Evaluatie plan van aanpak: ${u.outcome}${note ? ` (${note})` : ''}` };
      },
      movedOn: z.movedOnFrom('RECORD_ZAT_EVALUATION'),
    },
  );
}

/** Any time while the case runs: the safety exception lifted, the zorgroute stopped. */
function caseHandlers(z: Zorgroute): void {
  const { state } = z;

  // --- the safety exception (rule 3) ends: the parents are informed from now on ---
  step(
    z,
    liftParentsException,
    {
      step: STEPS.LIFT_PARENTS_EXCEPTION,
      check: () => {
        z.requireNotClosed();
        if (!z.parentsLeftOut()) reject('STEP_NOT_ALLOWED', 'Er geldt geen goedgekeurde uitzondering om op te heffen', 'There is no approved exception to lift');
      },
      apply: (u) => {
        state.parentsExceptionLifted = { at: new Date().toISOString(), by: u.actor.name, reason: u.reason.trim() };
        return { description: 'Uitzondering opgeheven: de ouders worden vanaf nu geïnformeerd', reason: u.reason.trim() };
      },
    },
  );

  step(
    z,
    closeZorgroute,
    {
      step: STEPS.CLOSE_ZORGROUTE,
      check: () => z.requireNotClosed(),
      apply: (u) => {
        state.closeRequest = u;
        return { description: 'Zorgroute gestopt door de zorgcoördinator', reason: u.reason };
      },
    },
  );
}
