import { proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../../activities/case-activities.types';

/** Database activities: quick, retried with backoff for as long as the database is away. */
export const db = proxyActivities<Pick<CaseActivities, 'loadCaseContext' | 'recordCase' | 'recordConsent'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes' },
});

/**
 * Messages: retried with backoff until the mail server takes them (delivery is keyed, so never twice); invalid message
 * data is not retried. Only cases that replay the unwatched path use this proxy: new deliveries go through
 * mail-watch.ts, whose retry policy comes from the case's notification policy.
 */
export const mail = proxyActivities<Pick<CaseActivities, 'notify'>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', nonRetryableErrorTypes: ['InvalidMessageDataError'] },
});
