import { LessThan, type DataSource } from 'typeorm';
import { OidcLoginRequestEntity } from '@zorgroute/domain';
import { randomToken, sameHex, sha256Hex } from './oidc-crypto';
import { OidcLoginError } from './oidc-errors';

/** Storage of pending logins; `take` must remove the row atomically and return it (single use). */
export interface LoginRequestRepository {
  insert(row: OidcLoginRequestEntity): Promise<void>;
  take(stateHash: string): Promise<OidcLoginRequestEntity | null>;
  deleteExpired(now: Date): Promise<void>;
}

/** PostgreSQL: `DELETE … RETURNING` makes the first callback win, a replay finds nothing. */
export function typeormLoginRequests(dataSource: DataSource): LoginRequestRepository {
  const repo = dataSource.getRepository(OidcLoginRequestEntity);
  return {
    insert: async (row) => {
      await repo.insert(row);
    },
    take: async (stateHash) => {
      const result = await repo.createQueryBuilder().delete().where('state_hash = :stateHash', { stateHash }).returning('*').execute();
      const raw = (result.raw as Record<string, unknown>[])[0];
      if (!raw) return null;
      return Object.assign(new OidcLoginRequestEntity(), {
        stateHash: String(raw.state_hash),
        bindingHash: String(raw.binding_hash),
        nonce: String(raw.nonce),
        codeVerifier: String(raw.code_verifier),
        createdAt: new Date(raw.created_at as string | Date),
        expiresAt: new Date(raw.expires_at as string | Date),
      });
    },
    deleteExpired: async (now) => {
      await repo.delete({ expiresAt: LessThan(now) });
    },
  };
}

export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * Server-side state of the authorization-code flow: `state`, `nonce` and the PKCE verifier live in
 * a database row keyed by SHA-256(state), with a short TTL, consumed once; the row is bound to the
 * browser that started the login by a random value in an httpOnly cookie (only its hash is stored).
 */
export class OidcStateStore {
  constructor(
    private readonly repo: LoginRequestRepository,
    private readonly ttlSeconds: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(binding: string): Promise<PendingLogin> {
    const now = this.now();
    const pending: PendingLogin = { state: randomToken(32), nonce: randomToken(32), codeVerifier: randomToken(48) };
    await this.repo.deleteExpired(now);
    await this.repo.insert(
      Object.assign(new OidcLoginRequestEntity(), {
        stateHash: sha256Hex(pending.state),
        bindingHash: sha256Hex(binding),
        nonce: pending.nonce,
        codeVerifier: pending.codeVerifier,
        createdAt: now,
        expiresAt: new Date(now.getTime() + this.ttlSeconds * 1000),
      }),
    );
    return pending;
  }

  /** Consumes the pending login of `state`; refused when unknown, used, expired or from another browser. */
  async consume(state: string | undefined, binding: string | null): Promise<PendingLogin> {
    if (!state || state.length > 200) throw new OidcLoginError('OIDC_STATE_INVALID', 'no state');
    const row = await this.repo.take(sha256Hex(state));
    if (!row) throw new OidcLoginError('OIDC_STATE_INVALID', 'unknown or used state');
    if (row.expiresAt.getTime() <= this.now().getTime()) throw new OidcLoginError('OIDC_STATE_INVALID', 'expired state');
    if (!binding || !sameHex(row.bindingHash, sha256Hex(binding))) throw new OidcLoginError('OIDC_STATE_INVALID', 'state from another browser');
    return { state, nonce: row.nonce, codeVerifier: row.codeVerifier };
  }
}
