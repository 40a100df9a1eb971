#!/usr/bin/env node
// `npm start`: build everything, start the local services (PostgreSQL, Temporal dev server with the
// Web UI, mail catcher), run the migrations, start the api, worker and admin UI, load the demo data
// and print the URLs. Ctrl-C stops everything in order; the next `npm start` resumes with the same
// data (.data/). Options: --skip-build (use the existing dist/ folders).
//
// Every environment variable of the contract below can be set by the user instead:
// DATABASE_URL → no local PostgreSQL, TEMPORAL_ADDRESS → no dev server, SMTP_URL → no mail catcher.
// The local cluster has two roles (docs/operations.md "Database roles"): the migrations run as the owner
// (DATABASE_OWNER_URL), the apps as the application role (DATABASE_URL).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  box,
  color,
  dataDir,
  ensureNodeModules,
  ensurePostgres,
  ensureTemporalCli,
  freePort,
  HOLIDAY_RUNWAY_FILES,
  holidayRunwayWarning,
  isPortFree,
  localBin,
  log,
  requireFiles,
  run,
  runMain,
  startMailCatcher,
  startTemporalDevServer,
  Supervisor,
  waitForHttp,
  waitForPort,
  warn,
  ZorgrouteError,
} from './lib/index.mjs';

const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');

const BUILT_FILES = {
  migrate: 'libs/domain/dist/migrate.js',
  api: 'apps/api/dist/main.js',
  seed: 'apps/api/dist/seed.js',
  worker: 'apps/worker/dist/main.js',
  adminIndex: 'apps/admin/dist/index.html',
  adminConfig: 'apps/admin/vite.config.ts',
};

/** The value from the user's environment, or the default. */
function fromEnv(name, fallback) {
  const value = process.env[name];
  return value !== undefined && value !== '' ? value : fallback;
}

/** A random AUTH_SECRET, generated on the first start and kept in .data/auth-secret. */
function authSecret() {
  const file = path.join(dataDir, 'auth-secret');
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing) return existing;
  } catch {
    // first start
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString('base64url');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  log('generated a random AUTH_SECRET in .data/auth-secret');
  return secret;
}

/** A random Ed25519 seed for the signed audit checkpoints (AUDIT_CHECKPOINT_KEY), kept in .data/audit-checkpoint-key. */
function auditCheckpointKey() {
  const file = path.join(dataDir, 'audit-checkpoint-key');
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing) return existing;
  } catch {
    // first start
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32).toString('base64');
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  log('generated a random AUDIT_CHECKPOINT_KEY in .data/audit-checkpoint-key');
  return key;
}

/**
 * The key of the Temporal payload codec (TEMPORAL_PAYLOAD_KEYS, "<id>:<base64 of 32 bytes>"), generated on the first
 * start and kept in .data/temporal-payload-keys: workflow data in the dev server's SQLite file is encrypted with it, so
 * it must stay the same for as long as that data exists.
 */
function temporalPayloadKeys() {
  const file = path.join(dataDir, 'temporal-payload-keys');
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing) return existing;
  } catch {
    // first start
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const keys = `local-1:${crypto.randomBytes(32).toString('base64')}`;
  fs.writeFileSync(file, `${keys}\n`, { mode: 0o600 });
  log('generated a random Temporal payload key in .data/temporal-payload-keys');
  return keys;
}

/**
 * A port for the api/admin: the user's value (must be free), else the default when free, else
 * another free port.
 */
async function appPort(name, fallback) {
  const requested = process.env[name];
  if (requested) {
    const port = Number(requested);
    if (!(await isPortFree(port))) {
      throw new ZorgrouteError(`${name}=${port}, but port ${port} on 127.0.0.1 is already in use.`, {
        hint: `Stop what uses it or set ${name} to another port.`,
      });
    }
    return port;
  }
  const port = await freePort(fallback);
  if (port !== fallback) log(`port ${fallback} is in use; ${name}=${port}`);
  return port;
}

