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
 * AFGESLOTEN | EXTERN_VERWEZEN | SWV_VOORZIENING_AANGEVRAAGD | LEERPLICHT. The zorgcoördinator may stop it any time.
 *
 * The human steps and their rules are in zorgroute.handlers.ts (checked against the step catalogue), the state in
 * zorgroute.case.ts, the linked cases it starts in zorgroute.linked.ts, the deterministic rules (meeting dates, the
 * ZAT referral, the words of outcomes) in zorgroute.rules.ts, what other code imports (inputs, updates, query,
 * statuses, steps) in zorgroute.messages.ts. Every human step has an owner, an explainable due date and the reminder
 * ladder (`awaitHumanStep`); consent goes through the shared consent machinery (`common/consent.ts`).
 */
import type { MeetingNotice } from '../../activities/case-activities.types';
import { SYSTEM } from '../common/case-recorder';
import { db } from '../common/case-activities.proxy';
import { requireConsent } from '../common/consent';
import { reject } from '../common/step-errors';
import { todayIso, Zorgroute } from './zorgroute.case';
import { installZorgrouteHandlers } from './zorgroute.handlers';
import { startIzoDecisionCases, startOovFromZat } from './zorgroute.linked';
import {
  IZO_CONSENT,
  ZAT_CONSENT,
  type StartZorgrouteInput,
  type ZorgrouteState,
  type ZorgrouteStatus,
} from './zorgroute.messages';
import { nextIzoMeeting, nextZatCalendarDate, prefilledZatReferral, zatOutcomeDescription } from './zorgroute.rules';
import { REFERRAL_SOURCES, type EvaluationRecord, type IzoRound, type TriageRecord, type ZatDiscussion, type ZatMeeting } from './zorgroute.types';
import { missingReferralFields } from './zorgroute-form';

export * from './zorgroute.messages';
export * from './zorgroute.types';
export * from './zorgroute-form';

export async function zorgrouteWorkflow(input: StartZorgrouteInput): Promise<ZorgrouteState> {
  const ctx = await db.loadCaseContext({ schoolId: input.schoolId, pupilId: input.pupilId });
  const z = new Zorgroute(input, ctx);
  installZorgrouteHandlers(z);
  const { rec, state, policy, referrer } = z;

  if (!REFERRAL_SOURCES.includes(input.source)) reject('BAD_USER_INPUT', 'Onbekende bron van de aanmelding', 'Unknown referral source');
  z.syncData();
  await rec.record({ actorId: input.startedBy.id, actorName: input.startedBy.name, action: 'CASE_STARTED', description: input.originCaseId ? 'IZO-aanmelding geopend vanuit een eerdere casus' : 'IZO-aanmelding gestart' });

  // CONCEPT: the referrer fills in the aanmeldformulier.
  if (input.submit && missingReferralFields(state.form).length === 0) {
    state.submissions = 1;
    state.submittedAt = todayIso();
  } else {
    await z.step('SUBMIT_REFERRAL', referrer.id, z.due(todayIso(), policy.referralCompleteWithinSchoolDays, 'P2.referralCompleteWithinSchoolDays'), () => state.submissions > 0);
    if (z.stopped()) return z.finishStopped();
  }

  // INGEDIEND → TRIAGE (loops back on TERUG_NAAR_AANMELDER and EERST_EERSTELIJNS_ACTIES).
  const triaged = await triage(z);
  if (triaged !== 'GEACCEPTEERD') return triaged;

  // GEACCEPTEERD → VOORGESPREK with parents and pupil; consent to discuss in the IZO.
  await z.transition('GEACCEPTEERD', z.parentsLeftOut() ? 'Geaccepteerd; ouders niet geïnformeerd (uitzondering goedgekeurd door de zorgcoördinator)' : 'Geaccepteerd voor het IZO');
  await z.transition('VOORGESPREK', 'Voorgesprek met ouders en leerling');
  await z.step('RECORD_VOORGESPREK', z.contactId(), z.due(todayIso(), policy.voorgesprekWithinSchoolDays, 'P2.voorgesprekWithinSchoolDays'), () => state.voorgesprek !== null);
  if (z.stopped()) return z.finishStopped();
  if (policy.izoConsentRequired && !z.parentsLeftOut()) {
    const r = await requireConsent(rec, {
      kind: IZO_CONSENT,
      label: 'Bespreking in het intern zorgoverleg (IZO)',
      scope: 'Uw kind wordt besproken in het intern zorgoverleg van school (zorgcoördinator, teamleider, interne begeleiders en mentor) om passende ondersteuning af te spreken.',
      scopeForPupil: 'Je wordt besproken in het intern zorgoverleg van school (zorgcoördinator, teamleider, interne begeleiders en mentor) om passende ondersteuning met je af te spreken. Omdat je 16 bent of ouder, beslis je hier zelf over.',
      pupilDecidesFrom16: true,
      requestedBy: { id: z.contactId(), name: state.contactPerson?.name ?? referrer.name },
      isCancelled: () => z.stopped(),
    });
    if (z.stopped()) return z.finishStopped();
    if (r.outcome !== 'GIVEN') {
      return z.finish('AFGESLOTEN', 'GEEN_TOESTEMMING', r.outcome === 'REFUSED' ? 'Ouders geven geen toestemming voor bespreking in het IZO' : 'Geen toestemming van ouders voor bespreking in het IZO (verzoek verlopen)');
    }
  }

  // IZO rounds (GEPLAND_IZO → BESPROKEN_IZO → NAGESPREK → UITVOERING ⇄ EVALUATIE), then the ZAT; a ZAT without the
  // parents' consent goes back to a new IZO round.
  for (;;) {
    const izo = await izoRound(z);
    if (izo !== 'ZAT') return izo;
    const zat = await zatRoute(z);
    if (zat !== 'IZO') return zat;
  }
}

