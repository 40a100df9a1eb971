// The Temporal CLI (its `server start-dev` is the local Temporal server with SQLite persistence and
// the Web UI). No binary downloads are possible here, so it is built from source with Go.
import fs from 'node:fs';
import path from 'node:path';
import { formatDuration, log, ZorgrouteError } from './log.mjs';
import { freePort, sleep, waitForPort } from './net.mjs';
import { displayPath, toolsBinDir } from './paths.mjs';
import { capture, requireCommand, run, startProcess, which } from './process.mjs';

/** Pinned Temporal CLI version (v1.5.x embeds Temporal Server 1.29 and needs Go >= 1.25). */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
export const TEMPORAL_CLI_PACKAGE = 'github.com/temporalio/cli/cmd/temporal';
const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli';

/**
 * Custom search attributes the workflows use (registered on every dev server start).
 * SQL visibility allows only a few per type (about 10 Keyword, 3 Datetime, 3 Bool), so choose carefully.
 */
export const SEARCH_ATTRIBUTES = Object.freeze({
  ZrProcess: 'Keyword',
  ZrSchoolId: 'Keyword',
  ZrStatus: 'Keyword',
  ZrWaitingFor: 'Keyword',
  ZrNextDue: 'Datetime',
  ZrStuck: 'Bool',
});

/** `--search-attribute Name=Type` flags for `temporal server start-dev`. */
export function searchAttributeArgs() {
  return Object.entries(SEARCH_ATTRIBUTES).flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]);
}

async function works(binary) {
  const result = await capture(binary, ['--version'], { timeoutMs: 20_000 });
  return result.ok ? result.stdout.trim() : null;
}

/** The module version a Go binary was built from (`go version -m`), or null if unknown. */
async function builtModuleVersion(binary) {
  if (!which('go')) return null;
  const result = await capture('go', ['version', '-m', binary], { timeoutMs: 20_000 });
  if (!result.ok) return null;
  const line = result.stdout.split('\n').find((l) => l.trim().startsWith('mod\t') || /^\s*mod\s/.test(l));
  const parts = line?.trim().split(/\s+/);
  return parts && parts[1] === TEMPORAL_CLI_MODULE ? parts[2] : null;
}

/**
 * Path of a working `temporal` CLI: $TEMPORAL_CLI_PATH, else `temporal` on PATH, else
 * `.tools/bin/temporal`, which is built with `go install` (pinned version) when missing or built
 * from another version. The first build takes about 4 minutes.
 * @param {{ binDir?: string }} [opts] binDir: where to build it (default `.tools/bin`)
 * @returns {Promise<string>}
 */
export async function ensureTemporalCli(opts = {}) {
  const binDir = path.resolve(opts.binDir ?? toolsBinDir);
  const fromEnv = process.env.TEMPORAL_CLI_PATH;
  if (fromEnv) {
    const version = await works(fromEnv);
    if (!version) throw new ZorgrouteError(`TEMPORAL_CLI_PATH is set to ${fromEnv}, but \`${fromEnv} --version\` does not work.`);
    log(`Temporal CLI: ${fromEnv} (${version}, from TEMPORAL_CLI_PATH)`);
    return fromEnv;
  }
  if (!opts.binDir) {
    const onPath = which('temporal');
    if (onPath) {
      const version = await works(onPath);
      if (version) {
        log(`Temporal CLI: ${onPath} (${version}, from PATH)`);
        return onPath;
      }
    }
  }

  const binary = path.join(binDir, 'temporal');
  if (fs.existsSync(binary)) {
    const version = await works(binary);
    const built = version ? await builtModuleVersion(binary) : null;
    if (version && (built === null || built === TEMPORAL_CLI_VERSION)) {
      log(`Temporal CLI: ${displayPath(binary)} (${built ?? version})`);
      return binary;
    }
    log(
      version
        ? `Temporal CLI: ${displayPath(binary)} was built from ${built}; rebuilding ${TEMPORAL_CLI_VERSION}.`
        : `Temporal CLI: ${displayPath(binary)} does not run; rebuilding it.`,
    );
  }

  const goHint =
    'Install Go >= 1.25 (https://go.dev/doc/install or your package manager) so the CLI can be built from source, ' +
    'or put a `temporal` CLI (v1.5.x) on PATH / set TEMPORAL_CLI_PATH.';
  requireCommand('go', `to build the Temporal CLI (${TEMPORAL_CLI_PACKAGE}@${TEMPORAL_CLI_VERSION})`, goHint);
  fs.mkdirSync(binDir, { recursive: true });
  log(
    `Temporal CLI: building ${TEMPORAL_CLI_PACKAGE}@${TEMPORAL_CLI_VERSION} into ${displayPath(binDir)} with \`go install\` ` +
      '(first time only; takes about 4 minutes and downloads ~300 Go modules from the Go module proxy)…',
  );
  const started = Date.now();
  await run('go', ['install', `${TEMPORAL_CLI_PACKAGE}@${TEMPORAL_CLI_VERSION}`], {
    // CGO off: the CLI's SQLite driver is pure Go, so no C compiler is needed.
    env: { ...process.env, GOBIN: binDir, CGO_ENABLED: '0', GOFLAGS: [process.env.GOFLAGS, '-buildvcs=false'].filter(Boolean).join(' ') },
    prefix: '[go]',
    what: `build the Temporal CLI (${TEMPORAL_CLI_PACKAGE}@${TEMPORAL_CLI_VERSION})`,
    hint: `${goHint} The Go module proxy (proxy.golang.org or $GOPROXY) must be reachable.`,
  });
  const version = await works(binary);
  if (!version) throw new ZorgrouteError(`go install finished, but ${binary} does not run (\`${binary} --version\` failed).`);
  log(`Temporal CLI: built ${displayPath(binary)} in ${formatDuration(Date.now() - started)}`);
  return binary;
}

