import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** The kinds of message that are reminders: the rungs of the reminder ladder and what follows from them. */
export const REMINDER_KINDS: ReadonlySet<string> = new Set(['STEP_REMINDER', 'STEP_ESCALATION', 'CASE_STUCK', 'ZORGPLICHT_TERMIJN', 'SESSION_REMINDER']);

/**
 * The worker's own Prometheus metrics (prom-client), beside the Temporal SDK's (WORKER_METRICS_ADDRESS): mail and
 * reminders by message kind, activity outcomes by activity type. One registry per worker (tests run several in one
 * process). Labels are bounded by the code: message kinds, activity types, error class names.
 */
export class WorkerMetrics {
  readonly registry = new Registry();

  readonly mailSent = new Counter({
    name: 'zorgroute_mail_sent_total',
    help: 'E-mails handed to the mail server, by message kind.',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly remindersSent = new Counter({
    name: 'zorgroute_reminders_sent_total',
    help: 'Reminder e-mails sent (reminder ladder, escalations, stuck cases, zorgplicht terms, sessions), by message kind.',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly mailFailures = new Counter({
    name: 'zorgroute_mail_failures_total',
    help: 'Attempts to send an e-mail that failed (the activity retries), by message kind.',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly activities = new Counter({
    name: 'zorgroute_activities_total',
    help: 'Activity attempts, by activity type and outcome (ok, failed).',
    labelNames: ['activity', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly activityFailures = new Counter({
    name: 'zorgroute_activity_failures_total',
    help: 'Failed activity attempts, by activity type and error class (Temporal retries them).',
    labelNames: ['activity', 'error'] as const,
    registers: [this.registry],
  });

  readonly activityDuration = new Histogram({
    name: 'zorgroute_activity_duration_seconds',
    help: 'Time an activity attempt took, by activity type.',
    labelNames: ['activity'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /** A delivery outcome: SENT counts as sent (and as a reminder for the reminder kinds); ALREADY_SENT and IN_DIGEST do not. */
  recordDelivery(kind: string, status: 'SENT' | 'ALREADY_SENT' | 'IN_DIGEST'): void {
    if (status !== 'SENT') return;
    this.mailSent.inc({ kind });
    if (REMINDER_KINDS.has(kind)) this.remindersSent.inc({ kind });
  }
}
