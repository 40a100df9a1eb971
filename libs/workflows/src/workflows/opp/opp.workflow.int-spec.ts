import type { WorkflowHandle } from '@temporalio/client';
import { addCalendarMonths, addCalendarWeeks, addSchoolDays, buildSchoolCalendar, oppVersionDigest, reminderLadder, resolvePolicies, toIsoDate } from '@zorgroute/domain/logic';
import { FakeCaseActivities } from '../../../test/fake-case-activities';
import { DAY, maybeRecordHistory, updateError, useWorkflowTestKit, waitUntil } from '../../../test/workflow-test-kit';
import { recordConsentDecision } from '../common/consent';
import {
  adjustOpp,
  decideOppAfterRefusal,
  drawUpOpp,
  getOppState,
  oppWorkflow,
  recordOppEvaluation,
  recordOppPupilView,
  registerOppInBron,
  stopOpp,
  type DrawUpOppInput,
  type OppState,
  type StartOppInput,
} from './opp.workflow';

const cal = buildSchoolCalendar('midden');
const zc = { id: 'zc-1', name: 'Marieke Verhoef' };
const mentor = { id: 'mentor-1', name: 'Sanne de Wit' };
const parent = { id: 'parent-1', name: 'Petra Veldkamp' };
const ladder = resolvePolicies().ladder;

type Handle = WorkflowHandle<typeof oppWorkflow>;

const kit = useWorkflowTestKit();

async function today(): Promise<string> {
  return toIsoDate(await kit.env.currentTimeMs());
}

/** A case whose history is recorded uses the history's name as its workflow id (consent request ids derive from it). */
async function start(taskQueue: string, over: Partial<StartOppInput> = {}, workflowId = `p7-${taskQueue}`): Promise<Handle> {
  const input: StartOppInput = {
    schoolId: 's-1',
    pupilId: 'pupil-1',
    startedBy: zc,
    reason: 'Arrangement na het Flex-ZAT: structuur en begeleiding door de BPO',
    source: 'ZORGROUTE',
    sourceCaseId: 'zorgroute-pupil-1-2027',
    supportStartedOn: await today(),
    participantIds: [mentor.id],
  };
  return kit.env.client.workflow.start(oppWorkflow, { taskQueue, workflowId, args: [{ ...input, ...over }] });
}

