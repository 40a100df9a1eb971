import { Logger } from '@nestjs/common';
import type {
  Next,
  WorkflowClientInterceptor,
  WorkflowStartInput,
  WorkflowStartOutput,
  WorkflowStartUpdateInput,
  WorkflowStartUpdateOutput,
  WorkflowStartUpdateWithStartInput,
  WorkflowStartUpdateWithStartOutput,
} from '@temporalio/client';
import { processOfWorkflowId, type ApiMetrics } from './api-metrics';

const logger = new Logger('Steps');

/**
 * Sees every workflow the api starts and every update it sends (a step: `recordIntake`, `closeCase`…): counts them
 * (`zorgroute_workflows_started_total`, `zorgroute_steps_taken_total` once the case accepted the update) and logs one
 * line per step with the workflow id, the process and the step — never its arguments (they hold reasons, notes, names).
 */
export class TemporalMetricsInterceptor implements WorkflowClientInterceptor {
  constructor(private readonly metrics: ApiMetrics) {}

  async startWithDetails(input: WorkflowStartInput, next: Next<WorkflowClientInterceptor, 'startWithDetails'>): Promise<WorkflowStartOutput> {
    const out = await next(input);
    this.metrics.casesStarted.inc({ workflow_type: input.workflowType });
    logger.log('workflow started', { event: 'workflow_started', workflowType: input.workflowType, workflowId: input.options.workflowId, process: processOfWorkflowId(input.options.workflowId) });
    return out;
  }

  async startUpdate(input: WorkflowStartUpdateInput, next: Next<WorkflowClientInterceptor, 'startUpdate'>): Promise<WorkflowStartUpdateOutput> {
    const out = await next(input);
    this.stepTaken(input.workflowExecution.workflowId, input.updateName);
    return out;
  }

  async startUpdateWithStart(
    input: WorkflowStartUpdateWithStartInput,
    next: Next<WorkflowClientInterceptor, 'startUpdateWithStart'>,
  ): Promise<WorkflowStartUpdateWithStartOutput> {
    const out = await next(input);
    this.stepTaken(input.workflowStartOptions.workflowId, input.updateName);
    return out;
  }

  private stepTaken(workflowId: string, step: string): void {
    const process = processOfWorkflowId(workflowId);
    this.metrics.stepsTaken.inc({ process, step });
    logger.log('step taken', { event: 'step_taken', process, step, workflowId });
  }
}
