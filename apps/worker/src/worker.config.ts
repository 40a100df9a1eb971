import { requireDatabaseUrl } from '@zorgroute/domain';

export interface WorkerConfig {
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  smtpUrl: string;
  mailFrom: string;
  appUrl: string;
}

/** Reads the worker's configuration from the environment (see README "Configuration"). */
export function workerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const smtpUrl = env.SMTP_URL;
  if (!smtpUrl) throw new Error('SMTP_URL is not set (e.g. smtp://127.0.0.1:1025)');
  return {
    databaseUrl: requireDatabaseUrl(env),
    temporalAddress: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    namespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE ?? 'zorgroute',
    smtpUrl,
    mailFrom: env.MAIL_FROM ?? 'Zorgroute <noreply@zorgroute.local>',
    appUrl: env.APP_URL ?? 'http://127.0.0.1:4200',
  };
}
