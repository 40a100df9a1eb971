/**
 * A school's daily digest (issue 5): staff who chose DAILY_DIGEST get one e-mail per school day listing the day's task
 * messages (new tasks, ladder reminders, escalations) instead of single e-mails.
 *
 * One long-running workflow per school (`daily-digest-<school>`), started on demand by the `notify` activity the first
 * time a message of that school is queued for a digest (conflict policy USE_EXISTING). Each run: load the school's
 * calendar and digest policy, sleep until the next digest moment (policy time of day, school days only by default),
 * send every waiting recipient their digest, and continue-as-new (a short history per day).
 *
 * Why a workflow and not a Temporal Schedule: "school days only" is the school's own calendar — regional holidays and
 * the school's days off, which differ per school and change during the year — which no cron or calendar spec of a
 * Schedule expresses; a Schedule would fire on every weekday and still need this calendar logic to skip. The workflow
 * computes the next moment with the same pure calendar code as the reminder ladder, picks up a changed policy or
 * calendar at every run (and at once on the `digestPolicyChanged` signal), and is tested with time skipping like the
 * processes. The digest's date is part of every digest's delivery key, so a retried or replayed run never sends a
 * recipient's digest of a day twice.
 */
import { condition, continueAsNew, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import { nextDigestMoment } from '@zorgroute/domain/logic';
import type { NotificationActivities } from '../../activities/notification-activities.types';
import { NON_RETRYABLE_MAIL_ERRORS } from '../common/mail-watch';

export { DAILY_DIGEST_WORKFLOW, dailyDigestWorkflowId } from './daily-digest.ids';

export interface DailyDigestInput {
  schoolId: string;
}

/** Sent by the api when the school's digest time or calendar changed: the run recomputes its next moment now. */
export const digestPolicyChanged = defineSignal('digestPolicyChanged');

const digestDb = proxyActivities<Pick<NotificationActivities, 'loadDigestContext'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes' },
});

const digestMail = proxyActivities<Pick<NotificationActivities, 'sendDailyDigests'>>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', nonRetryableErrorTypes: NON_RETRYABLE_MAIL_ERRORS },
});

export async function dailyDigestWorkflow(input: DailyDigestInput): Promise<void> {
  let changed = false;
  setHandler(digestPolicyChanged, () => {
    changed = true;
  });

  for (;;) {
    changed = false;
    const ctx = await digestDb.loadDigestContext({ schoolId: input.schoolId });
    const moment = nextDigestMoment(Date.now(), { hour: ctx.hour, minute: ctx.minute, schoolDaysOnly: ctx.schoolDaysOnly }, ctx.calendar);
    if (await condition(() => changed, Math.max(Date.parse(moment.at) - Date.now(), 1))) continue;
    await digestMail.sendDailyDigests({ schoolId: input.schoolId, digestDate: moment.date });
    break;
  }
  await continueAsNew<typeof dailyDigestWorkflow>(input);
}
