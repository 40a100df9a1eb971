#!/usr/bin/env node
// `npm test` (and CI through .ci/run): lint, typecheck and build every project, start throw-away
// services (PostgreSQL in .data/test-postgres, an in-memory Temporal dev server, a mail catcher, an in-memory S3
// server; all on free ports, separate from the `npm start` data), run all Jest tests including the integration
// and browser tests, stop the services and print one last line: `N passed, N failed`.
// Extra arguments go to Jest: `npm test -- libs/workflows` or `npm test -- -t 'zorgplicht'`.
// Without arguments the tests run in two Jest processes side by side (see `laneOf`); ZR_TEST_LANES=1 runs one.
// TEST_DATABASE_URL + TEST_DATABASE_OWNER_URL: use that (existing, disposable) database instead of the local test
// cluster: the application role and the owner role (CREATEDB: some tests create their own databases); see
// README "Tests". The migrations run once as the owner before Jest.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  capture,
  dataDir,
  ensureChromium,
  ensureNodeModules,
  ensurePostgres,
  ensureS3TestServer,
  ensureTemporalCli,
  ensureTestServer,
  localBin,
  log,
  logError,
  reportError,
  repoRoot,
  run,
  startMailCatcher,
  startS3TestServer,
  startTemporalDevServer,
  Supervisor,
  ZorgrouteError,
} from './lib/index.mjs';

const jestArgs = process.argv.slice(2);
const resultsFile = path.join(repoRoot, 'test-results', 'jest.json');

/** Print the final summary as the very last line and set the exit code. */
function finish(passed, failed, exitCode) {
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exitCode = exitCode;
}

