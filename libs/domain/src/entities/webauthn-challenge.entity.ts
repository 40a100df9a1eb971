import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type WebauthnChallengePurpose = 'REGISTER' | 'LOGIN';

/**
 * A WebAuthn challenge handed to a browser, by its SHA-256: single use (taken with `DELETE … RETURNING`) and valid for
 * a few minutes. A registration challenge belongs to the invitation it was asked with.
 */
@Entity({ name: 'webauthn_challenge' })
export class WebauthnChallengeEntity {
  @PrimaryColumn({ primaryKeyConstraintName: 'PK_webauthn_challenge', name: 'challenge_hash', type: 'char', length: 64 })
  challengeHash!: string;

  @Column({ type: 'varchar', length: 20 })
  purpose!: WebauthnChallengePurpose;

  @Column({ name: 'invitation_id', type: 'uuid', nullable: true })
  invitationId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Index('IDX_webauthn_challenge_expires')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
