#!/usr/bin/env node
/* global performance, setInterval, clearInterval, fetch, AbortSignal */
// The scale benchmark: `npm run bench [-- --cases 5000 --timers 10000 --skip timers,board]`. Starts its own stack of
// real processes (bench/lib/stack.mjs, from the built output), prints a table and writes bench/results/<time>.json.
// - burst: N zorgplicht cases through GraphQL registerAanmelding (concurrency --concurrency), cases/s until all are
//   on the SWV board (zorgplichtClocks), CPU per case of each process and history events per case; then, in the same
//   run and on the same servers, N reference registrations (bench/workflows: start a workflow whose one activity
//   writes a case row and an audit row in one transaction and sends one e-mail to the same mail catcher; the client
//   waits for the workflow's end) with the same measurements, and the ratio of the two; bare starts/s for comparison;
// - timers: --timers workflows with one timer each, all due at the same moment; lateness p50/p99, worker RSS;
// - board: latency p50/p95 of the board's first page (zorgplichtClocks, limit 50, with totalCount and the counts per
//   school) at 10,000 and 100,000 open cases (rows beyond the burst are inserted in bulk with SQL as copies of a real
//   row); `--name <n>` gives the stack another PostgreSQL directory (.data/<n>-postgres) to run beside another bench;
// - lists: latency p50/p95 of the lists a user opens daily (dashboard `cases`, `stuckCases`, `workLists` with their
//   counts, `workListItems`) as a zorgcoördinator and as admin at --lists sizes of open cases (default 10,000 and
//   100,000; rows beyond the demo data are bulk copies of the open demo cases with a pupil each, bench/lib/lists.mjs);
// - import: a OneRoster bundle of --import-pupils pupils (default 2,000), half again as many guardians and 150 staff into
//   a new school: preview (upload), apply, and the same file again (preview: nothing changes); time of each and the
//   api's RSS before and at its peak (sampled every 50 ms);
// - history: events and bytes per case in the recorded histories of the time-skipping int-specs
//   (libs/workflows/test/histories), against Temporal's limits (51,200 events / 50 MB).
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { temporalDataConverterFromEnv } from '@zorgroute/temporal-codec';
import pg from 'pg';
import { fromRoot } from '../infra/scripts/lib/index.mjs';
import { cpuPerUnit, cpuReading, postmasterPid } from './lib/cpu.mjs';
import { eventually, Gql, percentile, sleep } from './lib/gql.mjs';
import { lists, listsTable } from './lib/lists.mjs';
import { oneRosterBundle } from './lib/oneroster-bundle.mjs';
import { Stack } from './lib/stack.mjs';

/** Today's date in Amsterdam (YYYY-MM-DD): the date the workflows and the api use, not the UTC date. */
const amsterdamToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());


function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const N = Number(arg('cases', 5000));
const TIMERS = Number(arg('timers', 10000));
const CONCURRENCY = Number(arg('concurrency', 32));
const BOARD_SIZES = String(arg('board', '10000,100000')).split(',').map(Number);
const LIST_SIZES = String(arg('lists', '10000,100000')).split(',').map(Number);
const IMPORT_PUPILS = Number(arg('import-pupils', 2000));
const SKIP = new Set(String(arg('skip', '')).split(',').filter(Boolean));
const HISTORY_LIMIT = { events: 51_200, bytes: 50 * 1024 * 1024 };
const CLOCK_COUNT = `query { zorgplichtClocks(limit: 1) { totalCount } }`;
/** The board's first page as the admin app asks it (page size 50): the clocks with their fields, the total, the counts per school. */
const BOARD_PAGE = `query { zorgplichtClocks(limit: 50, offset: 0) {
  today totalCount clocks { caseId pupil { id displayName className } school { id name } status statusLabel clockState receivedOn firstDueDate dueDate
    dueExplanation tenWeekDate tenWeekReached extensionUsed extensionWeeks overdue daysOverdue daysRemaining daysSinceReceipt ownerName }
  countsPerSchool { school { id name } open lastWeek overdue extended pastTenWeeks } } }`;
/** The stack's name: its PostgreSQL data directory is .data/<name>-postgres (another name for a run beside another). */
const STACK_NAME = String(arg('name', 'bench'));
const REGISTER = `mutation($i: RegisterAanmeldingInput!) { registerAanmelding(input: $i) { id } }`;

