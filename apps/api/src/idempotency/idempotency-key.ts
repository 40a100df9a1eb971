import { createHash } from 'node:crypto';
import { AsyncLocalStorage } from 'node:async_hooks';
import { AppError } from '../common/app-error';

/** What a client may send as an idempotency key (a UUID per user action is the intended use). */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,100}$/;

/** The name of the standard HTTP header (case-insensitive; Node gives it in lower case). */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** What the current GraphQL mutation field runs with: the `Idempotency-Key` header of its request, if any. */
export interface IdempotencyScope {
  headerKey: string | null;
}

const storage = new AsyncLocalStorage<IdempotencyScope>();

/** Runs `fn` with the header key of the current request (set by IdempotencyInterceptor for each mutation field). */
export function runWithIdempotencyScope<T>(scope: IdempotencyScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The `Idempotency-Key` header of the mutation now running (null outside a request, or without the header). */
export function currentHeaderKey(): string | null {
  return storage.getStore()?.headerKey ?? null;
}

/** Refuses a malformed key with BAD_USER_INPUT and a Dutch message; `source` names it for the caller. */
export function assertIdempotencyKey(key: string, source: 'idempotencyKey' | 'Idempotency-Key'): void {
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new AppError(
      'BAD_USER_INPUT',
      `Ongeldige invoer: ${source} moet 8 tot 100 tekens zijn (letters, cijfers, . _ : -)`,
      `Invalid input: ${source} must be 8 to 100 characters (letters, digits, . _ : -)`,
    );
  }
}

/**
 * The key a case-changing mutation runs with: the explicit `idempotencyKey` argument wins; otherwise the request's
 * `Idempotency-Key` header; otherwise none (a retry is then a new request).
 */
export function effectiveIdempotencyKey(explicit: string | null | undefined): string | null {
  if (explicit !== null && explicit !== undefined) {
    assertIdempotencyKey(explicit, 'idempotencyKey');
    return explicit;
  }
  const header = currentHeaderKey();
  if (header !== null) assertIdempotencyKey(header, 'Idempotency-Key');
  return header;
}

/** The Temporal update id for a user's key: scoped to the caller, so two users cannot collide. */
export function updateIdFor(userId: string, key: string | null): string | undefined {
  return key === null ? undefined : `${userId}/${key}`;
}

/**
 * A UUID derived from the user's key (name-based, like a version-5 UUID but with SHA-256), for a row a mutation
 * creates in PostgreSQL itself: a retry with the same key finds the row it created the first time instead of creating
 * a second one. `purpose` keeps ids of different kinds of rows apart.
 */
export function idempotentUuid(purpose: string, userId: string, key: string): string {
  const b = createHash('sha256').update(`${purpose}\n${userId}\n${key}`).digest().subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
