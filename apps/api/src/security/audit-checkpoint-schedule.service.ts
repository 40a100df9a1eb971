import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ScheduleOverlapPolicy } from '@temporalio/client';
import { AUDIT_CHECKPOINT_WORKFLOW, auditCheckpointScheduleId, auditCheckpointWorkflowId } from '@zorgroute/workflows';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { TemporalGateway } from '../temporal/temporal.gateway';

/**
 * Every hour: entries deleted from the tail after the newest checkpoint are the only ones a database owner could
 * remove unnoticed by `verifyAuditChain`, so the interval bounds that window (docs/security.md, "Audit trail").
 */
export const AUDIT_CHECKPOINT_SCHEDULE_SPEC = { intervals: [{ every: '1 hour' as const }] };

/**
 * Makes sure the Temporal Schedule of the hourly signed audit checkpoint exists for this deployment's task queue
 * (idempotent; `ZR_AUDIT_CHECKPOINT_SCHEDULE=off` switches it off, e.g. for a second api in the same namespace). Like
 * the retention schedule, a Temporal outage at start-up does not stop the api: the next start creates it.
 */
@Injectable()
export class AuditCheckpointScheduleService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AuditCheckpoint');

  constructor(
    @Inject(TemporalGateway) private readonly temporal: TemporalGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (process.env.ZR_AUDIT_CHECKPOINT_SCHEDULE === 'off') return;
    try {
      await this.ensureSchedule();
    } catch (err) {
      this.logger.warn(`audit checkpoint schedule not ensured: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Creates the schedule unless it exists; returns its id. */
  async ensureSchedule(): Promise<string> {
    const scheduleId = auditCheckpointScheduleId(this.config.taskQueue);
    await this.temporal.ensureSchedule({
      scheduleId,
      spec: AUDIT_CHECKPOINT_SCHEDULE_SPEC,
      action: {
        type: 'startWorkflow',
        workflowType: AUDIT_CHECKPOINT_WORKFLOW,
        workflowId: auditCheckpointWorkflowId(this.config.taskQueue),
        taskQueue: this.config.taskQueue,
        args: [],
        workflowExecutionTimeout: '1 hour',
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 hour' },
    });
    return scheduleId;
  }
}
