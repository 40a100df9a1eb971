import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum DeliveryStatus {
  /** Recorded, not yet handed to the mail server. */
  PENDING = 'PENDING',
  /** An attempt is handing it to the mail server right now (or crashed while doing so). */
  SENDING = 'SENDING',
  SENT = 'SENT',
  /** The last attempt failed; it will be retried. */
  FAILED = 'FAILED',
  /**
   * Not sent on its own: waits for the recipient's daily digest (staff who chose DAILY_DIGEST).
   * Its notification_digest_item row says which digest takes it.
   */
  DIGEST = 'DIGEST',
  /** Sent as part of a daily digest; sent_at and message_id are the digest's. */
  DIGESTED = 'DIGESTED',
}

/**
 * One message to one recipient, keyed by (case, step, rung, recipient). The unique key makes
 * delivery at-most-once per key; the status records progress before and after sending.
 */
@Entity({ name: 'notification_delivery' })
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 400, unique: true })
  key!: string;

  @Index()
  @Column({ name: 'case_id', type: 'varchar', length: 200, nullable: true })
  caseId!: string | null;

  @Column({ name: 'recipient_user_id', type: 'uuid', nullable: true })
  recipientUserId!: string | null;

  @Column({ name: 'recipient_email', type: 'varchar', length: 320 })
  recipientEmail!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError!: string | null;

  @Column({ name: 'message_id', type: 'varchar', length: 300, nullable: true })
  messageId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
