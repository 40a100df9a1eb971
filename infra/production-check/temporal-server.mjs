// Temporal's own server (`temporal-server`, not the CLI's dev server) and its SQL schema tool
// (`temporal-sql-tool`), built from the Go module go.temporal.io/server at a pinned version, plus the
// PostgreSQL schema files of that version. Used by infra/production-check/run.mjs to run Zorgroute on the
// same kind of Temporal cluster as production (PostgreSQL persistence and SQL visibility), without Docker.
//
// Layout (git-ignored): .tools/temporal-server/<version>/{temporal-server, temporal-sql-tool, schema/postgresql/v12/…}
import fs from 'node:fs';
import path from 'node:path';
import { setInterval, clearInterval } from 'node:timers';
import { formatDuration, log, ZorgrouteError } from '../scripts/lib/log.mjs';
import { isPortFree, sleep, waitForPort } from '../scripts/lib/net.mjs';
import { displayPath, fromRoot, toolsDir } from '../scripts/lib/paths.mjs';
import { capture, requireCommand, run, startProcess } from '../scripts/lib/process.mjs';

/**
 * Pinned Temporal Server version: the server embedded in our Temporal CLI (v1.5.1 → Server 1.29.1, see
 * infra/scripts/lib/temporal.mjs), so the dev server of `npm start`/`npm test` and this production server
 * speak the same protocol to @temporalio/* 1.24. Change both together.
 */
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
export const TEMPORAL_SERVER_MODULE = 'go.temporal.io/server';
/** The SQL plugin and schema folder for PostgreSQL ≥ 12 (we run 15). */
export const SQL_PLUGIN = 'postgres12';

const dir = path.join(toolsDir, 'temporal-server', TEMPORAL_SERVER_VERSION);
export const temporalServerPaths = {
  dir,
  server: path.join(dir, 'temporal-server'),
  sqlTool: path.join(dir, 'temporal-sql-tool'),
  schemaRoot: path.join(dir, 'schema'),
  /** update-schema -d: the versioned schema folders of the two databases. */
  temporalSchemaDir: path.join(dir, 'schema', 'postgresql', 'v12', 'temporal', 'versioned'),
  visibilitySchemaDir: path.join(dir, 'schema', 'postgresql', 'v12', 'visibility', 'versioned'),
};

const plainVersion = TEMPORAL_SERVER_VERSION.replace(/^v/, '');
const goHint =
  'Install Go >= 1.25 (the module needs it) and make sure the Go module proxy (proxy.golang.org or $GOPROXY) is reachable.';

/** `<binary> --version` prints "<name> version 1.29.1"; true when it runs and reports the pinned version. */
async function hasVersion(binary) {
  if (!fs.existsSync(binary)) return false;
  const result = await capture(binary, ['--version'], { timeoutMs: 20_000 });
  return result.ok && result.stdout.trim().endsWith(`version ${plainVersion}`);
}

/** Files in the Go module cache are read-only; make a copied tree writable (and removable) again. */
function makeWritable(target) {
  const stat = fs.lstatSync(target);
  if (stat.isSymbolicLink()) return;
  fs.chmodSync(target, stat.mode | (stat.isDirectory() ? 0o700 : 0o600));
  if (stat.isDirectory()) for (const entry of fs.readdirSync(target)) makeWritable(path.join(target, entry));
}

/** `go mod download -json module@version`: downloads (or finds in the module cache) the module source. */
async function downloadModule(env) {
  const result = await capture('go', ['mod', 'download', '-json', `${TEMPORAL_SERVER_MODULE}@${TEMPORAL_SERVER_VERSION}`], {
    env,
    timeoutMs: 15 * 60_000,
  });
  let info = null;
  try {
    info = JSON.parse(result.stdout);
  } catch {
    // handled below
  }
  if (!result.ok || !info?.Dir) {
    throw new ZorgrouteError(`Could not download ${TEMPORAL_SERVER_MODULE}@${TEMPORAL_SERVER_VERSION} with \`go mod download\`.`, {
      details: [info?.Error, result.stderr, result.stdout].filter(Boolean).join('\n'),
      hint: goHint,
    });
  }
  return info;
}

/** Log a line every 30 s while a long, silent step (the Go compiler) runs. */
function heartbeat(what) {
  const started = Date.now();
  const timer = setInterval(() => log(`${what}: still building (${formatDuration(Date.now() - started)})…`), 30_000);
  return () => clearInterval(timer);
}

