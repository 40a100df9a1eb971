/**
 * P6 — the human steps' updates. Each is registered from its definition in the step catalogue
 * (libs/processes/src/overdracht/steps.ts: fields, bounds, Dutch messages, audit action); only the process's own rules
 * are code here: is the step open now, the parents' views while the OKR is open for inspection, a receipt not before
 * sending, the primary school at the warm handover, only the placed mentor confirms reading, one direct IZO referral.
 */
import { setHandler } from '@temporalio/workflow';
import type { TerugkoppelingMoment } from '@zorgroute/domain/logic';
import { OVERDRACHT_STEPS as STEPS } from '@zorgroute/processes';
import { stepHandler } from '../common/open-case';
import { reject } from '../common/step-errors';
import { clean, todayIso, type Overdracht } from './overdracht.case';
import {
  addOverdrachtZienswijze,
  confirmOverdrachtRead,
  confirmOverdrachtReceived,
  getOverdrachtState,
  OVERDRACHT_CONSENT_DECISION_STEP,
  OVERDRACHT_IZO_STATUSES,
  placeOverdrachtPupil,
  recordOverdrachtFeedback,
  recordOverdrachtOkr,
  recordOverdrachtSent,
  recordWarmeOverdracht,
  referOverdrachtToIzo,
  stopOverdracht,
  TERUGKOPPELING_LABELS,
  type FeedbackInput,
  type OverdrachtState,
  type Zienswijze,
} from './overdracht.messages';
import { withinWarmWindow } from './overdracht.rules';

export function installOverdrachtHandlers(o: Overdracht): void {
  setHandler(getOverdrachtState, () => o.view());
  handoverHandlers(o);
  intakeHandlers(o);
}