/**
 * INGEDIEND → TRIAGE until the referral is accepted ('GEACCEPTEERD'): back to the referrer or first-line actions first
 * loop back to the triage; a bilateral talk instead of the IZO ends the case (its final state is returned).
 */
async function triage(z: Zorgroute): Promise<ZorgrouteState | 'GEACCEPTEERD'> {
  const { rec, state, policy, referrer, zc } = z;
  const s = z.c.snapshot;
  let triageDue = z.due(state.submittedAt as string, policy.triageWithinSchoolDays, 'P2.triageWithinSchoolDays');
  for (;;) {
    await z.transition('INGEDIEND', 'Aanmelding ingediend bij de zorgcoördinator');
    await z.transition('TRIAGE', 'Aanmelding wordt beoordeeld');
    state.triageOpen = null;
    await z.step('TRIAGE', zc, triageDue, () => state.triageOpen !== null);
    if (z.stopped()) return z.finishStopped();
    const triage = state.triageOpen as unknown as TriageRecord;
    if (triage.outcome === 'GEACCEPTEERD') return 'GEACCEPTEERD';
    if (triage.outcome === 'BILATERAAL') {
      await z.transition('BILATERAAL', 'Bilateraal overleg in plaats van het IZO');
      await z.step('RECORD_BILATERAL', zc, z.due(todayIso(), policy.bilateralWithinSchoolDays, 'P2.bilateralWithinSchoolDays'), () => state.bilateral !== null);
      if (z.stopped()) return z.finishStopped();
      return z.finish('AFGESLOTEN', 'BILATERAAL', 'Afgesloten na bilateraal overleg');
    }
    const submissionsBefore = state.submissions;
    if (triage.outcome === 'TERUG_NAAR_AANMELDER') {
      await z.transition('TERUG_NAAR_AANMELDER', `Aanmelding terug naar de aanmelder: ${triage.missingInformation ?? ''}`);
      // The referrer hears that it came back and which parts of the form are still empty (not the coordinator's note:
      // he reads that in Zorgroute), instead of a second "new task".
      await z.step(
        'SUBMIT_REFERRAL',
        referrer.id,
        z.due(todayIso(), policy.referralCompleteWithinSchoolDays, 'P2.referralCompleteWithinSchoolDays'),
        () => state.submissions > submissionsBefore,
        () => z.stopped(),
        { assigned: { kind: 'REFERRAL_RETURNED', missingParts: missingReferralFields(state.form) } },
      );
      if (z.stopped()) return z.finishStopped();
      triageDue = z.due(state.submittedAt as string, policy.triageWithinSchoolDays, 'P2.triageWithinSchoolDays');
    } else {
      // EERST_EERSTELIJNS_ACTIES: first-line actions first; the referral is looked at again on the re-check date,
      // or earlier when the referrer updates and resubmits it.
      const recheck = triage.recheckDate as string;
      await z.transition('EERST_EERSTELIJNS_ACTIES', `Eerst acties in de eerste lijn; opnieuw bekijken op ${recheck}`);
      rec.upsertDueDate('RECHECK', { date: recheck, rule: 'P2.recheckDate', inputs: { recheckDate: recheck }, explanation: `Opnieuw bekijken op ${recheck}, door de zorgcoördinator vastgesteld bij de triage.` });
      s.nextDueDate = recheck;
      s.ownerUserId = referrer.id;
      z.syncData();
      await rec.record();
      await z.waitUntilDate(recheck, () => z.stopped() || state.submissions > submissionsBefore);
      if (z.stopped()) return z.finishStopped();
      triageDue = state.submissions > submissionsBefore ? z.due(state.submittedAt as string, policy.triageWithinSchoolDays, 'P2.triageWithinSchoolDays') : z.due(recheck, 0, 'P2.recheckDate');
    }
  }
}

