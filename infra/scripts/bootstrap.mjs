#!/usr/bin/env node
// `npm run bootstrap`: install or build everything the project needs once (npm packages, the Temporal
// CLI, the Java time-skipping test server, the S3 test server, a local PostgreSQL cluster) and print what is available.
// Safe to run again: each step is quick when already done. `npm start` and `npm test` do the same
// steps themselves, so running this first is optional.
import fs from 'node:fs';
import {
  box,
  DEFAULT_CHROMIUM_PATH,
  displayPath,
  ensureNodeModules,
  ensurePostgres,
  ensureS3TestServer,
  ensureTemporalCli,
  ensureTestServer,
  formatDuration,
  log,
  runMain,
  TEMPORAL_CLI_VERSION,
  TEST_SERVER_VERSION,
} from './lib/index.mjs';

runMain(async () => {
  const started = Date.now();
  log('bootstrap: checking tools and services (quick when everything is already in place)…');
  await ensureNodeModules();
  const temporalCli = await ensureTemporalCli();
  const testServer = await ensureTestServer({ measure: true });
  const s3TestServer = await ensureS3TestServer();
  const postgres = await ensurePostgres();
  await postgres.stop();

  const chromium = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
  box([
    `Zorgroute bootstrap done in ${formatDuration(Date.now() - started)}`,
    '',
    `node_modules              installed (Node.js ${process.versions.node})`,
    `Temporal CLI              ${displayPath(temporalCli)} (pinned ${TEMPORAL_CLI_VERSION})`,
    `Time-skipping test server ${displayPath(testServer)} (${TEST_SERVER_VERSION})`,
    `S3 test server            ${displayPath(s3TestServer)} (gofakes3 v1.2.0)`,
    postgres.external
      ? `PostgreSQL                DATABASE_URL from the environment`
      : `PostgreSQL                ${displayPath(postgres.dataDir)} (${postgres.url})`,
    `Chromium (browser tests)  ${fs.existsSync(chromium) ? chromium : 'missing; `npm test` installs Debian package chromium'}`,
    '',
    'Next: `npm start` (run everything) or `npm test` (all checks and tests).',
  ]);
});
