// Starts the real Zorgroute stack from the built output for browser tests:
// migrations, api, worker, demo seed and the admin UI served by `vite preview`.
// PostgreSQL, Temporal and SMTP are expected to be running already (the root `npm test` starts
// them and passes DATABASE_URL, TEMPORAL_ADDRESS, SMTP_URL, AUTH_SECRET, ... in the environment).
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');

export interface StackOptions {
  /** Where each process writes its output (one log file per process). */
  logDir?: string;
  /** Upper bound for each process to become ready. */
  readyTimeoutMs?: number;
  /** Extra environment for every process. */
  env?: NodeJS.ProcessEnv;
  /**
   * The host name of the admin UI's URL (APP_URL), default 127.0.0.1. `localhost` for passkeys: browsers refuse a
   * WebAuthn relying party that is an IP address, and the api derives its RP id from APP_URL (docs/security.md).
   */
  appHost?: string;
  /** Load the demo organisations and people (default true); false: a fresh install, nothing but the migrations. */
  seed?: boolean;
  /** Serve the admin UI (default true); false for tests that talk to the api and the worker only. */
  preview?: boolean;
}

export interface RunningStack {
  /** Base URL of the api, e.g. http://127.0.0.1:41234 */
  apiUrl: string;
  /** Base URL of the admin UI (vite preview, proxying /graphql to the api). */
  appUrl: string;
  logDir: string;
  /** Stops every process this stack started. Safe to call more than once. */
  stop(): Promise<void>;
}

interface Service {
  name: string;
  child: ChildProcess;
  logFile: string;
  exited: Promise<number | null>;
  exitCode?: number | null;
}

/** A TCP port that is free right now on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A timer for Promise.race that does not keep the process (and Jest) alive once the race is decided. */
const timeout = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

const running = new Set<Service>();
let exitHookInstalled = false;

/** Last resort: if Jest exits without afterAll, do not leave servers behind. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const service of running) killGroup(service, 'SIGKILL');
  });
}

function killGroup(service: Service, signal: NodeJS.Signals): void {
  const pid = service.child.pid;
  if (!pid || service.exitCode !== undefined) return;
  try {
    process.kill(-pid, signal); // the whole process group: npx → node vite, etc.
  } catch {
    try {
      service.child.kill(signal);
    } catch {
      // already gone
    }
  }
}

function startProcess(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, logDir: string): Service {
  const logFile = path.join(logDir, `${name}.log`);
  const log = createWriteStream(logFile, { flags: 'w' });
  const child = spawn(command, args, { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const service: Service = {
    name,
    child,
    logFile,
    exited: new Promise((resolve) => {
      child.once('error', (error) => {
        log.write(`\n[spawn error] ${error.message}\n`);
        service.exitCode = -1;
        resolve(-1);
      });
      child.once('exit', (code, signal) => {
        service.exitCode = code ?? (signal ? -1 : null);
        resolve(service.exitCode);
      });
    }),
  };
  service.exited.finally(() => {
    running.delete(service);
    setTimeout(() => log.end(), 50);
  });
  running.add(service);
  installExitHook();
  return service;
}

async function stopService(service: Service, graceMs = 5_000): Promise<void> {
  if (service.exitCode !== undefined) return;
  killGroup(service, 'SIGTERM');
  const stopped = await Promise.race([service.exited.then(() => true), timeout(graceMs).then(() => false)]);
  if (!stopped) {
    killGroup(service, 'SIGKILL');
    await Promise.race([service.exited, timeout(2_000)]);
  }
}

async function runToCompletion(service: Service, timeoutMs: number): Promise<void> {
  const code = await Promise.race([service.exited, timeout(timeoutMs).then(() => 'timeout' as const)]);
  if (code === 'timeout') {
    await stopService(service);
    throw new Error(`${service.name} did not finish within ${timeoutMs} ms:\n${tail(service.logFile)}`);
  }
  if (code !== 0) throw new Error(`${service.name} exited with code ${code}:\n${tail(service.logFile)}`);
}

/** Polls until `check` resolves true; fails early when one of `services` exits. */
async function waitUntil(what: string, check: () => Promise<boolean>, services: Service[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dead = services.find((s) => s.exitCode !== undefined);
    if (dead) throw new Error(`${dead.name} exited (code ${dead.exitCode}) while waiting for ${what}:\n${tail(dead.logFile)}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) {
      const logs = services.map((s) => `--- ${s.name} ---\n${tail(s.logFile, 20)}`).join('\n');
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}\n${logs}`);
    }
    await sleep(250);
  }
}

