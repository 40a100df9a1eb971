import { DeliveryStatus, isUuid, NotificationDeliveryEntity, type DigestEntry } from '@zorgroute/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { buildMeetingInvitationIcs } from '../calendar/meeting-invitation.ics';
import type { EmailRepository } from '../email/email.repository';
import type { OutgoingCalendarEvent } from '../email/email.types';
import { errorMessage } from '../email/redact.util';
import type { MeetingInvitationData, MessageDataByKind, RenderedMessage } from '../messages/message-data.types';
import type { MessageKind } from '../messages/message-kind';
import { InvalidMessageDataError } from '../templates/template.errors';
import type { TemplateRenderer } from '../templates/template.renderer';
import { DeliveryInProgressError, DeliveryRecordError, NotificationSendError } from './delivery.errors';
import { messageIdForKey } from './message-id.util';
import type {
  DeliveryRecord,
  DeliveryRequest,
  DeliveryResult,
  DigestQueueResult,
  NotificationDeliveryOptions,
} from './notification-delivery.types';

export const DEFAULT_SENDING_LEASE_MS = 120_000;
const MAX_KEY_LENGTH = 400;
const MAX_CASE_ID_LENGTH = 200;
const MAX_EMAIL_LENGTH = 320;
const MAX_LAST_ERROR_LENGTH = 1000;
const CLAIM_ROUNDS = 3;
const EMAIL = /^[^\s@<>,;"'()[\]\\]+@[^\s@<>,;"'()[\]\\]+$/;

/** Headers of every automated message (RFC 3834; Exchange): no out-of-office replies to a no-reply sender. */
const AUTOMATED_HEADERS: Readonly<Record<string, string>> = {
  'Auto-Submitted': 'auto-generated',
  'X-Auto-Response-Suppress': 'All',
};

type Claim =
  | { outcome: 'claimed'; id: string; attempts: number }
  | { outcome: 'already-sent'; messageId: string | null }
  | { outcome: 'in-digest' }
  | { outcome: 'in-progress'; since: Date };

/** Attempts (and waits before each retry) to record SENT after the mail server accepted a message. */
const RECORD_SENT_RETRY_DELAYS_MS = [0, 250, 1000];

/**
 * Delivers each message at most once per key (cross-cutting rule 5), recording every step in
 * notification_delivery:
 *
 * 1. record before sending — INSERT … ON CONFLICT (key) DO NOTHING (status PENDING);
 * 2. claim atomically — one UPDATE moves PENDING/FAILED (or a SENDING row whose lease expired) to
 *    SENDING and counts the attempt; concurrent callers for the same key cannot both win, because
 *    PostgreSQL re-checks the WHERE clause on the locked row;
 * 3. send — with a Message-ID derived from the key;
 * 4. record the outcome — SENT with sent_at and message_id, or FAILED with last_error, then rethrow.
 *
 * Digest: `queueForDigest` records a message as DIGEST instead (plus a notification_digest_item) for staff who chose
 * the daily digest; the school's digest run sends it inside one keyed DAILY_DIGEST e-mail and marks it DIGESTED
 * (DigestService). `deliver` never sends a key that went into a digest.
 *
 * Exactly once, and its one exception. Every failure before the mail server accepts a message leaves the row
 * PENDING/FAILED (or a SENDING row whose holder is dead), and the next attempt sends it: no loss, no duplicate. Every
 * failure after SENT is recorded returns ALREADY_SENT. Recording SENT is retried in-process, and a key whose
 * acceptance this process saw but could not record is remembered: a later attempt in the same process records SENT
 * without sending again. What remains is one window: the worker process dies (SIGKILL, power loss, OOM) — or the
 * database stays unreachable until it does — after the mail server answered 250 to the message and before SENT is
 * committed. SMTP shares no transaction with the database, and nothing survives that process that says the message
 * was accepted, so after the lease the next attempt cannot tell "died before sending" from "died after sending" and
 * sends again. That second copy carries the same Message-ID (derived from the key), which mail servers and clients
 * use to recognise duplicates (many, not all, de-duplicate on it). Never a lost message; at most one extra copy with
 * an identical Message-ID, and only in that crash window.
 */
export class NotificationDeliveryService {
  private readonly leaseMs: number;
  private readonly now: () => Date;
  /**
   * Keys the mail server accepted in this process but whose SENT could not be recorded (database away): a retry in
   * this process records SENT instead of sending again. Lost with the process (the documented crash window).
   */
  private readonly acceptedUnrecorded = new Map<string, string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly email: EmailRepository,
    private readonly renderer: TemplateRenderer,
    options: NotificationDeliveryOptions = {},
  ) {
    this.leaseMs = options.sendingLeaseMs ?? DEFAULT_SENDING_LEASE_MS;
    if (!Number.isFinite(this.leaseMs) || this.leaseMs <= 0) throw new RangeError('sendingLeaseMs must be a positive number');
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Sends the message for `req.key` unless it was sent before. Throws DeliveryInProgressError
   * (another attempt holds it), NotificationSendError (recorded FAILED) or DeliveryRecordError —
   * all retryable — or InvalidMessageDataError (not retryable).
   */
  async deliver(req: DeliveryRequest): Promise<DeliveryResult> {
    validateRequest(req);
    const message = this.render(req);
    const messageId = messageIdForKey(req.key);

    await this.rows(
      `INSERT INTO notification_delivery
         (key, case_id, recipient_user_id, recipient_email, kind, subject, status, attempts, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8, $8)
       ON CONFLICT (key) DO NOTHING`,
      [req.key, req.caseId, req.recipient.userId, req.recipient.email, req.kind, message.subject, DeliveryStatus.PENDING, this.now()],
    );
    const icalEvent = req.kind === 'MEETING_INVITATION' || req.kind === 'MEETING_CANCELLED' ? await this.invitationIcs(req) : undefined;

    const accepted = this.acceptedUnrecorded.get(req.key);
    if (accepted !== undefined) {
      await this.recordSentByKey(req, accepted);
      return { status: 'SENT', messageId: accepted };
    }

    const claim = await this.claim(req, message);
    if (claim.outcome === 'already-sent') return { status: 'ALREADY_SENT', messageId: claim.messageId ?? messageId };
    if (claim.outcome === 'in-digest') return { status: 'IN_DIGEST', messageId };
    if (claim.outcome === 'in-progress') {
      throw new DeliveryInProgressError(
        `Delivery ${req.key} is in progress (another attempt has held it since ${claim.since.toISOString()}; ` +
          `lease ${this.leaseMs} ms); retry later`,
      );
    }

    try {
      await this.email.send({
        to: req.recipient.email,
        subject: message.subject,
        html: message.html,
        text: message.text,
        messageId,
        headers: { ...AUTOMATED_HEADERS },
        ...(icalEvent ? { icalEvent } : {}),
      });
    } catch (error) {
      const reason = truncate(errorMessage(error), MAX_LAST_ERROR_LENGTH);
      let recordProblem = '';
      try {
        // Only while our claim still holds: a failure must never overwrite a later attempt's SENT.
        await this.rows(
          `UPDATE notification_delivery SET status = $3, last_error = $4, updated_at = $5
           WHERE id = $1 AND attempts = $2 AND status = $6`,
          [claim.id, claim.attempts, DeliveryStatus.FAILED, reason, this.now(), DeliveryStatus.SENDING],
        );
      } catch (recordError) {
        recordProblem = ` (recording FAILED also failed: ${errorMessage(recordError)})`;
      }
      throw new NotificationSendError(
        `Sending ${req.kind} e-mail for delivery ${req.key} failed on attempt ${claim.attempts}: ${reason}${recordProblem}`,
        { cause: error },
      );
    }

    this.acceptedUnrecorded.set(req.key, messageId);
    await this.recordSentByKey(req, messageId);
    return { status: 'SENT', messageId };
  }

  /**
   * Records the message for the recipient's daily digest instead of sending it: a delivery row with status DIGEST and
   * a digest item (what the digest lists), in one transaction, keyed like `deliver`. QUEUED_FOR_DIGEST the first time,
   * ALREADY_QUEUED on a retry, NOT_QUEUED when the key was handled as a single e-mail before (the caller then calls
   * `deliver`, which finds it sent or sends it). Throws InvalidMessageDataError (not retryable) on bad data.
   */
  async queueForDigest(req: DeliveryRequest, schoolId: string): Promise<DigestQueueResult> {
    validateRequest(req);
    if (req.recipient.userId === null) throw new InvalidMessageDataError('Invalid digest request: recipient.userId is required');
    if (typeof schoolId !== 'string' || !isUuid(schoolId)) throw new InvalidMessageDataError('Invalid digest request: schoolId must be a uuid');
    const message = this.render(req);
    const data = req.data as { stepLabel: string; dueDate: string; caseUrl: string; pupilFirstName?: string };
    const entry: DigestEntry = {
      kind: req.kind,
      title: message.subject,
      stepLabel: data.stepLabel,
      dueDate: data.dueDate,
      caseUrl: data.caseUrl,
      ...(data.pupilFirstName ? { pupilFirstName: data.pupilFirstName } : {}),
    };
    return this.dataSource.transaction(async (m) => {
      const now = this.now();
      const inserted = await rowsIn<{ id: string }>(
        m,
        `INSERT INTO notification_delivery
           (key, case_id, recipient_user_id, recipient_email, kind, subject, status, attempts, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8, $8)
         ON CONFLICT (key) DO NOTHING
         RETURNING id`,
        [req.key, req.caseId, req.recipient.userId, req.recipient.email, req.kind, message.subject, DeliveryStatus.DIGEST, now],
      );
      if (inserted.length === 1) {
        await m.query(
          `INSERT INTO notification_digest_item (delivery_id, school_id, recipient_user_id, entry, digest_key, queued_at)
           VALUES ($1, $2, $3, $4, NULL, $5)`,
          [inserted[0].id, schoolId, req.recipient.userId, JSON.stringify(entry), now],
        );
        return { status: 'QUEUED_FOR_DIGEST' as const };
      }
      const [current]: { status: DeliveryStatus }[] = await m.query(`SELECT status FROM notification_delivery WHERE key = $1`, [req.key]);
      const inDigest = current?.status === DeliveryStatus.DIGEST || current?.status === DeliveryStatus.DIGESTED;
      return { status: inDigest ? ('ALREADY_QUEUED' as const) : ('NOT_QUEUED' as const) };
    });
  }

  /**
   * Records SENT for a key the mail server accepted, retrying a few times in-process. On success the key is forgotten;
   * on failure it stays remembered (a retry in this process records instead of re-sending) and DeliveryRecordError is
   * thrown (retryable).
   */
  private async recordSentByKey(req: DeliveryRequest, messageId: string): Promise<void> {
    let lastError: unknown;
    for (const delay of RECORD_SENT_RETRY_DELAYS_MS) {
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      try {
        const now = this.now();
        await this.rows(
          `UPDATE notification_delivery SET status = $2, sent_at = $3, updated_at = $3, message_id = $4
           WHERE key = $1 AND status <> $2`,
          [req.key, DeliveryStatus.SENT, now, messageId],
        );
        this.acceptedUnrecorded.delete(req.key);
        return;
      } catch (error) {
        lastError = error;
      }
    }
    throw new DeliveryRecordError(
      `The mail server accepted ${req.kind} e-mail for delivery ${req.key}, but recording SENT failed: ${errorMessage(lastError)}. ` +
        `A retry in this process records it without sending again; if this process dies first, a retry after the lease ` +
        `re-sends it with the same Message-ID ${messageId}`,
      { cause: lastError },
    );
  }

  /** Deliveries of a case for its timeline, oldest first. */
  async listForCase(caseId: string): Promise<DeliveryRecord[]> {
    const rows = await this.dataSource.getRepository(NotificationDeliveryEntity).find({
      where: { caseId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map(toRecord);
  }

  async findByKey(key: string): Promise<DeliveryRecord | null> {
    const row = await this.dataSource.getRepository(NotificationDeliveryEntity).findOneBy({ key });
    return row ? toRecord(row) : null;
  }

  /**
   * The calendar invitation of a MEETING_INVITATION (or the cancellation of a MEETING_CANCELLED), rebuilt from the
   * request at every attempt (nothing binary is stored): its DTSTAMP and SEQUENCE come from the delivery row's
   * `created_at`, so a retry sends the same file and a later message about the same (re-planned or cancelled) meeting
   * a higher SEQUENCE.
   */
  private async invitationIcs(req: DeliveryRequest & { kind: 'MEETING_INVITATION' | 'MEETING_CANCELLED' }): Promise<OutgoingCalendarEvent> {
    const [row] = await this.rows<{ created_at: Date | string }>(`SELECT created_at FROM notification_delivery WHERE key = $1`, [req.key]);
    if (!row) throw new DeliveryRecordError(`Delivery ${req.key} disappeared before its invitation was built`);
    const data = { ...req.data, recipientName: req.data.recipientName?.trim() || req.recipient.name } as MeetingInvitationData;
    const content = buildMeetingInvitationIcs({
      data,
      caseId: req.caseId,
      recipient: { email: req.recipient.email, name: data.recipientName },
      organizer: { name: this.email.sender.name, email: this.email.sender.address },
      requestedAt: new Date(row.created_at),
      cancelled: req.kind === 'MEETING_CANCELLED',
    });
    return req.kind === 'MEETING_CANCELLED' ? { method: 'CANCEL', filename: 'afgelast.ics', content } : { method: 'REQUEST', filename: 'uitnodiging.ics', content };
  }

  private render(req: DeliveryRequest): RenderedMessage {
    const data = { ...req.data, recipientName: req.data.recipientName?.trim() || req.recipient.name };
    return this.renderer.render(req.kind as MessageKind, data as MessageDataByKind[MessageKind]);
  }

  private async claim(req: DeliveryRequest, message: RenderedMessage): Promise<Claim> {
    for (let round = 0; round < CLAIM_ROUNDS; round++) {
      const now = this.now();
      const staleBefore = new Date(now.getTime() - this.leaseMs);
      const claimed = await this.rows<{ id: string; attempts: number }>(
        `UPDATE notification_delivery
         SET status = $2, attempts = attempts + 1, updated_at = $3,
             recipient_email = $4, recipient_user_id = $5, subject = $6
         WHERE key = $1
           AND (status IN ($7, $8) OR (status = $2 AND updated_at < $9))
         RETURNING id, attempts`,
        [
          req.key,
          DeliveryStatus.SENDING,
          now,
          req.recipient.email,
          req.recipient.userId,
          message.subject,
          DeliveryStatus.PENDING,
          DeliveryStatus.FAILED,
          staleBefore,
        ],
      );
      if (claimed.length === 1) return { outcome: 'claimed', id: claimed[0].id, attempts: Number(claimed[0].attempts) };

      const [current] = await this.rows<{ status: DeliveryStatus; updated_at: Date; message_id: string | null }>(
        `SELECT status, updated_at, message_id FROM notification_delivery WHERE key = $1`,
        [req.key],
      );
      if (!current) throw new DeliveryRecordError(`Delivery ${req.key} disappeared while claiming it`);
      if (current.status === DeliveryStatus.SENT) return { outcome: 'already-sent', messageId: current.message_id };
      if (current.status === DeliveryStatus.DIGEST || current.status === DeliveryStatus.DIGESTED) return { outcome: 'in-digest' };
      if (current.status === DeliveryStatus.SENDING && current.updated_at >= staleBefore) {
        return { outcome: 'in-progress', since: current.updated_at };
      }
      // The row changed between the UPDATE and the SELECT (another attempt finished or failed): try again.
    }
    return { outcome: 'in-progress', since: this.now() };
  }

  /** Runs one statement and returns its rows (also for UPDATE … RETURNING). */
  private async rows<T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(sql, params, true);
      return (result.records ?? []) as T[];
    } finally {
      await runner.release();
    }
  }
}

/** Rows of one statement inside a transaction (TypeORM's `query` returns [rows, count] for UPDATE … RETURNING). */
async function rowsIn<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const result = await m.queryRunner!.query(sql, params, true);
  return (result.records ?? []) as T[];
}

function validateRequest(req: DeliveryRequest): void {
  const problems: string[] = [];
  if (typeof req.key !== 'string' || req.key.trim() === '' || req.key.length > MAX_KEY_LENGTH) {
    problems.push(`key must be a non-empty string of at most ${MAX_KEY_LENGTH} characters`);
  }
  if (req.caseId !== null && (typeof req.caseId !== 'string' || req.caseId === '' || req.caseId.length > MAX_CASE_ID_LENGTH)) {
    problems.push(`caseId must be null or a non-empty string of at most ${MAX_CASE_ID_LENGTH} characters`);
  }
  const recipient = req.recipient as Partial<DeliveryRequest['recipient']> | undefined;
  if (!recipient || typeof recipient.email !== 'string' || recipient.email.length > MAX_EMAIL_LENGTH || !EMAIL.test(recipient.email)) {
    problems.push('recipient.email must be a single e-mail address');
  }
  if (recipient && recipient.userId !== null && (typeof recipient.userId !== 'string' || !isUuid(recipient.userId))) {
    problems.push('recipient.userId must be null or a uuid');
  }
  if (problems.length > 0) throw new InvalidMessageDataError(`Invalid delivery request: ${problems.join('; ')}`);
}

function toRecord(row: NotificationDeliveryEntity): DeliveryRecord {
  return {
    key: row.key,
    caseId: row.caseId,
    recipientEmail: row.recipientEmail,
    kind: row.kind,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    messageId: row.messageId,
    lastError: row.lastError,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    sentAt: row.sentAt,
  };
}

function truncate(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
