import type { DeliveryStatus } from '@zorgroute/domain';
import type { MessageDataByKind } from '../messages/message-data.types';
import type { MessageKind } from '../messages/message-kind';

export interface DeliveryRecipient {
  /** The recipient's user id (uuid) when the recipient has an account, else null (e.g. a parent without portal account). */
  userId: string | null;
  email: string;
  /** Used as `recipientName` in the greeting when the data does not set one. Not stored. */
  name: string;
}

/** `data` of a delivery: the message data, where recipientName defaults to recipient.name. */
export type DeliveryData<K extends MessageKind> = K extends MessageKind ? DistributiveRecipientOptional<MessageDataByKind[K]> : never;

type DistributiveRecipientOptional<T> = T extends unknown ? Omit<T, 'recipientName'> & { recipientName?: string } : never;

interface DeliveryRequestBase {
  /**
   * Stable key of this message, unique per (case, step, ladder rung, recipient) — cross-cutting
   * rule 5. At most one e-mail is delivered per key. Max 400 characters.
   */
  key: string;
  caseId: string | null;
  recipient: DeliveryRecipient;
}

/** A delivery request; narrows `data` on `kind`. */
export type DeliveryRequest = {
  [K in MessageKind]: DeliveryRequestBase & { kind: K; data: DeliveryData<K> };
}[MessageKind];

export interface DeliveryResult {
  /**
   * SENT: handed to the mail server by this call. ALREADY_SENT: an earlier call did; nothing was sent now.
   * IN_DIGEST: the key went into a daily digest (queueForDigest); it is never sent on its own.
   */
  status: 'SENT' | 'ALREADY_SENT' | 'IN_DIGEST';
  messageId: string;
}

export interface DigestQueueResult {
  /**
   * QUEUED_FOR_DIGEST: recorded for the recipient's daily digest now. ALREADY_QUEUED: an earlier call did.
   * NOT_QUEUED: the key was first handled as a single e-mail; deliver it as such.
   */
  status: 'QUEUED_FOR_DIGEST' | 'ALREADY_QUEUED' | 'NOT_QUEUED';
}

export interface NotificationDeliveryOptions {
  /**
   * How long an attempt may hold a delivery in SENDING before another attempt may take it over
   * (default 120 000 ms). Must be longer than one attempt can take (SMTP timeouts are 10 s each)
   * and than the activity's start-to-close timeout, or a slow but live attempt may be duplicated.
   */
  sendingLeaseMs?: number;
  /** Clock, for tests. */
  now?: () => Date;
}

/** One delivery as shown on a case's timeline. Bodies are never stored (privacy); the subject is. */
export interface DeliveryRecord {
  key: string;
  caseId: string | null;
  recipientEmail: string;
  kind: string;
  subject: string;
  status: DeliveryStatus;
  attempts: number;
  messageId: string | null;
  /** The most recent failure (redacted, ≤ 1000 chars); kept after a later success as history. */
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
}
