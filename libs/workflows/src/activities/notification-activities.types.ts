import type { SchoolCalendar } from '@zorgroute/domain/logic';

/** What the school's digest run needs: its calendar and when the digest goes out (policy). */
export interface DigestContext {
  calendar: SchoolCalendar;
  hour: number;
  minute: number;
  schoolDaysOnly: boolean;
}

/** The state of a notify request's deliveries (keys `<request key>:<recipient>`), for a mail-failing stuck item. */
export interface DeliveryProblem {
  /** The most recent error of a delivery that is not sent yet (redacted), or null when none was recorded. */
  lastError: string | null;
  /** Attempts so far of the deliveries that are not sent yet. */
  attempts: number;
  /** Deliveries of the request that are not sent yet. */
  unsent: number;
}

export interface SendDailyDigestsResult {
  /** Recipients that had messages waiting. */
  recipients: number;
  /** Digests handed to the mail server by this call (not counting ones an earlier attempt sent). */
  sent: number;
  /** Messages that went out inside those digests. */
  items: number;
}

/** Activities of the notification machinery (digest runs, mail-failing stuck items). Implemented in ./notification-activities.ts. */
export interface NotificationActivities {
  deliveryProblem(input: { keyPrefix: string }): Promise<DeliveryProblem>;
  loadDigestContext(input: { schoolId: string }): Promise<DigestContext>;
  /** Sends every waiting recipient of the school their digest of `digestDate` (each keyed: at most once). */
  sendDailyDigests(input: { schoolId: string; digestDate: string }): Promise<SendDailyDigestsResult>;
}