/**
 * One IZO round: GEPLAND_IZO (re-planned when the zorgcoördinator moves it) → BESPROKEN_IZO (decisions start linked
 * cases) → minutes → NAGESPREK → UITVOERING ⇄ EVALUATIE. 'ZAT' when the pupil is referred to the ZAT (by the IZO or
 * at an evaluation); otherwise the case's final state.
 */
async function izoRound(z: Zorgroute): Promise<ZorgrouteState | 'ZAT'> {
  const { rec, state, policy, ctx, zc } = z;
  const s = z.c.snapshot;
  let meeting = nextIzoMeeting(todayIso(), policy, ctx.calendar);
  state.izoMeetingDate = meeting.date;
  state.izoRounds.push({ round: state.izoRounds.length + 1, meetingDate: meeting.date, minutes: null, decisions: [], evaluationDate: null, minutesDistributedAt: null, nagesprek: null });
  await z.transition('GEPLAND_IZO', `Op de agenda van het IZO van ${meeting.date}`);
  const discussed = () => (z.currentRound() as IzoRound).minutes !== null;
  for (;;) {
    state.izoRescheduled = false;
    (z.currentRound() as IzoRound).meetingDate = meeting.date;
    rec.upsertDueDate('IZO_INFO', z.due(meeting.date, -policy.izoInfoBeforeSchoolDays, 'P2.izoInfoBeforeSchoolDays'));
    // The IZO members receive the information beforehand [001:3537-3540]: an invitation with a link to the case.
    z.invite({ kind: 'IZO', date: meeting.date }, 'IZO-bespreking', z.staffParticipants(), state.izoRounds.length);
    await z.step('RECORD_IZO', zc, meeting, discussed, () => z.stopped() || state.izoRescheduled);
    if (!state.izoRescheduled || discussed()) break;
    const date = state.izoMeetingDate as string;
    meeting = { date, rule: 'P2.izoRescheduled', inputs: { meetingDate: date }, explanation: `IZO-bespreking verplaatst naar ${date} door de zorgcoördinator.` };
  }
  if (z.stopped()) return z.finishStopped();
  const round = z.currentRound() as IzoRound;
  await z.transition('BESPROKEN_IZO', `Besproken in het IZO; evaluatie op ${round.evaluationDate ?? ''}`);

  // Decisions that start a linked case for the same pupil (internal support → P1 or P3 JOS).
  await startIzoDecisionCases(z, round);

  // Minutes to care team, teamleider and mentor within N school days [001:3649-3651].
  await z.step('DISTRIBUTE_IZO_MINUTES', zc, z.due(round.meetingDate, policy.minutesWithinSchoolDays, 'P2.minutesWithinSchoolDays'), () => round.minutesDistributedAt !== null);
  if (z.stopped()) return z.finishStopped();
  // NAGESPREK within N school days [001:3659-3671].
  await z.transition('NAGESPREK', 'Nagesprek met ouders en leerling over de afspraken');
  await z.step('RECORD_NAGESPREK', z.contactId(), z.due(round.meetingDate, policy.nagesprekWithinSchoolDays, 'P2.nagesprekWithinSchoolDays'), () => round.nagesprek !== null);
  if (z.stopped()) return z.finishStopped();

  let toZat = round.decisions.some((d) => d.kind === 'VERWIJZING_ZAT');
  while (!toZat) {
    const evalDate = state.evaluationDate as string;
    await z.transition('UITVOERING', `Afspraken worden uitgevoerd; evaluatie op ${evalDate}`);
    rec.upsertDueDate('EVALUATION_DATE', { date: evalDate, rule: 'P2.evaluationAfterWeeks', inputs: { evaluationDate: evalDate, evaluationAfterWeeks: policy.evaluationAfterWeeks }, explanation: `Evaluatie op ${evalDate}, afgesproken in het IZO (standaard ${policy.evaluationAfterWeeks} weken na de bespreking).` });
    s.nextDueDate = evalDate;
    s.ownerUserId = zc;
    z.syncData();
    await rec.record();
    if (await z.waitUntilDate(evalDate, () => z.stopped())) return z.finishStopped();
    await z.transition('EVALUATIE', 'Evaluatiedatum bereikt');
    state.evaluationOpen = null;
    await z.step('RECORD_EVALUATION', zc, z.due(evalDate, 0, 'P2.evaluationDate'), () => state.evaluationOpen !== null);
    if (z.stopped()) return z.finishStopped();
    const e = state.evaluationOpen as unknown as EvaluationRecord;
    if (e.outcome === 'DOEL_BEREIKT') return z.finish('AFGESLOTEN', 'DOEL_BEREIKT', `Doel bereikt; afgesloten${e.note ? ` (nazorg: ${e.note})` : ''}`);
    if (e.outcome === 'VERWIJZING_ZAT') toZat = true;
    else state.evaluationDate = e.nextEvaluationDate;
  }
  return 'ZAT';
}

