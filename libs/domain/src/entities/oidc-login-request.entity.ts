import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A pending OpenID Connect login (authorization request sent, callback not yet seen). Keyed by the
 * SHA-256 of `state`; the row is deleted when the callback consumes it (single use) and is refused
 * after `expires_at`. `binding_hash` is the SHA-256 of a random value in an httpOnly cookie of the
 * browser that started the login, so a callback from another browser is refused (login CSRF).
 */
@Entity({ name: 'oidc_login_request' })
export class OidcLoginRequestEntity {
  /** Hex SHA-256 of the `state` parameter. */
  @PrimaryColumn({ name: 'state_hash', type: 'char', length: 64 })
  stateHash!: string;

  /** Hex SHA-256 of the browser-binding cookie value. */
  @Column({ name: 'binding_hash', type: 'char', length: 64 })
  bindingHash!: string;

  @Column({ type: 'varchar', length: 128 })
  nonce!: string;

  /** The PKCE code_verifier (RFC 7636). */
  @Column({ name: 'code_verifier', type: 'varchar', length: 128 })
  codeVerifier!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Index()
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
