/**
 * Fault tests on the full stack of real processes: a thin wrapper around `node bench/faults/run.mjs`, which starts its
 * own PostgreSQL cluster (.data/faults-postgres), Temporal dev server (SQLite file kept across a restart), mail catcher,
 * and the built api and worker (`node apps/*\/dist/main.js`), then injects one fault per scenario: worker SIGKILL,
 * Temporal restart, PostgreSQL stopped (20 s, scaled down from a minute), SMTP server away (15 s, scaled down from
 * several minutes) and an api killed during a mutation (retried with the same idempotency key). After each it checks
 * that no case, timer or delivery was lost or duplicated and that the read model caught up (see the script's header).
 * Needs the built output (`npm test` builds it first). Runs in about 3 minutes on 2 shared cores.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

interface ScenarioResult {
  scenario: string;
  ok: boolean;
  ms: number;
  error?: string;
  details?: Record<string, unknown>;
}

const root = join(__dirname, '..', '..', '..', '..');
const results = new Map<string, ScenarioResult>();
let output = '';

beforeAll(async () => {
  const env = { ...process.env };
  // The script starts a private stack; it must not pick up the shared test services.
  for (const name of ['DATABASE_URL', 'DATABASE_OWNER_URL', 'TEMPORAL_ADDRESS', 'SMTP_URL', 'MAIL_WEB_URL']) delete env[name];
  // If this test run is killed, the script stops its stack too (it watches this process).
  env.ZR_FAULTS_PARENT_PID = String(process.pid);
  const child = spawn(process.execPath, [join(root, 'bench', 'faults', 'run.mjs')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
  await new Promise<void>((resolve) => child.on('close', () => resolve()));
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    const r = JSON.parse(line) as ScenarioResult;
    results.set(r.scenario, r);
  }
}, 900_000);

function expectScenario(name: string): ScenarioResult {
  const setup = results.get('setup');
  if (!setup?.ok) throw new Error(`the fault stack did not start:\n${output.slice(-4000)}`);
  const r = results.get(name);
  if (!r) throw new Error(`scenario ${name} did not run:\n${output.slice(-4000)}`);
  if (!r.ok) throw new Error(`${name}: ${r.error}`);
  return r;
}

describe('faults on the full stack (real api, worker, Temporal dev server, PostgreSQL, mail catcher)', () => {
  it('worker killed with SIGKILL mid-trajectory: the step waits, a new worker applies it once; no case, timer or e-mail lost or duplicated', () => {
    const r = expectScenario('workerKill');
    expect(r.details).toMatchObject({ stepDuringOutage: 'MATCHING' });
  });

  it('Temporal dev server restarted on its SQLite file: cases and timers survive, api and worker reconnect', () => {
    const r = expectScenario('temporalRestart');
    expect(r.details).toMatchObject({ stepAfterRestart: 'MATCHING' });
    expect(Number(r.details?.pendingTimers)).toBeGreaterThan(0);
  });

  it('PostgreSQL stopped: the api answers with an error, the workflow’s activities retry, the read model catches up', () => {
    const r = expectScenario('postgresDown');
    expect(Number(r.details?.activityAttempts)).toBeGreaterThanOrEqual(2);
  });

  it('SMTP server away: nothing is sent meanwhile, each message is delivered exactly once after it returns', () => {
    const r = expectScenario('smtpDown');
    expect(Number(r.details?.messages)).toBeGreaterThan(0);
  });

  it('api killed during a mutation: the retry with the same idempotency key succeeds and the step is applied once', () => {
    const r = expectScenario('apiRestart');
    expect(r.details).toMatchObject({ retry: 'MATCHING', intakeRecorded: 1, newRequestWithoutKey: 'STEP_NOT_ALLOWED' });
  });
});
