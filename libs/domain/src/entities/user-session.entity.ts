import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** How a session was started. */
/** DEV and OIDC for staff; PASSKEY, EMAIL_CODE and INVITATION (the first login through an accepted invitation) for parents and pupils. */
export type UserSessionMethod = 'DEV' | 'OIDC' | 'PASSKEY' | 'EMAIL_CODE' | 'INVITATION';

/**
 * One login: every access token carries the session id (`sid`), and the api accepts a token only
 * while its session is active (not ended, not expired), so logout revokes the token at once. The
 * session expires together with the token it was issued with (AUTH_TOKEN_TTL_SECONDS).
 */
@Entity({ name: 'user_session' })
@Index(['userId', 'expiresAt'])
export class UserSessionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 10 })
  method!: UserSessionMethod;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  /** Set at logout; a session with ended_at is refused. */
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  /**
   * The provider's ID token of an OpenID Connect session, kept only as `id_token_hint` for the
   * provider logout; cleared when the session ends.
   */
  @Column({ name: 'id_token', type: 'text', nullable: true })
  idToken!: string | null;
}
