import type { Client, WorkflowHandle } from '@temporalio/client';
import type { AppConfig } from '../config/app.config';
import { TemporalGateway } from './temporal.gateway';

/** A client whose one workflow handle records startUpdate's options and answers with `result`. */
function gatewayWith(result: () => Promise<unknown>, startError?: Error) {
  const calls: Record<string, unknown>[] = [];
  const deadlines: number[] = [];
  const handle = {
    workflowId: 'case-1',
    startUpdate: async (_def: unknown, options: Record<string, unknown>) => {
      calls.push(options);
      if (startError) throw startError;
      return { result };
    },
    executeUpdate: async () => {
      throw new Error('executeUpdate must not be used: it waits for the result without bound');
    },
  } as unknown as WorkflowHandle;
  const client = {
    workflow: { getHandle: (id: string) => (id === 'case-1' ? handle : undefined) },
    withDeadline: async <R>(deadline: number, fn: () => Promise<R>) => {
      deadlines.push(deadline);
      return fn();
    },
  } as unknown as Client;
  return { gateway: new TemporalGateway(client, { namespace: 'default' } as AppConfig), calls, deadlines };
}

describe('TemporalGateway.update (a step mutation answers within a bounded time once accepted)', () => {
  it('waits for acceptance, then answers with the update result', async () => {
    const { gateway, calls } = gatewayWith(async () => 'done');
    await expect(gateway.update('case-1', 'recordIntake', 1, { answerWaitMs: 1000 })).resolves.toBe('done');
    expect(calls).toEqual([{ args: [1], waitForStage: 'ACCEPTED' }]);
  });

  it('passes a rejection (validator or handler) on unchanged', async () => {
    const rejected = new Error('Deze stap kan nu niet');
    await expect(gatewayWith(async () => Promise.reject(rejected)).gateway.update('case-1', 'x', {}, { answerWaitMs: 1000 })).rejects.toBe(rejected);
    await expect(gatewayWith(async () => 'never', rejected).gateway.update('case-1', 'x', {}, { answerWaitMs: 1000 })).rejects.toBe(rejected);
  });

  it('answers undefined when the accepted update has not finished in time', async () => {
    const { gateway } = gatewayWith(() => new Promise(() => undefined));
    const started = Date.now();
    await expect(gateway.update('case-1', 'x', {}, { answerWaitMs: 50 })).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('sends the idempotency update id, and runs under Temporal call deadline when given one', async () => {
    const { gateway, calls, deadlines } = gatewayWith(async () => 'ok');
    await gateway.update('case-1', 'x', 2, { updateId: 'u1/key-12345678' });
    expect(deadlines).toEqual([]);
    await gateway.update('case-1', 'x', 3, { deadline: 12345 });
    expect(deadlines).toEqual([12345]);
    expect(calls).toEqual([
      { args: [2], updateId: 'u1/key-12345678', waitForStage: 'ACCEPTED' },
      { args: [3], waitForStage: 'ACCEPTED' },
    ]);
  });

  it('binds one case and its update id in a sender', async () => {
    const { gateway, calls } = gatewayWith(async () => 'sent');
    await expect(gateway.sender('case-1', { updateId: 'u2/k' })('withdrawConsent', { reason: 'r' })).resolves.toBe('sent');
    expect(calls).toEqual([{ args: [{ reason: 'r' }], updateId: 'u2/k', waitForStage: 'ACCEPTED' }]);
  });
});
