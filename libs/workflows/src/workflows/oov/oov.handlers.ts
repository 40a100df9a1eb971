/**
 * P5 — the human steps' updates. Each is registered from its definition in the step catalogue
 * (libs/processes/src/oov/steps.ts: fields, bounds, Dutch messages, audit action); only the process's own rules are
 * code here: is the step open now, at most 20 consultations, the dates of the intake and the return, an extension that
 * is a longer arrangement and not one too many.
 */
import { setHandler } from '@temporalio/workflow';
import { OOV_STEPS as STEPS } from '@zorgroute/processes';
import { stepHandler } from '../common/open-case';
import { reject } from '../common/step-errors';
import { clean, todayIso, type OovCase } from './oov.case';
import {
  getOovState,
  OOV_CONSULTATION_LABELS,
  OOV_CONSENT_KIND,
  recordOovConsultation,
  recordOovEvaluation,
  recordOovFollowUp,
  recordOovIntake,
  recordOovReturnPlan,
  recordOovSwvDecision,
  stopOov,
  submitOovRequest,
  type OovArrangement,
  type OovConsultationInput,
  type OovEvaluationInput,
  type OovEvaluationKind,
  type OovNextStep,
  type OovPeriod,
  type OovState,
} from './oov.messages';
import { consultationsComplete, intakeDatesProblem, isShorterArrangement, returnDateWindow } from './oov.rules';

export function installOovHandlers(o: OovCase): void {
  setHandler(getOovState, () => o.view());
  preparationHandlers(o);
  placementHandlers(o);
  returnHandlers(o);
}

/** VOORBEREIDING and AANVRAAG_SWV: the consultations (until consent is asked) and the request. */
function preparationHandlers(o: OovCase): void {
  const { rec, state } = o;
  const s = o.c.snapshot;
  const view = (): OovState => o.view();
  const sync = () => o.syncData();

  // The last required consultation ends the preparation: its update answers once the consent request is open.
  const endsPreparation = new WeakSet<OovConsultationInput>();
  const preparationMovedOn = o.movedOnFrom('OOV_RECORD_CONSULTATIONS');
  stepHandler<OovConsultationInput, OovState>(
    rec,
    recordOovConsultation,
    {
      step: STEPS.OOV_RECORD_CONSULTATIONS,
      check: () => {
        o.requireNotClosed();
        if (o.status() !== 'VOORBEREIDING' || o.c.consents.latest(OOV_CONSENT_KIND) !== null) {
          reject('STEP_NOT_ALLOWED', 'Overleg vastleggen kan alleen tijdens de voorbereiding, voordat de ouders om toestemming is gevraagd', 'Consultations can only be recorded during the preparation, before consent is asked');
        }
      },
      checkInput: () => {
        if (state.consultations.length >= 20) reject('BAD_USER_INPUT', 'Maximaal 20 overleggen', 'At most 20 consultations');
      },
      apply: (u) => {
        if (s.waitingFor === 'OOV_RECORD_CONSULTATIONS') endsPreparation.add(u);
        state.consultations.push({ party: u.party, date: u.date, withWhom: clean(u.withWhom), summary: u.summary.trim(), recordedBy: u.actor.name });
        state.consultations.sort((a, b) => a.date.localeCompare(b.date));
        return { description: `Overleg met ${OOV_CONSULTATION_LABELS[u.party]} op ${u.date} vastgelegd` };
      },
      movedOn: (u: OovConsultationInput) => !endsPreparation.has(u) || !consultationsComplete(state.consultations) || preparationMovedOn(),
      answer: view,
    },
    sync,
  );

  // --- AANVRAAG_SWV ---
  stepHandler(
    rec,
    submitOovRequest,
    {
      step: STEPS.OOV_SUBMIT_REQUEST,
      check: () => o.requireWaiting('OOV_SUBMIT_REQUEST'),
      apply: (u) => {
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
        return { description: `OOV-aanvraag ingediend bij het samenwerkingsverband: ${o.label(u.arrangement)}` };
      },
      movedOn: o.movedOnFrom('OOV_SUBMIT_REQUEST'),
      answer: view,
    },
    sync,
  );

}

