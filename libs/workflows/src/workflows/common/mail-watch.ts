/**
 * Background delivery of a case's messages, watched (cross-cutting rules 5 and 6(b)).
 *
 * The `notify` activity is retried with backoff (policy `notifications.mailRetry*`) until the mail server takes the
 * message — never twice, the delivery is keyed — and not at all for invalid message data. A heartbeat timeout
 * (`mailHeartbeatSeconds`) notices a worker that died mid-delivery, so another worker takes over quickly.
 * When the message is still not delivered after `mailStuckAfterSeconds`, the case becomes a visible stuck item:
 * `stuck = true`, `stuckReason = MAIL_FAILING:<kind>`, the last error in the read model (`data.mailFailures`) and an
 * audit entry. Delivery goes on; when it succeeds the stuck item is cleared (with another audit entry).
 */
import { condition, proxyActivities } from '@temporalio/workflow';
import { notificationPolicyOf } from '@zorgroute/domain/logic';
import type { CaseActivities, NotificationKind, NotifyRequest, NotifyResult } from '../../activities/case-activities.types';
import type { NotificationActivities } from '../../activities/notification-activities.types';
import type { CaseRecorder } from './case-recorder';

export const MAIL_FAILING_PREFIX = 'MAIL_FAILING:';
/** Error types the notify activity never retries. */
export const NON_RETRYABLE_MAIL_ERRORS = ['InvalidMessageDataError'];

/** A message of the case that is failing past the threshold (kept in the read model's `data.mailFailures`). */
export interface MailFailure {
  key: string;
  kind: string;
  /** When it became stuck (ISO). */
  since: string;
  lastError: string | null;
  attempts: number;
}

/** Every kind a case sends has a Dutch name (a new kind does not compile without one), plus the daily digest. */
const KIND_LABELS: Record<NotificationKind | 'DAILY_DIGEST', string> = {
  STEP_ASSIGNED: 'nieuwe taak',
  STEP_REMINDER: 'herinnering',
  STEP_ESCALATION: 'escalatie aan de zorgcoördinator',
  CASE_STUCK: 'melding vastgelopen dossier',
  CASE_STARTED: 'bericht aan ouders over de start',
  CONSENT_REQUESTED: 'toestemmingsverzoek aan ouders',
  DOCUMENT_REQUESTED: 'documentverzoek aan ouders',
  ZORGPLICHT_TERMIJN: 'zorgplichtsignaal aan het SWV',
  LETTER_AVAILABLE: 'bericht aan ouders over een brief',
  TRAJECT_PARENT_UPDATE: 'bericht aan ouders over het traject',
  TRAJECT_OUTCOME: 'uitkomst van het traject aan de zorgcoördinator',
  CASE_CLOSED: 'bericht aan ouders: afgesloten door de school',
  MEETING_INVITATION: 'uitnodiging voor een overleg',
  MEETING_CANCELLED: 'afzegging van een overleg',
  MEETING_AGENDA: 'agenda van het ZAT',
  REFERRAL_RETURNED: 'aanmelding teruggestuurd naar de aanmelder',
  SESSION_REMINDER: 'herinnering aan een sessie',
  DAILY_DIGEST: 'dagoverzicht',
};

/** Dutch name of a kind of message, for the timeline and the delivery log. */
export function mailKindLabel(kind: string): string {
  return (KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

const mailDb = proxyActivities<Pick<NotificationActivities, 'deliveryProblem'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes' },
});

const MAX_ERROR_IN_DESCRIPTION = 250;
const EMAIL_ADDRESS = /[^\s<>()[\]"',;:@]+@[^\s<>()[\]"',;:@]+/g;

/**
 * Delivers `req` in the background of `rec`'s case and watches it (see the file comment). Resolves with the
 * activity's result, or null when the message could not be made (invalid data: recorded as MAIL_INVALID, not sent).
 */
export async function deliverWatched(rec: CaseRecorder, req: NotifyRequest): Promise<NotifyResult | null> {
  const policy = notificationPolicyOf(rec.context.policies);
  const { notify } = proxyActivities<Pick<CaseActivities, 'notify'>>({
    // One attempt may deliver to a few recipients, each bounded by the SMTP timeouts; heartbeats show it is alive.
    startToCloseTimeout: '5 minutes',
    heartbeatTimeout: policy.mailHeartbeatSeconds * 1000,
    retry: {
      initialInterval: policy.mailRetryInitialSeconds * 1000,
      backoffCoefficient: 2,
      maximumInterval: policy.mailRetryMaxSeconds * 1000,
      nonRetryableErrorTypes: NON_RETRYABLE_MAIL_ERRORS,
    },
  });

  let settled = false;
  let result: NotifyResult | null = null;
  let failure: unknown = null;
  const attempt = notify(req).then(
    (r) => {
      result = r;
    },
    (e: unknown) => {
      failure = e;
    },
  );
  void attempt.finally(() => {
    settled = true;
  });

  const label = mailKindLabel(req.kind);
  if (!(await condition(() => settled, policy.mailStuckAfterSeconds * 1000))) {
    const problem = await mailDb.deliveryProblem({ keyPrefix: req.key });
    const minutes = Math.round(policy.mailStuckAfterSeconds / 60);
    rec.markMailFailing({ key: req.key, kind: req.kind, since: new Date().toISOString(), lastError: problem.lastError, attempts: problem.attempts });
    await rec.record({
      actorId: null,
      actorName: 'Zorgroute',
      action: 'MAIL_FAILING',
      description: truncate(
        `E-mail (${label}) kan al ${minutes > 0 ? `${minutes} minuten` : `${policy.mailStuckAfterSeconds} seconden`} niet worden verstuurd; ` +
          `Zorgroute blijft het proberen. Laatste fout: ${problem.lastError ? publicError(problem.lastError) : 'onbekend'}`,
        500,
      ),
      details: { kind: req.kind, key: req.key, lastError: problem.lastError, attempts: problem.attempts, unsent: problem.unsent },
    });
    await condition(() => settled);
    rec.clearMailFailing(req.key);
    await rec.record({
      actorId: null,
      actorName: 'Zorgroute',
      action: 'MAIL_RECOVERED',
      description: failure ? `E-mail (${label}) wordt niet meer geprobeerd: de gegevens zijn ongeldig` : `E-mail (${label}) is alsnog verstuurd`,
      details: { kind: req.kind, key: req.key },
    });
  }
  await attempt;

  if (failure) {
    const message = failure instanceof Error ? (failure.cause instanceof Error ? failure.cause.message : failure.message) : String(failure);
    await rec.record({
      actorId: null,
      actorName: 'Zorgroute',
      action: 'MAIL_INVALID',
      description: truncate(`E-mail (${label}) kon niet worden gemaakt en is niet verstuurd: ${publicError(message)}`, 500),
      details: { kind: req.kind, key: req.key },
    });
    return null;
  }
  return result;
}

function truncate(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** An error for the timeline, which every viewer of the case sees: e-mail addresses masked, kept short. */
function publicError(error: string): string {
  return truncate(error.replace(EMAIL_ADDRESS, (address) => `${address.slice(0, 1)}***@***`), MAX_ERROR_IN_DESCRIPTION);
}
