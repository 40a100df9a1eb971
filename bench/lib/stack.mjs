/* global setTimeout */
// A complete Zorgroute stack of real processes for the fault tests and the benchmark, started from the built output
// (`npm test`'s build step, or `npx nx run-many -t build`): its own PostgreSQL cluster (own data directory, so it can
// be stopped and started), its own Temporal dev server (SQLite file kept, so it can be restarted), its own mail
// catcher (mail directory kept), then `node apps/api/dist/main.js` and `node apps/worker/dist/main.js` as child
// processes. Every part can be killed, stopped and started again on the same port with the same data.
// Nothing here uses DATABASE_URL / TEMPORAL_ADDRESS / SMTP_URL from the environment: it is always a private stack.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ensurePostgres,
  ensureTemporalCli,
  freePort,
  fromRoot,
  isPortFree,
  log,
  releasePort,
  run,
  startMailCatcher,
  startProcess,
  startTemporalDevServer,
  waitForHttp,
} from '../../infra/scripts/lib/index.mjs';

export const BUILT = {
  migrate: fromRoot('libs/domain/dist/migrate.js'),
  api: fromRoot('apps/api/dist/main.js'),
  seed: fromRoot('apps/api/dist/seed.js'),
  worker: fromRoot('apps/worker/dist/main.js'),
  bundle: fromRoot('apps/worker/dist/workflow-bundle.js'),
};

/** Makes `port` available to freePort again and waits until nothing listens on it (a restart on the same port). */
async function reusePort(port) {
  if (!port) return 0;
  releasePort(port);
  const deadline = Date.now() + 30_000;
  while (!(await isPortFree(port))) {
    if (Date.now() > deadline) throw new Error(`port ${port} is still in use; cannot restart on the same port`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return port;
}

export class Stack {
  /** @param {{ name: string, quiet?: boolean, seed?: boolean, env?: Record<string, string> }} opts */
  constructor(opts) {
    this.name = opts.name;
    this.quiet = opts.quiet ?? true;
    this.seed = opts.seed ?? true;
    this.extraEnv = opts.env ?? {};
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), `zorgroute-${opts.name}-`));
    // PostgreSQL's data directory must be reachable by its unprivileged OS user (see postgres.mjs): keep it in .data.
    this.pgDir = fromRoot('.data', `${opts.name}-postgres`);
    this.dbFile = path.join(this.root, 'temporal.sqlite');
    this.mailDir = path.join(this.root, 'mail');
  }

  async start() {
    for (const file of Object.values(BUILT)) {
      if (!fs.existsSync(file)) throw new Error(`${file} is missing: build first (npx nx run-many -t build)`);
    }
    this.temporalCli = process.env.TEMPORAL_CLI_PATH || (await ensureTemporalCli());
    await this.startPostgres(true);
    await this.startTemporal();
    await this.startMail();
    this.apiPort = await freePort(0);
    this.env = {
      ...process.env,
      // The worker's "polling task queue" line (startWorker waits for it) is at info; npm test runs at warn.
      LOG_LEVEL: 'info',
      ...this.extraEnv,
      NODE_ENV: 'development',
      DATABASE_URL: this.pg.url,
      TEMPORAL_ADDRESS: this.temporal.address,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'zorgroute',
      SMTP_URL: this.mail.smtpUrl,
      MAIL_WEB_URL: this.mail.webUrl,
      MAIL_FROM: 'Zorgroute <noreply@zorgroute.local>',
      APP_URL: 'http://127.0.0.1:4200',
      API_HOST: '127.0.0.1',
      API_PORT: String(this.apiPort),
      AUTH_SECRET: 'zorgroute-test-secret',
      AUTH_DEV_LOGIN: 'true',
      WORKER_METRICS_ADDRESS: '',
      // Payloads are encrypted as in production; the fault runner and the benchmark read them with the same key.
      TEMPORAL_PAYLOAD_KEYS: `bench:${crypto.randomBytes(32).toString('base64')}`,
    };
    // The migrations as the owner role; the apps run as the application role (docs/operations.md "Database roles").
    await run(process.execPath, [BUILT.migrate], { env: { ...this.env, DATABASE_OWNER_URL: this.pg.ownerUrl }, quiet: true, what: 'run the migrations' });
    await this.startWorker();
    await this.startApi();
    if (this.seed) await run(process.execPath, [BUILT.seed], { env: this.env, quiet: true, what: 'load the demo data' });
    this.apiUrl = `http://127.0.0.1:${this.apiPort}/graphql`;
    return this;
  }

  async startPostgres(recreate = false) {
    this.pg = await ensurePostgres({ dataDir: this.pgDir, port: await reusePort(this.pg?.port), databases: ['zorgroute'], recreate, urlEnv: '' });
    this.pgDown = false;
  }

  async stopPostgres() {
    this.pgDown = true;
    await this.pg.stop();
  }

  async startTemporal() {
    const previous = this.temporal?.port;
    this.temporal = await startTemporalDevServer({
      temporalPath: this.temporalCli,
      port: await reusePort(this.temporal?.port),
      dbFile: this.dbFile,
      headless: true,
      silent: true,
    });
    if (previous && this.temporal.port !== previous) throw new Error(`the Temporal dev server came back on port ${this.temporal.port}, not ${previous}`);
  }

  async stopTemporal() {
    await this.temporal.stop();
  }

  async startMail() {
    this.mail = await startMailCatcher({ smtpPort: await reusePort(this.mail?.smtpPort), webPort: await reusePort(this.mail?.webPort), mailDir: this.mailDir, silent: true });
  }

  async stopMail() {
    await this.mail.stop();
  }

  async startWorker() {
    this.worker = startProcess('worker', process.execPath, [BUILT.worker], { env: this.env, silent: this.quiet });
    const deadline = Date.now() + 120_000;
    while (!this.worker.tail.some((l) => l.includes('polling task queue'))) {
      if (!this.worker.running) throw new Error(`${this.worker.describeExit()}\n${this.worker.recentOutput()}`);
      if (Date.now() > deadline) throw new Error('the worker did not start polling within 120 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** SIGKILL: no shutdown, no cleanup, like a crashed machine. */
  async killWorker() {
    this.worker.killNow();
    await this.worker.exited;
  }

  async startApi() {
    this.api = startProcess('api', process.execPath, [BUILT.api], { env: this.env, silent: this.quiet });
    await waitForHttp(`http://127.0.0.1:${this.apiPort}/health`, 120_000, { what: 'the api', process: this.api });
  }

  async killApi() {
    this.api.killNow();
    await this.api.exited;
  }

  async stop() {
    for (const [what, fn] of [
      ['api', () => this.api?.stop()],
      ['worker', () => this.worker?.stop()],
      ['mail', () => this.mail?.stop()],
      ['temporal', () => this.temporal?.stop()],
      ['postgres', () => this.pg?.stop()],
    ]) {
      try {
        await fn();
      } catch (error) {
        log(`could not stop ${what}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