/** BESLUIT_SWV, INTAKE and the evaluations of each placement period. */
function placementHandlers(o: OovCase): void {
  const { rec, state, policy } = o;
  const s = o.c.snapshot;
  const view = (): OovState => o.view();
  const sync = () => o.syncData();

  // --- BESLUIT_SWV (also for an extension) ---
  stepHandler(
    rec,
    recordOovSwvDecision,
    {
      step: STEPS.OOV_SWV_DECISION,
      check: () => o.requireWaiting('OOV_SWV_DECISION'),
      checkInput: (u) => {
        const current = o.period();
        if (u.decision === 'TOEGEKEND' && current && isShorterArrangement(u.arrangement as OovArrangement, current.arrangement, policy)) {
          reject('BAD_USER_INPUT', 'Een verlenging is een langer arrangement dan het huidige', 'An extension is a longer arrangement than the current one');
        }
      },
      apply: (u) => {
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
        return {
          description: granted ? `${what} toegekend door het samenwerkingsverband: ${o.label(u.arrangement)}, locatie ${clean(u.location) ?? ''}` : `${what} afgewezen door het samenwerkingsverband`,
          reason: u.motivation,
        };
      },
      movedOn: o.movedOnFrom('OOV_SWV_DECISION'),
      answer: view,
    },
    sync,
  );

  // --- INTAKE ---
  stepHandler(
    rec,
    recordOovIntake,
    {
      step: STEPS.OOV_INTAKE,
      check: () => o.requireWaiting('OOV_INTAKE'),
      checkInput: (u) => {
        const problem = intakeDatesProblem(u, state.decisions.at(-1)?.decidedOn ?? todayIso());
        if (problem) reject('BAD_USER_INPUT', problem.nl, problem.en);
        if (!u.leerlingbegeleiderPresent && !u.zorgcoordinatorPresent) {
          reject('BAD_USER_INPUT', 'De intake wordt gehouden door de leerlingbegeleider en/of de zorgcoördinator', 'The intake is held by the leerlingbegeleider and/or the zorgcoördinator');
        }
      },
      apply: (u) => {
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
        return { description: `Intake bij de OOV gehouden op ${u.date}; start op ${u.startDate}` };
      },
      movedOn: o.movedOnFrom('OOV_INTAKE'),
      answer: view,
    },
    sync,
  );

  // --- evaluations: two steps of one update, at half-time (only a report) and before the end (which decides how it
  // ends); the step open now says which one, and so which fields are checked. ---
  const midMovedOn = o.movedOnFrom('OOV_MID_EVALUATION');
  const endMovedOn = o.movedOnFrom('OOV_END_EVALUATION');
  const evaluationKind = new WeakMap<OovEvaluationInput, OovEvaluationKind>();
  const atHalfTime = () => s.waitingFor === 'OOV_MID_EVALUATION';
  stepHandler<OovEvaluationInput, OovState>(
    rec,
    recordOovEvaluation,
    {
      step: {
        get fields() {
          return (atHalfTime() ? STEPS.OOV_MID_EVALUATION : STEPS.OOV_END_EVALUATION).fields;
        },
        audit: STEPS.OOV_END_EVALUATION.audit,
      },
      check: (u) => {
        o.requireNotClosed();
        if (s.waitingFor !== 'OOV_MID_EVALUATION' && s.waitingFor !== 'OOV_END_EVALUATION') {
          reject('STEP_NOT_ALLOWED', `Er staat nu geen evaluatie open (status ${o.status()})`, `No evaluation is open now (status ${o.status()})`);
        }
        if (!atHalfTime() && u.nextStep === 'VERLENGD' && state.extensions >= policy.maxExtensions) {
          reject('STEP_NOT_ALLOWED', `Het arrangement is al ${state.extensions} keer verlengd (maximum ${policy.maxExtensions})`, `Already extended ${state.extensions} time(s) (maximum ${policy.maxExtensions})`);
        }
      },
      checkInput: (u) => {
        if (!atHalfTime() && u.nextStep === 'VERLENGD' && isShorterArrangement(u.extensionArrangement as OovArrangement, (o.period() as OovPeriod).arrangement, policy)) {
          reject('BAD_USER_INPUT', 'Verlengen kan alleen met een langer arrangement', 'An extension must be a longer arrangement');
        }
      },
      apply: (u) => {
        const p = o.period() as OovPeriod;
        const kind: OovEvaluationKind = atHalfTime() ? 'HALVERWEGE' : 'EIND';
        evaluationKind.set(u, kind);
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
          VERLENGD: `verlenging aangevraagd: ${o.label(u.extensionArrangement)}`,
          VERVOLG_VSO: 'vervolg in het voortgezet speciaal onderwijs (TLV-route)',
        };
        return {
          description: kind === 'HALVERWEGE' ? 'Evaluatie halverwege het arrangement vastgelegd' : `Evaluatie voor het einde vastgelegd: ${decided[nextStep as OovNextStep]}`,
          reason: nextStep === 'VERLENGD' ? u.extensionMotivation : null,
        };
      },
      movedOn: (u: OovEvaluationInput) => (evaluationKind.get(u) === 'HALVERWEGE' ? midMovedOn() : endMovedOn()),
      answer: view,
    },
    sync,
  );

}

