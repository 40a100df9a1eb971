import { appendFileSync } from 'node:fs';
import type { Context as ActivityContext } from '@temporalio/activity';
import { NativeConnection, Worker } from '@temporalio/worker';
import { OpenTelemetryActivityInboundInterceptor, OpenTelemetryActivityOutboundInterceptor } from '@temporalio/interceptors-opentelemetry';
import { checkApplicationRole, createDataSource, createLogger, type StructuredLogger } from '@zorgroute/domain';
import { temporalDataConverter } from '@zorgroute/temporal-codec';
import { EmailRepository, TemplateRenderer } from '@zorgroute/notifications';
import {
  createAuditCheckpointActivities,
  createCaseActivities,
  createNotificationActivities,
  createRetentionActivities,
  createZorgplichtActivities,
  createTlvActivities,
} from '@zorgroute/workflows';
import type { WorkerConfig } from './worker.config';
import { activityObserver } from './observability/activity-observer.interceptor';
import { ObservedDeliveryService } from './observability/observed-delivery.service';
import { WorkerMetrics } from './observability/worker-metrics';
import { resolveWorkflowCode } from './workflow-code';

export interface RunningWorker {
  worker: Worker;
  /** Stops polling, waits for running activities, closes connections. */
  shutdown(): Promise<void>;
  /** Resolves when the worker has stopped. */
  done: Promise<void>;
  /** Where the workflow code came from: a prebuilt bundle or the sources (see workflow-code.ts). */
  workflowSource: string;
  /** This worker's own Prometheus metrics (served by main.ts on WORKER_APP_METRICS_ADDRESS). */
  metrics: WorkerMetrics;
}

/** Options for tests and tools (production uses the defaults). */
export interface CreateWorkerOptions {
  /** A prebuilt workflow bundle (`bundleWorkflowCode` written to a file) instead of bundling at start-up. */
  workflowBundle?: { codePath: string };
  /** How long a delivery may stay SENDING before another attempt takes it over (NotificationDeliveryService). */
  sendingLeaseMs?: number;
  /** The structured log (default: the process's, per LOG_FORMAT / LOG_LEVEL). */
  log?: StructuredLogger;
  /** Add the process's CPU/memory metrics to the registry (main.ts; tests run several workers in one process). */
  processMetrics?: boolean;
}

/**
 * Builds the Temporal worker with every workflow and activity: PostgreSQL for the read model and
 * audit trail, nodemailer (checked at start-up) for e-mail.
 */
export async function createWorker(config: WorkerConfig, options: CreateWorkerOptions = {}): Promise<RunningWorker> {
  const log = options.log ?? createLogger('worker', config.log);
  const metrics = new WorkerMetrics({ processMetrics: options.processMetrics });
  const workflowCode = resolveWorkflowCode({ explicit: options.workflowBundle, bundlePath: config.workflowBundlePath, production: config.production });
  const dataSource = createDataSource(config.databaseUrl);
  await dataSource.initialize();
  try {
    // Production refuses a database role that could change the audit trail (docs/operations.md "Database roles").
    await checkApplicationRole(dataSource, { production: !!config.production, warn: (m) => log.warn({ event: 'database_role' }, m) });
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
  const email = new EmailRepository(config.smtpUrl, config.mailFrom);
  await email.verify();
  const delivery = new ObservedDeliveryService(dataSource, email, new TemplateRenderer(), { sendingLeaseMs: options.sendingLeaseMs }).observe(metrics, log);
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: config.namespace,
    taskQueue: config.taskQueue,
    // Workflow inputs, results, activity arguments and update/signal payloads are encrypted before they reach Temporal.
    dataConverter: temporalDataConverter(config.payloadKeys),
    ...workflowCode.options,
    interceptors: {
      // Metrics and log lines of every activity attempt; with tracing on (OTEL_EXPORTER_OTLP_ENDPOINT) a span per attempt.
      activity: [
        activityObserver(metrics, log),
        ...(config.tracing ? [(ctx: ActivityContext) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })] : []),
      ],
    },
    activities: {
      ...createCaseActivities({ dataSource, delivery, appUrl: config.appUrl }),
      ...createZorgplichtActivities({ dataSource }),
      ...createTlvActivities({ dataSource }),
      ...createNotificationActivities({ dataSource, delivery, appUrl: config.appUrl }),
      ...createRetentionActivities({ dataSource }),
      ...createAuditCheckpointActivities({
        dataSource,
        signer: config.auditCheckpointSigner,
        keys: config.auditCheckpointKeys,
        sink: (line) => {
          process.stdout.write(`${line}\n`);
          if (!config.auditCheckpointFile) return;
          try {
            appendFileSync(config.auditCheckpointFile, `${line.slice(line.indexOf('{'))}\n`, { mode: 0o600 });
          } catch (err) {
            // The checkpoint is stored and logged; a broken file sink must not make the activity sign another one.
            log.error({ event: 'audit_checkpoint_file_failed', error: err instanceof Error ? err.name : typeof err }, `AUDIT_CHECKPOINT_FILE not written: ${err instanceof Error ? err.message : String(err)}`);
          }
        },
        alert: (line) => process.stderr.write(`${line}\n`),
      }),
    },
  });
  const done = worker.run().finally(async () => {
    await connection.close();
    email.close();
    await dataSource.destroy();
  });
  return {
    worker,
    done,
    workflowSource: workflowCode.source,
    metrics,
    async shutdown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}
