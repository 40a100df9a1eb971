// A project-local PostgreSQL cluster run with Debian's server binaries (no Docker, no system service).
//
// Running as root: PostgreSQL refuses to start as root ("root" execution of the PostgreSQL server is
// not permitted). These machines and many CI runners run everything as root, so when this process
// is root the cluster belongs to a dedicated unprivileged system user, `zorgroute-pg` (created with
// useradd on first use), and initdb/pg_ctl run as that user through `runuser -u zorgroute-pg --`.
// The data directory is chown'ed to that user; its parent folders must be searchable by it (true for
// /work/..., /home/<user>/... with default modes; not for a clone under /root, which is 0700; the
// error message says so). Clients connect over TCP on 127.0.0.1 with trust authentication, so they can run as any OS
// user: the tools (psql, createdb) as the database superuser `zorgroute`, the apps as two roles (docs/operations.md
// "Database roles"): `zorgroute_owner` owns the databases and runs the migrations (CREATEDB, for the tests' throw-away
// databases), `zorgroute_app` is the application role, which the migrations grant only INSERT and SELECT on the audit
// tables.
import fs from 'node:fs';
import path from 'node:path';
import { formatDuration, log, warn, ZorgrouteError } from './log.mjs';
import { freePort } from './net.mjs';
import { dataDir as defaultDataRoot, displayPath } from './paths.mjs';
import { capture, requireCommand, run } from './process.mjs';

export const PG_SUPERUSER = 'zorgroute';
/** Owns the databases and their tables; runs the migrations (DATABASE_OWNER_URL). */
export const PG_OWNER_ROLE = 'zorgroute_owner';
/** The apps' role (DATABASE_URL): normal DML, but only INSERT and SELECT on the audit tables. */
export const PG_APP_ROLE = 'zorgroute_app';
export const PG_OS_USER = 'zorgroute-pg';
export const PG_DEFAULT_PORT = 54329;
const PG_ROOT = '/usr/lib/postgresql';
/** Unix socket paths are limited to 107 bytes; beyond that the cluster listens on TCP only. */
const MAX_SOCKET_PATH = 100;

const installHint =
  'Install the PostgreSQL server packages (Debian/Ubuntu: apt-get install postgresql), ' +
  'or set DATABASE_URL (and DATABASE_OWNER_URL) to an existing PostgreSQL database to skip the local cluster.';

/**
 * Hands every object of the public schema that the owner role does not own yet to it (a database created before the
 * two roles, whose tables the superuser or the application role owns). Objects of extensions, and sequences that
 * belong to a table (they follow the table), are left alone.
 */
const REASSIGN_TO_OWNER = `DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND pg_get_userbyid(c.relowner) <> '${PG_OWNER_ROLE}'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i', 'e'))
  LOOP
    EXECUTE format('ALTER %s %s OWNER TO ${PG_OWNER_ROLE}', CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.name);
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '${PG_OWNER_ROLE}'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO ${PG_OWNER_ROLE}', r.name);
  END LOOP;
END $$;`;

/**
 * The bin directory of the PostgreSQL version to use: the one the data directory was created with
 * (PG_VERSION), else the newest /usr/lib/postgresql/<version>/bin with initdb. PG_BIN_DIR overrides.
 */
