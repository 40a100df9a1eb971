import { appendFileSync } from 'node:fs';
import { NativeConnection, Worker } from '@temporalio/worker';
import { checkApplicationRole, createDataSource } from '@zorgroute/domain';
import { temporalDataConverter } from '@zorgroute/temporal-codec';
import { EmailRepository, NotificationDeliveryService, TemplateRenderer } from '@zorgroute/notifications';
import {
  createAuditCheckpointActivities,
  createCaseActivities,
  createNotificationActivities,
  createRetentionActivities,
  createZorgplichtActivities,
  createTlvActivities,
} from '@zorgroute/workflows';
import type { WorkerConfig } from './worker.config';
import { resolveWorkflowCode } from './workflow-code';

export interface RunningWorker {
  worker: Worker;
  /** Stops polling, waits for running activities, closes connections. */
  shutdown(): Promise<void>;
  /** Resolves when the worker has stopped. */
  done: Promise<void>;
  /** Where the workflow code came from: a prebuilt bundle or the sources (see workflow-code.ts). */
  workflowSource: string;
}

/** Options for tests and tools (production uses the defaults). */
export interface CreateWorkerOptions {
  /** A prebuilt workflow bundle (`bundleWorkflowCode` written to a file) instead of bundling at start-up. */
  workflowBundle?: { codePath: string };
  /** How long a delivery may stay SENDING before another attempt takes it over (NotificationDeliveryService). */
  sendingLeaseMs?: number;
}

/**
 * Builds the Temporal worker with every workflow and activity: PostgreSQL for the read model and
 * audit trail, nodemailer (checked at start-up) for e-mail.
 */
export async function createWorker(config: WorkerConfig, options: CreateWorkerOptions = {}): Promise<RunningWorker> {
  const workflowCode = resolveWorkflowCode({ explicit: options.workflowBundle, bundlePath: config.workflowBundlePath, production: config.production });
  const dataSource = createDataSource(config.databaseUrl);
  await dataSource.initialize();
  try {
    // Production refuses a database role that could change the audit trail (docs/operations.md "Database roles").
    await checkApplicationRole(dataSource, { production: !!config.production, warn: (m) => process.stderr.write(`[worker] warning: ${m}\n`) });
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
  const email = new EmailRepository(config.smtpUrl, config.mailFrom);
  await email.verify();
  const delivery = new NotificationDeliveryService(dataSource, email, new TemplateRenderer(), { sendingLeaseMs: options.sendingLeaseMs });
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: config.namespace,
    taskQueue: config.taskQueue,
    // Workflow inputs, results, activity arguments and update/signal payloads are encrypted before they reach Temporal.
    dataConverter: temporalDataConverter(config.payloadKeys),
    ...workflowCode.options,
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
            process.stderr.write(`[worker] AUDIT_CHECKPOINT_FILE not written: ${err instanceof Error ? err.message : String(err)}\n`);
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
    async shutdown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}