/** TERUGKEER (the return plan, the follow-up) and stopping the case. */
function returnHandlers(o: OovCase): void {
  const { rec, state } = o;
  const view = (): OovState => o.view();
  const sync = () => o.syncData();

  // --- TERUGKEER ---
  stepHandler(
    rec,
    recordOovReturnPlan,
    {
      step: STEPS.OOV_RETURN_PLAN,
      check: () => o.requireWaiting('OOV_RETURN_PLAN'),
      checkInput: (u) => {
        const window = returnDateWindow(o.period() as OovPeriod, todayIso(), o.ctx.calendar);
        if (u.returnDate < window.from || u.returnDate > window.to) {
          reject('BAD_USER_INPUT', `De terugkeer valt tussen ${window.from} en ${window.to}`, `The return falls between ${window.from} and ${window.to}`);
        }
      },
      apply: (u) => {
        state.returnPlan = {
          returnDate: u.returnDate,
          plan: u.plan.trim(),
          handoverDate: u.handoverDate,
          handoverSummary: u.handoverSummary.trim(),
          mentorInformed: u.mentorInformed,
          recordedBy: u.actor.name,
        };
        return { description: `Terugkeerplan vastgelegd; terug op school op ${u.returnDate}` };
      },
      movedOn: o.movedOnFrom('OOV_RETURN_PLAN'),
      answer: view,
    },
    sync,
  );

  stepHandler(
    rec,
    recordOovFollowUp,
    {
      step: STEPS.OOV_FOLLOW_UP,
      check: () => o.requireWaiting('OOV_FOLLOW_UP'),
      checkInput: (u) => {
        if (state.returnPlan && u.date < state.returnPlan.returnDate) reject('BAD_USER_INPUT', 'De evaluatie valt na de terugkeer', 'The evaluation is after the return');
      },
      apply: (u) => {
        state.followUp = { date: u.date, summary: u.summary.trim(), returnSucceeded: u.returnSucceeded, recordedBy: u.actor.name };
        return { description: u.returnSucceeded ? 'Evaluatie na de terugkeer: de terugkeer is geslaagd' : 'Evaluatie na de terugkeer: de terugkeer verloopt moeizaam' };
      },
      movedOn: o.movedOnFrom('OOV_FOLLOW_UP'),
      answer: view,
    },
    sync,
  );

  // Stopping answers at once: the main flow closes the case.
  stepHandler(
    rec,
    stopOov,
    {
      step: STEPS.STOP_OOV,
      check: () => o.requireNotClosed(),
      apply: (u) => {
        state.stopReason = u.reason.trim();
        return { description: 'OOV-casus gestopt', reason: u.reason };
      },
      answer: view,
    },
    sync,
  );
}
