#!/usr/bin/env node
/* global fetch */
// Fault tests on the full stack of real processes (see ../lib/stack.mjs): `node bench/faults/run.mjs [scenario…]`.
// `--full` runs the outages at the full length (see OUTAGE_MS); `--name <n>` uses .data/<n>-postgres. Needs the built output (npm test builds it; otherwise `npx nx run-many -t build`). Run by
// apps/api/test/faults/faults.int-spec.ts under `npm test`; prints one JSON line per scenario and exits 1 on a failure.
//
// Every scenario drives P1 ondersteuningstrajecten through GraphQL as the zorgcoördinator, injects one fault, and then
// checks the invariants on every case it touched:
// - no case lost: the workflow is still RUNNING and its read-model row exists;
// - no timer lost: every timer that was pending before the fault is still pending (or fired) afterwards — P1's timers
//   (due dates, reminder ladder) lie days ahead, so they are compared in the workflow history, not waited for;
// - no reminder / e-mail lost or duplicated: every notification delivery of the case ends SENT, and every Message-ID
//   is in the mail catcher exactly once;
// - the read model catches up: status and waitingFor of the row match the workflow's own state (query).
import { setInterval } from 'node:timers';
import { Client, Connection } from '@temporalio/client';
import { temporalDataConverterFromEnv } from '@zorgroute/temporal-codec';
import pg from 'pg';
import { Stack } from '../lib/stack.mjs';
import { eventually, Gql, sleep } from '../lib/gql.mjs';

/** Today's date in Amsterdam (YYYY-MM-DD): the date the workflows and the api use, not the UTC date. */
const amsterdamToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());


/**
 * Outages are scaled down from the "a minute" / "several minutes" to fit `npm test`; `--full` (or
 * ZR_FAULTS_FULL=1) runs them at full length: PostgreSQL away for 60 s, the SMTP server for 4 minutes.
 */
const FULL = process.argv.includes('--full') || process.env.ZR_FAULTS_FULL === '1';
export const OUTAGE_MS = FULL ? { postgres: 60_000, smtp: 240_000 } : { postgres: 20_000, smtp: 15_000 };

const ZC = 'zc@daltoncollege.example';
const START = `mutation($i: StartTrajectoryInput!) { startTrajectory(input: $i) { id status } }`;
const INTAKE = `mutation($c: ID!, $i: RecordIntakeInput!, $k: String) { recordIntake(caseId: $c, input: $i, idempotencyKey: $k) { id status waitingFor } }`;
const CASE = `query($id: ID!) { case(id: $id) { summary { status waitingFor } timeline { kind } } }`;
const REGISTER = `mutation($i: RegisterAanmeldingInput!) { registerAanmelding(input: $i) { id } }`;
const INVESTIGATE = `mutation($c: ID!, $i: ZorgplichtInvestigationInput!) { recordZorgplichtInvestigation(caseId: $c, input: $i) { id status } }`;
const today = () => amsterdamToday();

class Faults {
  constructor(stack) {
    this.stack = stack;
    this.cases = new Set();
    this.run = Date.now().toString(36);
  }

  async init() {
    this.db = new pg.Pool({ connectionString: this.stack.pg.url, max: 2 });
    this.db.on('error', () => undefined); // PostgreSQL is stopped on purpose in one scenario
    await this.connectTemporal();
    this.gql = await new Gql(this.stack.apiUrl).login(ZC);
    const { rows } = await this.db.query(
      `select s.id as school_id, (select u.id from app_user u where u.school_id = s.id and u.role = 'MENTOR' limit 1) as mentor_id from school s where s.brin = '99XA00'`,
    );
    this.schoolId = rows[0].school_id;
    const zc = await this.db.query('select id, name from app_user where email = $1', [ZC]);
    this.zc = { id: zc.rows[0].id, name: zc.rows[0].name };
    this.mentorId = rows[0].mentor_id;
  }

  async connectTemporal() {
    await this.temporal?.connection.close().catch(() => undefined);
    this.temporal = new Client({ connection: await Connection.connect({ address: this.stack.temporal.address }), dataConverter: temporalDataConverterFromEnv(this.stack.env) });
  }

