/**
 * P6 — the linked cases an overdracht starts: the zorgplicht clock (P4) for a pupil with support needs, and a direct
 * IZO referral (P2) prefilled from the handover. Both go through messages (startLinkedCase), not through the other
 * process's workflow code.
 */
import { SYSTEM } from '../common/case-recorder';
import { startLinkedCase } from '../common/links';
import { zorgplichtApplicationRejection, zorgplichtWorkflowId } from '../zorgplicht/zorgplicht-clock';
import type { StartZorgplichtInput } from '../zorgplicht/zorgplicht.messages';
import { missingReferralFields, type AanmeldFormulier, type StartZorgrouteInput } from '../zorgroute/zorgroute.messages';
import { todayIso, type Overdracht } from './overdracht.case';

/** Starts the zorgplicht clock (P4) once, for a pupil with support needs, from the date the application was received. */
export async function startZorgplicht(o: Overdracht, why: string): Promise<void> {
  const { input, state, preferenceSchoolIds } = o;
  if (state.zorgplicht !== null) return;
  const zpId = zorgplichtWorkflowId(input.pupilId, input.applicationReceivedOn);
  const refusal = zorgplichtApplicationRejection({ schoolId: input.schoolId, receivedOn: input.applicationReceivedOn, preferenceSchoolIds, today: todayIso() });
  if (refusal) {
    state.zorgplicht = { caseId: zpId, started: false, reason: refusal.nl };
    await o.recordStep(SYSTEM, 'ZORGPLICHT_NOT_STARTED', `Geen zorgplichttermijn gestart: ${refusal.nl}`);
    return;
  }
  const args: StartZorgplichtInput = {
    schoolId: input.schoolId,
    pupilId: input.pupilId,
    startedBy: o.contact,
    receivedOn: input.applicationReceivedOn,
    extraSupportExpected: true,
    preferenceSchoolIds,
    source: 'OVERDRACHT',
    originCaseId: o.rec.caseId,
  };
  const link = await startLinkedCase(o.rec, { workflowType: 'zorgplichtWorkflow', workflowId: zpId, process: 'ZORGPLICHT', args: [args], reason: `Aanmelding van een leerling met ondersteuningsbehoefte (${why})` });
  state.zorgplicht = { caseId: zpId, started: link.started, reason: link.started ? null : 'Er loopt of liep al een zorgplichttermijn voor deze aanmelding' };
  await o.recordStep(
    SYSTEM,
    link.started ? 'ZORGPLICHT_STARTED' : 'ZORGPLICHT_NOT_STARTED',
    link.started ? `Zorgplichttermijn gestart (aanmelding ontvangen op ${input.applicationReceivedOn})` : 'Zorgplichttermijn niet gestart: er bestaat al een termijn voor deze aanmelding',
  );
}

/** A direct IZO referral (P2), prefilled from the handover. */
export async function startIzoReferral(o: Overdracht): Promise<void> {
  const { input, state } = o;
  const caseId = o.rec.caseId;
  const r = state.izoReferral;
  if (!r || r.caseId !== null) return;
  const previous = o.status();
  await o.transition('DIRECTE_IZO_AANMELDING', 'Leerling direct aangemeld bij het intern zorgoverleg (IZO)');
  const okr = state.okr;
  const wo = state.warmeOverdracht;
  const form: AanmeldFormulier = {
    reasons: [...r.reasons],
    parentsInformed: r.parentsInformed,
    problem: r.problem ?? okr?.supportNeedsDescription ?? null,
    pupilHelpQuestion: r.pupilHelpQuestion,
    mentorSupportQuestion: r.mentorSupportQuestion,
    strengths: wo?.talents ?? null,
    socialEmotional: okr?.sociaalEmotioneel ?? null,
    workAttitude: okr?.werkhouding ?? null,
    earlierCareContacts: okr?.externeZorg ?? null,
    schoolCareer: `Basisschool ${input.poSchoolName}; schooladvies ${okr?.schooladvies ?? 'onbekend'}`,
    otherRemarks: wo ? `Warme overdracht ${wo.date}: ${wo.summary}` : null,
  };
  const p2: StartZorgrouteInput = {
    schoolId: input.schoolId,
    pupilId: input.pupilId,
    startedBy: { id: o.zc, name: r.requestedBy },
    referrerRole: 'ZORGCOORDINATOR',
    source: 'PO_VO_INSTROOM',
    form,
    submit: missingReferralFields(form).length === 0,
    originCaseId: caseId,
  };
  const link = await startLinkedCase(o.rec, { workflowType: 'zorgrouteWorkflow', workflowId: `zorgroute-from-${caseId}`, process: 'ZORGROUTE', args: [p2], reason: 'Directe IZO-aanmelding vanuit de PO-VO-overdracht' });
  r.caseId = link.caseId;
  await o.recordStep(SYSTEM, link.started ? 'LINKED_CASE_STARTED' : 'LINKED_CASE_NOT_STARTED', link.started ? 'IZO-aanmelding gestart vanuit de overdracht' : 'IZO-aanmelding kon niet worden gestart (bestaat al)');
  if (previous !== 'DIRECTE_IZO_AANMELDING') await o.transition(previous, 'Overdracht loopt verder');
}