/**
 * Build `temporal-server` (cmd/server) and `temporal-sql-tool` (cmd/tools/sql) of the pinned version into
 * .tools/temporal-server/<version>/, and copy that version's PostgreSQL schema files next to them.
 * Quick when both binaries already report the pinned version. The first build compiles ~300 modules
 * (about 4 minutes on 2 cores).
 * @returns {Promise<typeof temporalServerPaths>}
 */
export async function ensureTemporalServer() {
  const paths = temporalServerPaths;
  const schemaReady = fs.existsSync(path.join(paths.temporalSchemaDir, 'v1.0')) && fs.existsSync(path.join(paths.visibilitySchemaDir, 'v1.0'));
  if ((await hasVersion(paths.server)) && (await hasVersion(paths.sqlTool)) && schemaReady) {
    log(`Temporal server: ${displayPath(paths.server)} and ${path.basename(paths.sqlTool)} (${TEMPORAL_SERVER_VERSION})`);
    return paths;
  }
  requireCommand('go', `to build Temporal's server (${TEMPORAL_SERVER_MODULE}@${TEMPORAL_SERVER_VERSION})`, goHint);
  fs.mkdirSync(paths.dir, { recursive: true });
  // CGO off: the PostgreSQL driver (and everything else the server needs) is pure Go; no C compiler needed.
  const env = { ...process.env, CGO_ENABLED: '0', GOFLAGS: [process.env.GOFLAGS, '-buildvcs=false'].filter(Boolean).join(' ') };
  const started = Date.now();

  log(`Temporal server: fetching ${TEMPORAL_SERVER_MODULE}@${TEMPORAL_SERVER_VERSION} (go mod download)…`);
  const module = await downloadModule(env);

  if (!(await hasVersion(paths.server)) || !(await hasVersion(paths.sqlTool))) {
    log(
      `Temporal server: building cmd/server and cmd/tools/sql of ${TEMPORAL_SERVER_MODULE}@${TEMPORAL_SERVER_VERSION} into ` +
        `${displayPath(paths.dir)} (first time only: about 4 minutes, ~300 Go modules from the Go module proxy)…`,
    );
    const gobin = path.join(paths.dir, '.gobin');
    fs.rmSync(gobin, { recursive: true, force: true });
    const stop = heartbeat('Temporal server');
    try {
      const packages = [`${TEMPORAL_SERVER_MODULE}/cmd/server@${TEMPORAL_SERVER_VERSION}`, `${TEMPORAL_SERVER_MODULE}/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`];
      const install = await run('go', ['install', ...packages], { env: { ...env, GOBIN: gobin }, prefix: '[go]', allowFailure: true });
      if (install.code === 0) {
        fs.renameSync(path.join(gobin, 'server'), paths.server);
        fs.renameSync(path.join(gobin, 'sql'), paths.sqlTool);
      } else if (/replace|directives/i.test(install.output)) {
        // `go install pkg@version` refuses modules whose go.mod has replace directives; build inside a writable copy.
        log('Temporal server: `go install pkg@version` refused the module (replace directives); building in a writable copy of the module…');
        const src = path.join(paths.dir, 'src');
        fs.rmSync(src, { recursive: true, force: true });
        fs.cpSync(module.Dir, src, { recursive: true });
        makeWritable(src);
        for (const [pkg, out] of [
          ['./cmd/server', paths.server],
          ['./cmd/tools/sql', paths.sqlTool],
        ]) {
          await run('go', ['build', '-o', out, pkg], { cwd: src, env, prefix: '[go]', what: `build ${pkg} of ${TEMPORAL_SERVER_MODULE}@${TEMPORAL_SERVER_VERSION}`, hint: goHint });
        }
        fs.rmSync(src, { recursive: true, force: true });
      } else {
        throw new ZorgrouteError(`Could not build Temporal's server: \`go install ${packages.join(' ')}\` exited with code ${install.code}.`, {
          hint: goHint,
        });
      }
    } finally {
      stop();
      fs.rmSync(gobin, { recursive: true, force: true });
    }
    for (const binary of [paths.server, paths.sqlTool]) {
      if (!(await hasVersion(binary))) throw new ZorgrouteError(`${displayPath(binary)} was built but does not report version ${plainVersion}.`);
    }
    log(`Temporal server: built ${displayPath(paths.server)} and ${path.basename(paths.sqlTool)} in ${formatDuration(Date.now() - started)}`);
  }

  // The schema files of exactly this version (setup-schema + update-schema -d read them).
  fs.rmSync(paths.schemaRoot, { recursive: true, force: true });
  fs.cpSync(path.join(module.Dir, 'schema', 'postgresql'), path.join(paths.schemaRoot, 'postgresql'), { recursive: true });
  makeWritable(paths.schemaRoot);
  log(`Temporal server: PostgreSQL schema files of ${TEMPORAL_SERVER_VERSION} in ${displayPath(paths.schemaRoot)}`);
  return paths;
}

