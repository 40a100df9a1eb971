import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Why an invitation was sent: by the school (the zorgcoördinator's button), with a consent request, or asked again. */
export type LoginInvitationSource = 'SCHOOL' | 'CONSENT_REQUEST' | 'RENEWAL';

/**
 * An invitation for a parent/guardian (or a pupil without a school account) to log in to Zorgroute: the e-mailed link
 * carries a random token, of which only the SHA-256 is stored. Single use (`used_at`) and valid until `expires_at`
 * (LOGIN_INVITATION_TTL_DAYS). Accepting it registers a passkey or turns on the e-mail code login
 * (`app_user.login_activated_at`). See docs/security.md "Logins for parents and pupils".
 */
@Entity({ name: 'login_invitation' })
export class LoginInvitationEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_login_invitation' })
  id!: string;

  @Index('IDX_login_invitation_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Index('IDX_login_invitation_token', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ type: 'varchar', length: 20 })
  source!: LoginInvitationSource;

  /** For an invitation sent with a message: the message's delivery key (one invitation per message and recipient). */
  @Index('IDX_login_invitation_source_key', { unique: true })
  @Column({ name: 'source_key', type: 'varchar', length: 400, nullable: true })
  sourceKey!: string | null;

  /** Where the invited person lands after accepting (a path of the app, e.g. the case of the consent request). */
  @Column({ name: 'return_path', type: 'varchar', length: 300, nullable: true })
  returnPath!: string | null;

  /** The staff member who sent it (null: sent by Zorgroute with a message, or asked again by the invitee). */
  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
