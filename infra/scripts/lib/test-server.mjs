// Temporal's time-skipping test server (the Java artifact io.temporal:temporal-test-server), used by
// `TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } })`.
//
// The TypeScript SDK runs `<path> <port> [extraArgs]` (extraArgs is empty unless a test passes some;
// without `--enable-time-skipping` the server starts with time skipping locked, which is what the SDK
// expects: it unlocks it while a test awaits a workflow result) and gives the port only 5 seconds to
// open. A cold JVM with ~30 jars is close to that, so the wrapper uses an AppCDS archive (created once,
// here) plus start-up friendly JVM flags.
import { createHash } from 'node:crypto';
import http2 from 'node:http2';
import fs from 'node:fs';
import path from 'node:path';
import { Buffer } from 'node:buffer';
import { clearTimeout, setTimeout } from 'node:timers';
import { formatDuration, log, warn, ZorgrouteError } from './log.mjs';
import { freePort, sleep, waitForPort } from './net.mjs';
import { displayPath, fromRoot, toolsDir } from './paths.mjs';
import { capture, requireCommand, run, startProcess, which } from './process.mjs';

/** Pinned version of io.temporal:temporal-test-server (Maven Central). */
export const TEST_SERVER_VERSION = '1.31.0';
/** slf4j-api version the test server depends on (for the matching no-op binding). */
const SLF4J_VERSION = '1.7.36';
/**
 * Our own main class (infra/temporal-test-server/src): Temporal's test server plus `--start-at=<instant>`, so the
 * time-skipping tests start at a fixed instant whatever the wall clock says. Compiled here with javac.
 */
const MAIN_CLASS = 'nl.zorgroute.tools.ZorgrouteTestServer';
const MAIN_SOURCE = fromRoot('infra', 'temporal-test-server', 'src', 'nl', 'zorgroute', 'tools', 'ZorgrouteTestServer.java');
/** JVM flags that shorten start-up (C1 only, the simplest GC, no perf-data file). */
const FAST_START_FLAGS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-XX:-UsePerfData'];

export const testServerPaths = {
  pom: fromRoot('infra', 'temporal-test-server', 'pom.xml'),
  dir: path.join(toolsDir, 'temporal-test-server'),
  lib: path.join(toolsDir, 'temporal-test-server', 'lib'),
  libStamp: path.join(toolsDir, 'temporal-test-server', 'lib', '.zorgroute-version'),
  archive: path.join(toolsDir, 'temporal-test-server', 'test-server.jsa'),
  archiveStamp: path.join(toolsDir, 'temporal-test-server', 'test-server.jsa.stamp'),
  wrapper: path.join(toolsDir, 'temporal-test-server', 'test-server'),
  classes: path.join(toolsDir, 'temporal-test-server', 'classes'),
  /** Our launcher as a jar: class-data sharing accepts jars only on the class path. */
  launcherJar: path.join(toolsDir, 'temporal-test-server', 'zorgroute-test-server.jar'),
  launcherStamp: path.join(toolsDir, 'temporal-test-server', 'zorgroute-test-server.jar.stamp'),
};