/**
 * The ZAT: TOESTEMMING_ZAT (the parents' consent is mandatory [001:3824-3825]) → INFORMATIE_VERZAMELEN → GEPLAND_ZAT →
 * the meeting, then its follow-up. 'IZO' when the consent is refused, not given or withdrawn before the ZAT was
 * discussed (back to the IZO, recorded); otherwise the case's final state.
 */
async function zatRoute(z: Zorgroute): Promise<ZorgrouteState | 'IZO'> {
  const { rec, state, policy, input, zc, caseId } = z;
  const consents = z.c.consents;
  await z.transition('TOESTEMMING_ZAT', 'Verwijzing naar het ZAT: toestemming van de ouders gevraagd');
  const consent = await requireConsent(rec, {
    kind: ZAT_CONSENT,
    label: policy.flexZat ? 'Bespreking in het Flex-ZAT' : 'Aanmelding bij het zorg- en adviesteam (ZAT)',
    scope: 'School meldt uw kind aan bij het zorg- en adviesteam (ZAT) en deelt daarvoor de informatie uit het leerlingdossier met de deelnemers van het ZAT (o.a. jeugdarts, schoolmaatschappelijk werk, Sociaal Team, samenwerkingsverband).',
    scopeForPupil: 'School meldt je aan bij het zorg- en adviesteam (ZAT) en deelt daarvoor de informatie uit je leerlingdossier met de deelnemers van het ZAT (o.a. jeugdarts, schoolmaatschappelijk werk, Sociaal Team, samenwerkingsverband). Omdat je 16 bent of ouder, beslis je hier zelf over.',
    pupilDecidesFrom16: true,
    requestedBy: { id: zc, name: null },
    isCancelled: () => z.stopped(),
  });
  if (z.stopped()) return z.finishStopped();
  if (consent.outcome !== 'GIVEN') {
    // Refusal (or no answer after the zorgcoördinator stopped asking) is an outcome: back to the IZO, recorded.
    state.zatConsentRefusals.push({ at: new Date().toISOString(), outcome: consent.outcome, note: consent.request.note });
    await z.recordStep(SYSTEM, 'ZAT_CONSENT_NOT_GIVEN', consent.outcome === 'REFUSED' ? 'Ouders weigeren toestemming voor het ZAT: terug naar het IZO' : 'Geen toestemming voor het ZAT (verzoek verlopen): terug naar het IZO');
    return 'IZO';
  }
  const zatWithdrawn = () => consents.isWithdrawn(ZAT_CONSENT);
  const zatStopped = () => z.stopped() || zatWithdrawn();
  const backToIzo = async (): Promise<'IZO'> => {
    state.zatConsentRefusals.push({ at: new Date().toISOString(), outcome: 'WITHDRAWN', note: consents.latest(ZAT_CONSENT)?.withdrawalReason ?? null });
    await z.recordStep(SYSTEM, 'ZAT_CONSENT_WITHDRAWN', 'Toestemming voor het ZAT ingetrokken: terug naar het IZO');
    return 'IZO';
  };

  // INFORMATIE_VERZAMELEN: prefilled from the IZO case [001:3833-3834].
  state.zatReferral = prefilledZatReferral(state.form, state.izoRounds, state.evaluations);
  state.zatReferralSubmitted = false;
  state.zatMeeting = null;
  state.zatDiscussion = null;
  state.zatFeedback = null;
  await z.transition('INFORMATIE_VERZAMELEN', 'Informatie voor het ZAT verzamelen (vooraf ingevuld uit het IZO)');
  state.zatPlanFrom = todayIso();
  await z.step('SUBMIT_ZAT_REFERRAL', zc, z.due(todayIso(), policy.zatInfoWithinSchoolDays, 'P2.zatInfoWithinSchoolDays'), () => state.zatReferralSubmitted, zatStopped);
  if (z.stopped()) return z.finishStopped();
  if (zatWithdrawn()) return backToIzo();

  // GEPLAND_ZAT: the next date of the school's ZAT calendar, or a date the zorgcoördinator sets; Flex-ZAT within N days.
  const calendarDate = policy.flexZat ? null : nextZatCalendarDate(todayIso(), policy, z.ctx.calendar);
  if (calendarDate) {
    state.zatMeeting = { meetingDate: calendarDate, flex: false, mode: 'OP_SCHOOL', invitees: ['MENTOR'], plannedAt: new Date().toISOString(), agendaSentAt: null };
    await z.recordStep(SYSTEM, 'ZAT_PLANNED', `Op de agenda van het ZAT van ${calendarDate} (ZAT-kalender van de school)`);
  } else {
    const planDue = policy.flexZat
      ? z.due(state.zatPlanFrom, policy.flexZatWithinSchoolDays, 'P2.flexZatWithinSchoolDays')
      : z.due(todayIso(), policy.zatPlanWithinSchoolDays, 'P2.zatPlanWithinSchoolDays');
    await z.step('PLAN_ZAT', zc, planDue, () => state.zatMeeting !== null, zatStopped);
    if (z.stopped()) return z.finishStopped();
    if (zatWithdrawn()) return backToIzo();
  }
  const zm = state.zatMeeting as unknown as ZatMeeting;
  await z.transition('GEPLAND_ZAT', `${zm.flex ? 'Flex-ZAT' : 'ZAT'} op ${zm.meetingDate}${zm.flex ? '; ouders en leerling zijn uitgenodigd' : ''}`);
  const zatNotice: MeetingNotice = { kind: zm.flex ? 'FLEX_ZAT' : 'ZAT', date: zm.meetingDate, time: zm.meetingTime ?? null, mode: zm.mode, location: zm.location ?? null };
  const zatLabel = zm.flex ? 'Flex-ZAT-bespreking' : 'ZAT-bespreking';
  // A Flex-ZAT always invites parents and pupil [003:1235-1243]; a ZAT the school's participants.
  z.invite(zatNotice, zatLabel, zm.flex ? { ...z.staffParticipants(), parentsOfPupil: input.pupilId, pupilAccountOf: input.pupilId } : z.staffParticipants(), state.izoRounds.length);
  let agendaWatch: Promise<void> = Promise.resolve();
  if (!zm.flex) {
    // The agenda goes out by itself N school days before the meeting ("tijdig") [001:3888], at once when that day has
    // passed; meanwhile the ZAT step is open. Not sent once the ZAT is recorded or the ZAT route has stopped.
    const agendaDue = z.due(zm.meetingDate, -policy.zatAgendaBeforeSchoolDays, 'P2.zatAgendaBeforeSchoolDays');
    rec.upsertDueDate('ZAT_AGENDA', { ...agendaDue, explanation: `${agendaDue.explanation} De agenda wordt dan automatisch verstuurd.` });
    agendaWatch = (async () => {
      if (await z.waitUntilDate(agendaDue.date, () => zatStopped() || state.zatDiscussion !== null)) return;
      rec.notifyLater({ key: `${caseId}:agenda:ZAT:${state.izoRounds.length}:${zm.meetingDate}`, recipients: z.staffParticipants(), kind: 'MEETING_AGENDA', stepLabel: zatLabel, dueDate: zm.meetingDate, meeting: zatNotice });
      zm.agendaSentAt = new Date().toISOString();
      await z.recordStep(SYSTEM, 'ZAT_AGENDA_SENT', 'ZAT-agenda en informatie automatisch verstuurd aan de deelnemers');
    })();
  }
  await z.step('RECORD_ZAT', zc, z.due(zm.meetingDate, 0, zm.flex ? 'P2.flexZatMeeting' : 'P2.zatMeeting'), () => state.zatDiscussion !== null, zatStopped);
  // Its stop condition holds now: it has ended, or finishes sending the agenda.
  await agendaWatch;
  if (z.stopped()) return z.finishStopped();
  if (zatWithdrawn() && state.zatDiscussion === null) return backToIzo();
  return zatFollowUp(z, zm);
}

