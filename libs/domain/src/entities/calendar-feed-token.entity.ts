import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A user's private iCalendar feed: the URL carries a random token; only its SHA-256 is stored, so
 * the database never holds a usable feed URL. One feed per user: regenerating replaces the hash
 * (the old URL stops working), revoking deletes the row.
 */
@Entity({ name: 'calendar_feed_token' })
export class CalendarFeedTokenEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  /** Hex SHA-256 of the token. */
  @Column({ name: 'token_hash', type: 'char', length: 64, unique: true })
  tokenHash!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}