/** The Maven project whose only job is to fetch the test server and its dependencies. */
function pomXml() {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!--
  Fetches Temporal's time-skipping test server and its dependencies from Maven Central.
  Used by infra/scripts/lib/test-server.mjs (npm run bootstrap / npm test), which writes this file:
  change TEST_SERVER_VERSION there, not here.
-->
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>nl.zorgroute.tools</groupId>
  <artifactId>temporal-test-server</artifactId>
  <version>0.0.0</version>
  <packaging>pom</packaging>

  <dependencies>
    <dependency>
      <groupId>io.temporal</groupId>
      <artifactId>temporal-test-server</artifactId>
      <version>${TEST_SERVER_VERSION}</version>
    </dependency>
    <!-- A no-op SLF4J binding (same version as the test server's slf4j-api) keeps SLF4J's
         "no binding found" warning out of every test run's output. -->
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-nop</artifactId>
      <version>${SLF4J_VERSION}</version>
      <scope>runtime</scope>
    </dependency>
  </dependencies>

  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>3.8.1</version>
      </plugin>
    </plugins>
  </build>
</project>
`;
}

/** Write `file` only when its content differs (keeps mtimes stable); returns whether it changed. */
function writeIfChanged(file, content, mode) {
  let current = null;
  try {
    current = fs.readFileSync(file, 'utf8');
  } catch {
    // missing
  }
  if (current === content) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content, mode ? { mode } : undefined);
  if (mode) fs.chmodSync(file, mode);
  return true;
}

/** Absolute, symlink-free path of the `java` to use ($JAVA_HOME/bin/java, else PATH). */
function resolveJava() {
  const fromHome = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : null;
  const java =
    (fromHome && fs.existsSync(fromHome) ? fromHome : null) ??
    requireCommand(
      'java',
      'to run the Temporal time-skipping test server',
      'Install a Java 17+ runtime (Debian: apt-get install openjdk-17-jdk-headless) or set JAVA_HOME.',
    );
  return fs.realpathSync(java);
}

function classpathOf(libDir) {
  const jars = fs
    .readdirSync(libDir)
    .filter((f) => f.endsWith('.jar'))
    .sort();
  if (!jars.some((j) => j.startsWith('temporal-test-server-'))) {
    throw new ZorgrouteError(`${displayPath(libDir)} does not contain temporal-test-server-${TEST_SERVER_VERSION}.jar.`, {
      hint: `Delete ${displayPath(libDir)} and run \`npm run bootstrap\` again.`,
    });
  }
  return jars.map((j) => path.join(libDir, j)).join(':');
}

function shellQuote(s) {
  return `'${s.replace(/'/g, "'\\''")}'`;
}

function wrapperScript(java, classpath, archive) {
  return `#!/usr/bin/env bash
# Temporal time-skipping test server (io.temporal:temporal-test-server:${TEST_SERVER_VERSION}).
# Generated by infra/scripts/lib/test-server.mjs (npm run bootstrap / npm test rewrite it); do not edit.
# Usage: test-server <port> [--enable-time-skipping] [--start-at=<ISO-8601 instant>]
# The TypeScript SDK (TestWorkflowEnvironment.createTimeSkipping with an 'existing-path' executable)
# calls it as \`test-server <port> [extraArgs]\`; all arguments are passed through unchanged.
# \`exec\` keeps one process, so the SDK's kill reaches the JVM itself.
cds=()
if [ -f ${shellQuote(archive)} ]; then
  # AppCDS archive of the classes loaded at start-up (created by ensureTestServer()).
  cds=(-XX:SharedArchiveFile=${shellQuote(archive)} -Xshare:auto)
fi
exec ${shellQuote(java)} "\${cds[@]}" ${FAST_START_FLAGS.join(' ')} \\
  -cp ${shellQuote(classpath)} \\
  ${MAIN_CLASS} "$@"
`;
}

/**
 * One gRPC round trip (WorkflowService/GetSystemInfo) over HTTP/2, so the archive run also loads the
 * classes that serve the first request. Resolves whatever the answer; never rejects.
 */
