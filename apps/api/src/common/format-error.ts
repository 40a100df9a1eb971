import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { Logger } from '@nestjs/common';
import { describeError } from '@zorgroute/domain';
import { isTokenLimitError, QUERY_TOO_COMPLEX, TOKEN_LIMIT_MESSAGE } from '../security/query-limits';

const KNOWN = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'QUERY_TOO_COMPLEX',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'STEP_NOT_ALLOWED',
  'CASE_CLOSED',
  'UNAVAILABLE',
  'RATE_LIMITED',
  'LOGIN_REFUSED',
  'INVITATION_EXPIRED',
  'INVITATION_USED',
  'INVITATION_UNKNOWN',
]);
/** Apollo Server's codes for a request it could not take at all (bad body, GET without query, CSRF block, …). */
const MALFORMED = new Set(['BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);
/** graphql-js's own checks of the query text and its variables. */
const INVALID_QUERY = new Set(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_USER_INPUT']);
const logger = new Logger('GraphQL');

/**
 * Every error a client sees has a code, a Dutch message and an English one. Client errors (bad input, a malformed
 * request, a query over the limits) are never logged; unexpected errors are logged by name and message only (no stack:
 * the stack of a failed statement carries its text, and no request variables: they may hold personal data) and shown
 * as a generic message. A stack trace is in the answer only when API_DEBUG_ERRORS=true (Apollo's
 * `includeStacktraceInErrorResponses`, see app.module.ts), never by default.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  const debug = formatted.extensions?.stacktrace !== undefined ? { stacktrace: formatted.extensions.stacktrace } : {};
  if (KNOWN.has(code) && formatted.extensions?.messageEn) return formatted;
  // Our validation rules (query-limits.ts) report with their own code; Apollo files them under GRAPHQL_VALIDATION_FAILED.
  const own = ownCode(error);
  if (own && KNOWN.has(own.code)) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: own.code, messageEn: own.messageEn ?? formatted.message, ...debug } };
  }
  if (code === 'GRAPHQL_PARSE_FAILED' && isTokenLimitError(formatted.message)) {
    return { message: TOKEN_LIMIT_MESSAGE.nl, extensions: { code: QUERY_TOO_COMPLEX, messageEn: TOKEN_LIMIT_MESSAGE.en, ...debug } };
  }
  if (MALFORMED.has(code)) {
    return {
      message: 'Ongeldige aanvraag: stuur een GraphQL-operatie als JSON (POST met Content-Type application/json)',
      extensions: { code: 'BAD_REQUEST', messageEn: `Malformed request: ${formatted.message.split('\n')[0].slice(0, 300)}`, ...debug },
    };
  }
  if (INVALID_QUERY.has(code)) {
    return { ...formatted, message: `Ongeldige aanvraag: ${unknownEnumValueNl(formatted.message) ?? formatted.message}`, extensions: { code: 'BAD_USER_INPUT', messageEn: formatted.message, ...debug } };
  }
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  logger.error(describeError(original));
  return {
    message: 'Er ging iets mis aan onze kant; probeer het later opnieuw',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR', messageEn: 'Something went wrong on our side; try again later', ...debug },
  };
}

/**
 * graphql-js's refusal of a value outside an enum in Dutch: an unknown value (`Value "X" does not exist in "MeetingKind"
 * enum.`, for a variable with where it sits) or a quoted one in the query text (`Enum "MeetingKind" cannot represent
 * non-enum value: "IZO".`), with the value graphql-js suggests; null for any other message.
 */
export function unknownEnumValueNl(message: string): string | null {
  const suggestion = /Did you mean (?:the enum value )?(.+?)\?$/.exec(message)?.[1];
  const meant = suggestion ? `; bedoel je ${suggestion.replace(/ or /g, ' of ')}?` : '';
  const quoted = /^Enum "(\w+)" cannot represent non-enum value: (.+?)\.(?: Did you mean|$)/.exec(message);
  if (quoted) return `${quoted[2]} is geen waarde van ${quoted[1]}: schrijf een waarde van ${quoted[1]} zonder aanhalingstekens${meant}`;
  const refused = /Value (.+?) does not exist in "(\w+)" enum\./.exec(message);
  if (!refused) return null;
  const at = /^Variable "\$\w+" got invalid value .+? at "([^"]+)";/.exec(message)?.[1];
  return `${refused[1]} is geen toegestane waarde van ${refused[2]}${at ? ` (bij ${at})` : ''}${meant}`;
}

function ownCode(error: unknown): { code: string; messageEn?: string } | null {
  const original = (error as { originalError?: unknown } | null)?.originalError;
  if (!(original instanceof GraphQLError)) return null;
  const code = original.extensions?.code;
  const messageEn = original.extensions?.messageEn;
  return typeof code === 'string' ? { code, messageEn: typeof messageEn === 'string' ? messageEn : undefined } : null;
}
