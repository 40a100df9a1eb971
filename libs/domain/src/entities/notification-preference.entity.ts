import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How a staff member wants the messages that may be bundled: one e-mail each, or one digest a school day. */
export const NotificationMode = {
  IMMEDIATE: 'IMMEDIATE',
  DAILY_DIGEST: 'DAILY_DIGEST',
} as const;
export type NotificationMode = (typeof NotificationMode)[keyof typeof NotificationMode];

/**
 * A user's choice between single e-mails and a daily digest. No row means IMMEDIATE. Parents and
 * pupils always get their messages immediately, and legal notices are never digested, whatever
 * this row says (see @zorgroute/notifications `deliveryClassOf`).
 */
@Entity({ name: 'notification_preference' })
export class NotificationPreferenceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 20 })
  mode!: NotificationMode;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
