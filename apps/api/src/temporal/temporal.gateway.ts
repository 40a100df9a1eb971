import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  Client,
  ScheduleAlreadyRunning,
  WorkflowUpdateStage,
  type Connection,
  type ScheduleOptions,
  type WorkflowExecutionDescription,
  type WorkflowHandle,
  type WorkflowStartOptions,
} from '@temporalio/client';
import type { UpdateDefinition, Workflow } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { temporalRetentionOps, type Actor } from '@zorgroute/workflows';
import { APP_CONFIG, type AppConfig } from '../config/app.config';

/**
 * How long a step mutation waits for its accepted workflow update to finish. An update handler answers once the
 * process has moved on (libs/workflows/src/workflows/common/moved-on.ts) — normally within a moment. Should it not
 * (a read-model write retrying while PostgreSQL is away, or a path that does not move on), the client still gets an
 * answer: the step was accepted and is applied, and the api answers with the case as the read model shows it then.
 */
export const UPDATE_ANSWER_WAIT_MS = 20_000;

const TIMED_OUT = Symbol('timed out');

/** How one update is sent: its idempotency update id, how long to wait for the answer, a Temporal call deadline. */
export interface CaseUpdateOptions {
  /** The Temporal update id (the request's Idempotency-Key, scoped to the user): a retry is applied once. */
  updateId?: string;
  /** After acceptance, how long to wait for the handler's answer before answering `undefined` (UPDATE_ANSWER_WAIT_MS). */
  answerWaitMs?: number;
  /** An absolute time (ms) after which Temporal's calls fail with DEADLINE_EXCEEDED (no waiting on a worker after it). */
  deadline?: number;
}

/** Sends one update to one case (see `TemporalGateway.sender`). */
export type CaseUpdateSender = <Ret, Arg>(update: UpdateDefinition<Ret, [Arg]> | string, arg: Arg) => Promise<Ret | undefined>;

/** The pollers Temporal reports on a task queue (describeTaskQueue). */
export type TaskQueuePollers = temporal.api.workflowservice.v1.IDescribeTaskQueueResponse['pollers'];

/**
 * The api's one door to Temporal. Every workflow start, update, question and schedule of the api goes through here, so
 * use cases and services depend on this class (and are unit-tested against a stand-in of it), not on the SDK's client.
 * Payloads are encrypted by the client's codec (temporal.module.ts).
 */
@Injectable()
export class TemporalGateway {
  private readonly logger = new Logger('StepUpdate');

  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Sends one update to a case's workflow and answers with its result. It waits until the update is accepted (a
   * rejected update — step not open, bad input — fails as it is; with no worker running it keeps waiting for one,
   * unless `deadline` says otherwise), then at most `answerWaitMs` for the result; after that it answers `undefined`.
   */
  async update<Ret, Arg>(caseId: string, update: UpdateDefinition<Ret, [Arg]> | string, arg: Arg, options: CaseUpdateOptions = {}): Promise<Ret | undefined> {
    return this.within(options.deadline, () => this.boundedUpdate(this.client.workflow.getHandle(caseId), update, arg, options));
  }

  /**
   * `update` bound to one case and its options, for a use case that decides which update to send. It carries the
   * request's update id: send at most ONE update through it (a second would be taken for a retry of the first).
   */
  sender(caseId: string, options: CaseUpdateOptions = {}): CaseUpdateSender {
    return (update, arg) => this.update(caseId, update, arg, options);
  }

  /** Starts a workflow (a case, or a run of a job). */
  start<W extends Workflow>(workflow: W | string, options: WorkflowStartOptions<W>): Promise<WorkflowHandle<W>> {
    return this.client.workflow.start(workflow, options);
  }

  /** What Temporal knows of a case's workflow (status, task queue, pending workflow task). */
  describe(caseId: string, options: { deadline?: number } = {}): Promise<WorkflowExecutionDescription> {
    return this.within(options.deadline, () => this.client.workflow.getHandle(caseId).describe());
  }

  /** A case's workflow history (the stuck-case screen reads its last failed workflow task). */
  fetchHistory(caseId: string): ReturnType<WorkflowHandle['fetchHistory']> {
    return this.client.workflow.getHandle(caseId).fetchHistory();
  }

  /** The workers polling a task queue for workflow tasks, as Temporal reports them. */
  async workflowPollers(taskQueue: string, options: { deadline?: number } = {}): Promise<TaskQueuePollers> {
    const described = await this.within(options.deadline, () =>
      this.client.workflowService.describeTaskQueue({
        namespace: this.config.namespace,
        taskQueue: { name: taskQueue },
        taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      }),
    );
    return described.pollers;
  }

  /** Creates a schedule unless one with its id exists (then leaves it as it is). */
  async ensureSchedule(options: ScheduleOptions): Promise<void> {
    try {
      await this.client.schedule.create(options);
    } catch (err) {
      if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    }
  }

  /** Temporal's side of the retention purge (is a case's workflow still running; close it), acting as `actor`. */
  retentionOps(actor: Actor): ReturnType<typeof temporalRetentionOps> {
    return temporalRetentionOps(this.client, actor);
  }

  /** Throws when the Temporal frontend does not answer its health check. */
  async checkHealth(): Promise<void> {
    await (this.client.connection as Connection).healthService.check({});
  }

  /** `call` under Temporal's call deadline `deadline` (ms since the epoch), or without one. */
  private within<T>(deadline: number | undefined, call: () => Promise<T>): Promise<T> {
    return deadline === undefined ? call() : this.client.withDeadline(deadline, call);
  }

  private async boundedUpdate<Ret, Arg>(handle: WorkflowHandle, update: UpdateDefinition<Ret, [Arg]> | string, arg: Arg, options: CaseUpdateOptions): Promise<Ret | undefined> {
    const waitMs = options.answerWaitMs ?? UPDATE_ANSWER_WAIT_MS;
    const started = await handle.startUpdate(update as UpdateDefinition<Ret, [Arg]>, {
      args: [arg],
      waitForStage: WorkflowUpdateStage.ACCEPTED,
      ...(options.updateId === undefined ? {} : { updateId: options.updateId }),
    });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<typeof TIMED_OUT>((resolve) => {
      timer = setTimeout(() => resolve(TIMED_OUT), waitMs);
    });
    try {
      const outcome = await Promise.race([started.result(), timedOut]);
      if (outcome !== TIMED_OUT) return outcome;
      const name = typeof update === 'string' ? update : update.name;
      this.logger.warn(`update ${name} on ${handle.workflowId} was accepted but has not finished after ${waitMs} ms; answering with the read model`);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