/** Counts from Jest's JSON report; failed > 0 whenever Jest itself failed. */
function readResults(jestExitCode) {
  let report = null;
  try {
    report = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {
    logError(`Jest wrote no readable report to ${path.relative(repoRoot, resultsFile)}.`);
  }
  const passed = report?.numPassedTests ?? 0;
  let failed = (report?.numFailedTests ?? 0) + (report?.numRuntimeErrorTestSuites ?? 0);
  if (jestExitCode !== 0 && failed === 0) failed = 1; // e.g. no tests found, a crash, an open handle
  if (report && report.success === false && failed === 0) failed = 1;
  return { passed, failed };
}

/**
 * Which lane a test file runs in when the whole suite runs. The "services" lane holds the integration and browser
 * tests that share this run's PostgreSQL, Temporal dev server, mail catcher and S3 server; they stay in one Jest
 * process, one file at a time, as they always have (several of them act on every running case of a school or read the
 * shared inbox). Everything else needs none of those services: unit and component tests, and the workflow tests, which
 * start their own time-skipping Temporal servers (libs/workflows). That "isolated" lane runs in a second Jest process
 * beside the first, so the 2 cores of CI are both busy and the suite takes about two thirds of the serial time.
 */
function laneOf(testPath) {
  const relative = path.relative(repoRoot, testPath).split(path.sep).join('/');
  const sharesServices = /\.int-spec\.tsx?$/.test(relative) && !relative.startsWith('libs/workflows/');
  return sharesServices ? 'services' : 'isolated';
}

const jestBaseArgs = ['-c', 'jest.config.js', '--runInBand', '--ci', '--json'];

/**
 * Run Jest and leave one merged report in `resultsFile`. With arguments (`npm test -- <paths>`) or ZR_TEST_LANES=1:
 * one Jest process, as given. Otherwise the two lanes of `laneOf` in parallel. Returns the exit code (0 when all pass).
 */
async function runJest(env) {
  const lanes = Number(process.env.ZR_TEST_LANES ?? 2);
  if (jestArgs.length > 0 || lanes <= 1) {
    const result = await run(localBin('jest'), [...jestBaseArgs, `--outputFile=${path.relative(repoRoot, resultsFile)}`, ...jestArgs], {
      env,
      allowFailure: true,
      what: 'run the tests',
    });
    return result.code;
  }
  const listing = await capture(localBin('jest'), ['-c', 'jest.config.js', '--listTests', '--json'], { env, timeoutMs: 300_000 });
  if (!listing.ok) throw new ZorgrouteError(`Could not list the tests (jest --listTests):\n${listing.stderr}`);
  const files = JSON.parse(listing.stdout);
  const byLane = { services: [], isolated: [] };
  for (const file of files) byLane[laneOf(file)].push(file);
  log(`${byLane.services.length} test files share the test services (one Jest process); ${byLane.isolated.length} run beside them.`);
  const laneReports = [];
  const results = await Promise.all(
    Object.entries(byLane).map(([lane, laneFiles]) => {
      if (laneFiles.length === 0) return { code: 0 };
      const report = path.join(path.dirname(resultsFile), `jest-${lane}.json`);
      fs.rmSync(report, { force: true });
      laneReports.push(report);
      return run(
        localBin('jest'),
        [...jestBaseArgs, `--outputFile=${path.relative(repoRoot, report)}`, '--runTestsByPath', ...laneFiles.map((f) => path.relative(repoRoot, f))],
        { env, allowFailure: true, echo: false, prefix: lane === 'isolated' ? '[isolated] ' : undefined, what: `run the ${lane} tests` },
      );
    }),
  );
  mergeReports(laneReports);
  return results.some((r) => r.code !== 0) ? 1 : 0;
}

/** One Jest report from the lanes' reports (counts summed, test results concatenated); a missing report fails. */
function mergeReports(reports) {
  const merged = { success: true, numPassedTests: 0, numFailedTests: 0, numRuntimeErrorTestSuites: 0, numTotalTests: 0, testResults: [] };
  for (const file of reports) {
    let report;
    try {
      report = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      logError(`Jest wrote no readable report to ${path.relative(repoRoot, file)}.`);
      merged.success = false;
      continue;
    }
    merged.success &&= report.success !== false;
    for (const key of ['numPassedTests', 'numFailedTests', 'numRuntimeErrorTestSuites', 'numTotalTests']) merged[key] += report[key] ?? 0;
    merged.testResults.push(...(report.testResults ?? []));
  }
  fs.writeFileSync(resultsFile, JSON.stringify(merged));
}

async function main() {
  const supervisor = new Supervisor();
  let foreground = false; // Jest/Nx run in our process group and get Ctrl-C themselves
  let interrupted = false;
  supervisor.handleSignals((signal) => {
    interrupted = true;
    if (foreground) return; // the foreground command exits; the normal path below cleans up
    supervisor.stopAll().finally(() => {
      logError(`interrupted (${signal})`);
      finish(0, 1, 130);
      process.exit(130);
    });
  });
  const foregroundRun = async (cmd, args, opts) => {
    foreground = true;
    try {
      return await run(cmd, args, opts);
    } finally {
      foreground = false;
    }
  };

  // 1. Tools.
  await ensureNodeModules();
  const temporalCli = await ensureTemporalCli();
  const testServer = await ensureTestServer();
  const s3TestServer = await ensureS3TestServer();
  const chromium = await ensureChromium();

  // 2. Static checks and builds of every project (fails fast).
  log('lint, typecheck and build of all projects…');
  await foregroundRun(localBin('nx'), ['run-many', '-t', 'lint', 'typecheck', 'build', '--outputStyle=stream'], {
    what: 'lint, typecheck and build all projects',
    hint: 'Fix the errors shown above (run `npx nx run-many -t lint typecheck build` to repeat just this step).',
  });
  if (interrupted) throw new ZorgrouteError('interrupted');

  // 3. Services for the integration tests, separate from the `npm start` data.
  let jestExit = 1;
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zorgroute-test-mail-'));
  try {
    const postgres = supervisor.add(
      'PostgreSQL (tests)',
      await ensurePostgres({
        dataDir: path.join(dataDir, 'test-postgres'),
        port: 0,
        databases: ['zorgroute_test'],
        recreate: true,
        urlEnv: 'TEST_DATABASE_URL',
        ownerUrlEnv: 'TEST_DATABASE_OWNER_URL',
      }),
    );
    const temporal = supervisor.add(
      'Temporal dev server (tests)',
      await startTemporalDevServer({ temporalPath: temporalCli, port: 0, dbFile: null, headless: true, silent: true }),
    );
    const mail = supervisor.add('mail catcher (tests)', await startMailCatcher({ smtpPort: 0, webPort: 0, mailDir, silent: true }));
    // In memory; each spec creates its own buckets (a request to a bucket nobody created fails like real S3).
    const s3 = supervisor.add('S3 test server (tests)', await startS3TestServer({ serverPath: s3TestServer, port: 0, silent: true }));
    if (interrupted) throw new ZorgrouteError('interrupted');

    // 4. Environment for Jest.
    const env = {
      ...process.env,
      ZR_INTEGRATION: '1',
      ZR_REPO_ROOT: repoRoot,
      DATABASE_URL: postgres.url,
      // The owner role: migrations, and the tests that act as an insider or create their own databases.
      DATABASE_OWNER_URL: postgres.ownerUrl,
      // The tests' own signing key of the audit checkpoints (never a deployment's).
      AUDIT_CHECKPOINT_KEY: 'i4fA4Nf3JX1yqv0o0m1wq3GmVjYzq0bH0m8tqC8kP2Q=',
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TEST_SERVER_PATH: testServer,
      TEMPORAL_CLI_PATH: temporalCli,
      SMTP_URL: mail.smtpUrl,
      MAIL_WEB_URL: mail.webUrl,
      MAIL_FROM: 'Zorgroute <noreply@zorgroute.local>',
      // The S3-compatible test server (infra/s3-test-server): path-style, any access key. Not DOCUMENT_STORAGE itself:
      // the suites store documents in PostgreSQL unless one configures its own api with DOCUMENT_STORAGE=s3.
      S3_TEST_ENDPOINT: s3.endpoint,
      APP_URL: 'http://127.0.0.1:4200',
      AUTH_SECRET: 'zorgroute-test-secret',
      // The payload codec key of the api and worker in the integration tests (a fresh one per run; the time-skipping
      // workflow tests use their own fixed test key, libs/workflows/test/test-data-converter.ts).
      TEMPORAL_PAYLOAD_KEYS: `test-run:${crypto.randomBytes(32).toString('base64')}`,
      AUTH_DEV_LOGIN: 'true',
      CHROMIUM_PATH: chromium,
      // The worker, api and tests in Jest run on UTC, like a production container: nothing may depend on the machine's
      // time zone (a workflow that took "today" from it was a day behind Amsterdam after midnight; see
      // libs/domain/src/logic/calendar/iso-date.ts). The time-skipping servers start at a fixed instant
      // (libs/workflows/test/test-clock.ts; ZR_TEST_CLOCK moves it).
      TZ: 'UTC',
      // The structured log at warn: the suites' own workers and apis would otherwise print a JSON line per step and
      // e-mail (apps/api/test/observability.int-spec.ts sets info for itself, to check those lines).
      LOG_LEVEL: 'warn',
    };

    // The migrations once, as the owner role, granting the application role (every suite may then migrate again).
    await run(process.execPath, ['libs/domain/dist/migrate.js'], { env, quiet: true, what: 'run the database migrations (tests)' });

    // 5. Jest (normal output streams; the JSON report is for the summary).
    fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
    fs.rmSync(resultsFile, { force: true });
    log('running the tests…');
    foreground = true;
    try {
      jestExit = await runJest(env);
    } finally {
      foreground = false;
    }
  } finally {
    // 6. Stop the services, also after a failure or Ctrl-C.
    await supervisor.stopAll();
    fs.rmSync(mailDir, { recursive: true, force: true });
  }

  const { passed, failed } = readResults(jestExit);
  if (interrupted) logError('interrupted');
  finish(passed, failed, failed > 0 || jestExit !== 0 || interrupted ? 1 : 0);
}

main().catch((error) => {
  reportError(error);
  finish(0, 1, 1);
});
