/*
 * Public surface for the api and worker: workflow messages (updates, queries), input/state types,
 * activity implementations and the bundler options. Workflow code itself runs only in the worker's
 * sandbox (see ./workflows/index.ts).
 */
export * from './workflows/ondersteuningstraject/ondersteuningstraject.workflow';
export * from './workflows/zorgroute/zorgroute.workflow';
export * from './workflows/jos/jos.workflow';
export * from './workflows/common/consent';
export * from './workflows/common/document-request';
export type { LinkedCase } from './workflows/common/links';
export * from './workflows/zorgplicht/zorgplicht.workflow';
export * from './workflows/zorgplicht/zorgplicht-clock';
export * from './workflows/zorgplicht/zorgplicht-start';
export * from './workflows/oov/oov.workflow';
export * from './workflows/overdracht/overdracht.workflow';
export * from './workflows/opp/opp.workflow';
export * from './workflows/tlv/tlv.workflow';
export { SA_PROCESS, SA_SCHOOL, SA_STATUS, SA_WAITING_FOR, SA_NEXT_DUE, SA_STUCK, type Actor } from './workflows/common/case-recorder';
export type { StepErrorCode } from './workflows/common/step-errors';
export * from './activities/case-activities.types';
export * from './activities/case-activities';
export * from './activities/zorgplicht-activities.types';
export * from './activities/zorgplicht-activities';
export * from './activities/tlv-activities.types';
export * from './activities/tlv-activities';
export * from './workflows/daily-digest/daily-digest.workflow';
export {
  adminCloseCase,
  adminExtendDueDate,
  adminReassignStep,
  adminResendNotification,
  ADMIN_REASON_MAX,
  ADMIN_REASON_MIN,
  CLOSED_BY_ADMIN_STATUS,
  type AdminActionResult,
} from './workflows/common/admin-actions';
export { CALENDAR_UPDATED, CALENDAR_UPDATED_DUE_DATES_MOVED, useSchoolCalendar, type UseSchoolCalendarInput, type UseSchoolCalendarResult } from './workflows/common/calendar-update';
export { MAIL_FAILING_PREFIX, mailKindLabel, type MailFailure } from './workflows/common/mail-watch';
export * from './activities/notification-activities.types';
export * from './activities/notification-activities';
export { deliverToRecipients, ensureDigestRunWithWorkerClient } from './activities/notify-recipients';
export * from './workflows/retention/retention.workflow';
export * from './activities/retention-activities.types';
export * from './activities/retention-activities';
export * from './workflows/audit-checkpoint/audit-checkpoint.workflow';
export * from './activities/audit-checkpoint-activities.types';
export * from './activities/audit-checkpoint-activities';
export * from './bundle';
export const TASK_QUEUE_DEFAULT = 'zorgroute';
