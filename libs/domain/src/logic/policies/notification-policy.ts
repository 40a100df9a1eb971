/**
 * Delivery of messages and the staff's daily digest (PROCESSES.md cross-cutting rules 5 and 6(b)): how failed e-mail is
 * retried, when failing e-mail makes its case stuck, and when the digest goes out. Policy like every other threshold:
 * defaults here, overridable per SWV and per school, snapshotted into a case when it starts.
 */
export interface NotificationPolicy {
  /** Rule 6(b): an e-mail of a case that could not be delivered for this many seconds makes the case stuck (`MAIL_FAILING:<kind>`). */
  mailStuckAfterSeconds: number;
  /** Rule 5: a failed delivery is retried after this many seconds, the wait doubling with every attempt … */
  mailRetryInitialSeconds: number;
  /** Rule 5: … up to this many seconds between two attempts (retries never stop: the message goes out once the server is back). */
  mailRetryMaxSeconds: number;
  /** Rule 5: a delivery attempt that shows no sign of life for this many seconds (a crashed worker) is retried elsewhere. */
  mailHeartbeatSeconds: number;
  /** Digest: local hour (Europe/Amsterdam) at which staff who chose the daily digest get it; after the ladder's send time. */
  digestHour: number;
  /** Digest: minute of `digestHour`. */
  digestMinute: number;
  /** Digest: only on school days; what was queued on a weekend, holiday or day off goes out on the next school day. */
  digestSchoolDaysOnly: boolean;
}

/** The defaults: stuck after an hour, retries from 10 s doubling to 10 min, the digest at 08:30 on school days. */
export const DEFAULT_NOTIFICATION_POLICY: NotificationPolicy = Object.freeze({
  mailStuckAfterSeconds: 3600,
  mailRetryInitialSeconds: 10,
  mailRetryMaxSeconds: 600,
  mailHeartbeatSeconds: 30,
  digestHour: 8,
  digestMinute: 30,
  digestSchoolDaysOnly: true,
});

/**
 * The notification policy of a snapshot, with defaults for fields it lacks: cases started before this section existed
 * replay with a snapshot without it.
 */
export function notificationPolicyOf(policies: { notifications?: Partial<NotificationPolicy> } | null | undefined): NotificationPolicy {
  return { ...DEFAULT_NOTIFICATION_POLICY, ...(policies?.notifications ?? {}) };
}
