import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { testStartInstant } from './test-clock';
import { testDataConverter } from './test-data-converter';

let runtimeInstalled = false;

/**
 * Temporal's time-skipping test server (Java), started through the wrapper that `npm test`
 * prepares (TEMPORAL_TEST_SERVER_PATH): no download at run time. Its clock starts at `startAt`
 * (default: the suite's fixed start instant, see test-clock.ts), never at the wall clock. Its client encrypts payloads
 * with the test key (test-data-converter.ts); workers of these tests need the same data converter.
 */
export async function createTimeSkippingEnv(startAt: string = testStartInstant()): Promise<TestWorkflowEnvironment> {
  const path = process.env.TEMPORAL_TEST_SERVER_PATH;
  if (!path) throw new Error('TEMPORAL_TEST_SERVER_PATH is not set: run the tests with `npm test`, which prepares the test server');
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  return TestWorkflowEnvironment.createTimeSkipping({
    client: { dataConverter: testDataConverter() },
    server: { executable: { type: 'existing-path', path }, extraArgs: [`--start-at=${startAt}`] },
  });
}
