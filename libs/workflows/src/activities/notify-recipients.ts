import { activityInfo, ApplicationFailure, getClient, heartbeat } from '@temporalio/activity';
import { In, type DataSource } from 'typeorm';
import { NotificationPreferenceEntity, type UserEntity } from '@zorgroute/domain';
import { goesIntoDigest, InvalidMessageDataError, type DeliveryRequest, type NotificationDeliveryService } from '@zorgroute/notifications';
import { DAILY_DIGEST_WORKFLOW, dailyDigestWorkflowId } from '../workflows/daily-digest/daily-digest.ids';
import type { NotifyRequest, NotifyResult } from './case-activities.types';

export interface NotifyRecipientsDeps {
  dataSource: DataSource;
  delivery: NotificationDeliveryService;
  /** Makes sure the school's daily digest run exists (default: start it through the worker's client). */
  ensureDigestRun?: (schoolId: string) => Promise<void>;
}

/** Error types a notify activity must not retry: the message data is wrong, another attempt cannot fix it. */
export const NON_RETRYABLE_NOTIFY_ERRORS = ['InvalidMessageDataError'];

/**
 * Delivers one notify request to each recipient (the body of the `notify` activity):
 * - a staff member who chose the daily digest gets a digestible message (task, reminder, escalation) queued for the
 *   school's digest instead; parents, pupils and legal notices always go out immediately;
 * - every recipient is tried even when an earlier one fails, so one bad address or one failing send does not hold
 *   back the others; retries skip the ones already sent (keyed);
 * - heartbeats while it works, so a worker that dies is noticed after the heartbeat timeout, not the start-to-close one;
 * - fails retryably when a send failed (backoff, the message still goes out once the server is back) and
 *   non-retryably (`InvalidMessageDataError`) when only invalid message data is left.
 */
export async function deliverToRecipients(
  deps: NotifyRecipientsDeps,
  req: NotifyRequest,
  users: UserEntity[],
  build: (user: UserEntity) => DeliveryRequest,
): Promise<NotifyResult> {
  const result: NotifyResult = { sent: 0, alreadySent: 0, skipped: 0, queuedForDigest: 0 };
  const withEmail = users.filter((u) => !!u.email);
  result.skipped = users.length - withEmail.length;
  const modes = await digestModes(deps.dataSource, withEmail);
  const sendFailures: string[] = [];
  const invalid: string[] = [];

  const stopBeating = startHeartbeat();
  try {
    for (const user of withEmail) {
      beat();
      let request: DeliveryRequest;
      try {
        request = build(user);
      } catch (error) {
        invalid.push(`${user.id}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      try {
        if (goesIntoDigest(req.kind, { role: user.role, mode: modes.get(user.id) })) {
          const queued = await deps.delivery.queueForDigest(request, req.schoolId);
          if (queued.status !== 'NOT_QUEUED') {
            await (deps.ensureDigestRun ?? ensureDigestRunWithWorkerClient)(req.schoolId);
            result.queuedForDigest = (result.queuedForDigest ?? 0) + 1;
            continue;
          }
        }
        const r = await deps.delivery.deliver(request);
        if (r.status === 'SENT') result.sent += 1;
        else if (r.status === 'IN_DIGEST') result.queuedForDigest = (result.queuedForDigest ?? 0) + 1;
        else result.alreadySent += 1;
      } catch (error) {
        const message = `${user.id}: ${error instanceof Error ? error.message : String(error)}`;
        if (error instanceof InvalidMessageDataError) invalid.push(message);
        else sendFailures.push(message);
      }
    }
  } finally {
    stopBeating();
  }

  if (sendFailures.length) {
    throw ApplicationFailure.retryable(
      `${req.kind} ${req.key}: ${sendFailures.length} of ${withEmail.length} deliveries failed; retried with backoff: ${sendFailures.join(' | ')}` +
        (invalid.length ? ` (and invalid: ${invalid.join(' | ')})` : ''),
      'NotificationSendError',
    );
  }
  if (invalid.length) {
    throw ApplicationFailure.nonRetryable(`${req.kind} ${req.key}: invalid message data, not sent: ${invalid.join(' | ')}`, 'InvalidMessageDataError');
  }
  return result;
}

async function digestModes(dataSource: DataSource, users: UserEntity[]): Promise<Map<string, NotificationPreferenceEntity['mode']>> {
  if (!users.length) return new Map();
  const prefs = await dataSource.getRepository(NotificationPreferenceEntity).findBy({ userId: In(users.map((u) => u.id)) });
  return new Map(prefs.map((p) => [p.userId, p.mode]));
}

/** Heartbeats only when the activity has a heartbeat timeout (and only inside an activity). */
function beat(): void {
  try {
    if (activityInfo().heartbeatTimeoutMs) heartbeat();
  } catch {
    // Not running as an activity (a direct call in a test): nothing to report to.
  }
}

/** Heartbeats every third of the heartbeat timeout while a (possibly slow) send is under way. */
function startHeartbeat(): () => void {
  let timeoutMs: number | undefined;
  try {
    timeoutMs = activityInfo().heartbeatTimeoutMs;
  } catch {
    timeoutMs = undefined;
  }
  if (!timeoutMs) return () => undefined;
  const timer = setInterval(beat, Math.max(200, Math.floor(timeoutMs / 3)));
  return () => clearInterval(timer);
}

const ensuredDigestRuns = new Map<string, number>();
const ENSURE_AGAIN_AFTER_MS = 15 * 60_000;

/**
 * Starts the school's daily digest workflow on this activity's task queue if it is not running (workflow id
 * `daily-digest-<school>`, conflict policy USE_EXISTING), through the worker's client. Remembered per process for a
 * while, so a busy day does not call the server for every queued message.
 */
export async function ensureDigestRunWithWorkerClient(schoolId: string): Promise<void> {
  const { taskQueue } = activityInfo();
  const cacheKey = `${taskQueue}:${schoolId}`;
  const last = ensuredDigestRuns.get(cacheKey);
  if (last !== undefined && Date.now() - last < ENSURE_AGAIN_AFTER_MS) return;
  await getClient().workflow.start(DAILY_DIGEST_WORKFLOW, {
    workflowId: dailyDigestWorkflowId(schoolId),
    taskQueue,
    args: [{ schoolId }],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  ensuredDigestRuns.set(cacheKey, Date.now());
}