runMain(async () => {
  const supervisor = new Supervisor();
  let stopping = false;
  supervisor.handleSignals(() => {
    stopping = true;
    supervisor.stopAll().finally(() => {
      log('stopped.');
      process.exit(0);
    });
  });

  try {
    // 1. Tools.
    await ensureNodeModules();
    const temporalCli = process.env.TEMPORAL_ADDRESS ? null : await ensureTemporalCli();

    // 2. Build (Nx caches unchanged projects).
    if (skipBuild) {
      log('skipping the build (--skip-build)');
    } else {
      log('building the apps and libs…');
      await run(localBin('nx'), ['run-many', '-t', 'build', '--outputStyle=stream'], {
        what: 'build the apps and libs',
        hint: 'Fix the build errors shown above and run `npm start` again.',
      });
    }
    requireFiles([...Object.values(BUILT_FILES), ...HOLIDAY_RUNWAY_FILES], 'to start Zorgroute', 'Run the build (`npx nx run-many -t build`) and check its output.');
    if (stopping) return 0;

    // 3. Services (skipped when the user points at existing ones). The api's port first: the Temporal Web UI decrypts
    // payloads through the api's codec endpoint (platform admins only).
    const apiPort = await appPort('API_PORT', 3000);
    const adminPort = await appPort('ADMIN_PORT', 4200);
    const postgres = supervisor.add('PostgreSQL', await ensurePostgres({ dataDir: path.join(dataDir, 'postgres'), databases: ['zorgroute'] }));
    const mail = process.env.SMTP_URL
      ? null
      : supervisor.add('mail catcher', await startMailCatcher({ smtpPort: 1025, webPort: 1080, mailDir: path.join(dataDir, 'mail') }));
    const temporal = process.env.TEMPORAL_ADDRESS
      ? null
      : supervisor.add(
          'Temporal dev server',
          await startTemporalDevServer({
            temporalPath: temporalCli,
            port: 7233,
            uiPort: 8233,
            dbFile: path.join(dataDir, 'temporal', 'temporal.sqlite'),
            headless: false,
            uiCodecEndpoint: `http://127.0.0.1:${apiPort}/codec`,
          }),
        );
    if (process.env.SMTP_URL) log('mail: using SMTP_URL from the environment (no mail catcher)');
    if (process.env.TEMPORAL_ADDRESS) log('Temporal: using TEMPORAL_ADDRESS from the environment (no dev server)');
    if (stopping) return 0;

    // 4. The environment contract of the apps.
    const env = {
      ...process.env,
      DATABASE_URL: postgres.url,
      TEMPORAL_ADDRESS: fromEnv('TEMPORAL_ADDRESS', temporal?.address),
      TEMPORAL_NAMESPACE: fromEnv('TEMPORAL_NAMESPACE', 'default'),
      TEMPORAL_TASK_QUEUE: fromEnv('TEMPORAL_TASK_QUEUE', 'zorgroute'),
      TEMPORAL_UI_URL: fromEnv('TEMPORAL_UI_URL', temporal?.uiUrl ?? ''),
      SMTP_URL: fromEnv('SMTP_URL', mail?.smtpUrl),
      MAIL_FROM: fromEnv('MAIL_FROM', 'Zorgroute <noreply@zorgroute.local>'),
      MAIL_WEB_URL: fromEnv('MAIL_WEB_URL', mail?.webUrl ?? ''),
      API_PORT: String(apiPort),
      ADMIN_PORT: String(adminPort),
      APP_URL: fromEnv('APP_URL', `http://127.0.0.1:${adminPort}`),
      AUTH_DEV_LOGIN: fromEnv('AUTH_DEV_LOGIN', 'true'),
      // Readable log lines for development; production logs JSON (docs/operations.md "Logs").
      LOG_FORMAT: fromEnv('LOG_FORMAT', 'pretty'),
      AUTH_SECRET: fromEnv('AUTH_SECRET', undefined) ?? authSecret(),
      TEMPORAL_PAYLOAD_KEYS: fromEnv('TEMPORAL_PAYLOAD_KEYS', undefined) ?? temporalPayloadKeys(),
      AUDIT_CHECKPOINT_KEY: fromEnv('AUDIT_CHECKPOINT_KEY', undefined) ?? auditCheckpointKey(),
      AUDIT_CHECKPOINT_FILE: fromEnv('AUDIT_CHECKPOINT_FILE', path.join(dataDir, 'audit-checkpoints.jsonl')),
    };
    // Only the migrations run as the owner role; the apps never get its URL.
    delete env.DATABASE_OWNER_URL;
    const apiUrl = `http://127.0.0.1:${apiPort}`;

    // 5. Database migrations.
    log('running the database migrations…');
    await run(process.execPath, [BUILT_FILES.migrate], { env: { ...env, DATABASE_OWNER_URL: postgres.ownerUrl }, what: 'run the database migrations' });
    if (stopping) return 0;

    // 6. The apps.
    const api = supervisor.spawn('api', process.execPath, [BUILT_FILES.api], { env });
    const worker = supervisor.spawn('worker', process.execPath, [BUILT_FILES.worker], { env });
    const admin = supervisor.spawn(
      'admin',
      localBin('vite'),
      ['preview', '--config', BUILT_FILES.adminConfig, '--port', String(adminPort), '--strictPort', '--host', '127.0.0.1'],
      { env: { ...env, API_URL: apiUrl } },
    );
    // Rejects when a child or service exits while we are not stopping; raced with every later step.
    const unexpectedExit = supervisor.firstUnexpectedExit().then((proc) => {
      throw new ZorgrouteError(`Stopped everything because ${proc.describeExit()}.`, { details: proc.recentOutput() });
    });
    unexpectedExit.catch(() => {}); // handled where it is awaited
    await Promise.race([
      Promise.all([
        waitForHttp(`${apiUrl}/health`, 120_000, { what: 'The api', process: api }),
        waitForPort('127.0.0.1', adminPort, 60_000, { what: 'The admin UI', process: admin }),
      ]),
      unexpectedExit,
    ]);
    if (!worker.running) throw new ZorgrouteError(`${worker.describeExit()}.`, { details: worker.recentOutput() });

    // 7. Demo data (idempotent: skips what exists).
    log('loading the demo data…');
    await Promise.race([run(process.execPath, [BUILT_FILES.seed], { env, what: 'load the demo data' }), unexpectedExit]);
    if (stopping) return 0;

    // 8. Where everything is.
    const link = (url) => color('cyan', url);
    box([
      color('bold', 'Zorgroute is running'),
      '',
      `Admin UI          ${link(`http://127.0.0.1:${adminPort}`)}`,
      `GraphQL IDE       ${link(`${apiUrl}/graphql`)}`,
      `Temporal Web UI   ${env.TEMPORAL_UI_URL ? link(env.TEMPORAL_UI_URL) : `(TEMPORAL_ADDRESS=${env.TEMPORAL_ADDRESS})`}`,
      `                  payloads encrypted; decrypted for platform admins by ${link(`${apiUrl}/codec`)}`,
      `Mail inbox        ${env.MAIL_WEB_URL ? link(env.MAIL_WEB_URL) : `(SMTP_URL from the environment)`}`,
      `PostgreSQL        ${postgres.external ? '(DATABASE_URL from the environment)' : postgres.url}`,
      '',
      env.AUTH_DEV_LOGIN === 'true'
        ? 'Log in: open the admin UI and pick one of the demo users (development login is on).'
        : 'Log in: development login is off (AUTH_DEV_LOGIN is not "true").',
      'Ctrl-C stops everything; the next `npm start` continues with the same data (.data/).',
    ]);
    // The bundled holiday data must cover the current and the next school year (seen a year ahead).
    const runway = holidayRunwayWarning();
    if (runway) warn(runway);

    // Run until Ctrl-C (handled above) or until a child dies.
    await unexpectedExit;
    return 0;
  } catch (error) {
    if (stopping) return 0;
    // Stop whatever was started, then report the error (runMain prints it).
    await supervisor.stopAll();
    throw error;
  }
});
