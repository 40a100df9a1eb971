// Node.js version check and `npm ci` when node_modules is missing or older than package-lock.json.
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
 * Run `npm ci --no-audit --no-fund` when node_modules/.package-lock.json is missing or older than
 * package-lock.json. Quick no-op otherwise.
 * @returns {Promise<boolean>} whether npm ci ran
 */
export async function ensureNodeModules() {
  checkNodeVersion();
  const lockFile = path.join(repoRoot, 'package-lock.json');
  const installedLock = path.join(repoRoot, 'node_modules', '.package-lock.json');
  const lockTime = mtime(lockFile);
  if (lockTime === null) {
    throw new ZorgrouteError('package-lock.json is missing in the repository root; `npm ci` needs it.');
  }
  const installedTime = mtime(installedLock);
  if (installedTime !== null && installedTime >= lockTime) {
    log('node_modules: up to date');
    return false;
  }
  log(
    installedTime === null
      ? 'node_modules: not installed yet; running npm ci (first time takes a few minutes)…'
      : 'node_modules: older than package-lock.json; running npm ci…',
  );
  await run('npm', ['ci', '--no-audit', '--no-fund'], {
    what: 'install the npm packages',
    hint: 'Check that the npm registry is reachable and that package-lock.json matches package.json.',
  });
  // npm ci rewrites node_modules/.package-lock.json; make sure it now counts as newer even when
  // package-lock.json has a timestamp in the future (clock skew, archives), so the next run is quick.
  const after = mtime(installedLock);
  if (after !== null && after < lockTime) {
    const now = new Date();
    fs.utimesSync(installedLock, now, new Date(Math.max(now.getTime(), lockTime + 1)));
  }
  return true;
}
