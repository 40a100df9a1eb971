import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { LoginInvitationEntity, type LoginInvitationSource } from '../entities/login-invitation.entity';

/** How long an invitation link works when LOGIN_INVITATION_TTL_DAYS is not set. */
export const DEFAULT_LOGIN_INVITATION_TTL_DAYS = 14;

/** LOGIN_INVITATION_TTL_DAYS (1–90, default 14): read by the api and the worker (consent requests carry invitations). */
export function loginInvitationTtlDaysFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.LOGIN_INVITATION_TTL_DAYS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_LOGIN_INVITATION_TTL_DAYS;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > 90) throw new Error('LOGIN_INVITATION_TTL_DAYS must be a whole number of days from 1 to 90');
  return days;
}

/** The app's invitation page for a token; the token is in the fragment, which no server or Referer ever sees. */
export function loginInvitationUrl(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/$/, '')}/uitnodiging#token=${token}`;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** What the invitation page may learn of a token: whether it still works, and otherwise why not. */
export type LoginInvitationStatus = 'VALID' | 'EXPIRED' | 'USED' | 'UNKNOWN';

export interface IssueInvitationInput {
  userId: string;
  source: LoginInvitationSource;
  createdByUserId?: string | null;
  /** A path of the app to land on after accepting (checked by the caller). */
  returnPath?: string | null;
  /**
   * One invitation per key (a message's delivery key): issuing again under the same key gives the invitation a new
   * token (the old link stops working) unless it was used — then nothing is issued (null).
   */
  sourceKey?: string | null;
  ttlDays: number;
  now?: Date;
}

/** Tokens are 32 random bytes, base64url (43 characters). */
export const LOGIN_INVITATION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Login invitations (table `login_invitation`): only the SHA-256 of a token is stored; a token is used at most once
 * (`take` sets `used_at` atomically) and only before `expires_at`. Shared by the api (the school's button, a renewal)
 * and the worker (a consent request to a guardian without a login).
 */
export class LoginInvitationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async issue(input: IssueInvitationInput, manager: EntityManager = this.dataSource.manager): Promise<{ token: string; invitation: LoginInvitationEntity } | null> {
    const now = input.now ?? new Date();
    const token = randomBytes(32).toString('base64url');
    const row = Object.assign(new LoginInvitationEntity(), {
      id: randomUUID(),
      userId: input.userId,
      tokenHash: sha256Hex(token),
      source: input.source,
      sourceKey: input.sourceKey ?? null,
      returnPath: input.returnPath ?? null,
      createdByUserId: input.createdByUserId ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + input.ttlDays * 24 * 3600 * 1000),
      usedAt: null,
    });
    if (!row.sourceKey) {
      await manager.getRepository(LoginInvitationEntity).insert(row);
      return { token, invitation: row };
    }
    const rows: { id: string; created_at: Date; expires_at: Date }[] = await manager.query(
      `INSERT INTO login_invitation (id, user_id, token_hash, source, source_key, return_path, created_by_user_id, created_at, expires_at, used_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,NULL)
       ON CONFLICT (source_key) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
       WHERE login_invitation.used_at IS NULL AND login_invitation.user_id = EXCLUDED.user_id
       RETURNING id, created_at, expires_at`,
      [row.id, row.userId, row.tokenHash, row.source, row.sourceKey, row.returnPath, row.createdByUserId, row.createdAt, row.expiresAt],
    );
    if (!rows[0]) return null;
    return { token, invitation: Object.assign(row, { id: rows[0].id }) };
  }

  /** The invitation of a token and whether it still works (a malformed token is UNKNOWN, like a missing one). */
  async find(token: string | undefined, now: Date = new Date()): Promise<{ status: LoginInvitationStatus; invitation: LoginInvitationEntity | null }> {
    if (!token || !LOGIN_INVITATION_TOKEN.test(token)) return { status: 'UNKNOWN', invitation: null };
    const invitation = await this.dataSource.getRepository(LoginInvitationEntity).findOneBy({ tokenHash: sha256Hex(token) });
    if (!invitation) return { status: 'UNKNOWN', invitation: null };
    if (invitation.usedAt) return { status: 'USED', invitation };
    if (invitation.expiresAt.getTime() <= now.getTime()) return { status: 'EXPIRED', invitation };
    return { status: 'VALID', invitation };
  }

  /** Uses the invitation of `token`: at most once, only before it expires. Null when it does not work (any more). */
  async take(token: string, manager: EntityManager = this.dataSource.manager, now: Date = new Date()): Promise<LoginInvitationEntity | null> {
    if (!LOGIN_INVITATION_TOKEN.test(token)) return null;
    const rows = returnedRows(
      await manager.query(`UPDATE login_invitation SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING *`, [sha256Hex(token), now]),
    );
    const raw = rows[0];
    if (!raw) return null;
    return Object.assign(new LoginInvitationEntity(), {
      id: String(raw.id),
      userId: String(raw.user_id),
      tokenHash: String(raw.token_hash),
      source: raw.source as LoginInvitationSource,
      sourceKey: (raw.source_key as string | null) ?? null,
      returnPath: (raw.return_path as string | null) ?? null,
      createdByUserId: (raw.created_by_user_id as string | null) ?? null,
      createdAt: new Date(raw.created_at as string),
      expiresAt: new Date(raw.expires_at as string),
      usedAt: new Date(raw.used_at as string),
    });
  }
}

/**
 * The rows of an `UPDATE`/`DELETE … RETURNING` through TypeORM's `query()`: on PostgreSQL it answers `[rows, rowCount]`
 * for those (and the rows themselves for `INSERT`/`SELECT`).
 */
export function returnedRows(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as Record<string, unknown>[];
  return Array.isArray(result) ? (result as Record<string, unknown>[]) : [];
}