/**
 * Start `temporal server start-dev` and wait until it serves the default namespace.
 * @param {{ temporalPath: string, port?: number, uiPort?: number, dbFile?: string | null,
 *           headless?: boolean, namespace?: string, silent?: boolean, timeoutMs?: number, uiCodecEndpoint?: string }} opts
 *   port/uiPort are preferred ports (another free port is used when taken);
 *   dbFile null: in memory (data is gone when it stops);
 *   uiCodecEndpoint: the Web UI's remote codec (the api's `/codec`), so a platform admin sees decrypted payloads.
 * @returns {Promise<{ address: string, port: number, uiUrl: string | null, namespace: string,
 *                     process: import('./process.mjs').ManagedProcess, stop: () => Promise<void> }>}
 */
export async function startTemporalDevServer(opts) {
  const { temporalPath, dbFile = null, headless = false, namespace = 'default', silent = false, timeoutMs = 60_000 } = opts;
  if (!temporalPath) throw new ZorgrouteError('startTemporalDevServer needs temporalPath (see ensureTemporalCli()).');
  const port = await freePort(opts.port ?? 7233);
  const uiPort = headless ? null : await freePort(opts.uiPort ?? 8233);
  const address = `127.0.0.1:${port}`;
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--namespace', namespace, '--log-level', 'warn'];
  if (headless) args.push('--headless');
  else args.push('--ui-port', String(uiPort));
  if (!headless && opts.uiCodecEndpoint) args.push('--ui-codec-endpoint', opts.uiCodecEndpoint);
  if (dbFile) {
    fs.mkdirSync(path.dirname(dbFile), { recursive: true });
    args.push('--db-filename', dbFile);
  }
  args.push(...searchAttributeArgs());

  log(
    `Temporal dev server: starting on ${address}${uiPort ? `, Web UI on port ${uiPort}` : ' (headless)'}` +
      `${dbFile ? `, data in ${displayPath(dbFile)}` : ', in memory'}…`,
  );
  const started = Date.now();
  // The CLI also reads TEMPORAL_* variables (for example TEMPORAL_ADDRESS) as client settings;
  // keep those out of the server process so only the flags above count.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TEMPORAL_')));
  // quietStop: while shutting down, the dev server logs connection warnings from its own system workers.
  const proc = startProcess('temporal', temporalPath, args, { env, silent, quietStop: true });
  const stop = async () => {
    await proc.stop(10_000);
  };
  try {
    await waitForPort('127.0.0.1', port, timeoutMs, { what: 'Temporal dev server', process: proc });
    // The port opens before the namespace is usable; wait until the frontend answers for it.
    for (;;) {
      const describe = await capture(temporalPath, ['operator', 'namespace', 'describe', '--namespace', namespace, '--address', address], {
        env,
        timeoutMs: 10_000,
      });
      if (describe.ok) break;
      if (!proc.running) {
        throw new ZorgrouteError(`Temporal dev server did not come up: ${proc.describeExit()}.`, { details: proc.recentOutput() });
      }
      if (Date.now() - started > timeoutMs) {
        throw new ZorgrouteError(`Temporal dev server on ${address} did not serve namespace "${namespace}" within ${timeoutMs / 1000} s.`, {
          details: `${describe.stderr || describe.stdout}\n${proc.recentOutput()}`,
        });
      }
      await sleep(250);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const uiUrl = uiPort ? `http://127.0.0.1:${uiPort}` : null;
  log(`Temporal dev server: ready on ${address} in ${formatDuration(Date.now() - started)}${uiUrl ? ` (Web UI ${uiUrl})` : ''}`);
  return { address, port, uiUrl, namespace, process: proc, stop };
}
