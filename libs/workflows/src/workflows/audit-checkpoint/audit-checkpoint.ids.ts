/** Names shared by the audit checkpoint workflow, the worker and the api that schedules it (pure: safe in every bundle). */
export const AUDIT_CHECKPOINT_WORKFLOW = 'auditCheckpointWorkflow';

/** The Temporal Schedule that starts the hourly checkpoint, one per task queue. */
export function auditCheckpointScheduleId(taskQueue: string): string {
  return `audit-checkpoint-hourly-${taskQueue}`;
}

/** Workflow id of the scheduled runs (the Schedule appends the start time). */
export function auditCheckpointWorkflowId(taskQueue: string): string {
  return `audit-checkpoint-${taskQueue}`;
}
