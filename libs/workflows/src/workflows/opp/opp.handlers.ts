/**
 * P7 — the human steps' updates. Each is registered from its definition in the step catalogue
 * (libs/processes/src/opp/steps.ts: fields, bounds, Dutch messages, audit action); only the process's own rules are code
 * here: is the step open now, the reason of a new version, the hoorrecht's "explained back", the evaluation with the
 * parents, a date before the case's start.
 */
import { setHandler } from '@temporalio/workflow';
import { OPP_STEPS as STEPS } from '@zorgroute/processes';
import { stepHandler } from '../common/open-case';
import { reject } from '../common/step-errors';
import { CLOSED, todayIso, type OppCase } from './opp.case';
import {
  adjustOpp,
  decideOppAfterRefusal,
  drawUpOpp,
  getOppState,
  recordOppEvaluation,
  recordOppPupilView,
  registerOppInBron,
  stopOpp,
  type DrawUpOppInput,
  type HearPupilInput,
  type OppState,
} from './opp.messages';

const EVALUATION_OUTCOME_TEXT = { CONTINUE: 'het plan loopt door', ADJUST: 'het plan wordt bijgesteld', END: 'het OPP stopt' } as const;

export function installOppHandlers(o: OppCase): void {
  const { rec } = o;
  const state = o.state;
  const view = (): OppState => o.view();
  const sync = () => o.syncData();
  const notBeforeStart = (date: string | null | undefined, what: string) => {
    const startedOn = rec.snapshot.startedAt.slice(0, 10);
    if (date && date < o.supportStartedOn && date < startedOn) reject('BAD_USER_INPUT', `${what} ligt vóór de start van het OPP`, `${what} is before the OPP started`);
  };
  const versionText = (u: DrawUpOppInput, n: number) => `OPP versie ${n} opgesteld (handelingsdeel: ${u.handelingsdeel.length} onderde${u.handelingsdeel.length === 1 ? 'el' : 'len'})`;

  setHandler(getOppState, view);

  stepHandler<DrawUpOppInput, OppState>(
    rec,
    drawUpOpp,
    {
      step: STEPS.OPP_DRAW_UP,
      check: () => o.requireOpen('OPP_DRAW_UP'),
      checkInput: (u) => {
        // A version after the first says what changed (after a refusal, or an evaluation that asked for it).
        if (state.versions.length > 0 && !u.changeReason) reject('BAD_USER_INPUT', 'Vul in: wat is er veranderd en waarom', 'changeReason is required for a new version');
      },
      apply: (u) => {
        const v = o.addVersion(u);
        return { description: versionText(u, v.version), reason: v.changeReason };
      },
      // Answers once the pupil's view is asked for, so it can be recorded at once.
      movedOn: () => o.status() !== 'OPSTELLEN',
      answer: view,
    },
    sync,
  );

  stepHandler<DrawUpOppInput, OppState>(
    rec,
    adjustOpp,
    {
      step: STEPS.OPP_ADJUST,
      check: () => o.requireAvailable('OPP_ADJUST'),
      apply: (u) => {
        const v = o.addVersion(u);
        return { description: `${versionText(u, v.version)}; versie ${state.current ?? '-'} blijft gelden tot de ouders instemmen`, reason: v.changeReason };
      },
      movedOn: () => o.status() !== 'UITVOERING',
      answer: view,
    },
    sync,
  );

  stepHandler<HearPupilInput, OppState>(
    rec,
    recordOppPupilView,
    {
      step: STEPS.OPP_HEAR_PUPIL,
      check: () => o.requireOpen('OPP_HEAR_PUPIL'),
      checkInput: (u) => {
        // Hoorrecht: the view counts only when the pupil was told how it was weighed.
        if (u.mode === 'HEARD' && u.explainedBack !== true) {
          reject('BAD_USER_INPUT', 'Koppel eerst aan de leerling terug hoe zijn mening is meegewogen; zonder dat wordt het OPP niet definitief', 'Explain back to the pupil how his view was weighed first');
        }
        notBeforeStart(u.heardOn, 'Het gesprek met de leerling');
      },
      apply: (u) => {
        const about = state.hearingFor as NonNullable<typeof state.hearingFor>;
        state.hearings.push({
          about: about.about,
          number: about.number,
          mode: u.mode,
          heardOn: u.mode === 'HEARD' ? (u.heardOn ?? null) : null,
          pupilView: u.mode === 'HEARD' ? (u.pupilView ?? null) : null,
          weighing: u.mode === 'HEARD' ? (u.weighing ?? null) : null,
          explainedBack: u.mode === 'HEARD' && u.explainedBack === true,
          waiverReason: u.mode === 'WAIVED' ? (u.waiverReason ?? null) : null,
          recordedOn: todayIso(),
          recordedBy: u.actor.name,
        });
        const what = about.about === 'VERSION' ? `versie ${about.number} van het OPP` : `evaluatie ${about.number}`;
        return u.mode === 'HEARD'
          ? { description: `Mening van de leerling over ${what} vastgelegd, meegewogen en teruggekoppeld` }
          : { action: 'OPP_PUPIL_HEARING_WAIVED', description: `Leerling niet gehoord over ${what}`, reason: u.waiverReason };
      },
      movedOn: () => o.status() !== 'LEERLING_HOREN',
      answer: view,
    },
    sync,
  );

  stepHandler(
    rec,
    decideOppAfterRefusal,
    {
      step: STEPS.OPP_REFUSAL_FOLLOW_UP,
      check: () => o.requireOpen('OPP_REFUSAL_FOLLOW_UP'),
      apply: (u) => {
        state.refusalFollowUp = u;
        const refusal = state.refusals.at(-1);
        if (refusal) refusal.followUp = { decision: u.decision, reason: u.reason, on: todayIso(), by: u.actor.name };
        return { description: u.decision === 'NEW_VERSION' ? 'Na de weigering: een nieuwe versie wordt opgesteld' : 'Na de weigering: OPP afgesloten, de leerling krijgt basisondersteuning', reason: u.reason };
      },
      movedOn: () => o.status() !== 'GEWEIGERD',
      answer: view,
    },
    sync,
  );

  stepHandler(
    rec,
    recordOppEvaluation,
    {
      step: STEPS.OPP_EVALUATE,
      check: () => o.requireAvailable('OPP_EVALUATE'),
      checkInput: (u) => {
        // Evaluated *with the parents* (issue 16).
        if (u.parentsPresent !== true) reject('BAD_USER_INPUT', 'Het OPP wordt met de ouders geëvalueerd: plan het gesprek met hen', 'The OPP is evaluated with the parents');
        const agreed = o.version(state.current)?.agreedOn;
        if (agreed && u.heldOn < agreed) reject('BAD_USER_INPUT', 'De evaluatie ligt vóór de instemming met het plan', 'The evaluation is before the plan was agreed to');
      },
      apply: (u) => {
        const number = state.evaluations.length + 1;
        state.evaluations.push({ number, heldOn: u.heldOn, parentsPresent: u.parentsPresent, summary: u.summary, outcome: u.outcome, recordedBy: u.actor.name, concludedOn: null });
        state.pendingEvaluation = number;
        return { description: `Evaluatie ${number} met de ouders gehouden op ${u.heldOn}: ${EVALUATION_OUTCOME_TEXT[u.outcome]}` };
      },
      movedOn: () => o.status() === 'LEERLING_HOREN',
      answer: view,
    },
    sync,
  );

  stepHandler(
    rec,
    registerOppInBron,
    {
      step: STEPS.OPP_REGISTER_BRON,
      check: () => o.requireOpen('OPP_REGISTER_BRON'),
      checkInput: (u) => {
        const agreed = o.state.versions.find((v) => v.agreedOn !== null)?.agreedOn;
        if (agreed && u.registeredOn < agreed) reject('BAD_USER_INPUT', 'De registratie ligt vóór de instemming van de ouders', 'The registration is before the parents agreed');
      },
      apply: (u) => {
        state.bron = { registeredOn: u.registeredOn, reference: u.reference ?? null, recordedBy: u.actor.name };
        return { description: `OPP geregistreerd in BRON op ${u.registeredOn}` };
      },
      answer: view,
    },
    sync,
  );

  stepHandler(
    rec,
    stopOpp,
    {
      step: STEPS.STOP_OPP,
      check: () => {
        if (CLOSED.includes(o.status())) reject('CASE_CLOSED', 'Dit OPP is al afgesloten', 'This OPP is already closed');
        if (state.stopped) reject('STEP_NOT_ALLOWED', 'Dit OPP wordt al gestopt', 'This OPP is already being stopped');
      },
      apply: (u) => {
        state.stopped = u;
        return { description: 'OPP gestopt', reason: u.reason };
      },
      movedOn: () => CLOSED.includes(o.status()),
      answer: view,
    },
    sync,
  );
}
