// Well-known locations inside the repository. Everything the scripts create lives in two
// git-ignored folders: `.tools/` (built or downloaded tools) and `.data/` (local service data).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZorgrouteError } from './log.mjs';

/** Absolute path of the repository root (this file is infra/scripts/lib/paths.mjs). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Git-ignored folder for tools the scripts build or fetch (Temporal CLI, Java test server). */
export const toolsDir = path.join(repoRoot, '.tools');

/** Executables built by the scripts (for example `.tools/bin/temporal`). */
export const toolsBinDir = path.join(toolsDir, 'bin');

/** Git-ignored folder for local service data (PostgreSQL clusters, Temporal SQLite, mail, secrets). */
export const dataDir = path.join(repoRoot, '.data');

/** Resolve a path relative to the repository root. */
export function fromRoot(...segments) {
  return path.join(repoRoot, ...segments);
}

/** Show a path relative to the repository root when it is inside it (for log lines). */
export function displayPath(p) {
  const rel = path.relative(repoRoot, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

/** Path of an executable installed by npm in node_modules/.bin. */
export function localBin(name) {
  return path.join(repoRoot, 'node_modules', '.bin', name);
}

/**
 * Throw one clear error listing every file of `files` (repository-relative) that does not exist.
 * @param {string[]} files
 * @param {string} purpose e.g. 'to start the apps'
 * @param {string} [hint]
 */
export function requireFiles(files, purpose, hint) {
  const missing = files.filter((f) => !fs.existsSync(path.resolve(repoRoot, f)));
  if (missing.length === 0) return;
  throw new ZorgrouteError(`Missing file${missing.length > 1 ? 's' : ''} needed ${purpose}:\n${missing.map((f) => `    ${f}`).join('\n')}`, {
    hint,
  });
}
