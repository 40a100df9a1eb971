import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { usePageTitle } from '../../shared/use-page-title';

/**
 * The GraphQL request of the IDE: a JSON POST to the api with the session cookie, like the app's own requests (the
 * api's CSRF protection accepts it). The IDE queries as the logged-in user, with his rights.
 */
type Fetcher = GraphiQLProps['fetcher'];

export const graphqlFetcher: Fetcher = async (params) => {
  const res = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(params),
  });
  const result: unknown = await res.json();
  return result as Awaited<ReturnType<Fetcher>>;
};

/**
 * "/graphiql": the GraphQL IDE for developers (issue 17.10), served from the project's own dependencies (graphiql and
 * its editor are part of the admin build, loaded only on this page), so it works offline and under the app's strict
 * Content-Security-Policy. The api sends a browser that opens GET /graphql here.
 */
/** The query the IDE opens with: who is logged in (the IDE queries with his session and rights). */
export const EXAMPLE_QUERY = `# De GraphQL-verkenner van Zorgroute. Vragen gaan met uw sessie en uw rechten.
# Ctrl-Enter voert de vraag uit; de documentatie staat links.
query WieBenIk {
  me {
    name
    role
    schoolId
  }
}
`;

export default function GraphqlIdePage() {
  usePageTitle('GraphQL-verkenner');
  return (
    <main id="main" style={{ height: '100vh' }}>
      <GraphiQL fetcher={graphqlFetcher} defaultQuery={EXAMPLE_QUERY} defaultEditorToolsVisibility />
    </main>
  );
}
