/**
 * Custody (gezag, issue 13 item 5) in the shared consent desk, on the P3 JOS signature: when the pupil's parents
 * disagree, the `recordConsent` activity names every guardian with parental authority, and consent then needs each of
 * them; one refusal refuses. Without that (and in every history recorded before it) one answer decides.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { toIsoDate } from '@zorgroute/domain/logic';
import { FakeCaseActivities } from '../../../test/fake-case-activities';
import { maybeRecordHistory, updateError, useWorkflowTestKit } from '../../../test/workflow-test-kit';
import { getConsents, recordConsentDecision } from './consent';
import { getJosState, josWorkflow, recordJosStartgesprek, submitJosForm, type JosState } from '../jos/jos.workflow';

const zc = { id: 'zc-1', name: 'Marieke Verhoef' };
const mentor = { id: 'mentor-1', name: 'Sanne de Wit' };
const jos = { id: 'jos-1', name: 'Lotte Brinkhorst' };
const mother = { id: '00000000-0000-4000-8000-00000000000a', name: 'Petra Veldkamp' };
const father = { id: '00000000-0000-4000-8000-00000000000b', name: 'Ruud Veldkamp' };
const stepfather = { id: '00000000-0000-4000-8000-00000000000c', name: 'Kees Jansen' };

type Handle = WorkflowHandle<typeof josWorkflow>;

const kit = useWorkflowTestKit();

async function waitFor(h: Handle, check: (st: JosState) => boolean, what: string): Promise<JosState> {
  for (let i = 0; i < 300; i++) {
    const st = await h.query(getJosState).catch(() => null);
    if (st && check(st)) return st;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} not reached`);
}

/** Starts JOS and brings it to the parents' signature (form by the mentor, startgesprek by the JOS worker). */
async function toSignature(taskQueue: string, workflowId: string): Promise<{ h: Handle; requestId: string }> {
  const today = toIsoDate(await kit.env.currentTimeMs());
  const h = await kit.env.client.workflow.start(josWorkflow, {
    taskQueue,
    workflowId,
    args: [{ schoolId: 's-1', pupilId: 'pupil-1', startedBy: zc, decisionDate: today, needs: ['FAALANGST'], mentorId: mentor.id, josWorkerId: jos.id }],
  });
  await waitFor(h, (st) => st.case.status === 'AANMELDFORMULIER', 'the form');
  await h.executeUpdate(submitJosForm, {
    args: [{ actor: mentor, needs: ['FAALANGST'], problemDescription: 'Blokkeert bij toetsen', singleSchoolRelatedProblem: true, alreadyTried: 'Gesprekken met de mentor', parentsInformed: true }],
  });
  await waitFor(h, (st) => st.case.status === 'STARTGESPREK', 'the startgesprek');
  await h.executeUpdate(recordJosStartgesprek, { args: [{ actor: jos, date: today, parentsPresent: true, mentorPresent: true, pupilPresent: true, summary: 'Kennismaking' }] });
  const st = await waitFor(h, (s) => s.case.status === 'HANDTEKENING_OUDERS' && s.signature?.status === 'PENDING', 'the signature');
  return { h, requestId: st.signature?.requestId as string };
}

function answer(h: Handle, requestId: string, giver: { id: string; name: string }, decision: 'GIVEN' | 'REFUSED', note?: string) {
  return h.executeUpdate(recordConsentDecision, { args: [{ actor: giver, requestId, decision, method: 'DIGITAL', giverUserId: giver.id, giverRole: 'PARENT', note: note ?? null }] });
}

