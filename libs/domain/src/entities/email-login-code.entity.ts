import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The one e-mail login code a parent/guardian or pupil may have open: an HMAC of the code (never the code), valid for
 * a few minutes and for a few attempts; a new request replaces it, a successful login removes it.
 */
@Entity({ name: 'email_login_code' })
export class EmailLoginCodeEntity {
  @PrimaryColumn({ primaryKeyConstraintName: 'PK_email_login_code', name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'code_hash', type: 'char', length: 64 })
  codeHash!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
