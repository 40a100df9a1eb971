#!/usr/bin/env node
// A fresh install without demo data, end to end (issue 13 "Done when"): the first platform admin with the documented
// command → the SWV, the school and its school admin → the school admin's accounts and a data import (preview, apply)
// → a login of an imported mentor who sees exactly his pupils → a trajectory for an imported pupil, whose parent gets
// the e-mail. Every name is made per run (invented), so it also runs on a database that has other data.
//
// Used by `npm run production-check` (infra/production-check/run.mjs, with its signed session tokens) and, as a
// command, against any running api and worker — the test stack in apps/admin/e2e/production-check.int-spec.ts:
//
//   node infra/production-check/fresh-install.mjs --api=http://127.0.0.1:3000 --mail-web=http://127.0.0.1:1080 \
//     [--worker-app-metrics=http://127.0.0.1:9465/metrics] [--worker-sdk-metrics=http://127.0.0.1:9464/metrics] [--metrics-only]
//
// The command logs in with the development login (devLogin: a test or demo stack) and needs DATABASE_URL for the
// create-platform-admin command; METRICS_TOKEN when the metrics endpoints ask for one. It prints one PASS/FAIL line per
// check and exits 1 when one fails. See docs/operations.md "How the production path is verified".
/* global fetch, AbortSignal -- Node.js 20 globals */
import { Buffer } from 'node:buffer';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { graphqlClient, mailsTo } from './http-client.mjs';
import { checkMetrics } from './metrics-check.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The reason of the journey's trajectory and its pupil's name: the production check looks for them in the history. */
export const FRESH_INSTALL_REASON = 'Controle van een nieuwe installatie';
export const FRESH_INSTALL_PUPIL = 'Lotte Controle';