  /** A fresh invented pupil of the Daltoncollege (one open trajectory per pupil is allowed). */
  async newPupil(firstName) {
    const { rows } = await this.db.query(
      `insert into pupil (school_id, first_name, last_name, date_of_birth, class_name, mentor_id) values ($1, $2, 'Fouttest', '2012-05-01', '2C', $3) returning id`,
      [this.schoolId, firstName, this.mentorId],
    );
    return rows[0].id;
  }

  async startCase(name) {
    const pupilId = await this.newPupil(name);
    const { startTrajectory } = await this.gql.ok(START, { i: { pupilId, reason: 'Fouttest: lukt niet goed in de klas', weeks: 8, requestKey: `fault-${this.run}-${name}` } });
    this.cases.add(startTrajectory.id);
    await this.readModelCaughtUp(startTrajectory.id, 'INTAKE');
    await this.mailsSettled(startTrajectory.id);
    return startTrajectory.id;
  }

  intakeInput() {
    return { intakeDate: today(), goal: 'Ik wil rustig kunnen werken in de klas' };
  }

  async workflowState(caseId) {
    const h = this.temporal.workflow.getHandle(caseId);
    const d = await h.describe();
    const state = d.status.name === 'RUNNING' ? await h.query('getState') : null;
    return { status: d.status.name, state };
  }

  /** Timer ids started and neither fired nor cancelled, from the history. */
  async pendingTimers(caseId) {
    const history = await this.temporal.workflow.getHandle(caseId).fetchHistory();
    const started = new Set();
    for (const e of history.events ?? []) {
      if (e.timerStartedEventAttributes) started.add(e.timerStartedEventAttributes.timerId);
      if (e.timerFiredEventAttributes) started.delete(e.timerFiredEventAttributes.timerId);
      if (e.timerCanceledEventAttributes) started.delete(e.timerCanceledEventAttributes.timerId);
    }
    return started;
  }

  async readModelCaughtUp(caseId, status, timeoutMs = 60_000) {
    return eventually(
      async () => {
        const { rows } = await this.db.query('select status, waiting_for from case_summary where id = $1', [caseId]);
        const { state } = await this.workflowState(caseId);
        return rows[0] && rows[0].status === status && state?.case?.status === status ? rows[0] : null;
      },
      timeoutMs,
      `the read model of ${caseId} to show ${status}`,
    );
  }

  async deliveries(caseId) {
    const { rows } = await this.db.query('select key, status, attempts, message_id from notification_delivery where case_id = $1 order by key', [caseId]);
    return rows;
  }

  async mailbox() {
    const res = await fetch(`${this.stack.mail.webUrl}/email`);
    return res.json();
  }

  /** Every delivery of the case SENT, and each of its messages in the mailbox exactly once. */
  async mailsSettled(caseId, timeoutMs = 90_000) {
    const rows = await eventually(
      async () => {
        const r = await this.deliveries(caseId);
        return r.length > 0 && r.every((d) => d.status === 'SENT') ? r : null;
      },
      timeoutMs,
      `every e-mail of ${caseId} SENT`,
    );
    await sleep(500);
    const mails = await this.mailbox();
    for (const d of rows) {
      const copies = mails.filter((m) => `<${m.messageId}>` === d.message_id).length;
      if (copies !== 1) throw new Error(`${caseId}: message ${d.key} is ${copies} times in the mailbox (expected exactly 1)`);
    }
    return rows;
  }

  /** State of every case of this run, for a before/after comparison. */
  async snapshot() {
    const out = {};
    for (const id of this.cases) {
      const { status, state } = await this.workflowState(id);
      out[id] = { status, caseStatus: state?.case?.status, timers: await this.pendingTimers(id), deliveries: (await this.deliveries(id)).map((d) => d.key) };
    }
    return out;
  }

