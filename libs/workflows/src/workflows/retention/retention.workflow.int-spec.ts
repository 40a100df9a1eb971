import type { RetentionActivities, RetentionRunSummary } from '../../activities/retention-activities.types';
import { maybeRecordHistory, useWorkflowTestKit } from '../../../test/workflow-test-kit';
import { retentionRunWorkflow } from './retention.workflow';

const kit = useWorkflowTestKit();

describe('retentionRunWorkflow (the daily retention run)', () => {
  it('runs the retention activity once and returns what it did (case ids only)', async () => {
    const calls: { trigger: string }[] = [];
    const summary: RetentionRunSummary = { closed: ['ondersteuningstraject-p-1'], purged: ['jos-p-2'], skippedRunning: [], failed: [] };
    const activities: RetentionActivities = {
      async runRetention(input) {
        calls.push(input);
        return summary;
      },
    };
    await kit.withWorker(activities, async (taskQueue) => {
      const workflowId = 'retention-run-daily';
      const h = await kit.env.client.workflow.start(retentionRunWorkflow, { taskQueue, workflowId, args: [] });
      expect(await h.result()).toEqual(summary);
      await maybeRecordHistory(h, workflowId);
    });
    expect(calls).toEqual([{ trigger: 'SCHEDULE' }]);
  }, 120_000);
});
