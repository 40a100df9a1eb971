/**
 * P6 — PO→VO overdracht: the handover of one pupil from his primary school to the secondary school, inside the
 * regional calendar of the school year (PROCESSES.md P6, seed 001:4100-4242, 003:311-317, 002:3109-3212).
 *
 * OKR_IN_VOORBEREIDING (the onderwijskundig rapport of the primary school; for now the secondary school's contact
 * records it) → INZAGE_OUDERS (the parents must consent to the transfer and may add their view, the zienswijze;
 * reminders up to the OSO exchange deadline; without consent nothing is sent: GEEN_TOESTEMMING) → VERZONDEN →
 * ONTVANGEN_VO (the cold handover, for every pupil) → WARME_OVERDRACHT (pupils with support needs: a conversation of
 * both schools with parents and pupil inside the regional window) → PLAATSING (the brugklascoördinator places the
 * pupil and names his mentor) → INFORMATIE_GEDEELD (the mentor confirms he has read the information) →
 * DIRECTE_IZO_AANMELDING (optional: starts P2 for the pupil) → TERUGKOPPELING_PO (feedback to the primary school at
 * the policy's moments) → AFGESLOTEN. GESTOPT when the zorgcoördinator stops the case (e.g. the pupil goes elsewhere).
 *
 * An application for a pupil with support needs starts the zorgplicht clock (P4) as a linked case, once: at the start
 * when the support need is known, or when the OKR or its receipt shows it.
 *
 * The human steps and their rules are in overdracht.handlers.ts (defined in the step catalogue), the state in
 * overdracht.case.ts, the linked cases it starts in overdracht.linked.ts, the calendar rules in overdracht.rules.ts.
 */
import { addCalendarDays, dueInSchoolDays, previousSchoolDay, schoolDaysBetween, type OverdrachtRegionalCalendar } from '@zorgroute/domain/logic';
import { db } from '../common/case-activities.proxy';
import { requireConsent } from '../common/consent';
import { reject } from '../common/step-errors';
import { Overdracht, todayIso } from './overdracht.case';
import { installOverdrachtHandlers } from './overdracht.handlers';
import { startIzoReferral, startZorgplicht } from './overdracht.linked';
import {
  OVERDRACHT_CONSENT_KIND,
  OVERDRACHT_STEP_LABELS,
  overdrachtCalendarFor,
  TERUGKOPPELING_LABELS,
  type OverdrachtState,
  type StartOverdrachtInput,
} from './overdracht.messages';
import { feedbackMoments } from './overdracht.rules';

export * from './overdracht.messages';