function machine() {
  const cpu = fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.+)/)?.[1] ?? os.cpus()[0]?.model;
  return { nproc: os.availableParallelism(), cpu, memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1), loadavg: os.loadavg().map((l) => +l.toFixed(2)), node: process.version };
}

async function pool(count, concurrency, fn) {
  let next = 0;
  const errors = [];
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        try {
          await fn(i);
        } catch (error) {
          errors.push(error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );
  return errors;
}

/** The processes of the stack whose CPU a registration costs (PostgreSQL: the postmaster and its backends). */
function stackRoots(stack, extra = {}) {
  return { api: stack.api.child.pid, worker: stack.worker.child.pid, temporal: stack.temporal.process.child.pid, postgres: postmasterPid(stack.pgDir), ...extra };
}

/** PostgreSQL's own counters of the database: committed transactions (a statement outside one counts as one) and reads of case_summary. */
async function pgCounters(stack) {
  const db = new pg.Client({ connectionString: stack.pg.ownerUrl });
  db.on('error', () => undefined);
  await db.connect();
  try {
    // Counters of other backends are flushed to the shared statistics at most about a second late.
    await sleep(1_500);
    const { rows: [x] } = await db.query(`select xact_commit::bigint as n from pg_stat_database where datname = current_database()`);
    const { rows: [r] } = await db.query(`select coalesce(sum(coalesce(seq_scan, 0) + coalesce(idx_scan, 0)), 0)::bigint as n from pg_stat_user_tables where relname = 'case_summary'`);
    return { transactions: Number(x.n), caseSummaryReads: Number(r.n) };
  } finally {
    await db.end();
  }
}

/** Mean number of history events of the given workflows (as they stand now). */
async function eventsPerWorkflow(temporal, ids) {
  let events = 0;
  for (const id of ids) events += (await temporal.workflow.getHandle(id).fetchHistory()).events?.length ?? 0;
  return ids.length ? +(events / ids.length).toFixed(1) : null;
}

/** A child process running bench/workflows on `queue` (with `env` added); resolves once it polls. */
async function benchWorker(stack, queue, env = {}, onMessage = () => undefined) {
  const child = fork(fromRoot('bench/workflows/worker.mjs'), [], { env: { ...process.env, TEMPORAL_ADDRESS: stack.temporal.address, TEMPORAL_PAYLOAD_KEYS: stack.env.TEMPORAL_PAYLOAD_KEYS, BENCH_TASK_QUEUE: queue, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.on('message', onMessage);
  await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`bench worker exited with ${code}`)));
  });
  return child;
}

/**
 * The same visible work as a registration, the cheapest correct way (issue 18's yardstick): a workflow start whose one
 * activity writes the case row and an audit row in one transaction and sends one e-mail through nodemailer to the
 * same mail catcher; the client waits until the workflow has done it. Same count and concurrency as the burst.
 */
async function referenceBurst(stack, temporal) {
  const db = new pg.Client({ connectionString: stack.pg.ownerUrl });
  db.on('error', () => undefined);
  await db.connect();
  await db.query(`CREATE TABLE IF NOT EXISTS bench_ref_case (id varchar(200) PRIMARY KEY, status varchar(50) NOT NULL, waiting_for varchar(100), data jsonb NOT NULL)`);
  await db.query(`CREATE TABLE IF NOT EXISTS bench_ref_audit (id bigserial PRIMARY KEY, case_id varchar(200) NOT NULL, type varchar(100) NOT NULL, at timestamptz NOT NULL)`);
  await db.end();
  const queue = `bench-reference-${Date.now()}`;
  const child = await benchWorker(stack, queue, { BENCH_DATABASE_URL: stack.pg.ownerUrl, BENCH_SMTP_URL: stack.mail.smtpUrl });
  try {
    const roots = () => ({ worker: child.pid, temporal: stack.temporal.process.child.pid, postgres: postmasterPid(stack.pgDir) });
    const cpu0 = cpuReading(roots());
    const t0 = Date.now();
    const errors = await pool(N, CONCURRENCY, (i) => temporal.workflow.execute('benchReference', { taskQueue: queue, workflowId: `${queue}-${i}`, args: [`${queue}-${i}`, i] }));
    const ms = Date.now() - t0;
    const cpu1 = cpuReading(roots());
    const ok = N - errors.length;
    const sample = Array.from({ length: Math.min(20, ok) }, (_, k) => `${queue}-${Math.floor((k * N) / Math.min(20, ok))}`);
    return {
      cases: N,
      failed: errors.length,
      firstErrors: [...new Set(errors.map((e) => String(e)))].slice(0, 3),
      ms,
      casesPerSec: +(ok / (ms / 1000)).toFixed(1),
      cpuMsPerCase: cpuPerUnit(cpu0, cpu1, ok),
      historyEventsPerCase: await eventsPerWorkflow(temporal, sample),
    };
  } finally {
    child.kill('SIGTERM');
  }
}