/** GET without keep-alive (fetch's pooled sockets would keep Jest from exiting). */
function httpOk(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = httpGet(url, { agent: false, timeout: 2_000 }, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode === 200));
      response.once('error', () => resolve(false));
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(false));
  });
}

function requireBuilt(relativePath: string): string {
  const file = path.join(REPO_ROOT, relativePath);
  if (!existsSync(file)) throw new Error(`${relativePath} is missing: build the workspace first (npm run build).`);
  return file;
}

/** Starts the stack; on any failure it stops whatever it had started and rethrows. */
export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 90_000;
  const logDir = options.logDir ?? path.join(REPO_ROOT, 'test-results', 'e2e-logs');
  mkdirSync(logDir, { recursive: true });

  const migrate = requireBuilt('libs/domain/dist/migrate.js');
  const apiMain = requireBuilt('apps/api/dist/main.js');
  const workerMain = requireBuilt('apps/worker/dist/main.js');
  const seed = requireBuilt('apps/api/dist/seed.js');
  const viteConfig = 'apps/admin/vite.config.ts';

  const [apiPort, previewPort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const appUrl = `http://${options.appHost ?? '127.0.0.1'}:${previewPort}`;
  /** The same server for this process's readiness checks (the preview listens on 127.0.0.1 whatever the host name). */
  const localAppUrl = `http://127.0.0.1:${previewPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    APP_URL: process.env.APP_URL ?? appUrl,
    // Every browser login and every test token comes from 127.0.0.1; the login rate limit has its
    // own tests (security), here it would only make a suite fail for logging in often.
    LOGIN_RATE_LIMIT_PER_IP: process.env.LOGIN_RATE_LIMIT_PER_IP ?? '1000',
    LOGIN_RATE_LIMIT_PER_EMAIL: process.env.LOGIN_RATE_LIMIT_PER_EMAIL ?? '1000',
    // The browser tests start the cases they need: the seed loads the organisations and people (and the first P1
    // cases), not the demo cases of every process, which take a minute on a loaded machine.
    ZR_SEED_ALL_PROCESSES: 'false',
    ...options.env,
    ...(options.appHost ? { APP_URL: appUrl } : {}),
    API_PORT: String(apiPort),
    API_URL: apiUrl,
  };

  const started: Service[] = [];
  const stop = async () => {
    for (const service of [...started].reverse()) await stopService(service);
  };

  try {
    if (!existsSync(path.join(REPO_ROOT, 'apps/admin/dist/index.html'))) {
      const build = startProcess('admin-build', 'npx', ['vite', 'build', '--config', viteConfig], env, logDir);
      started.push(build);
      await runToCompletion(build, readyTimeoutMs);
    }

    const migration = startProcess('migrate', process.execPath, [migrate], env, logDir);
    started.push(migration);
    await runToCompletion(migration, readyTimeoutMs);

    const api = startProcess('api', process.execPath, [apiMain], env, logDir);
    started.push(api);
    const worker = startProcess('worker', process.execPath, [workerMain], env, logDir);
    started.push(worker);
    await waitUntil(`GET ${apiUrl}/health`, () => httpOk(`${apiUrl}/health`), [api, worker], readyTimeoutMs);

    if (options.seed !== false) {
      const seeding = startProcess('seed', process.execPath, [seed], env, logDir);
      started.push(seeding);
      await runToCompletion(seeding, readyTimeoutMs);
    }
    if (options.preview === false) return { apiUrl, appUrl, logDir, stop };

    const preview = startProcess(
      'admin-preview',
      'npx',
      ['vite', 'preview', '--config', viteConfig, '--port', String(previewPort), '--strictPort', '--host', '127.0.0.1'],
      env,
      logDir,
    );
    started.push(preview);
    await waitUntil(`the admin UI on ${appUrl}`, () => httpOk(`${localAppUrl}/`), [api, worker, preview], readyTimeoutMs);
    // The preview server must reach the api through its proxy too.
    await waitUntil(`${appUrl}/health via the proxy`, () => httpOk(`${localAppUrl}/health`), [api, preview], readyTimeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }

  return { apiUrl, appUrl, logDir, stop };
}
