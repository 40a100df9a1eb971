/* global setInterval, URL */
// A worker for bench/workflows/reminder.workflow.js in a child process (so its memory and CPU can be measured on its
// own). Reports every fired reminder to the parent over IPC: { id, lateMs }. With BENCH_DATABASE_URL and
// BENCH_SMTP_URL it also runs the reference registration's activity (tables bench_ref_case / bench_ref_audit, which
// bench/run.mjs creates).
import { fileURLToPath } from 'node:url';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { temporalDataConverterFromEnv } from '@zorgroute/temporal-codec';
import nodemailer from 'nodemailer';
import pg from 'pg';

Runtime.install({ logger: new DefaultLogger('WARN') });

const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS });
const db = process.env.BENCH_DATABASE_URL ? new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 10 }) : null;
db?.on('error', () => undefined);
// One SMTP connection pool, as a well-built sender would use.
const mail = process.env.BENCH_SMTP_URL ? nodemailer.createTransport({ url: process.env.BENCH_SMTP_URL, pool: true, maxConnections: 2 }) : null;
let batch = [];
setInterval(() => {
  if (batch.length) process.send?.({ fired: batch });
  batch = [];
}, 200).unref();
const worker = await Worker.create({
  connection,
  taskQueue: process.env.BENCH_TASK_QUEUE,
  // The benchmark's client encrypts the workflow inputs like the api does (TEMPORAL_PAYLOAD_KEYS of the stack).
  dataConverter: temporalDataConverterFromEnv(),
  workflowsPath: fileURLToPath(new URL('./reminder.workflow.js', import.meta.url)),
  activities: {
    async recordReferenceCase(caseId, n) {
      const client = await db.connect();
      try {
        await client.query('BEGIN');
        await client.query(`INSERT INTO bench_ref_case (id, status, waiting_for, data) VALUES ($1, 'AANGEMELD', 'ONDERZOEK', $2) ON CONFLICT (id) DO NOTHING`, [caseId, JSON.stringify({ n })]);
        await client.query(`INSERT INTO bench_ref_audit (case_id, type, at) VALUES ($1, 'CASE_STARTED', now())`, [caseId]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
      await mail.sendMail({ from: 'Zorgroute <noreply@zorgroute.local>', to: 'loket@swv-voorbeeldregio.example', subject: 'Nieuwe aanmelding', text: `Er is een nieuwe aanmelding (${n}).` });
    },
    async reminderFired(id, dueAtMs, workflowSawItAtMs) {
      batch.push({ id, lateMs: Date.now() - dueAtMs, timerLateMs: workflowSawItAtMs - dueAtMs });
    },
  },
  maxCachedWorkflows: Number(process.env.BENCH_MAX_CACHED ?? 2000),
  bundlerOptions: { ignoreModules: [] },
});
process.send?.({ ready: true });
await worker.run();
