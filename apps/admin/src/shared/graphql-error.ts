import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

const GENERIC = 'Er ging iets mis. Probeer het opnieuw.';
const NETWORK = 'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.';

interface ErrorBody {
  errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }>;
}

function messagesFromBody(bodyText: string): string[] {
  try {
    const body = JSON.parse(bodyText) as ErrorBody;
    return (body.errors ?? []).map((e) => e.message).filter((m): m is string => typeof m === 'string' && m.length > 0);
  } catch {
    return [];
  }
}

/** The API's error codes (`extensions.code`) carried by an Apollo error. */
export function errorCodes(error: unknown): string[] {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => e.extensions?.code).filter((c): c is string => typeof c === 'string');
  }
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as ErrorBody;
      return (body.errors ?? []).map((e) => e.extensions?.code).filter((c): c is string => typeof c === 'string');
    } catch {
      return [];
    }
  }
  return [];
}

/**
 * The Dutch message to show for an error from Apollo Client: the API's own messages
 * (GraphQL `message` is Dutch by contract), or a generic Dutch text for transport failures.
 */
export function errorMessage(error: unknown): string {
  if (!error) return GENERIC;
  if (CombinedGraphQLErrors.is(error)) {
    const messages = error.errors.map((e) => e.message).filter(Boolean);
    return messages.length ? [...new Set(messages)].join(' ') : GENERIC;
  }
  if (ServerError.is(error)) {
    const messages = messagesFromBody(error.bodyText);
    if (messages.length) return [...new Set(messages)].join(' ');
    return error.statusCode >= 500 ? `De server gaf een fout (${error.statusCode}). Probeer het later opnieuw.` : GENERIC;
  }
  if (error instanceof TypeError) return NETWORK;
  return GENERIC;
}
