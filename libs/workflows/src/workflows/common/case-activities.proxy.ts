import { proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../../activities/case-activities.types';

/** Database activities: quick, retried with backoff for as long as the database is away. */
export const db = proxyActivities<Pick<CaseActivities, 'loadCaseContext' | 'recordCase' | 'recordConsent'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes' },
});