export function findPostgresBinDir(dataDirectory) {
  if (process.env.PG_BIN_DIR) {
    if (!fs.existsSync(path.join(process.env.PG_BIN_DIR, 'initdb'))) {
      throw new ZorgrouteError(`PG_BIN_DIR is set to ${process.env.PG_BIN_DIR}, but it has no initdb.`);
    }
    return process.env.PG_BIN_DIR;
  }
  let versions = [];
  try {
    versions = fs
      .readdirSync(PG_ROOT)
      .filter((v) => /^\d+(\.\d+)?$/.test(v) && fs.existsSync(path.join(PG_ROOT, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
  } catch {
    // no PostgreSQL installed
  }
  if (versions.length === 0) {
    throw new ZorgrouteError(`PostgreSQL server binaries not found (looked for ${PG_ROOT}/<version>/bin/initdb).`, { hint: installHint });
  }
  const versionFile = dataDirectory ? path.join(dataDirectory, 'PG_VERSION') : null;
  if (versionFile && fs.existsSync(versionFile)) {
    const clusterVersion = fs.readFileSync(versionFile, 'utf8').trim();
    if (!versions.includes(clusterVersion)) {
      throw new ZorgrouteError(
        `${displayPath(dataDirectory)} was created by PostgreSQL ${clusterVersion}, but only ${versions.join(', ')} is installed.`,
        { hint: `Install postgresql-${clusterVersion}, or delete ${displayPath(dataDirectory)} to start with an empty database.` },
      );
    }
    return path.join(PG_ROOT, clusterVersion, 'bin');
  }
  return path.join(PG_ROOT, versions[0], 'bin');
}

/** Make sure the unprivileged OS user that owns clusters exists (root only). */
async function ensureOsUser() {
  const probe = await capture('id', ['-u', PG_OS_USER]);
  if (probe.ok) return;
  requireCommand('useradd', `to create the unprivileged user ${PG_OS_USER} that runs PostgreSQL (it refuses to run as root)`);
  log(`PostgreSQL: creating system user ${PG_OS_USER} to own the local cluster (PostgreSQL refuses to run as root)…`);
  await run(
    'useradd',
    ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', PG_OS_USER],
    { quiet: true, what: `create the system user ${PG_OS_USER}` },
  );
}

/**
 * How to run the server binaries: directly, or (as root) through runuser as PG_OS_USER.
 * @returns {Promise<{ asRoot: boolean, uid?: number, gid?: number, exec: (bin: string, args: string[]) => [string, string[]] }>}
 */
async function serverRunner() {
  if (process.getuid?.() !== 0) return { asRoot: false, exec: (bin, args) => [bin, args] };
  await ensureOsUser();
  requireCommand('runuser', `to run PostgreSQL as ${PG_OS_USER} (it refuses to run as root)`);
  const uid = Number((await capture('id', ['-u', PG_OS_USER])).stdout.trim());
  const gid = Number((await capture('id', ['-g', PG_OS_USER])).stdout.trim());
  return { asRoot: true, uid, gid, exec: (bin, args) => ['runuser', ['-u', PG_OS_USER, '--', bin, ...args]] };
}

/** Create the data directory owned by the server user (mode 0700, as initdb wants). */
async function prepareDataDir(dir, runner) {
  // Only the data directory itself is private; its parent (for example .data/) keeps normal modes.
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o700);
  if (!runner.asRoot) return;
  const parent = path.dirname(dir);
  if (parent === defaultDataRoot) {
    // .data/ is ours: make sure the server user may pass through it even under a strict umask.
    fs.chmodSync(parent, fs.statSync(parent).mode | 0o711);
  }
  const stat = fs.statSync(dir);
  if (stat.uid !== runner.uid) {
    await run('chown', ['-R', `${PG_OS_USER}:${PG_OS_USER}`, dir], { quiet: true, what: `give ${displayPath(dir)} to ${PG_OS_USER}` });
  }
  const access = await capture('runuser', ['-u', PG_OS_USER, '--', 'test', '-w', dir], { cwd: '/' });
  if (!access.ok) {
    throw new ZorgrouteError(`The PostgreSQL user ${PG_OS_USER} cannot reach ${dir}: a parent folder is not searchable by other users.`, {
      hint: 'Clone the repository somewhere other users can traverse (not under /root), `chmod o+x` the parent folders, or set DATABASE_URL.',
    });
  }
}

function readPortFile(file) {
  try {
    const port = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(port) && port > 0 ? port : null;
  } catch {
    return null;
  }
}

/** The port of a running cluster, from line 4 of postmaster.pid. */
function runningPort(dir) {
  try {
    const port = Number(fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[3]);
    return Number.isInteger(port) && port > 0 ? port : null;
  } catch {
    return null;
  }
}

/** Quote a value for the shell command line pg_ctl builds from its -o option. */
function pgCtlQuote(s) {
  return `'${s.replace(/'/g, "'\\''")}'`;
}

function tailOfFile(file, n = 20) {
  try {
    return fs
      .readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(-n)
      .map((l) => `    ${l}`)
      .join('\n');
  } catch {
    return undefined;
  }
}

/**
 * Ensure a local PostgreSQL cluster is running, with the owner and application roles and the requested databases
 * (owned by the owner role). If `DATABASE_URL` (or `opts.urlEnv`) is set in the environment, that database is used
 * and nothing is started; its owner URL is `DATABASE_OWNER_URL` (or `opts.ownerUrlEnv`), else the same URL (one role:
 * the audit trail is then not protected from the application; a warning says so).
 *
 * @param {{ dataDir?: string, port?: number, databases?: string[], recreate?: boolean, urlEnv?: string, ownerUrlEnv?: string }} [opts]
 *   dataDir: cluster folder (default `.data/postgres`); port: preferred port (default 54329; the port a
 *   cluster used before is preferred next time); databases: created when missing (default ['zorgroute']);
 *   recreate: drop and recreate them (test runs); urlEnv / ownerUrlEnv: environment variables with external URLs.
 * @returns {Promise<{ url: string, ownerUrl: string, urls: Record<string, string>, ownerUrls: Record<string, string>,
 *                     port: number | null, dataDir: string | null, external: boolean, started: boolean,
 *                     stop: () => Promise<void> }>}
 *   url (application role) and ownerUrl (owner role, for migrations) are for the first database; stop() stops the
 *   cluster only if this call started it.
 */
export async function ensurePostgres(opts = {}) {
  const {
    dataDir = path.join(defaultDataRoot, 'postgres'),
    port: preferredPort = PG_DEFAULT_PORT,
    databases = ['zorgroute'],
    recreate = false,
    urlEnv = 'DATABASE_URL',
    ownerUrlEnv = 'DATABASE_OWNER_URL',
  } = opts;
  const external = urlEnv ? process.env[urlEnv] : undefined;
  if (external) {
    const ownerUrl = (ownerUrlEnv && process.env[ownerUrlEnv]) || external;
    log(`PostgreSQL: using ${urlEnv}${ownerUrl !== external ? ` and ${ownerUrlEnv}` : ''} from the environment (no local cluster)`);
    if (ownerUrl === external) {
      warn(
        `${ownerUrlEnv} is not set: the migrations run as the role of ${urlEnv}, which then owns the audit table and could change it ` +
          '(docs/operations.md, "Database roles").',
      );
    }
    return { url: external, ownerUrl, urls: {}, ownerUrls: {}, port: null, dataDir: null, external: true, started: false, stop: async () => {} };
  }

  const dir = path.resolve(dataDir);
  const binDir = findPostgresBinDir(dir);
  const bin = (name) => path.join(binDir, name);
  const runner = await serverRunner();
  // Run server tools inside the data directory: the server user may not be able to enter our cwd.
  const asServer = (name, args, extra = {}) => {
    const [cmd, cmdArgs] = runner.exec(bin(name), args);
    return run(cmd, cmdArgs, { cwd: dir, ...extra });
  };
  const started = Date.now();

  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
      throw new ZorgrouteError(`${displayPath(dir)} exists but is not a PostgreSQL data directory (no PG_VERSION).`, {
        hint: `Delete ${displayPath(dir)} to create a fresh cluster there.`,
      });
    }
    await prepareDataDir(dir, runner);
    log(`PostgreSQL: creating a new cluster in ${displayPath(dir)} (${path.basename(path.dirname(binDir))})…`);
    await asServer('initdb', ['-D', dir, '-U', PG_SUPERUSER, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-instructions'], {
      quiet: true,
      what: `create a PostgreSQL cluster in ${displayPath(dir)}`,
      hint: installHint,
    });
  } else {
    await prepareDataDir(dir, runner);
  }

  const portFile = path.join(dir, 'zorgroute-port');
  const [statusCmd, statusArgs] = runner.exec(bin('pg_ctl'), ['status', '-D', dir]);
  const status = await capture(statusCmd, statusArgs, { cwd: dir });
  let port;
  let startedHere = false;
  if (status.ok && runningPort(dir)) {
    port = runningPort(dir);
    log(`PostgreSQL: cluster in ${displayPath(dir)} is already running on port ${port}`);
  } else {
    port = await freePort(readPortFile(portFile) ?? preferredPort);
    fs.writeFileSync(portFile, `${port}\n`);
    const socketDir = path.join(dir, `.s.PGSQL.${port}`).length <= MAX_SOCKET_PATH ? dir : '';
    const serverOptions = [`-p ${port}`, `-c listen_addresses=127.0.0.1`, `-c unix_socket_directories=${pgCtlQuote(socketDir)}`].join(' ');
    const logFile = path.join(dir, 'server.log');
    log(`PostgreSQL: starting the cluster in ${displayPath(dir)} on 127.0.0.1:${port}…`);
    try {
      await asServer('pg_ctl', ['-D', dir, '-o', serverOptions, '-l', logFile, '-w', '-t', '60', 'start'], {
        quiet: true,
        what: `start PostgreSQL (${displayPath(dir)}, port ${port})`,
      });
    } catch (error) {
      const details = [error.details, tailOfFile(logFile) && `  server.log:\n${tailOfFile(logFile)}`].filter(Boolean).join('\n');
      throw new ZorgrouteError(error.message, { hint: error.hint, details });
    }
    startedHere = true;
  }

  const stop = async () => {
    if (!startedHere) return;
    startedHere = false;
    await asServer('pg_ctl', ['-D', dir, '-m', 'fast', '-w', '-t', '60', 'stop'], {
      quiet: true,
      what: `stop PostgreSQL (${displayPath(dir)})`,
    });
    log(`PostgreSQL: stopped the cluster in ${displayPath(dir)}`);
  };

  try {
    // Clients connect over TCP as the superuser; they need no special OS user.
    const conn = ['-h', '127.0.0.1', '-p', String(port), '-U', PG_SUPERUSER];
    const env = { ...process.env, PGCONNECT_TIMEOUT: '10' };
    delete env.PGPASSWORD;
    const psql = (db, sql, what) => run(bin('psql'), [...conn, '-d', db, '-v', 'ON_ERROR_STOP=1', '-qtAc', sql], { quiet: true, env, what });
    // The two roles of the apps (cluster-wide; LOGIN without a password: the cluster trusts 127.0.0.1).
    await psql(
      'postgres',
      `DO $$ BEGIN
         IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${PG_OWNER_ROLE}') THEN CREATE ROLE ${PG_OWNER_ROLE} LOGIN CREATEDB; END IF;
         IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${PG_APP_ROLE}') THEN CREATE ROLE ${PG_APP_ROLE} LOGIN; END IF;
       END $$;`,
      `create the roles ${PG_OWNER_ROLE} and ${PG_APP_ROLE}`,
    );
    for (const db of databases) {
      if (!/^[a-z_][a-z0-9_]*$/.test(db)) throw new ZorgrouteError(`Invalid database name "${db}" (use lower-case letters, digits, _).`);
      if (recreate) {
        await run(bin('dropdb'), [...conn, '--if-exists', '--force', db], { quiet: true, env, what: `drop database ${db}` });
      }
      const exists = await capture(bin('psql'), [...conn, '-d', 'postgres', '-tAc', `select 1 from pg_database where datname = '${db}'`], {
        env,
      });
      if (!exists.ok) {
        throw new ZorgrouteError(`Could not query PostgreSQL on 127.0.0.1:${port}.`, { details: exists.stderr || exists.error?.message });
      }
      if (exists.stdout.trim() !== '1') {
        await run(bin('createdb'), [...conn, '-E', 'UTF8', '-O', PG_OWNER_ROLE, db], { quiet: true, env, what: `create database ${db}` });
        log(`PostgreSQL: ${recreate ? 'recreated' : 'created'} database ${db} (owner ${PG_OWNER_ROLE})`);
      } else {
        // A database from before the two roles: the owner role takes it over (idempotent).
        await psql('postgres', `ALTER DATABASE ${db} OWNER TO ${PG_OWNER_ROLE}`, `give database ${db} to ${PG_OWNER_ROLE}`);
        await psql(db, REASSIGN_TO_OWNER, `give the tables of ${db} to ${PG_OWNER_ROLE}`);
      }
    }
  } catch (error) {
    await stop().catch((e) => warn(e.message));
    throw error;
  }

  const urls = Object.fromEntries(databases.map((db) => [db, `postgres://${PG_APP_ROLE}@127.0.0.1:${port}/${db}`]));
  const ownerUrls = Object.fromEntries(databases.map((db) => [db, `postgres://${PG_OWNER_ROLE}@127.0.0.1:${port}/${db}`]));
  const url = urls[databases[0]] ?? `postgres://${PG_APP_ROLE}@127.0.0.1:${port}/postgres`;
  const ownerUrl = ownerUrls[databases[0]] ?? `postgres://${PG_OWNER_ROLE}@127.0.0.1:${port}/postgres`;
  log(`PostgreSQL: ready at ${url} (owner ${PG_OWNER_ROLE})${startedHere ? ` (${formatDuration(Date.now() - started)})` : ''}`);
  return { url, ownerUrl, urls, ownerUrls, port, dataDir: dir, external: false, started: startedHere, stop };
}