/** OKR_IN_VOORBEREIDING, INZAGE_OUDERS, VERZONDEN, ONTVANGEN_VO, WARME_OVERDRACHT: the handover between the schools. */
function handoverHandlers(o: Overdracht): void {
  const { rec, state, input, cal } = o;
  const s = o.c.snapshot;
  const view = (): OverdrachtState => o.view();
  const sync = () => o.syncData();

  // --- OKR_IN_VOORBEREIDING ---
  stepHandler(
    rec,
    recordOverdrachtOkr,
    {
      step: STEPS.OVERDRACHT_RECORD_OKR,
      check: () => o.requireWaiting('OVERDRACHT_RECORD_OKR'),
      apply: (u) => {
        state.okr = {
          schooladvies: u.schooladvies.trim(),
          taalLezen: clean(u.taalLezen),
          rekenen: clean(u.rekenen),
          sociaalEmotioneel: clean(u.sociaalEmotioneel),
          werkhouding: clean(u.werkhouding),
          externeZorg: clean(u.externeZorg),
          supportNeeds: u.supportNeeds,
          supportNeedsDescription: clean(u.supportNeedsDescription),
          recordedOn: todayIso(),
          recordedBy: u.actor.name,
        };
        if (u.supportNeeds) state.supportNeeds = true;
        // The timeline is visible to the SWV too: no content of the report in the description.
        return { description: `Onderwijskundig rapport van ${input.poSchoolName} vastgelegd` };
      },
      movedOn: o.movedOnFrom('OVERDRACHT_RECORD_OKR'),
      answer: view,
    },
    sync,
  );

  // --- INZAGE_OUDERS: the parents' view, before the OKR is sent (answers at once: nothing moves on) ---
  stepHandler(
    rec,
    addOverdrachtZienswijze,
    {
      step: STEPS.OVERDRACHT_ZIENSWIJZE,
      check: () => {
        o.requireNotClosed();
        // While the OKR is open for inspection: asked or consented, not yet sent (not after the request expired).
        if (o.status() !== 'INZAGE_OUDERS' || state.sent !== null || s.waitingFor === OVERDRACHT_CONSENT_DECISION_STEP) {
          reject('STEP_NOT_ALLOWED', 'Een zienswijze kan alleen worden toegevoegd zolang het OKR ter inzage ligt en nog niet is verzonden', 'A view can only be added while the OKR is open for inspection and not yet sent');
        }
      },
      checkInput: (u) => {
        if (state.zienswijzen.length >= 4 && !state.zienswijzen.some((z) => z.parentUserId === u.actor.id)) reject('BAD_USER_INPUT', 'Maximaal 4 zienswijzen', 'At most 4 views');
      },
      apply: (u) => {
        const entry: Zienswijze = { parentUserId: u.actor.id, parentName: u.actor.name, text: u.text.trim(), addedOn: todayIso() };
        const i = state.zienswijzen.findIndex((z) => z.parentUserId === u.actor.id);
        if (i >= 0) state.zienswijzen[i] = entry;
        else state.zienswijzen.push(entry);
        return { description: i >= 0 ? 'Zienswijze van de ouder aangepast' : 'Zienswijze van de ouder toegevoegd aan het OKR' };
      },
      answer: view,
    },
    sync,
  );

  stepHandler(
    rec,
    recordOverdrachtSent,
    {
      step: STEPS.OVERDRACHT_SEND_OKR,
      check: () => o.requireWaiting('OVERDRACHT_SEND_OKR'),
      apply: (u) => {
        state.sent = { sentOn: u.sentOn, via: u.via ?? 'OSO', recordedBy: u.actor.name };
        return { description: `OKR verzonden op ${u.sentOn} (${u.via === 'ANDERS' ? 'buiten OSO' : 'via OSO'})${state.zienswijzen.length ? ', met de zienswijze van de ouders' : ''}` };
      },
      movedOn: o.movedOnFrom('OVERDRACHT_SEND_OKR'),
      answer: view,
    },
    sync,
  );

  // --- ONTVANGEN_VO ---
  stepHandler(
    rec,
    confirmOverdrachtReceived,
    {
      step: STEPS.OVERDRACHT_CONFIRM_RECEIPT,
      check: () => o.requireWaiting('OVERDRACHT_CONFIRM_RECEIPT'),
      checkInput: (u) => {
        if (state.sent && u.receivedOn < state.sent.sentOn) reject('BAD_USER_INPUT', 'Het OKR kan niet vóór verzending zijn ontvangen', 'The OKR cannot be received before it was sent');
      },
      apply: (u) => {
        state.received = { receivedOn: u.receivedOn, note: clean(u.note), recordedBy: u.actor.name };
        if (u.supportNeeds === true) state.supportNeeds = true;
        return { description: `OKR ontvangen op ${u.receivedOn}${u.supportNeeds === true ? '; leerling met ondersteuningsbehoefte' : ''}` };
      },
      movedOn: o.movedOnFrom('OVERDRACHT_CONFIRM_RECEIPT'),
      answer: view,
    },
    sync,
  );

  stepHandler(
    rec,
    recordWarmeOverdracht,
    {
      step: STEPS.OVERDRACHT_WARM_HANDOVER,
      check: () => o.requireWaiting('OVERDRACHT_WARM_HANDOVER'),
      checkInput: (u) => {
        if (!u.poPresent) reject('BAD_USER_INPUT', 'Een warme overdracht is een gesprek van beide scholen: de basisschool is erbij', 'A warm handover is a conversation of both schools: the primary school takes part');
      },
      apply: (u) => {
        const withinWindow = withinWarmWindow(cal, u.date);
        state.warmeOverdracht = {
          date: u.date,
          poPresent: u.poPresent,
          parentsPresent: u.parentsPresent,
          pupilPresent: u.pupilPresent,
          development: clean(u.development),
          specificNeeds: clean(u.specificNeeds),
          approach: clean(u.approach),
          attentionPoints: clean(u.attentionPoints),
          parentAlignment: clean(u.parentAlignment),
          aftercare: clean(u.aftercare),
          talents: clean(u.talents),
          summary: u.summary.trim(),
          withinWindow,
          recordedBy: u.actor.name,
        };
        return { description: `Warme overdracht gehouden op ${u.date}${withinWindow ? '' : ' (buiten de regionale periode)'}` };
      },
      movedOn: o.movedOnFrom('OVERDRACHT_WARM_HANDOVER'),
      answer: view,
    },
    sync,
  );
}

