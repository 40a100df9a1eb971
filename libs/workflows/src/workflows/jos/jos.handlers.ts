/**
 * P3 — the human steps' updates. Each is registered from its definition in the step catalogue
 * (libs/processes/src/jos/steps.ts: fields, bounds, Dutch messages, audit action); only the process's own rules are
 * code here: is the step open now, a single school-related problem, the startgesprek on a school day and not before the
 * decision, goals agreed with the pupil, one contact per day from the start of ACTIEF, an evaluation from halfway its
 * period, one outcome.
 */
import { setHandler } from '@temporalio/workflow';
import { isSchoolDay } from '@zorgroute/domain/logic';
import { JOS_STEPS as STEPS } from '@zorgroute/processes';
import { stepHandler } from '../common/open-case';
import { reject } from '../common/step-errors';
import { todayIso, type JosCase } from './jos.case';
import {
  getJosState,
  logJosContact,
  planJosStartgesprek,
  recordJosEvaluation,
  recordJosOutcome,
  recordJosStartgesprek,
  setJosGoals,
  stopJos,
  submitJosForm,
  type JosContactInput,
  type JosEvaluationInput,
  type JosFormInput,
  type JosGoalsInput,
  type JosOutcomeInput,
  type JosPlannedStartgesprek,
  type JosPlanStartgesprekInput,
  type JosStartgesprekInput,
  type JosState,
  type StopJosInput,
} from './jos.messages';
import { josReferralLabel } from './jos.rules';

export function installJosHandlers(j: JosCase): void {
  setHandler(getJosState, () => j.view());
  registrationHandlers(j);
  supportHandlers(j);
}

/** AANMELDFORMULIER and STARTGESPREK: the mentor's form, planning and recording the startgesprek. */
function registrationHandlers(j: JosCase): void {
  const { rec, state, input, ctx } = j;
  const view = (): JosState => j.view();
  const sync = () => j.syncData();

  stepHandler<JosFormInput, JosState>(
    rec,
    submitJosForm,
    {
      step: STEPS.SUBMIT_FORM,
      check: () => j.requireOpen('SUBMIT_FORM'),
      checkInput: (u) => {
        if (u.singleSchoolRelatedProblem !== true) {
          reject(
            'BAD_USER_INPUT',
            'JOS is bedoeld voor enkelvoudige problematiek met een schools karakter; bespreek de leerling opnieuw in het schoolondersteuningsteam',
            'JOS is meant for a single, school-related problem; discuss the pupil again in the school support team',
          );
        }
      },
      apply: (u) => {
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
        return { description: 'JOS-aanmeldformulier ingevuld door de mentor' };
      },
      movedOn: j.movedOnFrom('SUBMIT_FORM'),
      answer: view,
    },
    sync,
  );

  stepHandler<JosPlanStartgesprekInput, JosState>(
    rec,
    planJosStartgesprek,
    {
      step: STEPS.PLAN_STARTGESPREK,
      check: () => j.requireOpen('RECORD_STARTGESPREK'),
      checkInput: (u) => {
        if (!isSchoolDay(u.date, ctx.calendar)) reject('BAD_USER_INPUT', 'Het startgesprek moet op een schooldag zijn', 'The startgesprek must be on a school day');
      },
      apply: (u) => {
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
        return { description: `Startgesprek gepland op ${u.date}${planned.time ? ` om ${planned.time}` : ''}; ouders, mentor en leerling uitgenodigd` };
      },
      answer: view,
    },
    sync,
  );

  stepHandler<JosStartgesprekInput, JosState>(
    rec,
    recordJosStartgesprek,
    {
      step: STEPS.RECORD_STARTGESPREK,
      check: () => j.requireOpen('RECORD_STARTGESPREK'),
      checkInput: (u) => {
        if (u.date < input.decisionDate) reject('BAD_USER_INPUT', 'Het startgesprek valt vóór het besluit om JOS in te zetten', 'The startgesprek is before the decision to deploy JOS');
      },
      apply: (u) => {
        state.startgesprek = {
          date: u.date,
          parentsPresent: u.parentsPresent,
          mentorPresent: u.mentorPresent,
          pupilPresent: u.pupilPresent,
          summary: u.summary.trim(),
          recordedBy: u.actor,
        };
        rec.meetingsHeld('JOS_STARTGESPREK');
        return { description: `Startgesprek gehouden op ${u.date}` };
      },
      movedOn: j.movedOnFrom('RECORD_STARTGESPREK'),
      answer: view,
    },
    sync,
  );
}

