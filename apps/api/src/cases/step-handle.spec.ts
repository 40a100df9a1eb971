import type { WorkflowHandle } from '@temporalio/client';
import { stepHandle, withBoundedAnswer } from './step-handle';

/** A handle whose startUpdate records its options and returns an update whose result is `result`. */
function fakeHandle(result: () => Promise<unknown>, startError?: Error) {
  const calls: Record<string, unknown>[] = [];
  const handle = {
    workflowId: 'case-1',
    startUpdate: async (_def: unknown, options: Record<string, unknown>) => {
      calls.push(options);
      if (startError) throw startError;
      return { result };
    },
    executeUpdate: async () => {
      throw new Error('executeUpdate of the raw handle must not be used');
    },
  } as unknown as WorkflowHandle;
  return { handle, calls };
}

describe('withBoundedAnswer (step mutations answer within a bounded time once accepted)', () => {
  it('waits for acceptance, then returns the update result', async () => {
    const { handle, calls } = fakeHandle(async () => 'done');
    await expect(withBoundedAnswer(handle, 1000).executeUpdate('recordIntake', { args: [1] } as never)).resolves.toBe('done');
    expect(calls).toEqual([{ args: [1], waitForStage: 'ACCEPTED' }]);
  });

  it('passes a rejection (validator or handler) on unchanged', async () => {
    const rejected = new Error('Deze stap kan nu niet');
    await expect(withBoundedAnswer(fakeHandle(async () => Promise.reject(rejected)).handle, 1000).executeUpdate('x', { args: [] } as never)).rejects.toBe(rejected);
    await expect(withBoundedAnswer(fakeHandle(async () => 'never', rejected).handle, 1000).executeUpdate('x', { args: [] } as never)).rejects.toBe(rejected);
  });

  it('answers undefined when the accepted update has not finished in time', async () => {
    const { handle } = fakeHandle(() => new Promise(() => undefined));
    const started = Date.now();
    await expect(withBoundedAnswer(handle, 50).executeUpdate('x', { args: [] } as never)).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('keeps the idempotency update id (stepHandle) and leaves other members alone', async () => {
    const { handle, calls } = fakeHandle(async () => 'ok');
    const wrapped = stepHandle(handle, 'u1/key-12345678');
    expect(wrapped.workflowId).toBe('case-1');
    await wrapped.executeUpdate('x', { args: [2] } as never);
    expect(calls).toEqual([{ args: [2], updateId: 'u1/key-12345678', waitForStage: 'ACCEPTED' }]);
  });
});
