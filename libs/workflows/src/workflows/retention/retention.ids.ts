/** Names shared by the retention workflow, the worker and the api that schedules it (pure: safe in every bundle). */
export const RETENTION_RUN_WORKFLOW = 'retentionRunWorkflow';

/** The Temporal Schedule that starts the daily run, one per task queue. */
export function retentionScheduleId(taskQueue: string): string {
  return `retention-daily-${taskQueue}`;
}

/** Workflow id of the scheduled runs (the Schedule appends the start time). */
export function retentionRunWorkflowId(taskQueue: string): string {
  return `retention-run-${taskQueue}`;
}
