/* The GraphQL api: `node apps/api/dist/main.js` (GraphQL and its IDE at /graphql, health at /health). */
import { createLogger, logConfigFromEnv, startTracing } from '@zorgroute/domain';
import { createApp } from './create-app';
import { appConfigFromEnv } from './config/app.config';

const log = createLogger('api', safeLogConfig());

async function main(): Promise<void> {
  const config = appConfigFromEnv();
  // Before the app and its Temporal client exist: their spans need the registered tracer provider.
  const tracing = config.tracing ? startTracing(config.tracing) : null;
  if (config.tracing) log.info({ event: 'tracing_on', endpoint: config.tracing.endpoint }, `OpenTelemetry traces to ${config.tracing.endpoint}`);
  const app = await createApp(config);
  if (tracing) process.once('beforeExit', () => void tracing.shutdown());
  await app.listen(config.port, config.host);
  log.info({ event: 'listening', port: config.port }, `GraphQL on http://${config.host}:${config.port}/graphql, metrics on /metrics`);
}

/** The log settings, or the defaults when they are invalid (the config error itself is then logged). */
function safeLogConfig() {
  try {
    return logConfigFromEnv();
  } catch {
    return { format: 'json' as const, level: 'info' as const };
  }
}

main().catch((err: unknown) => {
  log.error({ event: 'start_failed' }, `failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
