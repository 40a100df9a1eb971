// Benchmark workflows (bundled by bench/workflows/worker.mjs on its own task queue; not part of the product):
// - benchTrivial: returns at once (bare workflow starts per second);
// - benchReminder: one timer until `dueAtMs`, then a "reminder" activity that reports how late it fired;
// - benchReference: the same visible work as a registration, done the cheapest way Temporal allows (the yardstick of
//   the burst): one activity writes the case row and an audit row in one transaction and sends one e-mail.
import { proxyActivities, sleep } from '@temporalio/workflow';

const { reminderFired, recordReferenceCase } = proxyActivities({ startToCloseTimeout: '1 minute' });

export async function benchTrivial() {
  return 'ok';
}

export async function benchReminder(id, dueAtMs) {
  await sleep(Math.max(1, dueAtMs - Date.now()));
  // Workflow time is the start of the workflow task that saw the timer fire.
  await reminderFired(id, dueAtMs, Date.now());
}

export async function benchReference(caseId, n) {
  await recordReferenceCase(caseId, n);
  return caseId;
}
