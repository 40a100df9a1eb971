import { GraphQLError } from 'graphql';

export type AppErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'STEP_NOT_ALLOWED'
  | 'CASE_CLOSED'
  | 'UNAVAILABLE'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  /** A login attempt of a parent or pupil (passkey, e-mail code) was refused; the same answer whatever the reason. */
  | 'LOGIN_REFUSED'
  /** A login invitation that expired, was used, or is not known (the invitation page offers a new one). */
  | 'INVITATION_EXPIRED'
  | 'INVITATION_USED'
  | 'INVITATION_UNKNOWN';

/**
 * The one error type the api throws at callers: a GraphQL error with a code, a Dutch message (the
 * user interface language) and the English message in `extensions.messageEn`.
 */
export class AppError extends GraphQLError {
  constructor(code: AppErrorCode, messageNl: string, messageEn: string, details?: Record<string, unknown>) {
    super(messageNl, { extensions: { code, messageEn, ...(details ? { details } : {}) } });
  }

  static notFound(what: string, whatEn: string): AppError {
    return new AppError('NOT_FOUND', `${what} niet gevonden`, `${whatEn} not found`);
  }

  static forbidden(): AppError {
    return new AppError('FORBIDDEN', 'U heeft geen toegang tot deze gegevens of actie', 'You are not allowed to see or do this');
  }
}
