// Debian's Chromium for the browser tests (playwright-core drives it; `npx playwright install`
// would download a browser, which is not possible on these machines).
import fs from 'node:fs';
import { log, ZorgrouteError } from './log.mjs';
import { run, which } from './process.mjs';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Make sure Chromium is installed; installs Debian's `chromium` package with apt-get when it is
 * missing (as root, or with password-less sudo). CHROMIUM_PATH in the environment wins.
 * @returns {Promise<string>} the browser executable
 */
export async function ensureChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (fs.existsSync(fromEnv)) return fromEnv;
    throw new ZorgrouteError(`CHROMIUM_PATH is set to ${fromEnv}, but that file does not exist.`);
  }
  if (fs.existsSync(DEFAULT_CHROMIUM_PATH)) return DEFAULT_CHROMIUM_PATH;
  log('Chromium: /usr/bin/chromium is missing; installing Debian package `chromium` (first time only, about a minute)…');
  await installChromium();
  return DEFAULT_CHROMIUM_PATH;
}

/** `apt-get update` and `apt-get install -y chromium` (as root, or through `sudo -n`). */
export async function installChromium() {
  const hint = 'Install it yourself with `apt-get install chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium/Chrome binary.';
  if (!which('apt-get')) {
    throw new ZorgrouteError(`Chromium (${DEFAULT_CHROMIUM_PATH}) is missing and apt-get is not available to install it.`, { hint });
  }
  let prefix = [];
  if (process.getuid?.() !== 0) {
    if (!which('sudo')) {
      throw new ZorgrouteError(`Chromium (${DEFAULT_CHROMIUM_PATH}) is missing; installing it needs root, and sudo is not available.`, { hint });
    }
    prefix = ['sudo', '-n'];
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const exec = (args, what) =>
    run(prefix[0] ?? args[0], prefix.length ? [...prefix.slice(1), ...args] : args.slice(1), { env, prefix: '[apt]', what, hint });
  await exec(['apt-get', 'update'], 'update the apt package lists');
  await exec(['apt-get', 'install', '-y', 'chromium'], 'install the Debian package chromium');
  if (!fs.existsSync(DEFAULT_CHROMIUM_PATH)) {
    throw new ZorgrouteError(`apt-get installed chromium, but ${DEFAULT_CHROMIUM_PATH} still does not exist.`, { hint });
  }
}
