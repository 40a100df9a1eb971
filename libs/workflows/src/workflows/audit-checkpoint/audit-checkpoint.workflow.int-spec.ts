import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { AuditCheckpointActivities, AuditCheckpointSummary } from '../../activities/audit-checkpoint-activities.types';
import { maybeRecordHistory, useWorkflowTestKit } from '../../../test/workflow-test-kit';
import { auditCheckpointWorkflow } from './audit-checkpoint.workflow';

const kit = useWorkflowTestKit();

describe('auditCheckpointWorkflow (the hourly signed audit checkpoint)', () => {
  it('writes one checkpoint through the activity and returns what it signed (no personal data)', async () => {
    const summary: AuditCheckpointSummary = { checkpointId: '7', at: '2027-01-12T09:00:00.000Z', entryCount: 42, headId: '57', keyId: '0123456789abcdef' };
    let calls = 0;
    const activities: AuditCheckpointActivities = {
      async writeAuditCheckpoint() {
        calls += 1;
        return summary;
      },
    };
    await kit.withWorker(activities, async (taskQueue) => {
      const workflowId = 'audit-checkpoint-hourly';
      const h = await kit.env.client.workflow.start(auditCheckpointWorkflow, { taskQueue, workflowId, args: [] });
      expect(await h.result()).toEqual(summary);
      await maybeRecordHistory(h, workflowId);
    });
    expect(calls).toBe(1);
  }, 120_000);

  it('fails at once, without retries, when the chain does not match its last checkpoint (AuditChainBroken)', async () => {
    let calls = 0;
    const activities: AuditCheckpointActivities = {
      async writeAuditCheckpoint() {
        calls += 1;
        throw ApplicationFailure.create({ type: 'AuditChainBroken', message: 'audit chain not signed: CHECKPOINT_MISMATCH at entry 57', nonRetryable: true });
      },
    };
    await kit.withWorker(activities, async (taskQueue) => {
      const h = await kit.env.client.workflow.start(auditCheckpointWorkflow, { taskQueue, workflowId: `audit-checkpoint-broken-${Date.now()}`, args: [] });
      const err = await h.result().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkflowFailedError);
      expect(String((err as WorkflowFailedError).cause?.cause)).toMatch(/CHECKPOINT_MISMATCH/);
    });
    expect(calls).toBe(1);
  }, 120_000);
});
