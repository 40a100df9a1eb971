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
  for (let attempt = 1; ; attempt++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        client: { dataConverter: testDataConverter() },
        server: { executable: { type: 'existing-path', path }, extraArgs: [`--start-at=${startAt}`] },
      });
    } catch (error) {
      // The SDK gives the server's port a fixed 5 s to open (not configurable) and kills the JVM when it misses that.
      // On a loaded 2-core host a JVM start can take longer once in a while (CI failed so); the next start finds its
      // classes in the page cache. Any other error, or a third miss, fails the test.
      if (attempt >= MAX_START_ATTEMPTS || !isStartTimeout(error)) throw error;
      process.stderr.write(`[time-skipping] the test server did not open its port within the SDK's 5 s (attempt ${attempt}); starting it again\n`);
    }
  }
}

const MAX_START_ATTEMPTS = 3;

/** The SDK's "did not start in time" error (ephemeral_server StartupTimeout), as opposed to any other start failure. */
export function isStartTimeout(error: unknown): boolean {
  return error instanceof Error && /ephemeral server at .* did not start within/.test(error.message);
}
