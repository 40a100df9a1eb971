import { getClient, heartbeat } from '@temporalio/activity';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { RetentionPurger, type RetentionTemporalOps } from '@zorgroute/domain';
import type { DataSource } from 'typeorm';
import { adminCloseCase } from '../workflows/common/admin-actions';
import type { Actor } from '../workflows/common/case-recorder';
import type { RetentionActivities } from './retention-activities.types';

/**
 * The actor id of closes done by the daily retention run (the workflow's admin close needs an actor id; audit columns
 * are uuids). Not a user: no account has this id.
 */
export const RETENTION_SYSTEM_ACTOR_ID = '00000000-0000-4000-8000-00000000a7e7';

const CLOSE_TIMEOUT_MS = 60_000;

/**
 * Temporal side of the retention run on a client: a case's workflow state, the admin close of an inactive case (the
 * workflow's own `adminCloseCase` update, so it ends normally and records why), and deleting a closed history.
 */
export function temporalRetentionOps(client: Client, closeActor: Actor): RetentionTemporalOps {
  return {
    async workflowState(caseId) {
      try {
        const d = await client.workflow.getHandle(caseId).describe();
        return d.status.name === 'RUNNING' ? 'RUNNING' : 'CLOSED';
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return 'NOT_FOUND';
        throw err;
      }
    },
    async closeInactive(caseId, reason) {
      // A case whose workflow has no worker (a stuck case) must not hold up the run: give up after a minute; the
      // next run tries again.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`closing ${caseId} did not finish within ${CLOSE_TIMEOUT_MS / 1000} s`)), CLOSE_TIMEOUT_MS);
      });
      try {
        await Promise.race([client.workflow.getHandle(caseId).executeUpdate(adminCloseCase, { args: [{ actor: closeActor, reason }] }), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async deleteHistory(caseId) {
      await client.workflowService.deleteWorkflowExecution({ namespace: client.options.namespace, workflowExecution: { workflowId: caseId } });
    },
  };
}

export function createRetentionActivities(deps: { dataSource: DataSource }): RetentionActivities {
  return {
    async runRetention() {
      heartbeat();
      const purger = new RetentionPurger(deps.dataSource);
      const ops = temporalRetentionOps(getClient(), { id: RETENTION_SYSTEM_ACTOR_ID, name: 'Zorgroute (bewaartermijn)' });
      const beating = setInterval(() => heartbeat(), 10_000);
      try {
        return await purger.run(ops, { trigger: 'SCHEDULE', actorId: null, reason: null });
      } finally {
        clearInterval(beating);
      }
    },
  };
}