describe('consent with custody (time skipping)', () => {
  it('parents who disagree: one signature is not enough, the case shows whose answer is missing and reminds only him; the second signature starts JOS', async () => {
    const fakes = new FakeCaseActivities();
    fakes.requiredGiverIds = [mother.id, father.id];
    await kit.withWorker(fakes.activities(), async (tq) => {
      const { h, requestId } = await toSignature(tq, 'jos-gezag-beide-ouders');

      const first = await answer(h, requestId, mother, 'GIVEN', 'Akkoord van moeder');
      expect(first.status).toBe('PENDING');
      expect(first.requiredGiverIds).toEqual([mother.id, father.id]);
      expect(first.answers.map((a) => [a.giverUserId, a.decision])).toEqual([[mother.id, 'GIVEN']]);
      expect(first.missingGiverIds).toEqual([father.id]);
      // The process waits: still at the signature, and the read model and consent record say so.
      const waiting = await h.query(getJosState);
      expect(waiting.case.status).toBe('HANDTEKENING_OUDERS');
      expect(fakes.consents.get(requestId)?.status).toBe('PENDING');
      expect(fakes.consents.get(requestId)?.answers?.map((a) => a.giverUserId)).toEqual([mother.id]);
      expect(fakes.audit.map((a) => a.action)).toContain('CONSENT_PARTLY_GIVEN');

      // The same guardian cannot answer twice, and a guardian without authority (not among the required) not at all.
      expect((await updateError(answer(h, requestId, mother, 'REFUSED'))).type).toBe('STEP_NOT_ALLOWED');
      const other = await updateError(answer(h, requestId, stepfather, 'GIVEN'));
      expect(other.type).toBe('STEP_NOT_ALLOWED');
      expect(other.message).toContain('gezag');

      // Reminders along the ladder go only to the guardian who has not answered.
      await kit.env.sleep(7 * 24 * 3600 * 1000);
      const reminders = fakes.notifications.filter((n) => n.kind === 'CONSENT_REQUESTED' && n.rung);
      expect(reminders.length).toBeGreaterThan(0);
      for (const r of reminders) expect(r.recipients).toEqual({ userIds: [father.id] });

      const second = await answer(h, requestId, father, 'GIVEN');
      expect(second.status).toBe('GIVEN');
      expect(second.missingGiverIds).toEqual([]);
      expect(second.answers.map((a) => a.giverUserId)).toEqual([mother.id, father.id]);
      await waitFor(h, (st) => st.case.status === 'DOELEN', 'the goals');
      expect((await h.query(getConsents))[0].status).toBe('GIVEN');
      await maybeRecordHistory(h, 'jos-gezag-beide-ouders');
      await h.terminate('end of test');
    });
  }, 300_000);

  it('parents who disagree: one refusal refuses, also after the other consented', async () => {
    const fakes = new FakeCaseActivities();
    fakes.requiredGiverIds = [mother.id, father.id];
    await kit.withWorker(fakes.activities(), async (tq) => {
      const { h, requestId } = await toSignature(tq, 'jos-gezag-geweigerd');
      await answer(h, requestId, father, 'GIVEN');
      const refused = await answer(h, requestId, mother, 'REFUSED', 'Moeder wil dit niet');
      expect(refused.status).toBe('REFUSED');
      expect(refused.giverUserId).toBe(mother.id);
      const result = await h.result();
      await maybeRecordHistory(h, 'jos-gezag-geweigerd');
      expect(result.case.status).toBe('GEEN_TOESTEMMING');
      expect(fakes.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['CONSENT_PARTLY_GIVEN', 'CONSENT_REFUSED', 'STATUS_GEEN_TOESTEMMING']));
    });
  }, 300_000);

  it('without disagreement (and for an activity that names no one, as before custody) one guardian decides', async () => {
    for (const mode of ['custody', 'none'] as const) {
      const fakes = new FakeCaseActivities();
      fakes.recordConsentResult = mode;
      await kit.withWorker(fakes.activities(), async (tq) => {
        const { h, requestId } = await toSignature(tq, `jos-een-ouder-${mode}`);
        const given = await answer(h, requestId, mother, 'GIVEN');
        expect(given.status).toBe('GIVEN');
        expect(given.requiredGiverIds).toEqual([]);
        expect(given.missingGiverIds).toEqual([]);
        await waitFor(h, (st) => st.case.status === 'DOELEN', 'the goals');
        await h.terminate('end of test');
      });
    }
  }, 300_000);
});
