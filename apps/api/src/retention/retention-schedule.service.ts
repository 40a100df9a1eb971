import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ScheduleOverlapPolicy } from '@temporalio/client';
import { RETENTION_RUN_WORKFLOW, retentionRunWorkflowId, retentionScheduleId } from '@zorgroute/workflows';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { TemporalGateway } from '../temporal/temporal.gateway';

/** Daily at 02:30 Amsterdam time: after the day's work, before the digest and ladder (08:00/08:30). */
export const RETENTION_SCHEDULE_SPEC = { calendars: [{ hour: 2, minute: 30 }], timezone: 'Europe/Amsterdam' };

/**
 * Makes sure the Temporal Schedule of the daily retention run exists for this deployment's task queue (idempotent;
 * `ZR_RETENTION_SCHEDULE=off` switches it off, e.g. for a second api in the same namespace). A Temporal outage at
 * start-up does not stop the api: the next start creates it.
 */
@Injectable()
export class RetentionScheduleService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Retention');

  constructor(
    @Inject(TemporalGateway) private readonly temporal: TemporalGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (process.env.ZR_RETENTION_SCHEDULE === 'off') return;
    try {
      await this.ensureSchedule();
    } catch (err) {
      this.logger.warn(`retention schedule not ensured: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Creates the schedule unless it exists; returns its id. */
  async ensureSchedule(): Promise<string> {
    const scheduleId = retentionScheduleId(this.config.taskQueue);
    await this.temporal.ensureSchedule({
      scheduleId,
      spec: RETENTION_SCHEDULE_SPEC,
      action: {
        type: 'startWorkflow',
        workflowType: RETENTION_RUN_WORKFLOW,
        workflowId: retentionRunWorkflowId(this.config.taskQueue),
        taskQueue: this.config.taskQueue,
        args: [],
        workflowExecutionTimeout: '6 hours',
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
    });
    return scheduleId;
  }
}
