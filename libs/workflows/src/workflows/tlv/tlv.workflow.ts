/**
 * P8 — TLV, toelaatbaarheidsverklaring (issue 16; seed 003 "Fase 4 Aanvraag TLV" [003:1602-1678]).
 *
 * DOSSIER (after a Flex-ZAT: the parents' akkoord, the school records the dossier against the SWV's checklist and
 * submits) → INGEDIEND (the SWV checks the dossier: incomplete goes back to DOSSIER) → ADVIES (two experts advise, each
 * a step with its due date; the commissie's decision term runs from the complete dossier) → BESLUIT (the commissie
 * decides within the term, extendable once with a notice to the parents; VERLENGD) → AFGEGEVEN (the decision letter;
 * noted in the school system, then registered in BRON) → AFLOPEND (the policy's months before the end date the SWV and
 * the school are reminded; the school decides on a herindicatie, which starts a new TLV case that runs the same route)
 * → VERLOPEN on the end date. A refusal (AFGEWEZEN) stays open for bezwaar until the bezwaar term is over
 * (AFGESLOTEN). Before the decision the request may be withdrawn (INGETROKKEN); without the parents' akkoord it ends
 * GEEN_TOESTEMMING. A bezwaar is recorded any time after the decision.
 *
 * The human steps and their rules are in tlv.handlers.ts (defined in the step catalogue), the state in tlv.case.ts.
 */
import { condition } from '@temporalio/workflow';
import { addCalendarDays, addCalendarMonths, toIsoDate, zonedInstant } from '@zorgroute/domain/logic';
import { TLV_STEPS as STEPS } from '@zorgroute/processes';
import { db } from '../common/case-activities.proxy';
import { SYSTEM } from '../common/case-recorder';
import { consentAnswersAfterMove, requireConsent } from '../common/consent';
import { awaitHumanStep } from '../common/human-step';
import { startLinkedCase } from '../common/links';
import { CLOSED, todayIso, Tlv } from './tlv.case';
import { installTlvHandlers } from './tlv.handlers';
import { TLV_CONSENT_KIND, type StartTlvInput, type TlvOutcome, type TlvState, type TlvStatus } from './tlv.messages';

export * from './tlv.messages';

