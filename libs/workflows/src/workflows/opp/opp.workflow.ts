/**
 * P7 — OPP, the ontwikkelingsperspectiefplan (PROCESSES.md "Beyond the seeds' six processes"; issue 16; seed 003:477-483,
 * 781-783, 1585-1601).
 *
 * OPSTELLEN (a version, within the policy's weeks after the extra support starts) → LEERLING_HOREN (hoorrecht: the
 * pupil's view, how it was weighed and explained back, or waived with a reason — nothing is final without it) →
 * INSTEMMING (the parents agree to the handelingsdeel of that exact version: a consent request carrying the version's
 * SHA-256) → UITVOERING (the plan in force; BRON registration next to it; shared with the SWV where its policy asks) →
 * EVALUATIE with the parents at least yearly, counted from the day the previous evaluation concluded → LEERLING_HOREN
 * on the evaluation → the plan continues, is adjusted (a new version, heard and agreed again) or ends (BEEINDIGD).
 * Adjusting is possible any time the plan is in force; the version in force stays until the parents agree to the new
 * one. A refusal is an outcome: of an adjustment, the version in force stays; of a first version, the zorgcoördinator
 * decides (GEWEIGERD): a new version, or closing (INSTEMMING_GEWEIGERD: basisondersteuning, and the route to the
 * geschillencommissie). STOP_OPP any time (GESTOPT).
 *
 * The steps are in opp.handlers.ts (defined in the step catalogue), the state in opp.case.ts, the BRON step in
 * opp.parallel.ts.
 */
import { condition } from '@temporalio/workflow';
import { addCalendarWeeks, oppDrawUpDue, oppEvaluationDue, zonedInstant, type DueDate } from '@zorgroute/domain/logic';
import { OPP_STEPS as STEPS } from '@zorgroute/processes';
import { db } from '../common/case-activities.proxy';
import { consentAnswersAfterMove, requireConsent } from '../common/consent';
import { awaitHumanStep } from '../common/human-step';
import { SYSTEM } from '../common/case-recorder';
import { reject } from '../common/step-errors';
import { CLOSED, OppCase, todayIso } from './opp.case';
import { installOppHandlers } from './opp.handlers';
import { OPP_CONSENT_KIND, OPP_SOURCES, geschillencommissieRoute, type OppState, type OppStatus, type StartOppInput } from './opp.messages';
import { bronRegistration } from './opp.parallel';

export * from './opp.messages';

