import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What a digest shows of one bundled message: its subject line, the step, the due date and the deep link. */
export interface DigestEntry {
  kind: string;
  /** The subject the message would have had on its own, e.g. "Herinnering: Intakegesprek (uiterlijk …)". */
  title: string;
  stepLabel: string;
  /** YYYY-MM-DD */
  dueDate: string;
  caseUrl: string;
  pupilFirstName?: string;
}

/**
 * A delivery (status DIGEST) waiting for its recipient's daily digest. The school's digest run
 * assigns `digest_key` (the key of the digest e-mail, `digest:<school>:<date>:<user>`) once and
 * for all, then sends that digest keyed like any other message and marks the deliveries DIGESTED.
 */
@Entity({ name: 'notification_digest_item' })
@Index(['schoolId', 'digestKey'])
export class NotificationDigestItemEntity {
  /** notification_delivery.id */
  @PrimaryColumn({ name: 'delivery_id', type: 'uuid' })
  deliveryId!: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'recipient_user_id', type: 'uuid' })
  recipientUserId!: string;

  @Column({ type: 'jsonb' })
  entry!: DigestEntry;

  /** Null while waiting; set by the digest run that takes the item. */
  @Index()
  @Column({ name: 'digest_key', type: 'varchar', length: 400, nullable: true })
  digestKey!: string | null;

  @Column({ name: 'queued_at', type: 'timestamptz' })
  queuedAt!: Date;
}
