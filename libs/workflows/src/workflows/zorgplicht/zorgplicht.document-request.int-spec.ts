// P4 asks the parents for a document (issue 16; PROCESSES.md P4.1 "information requested from parents"), time skipping:
// asked → reminded along the ladder → uploaded; and asked → nothing by the due date → the zorgcoördinator is told, the
// case is not stuck, the statutory decision term is untouched, and the request lapses with the decision.
import type { WorkflowHandle } from '@temporalio/client';
import { addSchoolDays, buildSchoolCalendar, dueInCalendarWeeks, toIsoDate, zonedInstant } from '@zorgroute/domain/logic';
import type { NotifyRequest } from '../../activities/case-activities.types';
import type { CaseDocumentRef, ZorgplichtLetterRequest } from '../../activities/zorgplicht-activities.types';
import { FakeCaseActivities } from '../../../test/fake-case-activities';
import { DAY, maybeRecordHistory, updateError, useWorkflowTestKit, waitUntil } from '../../../test/workflow-test-kit';
import { provideRequestedDocument, type DocumentRequestView } from '../common/document-request';
import { getZorgplichtState, recordZorgplichtDecision, requestZorgplichtDocument, zorgplichtWorkflow, type StartZorgplichtInput, type ZorgplichtState } from './zorgplicht.workflow';

const zc = { id: 'zc-1', name: 'Marieke Verhoef' };
const parent = { id: 'parent-1', name: 'Ouder Testleerling' };
const SCHOOL = 's-1';
const SHA = 'ab'.repeat(32);
const calendar = buildSchoolCalendar('midden');

const kit = useWorkflowTestKit();
let starts = 0;

/** Case activities in memory, with a letter activity that stores nothing but a reference. */
class Fakes extends FakeCaseActivities {
  allActivities() {
    return {
      ...this.activities(),
      createZorgplichtLetter: async (request: ZorgplichtLetterRequest): Promise<CaseDocumentRef> => ({
        documentId: `doc-${request.kind}`,
        kind: request.kind,
        fileName: `${request.kind.toLowerCase()}.pdf`,
        sha256: 'x'.repeat(64),
        sizeBytes: 1000,
      }),
    };
  }

  requests(): DocumentRequestView[] {
    return (this.latest?.data.documentRequests as DocumentRequestView[] | undefined) ?? [];
  }

  /** The messages about the request: kind and ladder rung. */
  rungs(): string[] {
    return this.notifications.filter((n) => n.key.includes(':document:')).map((n) => `${n.kind}:${n.key.split(':').at(-1)}`);
  }
}

async function today(): Promise<string> {
  return toIsoDate(await kit.env.currentTimeMs());
}

/** Skips time to `hour`:00 (Amsterdam) on `date`. */
async function sleepUntil(date: string, hour = 12): Promise<void> {
  const ms = Date.parse(zonedInstant(date, hour, 0)) - (await kit.env.currentTimeMs());
  if (ms > 0) await kit.env.sleep(ms);
}