async function burst(stack, temporal, results) {
  const zc = await new Gql(stack.apiUrl).login('zc@daltoncollege.example');
  const admin = await new Gql(stack.apiUrl).login('beheer@zorgroute.example');
  const db = new pg.Client({ connectionString: stack.pg.url });
  db.on('error', () => undefined);
  await db.connect();
  const { rows } = await db.query(`select id from school where brin = '99XA00'`);
  await db.end();
  const before = (await admin.ok(CLOCK_COUNT)).zorgplichtClocks.totalCount;
  const receivedOn = amsterdamToday();
  const caseIds = [];
  const unavailable = [];
  const pg0 = await pgCounters(stack);
  const cpu0 = cpuReading(stackRoots(stack));
  const t0 = Date.now();
  const errors = await pool(N, CONCURRENCY, async (i) => {
    const r = await zc.request(REGISTER, {
      i: { newPupil: { firstName: `Bench${i}`, lastName: 'Aanmeldweek', dateOfBirth: '2014-03-01', parents: [{ name: `Ouder Bench${i}`, email: `ouder.bench${i}@voorbeeldmail.example` }] }, receivedOn, extraSupportExpected: true, preferenceSchoolIds: [rows[0].id] },
    });
    if (r.errors) {
      if (r.errors[0].extensions?.code === 'UNAVAILABLE') unavailable.push(i);
      throw new Error(r.errors[0].message);
    }
    caseIds.push(r.data.registerAanmelding.id);
  });
  const acceptedMs = Date.now() - t0;
  const ok = N - errors.length;
  if (ok === 0) throw new Error(`every registration failed: ${errors[0]}`);
  await eventually(async () => (await admin.ok(CLOCK_COUNT, {}, { timeoutMs: 120_000 })).zorgplichtClocks.totalCount >= before + ok, 1_800_000, 'every case on the SWV board', 2_000);
  const visibleMs = Date.now() - t0;
  const cpu1 = cpuReading(stackRoots(stack));
  const pg1 = await pgCounters(stack);
  const sample = Array.from({ length: Math.min(20, caseIds.length) }, (_, k) => caseIds[Math.floor((k * caseIds.length) / Math.min(20, caseIds.length))]);
  const historyEventsPerCase = await eventsPerWorkflow(temporal, sample);
  // The yardstick: the same work done the cheapest way, same count and concurrency, same servers, right after.
  const reference = await referenceBurst(stack, temporal);
  // Bare starts of a trivial workflow on the same server (no worker needed to start; a separate queue), for comparison
  // with earlier runs: no correct implementation of a registration approaches them.
  const queue = `bench-bare-${Date.now()}`;
  const t1 = Date.now();
  const bareErrors = await pool(N, CONCURRENCY, (i) => temporal.workflow.start('benchTrivial', { taskQueue: queue, workflowId: `${queue}-${i}`, args: [] }));
  const bareMs = Date.now() - t1;
  const casesPerSec = ok / (visibleMs / 1000);
  const barePerSec = (N - bareErrors.length) / (bareMs / 1000);
  results.burst = {
    cases: N,
    concurrency: CONCURRENCY,
    failed: errors.length,
    unavailable: unavailable.length,
    firstErrors: [...new Set(errors)].slice(0, 3),
    acceptedMs,
    allVisibleOnBoardMs: visibleMs,
    casesPerSec: +casesPerSec.toFixed(1),
    cpuMsPerCase: cpuPerUnit(cpu0, cpu1, ok),
    historyEventsPerCase,
    // Including the benchmark's own polling of the board (one count every 2 s as admin).
    pgTransactionsPerCase: +((pg1.transactions - pg0.transactions) / ok).toFixed(1),
    caseSummaryReadsPerCase: +((pg1.caseSummaryReads - pg0.caseSummaryReads) / ok).toFixed(1),
    reference,
    ratio: +(casesPerSec / reference.casesPerSec).toFixed(3),
    bareStarts: N - bareErrors.length,
    bareStartsPerSec: +barePerSec.toFixed(1),
    ratioToBareStarts: +(casesPerSec / barePerSec).toFixed(3),
  };
}

