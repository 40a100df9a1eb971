/* The Temporal worker process: `node apps/worker/dist/main.js`. */
import 'reflect-metadata';
import { createWorker } from './create-worker';
import { workerConfigFromEnv } from './worker.config';

async function main(): Promise<void> {
  const config = workerConfigFromEnv();
  const running = await createWorker(config);
  process.stdout.write(`[worker] polling task queue "${config.taskQueue}" on ${config.temporalAddress}\n`);
  await running.done;
  process.stdout.write('[worker] stopped\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`[worker] failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
