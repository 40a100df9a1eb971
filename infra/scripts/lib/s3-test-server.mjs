// A throw-away S3-compatible server for the tests: our small Go main in infra/s3-test-server (gofakes3 v1.2.0 with
// its in-memory backend, pinned by that folder's go.mod/go.sum). No MinIO binary can be downloaded here, so, like the
// Temporal CLI, it is built from source with Go into `.tools/bin/s3-test-server`. `npm test` starts it on a free port
// and gives Jest its URL as S3_TEST_ENDPOINT (apps/api/src/documents/storage/s3-document-store.int-spec.ts).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { formatDuration, log, ZorgrouteError } from './log.mjs';
import { freePort, waitForHttp } from './net.mjs';
import { displayPath, fromRoot, toolsBinDir } from './paths.mjs';
import { capture, requireCommand, run, startProcess } from './process.mjs';

/** The Go module of the server (its go.sum pins gofakes3 v1.2.0 and its one dependency). */
export const S3_TEST_SERVER_SOURCE = fromRoot('infra', 's3-test-server');
const SOURCE_FILES = ['main.go', 'go.mod', 'go.sum'];

/** A digest of the server's source; built into the binary (`-version` prints it) so a changed source is rebuilt. */
function sourceHash() {
  const hash = createHash('sha256');
  for (const file of SOURCE_FILES) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(S3_TEST_SERVER_SOURCE, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** The source digest the binary was built from (`<binary> -version`), or null when it does not run. */
async function builtSourceHash(binary) {
  const result = await capture(binary, ['-version'], { timeoutMs: 20_000 });
  if (!result.ok) return null;
  return /source (\S+)/.exec(result.stdout)?.[1] ?? 'unknown';
}

/**
 * Path of a working S3 test server: $S3_TEST_SERVER_PATH, else `.tools/bin/s3-test-server`, built with `go build`
 * (module mode read-only: exactly the versions in go.sum) when missing or built from another source. The first build
 * takes about a minute on an empty Go build cache, a few seconds once the standard library is compiled (the Temporal
 * CLI build does that); it fetches two small modules through the Go module proxy unless they are in the module cache.
 * @param {{ binDir?: string }} [opts] binDir: where to build it (default `.tools/bin`)
 * @returns {Promise<string>}
 */
export async function ensureS3TestServer(opts = {}) {
  const fromEnv = process.env.S3_TEST_SERVER_PATH;
  if (fromEnv) {
    if (!(await builtSourceHash(fromEnv))) {
      throw new ZorgrouteError(`S3_TEST_SERVER_PATH is set to ${fromEnv}, but \`${fromEnv} -version\` does not work.`);
    }
    log(`S3 test server: ${fromEnv} (from S3_TEST_SERVER_PATH)`);
    return fromEnv;
  }
  const binDir = path.resolve(opts.binDir ?? toolsBinDir);
  const binary = path.join(binDir, 's3-test-server');
  const wanted = sourceHash();
  if (fs.existsSync(binary)) {
    const built = await builtSourceHash(binary);
    if (built === wanted) {
      log(`S3 test server: ${displayPath(binary)} (source ${wanted})`);
      return binary;
    }
    log(
      built
        ? `S3 test server: ${displayPath(binary)} was built from another source (${built}); rebuilding.`
        : `S3 test server: ${displayPath(binary)} does not run; rebuilding it.`,
    );
  }

  const goHint =
    'Install Go >= 1.24 (https://go.dev/doc/install or your package manager) so the server can be built from ' +
    'infra/s3-test-server, or build it yourself and set S3_TEST_SERVER_PATH.';
  requireCommand('go', 'to build the S3 test server (infra/s3-test-server, gofakes3 v1.2.0)', goHint);
  fs.mkdirSync(binDir, { recursive: true });
  log(`S3 test server: building infra/s3-test-server into ${displayPath(binDir)} with \`go build\` (first time only)…`);
  const started = Date.now();
  await run('go', ['build', '-mod=readonly', `-ldflags=-s -w -X main.sourceHash=${wanted}`, '-o', binary, '.'], {
    cwd: S3_TEST_SERVER_SOURCE,
    // CGO off: a static binary, no C compiler needed. -mod=readonly: go.mod/go.sum are never rewritten, so the build
    // uses exactly the pinned versions (and fails clearly if go.sum does not match what the proxy serves).
    env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: [process.env.GOFLAGS, '-buildvcs=false'].filter(Boolean).join(' ') },
    prefix: '[go]',
    what: 'build the S3 test server (infra/s3-test-server, gofakes3 v1.2.0)',
    hint: `${goHint} The Go module proxy (proxy.golang.org or $GOPROXY) must be reachable unless the modules are in the Go module cache.`,
  });
  const built = await builtSourceHash(binary);
  if (built !== wanted) {
    throw new ZorgrouteError(`go build finished, but \`${binary} -version\` ${built ? `reports source ${built}, not ${wanted}` : 'does not run'}.`);
  }
  log(`S3 test server: built ${displayPath(binary)} in ${formatDuration(Date.now() - started)}`);
  return binary;
}

/**
 * Start the S3 test server on 127.0.0.1 (in memory: its buckets and objects are gone when it stops) and wait until it
 * answers. Buckets exist only once created (CreateBucket, or `buckets` here).
 * @param {{ serverPath: string, port?: number, buckets?: string[], silent?: boolean, timeoutMs?: number }} opts
 *   port: preferred port (another free port when taken; 0: any)
 * @returns {Promise<{ endpoint: string, port: number, process: import('./process.mjs').ManagedProcess, stop: () => Promise<void> }>}
 */
export async function startS3TestServer(opts) {
  const { serverPath, buckets = [], silent = false, timeoutMs = 30_000 } = opts;
  if (!serverPath) throw new ZorgrouteError('startS3TestServer needs serverPath (see ensureS3TestServer()).');
  const port = await freePort(opts.port ?? 9000);
  const endpoint = `http://127.0.0.1:${port}`;
  log(`S3 test server: starting on ${endpoint} (in memory)…`);
  const started = Date.now();
  const args = ['-addr', `127.0.0.1:${port}`, '-quiet', ...buckets.flatMap((b) => ['-bucket', b])];
  const proc = startProcess('s3', serverPath, args, { silent });
  const stop = async () => {
    await proc.stop(5_000);
  };
  try {
    // ListBuckets without credentials: gofakes3 answers 200 with an empty or short list.
    await waitForHttp(`${endpoint}/`, timeoutMs, { what: 'S3 test server', process: proc });
  } catch (error) {
    await stop();
    throw error;
  }
  log(`S3 test server: ready on ${endpoint} in ${formatDuration(Date.now() - started)}`);
  return { endpoint, port, process: proc, stop };
}
