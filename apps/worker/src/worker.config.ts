import {
  auditCheckpointConfigFromEnv,
  logConfigFromEnv,
  requireDatabaseUrl,
  tracingConfigFromEnv,
  type AuditCheckpointKeys,
  type AuditCheckpointSigner,
  type LogConfig,
  type TracingConfig,
} from '@zorgroute/domain';
import { payloadKeysFromEnv, type PayloadKeyRing } from '@zorgroute/temporal-codec';

export interface WorkerConfig {
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  smtpUrl: string;
  mailFrom: string;
  appUrl: string;
  /** A prebuilt workflow bundle (WORKFLOW_BUNDLE_PATH); default: dist/workflow-bundle.js next to the compiled worker. */
  workflowBundlePath?: string;
  /** NODE_ENV=production: the worker refuses to bundle workflow code from TypeScript sources at start-up. */
  production?: boolean;
  /** WORKER_METRICS_ADDRESS (e.g. 0.0.0.0:9464): serve the SDK's Prometheus metrics on /metrics there. */
  metricsAddress?: string;
  /**
   * WORKER_APP_METRICS_ADDRESS (e.g. 0.0.0.0:9465): serve Zorgroute's own worker metrics (mail, reminders, activity
   * failures) on /metrics there; METRICS_TOKEN, when set, is required as `Authorization: Bearer <token>`.
   */
  appMetricsAddress?: string;
  metricsToken?: string;
  /** LOG_FORMAT / LOG_LEVEL (libs/domain logging/logger.ts). */
  log: LogConfig;
  /** OpenTelemetry traces of the activities (OTEL_EXPORTER_OTLP_ENDPOINT); null: off. */
  tracing: TracingConfig | null;
  /**
   * TEMPORAL_PAYLOAD_KEYS: the AES-256-GCM keys of the payload codec (required with NODE_ENV=production); null outside
   * production when unset (no encryption). Must equal the api's.
   */
  payloadKeys: PayloadKeyRing | null;
  /** The signing key of the audit checkpoints (AUDIT_CHECKPOINT_KEY; a fixed key in development). */
  auditCheckpointSigner: AuditCheckpointSigner;
  /** Its public key and those of retired keys (AUDIT_CHECKPOINT_PUBLIC_KEYS): the last checkpoint is verified before the next. */
  auditCheckpointKeys: AuditCheckpointKeys;
  /** AUDIT_CHECKPOINT_FILE: also append every checkpoint as a JSON line to this file (for shipping elsewhere). */
  auditCheckpointFile?: string;
}

/** Reads the worker's configuration from the environment (see README "Configuration"). */
export function workerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const smtpUrl = env.SMTP_URL;
  if (!smtpUrl) throw new Error('SMTP_URL is not set (e.g. smtp://127.0.0.1:1025)');
  const production = env.NODE_ENV === 'production';
  const checkpoint = auditCheckpointConfigFromEnv(env, 'signer');
  if (!checkpoint.signer) throw new Error('AUDIT_CHECKPOINT_KEY must be set');
  return {
    databaseUrl: requireDatabaseUrl(env),
    temporalAddress: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    namespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE ?? 'zorgroute',
    smtpUrl,
    mailFrom: env.MAIL_FROM ?? 'Zorgroute <noreply@zorgroute.local>',
    appUrl: env.APP_URL ?? 'http://127.0.0.1:4200',
    workflowBundlePath: env.WORKFLOW_BUNDLE_PATH || undefined,
    production,
    metricsAddress: env.WORKER_METRICS_ADDRESS || undefined,
    appMetricsAddress: env.WORKER_APP_METRICS_ADDRESS || undefined,
    metricsToken: env.METRICS_TOKEN?.trim() || undefined,
    log: logConfigFromEnv(env),
    tracing: tracingConfigFromEnv(env, 'zorgroute-worker'),
    payloadKeys: payloadKeysFromEnv(env, { production }),
    auditCheckpointSigner: checkpoint.signer,
    auditCheckpointKeys: checkpoint.keys,
    auditCheckpointFile: env.AUDIT_CHECKPOINT_FILE || undefined,
  };
}