  /** The invariants after a fault: no case, timer or delivery lost, no duplicates, the read model caught up. */
  async verify(before, label) {
    const after = await this.snapshot();
    const checks = [];
    for (const [id, b] of Object.entries(before)) {
      const a = after[id];
      if (!a || a.status !== 'RUNNING') throw new Error(`${label}: case ${id} is ${a?.status ?? 'gone'}`);
      const history = await this.temporal.workflow.getHandle(id).fetchHistory();
      // A timer that fired, or that the workflow itself cancelled (its step was done), is accounted for.
      const fired = new Set(
        (history.events ?? []).flatMap((e) => [e.timerFiredEventAttributes?.timerId, e.timerCanceledEventAttributes?.timerId]).filter(Boolean),
      );
      for (const t of b.timers) {
        if (!a.timers.has(t) && !fired.has(t)) throw new Error(`${label}: timer ${t} of ${id} was lost`);
      }
      if (a.caseStatus !== 'AFGEROND' && a.timers.size === 0) {
        throw new Error(`${label}: case ${id} (${a.caseStatus}) has no pending timer (its due date / reminders would never fire)`);
      }
      for (const k of b.deliveries) if (!a.deliveries.includes(k)) throw new Error(`${label}: delivery ${k} of ${id} disappeared`);
      await this.readModelCaughtUp(id, a.caseStatus);
      await this.mailsSettled(id);
      checks.push({ caseId: id, status: a.caseStatus, pendingTimers: a.timers.size, deliveries: a.deliveries.length });
    }
    return { cases: checks.length, pendingTimers: checks.reduce((n, c) => n + c.pendingTimers, 0), deliveries: checks.reduce((n, c) => n + c.deliveries, 0) };
  }

  countKind(timeline, kind) {
    return timeline.filter((t) => t.kind === kind).length;
  }

  async timeline(caseId) {
    const { case: c } = await this.gql.ok(CASE, { id: caseId });
    return c;
  }
}

