#!/usr/bin/env node
// `npm run production-check`: proves the production path without Docker.
//
//   1. builds Temporal's own server (`temporal-server`, not the CLI's dev server) and `temporal-sql-tool` from the
//      Go module go.temporal.io/server at a pinned version (.tools/temporal-server/<version>/);
//   2. starts a project-local PostgreSQL 15 (.data/prod-check-postgres) with separate roles and databases for
//      Temporal (temporal, temporal_visibility — created and migrated with temporal-sql-tool) and Zorgroute (owner role
//      zorgroute_owner for the migrations, application role zorgroute_app for the apps);
//   3. writes the server configuration (PostgreSQL default store + SQL visibility, frontend/history/matching/worker
//      in one process), starts `temporal-server start`, registers the namespace and the search attributes;
//   4. runs the built Zorgroute migrations, worker (prebuilt workflow bundle) and api with NODE_ENV=production,
//      WITHOUT demo data: the first platform admin (create-platform-admin), SWV, school, staff, a Somtoday import, a
//      mentor's login (fresh-install.mjs), and checks end to end through GraphQL: the zorgcoördinator starts an
//      ondersteuningstraject for an imported pupil, the read model shows it with its next due date, the e-mail reaches the mail catcher,
//      the case is found through the custom search attributes in SQL visibility, its reminder timer is durable,
//      and it survives a restart of the Temporal server (the next step is recorded afterwards); its history as the
//      Temporal CLI reads it (no codec) holds no readable pupil data (TEMPORAL_PAYLOAD_KEYS, AES-256-GCM); the
//      application role cannot change the audit trail, and the worker's signed audit checkpoint verifies through the api;
//      the api's and the worker's /metrics expose every metric the dashboard and alerts use (metrics-check.mjs);
//   5. stops everything and prints a PASS/FAIL summary (exit code 0/1).
//
// Not part of `npm test` (the first Go build alone takes minutes). Options: --skip-build (use the existing dist/
// folders), --keep-data (keep the PostgreSQL cluster's databases from the previous run instead of recreating them).
// See docs/operations.md "How the production path is verified".
/* global fetch, AbortSignal -- Node.js 20 globals */
import { Buffer } from 'node:buffer';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  box,
  capture,
  color,
  dataDir,
  displayPath,
  ensureNodeModules,
  ensurePostgres,
  ensureTemporalCli,
  findPostgresBinDir,
  formatDuration,
  freePort,
  fromRoot,
  localBin,
  log,
  requireFiles,
  run,
  runMain,
  SEARCH_ATTRIBUTES,
  sleep,
  startMailCatcher,
  Supervisor,
  waitForHttp,
  ZorgrouteError,
} from '../scripts/lib/index.mjs';
import { FRESH_INSTALL_PUPIL, FRESH_INSTALL_REASON, freshInstallJourney } from './fresh-install.mjs';
import { graphqlClient, mailsTo } from './http-client.mjs';
import { checkMetrics } from './metrics-check.mjs';
import { ensureTemporalServer, setupTemporalSchemas, startTemporalServer, TEMPORAL_SERVER_VERSION } from './temporal-server.mjs';

/** Today's date in Amsterdam (YYYY-MM-DD): the date the workflows and the api use, not the UTC date. */
const amsterdamToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const keepData = args.includes('--keep-data');

const BUILT_FILES = {
  migrate: 'libs/domain/dist/migrate.js',
  api: 'apps/api/dist/main.js',
  createPlatformAdmin: 'apps/api/dist/create-platform-admin.js',
  worker: 'apps/worker/dist/main.js',
  workflowBundle: 'apps/worker/dist/workflow-bundle.js',
};
const STATE_DIR = path.join(dataDir, 'prod-check');
const PG_DIR = path.join(dataDir, 'prod-check-postgres');
const NAMESPACE = 'default';
const TASK_QUEUE = 'zorgroute';
/** Closed workflows are kept this long in Temporal (the audit trail and read model stay in Zorgroute's database). */
const RETENTION = '30d';
/** Any address: devLogin must be refused whatever it is asked for. */
const SOME_EMAIL = 'iemand@zorgroute-check.example';
const PUPIL_NAME = FRESH_INSTALL_PUPIL;
const REASON = FRESH_INSTALL_REASON;
const GOAL = 'Ik wil mijn huiswerk zelf plannen';