async function waitFor(h: Handle, check: (st: OppState) => boolean, what: string): Promise<OppState> {
  for (let i = 0; i < 300; i++) {
    const st = await h.query(getOppState).catch(() => null);
    if (st && check(st)) return st;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} not reached`);
}

const waitForStatus = (h: Handle, status: string) => waitFor(h, (st) => st.case.status === status, `status ${status}`);

function plan(over: Partial<DrawUpOppInput> = {}): Omit<DrawUpOppInput, 'actor'> {
  return {
    onderwijsbehoeften: 'Heeft structuur, voorspelbaarheid en een vaste plek in de klas nodig',
    belemmerendeFactoren: 'Raakt snel overprikkeld in grote groepen',
    bevorderendeFactoren: 'Gemotiveerd en sterk in wiskunde',
    uitstroomperspectief: 'MBO_3_4',
    uitstroomOnderbouwing: 'Cognitief niveau en motivatie passen bij mbo niveau 3 of 4',
    handelingsdeel: [{ support: 'Wekelijkse begeleiding bij plannen', providedBy: 'Ambulant begeleider (BPO)', duration: 'tot de zomervakantie', frequency: 'wekelijks een uur' }],
    programmeDeviations: null,
    authors: ['Sanne de Wit (mentor)', 'Marieke Verhoef (zorgcoördinator)'],
    parentsConsultedOn: '2027-01-12',
    ...over,
  };
}

async function drawUp(h: Handle, over: Partial<DrawUpOppInput> = {}): Promise<OppState> {
  await waitFor(h, (st) => st.openSteps.includes('OPP_DRAW_UP'), 'draw-up open');
  await h.executeUpdate(drawUpOpp, { args: [{ actor: mentor, ...plan({ parentsConsultedOn: await today(), ...over }) }] });
  return waitForStatus(h, 'LEERLING_HOREN');
}

async function hear(h: Handle): Promise<void> {
  await waitFor(h, (st) => st.openSteps.includes('OPP_HEAR_PUPIL'), 'hearing open');
  await h.executeUpdate(recordOppPupilView, {
    args: [{ actor: mentor, mode: 'HEARD', heardOn: await today(), pupilView: 'Ik wil graag een vaste plek bij het raam', weighing: 'Meegenomen in de afspraken over de plek in de klas', explainedBack: true }],
  });
}

/** The parents answer the open instemming request (digitally, in the portal). */
async function answer(h: Handle, decision: 'GIVEN' | 'REFUSED'): Promise<OppState> {
  const st = await waitFor(h, (s) => s.case.waitingFor === 'CONSENT_OPP_HANDELINGSDEEL' && s.instemming?.status === 'PENDING', 'instemming asked');
  await h.executeUpdate(recordConsentDecision, {
    args: [{ actor: parent, requestId: st.instemming?.requestId as string, decision, method: 'DIGITAL', giverUserId: parent.id, giverRole: 'PARENT', note: decision === 'REFUSED' ? 'Wij willen eerst een second opinion' : null }],
  });
  return h.query(getOppState);
}

/** Draws up, hears and agrees the first version: the plan is in force. */
async function toInForce(h: Handle): Promise<OppState> {
  await drawUp(h);
  await hear(h);
  await answer(h, 'GIVEN');
  return waitForStatus(h, 'UITVOERING');
}

describe('P7 OPP workflow (time skipping)', () => {
  it('agrees a version on its digest, registers it in BRON and evaluates yearly from the day the previous evaluation concluded', async () => {
    const fakes = new FakeCaseActivities();
    const final = await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, {}, 'opp-jaarlijkse-evaluatie');
      const started = await waitFor(h, (st) => st.case.waitingFor === 'OPP_DRAW_UP', 'draw-up open');
      const startDay = await today();
      // Drawn up within 6 calendar weeks after the support starts; the due date explains itself.
      expect(started.case.nextDueDate).toBe(addCalendarWeeks(startDay, 6));
      expect((started.case.data.dueDates as { step: string; explanation: string }[])[0]).toEqual({
        step: 'OPP_DRAW_UP',
        date: addCalendarWeeks(startDay, 6),
        explanation: `Uiterlijk ${addCalendarWeeks(startDay, 6)}: 6 kalenderweken na de start van de extra ondersteuning op ${startDay}.`,
      });

      const drawn = await drawUp(h);
      const v1 = drawn.versions[0];
      expect(v1).toMatchObject({ version: 1, status: 'CONCEPT', drawnUpBy: mentor.name });
      // The digest is the version's SHA-256 as the domain logic computes it (the api recomputes it for the PDF).
      expect(v1.digest).toBe(oppVersionDigest({ pupilId: 'pupil-1', version: 1, drawnUpOn: v1.drawnUpOn, changeReason: null }, v1));
      await hear(h);
      const asked = await waitFor(h, (s) => s.instemming?.status === 'PENDING', 'instemming asked');
      expect(asked.instemming?.subjectDigest).toBe(v1.digest);
      expect(asked.instemming?.scope).toContain(`SHA-256 ${v1.digest}`);
      await answer(h, 'GIVEN');
      const inForce = await waitForStatus(h, 'UITVOERING');
      const agreedOn = await today();
      expect(inForce.currentVersion).toBe(1);
      expect(inForce.versions[0]).toMatchObject({ status: 'VASTGESTELD', agreedOn });
      expect(inForce.nextEvaluationDue).toBe(addCalendarMonths(agreedOn, 12));
      // BRON: a recorded step for the administration next to the plan.
      expect(inForce.openSteps).toEqual(['OPP_REGISTER_BRON']);
      await h.executeUpdate(registerOppInBron, { args: [{ actor: zc, registeredOn: agreedOn, reference: 'BRON-2027-0042' }] });
      await waitFor(h, (st) => st.bron !== null && st.openSteps.length === 0, 'BRON registered');

      // Nothing until 4 weeks before the evaluation is due; then EVALUATIE opens with that due date.
      const due1 = addCalendarMonths(agreedOn, 12);
      await kit.sleepUntil(addCalendarWeeks(due1, -5));
      expect((await h.query(getOppState)).case.status).toBe('UITVOERING');
      await kit.sleepUntil(addCalendarWeeks(due1, -4));
      const evaluating = await waitForStatus(h, 'EVALUATIE');
      expect(evaluating.case.waitingFor).toBe('OPP_EVALUATE');
      expect(evaluating.case.nextDueDate).toBe(due1);

      // Held with the parents on one day, concluded (the pupil heard) some days later: the next one counts from then.
      const heldOn = await today();
      expect(await updateError(h.executeUpdate(recordOppEvaluation, { args: [{ actor: zc, heldOn, parentsPresent: false, summary: 'Gaat goed', outcome: 'CONTINUE' }] }))).toEqual({
        type: 'BAD_USER_INPUT',
        message: 'Het OPP wordt met de ouders geëvalueerd: plan het gesprek met hen',
      });
      await h.executeUpdate(recordOppEvaluation, { args: [{ actor: zc, heldOn, parentsPresent: true, summary: 'Gaat goed; begeleiding loopt door', outcome: 'CONTINUE' }] });
      const toHear = await waitForStatus(h, 'LEERLING_HOREN');
      expect(toHear.evaluations[0]).toMatchObject({ number: 1, heldOn, concludedOn: null });
      await kit.env.sleep(9 * DAY);
      await hear(h);
      const again = await waitFor(h, (st) => st.case.status === 'UITVOERING' && st.evaluations[0]?.concludedOn !== null, 'evaluation concluded');
      const concludedOn = await today();
      expect(concludedOn > heldOn).toBe(true);
      expect(again.evaluations[0].concludedOn).toBe(concludedOn);
      expect(again.nextEvaluationDue).toBe(addCalendarMonths(concludedOn, 12));
      expect(again.nextEvaluationDue).not.toBe(addCalendarMonths(heldOn, 12));
      const explained = (again.case.data.dueDates as { step: string; explanation: string }[]).find((d) => d.step === 'OPP_NEXT_EVALUATION');
      expect(explained?.explanation).toBe(`Uiterlijk ${addCalendarMonths(concludedOn, 12)}: 12 maanden na de afronding van de vorige evaluatie op ${concludedOn}.`);

      // The second evaluation opens 4 weeks before its own due date, not a year after the first was due.
      await kit.sleepUntil(addCalendarWeeks(addCalendarMonths(concludedOn, 12), -4));
      await waitForStatus(h, 'EVALUATIE');
      await h.executeUpdate(recordOppEvaluation, { args: [{ actor: zc, heldOn: await today(), parentsPresent: true, summary: 'Doelen bereikt', outcome: 'END' }] });
      await hear(h);
      const result = await h.result();
      await maybeRecordHistory(h, 'opp-jaarlijkse-evaluatie');
      return result;
    });
    expect(final.case.status).toBe('BEEINDIGD');
    expect(final.case.outcome).toBe('BEEINDIGD');
    const [consent] = [...fakes.consents.values()];
    expect(consent).toMatchObject({ kind: 'OPP_HANDELINGSDEEL', status: 'GIVEN', method: 'DIGITAL', giverUserId: parent.id, subjectDigest: final.versions[0].digest });
    expect(fakes.audit.map((a) => a.action).filter((a) => a.startsWith('STATUS_'))).toEqual([
      'STATUS_LEERLING_HOREN',
      'STATUS_INSTEMMING',
      'STATUS_UITVOERING',
      'STATUS_EVALUATIE',
      'STATUS_LEERLING_HOREN',
      'STATUS_UITVOERING',
      'STATUS_EVALUATIE',
      'STATUS_LEERLING_HOREN',
      'STATUS_BEEINDIGD',
    ]);
    expect(fakes.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['CASE_STARTED', 'OPP_VERSION_DRAWN_UP', 'OPP_PUPIL_HEARD', 'CONSENT_REQUESTED', 'CONSENT_GIVEN', 'OPP_AGREED', 'OPP_BRON_REGISTERED', 'OPP_EVALUATED', 'OPP_EVALUATION_CONCLUDED']));
    // Not shared with the SWV: its policy does not ask for it by default.
    expect(fakes.audit.some((a) => a.action === 'OPP_SHARED_WITH_SWV')).toBe(false);
    expect(fakes.latest?.data.sharedWithSwv).toBe(false);
    // Parents told at the start and at the end.
    expect(fakes.notifications.filter((n) => n.recipients.parentsOfPupil === 'pupil-1').map((n) => n.kind)).toEqual(['CASE_STARTED', 'CONSENT_REQUESTED', 'CASE_CLOSED']);
    expect(fakes.duplicates).toBe(0);
  }, 300_000);

  it('follows the ladder when the OPP is drawn up late: reminders, the zorgcoördinator told, stuck, cleared when drawn up', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, {}, 'opp-te-laat-opgesteld');
      const started = await waitFor(h, (st) => st.case.waitingFor === 'OPP_DRAW_UP', 'draw-up open');
      const due = started.case.nextDueDate as string;
      const rungs = reminderLadder(due, ladder, cal);
      const stuckRung = rungs.find((r) => r.kind === 'STUCK');
      await kit.sleepUntil(toIsoDate(stuckRung?.at as string));
      const stuck = await waitFor(h, (st) => st.case.stuck, 'stuck');
      expect(stuck.case.stuckReason).toBe('OVERDUE:OPP_DRAW_UP');
      const drawUpMessages = () => fakes.notifications.filter((n) => n.key.includes(':OPP_DRAW_UP:'));
      await waitUntil(() => drawUpMessages().some((n) => n.kind === 'CASE_STUCK'), 'stuck message');
      const expected = ['STEP_ASSIGNED', ...rungs.filter((r) => Date.parse(r.at) <= Date.parse(stuckRung?.at as string)).map((r) => ({ REMINDER: 'STEP_REMINDER', ESCALATION: 'STEP_ESCALATION', STUCK: 'CASE_STUCK' })[r.kind])];
      expect(drawUpMessages().map((n) => n.kind).sort()).toEqual(expected.sort());
      expect(drawUpMessages().filter((n) => n.kind === 'STEP_REMINDER').length).toBeGreaterThanOrEqual(3);
      expect(drawUpMessages().find((n) => n.kind === 'STEP_ESCALATION')?.recipients.userIds).toEqual([zc.id]);
      expect(fakes.audit.filter((a) => a.action === 'STEP_ESCALATED' || a.action === 'CASE_STUCK').map((a) => a.action)).toEqual(['STEP_ESCALATED', 'CASE_STUCK']);

      const drawn = await drawUp(h);
      expect(drawn.case.stuck).toBe(false);
      expect(drawn.case.waitingFor).toBe('OPP_HEAR_PUPIL');
      await h.executeUpdate(stopOpp, { args: [{ actor: zc, reason: 'Leerling verhuist naar een andere regio' }] });
      const result = await h.result();
      await maybeRecordHistory(h, 'opp-te-laat-opgesteld');
      expect(result.case.status).toBe('GESTOPT');
    });
    expect(fakes.duplicates).toBe(0);
  }, 300_000);

  it('blocks everything until the pupil is heard: no instemming asked, no evaluation, the ladder into stuck; a waiver needs a reason', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, { source: 'DIRECT', sourceCaseId: null });
      const drawn = await drawUp(h);
      expect(drawn.case.waitingFor).toBe('OPP_HEAR_PUPIL');
      const hearDue = addSchoolDays(await today(), 10, cal);
      expect(drawn.case.nextDueDate).toBe(hearDue);

      // Heard, but not told how the view was weighed: not accepted (nothing final without it).
      const notExplained = await updateError(
        h.executeUpdate(recordOppPupilView, { args: [{ actor: mentor, mode: 'HEARD', heardOn: await today(), pupilView: 'Prima', weighing: 'Meegenomen', explainedBack: false }] }),
      );
      expect(notExplained).toEqual({ type: 'BAD_USER_INPUT', message: 'Koppel eerst aan de leerling terug hoe zijn mening is meegewogen; zonder dat wordt het OPP niet definitief' });
      expect(await updateError(h.executeUpdate(recordOppPupilView, { args: [{ actor: mentor, mode: 'WAIVED' }] }))).toEqual({ type: 'BAD_USER_INPUT', message: 'Vul in: reden om de leerling niet te horen' });
      // The plan cannot be evaluated or adjusted: it is not in force.
      expect((await updateError(h.executeUpdate(recordOppEvaluation, { args: [{ actor: zc, heldOn: await today(), parentsPresent: true, summary: 'x', outcome: 'CONTINUE' }] }))).type).toBe('STEP_NOT_ALLOWED');
      expect((await updateError(h.executeUpdate(adjustOpp, { args: [{ actor: zc, ...plan({ parentsConsultedOn: await today(), changeReason: 'Anders' }) }] }))).type).toBe('STEP_NOT_ALLOWED');

      // Weeks pass: the parents are never asked, the case is stuck on the hearing.
      const stuckAt = reminderLadder(hearDue, ladder, cal).find((r) => r.kind === 'STUCK')?.at as string;
      await kit.sleepUntil(toIsoDate(stuckAt));
      const stuck = await waitFor(h, (st) => st.case.stuck, 'stuck');
      expect(stuck.case.stuckReason).toBe('OVERDUE:OPP_HEAR_PUPIL');
      expect(stuck.case.status).toBe('LEERLING_HOREN');
      expect(fakes.consents.size).toBe(0);
      expect(fakes.notifications.some((n) => n.kind === 'CONSENT_REQUESTED')).toBe(false);

      // Waived with a reason: now the parents are asked.
      await h.executeUpdate(recordOppPupilView, { args: [{ actor: zc, mode: 'WAIVED', waiverReason: 'De leerling kan door zijn ziekte nu geen mening vormen' }] });
      const asked = await waitFor(h, (st) => st.instemming?.status === 'PENDING', 'instemming asked');
      expect(asked.case.stuck).toBe(false);
      expect(asked.hearings).toEqual([expect.objectContaining({ about: 'VERSION', number: 1, mode: 'WAIVED', explainedBack: false, waiverReason: 'De leerling kan door zijn ziekte nu geen mening vormen' })]);
      expect(fakes.audit.some((a) => a.action === 'OPP_PUPIL_HEARING_WAIVED')).toBe(true);
      await h.executeUpdate(stopOpp, { args: [{ actor: zc, reason: 'Einde van de test' }] });
      await h.result();
    });
  }, 300_000);

  it('takes the parents’ refusal as an outcome: the route to the geschillencommissie, then closed with basisondersteuning', async () => {
    const fakes = new FakeCaseActivities();
    const final = await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, { source: 'ZORGPLICHT', sourceCaseId: 'zorgplicht-pupil-1-2027' }, 'opp-geweigerd-afgesloten');
      await drawUp(h);
      await hear(h);
      const refused = await answer(h, 'REFUSED');
      expect(refused.case.status).toBe('GEWEIGERD');
      expect(refused.case.waitingFor).toBe('OPP_REFUSAL_FOLLOW_UP');
      expect(refused.currentVersion).toBeNull();
      expect(refused.versions[0]).toMatchObject({ status: 'NIET_INGESTEMD', notAgreed: 'REFUSED' });
      expect(refused.refusals[0].route).toContain('Geschillencommissie passend onderwijs');
      expect(refused.refusals[0].route).toContain('binnen 6 weken');
      expect(refused.refusals[0].route).toContain('basisondersteuning');
      expect(refused.case.nextDueDate).toBe(addSchoolDays(await today(), 10, cal));
      await h.executeUpdate(decideOppAfterRefusal, { args: [{ actor: zc, decision: 'CLOSE', reason: 'Ouders kiezen voor de geschillencommissie' }] });
      const result = await h.result();
      await maybeRecordHistory(h, 'opp-geweigerd-afgesloten');
      return result;
    });
    expect(final.case.status).toBe('INSTEMMING_GEWEIGERD');
    expect(final.case.originCaseId).toBe('zorgplicht-pupil-1-2027');
    expect(final.refusals[0].followUp).toMatchObject({ decision: 'CLOSE' });
    expect([...fakes.consents.values()].map((c) => [c.status, c.note])).toEqual([['REFUSED', 'Wij willen eerst een second opinion']]);
    expect(fakes.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['CONSENT_REFUSED', 'OPP_NOT_AGREED', 'STATUS_GEWEIGERD', 'OPP_REFUSAL_FOLLOWED_UP', 'STATUS_INSTEMMING_GEWEIGERD']));
  }, 300_000);

  it('after a refusal of a first version the school may draw up a new one, which is heard and agreed to', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq);
      await drawUp(h);
      await hear(h);
      await answer(h, 'REFUSED');
      await waitForStatus(h, 'GEWEIGERD');
      await h.executeUpdate(decideOppAfterRefusal, { args: [{ actor: zc, decision: 'NEW_VERSION', reason: 'Nieuw overleg met de ouders gepland' }] });
      await waitFor(h, (st) => st.openSteps.includes('OPP_DRAW_UP'), 'draw-up open again');
      expect(await updateError(h.executeUpdate(drawUpOpp, { args: [{ actor: zc, ...plan({ parentsConsultedOn: await today() }) }] }))).toEqual({ type: 'BAD_USER_INPUT', message: 'Vul in: wat is er veranderd en waarom' });
      await drawUp(h, { changeReason: 'Begeleiding twee keer per week op verzoek van de ouders' });
      await hear(h);
      const agreed = await answer(h, 'GIVEN');
      expect(agreed.versions.map((v) => v.status)).toEqual(['NIET_INGESTEMD', 'VASTGESTELD']);
      await h.executeUpdate(stopOpp, { args: [{ actor: zc, reason: 'Einde van de test' }] });
      await h.result();
    });
  }, 300_000);

  it('an adjustment is a new version that needs instemming again; until then — and after a refusal — the agreed version stays', async () => {
    const fakes = new FakeCaseActivities({ opp: { shareWithSwv: true } });
    const final = await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, { source: 'OOV', sourceCaseId: 'oov-pupil-1-2027' }, 'opp-nieuwe-versie-opnieuw-instemming');
      const v1 = (await toInForce(h)).versions[0];
      expect(await updateError(h.executeUpdate(drawUpOpp, { args: [{ actor: zc, ...plan() }] }))).toMatchObject({ type: 'STEP_NOT_ALLOWED' });

      // Adjusted: version 2 is heard and put to the parents; version 1 stays in force meanwhile.
      await kit.env.sleep(20 * DAY);
      await h.executeUpdate(adjustOpp, {
        args: [{ actor: zc, ...plan({ parentsConsultedOn: await today(), handelingsdeel: [{ support: 'Begeleiding bij plannen', providedBy: 'Mentor', duration: 'heel het schooljaar', frequency: 'twee keer per week' }], changeReason: 'Meer begeleiding nodig' }) }],
      });
      const heard2 = await waitForStatus(h, 'LEERLING_HOREN');
      expect(heard2.currentVersion).toBe(1);
      expect(heard2.versions[1]).toMatchObject({ version: 2, status: 'CONCEPT', changeReason: 'Meer begeleiding nodig' });
      expect(heard2.versions[1].digest).not.toBe(v1.digest);
      await hear(h);
      const asked2 = await waitFor(h, (st) => st.instemming?.status === 'PENDING', 'instemming on version 2');
      expect(asked2.instemming?.subjectDigest).toBe(heard2.versions[1].digest);
      expect(asked2.instemming?.requestId).toMatch(/:consent:OPP_HANDELINGSDEEL:2$/);
      const refused = await answer(h, 'REFUSED');
      const back = await waitForStatus(h, 'UITVOERING');
      expect(refused.refusals).toHaveLength(1);
      expect(back.currentVersion).toBe(1);
      expect(back.versions.map((v) => v.status)).toEqual(['VASTGESTELD', 'NIET_INGESTEMD']);

      // Version 3 is agreed: it replaces version 1.
      await h.executeUpdate(adjustOpp, { args: [{ actor: mentor, ...plan({ parentsConsultedOn: await today(), changeReason: 'Afspraken uit het nieuwe overleg' }) }] });
      await hear(h);
      await answer(h, 'GIVEN');
      const v3 = await waitFor(h, (st) => st.currentVersion === 3 && st.case.status === 'UITVOERING', 'version 3 in force');
      expect(v3.versions.map((v) => v.status)).toEqual(['VERVANGEN', 'NIET_INGESTEMD', 'VASTGESTELD']);
      // The first evaluation still counts from the first agreement.
      expect(v3.nextEvaluationDue).toBe(addCalendarMonths(v1.agreedOn as string, 12));
      await h.executeUpdate(registerOppInBron, { args: [{ actor: zc, registeredOn: await today() }] });
      await h.executeUpdate(stopOpp, { args: [{ actor: zc, reason: 'Leerling gaat naar het VSO' }] });
      const result = await h.result();
      await maybeRecordHistory(h, 'opp-nieuwe-versie-opnieuw-instemming');
      return result;
    });
    expect(final.case.status).toBe('GESTOPT');
    const consents = [...fakes.consents.values()].sort((a, b) => a.id.localeCompare(b.id));
    expect(consents.map((c) => [c.status, c.subjectDigest])).toEqual(final.versions.map((v) => [v.version === 2 ? 'REFUSED' : 'GIVEN', v.digest]));
    // The SWV asks for the OPP (policy): every agreed version is shared, the refused one is not.
    expect(final.sharedWithSwv).toBe(true);
    expect(fakes.latest?.data.sharedVersions).toEqual([1, 3]);
    expect(fakes.audit.filter((a) => a.action === 'OPP_SHARED_WITH_SWV')).toHaveLength(2);
  }, 300_000);
});
