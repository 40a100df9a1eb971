/**
 * The daily retention run (issue #7, docs/security.md "Retention"): closes running cases without activity for the
 * policy's `retention.closeAfterInactiveMonths` and purges cases closed longer than `retention.purgeAfterClosedYears`
 * ago. The work is one activity (`runRetention`, libs/domain `RetentionPurger`); a running workflow is never purged.
 *
 * Started by a Temporal Schedule (created by the api at start-up, `RetentionScheduleService`), daily at 02:30
 * Europe/Amsterdam, overlap policy SKIP. Unlike the daily digest, retention does not depend on the school calendar
 * (a purge on a holiday is fine), so a Schedule expresses it completely and is visible and pausable in the Temporal UI.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { RetentionActivities, RetentionRunSummary } from '../../activities/retention-activities.types';

export { RETENTION_RUN_WORKFLOW, retentionRunWorkflowId, retentionScheduleId } from './retention.ids';

const retention = proxyActivities<RetentionActivities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '1 minute', backoffCoefficient: 2, maximumInterval: '30 minutes', maximumAttempts: 5 },
});

export async function retentionRunWorkflow(): Promise<RetentionRunSummary> {
  return retention.runRetention({ trigger: 'SCHEDULE' });
}
