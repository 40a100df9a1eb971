/** A poller of a task queue as Temporal describes it (`DescribeTaskQueueResponse.pollers`). */
export interface QueuePoller {
  lastAccessTime?: { seconds?: number | { toNumber(): number } | null; nanos?: number | null } | null;
}

/**
 * How recently a worker must have polled to count as running. An idle worker's poll waits up to a minute on the server
 * before it polls again, so a running worker has always polled within this; Temporal keeps listing a stopped worker's
 * pollers for minutes, which this tells apart.
 */
export const LIVE_POLL_WINDOW_MS = 90_000;

/** Whether any of the task queue's pollers polled within LIVE_POLL_WINDOW_MS of `now` (a poller without a time counts). */
export function hasLiveWorker(pollers: readonly QueuePoller[] | null | undefined, now: number): boolean {
  return (pollers ?? []).some((p) => {
    const seconds = p.lastAccessTime?.seconds;
    if (seconds === undefined || seconds === null) return true;
    const at = (typeof seconds === 'number' ? seconds : seconds.toNumber()) * 1000;
    return now - at <= LIVE_POLL_WINDOW_MS;
  });
}
