import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { addCalendarMonths, addCalendarWeeks, addSchoolDays, buildSchoolCalendar, DEFAULT_LADDER, dueInSchoolDays, reminderLadder, toIsoDate } from '@zorgroute/domain/logic';
import { FakeCaseActivities } from '../../../test/fake-case-activities';
import { DAY, maybeRecordHistory, updateError, useWorkflowTestKit } from '../../../test/workflow-test-kit';
import { decideConsentTimeout, recordConsentDecision, withdrawConsent } from '../common/consent';
import { stopOov, type oovWorkflow } from '../oov/oov.workflow';
import {
  getJosState,
  josWorkflow,
  JOS_SIGNATURE_DECISION_STEP,
  JOS_SIGNATURE_STEP,
  logJosContact,
  planJosStartgesprek,
  recordJosEvaluation,
  recordJosOutcome,
  recordJosStartgesprek,
  setJosGoals,
  stopJos,
  submitJosForm,
  type JosState,
  type StartJosInput,
} from './jos.workflow';

const cal = buildSchoolCalendar('midden');
const zc = { id: 'zc-1', name: 'Marieke Verhoef' };
const mentor = { id: 'mentor-1', name: 'Sanne de Wit' };
const jos = { id: 'jos-1', name: 'Lotte Brinkhorst' };
const parent = { id: 'parent-1', name: 'Petra Veldkamp' };

type Handle = WorkflowHandle<typeof josWorkflow>;

const kit = useWorkflowTestKit();



async function today(): Promise<string> {
  return toIsoDate(await kit.env.currentTimeMs());
}

/**
 * Starts a case. A case whose history is recorded uses the history's name as its workflow id: ids derived from it
 * (consent requests) must match when `replay.spec.ts` replays the history under that name.
 */
async function start(taskQueue: string, over: Partial<StartJosInput> = {}, workflowId = `p3-${taskQueue}`): Promise<Handle> {
  const input: StartJosInput = {
    schoolId: 's-1',
    pupilId: 'pupil-1',
    startedBy: zc,
    decisionDate: await today(),
    needs: ['FAALANGST', 'PLANNEN_HUISWERK'],
    decisionNotes: 'Besproken in het schoolondersteuningsteam',
    mentorId: mentor.id,
    josWorkerId: jos.id,
  };
  return kit.env.client.workflow.start(josWorkflow, { taskQueue, workflowId, args: [{ ...input, ...over }] });
}

/** Stops a linked OOV case (a child that outlives its origin) once it has started, and waits for it to close. */
async function stopLinkedOov(workflowId: string): Promise<void> {
  const linked = kit.env.client.workflow.getHandle<typeof oovWorkflow>(workflowId);
  for (let i = 0; i < 200 && !(await linked.describe().then(() => true, () => false)); i++) await new Promise((r) => setTimeout(r, 50));
  await linked.executeUpdate(stopOov, { args: [{ actor: zc, reason: 'Einde van de test' }] });
  await linked.result();
}

/** Skips time to noon (UTC) of `date`: every timer of that school day (08:00 Amsterdam) has fired. */
async function sleepPast(date: string): Promise<void> {
  const ms = Date.parse(`${date}T12:00:00Z`) - (await kit.env.currentTimeMs());
  if (ms > 0) await kit.env.sleep(ms);
}

async function state(h: Handle): Promise<JosState> {
  return h.query(getJosState);
}