/** The checks of this run, printed in the summary. */
const results = [];

/** Run one named check; a failure is recorded and rethrown (later checks depend on earlier ones). */
async function check(name, fn) {
  const started = Date.now();
  log(`${color('bold', 'check')}: ${name}…`);
  try {
    const detail = await fn();
    results.push({ name, ok: true, ms: Date.now() - started, detail: detail ?? '' });
    log(`${color('green', 'ok')}: ${name}${detail ? ` — ${detail}` : ''}`);
    return detail;
  } catch (error) {
    results.push({ name, ok: false, ms: Date.now() - started, detail: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

/** An error that stops `eventually` at once (a process we wait for has exited). */
function fatal(proc) {
  const error = new ZorgrouteError(`${proc.describeExit()}.`, { details: proc.recentOutput(10) });
  error.fatal = true;
  return error;
}

/** Poll `fn` until it returns a truthy value (errors count as "not yet", except fatal ones). */
async function eventually(fn, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  let lastError = null;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      if (error?.fatal) throw error;
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new ZorgrouteError(`timed out after ${formatDuration(timeoutMs)} waiting for ${what}${lastError ? ` (last error: ${lastError.message})` : ''}`);
    }
    await sleep(500);
  }
}

/** An HS256 session token exactly as the api's AuthService issues it (iss "zorgroute", sub = user id, role, sid = an active user_session row, jti). */
function sessionToken(secret, user) {
  const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'HS256' })}.${b64({ role: user.role, sub: user.id, sid: user.sid, jti: crypto.randomUUID(), iss: 'zorgroute', iat: now, exp: now + 3600 })}`;
  return `${unsigned}.${crypto.createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}


/** Run the Temporal CLI against the production server; returns stdout, throws with stderr on failure. */
async function temporalCli(cli, address, cliArgs, timeoutMs = 30_000) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TEMPORAL_')));
  const result = await capture(cli, [...cliArgs, '--address', address], { env, timeoutMs });
  if (!result.ok) throw new ZorgrouteError(`\`temporal ${cliArgs.join(' ')}\` failed: ${(result.stderr || result.stdout).trim()}`);
  return result.stdout;
}

/** Everything readable in a JSON document: its strings and keys, and every base64 string decoded once. */
function readableText(value) {
  const out = [];
  const visit = (v) => {
    if (typeof v === 'string') {
      out.push(v);
      if (v.length >= 4 && /^[A-Za-z0-9+/_-]+={0,2}$/.test(v)) out.push(Buffer.from(v, 'base64').toString('utf8'));
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        out.push(k);
        visit(x);
      }
    }
  };
  visit(value);
  return out.join('\n');
}

