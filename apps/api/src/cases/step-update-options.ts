import type { AuthUser } from '../auth/auth-user';
import { effectiveIdempotencyKey, updateIdFor } from '../idempotency/idempotency-key';

/** Options for the workflow update of a step: the update id when the client sent an idempotency key. */
export interface StepUpdateOptions {
  updateId?: string;
}

/**
 * The Temporal update id for a step: from the explicit `idempotencyKey` argument, or else the request's
 * `Idempotency-Key` header (see idempotency/idempotency-key.ts), scoped to the caller (`<user id>/<key>`), so two users
 * cannot collide. Temporal deduplicates updates by id within a workflow run: a retried request with the same key gets
 * the outcome of the first (success or rejection) and the step is not applied twice. A malformed key → BAD_USER_INPUT.
 */
export function stepUpdateOptions(user: AuthUser, idempotencyKey: string | null | undefined): StepUpdateOptions {
  const updateId = updateIdFor(user.id, effectiveIdempotencyKey(idempotencyKey));
  return updateId === undefined ? {} : { updateId };
}
