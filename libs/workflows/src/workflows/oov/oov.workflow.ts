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
 *
 * The human steps and their rules are in oov.handlers.ts (defined in the step catalogue), the state in oov.case.ts,
 * the process's rules (dates, arrangements) in oov.rules.ts.
 */
import { addCalendarWeeks } from '@zorgroute/domain/logic';
import { db } from '../common/case-activities.proxy';
import { requireConsent } from '../common/consent';
import { OovCase, todayIso } from './oov.case';
import { installOovHandlers } from './oov.handlers';
import {
  OOV_CONSENT_KIND,
  type OovArrangement,
  type OovEvaluation,
  type OovIntake,
  type OovNextStep,
  type OovPeriod,
  type OovReturnPlan,
  type OovState,
  type StartOovInput,
} from './oov.messages';
import { consultationsComplete, placementPeriod, returnPlanDueFrom } from './oov.rules';

export * from './oov.messages';

export async function oovWorkflow(input: StartOovInput): Promise<OovState> {
  const ctx = await db.loadCaseContext({ schoolId: input.schoolId, pupilId: input.pupilId });
  const o = new OovCase(input, ctx);
  installOovHandlers(o);
  const { rec, state, policy, zc } = o;

  o.syncData();
  await rec.record({
    actorId: input.startedBy.id,
    actorName: input.startedBy.name,
    action: 'CASE_STARTED',
    description: input.originCaseId ? 'OOV overwogen vanuit een eerdere casus; voorbereiding gestart' : 'OOV overwogen; voorbereiding gestart',
    reason: input.reason,
  });

  // VOORBEREIDING: consult parents, SWV and Sociaal Team [003:1103-1104], then ask the parents' consent.
  await o.step('OOV_RECORD_CONSULTATIONS', zc, o.due(todayIso(), policy.preparationWithinSchoolDays, 'P5.preparationWithinSchoolDays'), () => consultationsComplete(state.consultations));
  if (o.stopped()) return o.finishStopped();
  const consent = await askConsent(o);
  if (o.stopped()) return o.finishStopped();
  if (consent !== 'GIVEN') {
    return o.finish(
      'GEEN_TOESTEMMING',
      consent === 'REFUSED' ? 'GEWEIGERD' : 'GEEN_ANTWOORD',
      consent === 'REFUSED' ? 'Ouders geven geen toestemming voor de OOV-aanvraag' : 'Geen toestemming van de ouders voor de OOV-aanvraag (verzoek verlopen)',
    );
  }

  // AANVRAAG_SWV: the zorgcoördinator sends the request.
  await o.transition('AANVRAAG_SWV', 'Toestemming van de ouders ontvangen; de zorgcoördinator dient de aanvraag in bij het samenwerkingsverband');
  await o.step('OOV_SUBMIT_REQUEST', zc, o.due(todayIso(), policy.requestWithinSchoolDays, 'P5.requestWithinSchoolDays'), () => state.requests.length > 0);
  if (o.stopped()) return o.finishStopped();

  // BESLUIT_SWV → INTAKE → GEPLAATST (→ VERLENGD → BESLUIT_SWV …) until the arrangement ends.
  const endedBy = await placement(o);
  if (endedBy === 'STOPPED') return o.finishStopped();
  if (endedBy === 'AFGEWEZEN') return o.finish('AFGEWEZEN', 'AFGEWEZEN', 'De OOV-aanvraag is afgewezen door het samenwerkingsverband');
  if (endedBy === 'VERVOLG_VSO') {
    return o.finish('VERVOLG_VSO', 'VERVOLG_VSO', `Vervolg in het voortgezet speciaal onderwijs via de TLV-route${state.vso?.note ? `: ${state.vso.note}` : ''}`);
  }

  // TERUGKEER: return plan and handover back by the end date; a follow-up evaluation N weeks after the return.
  return returnToSchool(o, endedBy);
}