export async function overdrachtWorkflow(input: StartOverdrachtInput): Promise<OverdrachtState> {
  const ctx = await db.loadCaseContext({ schoolId: input.schoolId, pupilId: input.pupilId });
  const found = overdrachtCalendarFor(ctx.policies.overdracht.regionalCalendars, input.schoolYear);
  if (!found) {
    reject('BAD_USER_INPUT', `Er is geen regionale overdrachtskalender voor schooljaar ${input.schoolYear}`, `There is no regional transfer calendar for school year ${input.schoolYear}`);
  }
  const cal: OverdrachtRegionalCalendar = found;
  const o = new Overdracht(input, ctx, cal);
  installOverdrachtHandlers(o);
  const { rec, state, policy, contact, zc, brugklas } = o;

  state.feedbackMoments = feedbackMoments(cal, policy, ctx.calendar);
  for (const [key, d] of [
    ['SCHOOLADVIES', cal.schooladviesBy],
    ['AANMELDWEEK', cal.aanmeldweek.to],
    ['OSO_DEADLINE', cal.osoDeadline],
    ['START_SCHOOLJAAR', cal.startSchoolYear],
  ] as const) {
    rec.upsertDueDate(key, { date: d, rule: `P6.calendar.${key}`, inputs: { schoolYear: cal.schoolYear }, explanation: `Regionale overdrachtskalender ${cal.schoolYear}: ${d}.` });
  }
  o.syncData();
  await rec.record({ actorId: contact.id, actorName: contact.name, action: 'CASE_STARTED', description: `Overdracht van ${input.poSchoolName} gestart (aanmelding ontvangen op ${input.applicationReceivedOn})` });
  if (state.supportNeeds) await startZorgplicht(o, 'bekend bij de aanmelding');

  // OKR_IN_VOORBEREIDING: ready by the end of the aanmeldweek (a late case: within N school days), never past the OSO deadline.
  const today = todayIso();
  let okrDue = o.regional(cal.aanmeldweek.to, 'Het OKR is klaar aan het einde van de aanmeldweek', 'P6.okrByAanmeldweek', policy.okrWithinSchoolDays);
  if (okrDue.date > cal.osoDeadline && cal.osoDeadline >= today) okrDue = o.regional(cal.osoDeadline, 'Het OKR is uiterlijk op de OSO-uitwisseldatum klaar', 'P6.okrByOsoDeadline', policy.okrWithinSchoolDays);
  await o.step('OVERDRACHT_RECORD_OKR', contact.id, okrDue, () => state.okr !== null);
  if (o.stopped()) return o.finishStopped();
  if (state.supportNeeds) await startZorgplicht(o, 'volgens het onderwijskundig rapport');

  // INZAGE_OUDERS: no transfer without the parents' consent; reminders up to the OSO exchange deadline.
  await o.transition('INZAGE_OUDERS', 'Het OKR ligt ter inzage bij de ouders; zij geven toestemming voor de overdracht en kunnen hun zienswijze toevoegen');
  const consent = await askConsent(o);
  if (o.stopped()) return o.finishStopped();
  if (consent !== 'GIVEN') {
    return o.finish(
      'GEEN_TOESTEMMING',
      consent === 'REFUSED' ? 'GEWEIGERD' : 'GEEN_ANTWOORD',
      consent === 'REFUSED'
        ? 'Ouders geven geen toestemming voor de overdracht: het OKR wordt niet verzonden'
        : 'Geen toestemming van de ouders voor de overdracht vóór de uitwisseldatum: het OKR wordt niet verzonden',
    );
  }

  // VERZONDEN → ONTVANGEN_VO: the cold handover, for every pupil.
  const sendDue = cal.osoDeadline >= todayIso() ? dueInSchoolDays(todayIso(), policy.sendWithinSchoolDays, ctx.calendar, 'P6.sendWithinSchoolDays') : null;
  await o.step(
    'OVERDRACHT_SEND_OKR',
    contact.id,
    sendDue && sendDue.date <= cal.osoDeadline ? sendDue : o.regional(cal.osoDeadline, 'Het OKR is uiterlijk op de OSO-uitwisseldatum verzonden', 'P6.sendByOsoDeadline', policy.sendWithinSchoolDays),
    () => state.sent !== null,
  );
  if (o.stopped()) return o.finishStopped();
  await o.transition('VERZONDEN', `OKR verzonden op ${state.sent?.sentOn ?? ''}`);
  await o.step('OVERDRACHT_CONFIRM_RECEIPT', zc, o.due(state.sent?.sentOn ?? todayIso(), policy.receiptWithinSchoolDays, 'P6.receiptWithinSchoolDays'), () => state.received !== null);
  if (o.stopped()) return o.finishStopped();
  await o.transition('ONTVANGEN_VO', `Koude overdracht: OKR ontvangen op ${state.received?.receivedOn ?? ''}`);
  if (state.supportNeeds) await startZorgplicht(o, 'bij ontvangst van het OKR');

  // WARME_OVERDRACHT for pupils with support needs, inside the regional window.
  if (state.supportNeeds) {
    await o.transition('WARME_OVERDRACHT', `Warme overdracht met basisschool, ouders en leerling tussen ${cal.warmeOverdracht.from} en ${cal.warmeOverdracht.to}`);
    await o.step(
      'OVERDRACHT_WARM_HANDOVER',
      brugklas,
      o.regional(cal.warmeOverdracht.to, `Warme overdracht binnen de regionale periode ${cal.warmeOverdracht.from} tot en met ${cal.warmeOverdracht.to}`, 'P6.warmeOverdracht', policy.receiptWithinSchoolDays),
      () => state.warmeOverdracht !== null,
    );
    if (o.stopped()) return o.finishStopped();
  }

  // PLAATSING by the brugklascoördinator, before the summer (the last school day before the new school year).
  await o.transition('PLAATSING', 'De brugklascoördinator plaatst de leerling');
  await o.step(
    'OVERDRACHT_PLACEMENT',
    brugklas,
    o.regional(previousSchoolDay(addCalendarDays(cal.startSchoolYear, -1), ctx.calendar), `Plaatsing vóór de start van het schooljaar (${cal.startSchoolYear})`, 'P6.placementBeforeStartSchoolYear', policy.receiptWithinSchoolDays),
    () => state.placement !== null,
  );
  if (o.stopped()) return o.finishStopped();

  // INFORMATIE_GEDEELD: the mentor gets the information and confirms he has read it.
  const placement = state.placement as NonNullable<OverdrachtState['placement']>;
  await o.transition('INFORMATIE_GEDEELD', `De overdrachtsinformatie is gedeeld met de mentor (${placement.mentorName ?? 'mentor'}) en de docenten`);
  const readFrom = cal.startSchoolYear > todayIso() ? cal.startSchoolYear : todayIso();
  const readDue = o.due(readFrom, policy.mentorReadWithinSchoolDays, 'P6.mentorReadWithinSchoolDays');
  await o.step('OVERDRACHT_MENTOR_READ', placement.mentorId, { ...readDue, explanation: `${readDue.explanation} De mentor leest de informatie direct na de instroom (start schooljaar ${cal.startSchoolYear}).` }, () => state.mentorRead !== null);
  if (o.stopped()) return o.finishStopped();

  // DIRECTE_IZO_AANMELDING (optional) and TERUGKOPPELING_PO at the policy's moments.
  if (o.izoPending()) await startIzoReferral(o);
  if (!(await feedbackToPrimarySchool(o, placement.mentorId ?? zc))) return o.finishStopped();
  if (o.izoPending()) await startIzoReferral(o);
  return o.finish('AFGESLOTEN', 'AFGEROND', `Overdracht afgerond: de leerling is ingestroomd${state.feedback.length ? ` en ${input.poSchoolName} heeft terugkoppeling gekregen` : ''}`);
}

