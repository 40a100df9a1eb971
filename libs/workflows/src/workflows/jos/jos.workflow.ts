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
 *
 * The human steps and their rules are in jos.handlers.ts (defined in the step catalogue), the state in jos.case.ts,
 * the process's rules (needs, the cap, the evaluations, how a case closes) in jos.rules.ts.
 */
import { allHandlersFinished, condition } from '@temporalio/workflow';
import { toIsoDate } from '@zorgroute/domain/logic';
import { db } from '../common/case-activities.proxy';
import { requireConsent } from '../common/consent';
import { awaitHumanStep } from '../common/human-step';
import { startLinkedCase } from '../common/links';
import { reject } from '../common/step-errors';
import type { StartOovInput } from '../oov/oov.messages';
import { JosCase, todayIso } from './jos.case';
import { installJosHandlers } from './jos.handlers';
import {
  JOS_CONSENT_KIND,
  JOS_NEEDS,
  JOS_STEP_LABELS as STEP_LABELS,
  type JosState,
  type StartJosInput,
} from './jos.messages';
import { josCap, josClosing, josEndOfSupport, josEvaluationFrom, josEvaluationOpensOn, validJosNeeds, type JosSignature } from './jos.rules';

export * from './jos.messages';

const SIGNATURE_LABEL = 'Handtekening ouders voor begeleiding door JOS';

