/* global setInterval, URL */
// A worker for bench/workflows/reminder.workflow.js in a child process (so its memory can be measured on its own).
// Reports every fired reminder to the parent over IPC: { id, lateMs }.
import { fileURLToPath } from 'node:url';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { temporalDataConverterFromEnv } from '@zorgroute/temporal-codec';

Runtime.install({ logger: new DefaultLogger('WARN') });

const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS });
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
    async reminderFired(id, dueAtMs, workflowSawItAtMs) {
      batch.push({ id, lateMs: Date.now() - dueAtMs, timerLateMs: workflowSawItAtMs - dueAtMs });
    },
  },
  maxCachedWorkflows: Number(process.env.BENCH_MAX_CACHED ?? 2000),
  bundlerOptions: { ignoreModules: [] },
});
process.send?.({ ready: true });
await worker.run();
