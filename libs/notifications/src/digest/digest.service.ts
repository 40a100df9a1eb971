import { DeliveryStatus, type DigestEntry } from '@zorgroute/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { DeliveryRecipient, DeliveryResult } from '../delivery/notification-delivery.types';
import type { NotificationDeliveryService } from '../delivery/notification-delivery.service';
import type { DailyDigestItem } from '../messages/message-data.types';
import type { TemplateRenderer } from '../templates/template.renderer';

/** The title of every digest (its `stepLabel`). */
export const DIGEST_TITLE = 'Dagoverzicht';

/** The key of one recipient's digest of one day at one school: sent at most once, like every other message. */
export function digestKeyFor(schoolId: string, digestDate: string, userId: string): string {
  return `digest:${schoolId}:${digestDate}:${userId}`;
}

export interface SendDigestInput {
  schoolId: string;
  schoolName: string;
  /** The school day of the digest (YYYY-MM-DD, Europe/Amsterdam). */
  digestDate: string;
  recipient: DeliveryRecipient & { userId: string };
  /** Where the digest's button leads (the app's start page). */
  appUrl: string;
}

export interface SendDigestResult {
  key: string;
  /** NOTHING: no message was waiting for this recipient. */
  status: DeliveryResult['status'] | 'NOTHING';
  /** Messages in the digest. */
  items: number;
}

/**
 * Sends each staff member's daily digest (issue 5), exactly once per (school, date, recipient):
 *
 * 1. take the items — under an advisory lock on the digest key, and only if the digest's delivery row does not exist
 *    yet: every waiting item of the recipient at the school gets `digest_key`, and the digest's delivery row is
 *    inserted (PENDING) in the same transaction. A retry therefore finds the same, frozen set of items; an item queued
 *    later waits for the next digest;
 * 2. send the digest through NotificationDeliveryService.deliver with the digest key (record before and after
 *    sending, the same Message-ID on every attempt);
 * 3. mark the items DIGESTED with the digest's sent_at and Message-ID, so the delivery log of every case says when
 *    and how its message went out.
 */
export class DigestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly delivery: NotificationDeliveryService,
    private readonly renderer: TemplateRenderer,
  ) {}

  /** Recipients at a school with messages waiting for a digest that has not taken them yet. */
  async waitingRecipients(schoolId: string): Promise<string[]> {
    const rows: { recipient_user_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT i.recipient_user_id
       FROM notification_digest_item i JOIN notification_delivery d ON d.id = i.delivery_id
       WHERE i.school_id = $1 AND i.digest_key IS NULL AND d.status = $2
       ORDER BY i.recipient_user_id`,
      [schoolId, DeliveryStatus.DIGEST],
    );
    return rows.map((r) => r.recipient_user_id);
  }

  async sendDigest(input: SendDigestInput): Promise<SendDigestResult> {
    const key = digestKeyFor(input.schoolId, input.digestDate, input.recipient.userId);
    const data = (items: DailyDigestItem[]) => ({
      schoolName: input.schoolName,
      stepLabel: DIGEST_TITLE,
      dueDate: input.digestDate,
      caseUrl: input.appUrl,
      items,
    });

    await this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
      const existing: unknown[] = await m.query('SELECT 1 FROM notification_delivery WHERE key = $1', [key]);
      if (existing.length) return;
      const taken = await rowsOf<{ entry: DigestEntry }>(
        m,
        `UPDATE notification_digest_item i SET digest_key = $1
         FROM notification_delivery d
         WHERE d.id = i.delivery_id AND d.status = $2 AND i.school_id = $3 AND i.recipient_user_id = $4 AND i.digest_key IS NULL
         RETURNING i.entry, i.queued_at, i.delivery_id`,
        [key, DeliveryStatus.DIGEST, input.schoolId, input.recipient.userId],
      );
      if (!taken.length) return;
      const subject = this.renderer.render('DAILY_DIGEST', {
        ...data(taken.map((t) => toItem(t.entry))),
        recipientName: input.recipient.name,
      }).subject;
      const now = new Date();
      await m.query(
        `INSERT INTO notification_delivery
           (key, case_id, recipient_user_id, recipient_email, kind, subject, status, attempts, created_at, updated_at)
         VALUES ($1, NULL, $2, $3, 'DAILY_DIGEST', $4, $5, 0, $6, $6)`,
        [key, input.recipient.userId, input.recipient.email, subject, DeliveryStatus.PENDING, now],
      );
    });

    const items: { delivery_id: string; entry: DigestEntry }[] = await this.dataSource.query(
      `SELECT delivery_id, entry FROM notification_digest_item WHERE digest_key = $1 ORDER BY queued_at, delivery_id`,
      [key],
    );
    if (!items.length) return { key, status: 'NOTHING', items: 0 };

    const result = await this.delivery.deliver({
      key,
      caseId: null,
      recipient: input.recipient,
      kind: 'DAILY_DIGEST',
      data: data(items.map((i) => toItem(i.entry))),
    });

    await this.dataSource.query(
      `UPDATE notification_delivery d
       SET status = $2, sent_at = g.sent_at, message_id = g.message_id, updated_at = g.sent_at
       FROM notification_delivery g
       WHERE g.key = $1 AND g.status = $4 AND d.id = ANY($3::uuid[]) AND d.status = $5`,
      [key, DeliveryStatus.DIGESTED, items.map((i) => i.delivery_id), DeliveryStatus.SENT, DeliveryStatus.DIGEST],
    );
    return { key, status: result.status, items: items.length };
  }
}

/** Rows of one statement, also for UPDATE … RETURNING (for which TypeORM's `query` returns [rows, count]). */
async function rowsOf<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const result = await m.queryRunner!.query(sql, params, true);
  return (result.records ?? []) as T[];
}

function toItem(entry: DigestEntry): DailyDigestItem {
  return {
    title: entry.title,
    stepLabel: entry.stepLabel,
    dueDate: entry.dueDate,
    caseUrl: entry.caseUrl,
    ...(entry.pupilFirstName ? { pupilFirstName: entry.pupilFirstName } : {}),
  };
}