async function timers(stack, temporal, results) {
  const queue = `bench-timers-${Date.now()}`;
  const late = [];
  const timerLate = [];
  const child = await benchWorker(stack, queue, {}, (m) => {
    if (m.fired) {
      for (const f of m.fired) {
        late.push(f.lateMs);
        timerLate.push(f.timerLateMs);
      }
    }
  });
  const rss = () => {
    try {
      return Number(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) * 1024;
    } catch {
      return 0;
    }
  };
  const rssIdle = rss();
  // All due at one moment, after every start had time to happen (estimated generously from a first batch).
  const t0 = Date.now();
  const dueAtMs = t0 + 30_000 + TIMERS * 20;
  const errors = await pool(TIMERS, CONCURRENCY, (i) => temporal.workflow.start('benchReminder', { taskQueue: queue, workflowId: `${queue}-${i}`, args: [`r${i}`, dueAtMs] }));
  const startMs = Date.now() - t0;
  // If starting took longer than the margin, early timers are due before the last start: reported, not hidden.
  const allStartedBeforeDue = Date.now() < dueAtMs;
  let rssPeak = rss();
  const rssWithTimers = rssPeak;
  await eventually(async () => {
    rssPeak = Math.max(rssPeak, rss());
    return late.length >= TIMERS - errors.length;
  }, 1_800_000, 'every reminder fired', 500);
  child.kill('SIGTERM');
  const mib = (b) => +(b / 2 ** 20).toFixed(0);
  results.timers = {
    workflows: TIMERS,
    allStartedBeforeDue,
    dueAfterStartOfBurstMs: dueAtMs - t0,
    failedStarts: errors.length,
    startMs,
    fired: late.length,
    timerLateP50Ms: percentile(timerLate, 50),
    timerLateP99Ms: percentile(timerLate, 99),
    lateP50Ms: percentile(late, 50),
    lateP99Ms: percentile(late, 99),
    lateMaxMs: Math.max(...late),
    workerRssIdleMiB: mib(rssIdle),
    workerRssWaitingMiB: mib(rssWithTimers),
    workerRssPeakMiB: mib(rssPeak),
  };
}

async function board(stack, results) {
  const admin = await new Gql(stack.apiUrl).login('beheer@zorgroute.example');
  const loket = await new Gql(stack.apiUrl).login('loket@swv-voorbeeldregio.example');
  // The owner role: the board scenario fabricates read-model rows and runs VACUUM ANALYZE (owner only).
  const db = new pg.Client({ connectionString: stack.pg.ownerUrl });
  db.on('error', () => undefined);
  await db.connect();
  const cols = (await db.query(`select column_name from information_schema.columns where table_name = 'case_summary' and column_name <> 'id' order by ordinal_position`)).rows.map((r) => `"${r.column_name}"`);
  const modelRow = () => db.query(`select id from case_summary where process = 'ZORGPLICHT' and closed_at is null and data ? 'clock' limit 1`);
  if (!(await modelRow()).rows.length) {
    // Run with --skip burst: register one real application to copy.
    const zc = await new Gql(stack.apiUrl).login('zc@daltoncollege.example');
    const { rows: [school] } = await db.query(`select id from school where brin = '99XA00'`);
    const input = { newPupil: { firstName: 'Bench', lastName: 'Bord', dateOfBirth: '2014-03-01', parents: [{ name: 'Ouder Bench', email: 'ouder.bench.bord@voorbeeldmail.example' }] }, receivedOn: amsterdamToday(), extraSupportExpected: true, preferenceSchoolIds: [school.id] };
    await zc.ok(REGISTER, { i: input });
    await eventually(async () => (await modelRow()).rows.length > 0, 60_000, 'a zorgplicht row to copy', 500);
  }
  const { rows: [model] } = await modelRow();
  results.board = [];
  for (const size of BOARD_SIZES) {
    const open = Number((await db.query(`select count(*) from case_summary where process = 'ZORGPLICHT' and closed_at is null`)).rows[0].count);
    if (open < size) {
      await db.query(
        `insert into case_summary (id, ${cols.join(', ')}) select 'bench-copy-' || g || '-' || c.id, ${cols.map((c) => `c.${c}`).join(', ')} from case_summary c, generate_series($2::int, $3::int) g where c.id = $1`,
        [model.id, open + 1, size],
      );
      // As autovacuum would soon after such a load: statistics, hint bits and the visibility map, so the measured
      // queries do not pay for the bulk insert.
      await db.query('VACUUM ANALYZE case_summary');
    }
    const measure = async (gql) => {
      const ms = [];
      let count = 0;
      for (let i = 0; i < (size >= 50_000 ? 6 : 12); i++) {
        const t = performance.now();
        count = (await gql.ok(BOARD_PAGE, {}, { timeoutMs: 300_000 })).zorgplichtClocks.totalCount;
        ms.push(performance.now() - t);
      }
      ms.shift(); // warm-up
      return { visible: count, p50Ms: Math.round(percentile(ms, 50)), p95Ms: Math.round(percentile(ms, 95)) };
    };
    results.board.push({ openCases: size, admin: await measure(admin), swv: await measure(loket) });
  }
  await db.end();
}

