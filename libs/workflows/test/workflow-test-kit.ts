/**
 * Shared set-up of the time-skipping workflow tests: one workflow bundle per test file, one Java test
 * server and a worker on its own task queue per test, and small helpers every process test uses.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { toIsoDate, zonedInstant } from '@zorgroute/domain/logic';
import { workflowBundleOptions } from '../src/bundle';
import { testStartInstant } from './test-clock';
import { testDataConverter } from './test-data-converter';
import { createTimeSkippingEnv } from './time-skipping-env';

export const HISTORY_DIR = join(__dirname, 'histories');
export const DAY = 24 * 3600 * 1000;

const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} };

export interface WorkflowTestKit {
  readonly env: TestWorkflowEnvironment;
  /** Runs `fn` with a worker on a fresh task queue `<prefix>-test-<n>` using the given activities. */
  withWorker<T>(activities: object, fn: (taskQueue: string) => Promise<T>, prefix?: string): Promise<T>;
  /** The test server's current date in Amsterdam. */
  today(): Promise<string>;
  /** Skips time to `hour`:00 Amsterdam on `date` (every 08:00 timer of that day has fired at noon). */
  sleepUntil(date: string, hour?: number): Promise<void>;
}

export interface WorkflowTestKitOptions {
  /**
   * Where each test server's clock starts: an Amsterdam wall time (`2027-03-28T01:30`) or an ISO instant. Default: the
   * suite's fixed start (test-clock.ts; `ZR_TEST_CLOCK` moves it), never the wall clock.
   */
  startAt?: string;
}

/**
 * Registers the hooks for the bundle (per file) and the test server (per test); call once at the top of a test file,
 * or once per `describe` that needs its own start instant.
 */
export function useWorkflowTestKit(opts: WorkflowTestKitOptions = {}): WorkflowTestKit {
  let env: TestWorkflowEnvironment | undefined;
  let bundle: WorkflowBundleWithSourceMap;
  let seq = 0;
  beforeAll(async () => {
    bundle = await bundleWorkflowCode({ ...workflowBundleOptions(), logger: quiet });
  }, 180_000);
  // A fresh test server per test (~0.5 s): a case a test leaves running — e.g. a linked case started
  // with ParentClosePolicy.ABANDON — would otherwise drive the skipped clock of the next tests.
  beforeEach(async () => {
    env = await createTimeSkippingEnv(testStartInstant(opts.startAt));
  }, 60_000);
  afterEach(async () => {
    await env?.teardown();
    env = undefined;
  }, 60_000);
  const kit: WorkflowTestKit = {
    get env() {
      if (!env) throw new Error('the test environment is not ready (use the kit inside tests)');
      return env;
    },
    async withWorker(activities, fn, prefix = 'wf') {
      const taskQueue = `${prefix}-test-${++seq}`;
      const worker = await Worker.create({ connection: kit.env.nativeConnection, taskQueue, workflowBundle: bundle, activities, dataConverter: testDataConverter() });
      return worker.runUntil(fn(taskQueue));
    },
    async today() {
      return toIsoDate(await kit.env.currentTimeMs());
    },
    async sleepUntil(date, hour = 12) {
      const ms = Date.parse(zonedInstant(date, hour, 0)) - (await kit.env.currentTimeMs());
      if (ms > 0) await kit.env.sleep(ms);
    },
  };
  return kit;
}

/** The rejection of a workflow update: its failure type (our error code) and message. Fails if it was accepted. */
export async function updateError(p: Promise<unknown>): Promise<{ type: string | undefined; message: string }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) {
      const cause = err.cause as { type?: string; message: string };
      return { type: cause.type, message: cause.message };
    }
    throw err;
  }
  throw new Error('update was accepted but should have been rejected');
}

/** Polls until `check()` holds (test-side state such as recorded fake activity calls). */
export async function waitUntil(check: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!check()) throw new Error(`${what} not reached`);
}

/**
 * With ZR_RECORD_HISTORIES=1 (`npm run replay:record`), saves the history for the replay tests. The
 * workflow id must equal `name`: replay runs each file under its name, and keys derived from the case
 * id (consent requests, linked cases) must match.
 */
export async function maybeRecordHistory(h: WorkflowHandle, name: string): Promise<void> {
  if (process.env.ZR_RECORD_HISTORIES !== '1') return;
  const history = await h.fetchHistory();
  mkdirSync(HISTORY_DIR, { recursive: true });
  writeFileSync(join(HISTORY_DIR, `${name}.json`), historyToJSON(history));
}
