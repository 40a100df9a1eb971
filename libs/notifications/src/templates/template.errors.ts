/**
 * The data for a message is missing a field or has an invalid one. Retrying cannot help, so a
 * Temporal activity should treat this error type as non-retryable.
 */
export class InvalidMessageDataError extends Error {
  override readonly name = 'InvalidMessageDataError';
}