/** DOELEN, ACTIEF and AFRONDING: the goals, the weekly contacts, the evaluations, the outcome; a stop at any time. */
function supportHandlers(j: JosCase): void {
  const { rec, state } = j;
  const s = j.c.snapshot;
  const view = (): JosState => j.view();
  const sync = () => j.syncData();

  stepHandler<JosGoalsInput, JosState>(
    rec,
    setJosGoals,
    {
      step: STEPS.SET_GOALS,
      check: () => j.requireOpen('SET_GOALS'),
      checkInput: (u) => {
        if (u.agreedWithPupil !== true) {
          reject('BAD_USER_INPUT', 'De doelen worden samen met de leerling opgesteld: de leerling moet ermee instemmen', 'The goals are set with the pupil: the pupil must agree');
        }
      },
      apply: (u) => {
        state.goals = {
          pupilGoal: u.pupilGoal.trim(),
          goals: (u.goals ?? []).map((g) => g.trim()).filter(Boolean),
          agreedWithPupil: u.agreedWithPupil,
          agreedWithMentor: u.agreedWithMentor,
          agreedWithParents: u.agreedWithParents,
          weeklySlot: u.weeklySlot?.trim() || null,
          setOn: todayIso(),
        };
        return { description: 'Doelen opgesteld; het eigen doel van de leerling is vastgelegd' };
      },
      // The goals may be followed by ACTIEF without an open step (an evaluation opens later).
      movedOn: j.movedOnFrom('SET_GOALS', ['ACTIEF']),
      answer: view,
    },
    sync,
  );

  stepHandler<JosContactInput, JosState>(
    rec,
    logJosContact,
    {
      step: STEPS.LOG_CONTACT,
      check: () => j.requireOpen('LOG_CONTACT'),
      checkInput: (u) => {
        if (state.activeFrom && u.date < state.activeFrom) reject('BAD_USER_INPUT', 'Het contact valt vóór de start van JOS', 'The contact is before JOS started');
        // At most one entry per day keeps the history of a 5-month case bounded.
        if (state.contacts.some((c) => c.date === u.date)) reject('BAD_USER_INPUT', `Voor ${u.date} is al een contact vastgelegd`, `A contact for ${u.date} is already logged`);
      },
      apply: (u) => {
        state.contacts.push({ date: u.date, attended: u.attended, thermometer: u.thermometer ?? null, note: u.note?.trim() || null });
        state.contacts.sort((a, b) => a.date.localeCompare(b.date));
        return { description: u.attended ? `Wekelijks contact ${u.date} vastgelegd` : `Contact ${u.date}: leerling afwezig` };
      },
      answer: view,
    },
    sync,
  );

  stepHandler<JosEvaluationInput, JosState>(
    rec,
    recordJosEvaluation,
    {
      step: STEPS.RECORD_EVALUATION,
      check: () => {
        j.requireNotClosed();
        if (j.status() === 'ACTIEF' && s.waitingFor === 'RECORD_EVALUATION' && !j.evaluationOpen()) {
          reject('STEP_NOT_ALLOWED', `Voortgangsevaluatie ${state.evaluationNumber} kan vanaf ${state.evaluationOpensOn}`, `Progress evaluation ${state.evaluationNumber} can be recorded from ${state.evaluationOpensOn}`);
        }
        j.requireOpen('RECORD_EVALUATION');
      },
      apply: (u) => {
        state.evaluations.push({ number: state.evaluationNumber, date: todayIso(), summary: u.summary.trim(), thermometer: u.thermometer ?? null, recordedBy: u.actor.id });
        return { description: `Voortgangsevaluatie ${state.evaluationNumber} vastgelegd` };
      },
      answer: view,
    },
    sync,
  );

  stepHandler<JosOutcomeInput, JosState>(
    rec,
    recordJosOutcome,
    {
      step: STEPS.RECORD_OUTCOME,
      check: () => {
        j.requireOpen('RECORD_OUTCOME');
        if (state.outcome !== null) reject('STEP_NOT_ALLOWED', 'De uitkomst is al vastgelegd', 'The outcome is already recorded');
      },
      apply: (u) => {
        const early = j.status() !== 'AFRONDING';
        state.outcome = u.outcome;
        state.referralTo = u.outcome === 'DOORVERWEZEN' ? (u.referralTo ?? null) : null;
        state.outcomeSummary = u.summary.trim();
        const what = u.outcome === 'AFGEROND' ? 'afgerond' : `doorverwezen naar ${josReferralLabel(state.referralTo)}`;
        return { description: early ? `Besluit vóór de eindgrens: JOS ${what}` : `Uitkomst: JOS ${what}`, reason: u.summary };
      },
      answer: view,
    },
    sync,
  );

  stepHandler<StopJosInput, JosState>(
    rec,
    stopJos,
    {
      step: STEPS.STOP_JOS,
      check: () => {
        j.requireNotClosed();
        if (state.stopReason !== null) reject('STEP_NOT_ALLOWED', 'Deze casus wordt al gestopt', 'This case is already being stopped');
      },
      apply: (u) => {
        state.stopReason = u.reason.trim();
        return { description: 'JOS voortijdig gestopt', reason: u.reason };
      },
      answer: view,
    },
    sync,
  );
}