export async function tlvWorkflow(input: StartTlvInput): Promise<TlvState> {
  const ctx = await db.loadCaseContext({ schoolId: input.schoolId });
  const t = new Tlv(input, ctx);
  const { rec, state, policy } = t;
  installTlvHandlers(t);
  t.c.consents.answerAfter(consentAnswersAfterMove(rec, { ended: () => t.ended() || CLOSED.includes(t.status()) }));
  const ended = () => t.ended();
  const swv = { swvLoketOfSchool: input.schoolId };

  t.syncData();
  await rec.record({
    actorId: input.startedBy.id,
    actorName: input.startedBy.name,
    action: 'CASE_STARTED',
    description: input.herindicatieOf ? 'Herindicatie van de TLV gestart' : `TLV-aanvraag gestart na de Flex-ZAT${input.flexZatDate ? ` van ${input.flexZatDate}` : ''}`,
  });

  // DOSSIER: the parents agree to the request and sign [003:1642-1644, 003:1665-1667].
  const consent = await requireConsent(rec, {
    kind: TLV_CONSENT_KIND,
    label: 'Akkoord met de TLV-aanvraag',
    scope: 'U gaat akkoord met de aanvraag van een toelaatbaarheidsverklaring (TLV) bij het samenwerkingsverband en ondertekent het dossier dat de school daarvoor samenstelt.',
    requestedBy: input.startedBy,
    isCancelled: ended,
  });
  if (consent.outcome === 'GIVEN') {
    state.consentGiven = true;
    t.syncData();
    await rec.record();
  } else if (!ended()) {
    return end(t, 'GEEN_TOESTEMMING', 'GEEN_TOESTEMMING', consent.outcome === 'REFUSED' ? 'De ouders gaan niet akkoord met de TLV-aanvraag' : 'Geen akkoord van de ouders ontvangen');
  }

  // DOSSIER → INGEDIEND → (back, when incomplete) … until the SWV finds the dossier complete.
  while (!ended() && state.term === null) {
    const submissions = state.requests.length;
    if (t.status() !== 'DOSSIER') await t.transition('DOSSIER', 'Dossier onvolledig; de school vult het aan');
    const from = submissions === 0 ? toIsoDate(Date.parse(rec.snapshot.startedAt)) : todayIso();
    await awaitHumanStep(
      rec,
      { step: 'TLV_SUBMIT_REQUEST', label: STEPS.TLV_SUBMIT_REQUEST.label, ownerUserId: ctx.zorgcoordinatorId ?? input.startedBy.id, due: t.due(from, policy.dossierWithinSchoolDays, 'tlv.dossierWithinSchoolDays') },
      () => state.requests.length > submissions,
      ended,
    );
    if (ended()) break;
    await t.transition('INGEDIEND', 'Aanvraag ingediend; het samenwerkingsverband controleert het dossier');
    const checks = state.checks.length;
    await awaitHumanStep(
      rec,
      { step: 'TLV_CHECK_DOSSIER', label: STEPS.TLV_CHECK_DOSSIER.label, ownerUserId: null, due: t.due(todayIso(), policy.checkWithinSchoolDays, 'tlv.checkWithinSchoolDays'), recipients: swv },
      () => state.checks.length > checks,
      ended,
    );
  }

  // ADVIES: the two experts, each with a due date; both run next to each other.
  if (!ended()) {
    await t.transition('ADVIES', 'Dossier compleet; twee deskundigen adviseren');
    await Promise.all(
      ([1, 2] as const).map((slot) => {
        const e = t.expert(slot);
        const step = slot === 1 ? STEPS.TLV_EXPERT_ADVICE_1 : STEPS.TLV_EXPERT_ADVICE_2;
        const due = t.due(state.term?.completeOn ?? todayIso(), policy.adviceWithinSchoolDays, 'tlv.adviceWithinSchoolDays');
        return awaitHumanStep(rec, { step: step.name, label: `${step.label} (${e?.name ?? ''})`, ownerUserId: null, due, recipients: swv }, () => t.expert(slot)?.advisedOn != null, ended, { parallel: true });
      }),
    );
  }

  // BESLUIT: the commissie decides within the term in force; an extension restarts the ladder on the new date.
  if (!ended()) {
    await t.transition(state.term?.extended ? 'VERLENGD' : 'BESLUIT', 'Beide deskundigen hebben geadviseerd; de commissie besluit');
    while (!ended() && state.decision === null) {
      const extensions = state.extensionsUsed;
      if (state.term?.extended && t.status() === 'BESLUIT') await t.transition('VERLENGD', `Beslistermijn verlengd tot ${state.term.dueDate}`);
      await awaitHumanStep(
        rec,
        { step: 'TLV_DECISION', label: STEPS.TLV_DECISION.label, ownerUserId: null, due: state.termDue ?? t.due(todayIso(), 0, 'tlv.decisionWeeks'), recipients: swv },
        () => state.decision !== null,
        () => ended() || state.extensionsUsed !== extensions,
      );
    }
  }

  if (t.ended()) {
    if (t.c.admin.closed) return t.c.admin.end(() => t.view());
    return end(t, 'INGETROKKEN', 'INGETROKKEN', `TLV-aanvraag ingetrokken: ${state.withdrawn?.reason ?? ''}`);
  }

  const decision = state.decision;
  if (decision?.decision === 'AFGEWEZEN') return refused(t);
  return granted(t);
}

/** A refusal stays open for a bezwaar until the bezwaar term is over and no bezwaar is pending. */
async function refused(t: Tlv): Promise<TlvState> {
  const { rec, state, ctx } = t;
  const decision = state.decision as NonNullable<Tlv['state']['decision']>;
  await t.transition('AFGEWEZEN', `TLV-aanvraag afgewezen; bezwaar mogelijk tot en met ${decision.bezwaarUntil}`);
  const pending = () => ['INGEDIEND', 'LANDELIJKE_COMMISSIE'].includes(state.bezwaren.at(-1)?.stage ?? '');
  const after = Date.parse(zonedInstant(addCalendarDays(decision.bezwaarUntil, 1), ctx.policies.ladder.sendAtHour, ctx.policies.ladder.sendAtMinute));
  await condition(() => t.c.admin.closed, Math.max(after - Date.now(), 1));
  await condition(() => t.c.admin.closed || !pending());
  if (t.c.admin.closed) return t.c.admin.end(() => t.view());
  rec.snapshot.ownerUserId = null;
  return end(t, 'AFGESLOTEN', 'AFGEWEZEN', 'TLV-aanvraag afgewezen; de bezwaartermijn is voorbij');
}

/**
 * A TLV: noted in the school system, then registered in BRON (the school's steps); the policy's months before the end
 * date the SWV and the school are reminded and the school decides on a herindicatie (a new TLV case that runs the same
 * route); the case closes when the TLV has expired.
 */