/** Samples a process's resident memory every 50 ms while `fn` runs; returns fn's result, its wall time and the peak. */
async function measured(pid, fn) {
  const rss = () => {
    try {
      return Number(fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) * 1024;
    } catch {
      return 0;
    }
  };
  let peak = rss();
  const sampler = setInterval(() => (peak = Math.max(peak, rss())), 50);
  const t = performance.now();
  try {
    const value = await fn();
    return { value, ms: Math.round(performance.now() - t), peakMiB: +(Math.max(peak, rss()) / 2 ** 20).toFixed(1) };
  } finally {
    clearInterval(sampler);
  }
}

const IMPORT_FIELDS = `id status pupilsAdded pupilsChanged pupilsLeaving rejected preview { pupilsUnchanged staffUnchanged guardiansAdded pupilsAdded { sourceId } staffAdded { email } }`;

async function schoolImport(stack, results) {
  const admin = await new Gql(stack.apiUrl).login('beheer@zorgroute.example');
  const { swvs } = await admin.ok('query { swvs { id } }');
  // A new school per run (random BRIN), so the import is a first import of a school and a run can repeat on the same data.
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const brin = `9${Math.floor(Math.random() * 10)}${letters[Math.floor(Math.random() * 24)]}${letters[Math.floor(Math.random() * 24)]}`;
  const school = (await admin.ok(`mutation($i: SchoolInput!) { createSchool(input: $i) { id } }`, { i: { brin, vestiging: '00', name: `Benchmarkcollege ${brin}`, region: 'midden', swvId: swvs[0].id } })).createSchool;
  const bundle = oneRosterBundle({ brin, vestiging: '00', pupils: IMPORT_PUPILS, staff: 150, stamp: brin.toLowerCase() });
  const upload = async () => {
    const res = await fetch(`${stack.apiUrl.replace(/\/graphql$/, '')}/imports/schools/${school.id}/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/zip', 'x-file-name': 'benchmark.zip', authorization: `Bearer ${admin.token}` },
      body: bundle.zip,
      signal: AbortSignal.timeout(600_000),
    });
    const body = await res.json();
    if (res.status !== 200) throw new Error(`preview answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    return body;
  };
  const pid = stack.api.child.pid;
  const idle = await measured(pid, () => sleep(500));
  const preview = await measured(pid, upload);
  if (preview.value.rejected) throw new Error(`the generated bundle has ${preview.value.rejected} rejected rows`);
  const apply = await measured(pid, () => admin.ok(`mutation($id: ID!) { applySchoolImport(id: $id) { ${IMPORT_FIELDS} } }`, { id: preview.value.id }, { timeoutMs: 600_000 }));
  const again = await measured(pid, upload);
  const unchanged = await admin.ok(`query($id: ID!) { schoolImport(id: $id) { ${IMPORT_FIELDS} } }`, { id: again.value.id });
  results.import = {
    pupils: IMPORT_PUPILS,
    guardians: bundle.guardians,
    staff: 150,
    zipKiB: Math.round(bundle.zip.length / 1024),
    previewMs: preview.ms,
    applyMs: apply.ms,
    reimportPreviewMs: again.ms,
    reimportPupilsUnchanged: unchanged.schoolImport.preview?.pupilsUnchanged ?? null,
    reimportChanges: unchanged.schoolImport.pupilsAdded + unchanged.schoolImport.pupilsChanged + unchanged.schoolImport.pupilsLeaving,
    apiRssIdleMiB: idle.peakMiB,
    apiRssPeakPreviewMiB: preview.peakMiB,
    apiRssPeakApplyMiB: apply.peakMiB,
    apiRssPeakReimportMiB: again.peakMiB,
  };
}

function history(results) {
  const dir = fromRoot('libs/workflows/test/histories');
  results.history = fs
    .readdirSync(dir)
    .filter((f) => /^(jos|zorgroute|zorgplicht|ondersteuningstraject)-/.test(f))
    .map((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const events = JSON.parse(text).events ?? [];
      const first = events[0]?.eventTime;
      const last = events.at(-1)?.eventTime;
      const days = first && last ? Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000) : null;
      return { history: f.replace(/\.json$/, ''), events: events.length, kib: Math.round(text.length / 1024), spanDays: days, eventsPctOfLimit: +((100 * events.length) / HISTORY_LIMIT.events).toFixed(2), bytesPctOfLimit: +((100 * text.length) / HISTORY_LIMIT.bytes).toFixed(2) };
    })
    .sort((a, b) => b.events - a.events);
}