/**
 * Create the two Temporal databases and bring their schemas to the version this server needs, by running the
 * deployment's own job script infra/compose/temporal/setup-schema.sh (what the compose file runs in the
 * temporalio/admin-tools image) with this temporal-sql-tool on PATH and this version's schema files:
 *   temporal-sql-tool --plugin postgres12 --db <db> create-database
 *   temporal-sql-tool … setup-schema -v 0.0
 *   temporal-sql-tool … update-schema -d schema/postgresql/v12/<temporal|visibility>/versioned
 * @param {{ host: string, port: number, user: string, password?: string }} db
 */
export async function setupTemporalSchemas(db) {
  const paths = temporalServerPaths;
  const env = {
    ...process.env,
    PATH: `${paths.dir}${path.delimiter}${process.env.PATH ?? ''}`,
    SQL_HOST: db.host,
    SQL_PORT: String(db.port),
    SQL_USER: db.user,
    SQL_PASSWORD: db.password ?? '',
    TEMPORAL_SCHEMA_DIR: path.join(paths.schemaRoot, 'postgresql', 'v12'),
  };
  await run('sh', [fromRoot('infra', 'compose', 'temporal', 'setup-schema.sh')], {
    env,
    prefix: '[setup-schema]',
    what: 'set up the Temporal schemas (infra/compose/temporal/setup-schema.sh)',
  });
}

/**
 * The server's static configuration (config/<env>.yaml): PostgreSQL for the default store and SQL
 * visibility, all four services in this one process on 127.0.0.1, Prometheus metrics.
 * @param {{ pg: { host: string, port: number, user: string, password?: string }, ports: Record<string, number>,
 *           dynamicConfigFile: string, numHistoryShards?: number, logLevel?: string }} opts
 */
export function serverConfigYaml(opts) {
  const { pg, ports, dynamicConfigFile, numHistoryShards = 4, logLevel = 'warn' } = opts;
  const q = (s) => JSON.stringify(String(s));
  const store = (database, maxConns) => `      sql:
        pluginName: ${q(SQL_PLUGIN)}
        databaseName: ${q(database)}
        connectAddr: ${q(`${pg.host}:${pg.port}`)}
        connectProtocol: "tcp"
        user: ${q(pg.user)}
        password: ${q(pg.password ?? '')}
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: "1h"`;
  const service = (name, extra = '') => `  ${name}:
    rpc:
      grpcPort: ${ports[`${name}Grpc`]}
      membershipPort: ${ports[`${name}Membership`]}
      bindOnLocalHost: true${extra}`;
  return `# Temporal server ${TEMPORAL_SERVER_VERSION} — generated by infra/production-check/run.mjs.
# The same settings as infra/helm/temporal-values.yaml (PostgreSQL default store + SQL visibility),
# with every service in one process on 127.0.0.1.
log:
  stdout: true
  level: ${q(logLevel)}

persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  # Fixed when the cluster is created; production uses 512 (infra/helm/temporal-values.yaml).
  numHistoryShards: ${numHistoryShards}
  datastores:
    postgres-default:
${store('temporal', 20)}
    postgres-visibility:
${store('temporal_visibility', 10)}

global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"
  metrics:
    prometheus:
      framework: "tally"
      timerType: "histogram"
      listenAddress: ${q(`127.0.0.1:${ports.metrics}`)}

services:
${service('frontend', `\n      httpPort: ${ports.frontendHttp}`)}
${service('history')}
${service('matching')}
${service('worker')}

clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: ${q(`127.0.0.1:${ports.frontendGrpc}`)}

dcRedirectionPolicy:
  policy: "noop"

archival:
  history:
    state: "disabled"
  visibility:
    state: "disabled"

namespaceDefaults:
  archival:
    history:
      state: "disabled"
    visibility:
      state: "disabled"

dynamicConfigClient:
  filepath: ${q(dynamicConfigFile)}
  pollInterval: "10s"
`;
}