async function granted(t: Tlv): Promise<TlvState> {
  const { rec, state, ctx, policy, input } = t;
  const decision = state.decision as NonNullable<Tlv['state']['decision']>;
  const endDate = decision.endDate as string;
  const closed = () => t.c.admin.closed;
  // On the end date whatever is still open ends with the TLV (a registration never recorded, a herindicatie never decided).
  let expired = false;
  const over = () => closed() || expired;
  const owner = ctx.zorgcoordinatorId ?? input.startedBy.id;
  await t.transition('AFGEGEVEN', `TLV afgegeven tot en met ${endDate}`);
  const reminderDate = addCalendarMonths(endDate, -policy.expiryReminderMonths);
  state.expiry = { reminderDate, remindedOn: null };
  t.syncData();

  const registration = (async () => {
    const regDue = t.due(todayIso(), policy.registrationWithinSchoolDays, 'tlv.registrationWithinSchoolDays');
    await awaitHumanStep(rec, { step: 'TLV_RECORD_SCHOOL_SYSTEM', label: STEPS.TLV_RECORD_SCHOOL_SYSTEM.label, ownerUserId: owner, due: regDue }, () => state.schoolSystemOn !== null, over);
    if (over()) return;
    await awaitHumanStep(
      rec,
      { step: 'TLV_RECORD_BRON', label: STEPS.TLV_RECORD_BRON.label, ownerUserId: owner, due: t.due(todayIso(), policy.registrationWithinSchoolDays, 'tlv.registrationWithinSchoolDays') },
      () => state.bronOn !== null,
      over,
    );
  })();

  const sendAt = (date: string) => Date.parse(zonedInstant(date, ctx.policies.ladder.sendAtHour, ctx.policies.ladder.sendAtMinute));
  const expiry = (async () => {
    if (await condition(over, Math.max(sendAt(reminderDate) - Date.now(), 1))) return;
    // The reminder: to the SWV loket and to the school (the herindicatie step, owned by the zorgcoördinator).
    const today = todayIso();
    state.expiry = { reminderDate, remindedOn: today };
    rec.notifyLater({ key: `${rec.caseId}:expiry:swv`, recipients: { swvLoketOfSchool: input.schoolId }, kind: 'STEP_ASSIGNED', stepLabel: `TLV loopt af: herindicatie`, dueDate: endDate });
    await t.transition('AFLOPEND', `De TLV loopt af op ${endDate}; samenwerkingsverband en school herinnerd`);
    await rec.record({ actorId: SYSTEM.id, actorName: SYSTEM.name, action: 'TLV_EXPIRY_REMINDED', description: `Herinnering: de TLV loopt af op ${endDate} (${policy.expiryReminderMonths} maanden vooraf)` });
    const due = t.due(today, policy.herindicatieDecisionWithinSchoolDays, 'tlv.herindicatieDecisionWithinSchoolDays');
    await awaitHumanStep(rec, { step: 'TLV_DECIDE_HERINDICATIE', label: STEPS.TLV_DECIDE_HERINDICATIE.label, ownerUserId: owner, due: due.date > endDate ? { ...due, date: endDate } : due }, () => state.herindicatie !== null, over, { parallel: true });
    const h = state.herindicatie;
    if (h?.decision === 'AANVRAGEN' && !over()) {
      // The herindicatie runs the same route: a new TLV case, linked to this one.
      const link = await startLinkedCase(rec, {
        workflowType: 'tlvWorkflow',
        workflowId: `tlv-herindicatie-${rec.caseId}`,
        process: 'TLV',
        args: [{ schoolId: input.schoolId, pupilId: input.pupilId, startedBy: h.by, sourceCaseId: rec.caseId, herindicatieOf: rec.caseId, flexZatDate: null, deskundigheidsverklaringVso: input.deskundigheidsverklaringVso, reason: `Herindicatie: ${h.reason}` }],
        reason: `Herindicatie aangevraagd: ${h.reason}`,
      });
      h.caseId = link.caseId;
      t.syncData();
      await rec.record({ actorId: h.by.id, actorName: h.by.name, action: link.started ? 'LINKED_CASE_STARTED' : 'LINKED_CASE_NOT_STARTED', description: link.started ? 'Herindicatie gestart als nieuwe TLV-aanvraag' : 'Herindicatie kon niet worden gestart' });
    }
  })();

  // The TLV expires at the end of its end date.
  await condition(closed, Math.max(sendAt(addCalendarDays(endDate, 1)) - Date.now(), 1));
  expired = true;
  await registration;
  await expiry;
  if (closed()) return t.c.admin.end(() => t.view());
  return end(t, 'VERLOPEN', 'VERLOPEN', `De TLV is verlopen (einddatum ${endDate})`);
}

/** Ends the case with its outcome: the final transition recorded, messages drained, running updates answered. */
async function end(t: Tlv, status: TlvStatus, outcome: TlvOutcome, description: string): Promise<TlvState> {
  await t.rec.closeWith(outcome, () => t.transition(status, description));
  return t.view();
}