async function waitFor(h: Handle, check: (st: JosState) => boolean, what: string): Promise<JosState> {
  for (let i = 0; i < 300; i++) {
    const st = await h.query(getJosState).catch(() => null);
    if (st && check(st)) return st;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} not reached`);
}

const waitForStatus = (h: Handle, status: string) => waitFor(h, (st) => st.case.status === status, `status ${status}`);



/** The mentor's form: the case then waits for the startgesprek. */
async function toStartgesprek(h: Handle): Promise<void> {
  await waitForStatus(h, 'AANMELDFORMULIER');
  await h.executeUpdate(submitJosForm, {
    args: [
      {
        actor: mentor,
        needs: ['FAALANGST'],
        problemDescription: 'Blokkeert bij toetsen en slaat ze soms over',
        singleSchoolRelatedProblem: true,
        alreadyTried: 'Gesprekken met de mentor, extra tijd bij toetsen',
        pupilView: 'Ik wil rustiger worden voor een toets',
        parentsInformed: true,
        availability: 'dinsdag en donderdag 3e uur',
      },
    ],
  });
  await waitForStatus(h, 'STARTGESPREK');
}

/** Form by the mentor and startgesprek by the JOS worker: the case then waits for the parents' signature. */
async function toSignature(h: Handle): Promise<JosState> {
  await toStartgesprek(h);
  await h.executeUpdate(recordJosStartgesprek, {
    args: [{ actor: jos, date: await today(), parentsPresent: true, mentorPresent: true, pupilPresent: true, summary: 'Kennismaking; werkwijze JOS uitgelegd' }],
  });
  return waitFor(h, (st) => st.case.status === 'HANDTEKENING_OUDERS' && st.signature?.status === 'PENDING', 'signature requested');
}

async function sign(h: Handle, method: 'DIGITAL' | 'PAPER_SCAN' = 'DIGITAL'): Promise<void> {
  const st = await state(h);
  const requestId = st.signature?.requestId as string;
  await h.executeUpdate(recordConsentDecision, {
    args: [
      {
        actor: method === 'DIGITAL' ? parent : jos,
        requestId,
        decision: 'GIVEN',
        method,
        giverUserId: parent.id,
        giverRole: 'PARENT',
        scanReference: method === 'PAPER_SCAN' ? 'scan-2026-jos-0001' : null,
      },
    ],
  });
}

async function setGoals(h: Handle): Promise<JosState> {
  await waitForStatus(h, 'DOELEN');
  await h.executeUpdate(setJosGoals, {
    args: [{ actor: jos, pupilGoal: 'Ik kan een toets maken zonder te blokkeren', goals: ['Een planning per toetsweek'], agreedWithPupil: true, agreedWithMentor: true, agreedWithParents: true, weeklySlot: 'donderdag 3e uur' }],
  });
  return waitForStatus(h, 'ACTIEF');
}

describe('P3 JOS workflow (time skipping)', () => {
  it('runs the full path to AFGEROND: weekly work, an evaluation every 6 weeks, the cap warning 4 weeks before, the end at the cap', async () => {
    const fakes = new FakeCaseActivities();
    const { final, events } = await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, {}, 'jos-afgerond');
      await toSignature(h);
      await sign(h);
      const active = await setGoals(h);
      const signedOn = active.signedOn as string;
      expect(active.capDate).toBe(addCalendarMonths(signedOn, 5));
      expect(active.capWarningDate).toBe(addCalendarWeeks(active.capDate as string, -4));
      expect(active.case.policyVersion).toBe('test-1');

      // Weekly work until the cap; each evaluation is recorded in the week its window opens.
      for (let week = 0; week < 30; week++) {
        await kit.env.sleep(7 * DAY);
        const st = await state(h);
        if (st.case.status !== 'ACTIEF') break;
        await h.executeUpdate(logJosContact, { args: [{ actor: jos, date: await today(), attended: true, thermometer: Math.min(10, 3 + Math.floor(week / 3)) }] });
        const now = await state(h);
        if (now.openSteps.includes('RECORD_EVALUATION')) {
          await h.executeUpdate(recordJosEvaluation, { args: [{ actor: jos, summary: `Evaluatie ${now.evaluationNumber}: gaat vooruit`, thermometer: 6 }] });
        }
      }
      const ending = await waitForStatus(h, 'AFRONDING');
      expect(ending.endedBy).toBe('CAP');
      expect(ending.endDate).toBe(ending.capDate);
      expect(ending.case.waitingFor).toBe('RECORD_OUTCOME');
      expect(ending.case.nextDueDate).toBe(dueInSchoolDays(ending.capDate as string, 10, cal, 'x').date);
      // After the cap no more contacts are accepted: JOS has ended.
      const late = await updateError(h.executeUpdate(logJosContact, { args: [{ actor: jos, date: await today(), attended: true }] }));
      expect(late.type).toBe('STEP_NOT_ALLOWED');

      await h.executeUpdate(recordJosOutcome, { args: [{ actor: jos, outcome: 'AFGEROND', summary: 'Doel bereikt: maakt toetsen zonder te blokkeren' }] });
      const result = await h.result();
      await maybeRecordHistory(h, 'jos-afgerond');
      return { final: result, events: (await h.fetchHistory()).events?.length ?? 0 };
    });
    expect(final.case.status).toBe('AFGEROND');
    expect(final.case.outcome).toBe('AFGEROND');

    // Evaluations every 6 weeks after the start of ACTIEF (on the next school day), as long as that is before the cap:
    // weeks 6, 12 and 18 — or only 6 and 12 when week 18 falls in the zomervakantie that reaches the cap.
    const activeFrom = final.activeFrom as string;
    const expectedDue: string[] = [];
    for (let k = 1; ; k++) {
      const due = dueInSchoolDays(addCalendarWeeks(activeFrom, 6 * k), 0, cal, 'x').date;
      if (due >= (final.capDate as string)) break;
      expectedDue.push(due);
    }
    expect(expectedDue.length).toBeGreaterThanOrEqual(2);
    const evaluationAssigned = fakes.notifications.filter((n) => n.key.includes(':RECORD_EVALUATION:') && n.key.endsWith(':assigned'));
    expect(evaluationAssigned.map((n) => n.dueDate)).toEqual(expectedDue);
    expect(final.evaluations.map((e) => e.number)).toEqual(expectedDue.map((_, i) => i + 1));

    // The cap warning reached the JOS worker and the zorgcoördinator on the warning date.
    const warnings = fakes.notifications.filter((n) => n.key.includes(':cap-warning:'));
    expect(warnings.map((n) => n.recipients.userIds?.[0]).sort()).toEqual(['jos-1', 'zc-1']);
    expect(warnings.every((n) => n.kind === 'STEP_ASSIGNED' && n.dueDate === final.capDate)).toBe(true);
    const warningAudit = fakes.audit.find((a) => a.action === 'JOS_CAP_WARNING');
    expect(toIsoDate(warningAudit?.at as string)).toBe(final.capWarningDate);

    const statuses = fakes.audit.map((a) => a.action).filter((a) => a.startsWith('STATUS_'));
    expect(statuses).toEqual(['STATUS_AANMELDFORMULIER', 'STATUS_STARTGESPREK', 'STATUS_HANDTEKENING_OUDERS', 'STATUS_DOELEN', 'STATUS_ACTIEF', 'STATUS_AFRONDING', 'STATUS_AFGEROND']);
    expect(fakes.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['CASE_STARTED', 'JOS_FORM_SUBMITTED', 'JOS_STARTGESPREK_RECORDED', 'CONSENT_REQUESTED', 'CONSENT_GIVEN', 'JOS_GOALS_SET', 'JOS_CONTACT_LOGGED', 'JOS_EVALUATION_RECORDED', 'JOS_OUTCOME_RECORDED']));
    expect(new Set(fakes.audit.map((a) => a.eventKey)).size).toBe(fakes.audit.length);
    // The parents were invited (startgesprek) and asked to sign.
    expect(fakes.notifications.filter((n) => n.kind === 'CASE_STARTED' && n.recipients.parentsOfPupil === 'pupil-1')).toHaveLength(1);
    expect(fakes.notifications.some((n) => n.kind === 'CONSENT_REQUESTED' && n.recipients.parentsOfPupil === 'pupil-1')).toBe(true);
    expect(fakes.duplicates).toBe(0);
    // The signature is a consent record.
    expect([...fakes.consents.values()].map((c) => [c.kind, c.status, c.method])).toEqual([['JOS_BEGELEIDING', 'GIVEN', 'DIGITAL']]);

    // The read model keeps a bounded contact list; the history of 5 months of weekly work stays small.
    expect(fakes.latest?.data.contactCount).toBeGreaterThanOrEqual(20);
    expect((fakes.latest?.data.sessions as unknown[]).length).toBeLessThanOrEqual(20);
    process.stdout.write(`JOS full path (5 months, ${final.contactCount} contacts, ${final.evaluations.length} evaluations): ${events} history events\n`);
    expect(events).toBeGreaterThan(100);
    expect(events).toBeLessThan(1500);
  }, 300_000);

  it('keeps the history bounded with a contact logged on every day of the 5 months', async () => {
    const fakes = new FakeCaseActivities();
    const { final, events, bytes } = await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq);
      await toSignature(h);
      await sign(h);
      await setGoals(h);
      for (let day = 0; day < 200; day++) {
        await kit.env.sleep(DAY);
        const st = await state(h);
        if (st.case.status !== 'ACTIEF') break;
        await h.executeUpdate(logJosContact, { args: [{ actor: jos, date: await today(), attended: true, note: 'Dagelijks contact' }] });
        if (st.openSteps.includes('RECORD_EVALUATION')) await h.executeUpdate(recordJosEvaluation, { args: [{ actor: jos, summary: 'Evaluatie' }] });
      }
      await waitForStatus(h, 'AFRONDING');
      await h.executeUpdate(recordJosOutcome, { args: [{ actor: jos, outcome: 'AFGEROND', summary: 'Afgerond' }] });
      const result = await h.result();
      const history = await h.fetchHistory();
      return { final: result, events: history.events?.length ?? 0, bytes: historyToJSON(history).length };
    });
    process.stdout.write(`JOS worst case (${final.contactCount} contacts): ${events} history events, ${Math.round(bytes / 1024)} KiB\n`);
    expect(final.contactCount).toBeGreaterThan(140);
    expect(final.contacts).toHaveLength(20);
    // One contact per day at most until the cap: a few thousand events and a few MiB, far below Temporal's limits.
    expect(events).toBeLessThan(3000);
    expect(bytes).toBeLessThan(8 * 1024 * 1024);
  }, 300_000);

  it('ends at the cap whatever happens: overdue evaluations stop at the cap, and a missing outcome follows the ladder into a stuck case', async () => {
    const fakes = new FakeCaseActivities();
    const final = await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, {}, 'jos-eindgrens-vastgelopen-doorverwezen');
      await toSignature(h);
      await sign(h, 'PAPER_SCAN');
      const active = await setGoals(h);
      const capDate = active.capDate as string;

      // Nothing is logged or evaluated: the first evaluation (6 weeks after the start, on a school day) becomes overdue
      // and stuck 10 school days after its due date (later when a holiday comes in between).
      const firstDue = dueInSchoolDays(addCalendarWeeks(active.activeFrom as string, 6), 0, cal, 'x').date;
      const stuckRung = reminderLadder(firstDue, DEFAULT_LADDER, cal).at(-1);
      expect(stuckRung?.kind).toBe('STUCK');
      await kit.env.sleep(Date.parse(stuckRung?.at as string) - (await kit.env.currentTimeMs()) + 3600_000);
      const stuckEvaluation = await state(h);
      expect(stuckEvaluation.case.status).toBe('ACTIEF');
      expect(stuckEvaluation.case.stuck).toBe(true);
      expect(stuckEvaluation.case.stuckReason).toBe('OVERDUE:RECORD_EVALUATION');

      // The cap arrives: JOS ends there although nothing was decided.
      const toCap = Date.parse(`${capDate}T12:00:00Z`) - (await kit.env.currentTimeMs());
      await kit.env.sleep(toCap);
      const ending = await waitForStatus(h, 'AFRONDING');
      expect(ending.endedBy).toBe('CAP');
      expect(ending.endDate).toBe(capDate);
      expect(ending.case.stuck).toBe(false);
      expect(ending.case.waitingFor).toBe('RECORD_OUTCOME');
      const outcomeDue = dueInSchoolDays(capDate, 10, cal, 'x').date;
      expect(ending.case.nextDueDate).toBe(outcomeDue);

      // No outcome: reminders, escalation, stuck at 10 school days overdue.
      const stuckAt = addSchoolDays(outcomeDue, 10, cal);
      await kit.env.sleep(Date.parse(`${stuckAt}T12:00:00Z`) - (await kit.env.currentTimeMs()));
      const stuck = await waitFor(h, (st) => st.case.stuck, 'stuck');
      expect(stuck.case.status).toBe('AFRONDING');
      expect(stuck.case.stuckReason).toBe('OVERDUE:RECORD_OUTCOME');
      const rungs = fakes.notifications.filter((n) => n.key.includes(':RECORD_OUTCOME:')).map((n) => n.key.split(':').at(-1));
      expect(rungs).toEqual(['assigned', 'before-2', 'due', 'after-2', 'escalate-3', 'after-4', 'after-6', 'after-8', 'stuck-10']);
      expect(fakes.notifications.find((n) => n.key.includes(':RECORD_OUTCOME:') && n.kind === 'CASE_STUCK')?.recipients.userIds).toEqual(['zc-1']);

      // The zorgcoördinator records the exit decision on behalf of the JOS worker.
      await h.executeUpdate(recordJosOutcome, { args: [{ actor: zc, outcome: 'DOORVERWEZEN', referralTo: 'OOV', summary: 'Schoolangst neemt toe; OOV aangevraagd' }] });
      // The referral to the OOV opens a linked OOV case (P5); stop it, so nothing is left waiting on this task queue.
      await stopLinkedOov('oov-from-jos-eindgrens-vastgelopen-doorverwezen');
      const result = await h.result();
      await maybeRecordHistory(h, 'jos-eindgrens-vastgelopen-doorverwezen');
      expect(result.case.data.ledTo).toEqual([expect.objectContaining({ caseId: 'oov-from-jos-eindgrens-vastgelopen-doorverwezen', process: 'OOV', started: true })]);
      return result;
    });
    expect(final.case.status).toBe('DOORVERWEZEN');
    expect(final.case.outcome).toBe('DOORVERWEZEN_OOV');
    expect(final.referralTo).toBe('OOV');
    expect(final.case.stuck).toBe(false);
    expect(final.evaluations).toEqual([]);
    expect([...fakes.consents.values()][0]).toMatchObject({ method: 'PAPER_SCAN', scanReference: 'scan-2026-jos-0001', recordedByUserId: 'jos-1' });
    expect(fakes.duplicates).toBe(0);
  }, 300_000);

  it('closes as GEEN_TOESTEMMING when no parent signs: 15 school days, back to the zorgcoördinator, who stops asking', async () => {
    const fakes = new FakeCaseActivities();
    const final = await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, {}, 'jos-geen-toestemming');
      const asked = await toSignature(h);
      expect(asked.openSteps).toEqual([JOS_SIGNATURE_STEP]);
      const requestedOn = toIsoDate(asked.signature?.requestedAt as string);
      expect(toIsoDate(asked.signature?.timeoutAt as string)).toBe(addSchoolDays(requestedOn, 15, cal));

      // The test server's clock is shared by the tests: sleep to just after the timeout.
      await kit.env.sleep(Date.parse(asked.signature?.timeoutAt as string) + 3600_000 - (await kit.env.currentTimeMs()));
      const timedOut = await waitFor(h, (st) => st.case.waitingFor === JOS_SIGNATURE_DECISION_STEP, 'decision step');
      expect(timedOut.case.status).toBe('HANDTEKENING_OUDERS');
      expect(timedOut.case.stuck).toBe(true);
      expect(timedOut.case.stuckReason).toBe('CONSENT_TIMEOUT:JOS_BEGELEIDING');
      expect(timedOut.case.ownerUserId).toBe('zc-1');
      expect(timedOut.signature?.status).toBe('TIMED_OUT');
      expect(timedOut.openSteps).toEqual([JOS_SIGNATURE_DECISION_STEP]);
      // The parents were reminded before the timeout.
      const toParents = fakes.notifications.filter((n) => n.kind === 'CONSENT_REQUESTED' && n.recipients.parentsOfPupil === 'pupil-1');
      expect(toParents.length).toBeGreaterThanOrEqual(2);
      // A late signature on the expired request is refused: the zorgcoördinator decides first.
      const late = await updateError(
        h.executeUpdate(recordConsentDecision, { args: [{ actor: parent, requestId: timedOut.signature?.requestId as string, decision: 'GIVEN', method: 'DIGITAL', giverUserId: parent.id, giverRole: 'PARENT' }] }),
      );
      expect(late.type).toBe('STEP_NOT_ALLOWED');

      await h.executeUpdate(decideConsentTimeout, { args: [{ actor: zc, requestId: timedOut.signature?.requestId as string, decision: 'ABANDON', reason: 'Ouders reageren niet; geen toestemming' }] });
      const result = await h.result();
      await maybeRecordHistory(h, 'jos-geen-toestemming');
      return result;
    });
    expect(final.case.status).toBe('GEEN_TOESTEMMING');
    expect(final.case.outcome).toBe('GEEN_TOESTEMMING');
    expect(final.case.stuck).toBe(false);
    expect(final.capDate).toBeNull();
    expect(fakes.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['CONSENT_TIMED_OUT', 'CONSENT_TIMEOUT_DECIDED', 'STATUS_GEEN_TOESTEMMING']));
    expect(fakes.audit.map((a) => a.action)).not.toContain('STATUS_DOELEN');
  }, 300_000);

  it('asks again after a timeout when the zorgcoördinator retries; a paper signature then starts JOS, which can end early with a referral', async () => {
    const fakes = new FakeCaseActivities();
    const final = await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, {}, 'jos-opnieuw-gevraagd-doorverwezen');
      const asked = await toSignature(h);
      await kit.env.sleep(Date.parse(asked.signature?.timeoutAt as string) + 3600_000 - (await kit.env.currentTimeMs()));
      const timedOut = await waitFor(h, (st) => st.case.waitingFor === JOS_SIGNATURE_DECISION_STEP, 'decision step');
      await h.executeUpdate(decideConsentTimeout, { args: [{ actor: zc, requestId: timedOut.signature?.requestId as string, decision: 'RETRY', reason: 'Ouders gebeld; zij tekenen alsnog' }] });
      const again = await waitFor(h, (st) => st.signatureRequests === 2 && st.signature?.status === 'PENDING', 'second request');
      expect(again.case.stuck).toBe(false);
      expect(again.case.waitingFor).toBe(JOS_SIGNATURE_STEP);
      await kit.env.sleep(2 * DAY);
      await sign(h, 'PAPER_SCAN');
      const active = await setGoals(h);
      expect(active.signedOn).toBe(await today());

      const notYet = await updateError(h.executeUpdate(recordJosEvaluation, { args: [{ actor: jos, summary: 'Te vroeg' }] }));
      expect(notYet.type).toBe('STEP_NOT_ALLOWED');
      expect(notYet.message).toContain(active.evaluationOpensOn as string);
      const noReferral = await updateError(h.executeUpdate(recordJosOutcome, { args: [{ actor: jos, outcome: 'DOORVERWEZEN', summary: 'Meer nodig' }] }));
      expect(noReferral.type).toBe('BAD_USER_INPUT');

      await kit.env.sleep(14 * DAY);
      await h.executeUpdate(logJosContact, { args: [{ actor: jos, date: await today(), attended: false, note: 'Ziek gemeld' }] });
      const twice = await updateError(h.executeUpdate(logJosContact, { args: [{ actor: jos, date: await today(), attended: true }] }));
      expect(twice.type).toBe('BAD_USER_INPUT');
      await h.executeUpdate(recordJosOutcome, { args: [{ actor: jos, outcome: 'DOORVERWEZEN', referralTo: 'SOCIAAL_TEAM', summary: 'Problemen thuis vragen meer dan JOS kan bieden' }] });
      const result = await h.result();
      await maybeRecordHistory(h, 'jos-opnieuw-gevraagd-doorverwezen');
      return result;
    });
    expect(final.case.status).toBe('DOORVERWEZEN');
    expect(final.case.outcome).toBe('DOORVERWEZEN_SOCIAAL_TEAM');
    expect(final.endedBy).toBe('EARLY');
    expect(final.signatureRequests).toBe(2);
    expect(final.contacts).toHaveLength(1);
    expect([...fakes.consents.values()].map((c) => c.status)).toEqual(['TIMED_OUT', 'GIVEN']);
    expect(fakes.audit.map((a) => a.action).filter((a) => a.startsWith('STATUS_'))).toEqual([
      'STATUS_AANMELDFORMULIER',
      'STATUS_STARTGESPREK',
      'STATUS_HANDTEKENING_OUDERS',
      'STATUS_DOELEN',
      'STATUS_ACTIEF',
      'STATUS_AFRONDING',
      'STATUS_DOORVERWEZEN',
    ]);
    expect(fakes.duplicates).toBe(0);
  }, 300_000);

  it('closes as GEEN_TOESTEMMING on a refusal and when a given signature is withdrawn', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      const refused = await start(tq, {}, 'jos-geweigerd');
      const st = await toSignature(refused);
      await refused.executeUpdate(recordConsentDecision, {
        args: [{ actor: parent, requestId: st.signature?.requestId as string, decision: 'REFUSED', method: 'DIGITAL', giverUserId: parent.id, giverRole: 'PARENT', note: 'Wij lossen het zelf op' }],
      });
      const r1 = await refused.result();
      await maybeRecordHistory(refused, 'jos-geweigerd');
      expect(r1.case.status).toBe('GEEN_TOESTEMMING');

      const withdrawn = await kit.env.client.workflow.start(josWorkflow, {
        taskQueue: tq,
        workflowId: 'jos-ingetrokken',
        args: [{ schoolId: 's-1', pupilId: 'pupil-2', startedBy: zc, decisionDate: await today(), needs: ['ZORGWEKKEND_VERZUIM'], mentorId: mentor.id, josWorkerId: jos.id }],
      });
      await toSignature(withdrawn);
      await sign(withdrawn);
      await setGoals(withdrawn);
      const requestId = (await state(withdrawn)).signature?.requestId as string;
      await withdrawn.executeUpdate(withdrawConsent, { args: [{ actor: parent, requestId, reason: 'Wij willen geen begeleiding meer' }] });
      const r2 = await withdrawn.result();
      await maybeRecordHistory(withdrawn, 'jos-ingetrokken');
      expect(r2.case.status).toBe('GEEN_TOESTEMMING');
      expect(r2.capDate).not.toBeNull();
    });
  }, 300_000);

  it('rejects steps that are not open now or bad input without recording anything, and can be stopped', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, {}, 'jos-gestopt');
      const st = await waitFor(h, (x) => x.case.waitingFor === 'SUBMIT_FORM', 'form step');
      expect(st.case.ownerUserId).toBe('mentor-1');
      expect(st.case.participantIds).toEqual(expect.arrayContaining(['zc-1', 'mentor-1', 'jos-1']));
      const recorded = fakes.snapshots.length;
      const notNow = await updateError(h.executeUpdate(recordJosStartgesprek, { args: [{ actor: jos, date: await today(), parentsPresent: true, mentorPresent: true, pupilPresent: true, summary: 'Te vroeg' }] }));
      expect(notNow.type).toBe('STEP_NOT_ALLOWED');
      const notJos = await updateError(
        h.executeUpdate(submitJosForm, { args: [{ actor: mentor, needs: ['FAALANGST'], problemDescription: 'Meervoudige problematiek thuis en op school', singleSchoolRelatedProblem: false, alreadyTried: 'Veel', parentsInformed: true }] }),
      );
      expect(notJos.type).toBe('BAD_USER_INPUT');
      expect(notJos.message).toContain('enkelvoudige problematiek');
      const badNeed = await updateError(
        h.executeUpdate(submitJosForm, { args: [{ actor: mentor, needs: ['ONBEKEND' as never], problemDescription: 'Blokkeert bij toetsen steeds', singleSchoolRelatedProblem: true, alreadyTried: 'Gesprek', parentsInformed: true }] }),
      );
      expect(badNeed.type).toBe('BAD_USER_INPUT');
      expect(fakes.snapshots.length).toBe(recorded);
      await h.executeUpdate(stopJos, { args: [{ actor: zc, reason: 'Leerling gaat verhuizen' }] });
      const final = await h.result();
      expect(final.case.status).toBe('GESTOPT');
      expect(final.case.outcome).toBe('GESTOPT');
      await maybeRecordHistory(h, 'jos-gestopt');
    });
  }, 120_000);
  it('answers each step once the process has moved on, so the next step taken at once is accepted; the planned startgesprek invites parents, mentor and pupil once', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, {}, 'jos-direct-stappen-uitnodiging');
      await waitForStatus(h, 'AANMELDFORMULIER');
      // No waiting between the steps: each update answers once the next step is open (and recorded).
      const afterForm = await h.executeUpdate(submitJosForm, {
        args: [{ actor: mentor, needs: ['PLANNEN_HUISWERK'], problemDescription: 'Vergeet huiswerk en plant niets', singleSchoolRelatedProblem: true, alreadyTried: 'Agenda samen met de mentor', parentsInformed: true }],
      });
      expect(afterForm.case.status).toBe('STARTGESPREK');
      expect(afterForm.case.waitingFor).toBe('RECORD_STARTGESPREK');
      expect(afterForm.openSteps).toEqual(['RECORD_STARTGESPREK']);
      const meetingDate = addSchoolDays(await today(), 2, cal);
      const tooEarly = await updateError(h.executeUpdate(planJosStartgesprek, { args: [{ actor: jos, date: '2020-01-06' }] }));
      expect(tooEarly.type).toBe('BAD_USER_INPUT');
      const badTime = await updateError(h.executeUpdate(planJosStartgesprek, { args: [{ actor: jos, date: meetingDate, time: '25:00' }] }));
      expect(badTime.type).toBe('BAD_USER_INPUT');
      const planned = await h.executeUpdate(planJosStartgesprek, { args: [{ actor: jos, date: meetingDate, time: '15:00', location: 'kamer JOS (B0.12)' }] });
      expect(planned.plannedStartgesprek).toEqual(expect.objectContaining({ date: meetingDate, time: '15:00', mode: 'OP_SCHOOL', location: 'kamer JOS (B0.12)' }));
      expect(planned.case.waitingFor).toBe('RECORD_STARTGESPREK');

      await sleepPast(meetingDate);
      const held = await h.executeUpdate(recordJosStartgesprek, {
        args: [{ actor: jos, date: await today(), parentsPresent: true, mentorPresent: true, pupilPresent: true, summary: 'Kennismaking en afspraken' }],
      });
      expect(held.case.status).toBe('HANDTEKENING_OUDERS');
      expect(held.case.waitingFor).toBe(JOS_SIGNATURE_STEP);
      expect(held.signature?.status).toBe('PENDING');
      await sign(h);
      await waitForStatus(h, 'DOELEN');
      const active = await h.executeUpdate(setJosGoals, {
        args: [{ actor: jos, pupilGoal: 'Ik maak elke week een planning', agreedWithPupil: true, agreedWithMentor: true, agreedWithParents: true }],
      });
      expect(active.case.status).toBe('ACTIEF');
      await h.executeUpdate(logJosContact, { args: [{ actor: jos, date: await today(), attended: true, thermometer: 5 }] });
      await h.executeUpdate(stopJos, { args: [{ actor: zc, reason: 'Einde van de test' }] });
      const result = await h.result();
      expect(result.case.status).toBe('GESTOPT');
      await maybeRecordHistory(h, 'jos-direct-stappen-uitnodiging');
    });
    // One invitation per recipient group, with only what they need to attend.
    const invitations = fakes.notifications.filter((n) => n.kind === 'MEETING_INVITATION');
    expect(invitations).toHaveLength(1);
    expect(invitations[0].recipients).toEqual({ parentsOfPupil: 'pupil-1', pupilAccountOf: 'pupil-1', userIds: ['mentor-1'] });
    expect(invitations[0].meeting).toEqual(expect.objectContaining({ kind: 'JOS_STARTGESPREK', time: '15:00', mode: 'OP_SCHOOL', location: 'kamer JOS (B0.12)' }));
    expect(invitations[0].dueDate).toBe(invitations[0].meeting?.date);
    expect(fakes.audit.map((a) => a.action)).toContain('JOS_STARTGESPREK_PLANNED');
    expect(fakes.duplicates).toBe(0);
  }, 240_000);

  it('stopped before the planned startgesprek: everyone invited hears it will not take place, for the same calendar entry', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, {}, 'jos-gestopt-startgesprek-afgelast');
      await toStartgesprek(h);
      const first = addSchoolDays(await today(), 2, cal);
      await h.executeUpdate(planJosStartgesprek, { args: [{ actor: jos, date: first, time: '15:00' }] });
      // Re-planned: the cancellation follows the latest invitation.
      const second = addSchoolDays(await today(), 4, cal);
      await h.executeUpdate(planJosStartgesprek, { args: [{ actor: jos, date: second, time: '09:30', location: 'kamer JOS' }] });
      await h.executeUpdate(stopJos, { args: [{ actor: zc, reason: 'Ouders zien af van JOS' }] });
      expect((await h.result()).case.status).toBe('GESTOPT');
      await maybeRecordHistory(h, 'jos-gestopt-startgesprek-afgelast');
    });
    const invitations = fakes.notifications.filter((n) => n.kind === 'MEETING_INVITATION');
    expect(invitations).toHaveLength(2);
    const cancelled = fakes.notifications.filter((n) => n.kind === 'MEETING_CANCELLED');
    expect(cancelled).toEqual([{ ...invitations[1], key: `${invitations[1].key}:cancelled`, kind: 'MEETING_CANCELLED' }]);
    expect(fakes.duplicates).toBe(0);
  }, 120_000);

  it('a startgesprek that was held, even before its planned date, is not cancelled when the case ends', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq);
      await toStartgesprek(h);
      const meetingDate = addSchoolDays(await today(), 3, cal);
      await h.executeUpdate(planJosStartgesprek, { args: [{ actor: jos, date: meetingDate, time: '10:00' }] });
      // Held earlier than planned (moved by phone), recorded today; the case is stopped before the planned date.
      await h.executeUpdate(recordJosStartgesprek, { args: [{ actor: jos, date: await today(), parentsPresent: true, mentorPresent: true, pupilPresent: true, summary: 'Kennismaking' }] });
      await h.executeUpdate(stopJos, { args: [{ actor: zc, reason: 'Einde van de test' }] });
      await h.result();
    });
    expect(fakes.notifications.filter((n) => n.kind === 'MEETING_INVITATION')).toHaveLength(1);
    expect(fakes.notifications.filter((n) => n.kind === 'MEETING_CANCELLED')).toHaveLength(0);
  }, 120_000);

  it('answers the signature once the goals step is open, so goals set at once are accepted; a withdrawal answers once the case is closed', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, {}, 'jos-handtekening-direct-doelen');
      const st = await toSignature(h);
      const requestId = st.signature?.requestId as string;
      // No waiting after the consent: the update answers once SET_GOALS is open (and recorded).
      const given = await h.executeUpdate(recordConsentDecision, {
        args: [{ actor: parent, requestId, decision: 'GIVEN', method: 'DIGITAL', giverUserId: parent.id, giverRole: 'PARENT' }],
      });
      expect(given.status).toBe('GIVEN');
      const afterSignature = await state(h);
      expect(afterSignature.case.status).toBe('DOELEN');
      expect(afterSignature.case.waitingFor).toBe('SET_GOALS');
      expect(fakes.latest?.waitingFor).toBe('SET_GOALS');
      const active = await h.executeUpdate(setJosGoals, {
        args: [{ actor: jos, pupilGoal: 'Ik kan een toets maken zonder te blokkeren', agreedWithPupil: true, agreedWithMentor: true, agreedWithParents: true }],
      });
      expect(active.case.status).toBe('ACTIEF');
      // A withdrawn signature ends the support: the update answers once the case shows it.
      await h.executeUpdate(withdrawConsent, { args: [{ actor: parent, requestId, reason: 'Wij willen geen begeleiding meer' }] });
      expect((await state(h)).case.status).toBe('GEEN_TOESTEMMING');
      expect(fakes.latest?.status).toBe('GEEN_TOESTEMMING');
      const result = await h.result();
      expect(result.case.status).toBe('GEEN_TOESTEMMING');
      await maybeRecordHistory(h, 'jos-handtekening-direct-doelen');
    });
    expect(fakes.duplicates).toBe(0);
  }, 240_000);
});