export async function oppWorkflow(input: StartOppInput): Promise<OppState> {
  if (!OPP_SOURCES.includes(input.source)) reject('BAD_USER_INPUT', 'Onbekende herkomst van het OPP', 'Unknown source of the OPP');
  if (input.source !== 'DIRECT' && !input.sourceCaseId) reject('BAD_USER_INPUT', 'Geef de casus waar het OPP uit voortkomt', 'Give the case the OPP comes from');
  const ctx = await db.loadCaseContext({ schoolId: input.schoolId });
  const o = new OppCase(input, ctx);
  const { rec, state, policy } = o;
  installOppHandlers(o);
  const stopped = () => o.stopped();
  // Consent answers (the parents' instemming) answer once the process has moved on.
  o.c.consents.answerAfter(consentAnswersAfterMove(rec, { ended: () => stopped() || CLOSED.includes(o.status()), parked: ['UITVOERING'] }));

  // OPSTELLEN: the first version within the policy's weeks after the extra support starts.
  let drawUpDue: DueDate = oppDrawUpDue(o.supportStartedOn, policy.drawUpWithinWeeks);
  o.syncData();
  await rec.record({ actorId: input.startedBy.id, actorName: input.startedBy.name, action: 'CASE_STARTED', description: 'Ontwikkelingsperspectiefplan (OPP) gestart' });
  rec.notifyLater({
    key: `${rec.caseId}:started:parents`,
    recipients: { parentsOfPupil: input.pupilId },
    kind: 'CASE_STARTED',
    stepLabel: STEPS.OPP_DRAW_UP.label,
    dueDate: drawUpDue.date,
    ownerUserId: ctx.zorgcoordinatorId ?? input.startedBy.id,
  });

  let bron: Promise<void> | null = null;
  let outcome: OppStatus | null = null;
  while (!stopped() && outcome === null) {
    // OPSTELLEN: a version (unless one was drawn up as an adjustment while the plan was in force).
    if (state.concept === null) {
      if (o.status() !== 'OPSTELLEN') await o.transition('OPSTELLEN', state.versions.length === 0 ? 'OPP wordt opgesteld' : 'Een nieuwe versie van het OPP wordt opgesteld');
      await awaitHumanStep(rec, { step: 'OPP_DRAW_UP', label: STEPS.OPP_DRAW_UP.label, ownerUserId: ctx.zorgcoordinatorId ?? input.startedBy.id, due: drawUpDue }, () => state.concept !== null, stopped);
      if (stopped()) break;
    }
    const version = o.version(state.concept) as NonNullable<ReturnType<typeof o.version>>;

    // LEERLING_HOREN: the pupil's view on this version (or the reason it was not asked).
    if (!(await hearPupil(o, { about: 'VERSION', number: version.version }))) break;

    // INSTEMMING: the parents agree to the handelingsdeel of exactly this version.
    await o.transition('INSTEMMING', `Versie ${version.version} ligt ter instemming bij de ouders`);
    const result = await requireConsent(rec, {
      kind: OPP_CONSENT_KIND,
      label: `Instemming met het handelingsdeel van het OPP (versie ${version.version})`,
      scope:
        `Instemming met het handelingsdeel van het ontwikkelingsperspectiefplan, versie ${version.version} van ${version.drawnUpOn} ` +
        `(SHA-256 ${version.digest}): de ondersteuning, wie die geeft en hoe lang, en de afwijkingen van het onderwijsprogramma.`,
      parentsOfPupil: true,
      subjectDigest: version.digest,
      followUpUserId: ctx.zorgcoordinatorId,
      requestedBy: { id: ctx.zorgcoordinatorId, name: null },
      decisionLabel: 'Geen antwoord van de ouders op het OPP: opnieuw vragen of stoppen',
      isCancelled: stopped,
    });
    if (result.outcome === 'CANCELLED' || stopped()) break;
    version.consentRequestId = result.request.requestId;
    const today = todayIso();
    if (result.outcome === 'GIVEN') {
      const first = state.current === null;
      const replaced = o.version(state.current);
      if (replaced) replaced.status = 'VERVANGEN';
      version.status = 'VASTGESTELD';
      version.agreedOn = today;
      state.current = version.version;
      state.concept = null;
      if (first) state.nextEvaluation = oppEvaluationDue(today, policy.evaluateEveryMonths, 'AGREED');
      await o.recordStep(SYSTEM, 'OPP_AGREED', `De ouders stemmen in met het handelingsdeel van versie ${version.version}; deze versie geldt nu`);
      if (first) bron = bronRegistration(o);
      // Shared with the SWV only where its policy asks for it, and only its share (the case-data audience map).
      if (policy.shareWithSwv) {
        state.sharedWithSwv = true;
        state.sharedVersions.push(version.version);
        await o.recordStep(SYSTEM, 'OPP_SHARED_WITH_SWV', `Versie ${version.version} gedeeld met het samenwerkingsverband (uitstroomperspectief en handelingsdeel)`);
      }
    } else {
      // REFUSED, or TIMED_OUT when the zorgcoördinator stopped asking: an outcome, not an error.
      const outcomeKind = result.outcome === 'REFUSED' ? 'REFUSED' : 'TIMED_OUT';
      version.status = 'NIET_INGESTEMD';
      version.notAgreed = outcomeKind;
      version.notAgreedOn = today;
      state.concept = null;
      state.refusals.push({ version: version.version, on: today, outcome: outcomeKind, route: geschillencommissieRoute(policy.geschillencommissieWeeks), followUp: null });
      const inForce = state.current;
      await o.recordStep(
        SYSTEM,
        'OPP_NOT_AGREED',
        `${outcomeKind === 'REFUSED' ? 'De ouders stemmen niet in' : 'Geen instemming van de ouders'} met versie ${version.version}` + (inForce !== null ? `; versie ${inForce} blijft gelden` : ''),
      );
      if (inForce === null) {
        // GEWEIGERD: the zorgcoördinator decides: a new version after new overleg, or closing the OPP.
        state.refusalFollowUp = null;
        await o.transition('GEWEIGERD', 'De ouders stemmen niet in met het OPP; de zorgcoördinator besluit hoe verder');
        const followDue = o.due(today, policy.refusalFollowUpWithinSchoolDays, 'P7.refusalFollowUpWithinSchoolDays');
        await awaitHumanStep(rec, { step: 'OPP_REFUSAL_FOLLOW_UP', label: STEPS.OPP_REFUSAL_FOLLOW_UP.label, ownerUserId: ctx.zorgcoordinatorId ?? input.startedBy.id, due: followDue }, () => state.refusalFollowUp !== null, stopped);
        if (stopped()) break;
        // (set by the follow-up's update handler while the step was open)
        if ((state.refusalFollowUp as { decision: string } | null)?.decision === 'CLOSE') {
          outcome = 'INSTEMMING_GEWEIGERD';
          break;
        }
        drawUpDue = o.due(todayIso(), policy.adjustWithinSchoolDays, 'P7.adjustWithinSchoolDays');
        continue;
      }
    }

    // UITVOERING: the plan in force until its evaluation opens, an adjustment or an early evaluation.
    outcome = await inForce(o);
    if (outcome === null && state.concept === null && !stopped()) {
      // The evaluation asked for an adjustment: a new version within the policy's term.
      drawUpDue = o.due(todayIso(), policy.adjustWithinSchoolDays, 'P7.adjustWithinSchoolDays');
    }
  }
  if (bron) await bron;
  if (o.c.admin.closed) return o.c.admin.end(() => o.view());
  return close(o, o.state.stopped ? 'GESTOPT' : (outcome ?? 'GESTOPT'));
}