export async function josWorkflow(input: StartJosInput): Promise<JosState> {
  const ctx = await db.loadCaseContext({ schoolId: input.schoolId });
  if (!validJosNeeds(input.needs)) {
    reject('BAD_USER_INPUT', `Kies één of meer ondersteuningsbehoeften (${JOS_NEEDS.join(', ')})`, `Choose one or more support needs (${JOS_NEEDS.join(', ')})`);
  }
  const j = new JosCase(input, ctx);
  installJosHandlers(j);
  const { rec, state, policy } = j;
  const stopped = () => j.stopped();

  // BESLOTEN: the school support team decided to deploy JOS.
  j.syncData();
  await rec.record({
    actorId: input.startedBy.id,
    actorName: input.startedBy.name,
    action: 'CASE_STARTED',
    description: `Schoolondersteuningsteam (${input.decisionDate}) besloot JOS in te zetten`,
    reason: input.decisionNotes ?? null,
  });

  // AANMELDFORMULIER: the mentor fills in the JOS form.
  await j.transition('AANMELDFORMULIER', 'De mentor vult het JOS-aanmeldformulier in');
  await awaitHumanStep(
    rec,
    {
      step: 'SUBMIT_FORM',
      label: STEP_LABELS.SUBMIT_FORM,
      ownerUserId: input.mentorId ?? ctx.zorgcoordinatorId,
      due: j.due(todayIso(), policy.formWithinSchoolDays, 'P3.formWithinSchoolDays'),
    },
    () => state.form !== null,
    stopped,
  );

  // STARTGESPREK: the JOS worker invites parents, mentor and pupil; the parents hear who their contact is.
  if (!stopped()) {
    const startDue = j.due(todayIso(), policy.startgesprekWithinSchoolDays, 'P3.startgesprekWithinSchoolDays');
    await j.transition('STARTGESPREK', 'De JOS-medewerker nodigt ouders, mentor en leerling uit voor een startgesprek');
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
  const signature = stopped() ? 'CANCELLED' : await askSignature(j);

  // DOELEN → ACTIEF until the cap (or an earlier decision), with the cap's warning beside it.
  let watches: Promise<void>[] = [Promise.resolve(), Promise.resolve()];
  if (signature === 'GIVEN' && !stopped()) watches = await support(j);

  // AFRONDING: support has ended (at the cap, or earlier by decision); the outcome follows within N school days.
  if (!stopped() && (signature === 'GIVEN' || state.outcome !== null)) {
    const { endedBy, endDate } = josEndOfSupport(state, todayIso());
    state.endedBy = endedBy;
    state.endDate = endDate;
    await j.transition(
      'AFRONDING',
      endedBy === 'CAP' ? `Eindgrens van ${policy.maxMonths} maanden bereikt op ${endDate}: de begeleiding door JOS stopt` : `Begeleiding door JOS beëindigd op ${endDate}`,
    );
    if (state.outcome === null) {
      await awaitHumanStep(
        rec,
        { step: 'RECORD_OUTCOME', label: STEP_LABELS.RECORD_OUTCOME, ownerUserId: input.josWorkerId, due: j.due(endDate, policy.outcomeWithinSchoolDays, 'P3.outcomeWithinSchoolDays') },
        () => state.outcome !== null,
        stopped,
      );
    }
  }

  if (j.c.admin.closed) return j.c.admin.end(() => j.view());
  return close(j, signature, watches);
}

/** The parents' signature (a consent record, rule 2): GIVEN (the date noted), REFUSED, TIMED_OUT or CANCELLED. */
async function askSignature(j: JosCase): Promise<JosSignature> {
  const { rec, state, policy, input } = j;
  await j.transition('HANDTEKENING_OUDERS', 'Handtekening van een ouder gevraagd; zonder handtekening geen begeleiding');
  const result = await requireConsent(rec, {
    kind: JOS_CONSENT_KIND,
    label: SIGNATURE_LABEL,
    scope: `Begeleiding van de leerling door JOS (Jeugd Ondersteuning op School): wekelijks, hoogstens ${policy.maxMonths} maanden na de handtekening`,
    parentsOfPupil: true,
    timeoutSchoolDays: policy.signatureTimeoutSchoolDays,
    followUpUserId: input.josWorkerId,
    requestedBy: state.startgesprek?.recordedBy ?? { id: input.josWorkerId, name: null },
    decisionLabel: 'Geen handtekening van de ouders: opnieuw vragen of afsluiten zonder toestemming',
    isCancelled: () => j.stopped(),
  });
  if (result.outcome === 'GIVEN') state.signedOn = result.request.decidedAt ? toIsoDate(result.request.decidedAt) : todayIso();
  return result.outcome;
}

/**
 * From the signature to the end of support: the cap and its warning are set and watched, DOELEN (the pupil's own goal
 * is required), then ACTIEF with a progress evaluation every few weeks, until the cap or an earlier outcome or stop.
 * Resolves once support has ended, to the watches of the cap and its warning (awaited when the case closes).
 */
async function support(j: JosCase): Promise<Promise<void>[]> {
  const { rec, state, policy, input, ctx } = j;
  const s = j.c.snapshot;
  const endedEarly = () => j.endedEarly();
  // The hard cap counts from the signature and cannot be extended.
  const signedOn = state.signedOn as string;
  const { capDate, warnDate } = josCap(signedOn, policy);
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
  const capWatch = (async () => {
    if (!(await condition(endedEarly, Math.max(j.instantMs(capDate) - Date.now(), 1)))) state.capReached = true;
  })();
  const warnWatch = (async () => {
    if (await condition(endedEarly, Math.max(j.instantMs(warnDate) - Date.now(), 1))) return;
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
    j.syncData();
    await rec.record({
      actorId: null,
      actorName: 'Zorgroute',
      action: 'JOS_CAP_WARNING',
      description: `Over ${policy.capWarningWeeksBefore} weken (${capDate}) eindigt JOS; JOS-medewerker en zorgcoördinator beslissen over de afronding`,
    });
  })();
  const finished = () => state.capReached || endedEarly();

  // DOELEN: goals with pupil, mentor and parents; the pupil's own goal is required.
  await j.transition('DOELEN', `Handtekening ontvangen op ${signedOn}; JOS loopt uiterlijk tot ${capDate}`);
  await awaitHumanStep(
    rec,
    { step: 'SET_GOALS', label: STEP_LABELS.SET_GOALS, ownerUserId: input.josWorkerId, due: j.due(signedOn, policy.goalsWithinSchoolDays, 'P3.goalsWithinSchoolDays') },
    () => state.goals !== null,
    finished,
  );

  // ACTIEF: weekly work, a progress evaluation every few weeks, until the cap (or an earlier decision).
  if (state.goals !== null && !finished()) {
    const activeFrom = todayIso();
    state.activeFrom = activeFrom;
    await j.transition('ACTIEF', `JOS actief vanaf ${activeFrom}, uiterlijk tot ${capDate}`);
    const every = policy.evaluationEveryWeeks;
    for (let k = 1; !finished(); k++) {
      const evaluationDue = j.due(josEvaluationFrom(activeFrom, k, every), 0, 'P3.evaluationEveryWeeks');
      if (evaluationDue.date >= capDate) break;
      state.evaluationNumber = k;
      state.evaluationOpensOn = josEvaluationOpensOn(evaluationDue.date, every, activeFrom);
      j.syncData();
      await awaitHumanStep(
        rec,
        {
          step: 'RECORD_EVALUATION',
          label: `${STEP_LABELS.RECORD_EVALUATION} ${k}`,
          ownerUserId: input.josWorkerId,
          due: { ...evaluationDue, explanation: `${evaluationDue.explanation} Evaluatie ${k}: elke ${every} weken na de start op ${activeFrom}.` },
        },
        () => state.evaluations.length >= k,
        finished,
      );
    }
    // The last stretch up to the cap: no step open, the cap is the next date that matters.
    state.evaluationOpensOn = null;
    if (!finished()) {
      s.nextDueDate = capDate;
      j.syncData();
      await rec.record();
    }
    await condition(finished);
  }
  await condition(finished);
  return [capWatch, warnWatch];
}

/** The end: the final status and outcome, DOORVERWEZEN to the OOV opens a linked P5 case, meetings still to come cancelled. */
async function close(j: JosCase, signature: JosSignature, watches: Promise<void>[]): Promise<JosState> {
  const { rec, state, input, ctx } = j;
  const s = j.c.snapshot;
  const { final, description } = josClosing({ ...state, signature });
  s.outcome = final === 'DOORVERWEZEN' ? `DOORVERWEZEN_${state.referralTo}` : final;
  s.closedAt = new Date().toISOString();
  s.waitingFor = null;
  s.nextDueDate = null;
  s.ownerUserId = null;
  // DOORVERWEZEN to the OOV opens the preparation of an OOV arrangement (P5) for the pupil.
  if (final === 'DOORVERWEZEN' && state.referralTo === 'OOV') {
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
  await j.transition(final, description);
  // A startgesprek still to come (stopped, refused or withdrawn before it) will not take place.
  rec.cancelMeetingsAtEnd();
  await Promise.all(watches);
  await rec.drain();
  // Let a running update handler (e.g. the one that recorded the outcome) answer its caller first.
  await condition(allHandlersFinished);
  return j.view();
}