/** The scenarios, in the order they run on one stack. Each returns details for the report. */
export const SCENARIOS = {
  /** SIGKILL the worker while a step waits for it; a new worker picks everything up. */
  async workerKill(f) {
    const a = await f.startCase('Wessel');
    const before = await f.snapshot();
    await f.stack.killWorker();
    // A step arrives while no worker runs: the api waits for the update; the new worker applies it.
    const pending = f.gql.request(INTAKE, { c: a, i: f.intakeInput(), k: `fault-${f.run}-worker-kill` }, { timeoutMs: 120_000 });
    await sleep(3_000);
    await f.stack.startWorker();
    const r = await pending;
    if (r.errors) throw new Error(`the step during the worker restart failed: ${JSON.stringify(r.errors)}`);
    await f.readModelCaughtUp(a, 'MATCHING');
    const c = await f.timeline(a);
    if (f.countKind(c.timeline, 'INTAKE_RECORDED') !== 1) throw new Error('the intake was not recorded exactly once');
    return { stepDuringOutage: r.data.recordIntake.status, ...(await f.verify(before, 'worker SIGKILL')) };
  },

  /** Stop the Temporal dev server and start it again on the same SQLite file; api and worker reconnect. */
  async temporalRestart(f) {
    const b = await f.startCase('Fenna');
    const before = await f.snapshot();
    const timersBefore = Object.values(before).reduce((n, s) => n + s.timers.size, 0);
    await f.stack.stopTemporal();
    await sleep(2_000);
    await f.stack.startTemporal();
    await f.connectTemporal();
    // The worker and the api reconnect on their own; a step after the restart goes through.
    const r = await eventually(async () => {
      const res = await f.gql.request(INTAKE, { c: b, i: f.intakeInput(), k: `fault-${f.run}-temporal` });
      return res.errors ? null : res;
    }, 60_000, 'a step after the Temporal restart');
    await f.readModelCaughtUp(b, 'MATCHING');
    return { timersBefore, stepAfterRestart: r.data.recordIntake.status, ...(await f.verify(before, 'Temporal restart')) };
  },

  /** Stop PostgreSQL: the api answers with a clear error; a step sent to Temporal directly waits, its activities retry. */
  async postgresDown(f) {
    const c = await f.startCase('Jesse');
    const before = await f.snapshot();
    await f.stack.stopPostgres();
    const started = Date.now();
    // Through the api: it needs the database to check access, so the caller gets an error, not a hang.
    const viaApi = await f.gql.request(INTAKE, { c, i: f.intakeInput() }, { timeoutMs: 30_000 }).catch((e) => ({ errors: [{ message: e.message }] }));
    if (!viaApi.errors?.length) throw new Error('the api accepted a step without its database');
    // Directly on the workflow (as the api would after its access check): the update's read-model activity retries.
    const update = f.temporal.workflow
      .getHandle(c)
      .executeUpdate('recordIntake', { args: [{ ...f.intakeInput(), subGoals: [], actor: f.zc }], updateId: `fault-${f.run}-pg` });
    update.catch(() => undefined);
    await sleep(OUTAGE_MS.postgres);
    const desc = await f.temporal.workflow.getHandle(c).describe();
    const raw = desc.raw.pendingActivities ?? [];
    const maxAttempt = Math.max(0, ...raw.map((p) => p.attempt ?? 0));
    await f.stack.startPostgres();
    await update;
    const catchUpMs = Date.now() - started - OUTAGE_MS.postgres;
    await f.readModelCaughtUp(c, 'MATCHING', 120_000);
    if (maxAttempt < 2) throw new Error(`expected retried activities while PostgreSQL was down (max attempt ${maxAttempt})`);
    return { outageMs: OUTAGE_MS.postgres, apiError: viaApi.errors[0].extensions?.code ?? viaApi.errors[0].message, activityAttempts: maxAttempt, catchUpMs, ...(await f.verify(before, 'PostgreSQL stop')) };
  },

  /** Take the SMTP server away while a case sends e-mail; after it returns, each message arrives exactly once. */
  async smtpDown(f) {
    const before = await f.snapshot();
    await f.stack.stopMail();
    const pupilId = await f.newPupil('Isa');
    const { startTrajectory } = await f.gql.ok(START, { i: { pupilId, reason: 'Fouttest: geen mailserver', weeks: 8, requestKey: `fault-${f.run}-smtp` } });
    f.cases.add(startTrajectory.id);
    await sleep(OUTAGE_MS.smtp);
    const during = await f.deliveries(startTrajectory.id);
    if (during.some((d) => d.status === 'SENT')) throw new Error('a message was SENT while the mail server was down');
    await f.stack.startMail();
    const sent = await f.mailsSettled(startTrajectory.id, 180_000);
    return { outageMs: OUTAGE_MS.smtp, messages: sent.length, attempts: sent.map((d) => d.attempts), ...(await f.verify(before, 'SMTP outage')) };
  },

  /** Kill the api right after a step was sent; the client gets a success or a clear error, and a retry with the same key is safe. */
  async apiRestart(f) {
    const d = await f.startCase('Bram');
    const before = await f.snapshot();
    const key = `fault-${f.run}-api-restart`;
    // A P4 application whose first investigation is sent with the Idempotency-Key header (not the argument) alongside.
    const { registerAanmelding: p4 } = await f.gql.ok(REGISTER, {
      i: { newPupil: { firstName: 'Fenna', lastName: `Fouttest${f.run}`, dateOfBirth: '2014-02-01', parents: [{ name: 'Ouder Fouttest', email: `ouder.${f.run}@voorbeeldmail.example` }] }, receivedOn: today(), extraSupportExpected: true, preferenceSchoolIds: [f.schoolId] },
    });
    const p4Step = () => f.gql.request(INVESTIGATE, { c: p4.id, i: { kind: 'INTAKE', date: today() } }, { headers: { 'Idempotency-Key': `${key}-p4` } });
    const first = f.gql.request(INTAKE, { c: d, i: f.intakeInput(), k: key }).then(
      (r) => (r.errors ? { error: r.errors[0].message } : { ok: true }),
      (e) => ({ error: `connection: ${e.cause?.code ?? e.message}` }),
    );
    const firstP4 = p4Step().catch(() => null);
    await sleep(150);
    await f.stack.killApi();
    const firstOutcome = await first;
    await firstP4;
    await f.stack.startApi();
    await f.gql.login(ZC);
    const retry = await f.gql.request(INTAKE, { c: d, i: f.intakeInput(), k: key });
    if (retry.errors) throw new Error(`the retry with the same idempotency key failed: ${JSON.stringify(retry.errors)}`);
    const again = await f.gql.request(INTAKE, { c: d, i: f.intakeInput(), k: key });
    if (again.errors) throw new Error(`a second retry with the same idempotency key failed: ${JSON.stringify(again.errors)}`);
    const withoutKey = await f.gql.request(INTAKE, { c: d, i: f.intakeInput() });
    if (withoutKey.errors?.[0]?.extensions?.code !== 'STEP_NOT_ALLOWED') throw new Error(`a new intake without the key should be refused: ${JSON.stringify(withoutKey)}`);
    await f.readModelCaughtUp(d, 'MATCHING');
    const c = await f.timeline(d);
    const recorded = f.countKind(c.timeline, 'INTAKE_RECORDED');
    if (recorded !== 1) throw new Error(`the intake was recorded ${recorded} times`);
    const [p4Retry, p4Again] = [await p4Step(), await p4Step()];
    if (p4Retry.errors || JSON.stringify(p4Again) !== JSON.stringify(p4Retry)) throw new Error(`the P4 retries with the same header differ or failed: ${JSON.stringify([p4Retry, p4Again])}`);
    const investigations = f.countKind((await f.timeline(p4.id)).timeline, 'INVESTIGATION_RECORDED');
    if (investigations !== 1) throw new Error(`the P4 investigation was recorded ${investigations} times`);
    return { firstOutcome, retry: retry.data.recordIntake.status, intakeRecorded: recorded, p4InvestigationRecorded: investigations, newRequestWithoutKey: withoutKey.errors[0].extensions.code, ...(await f.verify(before, 'api restart')) };
  },
};