/** The parents' (or the pupil's from 16) consent to the transfer, asked until the OSO exchange deadline. */
async function askConsent(o: Overdracht): Promise<'GIVEN' | 'REFUSED' | 'NO_ANSWER'> {
  const { ctx, cal, input, contact } = o;
  const askedOn = todayIso();
  const untilDeadline = schoolDaysBetween(askedOn, cal.osoDeadline, ctx.calendar);
  const timeoutSchoolDays = untilDeadline > 0 ? untilDeadline : ctx.policies.consent.timeoutSchoolDays;
  const consent = await requireConsent(o.rec, {
    kind: OVERDRACHT_CONSENT_KIND,
    label: 'Overdracht van het onderwijskundig rapport naar de VO-school',
    scope: `De basisschool (${input.poSchoolName}) draagt het onderwijskundig rapport van uw kind over aan ${ctx.schoolName}. U kunt het rapport inzien en uw zienswijze toevoegen; zonder uw toestemming wordt het niet verzonden.`,
    pupilDecidesFrom16: true,
    timeoutSchoolDays,
    respondWithinSchoolDays: Math.min(ctx.policies.consent.respondWithinSchoolDays, timeoutSchoolDays),
    followUpUserId: contact.id,
    requestedBy: contact,
    decisionLabel: 'Geen toestemming voor de overdracht vóór de uitwisseldatum: opnieuw vragen of afsluiten',
    isCancelled: () => o.stopped(),
  });
  return consent.outcome === 'GIVEN' || consent.outcome === 'REFUSED' ? consent.outcome : 'NO_ANSWER';
}

/**
 * TERUGKOPPELING_PO: feedback to the primary school at each of the policy's moments (the case waits for its date
 * without an open step; a direct IZO referral asked meanwhile is started at once). False when the case was stopped.
 */
async function feedbackToPrimarySchool(o: Overdracht, feedbackOwner: string | null): Promise<boolean> {
  const { rec, state, input, policy } = o;
  const s = o.c.snapshot;
  for (const m of state.feedbackMoments) {
    await o.transition('TERUGKOPPELING_PO', `Terugkoppeling aan ${input.poSchoolName} ${TERUGKOPPELING_LABELS[m.moment]} (${m.date})`);
    rec.upsertDueDate(`FEEDBACK_${m.moment}`, { date: m.date, rule: `P6.terugkoppeling.${m.moment}`, inputs: { date: m.date }, explanation: m.explanation });
    s.nextDueDate = m.date;
    s.ownerUserId = feedbackOwner;
    o.syncData();
    await rec.record();
    while (await o.waitUntilDate(m.date, () => o.stopped() || o.izoPending())) {
      if (o.stopped()) return false;
      await startIzoReferral(o);
    }
    if (o.stopped()) return false;
    state.openMoment = { moment: m.moment, date: m.date };
    const d = o.due(m.date, policy.feedbackWithinSchoolDays, 'P6.feedbackWithinSchoolDays');
    await o.step(
      'OVERDRACHT_FEEDBACK',
      feedbackOwner,
      { ...d, explanation: `${d.explanation} ${m.explanation}` },
      () => state.feedback.some((f) => f.moment === m.moment),
      `${OVERDRACHT_STEP_LABELS.OVERDRACHT_FEEDBACK} ${TERUGKOPPELING_LABELS[m.moment]}`,
    );
    state.openMoment = null;
    if (o.stopped()) return false;
    if (o.izoPending()) await startIzoReferral(o);
  }
  return true;
}