/** Run SQL as the cluster's superuser (or `user`) and return the unaligned, tuples-only output. */
async function psql(binDir, port, database, sql, user = 'zorgroute') {
  const result = await capture(path.join(binDir, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', database, '-v', 'ON_ERROR_STOP=1', '-tAc', sql]);
  if (!result.ok) throw new ZorgrouteError(`psql failed on ${database}: ${(result.stderr || result.stdout).trim()}`);
  return result.stdout.trim();
}

/** Run SQL as `user` that must be refused; returns PostgreSQL's error message. */
async function psqlRefused(binDir, port, database, sql, user) {
  const result = await capture(path.join(binDir, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', database, '-v', 'ON_ERROR_STOP=1', '-tAc', sql]);
  if (result.ok) throw new ZorgrouteError(`${user} was allowed: ${sql}`);
  return (result.stderr.split('\n').find((l) => l.startsWith('ERROR:')) ?? result.stderr).replace(/^ERROR:\s*/, '').trim();
}

function printSummary(totalMs) {
  const failed = results.filter((r) => !r.ok);
  const width = Math.max(...results.map((r) => r.name.length), 10);
  const lines = [
    color('bold', `Production check (Temporal Server ${TEMPORAL_SERVER_VERSION} on PostgreSQL): ${failed.length === 0 ? color('green', 'PASS') : color('red', 'FAIL')}`),
    '',
    ...results.map((r) => `${r.ok ? color('green', 'PASS') : color('red', 'FAIL')}  ${r.name.padEnd(width)}  ${formatDuration(r.ms).padStart(8)}`),
    '',
    `${results.length - failed.length} passed, ${failed.length} failed, total ${formatDuration(totalMs)}`,
  ];
  box(lines);
  for (const r of failed) process.stdout.write(`${color('red', 'FAIL')} ${r.name}: ${r.detail}\n`);
}

runMain(async () => {
  const runStarted = Date.now();
  const supervisor = new Supervisor();
  supervisor.handleSignals();
  let failure = null;
  try {
    // 1. Tools and the build.
    await check('tools: Node packages, Temporal CLI, Temporal server and SQL tool', async () => {
      await ensureNodeModules();
      const cli = await ensureTemporalCli();
      const paths = await ensureTemporalServer();
      process.env.ZR_PROD_CHECK_CLI = cli;
      return `temporal-server ${TEMPORAL_SERVER_VERSION} (${displayPath(paths.server)})`;
    });
    const cli = process.env.ZR_PROD_CHECK_CLI;
    delete process.env.ZR_PROD_CHECK_CLI;

    await check('build: apps and libs (prebuilt workflow bundle)', async () => {
      if (skipBuild) log('skipping the build (--skip-build)');
      else {
        await run(localBin('nx'), ['run-many', '-t', 'build', '--outputStyle=stream'], {
          what: 'build the apps and libs',
          hint: 'Fix the build errors shown above and run the check again.',
        });
      }
      requireFiles(Object.values(BUILT_FILES), 'for the production check', 'Run the build (`npx nx run-many -t build`) and check its output.');
      return `${BUILT_FILES.workflowBundle} (${Math.round(fs.statSync(BUILT_FILES.workflowBundle).size / 1024)} KiB)`;
    });

    // 2. PostgreSQL: one cluster, separate roles and databases for Temporal and Zorgroute (as in production).
    let pg;
    let pgBin;
    await check('PostgreSQL: cluster, roles temporal, zorgroute_owner and zorgroute_app, database zorgroute', async () => {
      // ensurePostgres creates zorgroute_owner (owns database zorgroute, runs the migrations) and zorgroute_app.
      pg = supervisor.add('PostgreSQL', await ensurePostgres({ dataDir: PG_DIR, port: 54339, databases: ['zorgroute'], recreate: !keepData, urlEnv: '' }));
      pgBin = findPostgresBinDir(PG_DIR);
      await psql(pgBin, pg.port, 'postgres', `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'temporal') THEN CREATE ROLE temporal LOGIN CREATEDB; END IF; END $$;`);
      if (!keepData) {
        for (const db of ['temporal', 'temporal_visibility']) await psql(pgBin, pg.port, 'postgres', `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      }
      return `127.0.0.1:${pg.port} (${displayPath(PG_DIR)})`;
    });

    await check('temporal-sql-tool: create temporal + temporal_visibility, setup-schema 0.0, update-schema', async () => {
      await setupTemporalSchemas({ host: '127.0.0.1', port: pg.port, user: 'temporal' });
      const version = await psql(pgBin, pg.port, 'temporal', 'SELECT curr_version FROM schema_version');
      const visibility = await psql(pgBin, pg.port, 'temporal_visibility', 'SELECT curr_version FROM schema_version');
      const owner = await psql(pgBin, pg.port, 'postgres', "SELECT string_agg(DISTINCT pg_get_userbyid(datdba), ',') FROM pg_database WHERE datname LIKE 'temporal%'");
      return `schema temporal ${version}, temporal_visibility ${visibility} (owner ${owner})`;
    });

    // 3. Temporal's server on PostgreSQL.
    let temporal;
    await check('temporal-server: start (frontend, history, matching, worker) on PostgreSQL', async () => {
      temporal = await startTemporalServer({ stateDir: path.join(STATE_DIR, 'temporal'), pg: { host: '127.0.0.1', port: pg.port, user: 'temporal' } });
      // Registered without its process: the check restarts the server, and whichever process runs then must be stopped.
      supervisor.add('Temporal server', { stop: () => temporal.stop() });
      const info = await eventually(
        () => {
          if (!temporal.process.running) throw fatal(temporal.process);
          return temporalCli(cli, temporal.address, ['operator', 'cluster', 'describe', '--output', 'json']);
        },
        60_000,
        'the cluster to answer',
      );
      const cluster = JSON.parse(info);
      return `${temporal.address}, server ${cluster.serverVersion}, persistence ${cluster.persistenceStore}, visibility ${cluster.visibilityStore}`;
    });

    await check(`namespace "${NAMESPACE}" and search attributes (infra/compose/temporal/setup-namespace.sh)`, async () => {
      // The deployment's own job script, with our Temporal CLI on PATH.
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TEMPORAL_')));
      await run('sh', [fromRoot('infra', 'compose', 'temporal', 'setup-namespace.sh')], {
        env: {
          ...env,
          PATH: `${path.dirname(cli)}${path.delimiter}${process.env.PATH ?? ''}`,
          TEMPORAL_ADDRESS: temporal.address,
          TEMPORAL_NAMESPACE: NAMESPACE,
          TEMPORAL_RETENTION: RETENTION,
        },
        prefix: '[setup-namespace]',
        what: 'register the namespace and search attributes (infra/compose/temporal/setup-namespace.sh)',
      });
      const listed = JSON.parse(await temporalCli(cli, temporal.address, ['operator', 'search-attribute', 'list', '--namespace', NAMESPACE, '--output', 'json']));
      const custom = listed.customAttributes ?? {};
      const missing = Object.keys(SEARCH_ATTRIBUTES).filter((n) => !(n in custom));
      if (missing.length) throw new ZorgrouteError(`search attributes missing after registration: ${missing.join(', ')}`);
      return Object.entries(SEARCH_ATTRIBUTES)
        .map(([n, t]) => `${n}=${t}`)
        .join(', ');
    });

    // 4. Zorgroute, configured as in production.
    const mail = supervisor.add(
      'mail catcher',
      await (async () => {
        const mailDir = path.join(STATE_DIR, 'mail');
        fs.rmSync(mailDir, { recursive: true, force: true });
        return startMailCatcher({ smtpPort: 0, webPort: 0, mailDir, silent: true });
      })(),
    );
    const apiPort = await freePort(0);
    const metricsPort = await freePort(0);
    const appMetricsPort = await freePort(0);
    // Production answers /metrics only with the bearer token (docs/security.md "Metrics").
    const metricsToken = crypto.randomBytes(24).toString('base64url');
    const authSecret = crypto.randomBytes(32).toString('base64url');
    const checkpointKey = crypto.randomBytes(32).toString('base64');
    const env = {
      ...Object.fromEntries(
        Object.entries(process.env).filter(([k]) => !/^(TEMPORAL_|AUTH_|AUDIT_|WORKFLOW_BUNDLE_PATH$|DATABASE_|SMTP_URL$|MAIL_|API_|APP_URL$)/.test(k)),
      ),
      NODE_ENV: 'production',
      DATABASE_URL: pg.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: NAMESPACE,
      TEMPORAL_TASK_QUEUE: TASK_QUEUE,
      TEMPORAL_UI_URL: 'https://temporal.zorgroute.example',
      SMTP_URL: mail.smtpUrl,
      MAIL_FROM: 'Zorgroute <noreply@zorgroute.example>',
      APP_URL: 'https://zorgroute.example',
      API_HOST: '127.0.0.1',
      API_PORT: String(apiPort),
      API_PUBLIC_URL: 'https://zorgroute.example',
      AUTH_SECRET: authSecret,
      WORKER_METRICS_ADDRESS: `127.0.0.1:${metricsPort}`,
      WORKER_APP_METRICS_ADDRESS: `127.0.0.1:${appMetricsPort}`,
      METRICS_TOKEN: metricsToken,
      TEMPORAL_PAYLOAD_KEYS: `prod-check-1:${crypto.randomBytes(32).toString('base64')}`,
    };
    const apiUrl = `http://127.0.0.1:${apiPort}`;

    // The worker signs the audit checkpoints; the api gets only the public key (docs/operations.md "Audit checkpoints").
    const workerEnv = { ...env, AUDIT_CHECKPOINT_KEY: checkpointKey };
    const publicKey = (await run(process.execPath, ['libs/domain/dist/audit-checkpoint-key.js'], { env: workerEnv, quiet: true, what: 'derive the checkpoint public key' })).output
      .split('\n')
      .find((l) => l.startsWith('AUDIT_CHECKPOINT_PUBLIC_KEYS='))
      ?.split('=')[1];
    const apiEnv = { ...env, AUDIT_CHECKPOINT_PUBLIC_KEYS: publicKey };

    await check('migrations: node libs/domain/dist/migrate.js (as zorgroute_owner, granting zorgroute_app)', async () => {
      const { output } = await run(process.execPath, [BUILT_FILES.migrate], {
        env: { ...env, DATABASE_OWNER_URL: pg.ownerUrl },
        prefix: '[migrate]',
        what: 'run the database migrations',
      });
      const tables = await psql(pgBin, pg.port, 'zorgroute', "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'");
      const owners = await psql(pgBin, pg.port, 'zorgroute', "SELECT string_agg(DISTINCT tableowner, ',') FROM pg_tables WHERE schemaname = 'public'");
      if (owners !== 'zorgroute_owner') throw new ZorgrouteError(`tables owned by ${owners}, expected zorgroute_owner`);
      return `${output.split('\n').filter(Boolean).slice(-2).join('; ')}; ${tables} tables, owner ${owners}`;
    });

    await check('audit trail: the application role may only insert and read it', async () => {
      const refused = [];
      for (const sql of [
        'UPDATE audit_entry SET reason = reason WHERE false',
        'DELETE FROM audit_entry WHERE false',
        'TRUNCATE audit_entry',
        'ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update',
        'DELETE FROM audit_checkpoint WHERE false',
      ]) {
        refused.push(`${sql.split(' ').slice(0, 2).join(' ')} → ${await psqlRefused(pgBin, pg.port, 'zorgroute', sql, 'zorgroute_app')}`);
      }
      await psql(pgBin, pg.port, 'zorgroute', 'SELECT count(*) FROM audit_entry', 'zorgroute_app');
      return refused.join('; ');
    });

    await check('production settings: api and worker refuse to start without TEMPORAL_PAYLOAD_KEYS', async () => {
      const withoutKeys = { ...env, TEMPORAL_PAYLOAD_KEYS: '' };
      const outcomes = [];
      for (const [name, file] of [['api', BUILT_FILES.api], ['worker', BUILT_FILES.worker]]) {
        const result = await capture(process.execPath, [file], { env: withoutKeys, timeoutMs: 60_000 });
        if (result.ok || !/TEMPORAL_PAYLOAD_KEYS is not set/.test(result.stderr)) {
          throw new ZorgrouteError(`the ${name} did not refuse to start without payload keys (exit ${result.code}): ${(result.stderr || result.stdout).trim().slice(0, 500)}`);
        }
        outcomes.push(`${name} exit ${result.code}`);
      }
      return outcomes.join(', ');
    });

    let worker;
    await check('worker: NODE_ENV=production, prebuilt workflow bundle, polling', async () => {
      worker = supervisor.spawn('worker', process.execPath, [BUILT_FILES.worker], { env: workerEnv });
      const line = await eventually(
        () => {
          if (!worker.running) throw fatal(worker);
          return worker.tail.find((l) => l.includes('polling task queue'));
        },
        120_000,
        'the worker to poll',
      );
      const expected = path.resolve(BUILT_FILES.workflowBundle);
      if (!line.includes(`workflow code: bundle ${expected}`)) throw new ZorgrouteError(`the worker did not load the prebuilt bundle: ${line}`);
      return `workflow code from ${BUILT_FILES.workflowBundle}`;
    });

    let api;
    await check('api: NODE_ENV=production, /health ok (PostgreSQL and Temporal reachable)', async () => {
      api = supervisor.spawn('api', process.execPath, [BUILT_FILES.api], { env: apiEnv });
      await waitForHttp(`${apiUrl}/health`, 120_000, { what: 'The api', process: api });
      const health = await (await fetch(`${apiUrl}/health`)).json();
      if (health.status !== 'ok') throw new ZorgrouteError(`/health answered ${JSON.stringify(health)}`);
      return JSON.stringify(health);
    });

    const gql = graphqlClient(`${apiUrl}/graphql`);
    await check('production settings: devLogin refused, GraphQL introspection off', async () => {
      const dev = await gql.request('mutation($e: String!) { devLogin(email: $e) { token } }', { e: SOME_EMAIL });
      const code = dev.errors?.[0]?.extensions?.code;
      if (code !== 'FORBIDDEN') throw new ZorgrouteError(`devLogin was not refused: ${JSON.stringify(dev)}`);
      const intro = await gql.request('{ __schema { queryType { name } } }');
      if (!intro.errors?.length) throw new ZorgrouteError('introspection answered in production');
      return `devLogin → ${code}; introspection → "${intro.errors[0].message}"`;
    });

    /** A session token for an account, signed with AUTH_SECRET as the api signs it (production has no devLogin). */
    const signedLogin = async (email) => {
      const row = await psql(pgBin, pg.port, 'zorgroute', `SELECT id || '|' || role FROM app_user WHERE email = '${email.replace(/'/g, "''")}'`);
      const [id, role] = row.split('|');
      if (!id) throw new ZorgrouteError(`${email} is not in app_user`);
      // Tokens are only valid with an active row in user_session (logout revokes it).
      const sid = crypto.randomUUID();
      await psql(pgBin, pg.port, 'zorgroute', `INSERT INTO user_session (id, user_id, method, created_at, expires_at) VALUES ('${sid}', '${id}', 'DEV', now(), now() + interval '1 hour')`);
      return sessionToken(authSecret, { id, role, sid });
    };

    // 5. A fresh install without demo data (infra/production-check/fresh-install.mjs): the first platform admin with
    // the documented command, the SWV and school, staff and an import, a mentor's login, a trajectory for an imported
    // pupil and the parent's e-mail. Names are made per run, so --keep-data works too.
    const journey = await freshInstallJourney({
      apiUrl,
      mailWebUrl: mail.webUrl,
      check,
      login: signedLogin,
      createPlatformAdmin: async (email, name) =>
        (await run(process.execPath, [BUILT_FILES.createPlatformAdmin, email, name], { env: apiEnv, prefix: '[create-platform-admin]', what: 'create the first platform admin' })).output,
    });
    const caseId = journey.ids.case;
    const zcEmail = journey.names.zc.email;
    const parentEmail = journey.names.parent.email;
    gql.token = await signedLogin(zcEmail);

    let nextDue;
    await check('read model: case in INTAKE with owner and next due date', async () => {
      const row = await eventually(
        async () => {
          const { cases } = await gql.ok('query($f: CaseFilter) { cases(filter: $f) { id status waitingFor nextDueDate ownerName } }', {
            f: { process: 'ONDERSTEUNINGSTRAJECT' },
          });
          return cases.find((c) => c.id === caseId && c.waitingFor === 'RECORD_INTAKE');
        },
        30_000,
        'the case in the read model',
      );
      if (row.status !== 'INTAKE' || !/^\d{4}-\d{2}-\d{2}$/.test(row.nextDueDate ?? '')) throw new ZorgrouteError(`unexpected row ${JSON.stringify(row)}`);
      if (row.nextDueDate <= amsterdamToday()) throw new ZorgrouteError(`next due date ${row.nextDueDate} is not in the future`);
      nextDue = row.nextDueDate;
      return `status ${row.status}, waiting for ${row.waitingFor}, owner ${row.ownerName}, next due ${row.nextDueDate}`;
    });

    await check('e-mail: task e-mail to the zorgcoördinator and notice to the parent (mail catcher)', async () => {
      const link = `/cases/${encodeURIComponent(caseId)}`;
      const toZc = await eventually(async () => (await mailsTo(mail.webUrl, zcEmail)).find((m) => m.text?.includes(link)), 60_000, 'the task e-mail');
      if (!toZc.text.includes('Uiterlijk af:')) throw new ZorgrouteError(`the task e-mail has no due date: ${toZc.subject}`);
      const toParent = await eventually(async () => (await mailsTo(mail.webUrl, parentEmail)).find((m) => m.text?.includes('Lotte')), 60_000, 'the parent e-mail');
      return `"${toZc.subject}" → ${zcEmail}; "${toParent.subject}" → ${parentEmail}`;
    });

    await check('SQL visibility: case found by its custom search attributes', async () => {
      const query = `WorkflowId = '${caseId}' AND ZrProcess = 'ONDERSTEUNINGSTRAJECT' AND ZrStatus = 'INTAKE' AND ZrWaitingFor = 'RECORD_INTAKE' AND ZrStuck = false AND ZrNextDue >= '${nextDue}T00:00:00Z'`;
      const found = await eventually(
        async () => {
          const list = JSON.parse((await temporalCli(cli, temporal.address, ['workflow', 'list', '--namespace', NAMESPACE, '--query', query, '--output', 'json'])) || '[]');
          return list.length === 1 ? list : null;
        },
        30_000,
        'the case in visibility',
      );
      return `1 match for ${query.replace(`WorkflowId = '${caseId}' AND `, '')} (${found[0].status ?? 'running'})`;
    });

    await check('durable reminder timer in the workflow history (PostgreSQL)', async () => {
      const history = JSON.parse(await temporalCli(cli, temporal.address, ['workflow', 'show', '--namespace', NAMESPACE, '--workflow-id', caseId, '--output', 'json']));
      const events = history.events ?? [];
      const ofType = (re) => events.filter((e) => re.test(String(e.eventType)));
      const ended = new Set(
        [...ofType(/TIMER_FIRED|TimerFired/i), ...ofType(/TIMER_CANCELED|TimerCanceled/i)].map(
          (e) => (e.timerFiredEventAttributes ?? e.timerCanceledEventAttributes ?? {}).timerId,
        ),
      );
      const pending = ofType(/TIMER_STARTED|TimerStarted/i)
        .map((e) => e.timerStartedEventAttributes ?? {})
        .filter((t) => !ended.has(t.timerId));
      if (pending.length === 0) throw new ZorgrouteError(`no pending timer in ${events.length} history events`);
      const seconds = pending.map((t) => Number(String(t.startToFireTimeout ?? '0').replace(/s$/, ''))).sort((a, b) => b - a);
      const human = (s) => (s >= 86_400 ? `${(s / 86_400).toFixed(1)} d` : `${(s / 3600).toFixed(1)} h`);
      return `${events.length} events; ${pending.length} pending timer(s), firing after ${seconds.map(human).join(', ')}`;
    });

    await check('restart temporal-server: the case survives, the next step is recorded afterwards', async () => {
      await temporal.restart();
      await eventually(() => temporalCli(cli, temporal.address, ['workflow', 'describe', '--namespace', NAMESPACE, '--workflow-id', caseId]).then(() => true), 60_000, 'the case after the restart');
      const today = amsterdamToday();
      const result = await eventually(
        async () => {
          const r = await gql.request('mutation($c: ID!, $i: RecordIntakeInput!) { recordIntake(caseId: $c, input: $i) { status } }', {
            c: caseId,
            i: { intakeDate: today, goal: GOAL },
          });
          if (r.errors?.length) throw new ZorgrouteError(JSON.stringify(r.errors));
          return r.data;
        },
        90_000,
        'recordIntake after the restart',
      );
      const { case: detail } = await gql.ok('query($id: ID!) { case(id: $id) { summary { status } timeline { kind } } }', { id: caseId });
      if (detail.summary.status !== 'MATCHING') throw new ZorgrouteError(`status after the intake is ${detail.summary.status}`);
      return `recordIntake → ${result.recordIntake.status}; timeline ${detail.timeline.map((t) => t.kind).join(', ')}`;
    });

    await check('encryption: the history read with the Temporal CLI (no codec) holds no readable pupil data', async () => {
      const history = JSON.parse(await temporalCli(cli, temporal.address, ['workflow', 'show', '--namespace', NAMESPACE, '--workflow-id', caseId, '--output', 'json']));
      const text = readableText(history);
      const { me } = await gql.ok('{ me { name } }');
      const leaks = [REASON, GOAL, PUPIL_NAME, me.name].filter((secret) => text.includes(secret));
      if (leaks.length) throw new ZorgrouteError(`readable in the workflow history: ${leaks.join(' | ')}`);
      const encrypted = text.split('binary/encrypted').length - 1;
      if (encrypted === 0) throw new ZorgrouteError('no payload in the history carries the binary/encrypted marker');
      return `${history.events?.length ?? 0} events, ${encrypted} encrypted payloads; reason, goal and names not readable`;
    });

    await check('audit checkpoint: hourly schedule run by the worker, signed, verified by the api (verifyAuditChain)', async () => {
      await temporalCli(cli, temporal.address, ['schedule', 'trigger', '--namespace', NAMESPACE, '--schedule-id', `audit-checkpoint-hourly-${TASK_QUEUE}`]);
      const line = await eventually(() => {
        if (!worker.running) throw fatal(worker);
        return worker.tail.find((l) => l.includes('[audit-checkpoint] {'));
      }, 60_000, 'the checkpoint line in the worker log');
      // verifyAuditChain is the functional admin's (ADMIN); a fresh install has none until the platform admin makes one.
      const admin = graphqlClient(`${apiUrl}/graphql`);
      admin.token = await signedLogin(journey.names.platformAdmin.email);
      const adminEmail = `beheer.${journey.names.stamp}@zorgroute-check.example`;
      await admin.ok('mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }', { i: { name: 'Anna Applicatiebeheer', email: adminEmail, role: 'ADMIN' } });
      admin.token = await signedLogin(adminEmail);
      const { verifyAuditChain: v } = await admin.ok('{ verifyAuditChain { ok checked reason checkpoints sealedUpTo } }');
      if (!v.ok || v.checkpoints < 1) throw new ZorgrouteError(`verifyAuditChain: ${JSON.stringify(v)}`);
      const cp = JSON.parse(line.slice(line.indexOf('{')));
      return `checkpoint ${cp.id}: ${cp.entryCount} entries, head ${cp.headId}, key ${cp.keyId}; verifyAuditChain ok, ${v.checked} entries, ${v.checkpoints} checkpoint(s), sealed up to ${v.sealedUpTo}`;
    });

    await check('metrics: Temporal server and worker expose Prometheus metrics', async () => {
      const server = await (await fetch(temporal.metricsUrl, { signal: AbortSignal.timeout(10_000) })).text();
      const workerMetrics = await (await fetch(`http://${env.WORKER_METRICS_ADDRESS}/metrics`, { signal: AbortSignal.timeout(10_000) })).text();
      // Kept for reference (metric names for dashboards and alerts): .data/prod-check/metrics-*.prom.
      fs.writeFileSync(path.join(STATE_DIR, 'metrics-temporal-server.prom'), server);
      fs.writeFileSync(path.join(STATE_DIR, 'metrics-worker.prom'), workerMetrics);
      const count = (text, re) => text.split('\n').filter((l) => re.test(l)).length;
      const serverSeries = count(server, /^persistence_requests|^service_requests/);
      const workerSeries = count(workerMetrics, /^temporal_/);
      if (serverSeries === 0 || workerSeries === 0) throw new ZorgrouteError(`metrics missing (server ${serverSeries}, worker ${workerSeries} series)`);
      return `server ${serverSeries} request series; worker ${workerSeries} temporal_* series`;
    });

    await check('metrics: api and worker expose what the dashboard and alerts use (infra/production-check/metrics-check.mjs)', async () => {
      const endpoints = { api: `${apiUrl}/metrics`, workerApp: `http://${env.WORKER_APP_METRICS_ADDRESS}/metrics`, workerSdk: `http://${env.WORKER_METRICS_ADDRESS}/metrics` };
      // Without the token production refuses the scrape.
      const refused = await fetch(endpoints.api, { signal: AbortSignal.timeout(10_000) });
      if (refused.status !== 401) throw new ZorgrouteError(`api /metrics without the token answered ${refused.status}, expected 401`);
      try {
        return (await checkMetrics(endpoints, { token: metricsToken })).join('; ');
      } catch (error) {
        throw new ZorgrouteError(error.message);
      }
    });
  } catch (error) {
    failure = error;
  } finally {
    log('stopping everything…');
    await supervisor.stopAll();
  }
  printSummary(Date.now() - runStarted);
  if (failure) throw failure;
  return 0;
});
