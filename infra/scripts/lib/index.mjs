// Reusable bootstrap functions for the scripts in infra/scripts (plain Node.js, no npm packages:
// they run before `npm install`).
export { repoRoot, toolsDir, toolsBinDir, dataDir, fromRoot, displayPath, localBin, requireFiles } from './paths.mjs';
export { log, warn, logError, color, box, ZorgrouteError, reportError, formatDuration } from './log.mjs';
export { run, capture, which, requireCommand, formatCommand, startProcess, ManagedProcess, Supervisor, runMain } from './process.mjs';
export { freePort, releasePort, isPortFree, canConnect, waitForPort, waitForHttp, sleep } from './net.mjs';
export { ensureNodeModules, checkNodeVersion, MIN_NODE_VERSION } from './node-modules.mjs';
export {
  ensureTemporalCli,
  startTemporalDevServer,
  searchAttributeArgs,
  SEARCH_ATTRIBUTES,
  TEMPORAL_CLI_VERSION,
  TEMPORAL_CLI_PACKAGE,
} from './temporal.mjs';
export { ensureTestServer, measureTestServerStartup, testServerPaths, TEST_SERVER_VERSION } from './test-server.mjs';
export { ensurePostgres, findPostgresBinDir, PG_APP_ROLE, PG_DEFAULT_PORT, PG_OS_USER, PG_OWNER_ROLE, PG_SUPERUSER } from './postgres.mjs';
export { startMailCatcher } from './mail.mjs';
export { ensureS3TestServer, startS3TestServer, S3_TEST_SERVER_SOURCE } from './s3-test-server.mjs';
export { ensureChromium, installChromium, DEFAULT_CHROMIUM_PATH } from './chromium.mjs';
export { holidayRunwayWarning, HOLIDAY_RUNWAY_FILES } from './holiday-runway.mjs';
