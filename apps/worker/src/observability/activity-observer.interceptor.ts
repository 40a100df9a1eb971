import type { Context as ActivityContext } from '@temporalio/activity';
import type { ActivityExecuteInput, ActivityInboundCallsInterceptor, ActivityInterceptorsFactory, Next } from '@temporalio/worker';
import type { StructuredLogger } from '@zorgroute/domain';
import type { WorkerMetrics } from './worker-metrics';

/**
 * Times and counts every activity attempt and logs a failed one: the activity type, the workflow id, the attempt and
 * the error class — never the activity's arguments or the error's message (both may hold case data).
 */
export class ActivityObserver implements ActivityInboundCallsInterceptor {
  constructor(
    private readonly ctx: ActivityContext,
    private readonly metrics: WorkerMetrics,
    private readonly log: StructuredLogger,
  ) {}

  async execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    const activity = this.ctx.info.activityType;
    const started = process.hrtime.bigint();
    try {
      const result = await next(input);
      this.metrics.activities.inc({ activity, outcome: 'ok' });
      return result;
    } catch (err) {
      const error = err instanceof Error ? err.name : typeof err;
      this.metrics.activities.inc({ activity, outcome: 'failed' });
      this.metrics.activityFailures.inc({ activity, error });
      this.log.warn(
        { event: 'activity_failed', activityType: activity, workflowId: this.ctx.info.workflowExecution?.workflowId ?? null, attempt: this.ctx.info.attempt, error },
        `activity ${activity} failed (attempt ${this.ctx.info.attempt})`,
      );
      throw err;
    } finally {
      this.metrics.activityDuration.observe({ activity }, Number(process.hrtime.bigint() - started) / 1e9);
    }
  }
}

export function activityObserver(metrics: WorkerMetrics, log: StructuredLogger): ActivityInterceptorsFactory {
  return (ctx) => ({ inbound: new ActivityObserver(ctx, metrics, log) });
}
