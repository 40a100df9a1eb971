import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { clearSession, getToken } from './auth/auth-store';

export interface ApolloClientOptions {
  /** GraphQL endpoint; the dev and preview servers proxy /graphql to the api. */
  uri?: string;
  getToken?: () => string | null;
  /** Called when the API says the token is missing, expired or invalid. */
  onUnauthenticated?: () => void;
}

function isUnauthenticated(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) return error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  return ServerError.is(error) && error.statusCode === 401;
}

export function createApolloClient(options: ApolloClientOptions = {}): ApolloClient {
  const readToken = options.getToken ?? getToken;
  const onUnauthenticated = options.onUnauthenticated ?? clearSession;

  const authLink = new SetContextLink((prevContext) => {
    const token = readToken();
    const headers = { ...(prevContext.headers as Record<string, string> | undefined) };
    if (token) headers.Authorization = `Bearer ${token}`;
    return { headers };
  });

  const errorLink = new ErrorLink(({ error }) => {
    if (readToken() && isUnauthenticated(error)) onUnauthenticated();
  });

  return new ApolloClient({
    link: ApolloLink.from([errorLink, authLink, new HttpLink({ uri: options.uri ?? '/graphql' })]),
    cache: new InMemoryCache(),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network' },
    },
  });
}
