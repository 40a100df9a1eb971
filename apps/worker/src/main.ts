/* The Temporal worker process: `node apps/worker/dist/main.js`. */
import 'reflect-metadata';
import { createServer } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { Runtime } from '@temporalio/worker';
import { createLogger, logConfigFromEnv, startTracing, type LogConfig } from '@zorgroute/domain';
import { createWorker } from './create-worker';
import { TemporalLogAdapter } from './observability/temporal-log.adapter';
import type { WorkerMetrics } from './observability/worker-metrics';
import { workerConfigFromEnv } from './worker.config';

const log = createLogger('worker', safeLogConfig());

async function main(): Promise<void> {
  const config = workerConfigFromEnv();
  // Before any connection exists: the SDK's log goes to the structured log, its metrics (task latencies, slots,
  // sticky cache) to Prometheus on WORKER_METRICS_ADDRESS.
  Runtime.install({
    logger: new TemporalLogAdapter(log),
    ...(config.metricsAddress ? { telemetryOptions: { metrics: { prometheus: { bindAddress: config.metricsAddress } } } } : {}),
  });
  if (config.metricsAddress) log.info({ event: 'sdk_metrics_on' }, `Temporal SDK Prometheus metrics on http://${config.metricsAddress}/metrics`);
  const tracing = config.tracing ? startTracing(config.tracing) : null;
  if (config.tracing) log.info({ event: 'tracing_on', endpoint: config.tracing.endpoint }, `OpenTelemetry traces to ${config.tracing.endpoint}`);
  const running = await createWorker(config, { log, processMetrics: true });
  if (config.appMetricsAddress) await serveMetrics(running.metrics, config.appMetricsAddress, config.metricsToken);
  if (config.payloadKeys) {
    log.info({ event: 'payload_encryption', keyId: config.payloadKeys.currentKeyId, keys: config.payloadKeys.keys.size }, `payloads encrypted (AES-256-GCM, current key "${config.payloadKeys.currentKeyId}", ${config.payloadKeys.keys.size} key(s) for decryption)`);
  } else {
    log.warn({ event: 'payload_encryption_off' }, 'TEMPORAL_PAYLOAD_KEYS is not set: workflow payloads are stored in Temporal unencrypted (development only)');
  }
  log.info({ event: 'polling', taskQueue: config.taskQueue }, `polling task queue "${config.taskQueue}" on ${config.temporalAddress} (workflow code: ${running.workflowSource})`);
  await running.done;
  await tracing?.shutdown();
  log.info({ event: 'stopped' }, 'stopped');
}

/** Zorgroute's worker metrics on `address` (host:port), GET /metrics; with METRICS_TOKEN only for that bearer token. */
async function serveMetrics(metrics: WorkerMetrics, address: string, token: string | undefined): Promise<void> {
  const [, host, port] = /^(.*):(\d+)$/.exec(address) ?? [];
  if (!port) throw new Error(`WORKER_APP_METRICS_ADDRESS must be host:port (is "${address}")`);
  const expected = Buffer.from(`Bearer ${token ?? ''}`);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') return void res.writeHead(404).end();
    const given = Buffer.from(req.headers.authorization ?? '');
    if (token && !(given.length === expected.length && timingSafeEqual(given, expected))) return void res.writeHead(401).end();
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(Number(port), host.replace(/^\[|\]$/g, ''), resolve));
  server.unref();
  log.info({ event: 'app_metrics_on' }, `worker metrics on http://${address}/metrics`);
}

/** The log settings, or the defaults when they are invalid (the configuration error is then logged). */
function safeLogConfig(): LogConfig {
  try {
    return logConfigFromEnv();
  } catch {
    return { format: 'json', level: 'info' };
  }
}

main().catch((err: unknown) => {
  log.error({ event: 'start_failed' }, `failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
