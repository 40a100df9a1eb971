import { condition } from '@temporalio/workflow';
import type { CaseRecorder } from './case-recorder';

/**
 * Lets the update handler of a human step answer only once the process has moved on, so a fast client (the UI, the
 * seed, a test) can take the next step at once: without it the next step is opened by the main loop only after the
 * update returned (the main loop first records the new status), and a step sent right away is refused with
 * STEP_NOT_ALLOWED.
 *
 * Resolves when the case has ended, or when `movedOn()` holds and no record is under way (so the read model the API
 * returns already shows the next step). A condition without a timeout: it adds no commands to the history.
 */
export async function untilMovedOn(rec: CaseRecorder, movedOn: () => boolean, ended: () => boolean): Promise<void> {
  await condition(() => ended() || (rec.admin?.closed ?? false) || (movedOn() && rec.idle));
}

/**
 * The usual meaning of "moved on" after `step` was done: another step is open (a human step or a consent request),
 * or the process waits without an open step in one of `parkedStatuses` (e.g. until an evaluation date).
 */
export function leftStep(rec: CaseRecorder, step: string, parkedStatuses: readonly string[] = []): () => boolean {
  const s = rec.snapshot;
  return () => s.waitingFor !== step && (s.waitingFor !== null || parkedStatuses.includes(s.status));
}