function table(title, rows) {
  process.stdout.write(`\n${title}\n`);
  console.table(rows);
}

async function main() {
  const results = { startedAt: new Date().toISOString(), machine: machine(), options: { cases: N, timers: TIMERS, concurrency: CONCURRENCY, board: BOARD_SIZES, lists: LIST_SIZES, skip: [...SKIP], boardQuery: 'first page (limit 50) with totalCount and countsPerSchool' } };
  history(results);
  const stack = new Stack({ name: STACK_NAME });
  const onSignal = () => stack.stop().finally(() => process.exit(143));
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  try {
    await stack.start();
    const temporal = new Client({ connection: await Connection.connect({ address: stack.temporal.address }), dataConverter: temporalDataConverterFromEnv(stack.env) });
    for (const [name, phase] of [
      ['burst', () => burst(stack, temporal, results)],
      ['timers', () => timers(stack, temporal, results)],
      ['board', () => board(stack, results)],
      ['lists', () => lists(stack, results, LIST_SIZES)],
      ['import', () => schoolImport(stack, results)],
    ]) {
      if (SKIP.has(name)) continue;
      process.stdout.write(`[bench] ${name}…\n`);
      try {
        await phase();
        process.stdout.write(`[bench] ${name}: ${JSON.stringify(results[name])}\n`);
      } catch (error) {
        results.errors = { ...results.errors, [name]: error instanceof Error ? error.message : String(error) };
        process.stdout.write(`[bench] ${name} failed: ${results.errors[name]}\n`);
      }
    }
    await temporal.connection.close();
  } finally {
    await stack.stop();
    await sleep(100);
  }
  results.finishedAt = new Date().toISOString();
  results.machine.loadavgAfter = os.loadavg().map((l) => +l.toFixed(2));
  fs.mkdirSync(fromRoot('bench/results'), { recursive: true });
  const label = arg('label', '');
  const file = fromRoot('bench/results', `${results.startedAt.replace(/[:.]/g, '-')}${label ? `-${label}` : ''}.json`);
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  table('Machine', [results.machine]);
  if (results.burst) {
    const { cpuMsPerCase, reference, firstErrors, ...burstRow } = results.burst;
    table('Aanmeldweek burst', [{ ...burstRow, referencePerSec: reference.casesPerSec, firstError: firstErrors[0] ?? '' }]);
    table('CPU ms per case (registration vs. reference, same run)', [{ run: 'zorgroute', ...cpuMsPerCase, events: results.burst.historyEventsPerCase }, { run: 'reference', ...reference.cpuMsPerCase, events: reference.historyEventsPerCase }]);
  }
  if (results.timers) table('Timers at scale', [results.timers]);
  if (results.board) table('SWV board (zorgplichtClocks)', results.board.map((b) => ({ openCases: b.openCases, adminP50: b.admin.p50Ms, adminP95: b.admin.p95Ms, swvVisible: b.swv.visible, swvP50: b.swv.p50Ms, swvP95: b.swv.p95Ms })));
  if (results.lists) table('Daily lists (dashboard, stuck cases, work lists)', listsTable(results.lists));
  if (results.import) table('School import (OneRoster bundle, preview and apply)', [results.import]);
  if (results.errors) table('Failed phases', [results.errors]);
  table('History size (recorded time-skipping histories)', results.history);
  process.stdout.write(`\nwritten to ${path.relative(process.cwd(), file)}\n`);
  if (results.errors) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n${error?.details ?? ""}\n`);
  process.exitCode = 1;
});
