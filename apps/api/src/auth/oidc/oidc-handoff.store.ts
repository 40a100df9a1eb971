import { LessThan, type DataSource } from 'typeorm';
import { OidcLoginHandoffEntity } from '@zorgroute/domain';
import { randomToken, sameHex, sha256Hex } from './oidc-crypto';
import { OidcLoginError } from './oidc-errors';

/** How long the login page has to exchange the one-time code (it does so at once, on load). */
export const HANDOFF_TTL_SECONDS = 60;

/** Storage of login hand-offs; `take` must remove the row atomically and return it (single use). */
export interface HandoffRepository {
  insert(row: OidcLoginHandoffEntity): Promise<void>;
  take(codeHash: string): Promise<OidcLoginHandoffEntity | null>;
  deleteExpired(now: Date): Promise<void>;
}

/** PostgreSQL: `DELETE … RETURNING` makes the first exchange win, a replay finds nothing. */
export function typeormHandoffs(dataSource: DataSource): HandoffRepository {
  const repo = dataSource.getRepository(OidcLoginHandoffEntity);
  return {
    insert: async (row) => {
      await repo.insert(row);
    },
    take: async (codeHash) => {
      const result = await repo.createQueryBuilder().delete().where('code_hash = :codeHash', { codeHash }).returning('*').execute();
      const raw = (result.raw as Record<string, unknown>[])[0];
      if (!raw) return null;
      return Object.assign(new OidcLoginHandoffEntity(), {
        codeHash: String(raw.code_hash),
        bindingHash: String(raw.binding_hash),
        userId: String(raw.user_id),
        idToken: typeof raw.id_token === 'string' ? raw.id_token : null,
        createdAt: new Date(raw.created_at as string | Date),
        expiresAt: new Date(raw.expires_at as string | Date),
      });
    },
    deleteExpired: async (now) => {
      await repo.delete({ expiresAt: LessThan(now) });
    },
  };
}

/**
 * The one-time code that hands a finished OpenID Connect login to the login page (instead of a token in the URL): only
 * its hash is stored, bound to the browser that started the login (the hash of its binding cookie), valid for
 * {@link HANDOFF_TTL_SECONDS} and usable once. A code pasted into another browser (`/login#code=…`: login CSRF) finds
 * no matching binding cookie there and is refused — and burnt.
 */
export class OidcHandoffStore {
  constructor(
    private readonly repo: HandoffRepository,
    private readonly ttlSeconds = HANDOFF_TTL_SECONDS,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(binding: string, userId: string, idToken: string | null): Promise<string> {
    const now = this.now();
    const code = randomToken(32);
    await this.repo.deleteExpired(now);
    await this.repo.insert(
      Object.assign(new OidcLoginHandoffEntity(), {
        codeHash: sha256Hex(code),
        bindingHash: sha256Hex(binding),
        userId,
        idToken,
        createdAt: now,
        expiresAt: new Date(now.getTime() + this.ttlSeconds * 1000),
      }),
    );
    return code;
  }

  /** Consumes the hand-off of `code`; refused when unknown, used, expired or from another browser. */
  async consume(code: string | undefined, binding: string | null): Promise<{ userId: string; idToken: string | null }> {
    if (!code || !/^[A-Za-z0-9_-]{43}$/.test(code)) throw new OidcLoginError('OIDC_STATE_INVALID', 'malformed hand-off code');
    const row = await this.repo.take(sha256Hex(code));
    if (!row) throw new OidcLoginError('OIDC_STATE_INVALID', 'unknown or used hand-off code');
    if (row.expiresAt.getTime() <= this.now().getTime()) throw new OidcLoginError('OIDC_STATE_INVALID', 'expired hand-off code');
    if (!binding || !sameHex(row.bindingHash, sha256Hex(binding))) throw new OidcLoginError('OIDC_STATE_INVALID', 'hand-off code from another browser');
    return { userId: row.userId, idToken: row.idToken };
  }
}
