/* The Temporal worker process: `node apps/worker/dist/main.js`. */
import 'reflect-metadata';
import { Runtime } from '@temporalio/worker';
import { createWorker } from './create-worker';
import { workerConfigFromEnv } from './worker.config';

async function main(): Promise<void> {
  const config = workerConfigFromEnv();
  if (config.metricsAddress) {
    // Before any connection exists: the SDK's metrics (task latencies, slots, sticky cache) for Prometheus.
    Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress: config.metricsAddress } } } });
    process.stdout.write(`[worker] Prometheus metrics on http://${config.metricsAddress}/metrics\n`);
  }
  const running = await createWorker(config);
  process.stdout.write(
    config.payloadKeys
      ? `[worker] payloads encrypted (AES-256-GCM, current key "${config.payloadKeys.currentKeyId}", ${config.payloadKeys.keys.size} key(s) for decryption)\n`
      : '[worker] WARNING: TEMPORAL_PAYLOAD_KEYS is not set: workflow payloads are stored in Temporal unencrypted (development only)\n',
  );
  process.stdout.write(`[worker] polling task queue "${config.taskQueue}" on ${config.temporalAddress} (workflow code: ${running.workflowSource})\n`);
  await running.done;
  process.stdout.write('[worker] stopped\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`[worker] failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