/**
 * LEERLING_HOREN: the pupil's view on a version or an evaluation (hoorrecht). The process waits here, with the ladder,
 * until it is recorded: nothing becomes final without it. False when the case was stopped meanwhile.
 */
async function hearPupil(o: OppCase, about: { about: 'VERSION' | 'EVALUATION'; number: number }): Promise<boolean> {
  const { rec, ctx, policy, state, input } = o;
  state.hearingFor = about;
  await o.transition('LEERLING_HOREN', about.about === 'VERSION' ? `De mening van de leerling over versie ${about.number} wordt gevraagd` : `De mening van de leerling over evaluatie ${about.number} wordt gevraagd`);
  const due = o.due(todayIso(), policy.hearPupilWithinSchoolDays, 'P7.hearPupilWithinSchoolDays');
  await awaitHumanStep(rec, { step: 'OPP_HEAR_PUPIL', label: STEPS.OPP_HEAR_PUPIL.label, ownerUserId: ctx.zorgcoordinatorId ?? input.startedBy.id, due }, () => o.heard(about.about, about.number), () => o.stopped());
  state.hearingFor = null;
  return !o.stopped();
}

/**
 * UITVOERING and EVALUATIE: waits (a durable timer) until the evaluation opens — the policy's weeks before it is due,
 * due the policy's months after the previous one concluded — unless the plan is adjusted or evaluated earlier. An
 * evaluation is concluded when the pupil's view on it is recorded; the next one counts from that day. Returns the final
 * status when the plan ends, null when a new version is to be drawn up or heard.
 */
async function inForce(o: OppCase): Promise<OppStatus | null> {
  const { rec, ctx, policy, state, input } = o;
  for (;;) {
    const next = state.nextEvaluation as DueDate;
    rec.upsertDueDate('OPP_NEXT_EVALUATION', next);
    await o.transition('UITVOERING', `Versie ${state.current} geldt; volgende evaluatie uiterlijk ${next.date}`);
    const opensAt = Date.parse(zonedInstant(addCalendarWeeks(next.date, -policy.evaluationOpensWeeksBefore), ctx.policies.ladder.sendAtHour, ctx.policies.ladder.sendAtMinute));
    await condition(() => o.stopped() || state.concept !== null || state.pendingEvaluation !== null, Math.max(opensAt - Date.now(), 1));
    if (o.stopped()) return null;
    if (state.concept !== null) return null; // adjusted: the new version is heard and put to the parents

    // EVALUATIE with the parents (opened by the timer, or recorded early).
    if (state.pendingEvaluation === null) {
      await o.transition('EVALUATIE', `Evaluatie van het OPP met de ouders (uiterlijk ${next.date})`);
      await awaitHumanStep(rec, { step: 'OPP_EVALUATE', label: STEPS.OPP_EVALUATE.label, ownerUserId: ctx.zorgcoordinatorId ?? input.startedBy.id, due: next }, () => state.pendingEvaluation !== null, () => o.stopped());
      if (o.stopped()) return null;
    }
    const evaluation = state.evaluations.find((e) => e.number === state.pendingEvaluation) as (typeof state.evaluations)[number];
    if (!(await hearPupil(o, { about: 'EVALUATION', number: evaluation.number }))) return null;

    // Concluded: the next evaluation counts from today.
    const concludedOn = todayIso();
    evaluation.concludedOn = concludedOn;
    state.pendingEvaluation = null;
    state.nextEvaluation = oppEvaluationDue(concludedOn, policy.evaluateEveryMonths, 'CONCLUDED');
    rec.removeDueDate('OPP_NEXT_EVALUATION');
    await o.recordStep(SYSTEM, 'OPP_EVALUATION_CONCLUDED', `Evaluatie ${evaluation.number} afgerond op ${concludedOn}; de volgende uiterlijk ${state.nextEvaluation.date}`);
    if (evaluation.outcome === 'END') return 'BEEINDIGD';
    if (evaluation.outcome === 'ADJUST') return null;
  }
}

/** The end: the final status recorded, the parents told that the OPP was closed. */
async function close(o: OppCase, final: OppStatus): Promise<OppState> {
  const { rec, input } = o;
  rec.removeDueDate('OPP_NEXT_EVALUATION');
  rec.notifyLater({
    key: `${rec.caseId}:ended:parents`,
    recipients: { parentsOfPupil: input.pupilId },
    kind: 'CASE_CLOSED',
    process: 'OPP',
    stepLabel: final === 'BEEINDIGD' ? 'OPP beëindigd na evaluatie' : final === 'INSTEMMING_GEWEIGERD' ? 'OPP afgesloten zonder instemming' : 'OPP gestopt',
    dueDate: todayIso(),
  });
  const description =
    final === 'BEEINDIGD'
      ? 'OPP beëindigd: extra ondersteuning is niet meer nodig'
      : final === 'INSTEMMING_GEWEIGERD'
        ? 'OPP afgesloten zonder instemming van de ouders: de leerling krijgt basisondersteuning'
        : `OPP gestopt: ${o.state.stopped?.reason ?? ''}`;
  await rec.closeWith(final, () => o.transition(final, description));
  return o.view();
}
