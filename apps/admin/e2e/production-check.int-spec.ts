/**
 * @jest-environment node
 */
// The production check's fresh-install journey and metrics scrape (infra/production-check/fresh-install.mjs, issue 13
// and 18) against the test stack started WITHOUT the demo seed: the built api and worker, nothing but the
// migrations. The command must pass there, and must fail — naming what is wrong — when a metrics endpoint is down or
// an endpoint lacks a required metric. (No browser: it uses the browser tests' stack.)
import { execFile } from 'node:child_process';
import path from 'node:path';
import { freePort, REPO_ROOT, type RunningStack, startStack } from './support/stack';

jest.setTimeout(300_000);

const COMMAND = path.join(REPO_ROOT, 'infra/production-check/fresh-install.mjs');

let stack: RunningStack | undefined;
let sdkMetrics: string;
let appMetrics: string;

beforeAll(async () => {
  const [sdkPort, appPort] = [await freePort(), await freePort()];
  sdkMetrics = `http://127.0.0.1:${sdkPort}/metrics`;
  appMetrics = `http://127.0.0.1:${appPort}/metrics`;
  stack = await startStack({
    seed: false,
    preview: false,
    logDir: path.join(REPO_ROOT, 'test-results', 'production-check-logs'),
    env: { WORKER_METRICS_ADDRESS: `127.0.0.1:${sdkPort}`, WORKER_APP_METRICS_ADDRESS: `127.0.0.1:${appPort}` },
  });
}, 300_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

/** Runs the command; its exit code and output. */
function runCheck(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [COMMAND, ...args], { cwd: REPO_ROOT, env: process.env, timeout: 240_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

it('passes on a fresh install: first admin → school → import → a login → a case, and every required metric present', async () => {
  const run = await runCheck([`--api=${stack!.apiUrl}`, `--mail-web=${process.env.MAIL_WEB_URL}`, `--worker-app-metrics=${appMetrics}`, `--worker-sdk-metrics=${sdkMetrics}`]);
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  const lines = run.stdout.trim().split('\n');
  expect(lines.map((l) => l.slice(0, 4))).toEqual(['PASS', 'PASS', 'PASS', 'PASS', 'PASS', 'PASS']);
  expect(run.stdout).toContain('an imported mentor logs in and sees exactly his pupils — Lotte Controle, Ruben van Proef');
  expect(run.stdout).toMatch(/api \/metrics: 9 required metrics present.*worker app metrics: 6 required metrics present.*worker SDK metrics: 6 required metrics present/);
});

it('fails and names the endpoint when a metrics endpoint is down', async () => {
  const down = `http://127.0.0.1:${await freePort()}/metrics`;
  const run = await runCheck([`--api=${stack!.apiUrl}`, '--metrics-only', `--worker-app-metrics=${appMetrics}`, `--worker-sdk-metrics=${down}`]);
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/^FAIL {2}metrics: /m);
  expect(run.stdout).toContain(`worker SDK metrics (${down}): cannot be scraped`);
  // The endpoints that answer are not reported.
  expect(run.stdout).not.toContain(`worker app metrics (${appMetrics})`);
});

it('fails and names the missing metrics when an endpoint lacks them', async () => {
  // The SDK's endpoint where the worker's own metrics are expected: none of Zorgroute's mail and activity metrics.
  const run = await runCheck([`--api=${stack!.apiUrl}`, '--metrics-only', `--worker-app-metrics=${sdkMetrics}`]);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain(
    `worker app metrics (${sdkMetrics}): missing zorgroute_mail_sent_total, zorgroute_reminders_sent_total, zorgroute_mail_failures_total, zorgroute_activities_total, zorgroute_activity_failures_total, zorgroute_activity_duration_seconds`,
  );
  expect(run.stdout).not.toContain('api /metrics (');
});
