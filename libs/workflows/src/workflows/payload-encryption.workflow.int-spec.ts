/**
 * Workflow data is encrypted before it reaches Temporal: the test kit's client and worker use the payload codec
 * (test-data-converter.ts), so the history the server stores holds AES-GCM ciphertext for every input, update, activity
 * argument and result; only the search attributes (ids and statuses) and the patch markers (patch ids) stay readable. The history recorded here
 * (`npm run replay:record`) is the encrypted one replay.spec.ts replays.
 */
import { FakeCaseActivities } from '../../test/fake-case-activities';
import { payloadsOf, readableHistoryText, unencryptedByDesign } from '../../test/history-text';
import { maybeRecordHistory, useWorkflowTestKit } from '../../test/workflow-test-kit';
import { getTrajectState, ondersteuningstrajectWorkflow, recordIntake, stopTrajectory } from './ondersteuningstraject/ondersteuningstraject.workflow';

const kit = useWorkflowTestKit();
const zc = { id: 'zc-1', name: 'Marieke Verhoef' };
const REASON = 'Vermoeden van een angststoornis; thuissituatie onveilig';
const GOAL = 'Weer naar school durven ondanks de diagnose';
const STOP = 'Jeugdzorg neemt het over';

describe('payload encryption in workflow histories (time skipping)', () => {
  it('stores only ciphertext for case data in the history; the worker still runs the case', async () => {
    const fakes = new FakeCaseActivities();
    const { history, final } = await kit.withWorker(fakes.activities(), async (taskQueue) => {
      const h = await kit.env.client.workflow.start(ondersteuningstrajectWorkflow, {
        taskQueue,
        workflowId: 'ondersteuningstraject-versleuteld',
        args: [{ schoolId: 's-1', pupilId: 'pupil-1', startedBy: zc, reason: REASON, weeks: 8 }],
      });
      for (let i = 0; i < 200 && (await h.query(getTrajectState).catch(() => null))?.case.status !== 'INTAKE'; i++) await new Promise((r) => setTimeout(r, 50));
      await h.executeUpdate(recordIntake, { args: [{ actor: zc, intakeDate: await kit.today(), goal: GOAL }] });
      await h.executeUpdate(stopTrajectory, { args: [{ actor: zc, reason: STOP }] });
      const result = await h.result();
      await maybeRecordHistory(h, 'ondersteuningstraject-versleuteld');
      return { history: await h.fetchHistory(), final: result };
    });

    // The worker decrypted everything: the process ran and the activities got the clear data.
    expect(final.case.status).toBe('GESTOPT');
    expect(fakes.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['CASE_STARTED', 'INTAKE_RECORDED']));
    expect(JSON.stringify(fakes.snapshots)).toContain(GOAL);

    // The stored history: no personal text anywhere, every payload encrypted except search attributes and patch markers.
    const text = readableHistoryText(history);
    for (const secret of [REASON, 'angststoornis', GOAL, STOP, zc.name]) expect(text).not.toContain(secret);
    const payloads = payloadsOf(history);
    expect(payloads.length).toBeGreaterThan(10);
    const plain = payloads.filter((p) => p.encoding !== 'binary/encrypted' && !unencryptedByDesign(p));
    expect(plain).toEqual([]);
  }, 120_000);
});