/**
 * BESPROKEN_ZAT (the conclusions discussed with pupil and parents) → ZAT_OPVOLGING: the plan van aanpak is evaluated at
 * its dates until the case is closed or referred; an OOV requested from the SWV starts P5.
 */
async function zatFollowUp(z: Zorgroute, zm: ZatMeeting): Promise<ZorgrouteState> {
  const { rec, state, policy, zc } = z;
  const s = z.c.snapshot;
  const zd = state.zatDiscussion as unknown as ZatDiscussion;
  await z.transition('BESPROKEN_ZAT', `Plan van aanpak vastgesteld; casusregisseur ${zd.casusregisseur}; evaluatie op ${zd.evaluationDate}`);
  // After the ZAT the conclusions are discussed with pupil and parents [001:3942-3943] (a Flex-ZAT has them present).
  if (!zm.flex) {
    await z.step('RECORD_ZAT_FEEDBACK', zd.casusregisseurUserId ?? zc, z.due(zd.meetingDate, policy.nagesprekWithinSchoolDays, 'P2.nagesprekWithinSchoolDays'), () => state.zatFeedback !== null);
    if (z.stopped()) return z.finishStopped();
  }

  // Follow-up at the next meetings until the case is closed or referred.
  let evalDate = zd.evaluationDate;
  for (;;) {
    // The evaluation date is part of the status change's own record: a step update that answers once the case is
    // parked here (movedOnFrom) then already shows it.
    rec.upsertDueDate('ZAT_EVALUATION_DATE', { date: evalDate, rule: 'P2.zatEvaluationDate', inputs: { evaluationDate: evalDate }, explanation: `Evaluatie van het plan van aanpak op ${evalDate}, afgesproken in het ZAT.` });
    s.nextDueDate = evalDate;
    s.ownerUserId = zc;
    await z.transition('ZAT_OPVOLGING', `Acties uit het plan van aanpak lopen; evaluatie op ${evalDate}`);
    z.syncData();
    await rec.record();
    if (await z.waitUntilDate(evalDate, () => z.stopped())) return z.finishStopped();
    state.zatEvaluationOpen = null;
    await z.step('RECORD_ZAT_EVALUATION', zc, z.due(evalDate, 0, 'P2.zatEvaluationDate'), () => state.zatEvaluationOpen !== null);
    if (z.stopped()) return z.finishStopped();
    const e = state.zatEvaluationOpen as unknown as EvaluationRecord;
    if (e.outcome === 'VOORTZETTEN') {
      evalDate = e.nextEvaluationDate as string;
      continue;
    }
    // An OOV requested from the SWV opens the preparation of the OOV arrangement (P5).
    if (e.outcome === 'SWV_VOORZIENING_AANGEVRAAGD' && e.note === 'OOV') await startOovFromZat(z, e);
    return z.finish(e.outcome as ZorgrouteStatus, e.outcome, zatOutcomeDescription(e.outcome, e.note));
  }
}