/** Dynamic configuration (re-read every pollInterval); the same file as infra/compose/temporal/dynamicconfig.yaml. */
export const DYNAMIC_CONFIG_YAML = `# Temporal dynamic configuration for Zorgroute (keys: go.temporal.io/server/common/dynamicconfig/constants.go).
# Zorgroute's mutations are workflow updates: on by default since server 1.25, kept explicit here.
frontend.enableUpdateWorkflowExecution:
  - value: true
# Workflow ids are business keys such as "ondersteuningstraject-<pupil uuid>-<request key>".
limit.maxIDLength:
  - value: 255
`;

/** Ports handed out by serverPorts() in this process. */
const serverPortsTaken = new Set();

/**
 * Free ports for the server's services, scanning upwards from `base`. Not OS-assigned ephemeral ports: the
 * cluster_membership table stores each service's membership port as a SMALLINT (≤ 32767), so a port such as
 * 44023 makes `temporal-server` fail with "value out of range for type smallint".
 */
async function serverPorts(names, base = 27233) {
  const ports = {};
  let candidate = base;
  for (const name of names) {
    while (candidate < 32767 && (serverPortsTaken.has(candidate) || !(await isPortFree(candidate)))) candidate += 1;
    if (candidate >= 32767) throw new ZorgrouteError(`No free TCP port between ${base} and 32767 for the Temporal server.`);
    serverPortsTaken.add(candidate);
    ports[name] = candidate;
    candidate += 1;
  }
  return ports;
}

/**
 * Write the configuration and start `temporal-server start` (frontend, history, matching and worker in
 * one process), then wait until the frontend accepts connections.
 * @param {{ stateDir: string, pg: { host: string, port: number, user: string, password?: string },
 *           silent?: boolean, timeoutMs?: number }} opts
 * @returns {Promise<{ address: string, metricsUrl: string, configFile: string, process: import('../scripts/lib/process.mjs').ManagedProcess,
 *                     stop: () => Promise<void>, restart: () => Promise<void> }>}
 */
export async function startTemporalServer(opts) {
  const { stateDir, pg, silent = false, timeoutMs = 120_000 } = opts;
  const configDir = path.join(stateDir, 'config');
  fs.mkdirSync(configDir, { recursive: true });
  const ports = await serverPorts([
    'frontendGrpc',
    'frontendMembership',
    'frontendHttp',
    'historyGrpc',
    'historyMembership',
    'matchingGrpc',
    'matchingMembership',
    'workerGrpc',
    'workerMembership',
    'metrics',
  ]);
  const dynamicConfigFile = path.join(configDir, 'dynamicconfig.yaml');
  fs.writeFileSync(dynamicConfigFile, DYNAMIC_CONFIG_YAML);
  const configFile = path.join(configDir, 'production.yaml');
  fs.writeFileSync(configFile, serverConfigYaml({ pg, ports, dynamicConfigFile }));
  log(`Temporal server: wrote ${displayPath(configFile)} (PostgreSQL ${pg.host}:${pg.port}, databases temporal + temporal_visibility)`);

  // The server also reads TEMPORAL_* variables (root, config dir, environment); only the flags below count.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TEMPORAL_')));
  const args = ['--root', stateDir, '--config', 'config', '--env', 'production', '--allow-no-auth', 'start'];
  const address = `127.0.0.1:${ports.frontendGrpc}`;
  let proc = null;
  const start = async () => {
    log(`Temporal server: starting \`temporal-server start\` (frontend ${address}, metrics 127.0.0.1:${ports.metrics})…`);
    const started = Date.now();
    proc = startProcess('temporal-server', temporalServerPaths.server, args, { env, silent, quietStop: true });
    await waitForPort('127.0.0.1', ports.frontendGrpc, timeoutMs, { what: 'Temporal server frontend', process: proc });
    log(`Temporal server: frontend listening on ${address} after ${formatDuration(Date.now() - started)}`);
  };
  const stop = async () => {
    if (proc) await proc.stop(30_000);
  };
  await start();
  return {
    address,
    metricsUrl: `http://127.0.0.1:${ports.metrics}/metrics`,
    configFile,
    get process() {
      return proc;
    },
    stop,
    /** Stop (SIGTERM) and start again with the same configuration and databases. */
    async restart() {
      await stop();
      await sleep(500);
      await start();
    },
  };
}