function grpcPing(port, timeoutMs = 10_000) {
  return new Promise((resolve) => {
    const client = http2.connect(`http://127.0.0.1:${port}`);
    const done = (result) => {
      clearTimeout(timer);
      client.close();
      client.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => done('timeout'), timeoutMs);
    client.on('error', (e) => done(`error: ${e.message}`));
    const req = client.request({
      ':method': 'POST',
      ':path': '/temporal.api.workflowservice.v1.WorkflowService/GetSystemInfo',
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    let status = null;
    req.on('response', (headers) => {
      status = headers['grpc-status'] ?? status;
    });
    req.on('trailers', (trailers) => {
      status = trailers['grpc-status'] ?? status;
    });
    req.on('data', () => {});
    req.on('end', () => done(`grpc-status ${status}`));
    req.on('error', (e) => done(`error: ${e.message}`));
    req.end(Buffer.from([0, 0, 0, 0, 0])); // uncompressed, zero-length GetSystemInfoRequest
  });
}

/** Fetch the jars with Maven into .tools/temporal-test-server/lib (once per version). */
async function ensureJars() {
  const { pom, lib, libStamp } = testServerPaths;
  const pomContent = pomXml();
  if (writeIfChanged(pom, pomContent)) log(`Temporal test server: wrote ${displayPath(pom)}`);
  // The lib folder is valid for exactly this pom (version and dependencies).
  const wanted = `${TEST_SERVER_VERSION} ${createHash('sha256').update(pomContent).digest('hex').slice(0, 16)}`;
  let stamp = null;
  try {
    stamp = fs.readFileSync(libStamp, 'utf8').trim();
  } catch {
    // not fetched yet
  }
  if (stamp === wanted) return false;
  const mvnHint = 'Install Maven (Debian: apt-get install maven); Maven Central must be reachable (or a mirror in ~/.m2/settings.xml).';
  requireCommand('mvn', `to fetch io.temporal:temporal-test-server:${TEST_SERVER_VERSION} from Maven Central`, mvnHint);
  fs.rmSync(lib, { recursive: true, force: true });
  log(`Temporal test server: fetching io.temporal:temporal-test-server:${TEST_SERVER_VERSION} and its dependencies with Maven…`);
  const started = Date.now();
  await run(
    'mvn',
    ['-q', '-B', '-Dstyle.color=never', '-f', pom, 'dependency:copy-dependencies', `-DoutputDirectory=${lib}`, '-DincludeScope=runtime'],
    { prefix: '[mvn]', what: `fetch io.temporal:temporal-test-server:${TEST_SERVER_VERSION} with Maven`, hint: mvnHint },
  );
  classpathOf(lib); // throws if the main jar is missing
  fs.writeFileSync(libStamp, `${wanted}\n`);
  log(`Temporal test server: ${fs.readdirSync(lib).filter((f) => f.endsWith('.jar')).length} jars in ${displayPath(lib)} (${formatDuration(Date.now() - started)})`);
  return true;
}

/**
 * Compile our main class (one file) against the test server's jars and package it as
 * .tools/temporal-test-server/zorgroute-test-server.jar, when its source or the jars changed. Returns whether it did.
 */
async function ensureMainClass(java, jarClasspath) {
  const { classes, launcherJar, launcherStamp } = testServerPaths;
  const source = fs.readFileSync(MAIN_SOURCE, 'utf8');
  const wanted = createHash('sha256').update(source).update(jarClasspath).digest('hex');
  let stamp = null;
  try {
    stamp = fs.existsSync(launcherJar) ? fs.readFileSync(launcherStamp, 'utf8').trim() : null;
  } catch {
    // not compiled yet
  }
  if (stamp === wanted) return false;
  const besideJava = path.join(path.dirname(java), 'javac');
  const javac = fs.existsSync(besideJava)
    ? besideJava
    : requireCommand('javac', 'to compile the time-skipping test server launcher', 'Install a Java 17+ JDK (Debian: apt-get install openjdk-17-jdk-headless) or set JAVA_HOME.');
  fs.rmSync(classes, { recursive: true, force: true });
  fs.mkdirSync(classes, { recursive: true });
  await run(javac, ['-nowarn', '-d', classes, '-cp', jarClasspath, MAIN_SOURCE], {
    quiet: true,
    what: `compile ${displayPath(MAIN_SOURCE)}`,
  });
  const jarTool = path.join(path.dirname(javac), 'jar');
  await run(fs.existsSync(jarTool) ? jarTool : 'jar', ['cf', launcherJar, '-C', classes, '.'], { quiet: true, what: `package ${displayPath(launcherJar)}` });
  fs.rmSync(classes, { recursive: true, force: true });
  fs.writeFileSync(launcherStamp, `${wanted}\n`);
  log(`Temporal test server: compiled the launcher ${displayPath(launcherJar)}`);
  return true;
}

/**
 * Create the AppCDS archive: run the server once with -XX:ArchiveClassesAtExit, serve one request,
 * stop it with SIGTERM (a normal JVM exit, which writes the archive).
 */
async function createArchive(java, classpath) {
  const { archive } = testServerPaths;
  const tmp = `${archive}.tmp`;
  fs.rmSync(tmp, { force: true });
  const port = await freePort(0);
  log('Temporal test server: creating a class-data sharing archive for fast start-up (once, ~10 s)…');
  const proc = startProcess(
    'test-server',
    java,
    [`-XX:ArchiveClassesAtExit=${tmp}`, ...FAST_START_FLAGS, '-cp', classpath, MAIN_CLASS, String(port)],
    { silent: true },
  );
  try {
    await waitForPort('127.0.0.1', port, 60_000, { what: 'Temporal test server (archive run)', process: proc });
    await grpcPing(port);
    await sleep(500);
  } finally {
    await proc.stop(60_000);
  }
  if (!fs.existsSync(tmp) || fs.statSync(tmp).size === 0) {
    throw new ZorgrouteError('The JVM did not write the class-data sharing archive for the Temporal test server.', {
      details: proc.recentOutput(),
    });
  }
  fs.renameSync(tmp, archive);
}

/**
 * Start the wrapper on a free port and measure the time until the port accepts connections.
 * @param {string} wrapper
 * @returns {Promise<{ portOpenMs: number, firstCallMs: number }>}
 */
export async function measureTestServerStartup(wrapper = testServerPaths.wrapper) {
  const port = await freePort(0);
  const started = Date.now();
  const proc = startProcess('test-server', wrapper, [String(port)], { silent: true });
  try {
    const portOpenMs = await waitForPort('127.0.0.1', port, 30_000, { what: 'Temporal test server', process: proc, intervalMs: 20 });
    const answer = await grpcPing(port);
    const firstCallMs = Date.now() - started;
    if (!answer.startsWith('grpc-status')) {
      throw new ZorgrouteError(`Temporal test server opened port ${port} but did not answer a gRPC call (${answer}).`, {
        details: proc.recentOutput(),
      });
    }
    return { portOpenMs, firstCallMs };
  } finally {
    await proc.stop(10_000);
  }
}

/**
 * Make sure the time-skipping test server is available: jars fetched with Maven, an AppCDS archive,
 * and the executable wrapper `.tools/temporal-test-server/test-server`. Quick when all exist.
 * @param {{ measure?: boolean }} [opts] measure: time a start-up even when nothing changed
 * @returns {Promise<string>} path of the wrapper (for TEMPORAL_TEST_SERVER_PATH)
 */
export async function ensureTestServer(opts = {}) {
  const { wrapper, lib, archive, archiveStamp } = testServerPaths;
  const fetched = await ensureJars();
  const java = resolveJava();
  const jarClasspath = classpathOf(lib);
  const compiled = await ensureMainClass(java, jarClasspath);
  const classpath = `${testServerPaths.launcherJar}:${jarClasspath}`;

  // The archive is only valid for this exact JVM and class path; recreate it when either changes.
  const javaVersion = await capture(java, ['-version']);
  const stamp = JSON.stringify({ java, version: javaVersion.stderr.trim(), classpath, flags: FAST_START_FLAGS, main: MAIN_CLASS });
  let haveStamp = null;
  try {
    haveStamp = fs.readFileSync(archiveStamp, 'utf8');
  } catch {
    // no archive yet
  }
  let created = false;
  if (fetched || compiled || haveStamp !== stamp || !fs.existsSync(archive)) {
    fs.rmSync(archive, { force: true });
    fs.rmSync(archiveStamp, { force: true });
    try {
      await createArchive(java, classpath);
      fs.writeFileSync(archiveStamp, stamp);
      created = true;
    } catch (error) {
      // Not fatal: the wrapper runs without the archive, only slower to start.
      warn(`Temporal test server: could not create the class-data sharing archive (${error.message}); start-up will be slower.`);
      if (error.details) process.stdout.write(`${error.details}\n`);
    }
  }
  const wrapperChanged = writeIfChanged(wrapper, wrapperScript(java, classpath, archive), 0o755);

  if (created || wrapperChanged || fetched || compiled || opts.measure) {
    const { portOpenMs, firstCallMs } = await measureTestServerStartup(wrapper);
    log(
      `Temporal test server: ${displayPath(wrapper)} starts in ${formatDuration(portOpenMs)} (port open), ` +
        `${formatDuration(firstCallMs)} to the first gRPC answer${fs.existsSync(archive) ? ' (with AppCDS archive)' : ''}`,
    );
    if (portOpenMs > 4000) {
      warn('Temporal test server start-up is close to the 5 s the TypeScript SDK waits; time-skipping tests may fail to start it.');
    }
  } else {
    log(`Temporal test server: ${displayPath(wrapper)} (${TEST_SERVER_VERSION}, AppCDS ${fs.existsSync(archive) ? 'on' : 'off'})`);
  }
  if (!which(wrapper)) throw new ZorgrouteError(`${wrapper} is not executable.`);
  return wrapper;
}