async function start(taskQueue: string, receivedOn: string): Promise<WorkflowHandle<typeof zorgplichtWorkflow>> {
  const input: StartZorgplichtInput = { schoolId: SCHOOL, pupilId: 'pupil-1', startedBy: zc, receivedOn, extraSupportExpected: true, preferenceSchoolIds: [SCHOOL] };
  const h = await kit.env.client.workflow.start(zorgplichtWorkflow, { taskQueue, workflowId: `p4-doc-${taskQueue}-${++starts}`, args: [input] });
  for (let i = 0; i < 200; i++) {
    const st = await h.query(getZorgplichtState).catch(() => null);
    if (st?.case.waitingFor === 'RECORD_DECISION') return h;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the decision step was not opened');
}

const decide = (h: WorkflowHandle<typeof zorgplichtWorkflow>) =>
  h.executeUpdate(recordZorgplichtDecision, { args: [{ actor: zc, outcome: 'TOEGELATEN', motivation: 'Met de informatie van de ouders kunnen wij de ondersteuning bieden.' }] });

describe('P4 asks the parents for a document (time skipping)', () => {
  it('asks with a description and a due date, reminds the parents along the ladder, and takes the upload; the decision term does not move', async () => {
    const fakes = new Fakes();
    let final: ZorgplichtState | undefined;
    await kit.withWorker(fakes.allActivities(), async (tq) => {
      const received = await today();
      const h = await start(tq, received);
      const termBefore = (await h.query(getZorgplichtState)).clock.due.date;
      expect(termBefore).toBe(dueInCalendarWeeks(received, 6, 'P4.decisionWeeks').date);
      const due = addSchoolDays(received, 5, calendar);

      // Bad input changes nothing: a due date not after today, after the decision term, no description.
      const ask = (description: string, dueDate: string) => h.executeUpdate(requestZorgplichtDocument, { args: [{ actor: zc, description, dueDate }] });
      expect(await updateError(ask('Het laatste onderzoeksverslag', received))).toEqual({ type: 'BAD_USER_INPUT', message: 'De uiterste datum moet na vandaag liggen' });
      expect((await updateError(ask('Het laatste onderzoeksverslag', addSchoolDays(termBefore, 1, calendar)))).message).toBe(`De uiterste datum mag niet na de beslistermijn (${termBefore}) liggen`);
      expect((await updateError(ask('', due))).type).toBe('BAD_USER_INPUT');
      expect(fakes.requests()).toEqual([]);

      const asked = await ask('Het laatste onderzoeksverslag van de psycholoog', due);
      expect(asked).toEqual(
        expect.objectContaining({ kind: 'ZORGPLICHT_INFO_OUDERS', documentKind: 'VERSLAG', label: 'Document voor de aanmelding', description: 'Het laatste onderzoeksverslag van de psycholoog', audiences: ['PARENTS', 'PUPIL'], status: 'OPEN', dueDate: due }),
      );
      // The request is the investigation step "information requested from the parents" (ONTVANGEN → ONDERZOEK).
      const st = await h.query(getZorgplichtState);
      expect(st.case.status).toBe('ONDERZOEK');
      expect(st.investigations.map((i) => i.kind)).toEqual(['INFO_OUDERS_GEVRAAGD']);
      expect((fakes.latest?.data.dueDates as { step: string; date: string }[]).find((d) => d.step === 'DOCUMENT_ZORGPLICHT_INFO_OUDERS')?.date).toBe(due);
      await waitUntil(() => fakes.rungs().length === 1, 'the request to the parents');
      expect(fakes.notifications.find((n) => n.kind === 'DOCUMENT_REQUESTED')).toEqual(
        expect.objectContaining({ recipients: { parentsOfPupil: 'pupil-1' }, stepLabel: 'Document voor de aanmelding', dueDate: due, ownerUserId: 'zc-1' }),
      );
      // What is asked in detail is for the portal, never in the e-mail.
      expect(JSON.stringify(fakes.notifications)).not.toContain('psycholoog');

      // Reminded two school days before and on the due date.
      await sleepUntil(due, 14);
      await waitUntil(() => fakes.rungs().length === 3, 'the reminders');
      expect(fakes.rungs()).toEqual(['DOCUMENT_REQUESTED:requested', 'DOCUMENT_REQUESTED:before-2', 'DOCUMENT_REQUESTED:due']);

      // The parent's upload (the api sends the stored document's id and digest): PROVIDED, the reminders stop.
      expect((await updateError(h.executeUpdate(provideRequestedDocument, { args: [{ actor: parent, requestId: asked.requestId, documentId: 'upload-1', sha256: 'nope', providedByRole: 'PARENT' }] }))).type).toBe('BAD_USER_INPUT');
      const provided = await h.executeUpdate(provideRequestedDocument, { args: [{ actor: parent, requestId: asked.requestId, documentId: 'upload-1', sha256: SHA, providedByRole: 'PARENT' }] });
      expect(provided).toEqual(expect.objectContaining({ status: 'PROVIDED', documentId: 'upload-1', providedByRole: 'PARENT' }));
      await waitUntil(() => fakes.requests()[0]?.status === 'PROVIDED', 'the provided request in the read model');
      await waitUntil(() => !(fakes.latest?.data.dueDates as { step: string }[]).some((d) => d.step === 'DOCUMENT_ZORGPLICHT_INFO_OUDERS'), 'the due date removed');
      await kit.env.sleep(6 * DAY);
      expect(fakes.rungs()).toHaveLength(3);
      // A second upload for the same request is refused.
      expect((await updateError(h.executeUpdate(provideRequestedDocument, { args: [{ actor: parent, requestId: asked.requestId, documentId: 'upload-2', sha256: SHA, providedByRole: 'PARENT' }] }))).type).toBe('STEP_NOT_ALLOWED');

      // The statutory term is the same as before the request.
      expect((await h.query(getZorgplichtState)).clock.due.date).toBe(termBefore);
      await decide(h);
      final = await h.result();
      await maybeRecordHistory(h, 'zorgplicht-document-van-de-ouders');
    });
    expect(final?.case.status).toBe('TOEGELATEN');
    expect(final?.decision?.onTime).toBe(true);
    expect(fakes.audit.map((a) => a.action).filter((a) => a.startsWith('DOCUMENT_'))).toEqual(['DOCUMENT_REQUESTED', 'DOCUMENT_PROVIDED']);
    expect(fakes.audit.find((a) => a.action === 'DOCUMENT_PROVIDED')).toEqual(expect.objectContaining({ actorId: 'parent-1', details: expect.objectContaining({ documentId: 'upload-1', sha256: SHA }) }));
    expect(fakes.duplicates).toBe(0);
  }, 180_000);

  it('when nothing comes by the due date: reminded after it, the zorgcoördinator told at the escalation rung, not stuck; the request lapses with the decision', async () => {
    const fakes = new Fakes();
    let final: ZorgplichtState | undefined;
    await kit.withWorker(fakes.allActivities(), async (tq) => {
      const received = await today();
      const h = await start(tq, received);
      const termBefore = (await h.query(getZorgplichtState)).clock.due.date;
      const due = addSchoolDays(received, 5, calendar);
      await h.executeUpdate(requestZorgplichtDocument, { args: [{ actor: zc, description: 'Het rapport van de vorige school', dueDate: due }] });

      await sleepUntil(addSchoolDays(due, 3, calendar), 14);
      await waitUntil(() => fakes.audit.some((a) => a.action === 'DOCUMENT_REQUEST_ESCALATED'), 'the escalation');
      expect(fakes.rungs()).toEqual(['DOCUMENT_REQUESTED:requested', 'DOCUMENT_REQUESTED:before-2', 'DOCUMENT_REQUESTED:due', 'DOCUMENT_REQUESTED:after-2', 'STEP_ESCALATION:escalate-3']);
      expect(fakes.notifications.find((n: NotifyRequest) => n.kind === 'STEP_ESCALATION' && n.key.includes(':document:'))?.recipients).toEqual({ userIds: ['zc-1'] });
      // The request waits (no stuck case for it), the decision step keeps its own term.
      expect(fakes.latest?.stuck).toBe(false);
      expect(fakes.requests().map((r) => r.status)).toEqual(['OPEN']);
      const st = await h.query(getZorgplichtState);
      expect(st.clock.due.date).toBe(termBefore);
      expect(st.case.waitingFor).toBe('RECORD_DECISION');
      // The ladder goes on reminding the parents; the zorgcoördinator is told once.
      await kit.env.sleep(5 * DAY);
      await waitUntil(() => fakes.rungs().length > 5, 'the later reminders');
      expect(fakes.rungs().slice(5).every((r) => r.startsWith('DOCUMENT_REQUESTED:after-'))).toBe(true);

      await decide(h);
      final = await h.result();
      await maybeRecordHistory(h, 'zorgplicht-document-niet-aangeleverd');
    });
    expect(final?.case.status).toBe('TOEGELATEN');
    expect(fakes.requests().map((r) => r.status)).toEqual(['CANCELLED']);
    expect(fakes.audit.map((a) => a.action).filter((a) => a.startsWith('DOCUMENT_'))).toEqual(['DOCUMENT_REQUESTED', 'DOCUMENT_REQUEST_ESCALATED', 'DOCUMENT_REQUEST_CANCELLED']);
    expect(fakes.duplicates).toBe(0);
  }, 180_000);
});
