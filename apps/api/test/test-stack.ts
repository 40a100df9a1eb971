/**
 * The in-process stack of an end-to-end suite: migrations, a real Temporal worker on the suite's own
 * task queue, the Nest app on a free port, a GraphQL client, and the demo data. The services
 * themselves (Temporal dev server, PostgreSQL, SMTP) are started by `npm test`.
 */
import type { INestApplication } from '@nestjs/common';
import { migrateFromEnv } from '@zorgroute/domain';
import { createWorker, type RunningWorker } from '../../worker/src/create-worker';
import { workerConfigFromEnv } from '../../worker/src/worker.config';
import { appConfigFromEnv } from '../src/config/app.config';
import { createApp } from '../src/create-app';
import { seedDemo } from '../src/seed/seed-demo';
import { GraphQLTestClient } from './graphql-client';

export interface TestStack {
  app: INestApplication;
  worker: RunningWorker | null;
  gql: GraphQLTestClient;
  baseUrl: string;
  taskQueue: string;
}

export interface TestStackOptions {
  /** Prefix of the suite's own task queue. */
  name: string;
  /** Run a worker (default true). */
  worker?: boolean;
  /** Load the demo data (default true): organisations, people and the first P1 cases, not the demo cases of P1–P8. */
  seed?: boolean;
  /** Extra environment for the app and worker. */
  env?: NodeJS.ProcessEnv;
}

/** Registers beforeAll/afterAll for the stack; the returned object is filled before the first test. */
export function useTestStack(options: TestStackOptions): TestStack {
  const stack = {} as TestStack;
  beforeAll(async () => {
    stack.taskQueue = `${options.name}-${Date.now()}`;
    const env: NodeJS.ProcessEnv = { ...process.env, TEMPORAL_TASK_QUEUE: stack.taskQueue, API_PORT: '0', ...options.env };
    await migrateFromEnv(env);
    stack.worker = options.worker === false ? null : await createWorker(workerConfigFromEnv(env));
    stack.app = await createApp(appConfigFromEnv(env));
    await stack.app.listen(0, '127.0.0.1');
    stack.baseUrl = (await stack.app.getUrl()).replace('[::1]', '127.0.0.1');
    stack.gql = new GraphQLTestClient(`${stack.baseUrl}/graphql`);
    if (options.seed !== false) await seedDemo(stack.app, undefined, { allProcesses: false });
  }, 120_000);
  afterAll(async () => {
    await stack.app?.close();
    await stack.worker?.shutdown();
  }, 60_000);
  return stack;
}