async function eventually(fn, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  let lastError = null;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${lastError ? ` (last error: ${lastError.message})` : ''}`);
    await sleep(500);
  }
}

/** The people and the school of one run: invented names, unique per run (BRIN, codes and addresses). */
export function freshInstallNames(stamp = Date.now()) {
  const s = stamp.toString(36);
  const n = Math.floor(stamp / 1000);
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  return {
    stamp: s,
    platformAdmin: { email: `platformbeheer.${s}@zorgroute-check.example`, name: 'Petra Platformbeheer' },
    swv: { name: `SWV Controleregio ${s}`, code: `VO ${String(10 + (n % 89)).padStart(2, '0')}.${String(n % 97).padStart(2, '0')}` },
    school: { name: `Controlecollege ${s}`, brin: `${String(10 + (n % 90))}${letters[n % 24]}${letters[Math.floor(n / 24) % 24]}`, vestiging: String(n % 100).padStart(2, '0'), region: 'midden' },
    schoolAdmin: { email: `schoolbeheer.${s}@controlecollege.example`, name: 'Bart Beheerder' },
    zc: { email: `zc.${s}@controlecollege.example`, name: 'Zoë Zorgcoördinator' },
    mentor: { email: `mentor.${s}@controlecollege.example`, name: 'Mila Mentor' },
    parent: { email: `ouder.${s}@voorbeeldmail.example`, name: 'Anke Controle' },
  };
}

/** A Somtoday-style export (semicolon-separated, Dutch headers; docs/samples/import) of two invented pupils. */
export function somtodayExport(names) {
  const header = 'Leerlingnummer;Roepnaam;Voorvoegsel;Achternaam;Geboortedatum;Klas;Mentor;Mentor e-mail;Ouder/verzorger 1 naam;Ouder/verzorger 1 e-mail;Ouder/verzorger 1 gezag;Ouder/verzorger 2 naam;Ouder/verzorger 2 e-mail;Ouder/verzorger 2 gezag';
  const year = new Date().getUTCFullYear() - 13;
  return [
    header,
    `c${names.stamp}1;Lotte;;Controle;12-03-${year};1A;M. Mentor;${names.mentor.email};${names.parent.name};${names.parent.email};ja;;;`,
    `c${names.stamp}2;Ruben;van;Proef;30-06-${year};1A;M. Mentor;${names.mentor.email};Gert van Proef;gert.${names.stamp}@voorbeeldmail.example;ja;;;`,
    '',
  ].join('\n');
}

/**
 * Runs the fresh-install journey against a running api. `check(name, fn)` runs and records one named step (the
 * production check's table, or the command's PASS/FAIL lines); `login(email)` answers a session token for an account;
 * `createPlatformAdmin(email, name)` runs the documented command. Resolves to what later steps use.
 */
export async function freshInstallJourney({ apiUrl, mailWebUrl, check, login, createPlatformAdmin, names = freshInstallNames() }) {
  const gql = graphqlClient(`${apiUrl.replace(/\/$/, '')}/graphql`);
  const as = async (email) => {
    gql.token = await login(email);
  };
  const ids = {};

  await check('fresh install: first platform admin (create-platform-admin)', async () => {
    const output = await createPlatformAdmin(names.platformAdmin.email, names.platformAdmin.name);
    await as(names.platformAdmin.email);
    const { me } = await gql.ok('{ me { role } }');
    if (me.role !== 'PLATFORM_ADMIN') throw new Error(`the new account has role ${me.role}`);
    return `${output.trim().split('\n').pop()}; logged in as ${me.role}`;
  });

  await check('fresh install: the platform admin creates the SWV, the school and its school admin', async () => {
    ids.swv = (await gql.ok('mutation($i: SwvInput!) { createSwv(input: $i) { id } }', { i: names.swv })).createSwv.id;
    ids.school = (await gql.ok('mutation($i: SchoolInput!) { createSchool(input: $i) { id } }', { i: { swvId: ids.swv, ...names.school } })).createSchool.id;
    await gql.ok('mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }', { i: { ...names.schoolAdmin, role: 'SCHOOL_ADMIN', schoolId: ids.school } });
    return `SWV ${names.swv.code}, school BRIN ${names.school.brin} vestiging ${names.school.vestiging}, school admin`;
  });

  await check('fresh install: the school admin adds staff, previews a Somtoday export and applies it', async () => {
    await as(names.schoolAdmin.email);
    for (const [person, role] of [[names.zc, 'ZORGCOORDINATOR'], [names.mentor, 'MENTOR']]) {
      await gql.ok('mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }', { i: { ...person, role, schoolId: ids.school } });
    }
    const response = await fetch(`${apiUrl.replace(/\/$/, '')}/imports/schools/${encodeURIComponent(ids.school)}/preview`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'x-file-name': 'somtoday-controle.csv', authorization: `Bearer ${gql.token}`, connection: 'close' },
      body: Buffer.from(somtodayExport(names), 'utf8'),
      signal: AbortSignal.timeout(60_000),
    });
    const body = await response.json();
    if (!response.ok || typeof body.id !== 'string') throw new Error(`the upload answered ${response.status}: ${JSON.stringify(body)}`);
    const fields = 'status pupilsAdded pupilsChanged pupilsLeaving rejected';
    const { schoolImport: preview } = await gql.ok(`query($id: ID!) { schoolImport(id: $id) { ${fields} } }`, { id: body.id });
    if (preview.status !== 'PREVIEW' || preview.pupilsAdded !== 2 || preview.rejected !== 0) throw new Error(`unexpected preview ${JSON.stringify(preview)}`);
    const { applySchoolImport: applied } = await gql.ok(`mutation($id: ID!) { applySchoolImport(id: $id) { ${fields} } }`, { id: body.id });
    if (applied.status !== 'APPLIED') throw new Error(`unexpected result ${JSON.stringify(applied)}`);
    return `preview: ${preview.pupilsAdded} new pupils, ${preview.rejected} rejected; applied`;
  });

  await check('fresh install: an imported mentor logs in and sees exactly his pupils', async () => {
    await as(names.mentor.email);
    const { pupils } = await gql.ok('{ pupils { id displayName } }');
    const seen = pupils.map((p) => p.displayName).sort();
    if (JSON.stringify(seen) !== JSON.stringify(['Lotte Controle', 'Ruben van Proef'])) throw new Error(`the mentor sees ${JSON.stringify(seen)}`);
    ids.pupil = pupils.find((p) => p.displayName === FRESH_INSTALL_PUPIL).id;
    return `${seen.join(', ')}`;
  });

  await check('fresh install: the zorgcoördinator starts a trajectory for an imported pupil; the parent gets the e-mail', async () => {
    await as(names.zc.email);
    const { startTrajectory } = await gql.ok('mutation($i: StartTrajectoryInput!) { startTrajectory(input: $i) { id status } }', {
      i: { pupilId: ids.pupil, reason: FRESH_INSTALL_REASON, requestKey: `fresh-install-${names.stamp}` },
    });
    ids.case = startTrajectory.id;
    const mail = await eventually(async () => (await mailsTo(mailWebUrl, names.parent.email)).find((m) => m.text?.includes(`/cases/${encodeURIComponent(ids.case)}`)), 90_000, "the parent's e-mail");
    return `${startTrajectory.status}; "${mail.subject}" → the imported parent`;
  });

  return { ids, names, gql };
}

function argValue(args, name) {
  const found = args.find((a) => a.startsWith(`--${name}=`));
  return found ? found.slice(name.length + 3) : undefined;
}

/** The command (see the top of this file). */
async function main(args) {
  const apiUrl = argValue(args, 'api');
  const mailWebUrl = argValue(args, 'mail-web');
  if (!apiUrl || (!mailWebUrl && !args.includes('--metrics-only'))) {
    process.stderr.write('usage: node infra/production-check/fresh-install.mjs --api=URL --mail-web=URL [--worker-app-metrics=URL] [--worker-sdk-metrics=URL] [--metrics-only]\n');
    return 2;
  }
  let failed = 0;
  const check = async (name, fn) => {
    try {
      const detail = await fn();
      process.stdout.write(`PASS  ${name}${detail ? ` — ${detail}` : ''}\n`);
    } catch (error) {
      failed += 1;
      process.stdout.write(`FAIL  ${name} — ${error instanceof Error ? error.message : String(error)}\n`);
      throw error;
    }
  };
  const login = async (email) => (await graphqlClient(`${apiUrl.replace(/\/$/, '')}/graphql`).ok('mutation($e: String!) { devLogin(email: $e) { token } }', { e: email })).devLogin.token;
  const createPlatformAdmin = async (email, name) => (await promisify(execFile)(process.execPath, [path.join(REPO_ROOT, 'apps/api/dist/create-platform-admin.js'), email, name], { cwd: REPO_ROOT })).stdout;
  try {
    if (!args.includes('--metrics-only')) await freshInstallJourney({ apiUrl, mailWebUrl, check, login, createPlatformAdmin });
    await check('metrics: api and worker expose the metrics the dashboard and alerts use', async () => {
      const lines = await checkMetrics(
        { api: `${apiUrl.replace(/\/$/, '')}/metrics`, workerApp: argValue(args, 'worker-app-metrics'), workerSdk: argValue(args, 'worker-sdk-metrics') },
        { token: process.env.METRICS_TOKEN || undefined },
      );
      return lines.join('; ');
    });
  } catch {
    // reported by check
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
