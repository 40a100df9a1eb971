import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The hand-off of a finished OpenID Connect login to the admin app: the callback verified the provider's answer and
 * found the user, then sends the browser to the login page with a one-time code in the URL fragment (never a token).
 * The login page exchanges the code once (`completeOidcLogin`), only together with the httpOnly browser-binding cookie
 * of the browser that started the login, within a short time; the exchange starts the session. Keyed by the SHA-256 of
 * the code; the row is deleted by the exchange (single use) and refused after `expires_at`.
 */
@Entity({ name: 'oidc_login_handoff' })
export class OidcLoginHandoffEntity {
  /** Hex SHA-256 of the one-time code. */
  @PrimaryColumn({ name: 'code_hash', type: 'char', length: 64 })
  codeHash!: string;

  /** Hex SHA-256 of the browser-binding cookie value of the browser that started the login. */
  @Column({ name: 'binding_hash', type: 'char', length: 64 })
  bindingHash!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  /** The provider's ID token, handed to the session (only as `id_token_hint` for the provider logout). */
  @Column({ name: 'id_token', type: 'text', nullable: true })
  idToken!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Index()
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