/** The parents' (or the pupil's from 16) consent to the request: GIVEN, REFUSED, or no answer. */
async function askConsent(o: OovCase): Promise<'GIVEN' | 'REFUSED' | 'NO_ANSWER'> {
  const consent = await requireConsent(o.rec, {
    kind: OOV_CONSENT_KIND,
    label: 'Aanvraag van een plaatsing in een onderwijsopvangvoorziening (OOV)',
    scope:
      'School vraagt bij het samenwerkingsverband een tijdelijke plaatsing van uw kind in een onderwijsopvangvoorziening (OOV) aan en deelt daarvoor de benodigde gegevens uit het leerlingdossier met het samenwerkingsverband en de OOV. Uw kind blijft ingeschreven op school.',
    scopeForPupil:
      'School vraagt bij het samenwerkingsverband een tijdelijke plaatsing van je in een onderwijsopvangvoorziening (OOV) aan en deelt daarvoor de benodigde gegevens uit je leerlingdossier met het samenwerkingsverband en de OOV. Je blijft ingeschreven op school. Omdat je 16 bent of ouder, beslis je hier zelf over.',
    pupilDecidesFrom16: true,
    requestedBy: { id: o.zc, name: null },
    isCancelled: () => o.stopped(),
  });
  return consent.outcome === 'GIVEN' || consent.outcome === 'REFUSED' ? consent.outcome : 'NO_ANSWER';
}

/**
 * The placement, round after round: the SWV decides (round 1 on the request, later rounds on an extension), the intake
 * sets the start (round 1), the evaluations at half-time and before the end, the end evaluation decides how it ends.
 * Resolves to how it ended: rejected (AFGEWEZEN), stopped, a rejected extension, a return or the VSO route.
 */
async function placement(o: OovCase): Promise<Exclude<OovNextStep, 'VERLENGD'> | 'VERLENGING_AFGEWEZEN' | 'AFGEWEZEN' | 'STOPPED'> {
  const { rec, state, policy, input, ctx, zc } = o;
  for (let r = 1; ; r++) {
    await o.transition('BESLUIT_SWV', r === 1 ? 'Aanvraag bij het samenwerkingsverband; wacht op het besluit' : 'Verlenging aangevraagd; wacht op een nieuw besluit van het samenwerkingsverband');
    await o.step('OOV_SWV_DECISION', null, o.due(todayIso(), policy.swvDecisionWithinSchoolDays, 'P5.swvDecisionWithinSchoolDays'), () => state.decisions.length >= r, { swvLoketOfSchool: input.schoolId });
    if (o.stopped()) return 'STOPPED';
    const decision = state.decisions[r - 1];
    let startDate: string;
    if (r === 1) {
      if (decision.decision === 'AFGEWEZEN') return 'AFGEWEZEN';
      // INTAKE with the OOV [003:2315].
      await o.transition('INTAKE', `Toegekend: ${o.label(decision.arrangement)} in ${decision.location ?? ''}; intake bij de OOV`);
      await o.step('OOV_INTAKE', o.ownerOfPlacementSteps(), o.due(todayIso(), policy.intakeWithinSchoolDays, 'P5.intakeWithinSchoolDays'), () => state.intake !== null);
      if (o.stopped()) return 'STOPPED';
      startDate = (state.intake as OovIntake).startDate;
    } else {
      if (decision.decision === 'AFGEWEZEN') return 'VERLENGING_AFGEWEZEN';
      // The longer arrangement continues from the end of the current one.
      startDate = (o.period() as OovPeriod).endDate;
    }
    const arrangement = decision.arrangement as OovArrangement;
    const p = placementPeriod(r, arrangement, decision.location as string, startDate, policy);
    const { endDate } = p;
    state.periods.push(p);
    if (r > 1) state.extensions += 1;
    rec.upsertDueDate('OOV_END_DATE', {
      date: endDate,
      rule: `P5.${arrangement}`,
      inputs: { startDate, arrangement },
      explanation: `Einddatum ${endDate}: ${o.label(arrangement)} vanaf ${startDate}.`,
    });
    await o.transition(
      'GEPLAATST',
      `${r === 1 ? 'Geplaatst' : 'Verlengd'}: ${o.label(arrangement)} in ${p.location} van ${startDate} tot ${endDate}. De leerling blijft ingeschreven op ${ctx.schoolName}.`,
    );

    // Evaluations: at half-time, and N weeks before the end (which decides how it ends). Like every human step, an
    // evaluation is open from the moment it is the next one; its due date is what the ladder counts from.
    const mid = o.due(p.midEvaluationDate, 0, 'P5.midEvaluationAtFraction');
    await o.step(
      'OOV_MID_EVALUATION',
      o.ownerOfPlacementSteps(),
      { ...mid, explanation: `${mid.explanation} Halverwege het arrangement (${startDate} tot ${endDate}).` },
      () => o.evaluationOf(r, 'HALVERWEGE') !== null,
    );
    if (o.stopped()) return 'STOPPED';
    const before = o.due(p.endEvaluationDate, 0, 'P5.evaluationBeforeEndWeeks');
    await o.step(
      'OOV_END_EVALUATION',
      zc,
      { ...before, explanation: `${before.explanation} ${policy.evaluationBeforeEndWeeks} weken vóór het einde op ${endDate}; hier wordt beslist over terugkeer, verlenging of VSO.` },
      () => o.evaluationOf(r, 'EIND') !== null,
    );
    if (o.stopped()) return 'STOPPED';
    const next = (o.evaluationOf(r, 'EIND') as OovEvaluation).nextStep as OovNextStep;
    if (next !== 'VERLENGD') return next;
    await o.transition('VERLENGD', `Verlenging aangevraagd: ${o.label(state.requests.at(-1)?.arrangement)}`);
  }
}

