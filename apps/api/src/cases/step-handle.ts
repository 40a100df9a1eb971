import { Logger } from '@nestjs/common';
import { WorkflowUpdateStage, type WorkflowHandle } from '@temporalio/client';
import { withUpdateId } from '../idempotency/idempotency-key';

/**
 * How long a step mutation waits for its accepted workflow update to finish. An update handler answers once the
 * process has moved on (libs/workflows/src/workflows/common/moved-on.ts) — normally within a moment. Should it not
 * (a read-model write retrying while PostgreSQL is away, or a path that does not move on), the client still gets an
 * answer: the step was accepted and is applied, and the api answers with the case as the read model shows it then.
 */
export const UPDATE_ANSWER_WAIT_MS = 20_000;

const TIMED_OUT = Symbol('timed out');
const logger = new Logger('StepUpdate');

/**
 * A handle whose `executeUpdate` waits until the update is accepted (a rejected update — step not open, bad input —
 * still fails as before, and with no worker running it keeps waiting for one), and then at most `waitMs` for its
 * result; after that it resolves with `undefined`.
 */
export function withBoundedAnswer(handle: WorkflowHandle, waitMs = UPDATE_ANSWER_WAIT_MS): WorkflowHandle {
  return new Proxy(handle, {
    get(target, prop, receiver) {
      if (prop !== 'executeUpdate') return Reflect.get(target, prop, receiver) as unknown;
      return async (def: Parameters<WorkflowHandle['startUpdate']>[0], options?: Record<string, unknown>) => {
        const update = await target.startUpdate(def, { ...(options ?? {}), waitForStage: WorkflowUpdateStage.ACCEPTED } as never);
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<typeof TIMED_OUT>((resolve) => {
          timer = setTimeout(() => resolve(TIMED_OUT), waitMs);
        });
        try {
          const outcome = await Promise.race([update.result(), timedOut]);
          if (outcome !== TIMED_OUT) return outcome;
          const name = typeof def === 'string' ? def : def.name;
          logger.warn(`update ${name} on ${target.workflowId} was accepted but has not finished after ${waitMs} ms; answering with the read model`);
          return undefined;
        } finally {
          clearTimeout(timer);
        }
      };
    },
  });
}

/** The handle every step mutation sends its update through: its idempotency key as update id, a bounded answer. */
export function stepHandle(handle: WorkflowHandle, updateId: string | undefined): WorkflowHandle {
  return withBoundedAnswer(withUpdateId(handle, updateId));
}
