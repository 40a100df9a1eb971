#!/usr/bin/env node
// `npm run test:clocks`: the time-skipping workflow suites started at the instants where a test that takes "today" or
// a time of day from the wrong clock fails (libs/workflows/test/test-clock.ts): 23:50 Amsterdam, 00:30 after midnight,
// and the evenings before both daylight-saving changes. `npm test` runs them at the fixed default start; this script
// moves the test servers' clocks (never the assertions). Extra arguments narrow the Jest paths (default libs/workflows).
import { spawnSync } from 'node:child_process';

const CLOCKS = ['2027-01-12T23:50', '2027-01-13T00:30', '2027-03-27T23:50', '2027-10-30T23:50'];
const paths = process.argv.slice(2);
const failed = [];
for (const clock of CLOCKS) {
  console.log(`\n=== ZR_TEST_CLOCK=${clock}`);
  const run = spawnSync('npm', ['test', '--', ...(paths.length ? paths : ['libs/workflows'])], {
    stdio: 'inherit',
    env: { ...process.env, ZR_TEST_CLOCK: clock },
  });
  if (run.status !== 0) failed.push(clock);
}
console.log(failed.length ? `\nfailed at: ${failed.join(', ')}` : `\nall ${CLOCKS.length} clocks passed`);
process.exit(failed.length ? 1 : 0);
