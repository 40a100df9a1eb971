import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A registered passkey (WebAuthn credential) of a parent/guardian or pupil; verified with @simplewebauthn/server. */
@Entity({ name: 'webauthn_credential' })
export class WebauthnCredentialEntity {
  /** The credential id (base64url), as the authenticator returns it. */
  @PrimaryColumn({ primaryKeyConstraintName: 'PK_webauthn_credential', type: 'varchar', length: 512 })
  id!: string;

  @Index('IDX_webauthn_credential_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  /** The COSE public key. */
  @Column({ name: 'public_key', type: 'bytea' })
  publicKey!: Buffer;

  /** The signature counter (0 for authenticators that do not count, e.g. most synced passkeys). */
  @Column({ type: 'bigint', default: 0 })
  counter!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  transports!: string[];

  @Column({ name: 'device_type', type: 'varchar', length: 20 })
  deviceType!: string;

  @Column({ name: 'backed_up', type: 'boolean', default: false })
  backedUp!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}
