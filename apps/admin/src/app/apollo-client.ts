import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { clearSession, getSession } from './auth/auth-store';

export interface ApolloClientOptions {
  /** GraphQL endpoint; the dev and preview servers proxy /graphql to the api. */
  uri?: string;
  /** Called when the API says the session is missing, expired or ended. */
  onUnauthenticated?: () => void;
}

function isUnauthenticated(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) return error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  return ServerError.is(error) && error.statusCode === 401;
}

/**
 * The app's GraphQL client. The session is the api's httpOnly cookie, sent by the browser with every same-origin
 * request (`credentials: 'same-origin'`); no token is ever held by the app. Requests are JSON POSTs, which is what the
 * api's CSRF protection (Apollo's csrfPrevention) lets through.
 */
/**
 * The app's cache. Objects without an `id` that several queries and mutations return are keyed here, so a mutation's
 * answer updates every screen that shows them (a pupil's custody is keyed by the pupil).
 */
export function createCache(): InMemoryCache {
  return new InMemoryCache({ typePolicies: { PupilCustody: { keyFields: ['pupilId'] } } });
}

export function createApolloClient(options: ApolloClientOptions = {}): ApolloClient {
  const onUnauthenticated = options.onUnauthenticated ?? clearSession;

  const errorLink = new ErrorLink(({ error }) => {
    if (getSession() && isUnauthenticated(error)) onUnauthenticated();
  });

  return new ApolloClient({
    link: ApolloLink.from([errorLink, new HttpLink({ uri: options.uri ?? '/graphql', credentials: 'same-origin' })]),
    cache: createCache(),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network' },
    },
  });
}
