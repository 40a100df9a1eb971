// Node.js version check and an install pinned by package-lock.json when node_modules is missing or older than it.
import fs from 'node:fs';
import path from 'node:path';
import { log, ZorgrouteError } from './log.mjs';
import { repoRoot } from './paths.mjs';
import { run } from './process.mjs';

export const MIN_NODE_VERSION = '20.19.0';

/** Throw a clear error when this Node.js is older than the version package.json requires. */
export function checkNodeVersion() {
  const have = process.versions.node.split('.').map(Number);
  const need = MIN_NODE_VERSION.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) {
    if (have[i] > need[i]) return;
    if (have[i] < need[i]) {
      throw new ZorgrouteError(`Node.js ${process.versions.node} is too old; Zorgroute needs Node.js >= ${MIN_NODE_VERSION}.`, {
        hint: 'Install a newer Node.js 20 LTS (or 22) and run the command again.',
      });
    }
  }
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/**
 * Install the packages pinned by package-lock.json when node_modules/.package-lock.json is missing or
 * older than package-lock.json. Quick no-op otherwise.
 *
 * This runs `npm install` (which follows the lockfile), not `npm ci`: npm 10/11 write lockfiles
 * without the other platforms' optional binaries (@swc/core-darwin-*, …) and `npm ci` then refuses
 * the lockfile as "out of sync" (npm/cli#4828, #8320; fixed upstream only in later npm releases).
 * @returns {Promise<boolean>} whether the install ran
 */
export async function ensureNodeModules() {
  checkNodeVersion();
  const lockFile = path.join(repoRoot, 'package-lock.json');
  const installedLock = path.join(repoRoot, 'node_modules', '.package-lock.json');
  const lockTime = mtime(lockFile);
  if (lockTime === null) {
    throw new ZorgrouteError('package-lock.json is missing in the repository root; the install needs it.');
  }
  const installedTime = mtime(installedLock);
  if (installedTime !== null && installedTime >= lockTime) {
    log('node_modules: up to date');
    return false;
  }
  log(
    installedTime === null
      ? 'node_modules: not installed yet; running npm install from package-lock.json (first time takes a few minutes)…'
      : 'node_modules: older than package-lock.json; running npm install…',
  );
  await run('npm', ['install', '--no-audit', '--no-fund'], {
    what: 'install the npm packages',
    hint: 'Check that the npm registry is reachable and that package-lock.json matches package.json.',
  });
  // npm install rewrites node_modules/.package-lock.json; make sure it now counts as newer even when
  // package-lock.json has a timestamp in the future (clock skew, archives), so the next run is quick.
  const after = mtime(installedLock);
  if (after !== null && after < lockTime) {
    const now = new Date();
    fs.utimesSync(installedLock, now, new Date(Math.max(now.getTime(), lockTime + 1)));
  }
  return true;
}
