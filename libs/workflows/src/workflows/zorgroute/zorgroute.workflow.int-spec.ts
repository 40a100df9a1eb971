import type { WorkflowHandle } from '@temporalio/client';
import {
  addCalendarDays,
  addSchoolDays,
  buildSchoolCalendar,
  DEFAULT_LADDER,
  dueInSchoolDays,
  isoDayOfWeek,
  reminderLadder,
  toIsoDate,
  type PolicyOverrides,
} from '@zorgroute/domain/logic';
import { FakeCaseActivities } from '../../../test/fake-case-activities';
import { DAY, maybeRecordHistory, updateError, useWorkflowTestKit, waitUntil } from '../../../test/workflow-test-kit';
import { decideConsentTimeout, getConsents, recordConsentDecision, withdrawConsent } from '../common/consent';
import { stopOov, type oovWorkflow } from '../oov/oov.workflow';
import {
  assignCoach,
  getTrajectState,
  ondersteuningstrajectWorkflow,
  recordIntake,
  recordMidEvaluation,
  recordOutcome,
} from '../ondersteuningstraject/ondersteuningstraject.workflow';
import {
  closeZorgroute,
  confirmIzoMinutesSent,
  confirmZatAgendaSent,
  getZorgrouteState,
  liftParentsException,
  planZat,
  recordBilateral,
  recordIzoDiscussion,
  recordIzoEvaluation,
  recordNagesprek,
  recordVoorgesprek,
  recordZatDiscussion,
  recordZatEvaluation,
  recordZatFeedback,
  saveReferral,
  submitReferral,
  submitZatReferral,
  triageReferral,
  zorgrouteWorkflow,
  type AanmeldFormulier,
  type IzoDecision,
  type StartZorgrouteInput,
  type ZorgrouteState,
} from './zorgroute.workflow';

/** The calendar the fake activities give every case (region midden). */
const cal = buildSchoolCalendar('midden');
const zc = { id: 'zc-1', name: 'Marieke Verhoef' };
const mentor = { id: 'mentor-1', name: 'Sanne de Wit' };
const parent = { id: 'parent-1', name: 'Petra Veldkamp' };
const coach = { id: 'coach-1', name: 'Fatima El Idrissi' };
const CHECKS_OK = { secondLine: true, questionsClear: true, firstLineDone: true, parentsAndPupilKnow: true };
const FORM: AanmeldFormulier = {
  reasons: ['ONVOLDOENDE_PROFIJT_GROEPSPLAN'],
  parentsInformed: true,
  problem: 'Raakt achter bij alle vakken; maakt werk niet af',
  pupilHelpQuestion: 'Help mij om mijn werk af te krijgen',
  mentorSupportQuestion: 'Hoe kan ik hem helpen om zich te concentreren?',
  firstLineActions: 'Vaste plek in de klas, weekplanning met de mentor',
  supportNeeded: ['BEGELEIDING_LEERLING'],
  functioningAtHome: 'Thuis gaat het redelijk',
  strengths: 'Sportief en behulpzaam',
};
const input: StartZorgrouteInput = { schoolId: 's-1', pupilId: 'pupil-1', startedBy: mentor, referrerRole: 'MENTOR', source: 'GROEPSBESPREKING' };

type P2Handle = WorkflowHandle<typeof zorgrouteWorkflow>;

const kit = useWorkflowTestKit();



/**
 * Starts a P2 case. A test that records its history uses the history's name as workflow id: the replay test replays
 * each file under its name, and business keys derived from the case id (consent requests, linked cases) must match.
 */
function start(taskQueue: string, over: Partial<StartZorgrouteInput> = {}, workflowId = `p2-${taskQueue}`): Promise<P2Handle> {
  return kit.env.client.workflow.start(zorgrouteWorkflow, { taskQueue, workflowId, args: [{ ...input, ...over }] });
}

async function today(): Promise<string> {
  return toIsoDate(await kit.env.currentTimeMs());
}

/** Skips time to noon (UTC) of `date`: every timer of that school day (08:00 Amsterdam) has fired. */
async function sleepPast(date: string): Promise<void> {
  const ms = Date.parse(`${date}T12:00:00Z`) - (await kit.env.currentTimeMs());
  if (ms > 0) await kit.env.sleep(ms);
}

async function waitFor(h: P2Handle, check: (st: ZorgrouteState) => boolean, what: string): Promise<ZorgrouteState> {
  for (let i = 0; i < 300; i++) {
    const st = await h.query(getZorgrouteState).catch(() => null);
    if (st && check(st)) return st;
    await new Promise((r) => setTimeout(r, 50));
  }
  const st = await h.query(getZorgrouteState).catch(() => null);
  throw new Error(`${what} not reached (status ${st?.case.status}, waiting for ${st?.case.waitingFor})`);
}

const waitForStep = (h: P2Handle, step: string) => waitFor(h, (st) => st.case.waitingFor === step, `step ${step}`);
const waitForStatus = (h: P2Handle, status: string) => waitFor(h, (st) => st.case.status === status, `status ${status}`);