async function main() {
  // `--name <n>`: the stack's PostgreSQL directory is .data/<n>-postgres (to run beside another fault run).
  const nameAt = process.argv.indexOf('--name');
  const stackName = nameAt >= 0 ? process.argv[nameAt + 1] : 'faults';
  const only = process.argv.slice(2).filter((a, i, all) => a !== '--full' && a !== '--name' && all[i - 1] !== '--name');
  const names = only.length ? only : Object.keys(SCENARIOS);
  const stack = new Stack({ name: stackName });
  const results = [];
  let failed = 0;
  const t0 = Date.now();
  let stopping = false;
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    void stack.stop().finally(() => process.exit(143));
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  // Started by a test (ZR_FAULTS_PARENT_PID): when that process is gone (a killed test run), stop and leave nothing
  // behind instead of running on as an orphan against directories that may already belong to the next run.
  const parentPid = Number(process.env.ZR_FAULTS_PARENT_PID || 0);
  if (parentPid > 0) {
    setInterval(() => {
      try {
        process.kill(parentPid, 0);
      } catch {
        onSignal();
      }
    }, 2000).unref();
  }
  try {
    await stack.start();
    const f = new Faults(stack);
    await f.init();
    process.stdout.write(`${JSON.stringify({ scenario: 'setup', ok: true, ms: Date.now() - t0 })}\n`);
    for (const name of names) {
      const started = Date.now();
      try {
        const details = await SCENARIOS[name](f);
        results.push({ scenario: name, ok: true, ms: Date.now() - started, details });
      } catch (error) {
        failed += 1;
        results.push({ scenario: name, ok: false, ms: Date.now() - started, error: error instanceof Error ? error.message : String(error) });
        // Leave the stack usable for the next scenario.
        if (stack.pgDown) await stack.startPostgres().catch(() => undefined);
        if (!stack.worker.running) await stack.startWorker().catch(() => undefined);
        if (!stack.api.running) await stack.startApi().catch(() => undefined);
        if (!stack.mail.process.running) await stack.startMail().catch(() => undefined);
      }
      process.stdout.write(`${JSON.stringify(results.at(-1))}\n`);
    }
    await f.db.end().catch(() => undefined);
    await f.temporal.connection.close().catch(() => undefined);
  } catch (error) {
    failed += 1;
    process.stdout.write(`${JSON.stringify({ scenario: 'setup', ok: false, error: error instanceof Error ? error.message : String(error), worker: stack.worker?.recentOutput?.(), api: stack.api?.recentOutput?.() })}\n`);
  } finally {
    await stack.stop();
  }
  process.exitCode = failed > 0 ? 1 : 0;
}

main();
