import { NativeConnection, Worker } from '@temporalio/worker';
import { createDataSource } from '@zorgroute/domain';
import { EmailRepository, NotificationDeliveryService, TemplateRenderer } from '@zorgroute/notifications';
import { createCaseActivities, workflowBundleOptions } from '@zorgroute/workflows';
import type { WorkerConfig } from './worker.config';

export interface RunningWorker {
  worker: Worker;
  /** Stops polling, waits for running activities, closes connections. */
  shutdown(): Promise<void>;
  /** Resolves when the worker has stopped. */
  done: Promise<void>;
}

/**
 * Builds the Temporal worker with every workflow and activity: PostgreSQL for the read model and
 * audit trail, nodemailer (checked at start-up) for e-mail.
 */
export async function createWorker(config: WorkerConfig): Promise<RunningWorker> {
  const dataSource = createDataSource(config.databaseUrl);
  await dataSource.initialize();
  const email = new EmailRepository(config.smtpUrl, config.mailFrom);
  await email.verify();
  const delivery = new NotificationDeliveryService(dataSource, email, new TemplateRenderer());
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: config.namespace,
    taskQueue: config.taskQueue,
    ...workflowBundleOptions(),
    activities: createCaseActivities({ dataSource, delivery, appUrl: config.appUrl }),
  });
  const done = worker.run().finally(async () => {
    await connection.close();
    email.close();
    await dataSource.destroy();
  });
  return {
    worker,
    done,
    async shutdown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}