/** TERUGKEER: the return plan and the handover back by the end date, then the follow-up evaluation after the return. */
async function returnToSchool(o: OovCase, endedBy: 'TERUGKEER' | 'VERLENGING_AFGEWEZEN'): Promise<OovState> {
  const { rec, state, policy, zc } = o;
  const p = o.period() as OovPeriod;
  await o.transition(
    'TERUGKEER',
    endedBy === 'VERLENGING_AFGEWEZEN' ? `Verlenging afgewezen: de leerling keert op ${p.endDate} terug naar school` : `De leerling keert terug naar school (einde arrangement ${p.endDate})`,
  );
  const returnDue = o.due(returnPlanDueFrom(p, todayIso()), 0, 'P5.returnPlanByEndDate');
  await o.step(
    'OOV_RETURN_PLAN',
    zc,
    { ...returnDue, explanation: `${returnDue.explanation} Het terugkeerplan en de overdracht terug naar school zijn klaar vóór het einde van het arrangement (${p.endDate}).` },
    () => state.returnPlan !== null,
  );
  if (o.stopped()) return o.finishStopped();
  const plan = state.returnPlan as OovReturnPlan;
  const followUpDate = addCalendarWeeks(plan.returnDate, policy.followUpAfterReturnWeeks);
  state.followUpDate = followUpDate;
  o.syncData();
  rec.upsertDueDate('OOV_RETURN', { date: plan.returnDate, rule: 'P5.returnDate', inputs: { returnDate: plan.returnDate }, explanation: `Terug op school op ${plan.returnDate} (terugkeerplan).` });
  // The follow-up evaluation is the next step; it can only be recorded from the return date on (see its validator).
  const followUp = o.due(followUpDate, 0, 'P5.followUpAfterReturnWeeks');
  await o.step(
    'OOV_FOLLOW_UP',
    zc,
    { ...followUp, explanation: `${followUp.explanation} ${policy.followUpAfterReturnWeeks} weken na de terugkeer op ${plan.returnDate}.` },
    () => state.followUp !== null,
  );
  if (o.stopped()) return o.finishStopped();
  return o.finish('AFGESLOTEN', 'TERUGKEER', state.followUp?.returnSucceeded ? 'Afgesloten: de leerling is teruggekeerd naar school' : 'Afgesloten na de terugkeer; de terugkeer verliep moeizaam (vervolg via de zorgroute van school)');
}