/** PLAATSING, INFORMATIE_GEDEELD, the direct IZO referral, TERUGKOPPELING_PO and stopping: the pupil at his new school. */
function intakeHandlers(o: Overdracht): void {
  const { rec, state, input } = o;
  const s = o.c.snapshot;
  const view = (): OverdrachtState => o.view();
  const sync = () => o.syncData();

  // --- PLAATSING → INFORMATIE_GEDEELD ---
  stepHandler(
    rec,
    placeOverdrachtPupil,
    {
      step: STEPS.OVERDRACHT_PLACEMENT,
      check: () => o.requireWaiting('OVERDRACHT_PLACEMENT'),
      apply: (u) => {
        state.placement = { className: u.className.trim(), mentorId: u.mentorId, mentorName: clean(u.mentorName), level: clean(u.level), note: clean(u.note), placedOn: todayIso(), placedBy: u.actor.name };
        rec.addParticipant(u.mentorId);
        return { description: `Geplaatst in ${u.className.trim()}${clean(u.level) ? ` (${clean(u.level)})` : ''}; mentor ${clean(u.mentorName) ?? ''}`.trim() };
      },
      movedOn: o.movedOnFrom('OVERDRACHT_PLACEMENT'),
      answer: view,
    },
    sync,
  );

  stepHandler(
    rec,
    confirmOverdrachtRead,
    {
      step: STEPS.OVERDRACHT_MENTOR_READ,
      check: (u) => {
        o.requireWaiting('OVERDRACHT_MENTOR_READ');
        if (u.actor.id !== state.placement?.mentorId) reject('STEP_NOT_ALLOWED', 'Alleen de mentor van de leerling bevestigt dat hij de informatie heeft gelezen', 'Only the pupil’s mentor confirms that he has read the information');
      },
      apply: (u) => {
        state.mentorRead = { readOn: todayIso(), note: clean(u.note) };
        return { description: 'De mentor heeft de overdrachtsinformatie gelezen' };
      },
      movedOn: o.movedOnFrom('OVERDRACHT_MENTOR_READ'),
      answer: view,
    },
    sync,
  );

  // From the receipt on, any time once (answers at once: the main flow starts the IZO case when it can).
  stepHandler(
    rec,
    referOverdrachtToIzo,
    {
      step: STEPS.OVERDRACHT_IZO_REFERRAL,
      check: () => {
        o.requireNotClosed();
        if (!OVERDRACHT_IZO_STATUSES.includes(o.status())) {
          reject('STEP_NOT_ALLOWED', 'Een directe IZO-aanmelding kan vanaf de ontvangst van het OKR', 'A direct IZO referral is possible once the OKR has been received');
        }
        if (state.izoReferral !== null) reject('STEP_NOT_ALLOWED', 'De leerling is al direct aangemeld bij het IZO', 'The pupil has already been referred to the IZO');
      },
      apply: (u) => {
        state.izoReferral = {
          reasons: [...u.reasons],
          pupilHelpQuestion: u.pupilHelpQuestion.trim(),
          mentorSupportQuestion: u.mentorSupportQuestion.trim(),
          problem: clean(u.problem),
          parentsInformed: u.parentsInformed,
          requestedOn: todayIso(),
          requestedBy: u.actor.name,
          caseId: null,
        };
        return { description: 'Directe aanmelding bij het IZO gevraagd' };
      },
      answer: view,
    },
    sync,
  );

  // --- TERUGKOPPELING_PO ---
  const momentOf = new WeakMap<FeedbackInput, TerugkoppelingMoment>();
  stepHandler<FeedbackInput, OverdrachtState>(
    rec,
    recordOverdrachtFeedback,
    {
      step: STEPS.OVERDRACHT_FEEDBACK,
      check: () => {
        o.requireWaiting('OVERDRACHT_FEEDBACK');
        if (state.openMoment === null) reject('STEP_NOT_ALLOWED', 'Er staat nu geen terugkoppeling open', 'No feedback is open now');
      },
      apply: (u) => {
        const m = state.openMoment as { moment: TerugkoppelingMoment; date: string };
        momentOf.set(u, m.moment);
        state.feedback.push({ moment: m.moment, momentDate: m.date, date: todayIso(), summary: u.summary.trim(), sentTo: clean(u.sentTo), recordedBy: u.actor.name });
        return { description: `Terugkoppeling aan ${input.poSchoolName} ${TERUGKOPPELING_LABELS[m.moment]}` };
      },
      // The next moment may be due at once: its feedback step is then open again, which is moving on too.
      movedOn: o.movedOnFrom<FeedbackInput>('OVERDRACHT_FEEDBACK', (u) => s.waitingFor === 'OVERDRACHT_FEEDBACK' && state.openMoment !== null && state.openMoment.moment !== momentOf.get(u)),
      answer: view,
    },
    sync,
  );

  // Stopping answers at once: the main flow closes the case.
  stepHandler(
    rec,
    stopOverdracht,
    {
      step: STEPS.STOP_OVERDRACHT,
      check: () => o.requireNotClosed(),
      apply: (u) => {
        state.stopReason = u.reason.trim();
        return { description: 'Overdracht gestopt', reason: u.reason };
      },
      answer: view,
    },
    sync,
  );
}
