/**
 * The hourly signed checkpoint of the audit trail (issue #14, docs/security.md "Audit trail"): one activity
 * (`writeAuditCheckpoint`, libs/domain `AuditCheckpointRepository`) checks the chain since the last checkpoint and
 * signs its entry count and head hash with the worker's key, which the database does not hold.
 *
 * Started by a Temporal Schedule (created by the api at start-up, `AuditCheckpointScheduleService`), every hour,
 * overlap policy SKIP. A chain that no longer matches the last checkpoint is never signed: the activity fails with
 * the non-retryable `AuditChainBroken` and so does the run (visible in the Temporal UI and the worker log).
 */
import { proxyActivities } from '@temporalio/workflow';
import type { AuditCheckpointActivities, AuditCheckpointSummary } from '../../activities/audit-checkpoint-activities.types';

export { AUDIT_CHECKPOINT_WORKFLOW, auditCheckpointScheduleId, auditCheckpointWorkflowId } from './audit-checkpoint.ids';

const audit = proxyActivities<AuditCheckpointActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '30 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 5, nonRetryableErrorTypes: ['AuditChainBroken'] },
});

export async function auditCheckpointWorkflow(): Promise<AuditCheckpointSummary> {
  return audit.writeAuditCheckpoint();
}
