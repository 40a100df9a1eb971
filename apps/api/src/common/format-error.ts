import type { GraphQLFormattedError } from 'graphql';
import { Logger } from '@nestjs/common';

const KNOWN = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'STEP_NOT_ALLOWED', 'CASE_CLOSED', 'UNAVAILABLE', 'RATE_LIMITED']);
const logger = new Logger('GraphQL');

/**
 * Every error a client sees has a code, a Dutch message and an English one. Unexpected errors are
 * logged (without request data: it may hold personal data) and shown as a generic message.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  if (KNOWN.has(code) && formatted.extensions?.messageEn) return formatted;
  if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' || code === 'BAD_USER_INPUT') {
    return { ...formatted, message: `Ongeldige aanvraag: ${formatted.message}`, extensions: { code: 'BAD_USER_INPUT', messageEn: formatted.message } };
  }
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  logger.error(original instanceof Error ? `${original.name}: ${original.message}` : String(original), original instanceof Error ? original.stack : undefined);
  return {
    message: 'Er ging iets mis aan onze kant; probeer het later opnieuw',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR', messageEn: 'Something went wrong on our side; try again later' },
  };
}
