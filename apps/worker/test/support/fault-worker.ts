/*
 * A real Zorgroute worker in a child process, for the crash tests: createWorker with the environment's configuration,
 * a prebuilt workflow bundle (ZR_WORKFLOW_BUNDLE) and a short delivery lease (ZR_SENDING_LEASE_MS). Tells its parent
 * when it polls; the parent kills it with SIGKILL — no shutdown, no cleanup, like a crashed machine.
 */
import 'reflect-metadata';
import { createWorker } from '../../src/create-worker';
import { workerConfigFromEnv } from '../../src/worker.config';

async function main(): Promise<void> {
  const running = await createWorker(workerConfigFromEnv(), {
    workflowBundle: { codePath: process.env.ZR_WORKFLOW_BUNDLE as string },
    sendingLeaseMs: Number(process.env.ZR_SENDING_LEASE_MS),
  });
  process.send?.({ ready: true, pid: process.pid });
  await running.done;
}

main().catch((err: unknown) => {
  process.stderr.write(`[fault-worker] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