async function pendingConsent(h: P2Handle, kind: string): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const list = await h.query(getConsents);
    const r = list.find((c) => c.kind === kind && c.status === 'PENDING');
    if (r) return r.requestId;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no pending consent ${kind}`);
}

async function answerConsent(h: P2Handle, kind: string, decision: 'GIVEN' | 'REFUSED', paper = false): Promise<void> {
  const requestId = await pendingConsent(h, kind);
  await h.executeUpdate(recordConsentDecision, {
    args: [
      paper
        ? { actor: zc, requestId, decision, method: 'PAPER_SCAN', giverUserId: parent.id, giverRole: 'PARENT', scanReference: 'scan-toestemming-2026-001.pdf' }
        : { actor: parent, requestId, decision, method: 'DIGITAL', giverUserId: parent.id, giverRole: 'PARENT', note: decision === 'REFUSED' ? 'Wij willen dit eerst zelf oplossen' : null },
    ],
  });
}

/** Referral submitted and accepted, voorgesprek held and IZO consent given: the case is GEPLAND_IZO. */
async function toIzo(h: P2Handle): Promise<void> {
  await waitForStep(h, 'SUBMIT_REFERRAL');
  await h.executeUpdate(submitReferral, { args: [{ actor: mentor, form: FORM }] });
  await waitForStep(h, 'TRIAGE');
  await h.executeUpdate(triageReferral, { args: [{ actor: zc, outcome: 'GEACCEPTEERD', checks: CHECKS_OK }] });
  await waitForStep(h, 'RECORD_VOORGESPREK');
  await h.executeUpdate(recordVoorgesprek, { args: [{ actor: mentor, date: await today(), parentsReport: 'Ouders herkennen het beeld', pupilReport: 'Wil graag hulp bij plannen' }] });
  await answerConsent(h, 'IZO_BESPREKING', 'GIVEN');
  await waitForStep(h, 'RECORD_IZO');
}

async function izoDiscussed(h: P2Handle, decisions: IzoDecision[], evaluationDate: string | null = null): Promise<void> {
  await waitForStep(h, 'RECORD_IZO');
  await h.executeUpdate(recordIzoDiscussion, {
    args: [{ actor: zc, minutes: { analysis: 'Plannen en concentratie', educationalNeeds: 'Structuur en korte opdrachten', zatQuestion: 'Is er meer nodig thuis?', summary: 'Afspraken gemaakt' }, decisions, evaluationDate }],
  });
  await waitForStep(h, 'DISTRIBUTE_IZO_MINUTES');
  await h.executeUpdate(confirmIzoMinutesSent, { args: [{ actor: zc }] });
  await waitForStep(h, 'RECORD_NAGESPREK');
  await h.executeUpdate(recordNagesprek, { args: [{ actor: mentor, date: await today(), parentsReport: 'Afspraken besproken met ouders', pupilReport: 'Leerling doet mee' }] });
}

const COACHING: IzoDecision = { kind: 'COACHING_MENTOR_DOCENTEN', description: 'Coaching van de mentor door de orthopedagoog' };
const TO_ZAT: IzoDecision = { kind: 'VERWIJZING_ZAT', description: 'Aanmelden bij het ZAT' };

async function evaluationToZat(h: P2Handle): Promise<void> {
  const st = await waitForStatus(h, 'UITVOERING');
  expect(st.evaluationDate).not.toBeNull();
  await sleepPast(st.evaluationDate as string);
  await waitForStep(h, 'RECORD_EVALUATION');
  await h.executeUpdate(recordIzoEvaluation, { args: [{ actor: zc, outcome: 'VERWIJZING_ZAT', summary: 'Geen voortgang', zatQuestion: 'Welke hulp is thuis nodig?' }] });
}

async function zatDiscussed(h: P2Handle, evaluationDate: string): Promise<void> {
  await waitForStep(h, 'RECORD_ZAT');
  await h.executeUpdate(recordZatDiscussion, {
    args: [
      {
        actor: zc,
        analysis: 'Multidisciplinaire analyse',
        actions: [{ who: 'Schoolmaatschappelijk werk', what: 'Huisbezoek', goal: 'Beeld van de thuissituatie', due: addCalendarDays(await today(), 14) }],
        casusregisseur: 'Gezinsspecialist Sociaal Team',
        feedbackToFamilyBy: 'Zorgcoördinator',
        evaluationDate,
        summary: 'Plan van aanpak vastgesteld',
      },
    ],
  });
}

describe('P2 zorgroute workflow (time skipping)', () => {
  it('runs signal → triage (returned once) → voorgesprek → IZO → evaluation loop → AFGESLOTEN, starting a P1 trajectory from an IZO decision', async () => {
    const fakes = new FakeCaseActivities();
    const final = await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, {}, 'zorgroute-izo-terug-doel-bereikt');
      await waitForStep(h, 'SUBMIT_REFERRAL');
      // The form is incomplete: the mandatory hulpvraag and begeleidingsvraag are missing.
      const incomplete = await updateError(h.executeUpdate(submitReferral, { args: [{ actor: mentor, form: { reasons: ['VERMOEDEN_STOORNIS' as never] } }] }));
      expect(incomplete.type).toBe('BAD_USER_INPUT');
      const incomplete2 = await updateError(h.executeUpdate(submitReferral, { args: [{ actor: mentor, form: { reasons: ['ERNSTIGE_SIGNALEN_STOORNIS'], parentsInformed: true } }] }));
      expect(incomplete2.message).toMatch(/hulpvraag van de leerling.*begeleidingsvraag/);
      await h.executeUpdate(saveReferral, { args: [{ actor: mentor, form: { reasons: ['ERNSTIGE_SIGNALEN_STOORNIS'], parentsInformed: true, problem: 'Trekt zich terug' } }] });
      const submittedOn = await today();
      await h.executeUpdate(submitReferral, { args: [{ actor: mentor, form: { pupilHelpQuestion: 'Help mij', mentorSupportQuestion: 'Hoe bereik ik haar?' } }] });

      // Triage within 5 school days; it returns the incomplete referral: the referrer completes it, not the zorgcoördinator.
      await waitForStep(h, 'TRIAGE');
      // The read model lists the open step from the record that opens it (the case page offers its form).
      await waitUntil(() => fakes.latest?.waitingFor === 'TRIAGE', 'the triage in the read model');
      expect(fakes.latest?.data.openSteps).toEqual(['TRIAGE']);
      const triageDue = (await h.query(getZorgrouteState)).case.nextDueDate;
      expect(triageDue).toBe(dueInSchoolDays(submittedOn, 5, cal, 'x').date);
      await h.executeUpdate(triageReferral, { args: [{ actor: zc, outcome: 'TERUG_NAAR_AANMELDER', checks: { ...CHECKS_OK, firstLineDone: false }, missingInformation: 'Wat heeft de mentor al gedaan?' }] });
      await waitForStatus(h, 'TERUG_NAAR_AANMELDER');
      await waitForStep(h, 'SUBMIT_REFERRAL');
      // The referrer hears that it came back (not a second "new task"), without the coordinator's note.
      await waitUntil(() => fakes.notifications.some((n) => n.kind === 'REFERRAL_RETURNED'), 'the returned-referral message');
      const returned = fakes.notifications.filter((n) => n.kind === 'REFERRAL_RETURNED');
      expect(returned).toHaveLength(1);
      expect(returned[0].recipients).toEqual({ userIds: [mentor.id] });
      expect(JSON.stringify(returned[0])).not.toContain('Wat heeft de mentor al gedaan?');
      // The first "new task" was for the first round only.
      expect(fakes.notifications.filter((n) => n.kind === 'STEP_ASSIGNED' && n.key.includes(':SUBMIT_REFERRAL:'))).toHaveLength(1);
      const byZc = await updateError(h.executeUpdate(submitReferral, { args: [{ actor: zc, form: { firstLineActions: 'Opgezocht door de zc' } }] }));
      expect(byZc.type).toBe('STEP_NOT_ALLOWED');
      await h.executeUpdate(submitReferral, { args: [{ actor: mentor, form: { firstLineActions: 'Gesprekken met de leerling, vaste plek' } }] });
      await waitForStep(h, 'TRIAGE');
      // A triage that accepts while the questions are unclear is refused.
      const unclear = await updateError(h.executeUpdate(triageReferral, { args: [{ actor: zc, outcome: 'GEACCEPTEERD', checks: { ...CHECKS_OK, questionsClear: false } }] }));
      expect(unclear.type).toBe('BAD_USER_INPUT');
      await h.executeUpdate(triageReferral, { args: [{ actor: zc, outcome: 'GEACCEPTEERD', checks: CHECKS_OK }] });

      await waitForStep(h, 'RECORD_VOORGESPREK');
      const noParents = await updateError(h.executeUpdate(recordVoorgesprek, { args: [{ actor: mentor, date: await today(), pupilReport: 'Gesprek met leerling' }] }));
      expect(noParents.type).toBe('BAD_USER_INPUT');
      await h.executeUpdate(recordVoorgesprek, { args: [{ actor: mentor, date: await today(), parentsReport: 'Ouders maken zich ook zorgen', pupilReport: 'Gesprek met leerling' }] });
      // Consent to discuss in the IZO: asked from the parents, who answer in the portal.
      await waitForStep(h, 'CONSENT_IZO_BESPREKING');
      await answerConsent(h, 'IZO_BESPREKING', 'GIVEN');
      const planned = await waitForStep(h, 'RECORD_IZO');
      expect(planned.case.status).toBe('GEPLAND_IZO');
      // The next IZO: a Tuesday (school policy) at least one school day ahead.
      expect(isoDayOfWeek(planned.izoMeetingDate as string)).toBe(2);
      expect((planned.izoMeetingDate as string) >= addSchoolDays(await today(), 1, cal)).toBe(true);

      const evalDate = addCalendarDays(await today(), 42);
      await izoDiscussed(h, [
        COACHING,
        {
          kind: 'INTERNE_ONDERSTEUNING',
          description: 'Faalangstreductietraining',
          supportType: 'FAALANGSTREDUCTIE',
          goal: 'Rustig blijven bij toetsen',
          provider: 'Fatima El Idrissi',
          startDate: addCalendarDays(await today(), 7),
          frequency: 'wekelijks',
          duration: '8 weken',
          evaluationDate: evalDate,
          startProcess: 'ONDERSTEUNINGSTRAJECT',
          trajectWeeks: 8,
        },
      ], evalDate);
      const running = await waitForStatus(h, 'UITVOERING');
      expect(running.ledTo).toEqual([expect.objectContaining({ process: 'ONDERSTEUNINGSTRAJECT', started: true, caseId: 'ondersteuningstraject-from-zorgroute-izo-terug-doel-bereikt-1-2' })]);
      const child = kit.env.client.workflow.getHandle(running.ledTo[0].caseId);
      for (let i = 0; i < 100 && (await child.query(getTrajectState).catch(() => null))?.case.status !== 'INTAKE'; i++) await new Promise((r) => setTimeout(r, 50));
      const childState = await child.query(getTrajectState);
      expect(childState.case.originCaseId).toBe('zorgroute-izo-terug-doel-bereikt');
      expect(childState.case.data.reason).toBe('Rustig blijven bij toetsen');
      await child.terminate('test: child not needed further');

      // Evaluation on the evaluation date: continue once with a new date, then the goal is reached.
      await sleepPast(evalDate);
      await waitForStep(h, 'RECORD_EVALUATION');
      expect((await h.query(getZorgrouteState)).case.status).toBe('EVALUATIE');
      const next = addCalendarDays(await today(), 35);
      await h.executeUpdate(recordIzoEvaluation, { args: [{ actor: zc, outcome: 'VOORTZETTEN', summary: 'Vooruitgang, nog niet genoeg', nextEvaluationDate: next }] });
      await waitForStatus(h, 'UITVOERING');
      await sleepPast(next);
      await waitForStep(h, 'RECORD_EVALUATION');
      await h.executeUpdate(recordIzoEvaluation, { args: [{ actor: zc, outcome: 'DOEL_BEREIKT', summary: 'Doel bereikt', nazorg: 'Mentor houdt vinger aan de pols' }] });
      const result = await h.result();
      await maybeRecordHistory(h, 'zorgroute-izo-terug-doel-bereikt');
      return result;
    });
    expect(final.case.status).toBe('AFGESLOTEN');
    expect(final.case.outcome).toBe('DOEL_BEREIKT');
    expect(final.triages.map((t) => t.outcome)).toEqual(['TERUG_NAAR_AANMELDER', 'GEACCEPTEERD']);
    expect(final.evaluations.map((e) => e.outcome)).toEqual(['VOORTZETTEN', 'DOEL_BEREIKT']);
    const p2Statuses = fakes.audit.filter((a) => a.eventKey.startsWith('zorgroute-izo-') && a.action.startsWith('STATUS_')).map((a) => a.action.slice(7));
    expect(p2Statuses).toEqual([
      'INGEDIEND', 'TRIAGE', 'TERUG_NAAR_AANMELDER', 'INGEDIEND', 'TRIAGE', 'GEACCEPTEERD', 'VOORGESPREK', 'GEPLAND_IZO', 'BESPROKEN_IZO', 'NAGESPREK',
      'UITVOERING', 'EVALUATIE', 'UITVOERING', 'EVALUATIE', 'AFGESLOTEN',
    ]);
    // The consent record went through the activity: pending, then given digitally by the parent.
    const consent = [...fakes.consents.values()].find((c) => c.kind === 'IZO_BESPREKING');
    expect(consent).toEqual(expect.objectContaining({ status: 'GIVEN', method: 'DIGITAL', giverUserId: parent.id, giverRole: 'PARENT', version: 2 }));
    // The request went to the parents, and no reminder was sent after the answer.
    const consentMsgs = fakes.notifications.filter((n) => n.key.startsWith(`${consent?.id}:`));
    expect(consentMsgs.map((n) => n.key.split(':').at(-1))).toEqual(['requested']);
    expect(consentMsgs[0].recipients).toEqual({ parentsOfPupil: 'pupil-1' });
    expect(fakes.duplicates).toBe(0);
  }, 240_000);

  it('asks parental consent for the ZAT: a refusal returns the case to the IZO; with consent (paper scan) the case goes through a fixed ZAT to EXTERN_VERWEZEN', async () => {
    const fakes = new FakeCaseActivities();
    const final = await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, {}, 'zorgroute-zat-geweigerd-extern-verwezen');
      await toIzo(h);
      await izoDiscussed(h, [TO_ZAT]);
      await waitForStatus(h, 'TOESTEMMING_ZAT');
      await answerConsent(h, 'ZAT_AANMELDING', 'REFUSED');
      // Refusal is an outcome: recorded, and the case is back on the IZO agenda.
      const back = await waitForStep(h, 'RECORD_IZO');
      expect(back.case.status).toBe('GEPLAND_IZO');
      expect(back.zatConsentRefusals).toEqual([expect.objectContaining({ outcome: 'REFUSED', note: 'Wij willen dit eerst zelf oplossen' })]);
      expect(back.izoRounds).toHaveLength(2);

      await izoDiscussed(h, [TO_ZAT]);
      await waitForStatus(h, 'TOESTEMMING_ZAT');
      // The zorgcoördinator records the signed paper form; a second answer to the same request is refused.
      await answerConsent(h, 'ZAT_AANMELDING', 'GIVEN', true);
      const info = await waitForStep(h, 'SUBMIT_ZAT_REFERRAL');
      expect(info.case.status).toBe('INFORMATIE_VERZAMELEN');
      // Prefilled from the IZO case.
      expect(info.zatReferral).toEqual(expect.objectContaining({ problem: FORM.problem, strengths: FORM.strengths, questionToZat: 'Is er meer nodig thuis?' }));
      const answered = info.consents.find((c) => c.kind === 'ZAT_AANMELDING' && c.status === 'GIVEN');
      const again = await updateError(h.executeUpdate(recordConsentDecision, { args: [{ actor: parent, requestId: answered?.requestId as string, decision: 'REFUSED', method: 'DIGITAL', giverUserId: parent.id, giverRole: 'PARENT' }] }));
      expect(again.type).toBe('STEP_NOT_ALLOWED');

      await h.executeUpdate(submitZatReferral, { args: [{ actor: zc, form: { helpQuestion: 'Help bij structuur thuis en op school' } }] });
      await waitForStep(h, 'PLAN_ZAT');
      // The next school day (not tomorrow: a test started on a Saturday would get the "not a school day" answer).
      const tooSoon = await updateError(h.executeUpdate(planZat, { args: [{ actor: zc, meetingDate: addSchoolDays(await today(), 1, cal) }] }));
      expect(tooSoon.message).toMatch(/agenda moet minstens 5 schooldagen vooraf/);
      const meetingDate = addSchoolDays(await today(), 8, cal);
      await h.executeUpdate(planZat, { args: [{ actor: zc, meetingDate, invitees: ['JEUGDARTS', 'SMW'] }] });
      const planned = await waitForStep(h, 'RECORD_ZAT');
      expect(planned.case.status).toBe('GEPLAND_ZAT');
      // The agenda goes out by itself 5 school days before the meeting (no manual step any more).
      expect(planned.case.data.dueDates).toEqual(expect.arrayContaining([expect.objectContaining({ step: 'ZAT_AGENDA', date: addSchoolDays(meetingDate, -5, cal) })]));
      await sleepPast(addSchoolDays(meetingDate, -5, cal));
      await waitFor(h, (st) => st.zatMeeting?.agendaSentAt != null, 'agenda sent');
      const zatEval = addCalendarDays(await today(), 40);
      await zatDiscussed(h, zatEval);
      await waitForStep(h, 'RECORD_ZAT_FEEDBACK');
      await h.executeUpdate(recordZatFeedback, { args: [{ actor: zc, date: await today(), parentsReport: 'Conclusies besproken', pupilReport: 'Leerling akkoord' }] });
      await waitForStatus(h, 'ZAT_OPVOLGING');
      await sleepPast(zatEval);
      await waitForStep(h, 'RECORD_ZAT_EVALUATION');
      const zatEval2 = addCalendarDays(await today(), 30);
      await h.executeUpdate(recordZatEvaluation, { args: [{ actor: zc, outcome: 'VOORTZETTEN', summary: 'Acties bijgesteld', nextEvaluationDate: zatEval2 }] });
      await waitForStatus(h, 'ZAT_OPVOLGING');
      await sleepPast(zatEval2);
      await waitForStep(h, 'RECORD_ZAT_EVALUATION');
      const noTarget = await updateError(h.executeUpdate(recordZatEvaluation, { args: [{ actor: zc, outcome: 'EXTERN_VERWEZEN', summary: 'Verwijzing' }] }));
      expect(noTarget.type).toBe('BAD_USER_INPUT');
      await h.executeUpdate(recordZatEvaluation, { args: [{ actor: zc, outcome: 'EXTERN_VERWEZEN', summary: 'Verwezen naar de jeugd-GGZ', externalTarget: 'GGZ' }] });
      const result = await h.result();
      await maybeRecordHistory(h, 'zorgroute-zat-geweigerd-extern-verwezen');
      return result;
    });
    expect(final.case.status).toBe('EXTERN_VERWEZEN');
    expect(final.zatDiscussion?.casusregisseur).toBe('Gezinsspecialist Sociaal Team');
    const zatConsents = [...fakes.consents.values()].filter((c) => c.kind === 'ZAT_AANMELDING');
    expect(zatConsents.map((c) => [c.status, c.method])).toEqual([
      ['REFUSED', 'DIGITAL'],
      ['GIVEN', 'PAPER_SCAN'],
    ]);
    expect(zatConsents[1].scanReference).toBe('scan-toestemming-2026-001.pdf');
    expect(fakes.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['CONSENT_REFUSED', 'ZAT_CONSENT_NOT_GIVEN', 'CONSENT_GIVEN', 'ZAT_PLANNED', 'ZAT_AGENDA_SENT', 'ZAT_DISCUSSED', 'ZAT_EVALUATED']));
    expect(fakes.duplicates).toBe(0);
  }, 240_000);

  it('times out a ZAT consent request without answer: reminders to the parents, the case stuck, the zorgcoördinator asks again, then stops; back to the IZO', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, {}, 'zorgroute-zat-toestemming-verlopen');
      await toIzo(h);
      await izoDiscussed(h, [TO_ZAT]);
      const requestId = await pendingConsent(h, 'ZAT_AANMELDING');
      // 15 school days without an answer: the last day to answer is the 15th school day, whole; it expires after it.
      await sleepPast(addCalendarDays(addSchoolDays(await today(), 15, cal), 1));
      const st = await waitForStep(h, 'DECIDE_CONSENT_ZAT_AANMELDING');
      expect(st.case.status).toBe('TOESTEMMING_ZAT');
      expect(st.case.stuck).toBe(true);
      expect(st.case.stuckReason).toBe('CONSENT_TIMEOUT:ZAT_AANMELDING');
      expect(st.consents.find((c) => c.requestId === requestId)?.status).toBe('TIMED_OUT');
      const msgs = fakes.notifications.filter((n) => n.key.startsWith(`${requestId}:`));
      expect(msgs.map((n) => n.key.split(':').at(-1))).toEqual(['requested', 'before-2', 'due', 'after-2', 'escalate-3', 'after-4', 'after-6', 'after-8', 'timeout']);
      expect(msgs.filter((n) => n.kind === 'CONSENT_REQUESTED').every((n) => n.recipients.parentsOfPupil === 'pupil-1')).toBe(true);
      expect(msgs.find((n) => n.kind === 'STEP_ESCALATION')?.recipients.userIds).toEqual(['zc-1']);
      expect(msgs.at(-1)?.kind).toBe('CASE_STUCK');
      // A late answer to the expired request is not accepted.
      const late = await updateError(h.executeUpdate(recordConsentDecision, { args: [{ actor: parent, requestId, decision: 'GIVEN', method: 'DIGITAL', giverUserId: parent.id, giverRole: 'PARENT' }] }));
      expect(late.type).toBe('STEP_NOT_ALLOWED');

      await h.executeUpdate(decideConsentTimeout, { args: [{ actor: zc, requestId, decision: 'RETRY', reason: 'Ouders waren op vakantie' }] });
      const second = await pendingConsent(h, 'ZAT_AANMELDING');
      expect(second).not.toBe(requestId);
      const retried = await waitForStep(h, 'CONSENT_ZAT_AANMELDING');
      expect(retried.case.stuck).toBe(false);
      await sleepPast(addCalendarDays(addSchoolDays(await today(), 15, cal), 1));
      await waitForStep(h, 'DECIDE_CONSENT_ZAT_AANMELDING');
      await h.executeUpdate(decideConsentTimeout, { args: [{ actor: zc, requestId: second, decision: 'ABANDON', reason: 'Geen reactie van ouders' }] });
      const back = await waitForStep(h, 'RECORD_IZO');
      expect(back.case.status).toBe('GEPLAND_IZO');
      expect(back.case.stuck).toBe(false);
      expect(back.zatConsentRefusals).toEqual([expect.objectContaining({ outcome: 'TIMED_OUT' })]);
      await h.executeUpdate(closeZorgroute, { args: [{ actor: zc, reason: 'Einde test' }] });
      const result = await h.result();
      expect(result.case.outcome).toBe('GESTOPT');
      await maybeRecordHistory(h, 'zorgroute-zat-toestemming-verlopen');
    });
    expect(fakes.duplicates).toBe(0);
  }, 240_000);

  it('runs a Flex-ZAT (school policy): convened within 10 school days with parents and pupil invited, no agenda or feedback step, to SWV_VOORZIENING_AANGEVRAAGD', async () => {
    const fakes = new FakeCaseActivities({ zorgroute: { flexZat: true } } as PolicyOverrides);
    const final = await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, { form: FORM, submit: true }, 'zorgroute-flex-zat');
      await waitForStep(h, 'TRIAGE');
      await h.executeUpdate(triageReferral, { args: [{ actor: zc, outcome: 'GEACCEPTEERD', checks: CHECKS_OK }] });
      await waitForStep(h, 'RECORD_VOORGESPREK');
      await h.executeUpdate(recordVoorgesprek, { args: [{ actor: mentor, date: await today(), parentsReport: 'Ouders akkoord', pupilReport: 'Leerling akkoord' }] });
      await answerConsent(h, 'IZO_BESPREKING', 'GIVEN');
      await izoDiscussed(h, [COACHING]);
      await evaluationToZat(h);
      await waitForStatus(h, 'TOESTEMMING_ZAT');
      await answerConsent(h, 'ZAT_AANMELDING', 'GIVEN');
      await waitForStep(h, 'SUBMIT_ZAT_REFERRAL');
      await h.executeUpdate(submitZatReferral, { args: [{ actor: zc, form: { helpQuestion: 'Wat is er nodig?', questionToZat: 'Welk arrangement past?' } }] });
      const plan = await waitForStep(h, 'PLAN_ZAT');
      // The school day after the latest one (not a week later: that may fall in a holiday, which is not a school day).
      const tooLate = await updateError(h.executeUpdate(planZat, { args: [{ actor: zc, meetingDate: addSchoolDays(plan.case.nextDueDate as string, 1, cal) }] }));
      expect(tooLate.message).toMatch(/Flex-ZAT wordt binnen 10 schooldagen belegd/);
      await h.executeUpdate(planZat, { args: [{ actor: zc, meetingDate: plan.case.nextDueDate as string, mode: 'TELEFONISCH', invitees: ['JOS'] }] });
      const planned = await waitForStep(h, 'RECORD_ZAT');
      expect(planned.case.status).toBe('GEPLAND_ZAT');
      expect(planned.zatMeeting).toEqual(expect.objectContaining({ flex: true, mode: 'TELEFONISCH' }));
      expect(planned.zatMeeting?.invitees).toEqual(expect.arrayContaining(['OUDERS', 'LEERLING', 'SOCIAAL_TEAM', 'SWV', 'JOS']));
      const zatEval = addCalendarDays(await today(), 42);
      await zatDiscussed(h, zatEval);
      await waitForStatus(h, 'ZAT_OPVOLGING');
      await sleepPast(zatEval);
      await waitForStep(h, 'RECORD_ZAT_EVALUATION');
      await h.executeUpdate(recordZatEvaluation, { args: [{ actor: zc, outcome: 'SWV_VOORZIENING_AANGEVRAAGD', summary: 'OOV aangevraagd', swvProvision: 'OOV' }] });
      // An OOV asked of the SWV opens a linked OOV case (P5); stop it, so nothing is left waiting on this task queue.
      const oov = kit.env.client.workflow.getHandle<typeof oovWorkflow>('oov-from-zorgroute-flex-zat');
      for (let i = 0; i < 200 && !(await oov.describe().then(() => true, () => false)); i++) await new Promise((r) => setTimeout(r, 50));
      await oov.executeUpdate(stopOov, { args: [{ actor: zc, reason: 'Einde van de test' }] });
      await oov.result();
      const result = await h.result();
      await maybeRecordHistory(h, 'zorgroute-flex-zat');
      expect(result.ledTo).toEqual([expect.objectContaining({ caseId: 'oov-from-zorgroute-flex-zat', process: 'OOV', started: true })]);
      return result;
    });
    expect(final.case.status).toBe('SWV_VOORZIENING_AANGEVRAAGD');
    expect(final.flexZat).toBe(true);
    const steps = new Set(fakes.snapshots.map((x) => x.waitingFor));
    expect(steps.has('SEND_ZAT_AGENDA')).toBe(false);
    // A Flex-ZAT always invites parents and pupil, next to the school's participants; once, and no agenda mail.
    const flexInvites = fakes.notifications.filter((n) => n.kind === 'MEETING_INVITATION' && n.meeting?.kind === 'FLEX_ZAT');
    expect(flexInvites).toHaveLength(1);
    expect(flexInvites[0].recipients).toEqual({ userIds: ['zc-1', 'mentor-1'], mentorOfPupil: 'pupil-1', parentsOfPupil: 'pupil-1', pupilAccountOf: 'pupil-1' });
    expect(flexInvites[0].meeting).toEqual(expect.objectContaining({ mode: 'TELEFONISCH', date: final.zatMeeting?.meetingDate }));
    expect(fakes.notifications.filter((n) => n.kind === 'MEETING_AGENDA')).toHaveLength(0);
    expect(steps.has('RECORD_ZAT_FEEDBACK')).toBe(false);
    expect(fakes.duplicates).toBe(0);
  }, 240_000);

  it('asks for first-line actions first, re-triages on the re-check date, then settles it bilaterally', async () => {
    const fakes = new FakeCaseActivities();
    const final = await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, { form: FORM, submit: true }, 'zorgroute-eerstelijn-bilateraal');
      await waitForStep(h, 'TRIAGE');
      const noDate = await updateError(h.executeUpdate(triageReferral, { args: [{ actor: zc, outcome: 'EERST_EERSTELIJNS_ACTIES', checks: CHECKS_OK, firstLineActions: 'Eerst een groepsplan' }] }));
      expect(noDate.type).toBe('BAD_USER_INPUT');
      const recheckDate = addCalendarDays(await today(), 30);
      await h.executeUpdate(triageReferral, { args: [{ actor: zc, outcome: 'EERST_EERSTELIJNS_ACTIES', checks: { ...CHECKS_OK, firstLineDone: false }, firstLineActions: 'Eerst een groepsplan met extra instructie', recheckDate }] });
      const waiting = await waitForStatus(h, 'EERST_EERSTELIJNS_ACTIES');
      expect(waiting.openSteps).toEqual(['SUBMIT_REFERRAL']);
      expect(waiting.case.nextDueDate).toBe(recheckDate);
      await sleepPast(recheckDate);
      const again = await waitForStep(h, 'TRIAGE');
      expect(again.case.nextDueDate).toBe(dueInSchoolDays(recheckDate, 0, cal, 'x').date);
      await h.executeUpdate(triageReferral, { args: [{ actor: zc, outcome: 'BILATERAAL', checks: CHECKS_OK, bilateralWith: 'Orthopedagoog' }] });
      await waitForStep(h, 'RECORD_BILATERAL');
      await h.executeUpdate(recordBilateral, { args: [{ actor: zc, date: await today(), pupilReport: 'Afspraken met mentor en orthopedagoog', agreements: 'Evalueren in de groepsbespreking' }] });
      const result = await h.result();
      await maybeRecordHistory(h, 'zorgroute-eerstelijn-bilateraal');
      return result;
    });
    expect(final.case.status).toBe('AFGESLOTEN');
    expect(final.case.outcome).toBe('BILATERAAL');
    const statuses = fakes.audit.filter((a) => a.action.startsWith('STATUS_')).map((a) => a.action.slice(7));
    expect(statuses).toEqual(['INGEDIEND', 'TRIAGE', 'EERST_EERSTELIJNS_ACTIES', 'INGEDIEND', 'TRIAGE', 'BILATERAAL', 'AFGESLOTEN']);
  }, 240_000);

  it('keeps parents out only under the approved safety exception, and stops the triage reminders once the triage is done', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      const submittedOn = await today();
      const h = await start(tq, { form: { ...FORM, parentsInformed: false, parentsNotInformedReason: 'Vermoeden van huiselijk geweld' }, submit: true });
      await waitForStep(h, 'TRIAGE');
      // Let the triage run late: reminders before, on and after the due date, the zorgcoördinator told at 3 days.
      const ladder = reminderLadder(dueInSchoolDays(submittedOn, 5, cal, 'x').date, DEFAULT_LADDER, cal);
      await sleepPast(ladder.find((r) => r.key === 'after-4')?.date as string);
      const rungs = () => fakes.notifications.filter((n) => n.key.includes(':TRIAGE:')).map((n) => n.key.split(':').at(-1));
      expect(rungs()).toEqual(['assigned', 'before-2', 'due', 'after-2', 'escalate-3', 'after-4']);
      const notApproved = await updateError(h.executeUpdate(triageReferral, { args: [{ actor: zc, outcome: 'GEACCEPTEERD', checks: { ...CHECKS_OK, parentsAndPupilKnow: false } }] }));
      expect(notApproved.type).toBe('STEP_NOT_ALLOWED');
      await h.executeUpdate(triageReferral, { args: [{ actor: zc, outcome: 'GEACCEPTEERD', checks: { ...CHECKS_OK, parentsAndPupilKnow: false }, approveParentsNotInformed: true, contactPersonId: 'coach-1', contactPersonName: coach.name }] });
      const vg = await waitForStep(h, 'RECORD_VOORGESPREK');
      expect(vg.case.ownerUserId).toBe('coach-1');
      expect(vg.parentsException).toEqual(expect.objectContaining({ reason: 'Vermoeden van huiselijk geweld', approvedBy: zc.name }));
      const countAfterTriage = rungs().length;
      await kit.env.sleep(20 * DAY);
      expect(rungs().length).toBe(countAfterTriage);
      // Only the pupil conversation; no consent request to the parents; straight to the IZO.
      await h.executeUpdate(recordVoorgesprek, { args: [{ actor: coach, date: await today(), pupilReport: 'Gesprek met de leerling' }] });
      const izo = await waitForStep(h, 'RECORD_IZO');
      expect(izo.consents).toEqual([]);
      await h.executeUpdate(closeZorgroute, { args: [{ actor: zc, reason: 'Einde test' }] });
      const result = await h.result();
      expect(result.case.status).toBe('AFGESLOTEN');
    });
    expect(fakes.duplicates).toBe(0);
  }, 240_000);

  it('keeps the case from the parents until the zorgcoördinator lifts the exception; nothing that tells the parents starts before', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, { form: { ...FORM, parentsInformed: false, parentsNotInformedReason: 'Vermoeden van huiselijk geweld' }, submit: true }, 'zorgroute-uitzondering-opgeheven');
      await waitForStep(h, 'TRIAGE');
      // Kept from the parents from the start: the referral says they do not know.
      expect(fakes.latest?.hiddenFromParents).toBe(true);
      const nothingToLift = await updateError(h.executeUpdate(liftParentsException, { args: [{ actor: zc, reason: 'Ouders zijn inmiddels op de hoogte' }] }));
      expect(nothingToLift.type).toBe('STEP_NOT_ALLOWED');
      await h.executeUpdate(triageReferral, { args: [{ actor: zc, outcome: 'GEACCEPTEERD', checks: { ...CHECKS_OK, parentsAndPupilKnow: false }, approveParentsNotInformed: true }] });
      await waitForStep(h, 'RECORD_VOORGESPREK');
      await h.executeUpdate(recordVoorgesprek, { args: [{ actor: mentor, date: await today(), pupilReport: 'Gesprek met de leerling' }] });
      await waitForStep(h, 'RECORD_IZO');
      expect(fakes.latest?.hiddenFromParents).toBe(true);
      // A ZAT referral (the parents' consent) or a trajectory (it informs them) cannot start while they are left out.
      const toZat = await updateError(h.executeUpdate(recordIzoDiscussion, { args: [{ actor: zc, minutes: { summary: 'Afspraken' }, decisions: [TO_ZAT] }] }));
      expect(toZat.type).toBe('STEP_NOT_ALLOWED');
      expect(toZat.message).toMatch(/Hef eerst de uitzondering op/);
      const noReason = await updateError(h.executeUpdate(liftParentsException, { args: [{ actor: zc, reason: ' ' }] }));
      expect(noReason.type).toBe('BAD_USER_INPUT');

      const lifted = await h.executeUpdate(liftParentsException, { args: [{ actor: zc, reason: 'Veilig Thuis: ouders kunnen nu worden betrokken' }] });
      expect(lifted.parentsExceptionLifted).toEqual(expect.objectContaining({ by: zc.name, reason: 'Veilig Thuis: ouders kunnen nu worden betrokken' }));
      expect(fakes.latest?.hiddenFromParents).toBe(false);
      expect(fakes.audit.find((a) => a.action === 'PARENTS_EXCEPTION_LIFTED')).toEqual(expect.objectContaining({ actorId: zc.id, reason: 'Veilig Thuis: ouders kunnen nu worden betrokken' }));
      const twice = await updateError(h.executeUpdate(liftParentsException, { args: [{ actor: zc, reason: 'Nog een keer' }] }));
      expect(twice.type).toBe('STEP_NOT_ALLOWED');

      // From now on the parents take part: the nagesprek needs their report, and the ZAT asks their consent.
      await izoDiscussed(h, [TO_ZAT]);
      await waitForStep(h, 'CONSENT_ZAT_AANMELDING');
      expect(fakes.notifications.some((n) => n.kind === 'CONSENT_REQUESTED' && n.recipients.parentsOfPupil === input.pupilId)).toBe(true);
      await h.executeUpdate(closeZorgroute, { args: [{ actor: zc, reason: 'Einde test' }] });
      expect((await h.result()).case.status).toBe('AFGESLOTEN');
      await maybeRecordHistory(h, 'zorgroute-uitzondering-opgeheven');
    });
    expect(fakes.duplicates).toBe(0);
  }, 240_000);

  it('returns the case to the IZO when the parents withdraw their ZAT consent before the ZAT', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq);
      await toIzo(h);
      await izoDiscussed(h, [TO_ZAT]);
      await answerConsent(h, 'ZAT_AANMELDING', 'GIVEN');
      const st = await waitForStep(h, 'SUBMIT_ZAT_REFERRAL');
      const given = st.consents.find((c) => c.kind === 'ZAT_AANMELDING') as { requestId: string };
      await h.executeUpdate(withdrawConsent, { args: [{ actor: parent, requestId: given.requestId, reason: 'Wij hebben zelf hulp gezocht' }] });
      const back = await waitForStep(h, 'RECORD_IZO');
      expect(back.zatConsentRefusals).toEqual([expect.objectContaining({ outcome: 'WITHDRAWN', note: 'Wij hebben zelf hulp gezocht' })]);
      expect(back.consents.find((c) => c.requestId === given.requestId)?.withdrawnAt).not.toBeNull();
      await h.executeUpdate(closeZorgroute, { args: [{ actor: zc, reason: 'Einde test' }] });
      await h.result();
    });
    const rec = [...fakes.consents.values()].find((c) => c.kind === 'ZAT_AANMELDING');
    expect(rec?.withdrawalReason).toBe('Wij hebben zelf hulp gezocht');
  }, 240_000);

  it('starts a JOS trajectory for the same pupil from an IZO decision (child case with originCaseId, ledTo on the IZO case)', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq);
      await toIzo(h);
      const jos: IzoDecision = {
        kind: 'INTERNE_ONDERSTEUNING',
        description: 'JOS inzetten voor planning en huiswerk',
        supportType: 'HUISWERKBEGELEIDING',
        goal: 'Zelf het huiswerk plannen',
        provider: 'Lotte Brinkhorst (JOS)',
        startDate: addCalendarDays(await today(), 7),
        frequency: 'wekelijks',
        duration: 'maximaal 5 maanden',
        evaluationDate: addCalendarDays(await today(), 42),
        startProcess: 'JOS',
      };
      const noNeeds = await updateError(h.executeUpdate(recordIzoDiscussion, { args: [{ actor: zc, minutes: { summary: 'JOS' }, decisions: [{ ...jos, josWorkerId: 'jos-1' }] }] }));
      expect(noNeeds.type).toBe('BAD_USER_INPUT');
      await izoDiscussed(h, [{ ...jos, josNeeds: ['PLANNEN_HUISWERK'], josWorkerId: 'jos-1', mentorId: mentor.id }]);
      const st = await waitForStatus(h, 'UITVOERING');
      const childId = `jos-from-p2-${tq}-1-1`;
      expect(st.ledTo).toEqual([expect.objectContaining({ caseId: childId, process: 'JOS', started: true })]);
      const child = kit.env.client.workflow.getHandle(childId);
      let origin: string | null = null;
      for (let i = 0; i < 100 && origin === null; i++) {
        origin = fakes.snapshots.find((x) => x.caseId === childId)?.originCaseId ?? null;
        if (origin === null) await new Promise((r) => setTimeout(r, 50));
      }
      expect(origin).toBe(`p2-${tq}`);
      expect(fakes.snapshots.find((x) => x.caseId === childId)?.process).toBe('JOS');
      await child.terminate('test: child not needed further');
      await h.executeUpdate(closeZorgroute, { args: [{ actor: zc, reason: 'Einde test' }] });
      await h.result();
    });
  }, 240_000);

  it('opens a P2 referral, prefilled from the trajectory, when a P1 trajectory ends DOORVERWEZEN', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      const p1Id = 'ondersteuningstraject-doorverwezen-opent-izo';
      const h = await kit.env.client.workflow.start(ondersteuningstrajectWorkflow, {
        taskQueue: tq,
        workflowId: p1Id,
        args: [{ schoolId: 's-1', pupilId: 'pupil-1', startedBy: zc, reason: 'Somberheid en uitval', triedActions: 'Gesprekken met mentor', weeks: 6 }],
      });
      const waitP1 = async (status: string) => {
        for (let i = 0; i < 200 && (await h.query(getTrajectState).catch(() => null))?.case.status !== status; i++) await new Promise((r) => setTimeout(r, 50));
      };
      await waitP1('INTAKE');
      await h.executeUpdate(recordIntake, { args: [{ actor: zc, intakeDate: await today(), goal: 'Ik wil weer plezier hebben op school' }] });
      await waitP1('MATCHING');
      await h.executeUpdate(assignCoach, { args: [{ actor: zc, coachId: coach.id, coachName: coach.name, sessionSlot: 'maandag 9:00' }] });
      await waitP1('ACTIEF');
      await h.executeUpdate(recordMidEvaluation, { args: [{ actor: coach, summary: 'Weinig verandering' }] });
      await sleepPast((await h.query(getTrajectState)).endDate as string);
      await waitP1('EINDEVALUATIE');
      await h.executeUpdate(recordOutcome, { args: [{ actor: coach, outcome: 'DOORVERWEZEN', reason: 'Meer nodig: bespreken in het IZO' }] });
      const p1 = await h.result();
      expect(p1.case.status).toBe('DOORVERWEZEN');
      expect(p1.case.data.ledTo).toEqual([expect.objectContaining({ caseId: `zorgroute-from-${p1Id}`, process: 'ZORGROUTE', started: true })]);
      await maybeRecordHistory(h, 'ondersteuningstraject-doorverwezen-opent-izo');

      const p2 = kit.env.client.workflow.getHandle<typeof zorgrouteWorkflow>(`zorgroute-from-${p1Id}`);
      const st = await waitForStep(p2, 'SUBMIT_REFERRAL');
      expect(st.case.status).toBe('CONCEPT');
      expect(st.case.originCaseId).toBe(p1Id);
      expect(st.source).toBe('ONDERSTEUNINGSTRAJECT');
      expect(st.referrer.id).toBe(coach.id);
      expect(st.case.ownerUserId).toBe(coach.id);
      expect(st.form.problem).toBe('Somberheid en uitval');
      expect(st.form.pupilHelpQuestion).toBe('Ik wil weer plezier hebben op school');
      expect(st.form.firstLineActions).toMatch(/Ondersteuningstraject van 6 weken.*Gesprekken met mentor.*Tussenevaluatie: Weinig verandering.*Doorverwezen: Meer nodig/s);
      await p2.executeUpdate(closeZorgroute, { args: [{ actor: zc, reason: 'Einde test' }] });
      await p2.result();
    });
  }, 240_000);
  it('answers each step once the process has moved on, so every next step taken at once is accepted; invites the IZO and ZAT participants once and sends the ZAT agenda 5 school days before', async () => {
    const fakes = new FakeCaseActivities();
    let agendaDate = '';
    let meetingDate = '';
    let izoDate = '';
    await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, {}, 'zorgroute-direct-stappen-uitnodigingen-agenda');
      await waitForStep(h, 'SUBMIT_REFERRAL');
      // No waiting between the steps: each update answers once the next step is open and recorded.
      const submitted = await h.executeUpdate(submitReferral, { args: [{ actor: mentor, form: FORM }] });
      expect([submitted.case.status, submitted.case.waitingFor]).toEqual(['TRIAGE', 'TRIAGE']);
      const accepted = await h.executeUpdate(triageReferral, { args: [{ actor: zc, outcome: 'GEACCEPTEERD', checks: CHECKS_OK }] });
      expect([accepted.case.status, accepted.case.waitingFor]).toEqual(['VOORGESPREK', 'RECORD_VOORGESPREK']);
      const held = await h.executeUpdate(recordVoorgesprek, { args: [{ actor: mentor, date: await today(), parentsReport: 'Ouders akkoord', pupilReport: 'Leerling akkoord' }] });
      expect(held.case.waitingFor).toBe('CONSENT_IZO_BESPREKING');
      // Consent answers go through the shared consent machinery; the case is then on the IZO agenda.
      await answerConsent(h, 'IZO_BESPREKING', 'GIVEN');
      izoDate = (await waitForStep(h, 'RECORD_IZO')).izoMeetingDate as string;
      const discussed = await h.executeUpdate(recordIzoDiscussion, { args: [{ actor: zc, minutes: { summary: 'Verwijzen naar het ZAT', zatQuestion: 'Welke hulp is thuis nodig?' }, decisions: [TO_ZAT] }] });
      expect([discussed.case.status, discussed.case.waitingFor]).toEqual(['BESPROKEN_IZO', 'DISTRIBUTE_IZO_MINUTES']);
      const minutes = await h.executeUpdate(confirmIzoMinutesSent, { args: [{ actor: zc }] });
      expect([minutes.case.status, minutes.case.waitingFor]).toEqual(['NAGESPREK', 'RECORD_NAGESPREK']);
      const nagesprek = await h.executeUpdate(recordNagesprek, { args: [{ actor: mentor, date: await today(), parentsReport: 'Afspraken besproken', pupilReport: 'Leerling doet mee' }] });
      expect([nagesprek.case.status, nagesprek.case.waitingFor]).toEqual(['TOESTEMMING_ZAT', 'CONSENT_ZAT_AANMELDING']);
      await answerConsent(h, 'ZAT_AANMELDING', 'GIVEN');
      await waitForStep(h, 'SUBMIT_ZAT_REFERRAL');
      const info = await h.executeUpdate(submitZatReferral, { args: [{ actor: zc, form: { helpQuestion: 'Help bij structuur thuis en op school' } }] });
      expect(info.case.waitingFor).toBe('PLAN_ZAT');
      meetingDate = addSchoolDays(await today(), 8, cal);
      agendaDate = addSchoolDays(meetingDate, -5, cal);
      const badTime = await updateError(h.executeUpdate(planZat, { args: [{ actor: zc, meetingDate, meetingTime: '9 uur' }] }));
      expect(badTime.type).toBe('BAD_USER_INPUT');
      const planned = await h.executeUpdate(planZat, { args: [{ actor: zc, meetingDate, meetingTime: '09:30', location: 'vergaderkamer 2' }] });
      // Planned: the ZAT step is open (due on the meeting date); the agenda waits for its day.
      expect([planned.case.status, planned.case.waitingFor, planned.case.nextDueDate]).toEqual(['GEPLAND_ZAT', 'RECORD_ZAT', meetingDate]);
      expect(planned.zatMeeting).toEqual(expect.objectContaining({ meetingTime: '09:30', location: 'vergaderkamer 2', agendaSentAt: null }));
      const early = await updateError(h.executeUpdate(confirmZatAgendaSent, { args: [{ actor: zc }] }));
      expect(early.type).toBe('STEP_NOT_ALLOWED');

      // The school day before the agenda day nothing has gone out; on the agenda day the agenda is sent.
      await sleepPast(addSchoolDays(agendaDate, -1, cal));
      expect((await h.query(getZorgrouteState)).zatMeeting?.agendaSentAt).toBeNull();
      expect(fakes.notifications.filter((n) => n.kind === 'MEETING_AGENDA')).toHaveLength(0);
      await sleepPast(agendaDate);
      const sent = await waitFor(h, (st) => st.zatMeeting?.agendaSentAt != null, 'agenda sent');
      expect(toIsoDate(sent.zatMeeting?.agendaSentAt as string)).toBe(agendaDate);
      const zatDone = await h.executeUpdate(recordZatDiscussion, {
        args: [{ actor: zc, actions: [{ who: 'Schoolmaatschappelijk werk', what: 'Huisbezoek', goal: 'Beeld van thuis', due: addCalendarDays(await today(), 14) }], casusregisseur: 'Gezinsspecialist Sociaal Team', evaluationDate: addCalendarDays(await today(), 40), summary: 'Plan van aanpak' }],
      });
      expect([zatDone.case.status, zatDone.case.waitingFor]).toEqual(['BESPROKEN_ZAT', 'RECORD_ZAT_FEEDBACK']);
      const feedback = await h.executeUpdate(recordZatFeedback, { args: [{ actor: zc, date: await today(), parentsReport: 'Conclusies besproken', pupilReport: 'Akkoord' }] });
      expect([feedback.case.status, feedback.case.waitingFor]).toEqual(['ZAT_OPVOLGING', null]);
      await h.executeUpdate(closeZorgroute, { args: [{ actor: zc, reason: 'Einde van de test' }] });
      await h.result();
      await maybeRecordHistory(h, 'zorgroute-direct-stappen-uitnodigingen-agenda');
    });
    const staff = { userIds: ['zc-1', 'mentor-1'], mentorOfPupil: 'pupil-1' };
    const invitations = fakes.notifications.filter((n) => n.kind === 'MEETING_INVITATION');
    expect(invitations.map((n) => [n.meeting?.kind, n.dueDate, n.recipients])).toEqual([
      ['IZO', izoDate, staff],
      ['ZAT', meetingDate, staff],
    ]);
    expect(invitations[1].meeting).toEqual({ kind: 'ZAT', date: meetingDate, time: '09:30', mode: 'OP_SCHOOL', location: 'vergaderkamer 2' });
    const agenda = fakes.notifications.filter((n) => n.kind === 'MEETING_AGENDA');
    expect(agenda).toHaveLength(1);
    expect(agenda[0]).toEqual(expect.objectContaining({ recipients: staff, dueDate: meetingDate, stepLabel: 'ZAT-bespreking' }));
    const sentAudit = fakes.audit.find((a) => a.action === 'ZAT_AGENDA_SENT');
    expect(toIsoDate(sentAudit?.at as string)).toBe(agendaDate);
    expect(fakes.duplicates).toBe(0);
  }, 240_000);

  it('sends the ZAT agenda at once when the meeting leaves no more than 5 school days (ZAT calendar date)', async () => {
    // After 08:00 on this day: the agenda of a meeting 5 school days ahead is due today and goes out at once.
    await sleepPast(await today());
    const meetingDate = addSchoolDays(await today(), 5, cal);
    const fakes = new FakeCaseActivities({ zorgroute: { zatMeetingDates: [meetingDate] } } as PolicyOverrides);
    await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, {}, 'p2-zat-agenda-direct');
      await toIzo(h);
      await izoDiscussed(h, [TO_ZAT]);
      await answerConsent(h, 'ZAT_AANMELDING', 'GIVEN');
      await waitForStep(h, 'SUBMIT_ZAT_REFERRAL');
      const placed = await h.executeUpdate(submitZatReferral, { args: [{ actor: zc, form: { helpQuestion: 'Help bij structuur' } }] });
      // Placed on the calendar date, the ZAT step open, and the agenda sent at once (no timer to wait for).
      expect([placed.case.status, placed.case.waitingFor]).toEqual(['GEPLAND_ZAT', 'RECORD_ZAT']);
      expect(placed.zatMeeting?.meetingDate).toBe(meetingDate);
      expect(toIsoDate(placed.zatMeeting?.agendaSentAt as string)).toBe(await today());
      await h.executeUpdate(closeZorgroute, { args: [{ actor: zc, reason: 'Einde van de test' }] });
      await h.result();
    });
    const agenda = fakes.notifications.filter((n) => n.kind === 'MEETING_AGENDA');
    expect(agenda).toHaveLength(1);
    expect(agenda[0].meeting).toEqual(expect.objectContaining({ kind: 'ZAT', date: meetingDate }));
    expect(fakes.notifications.filter((n) => n.kind === 'MEETING_INVITATION').map((n) => n.meeting?.kind)).toEqual(['IZO', 'ZAT']);
    expect(fakes.duplicates).toBe(0);
  }, 240_000);
});
