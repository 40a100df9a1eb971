/**
 * @jest-environment node
 */
// Browser test of the GraphQL IDE (issue 17.10): a developer who opens the api's /graphql in a browser lands on the
// admin app's /graphiql, which works with every request to another host blocked (no CDN), and queries as the
// logged-in user.
import { logInAs, shot, useBrowserSession } from './support/browser';

jest.setTimeout(240_000);

const ZC_EMAIL = 'zc@daltoncollege.example';
const session = useBrowserSession();

it('opens the GraphQL IDE offline from the api’s /graphql and runs a query as the logged-in user', async () => {
  const { page, stack } = session;
  // Offline: anything not served by the local stack is refused.
  const blocked: string[] = [];
  await page.context().route(
    (url) => !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname),
    (route) => {
      blocked.push(route.request().url());
      return route.abort();
    },
  );

  await logInAs(page, stack.appUrl, ZC_EMAIL);
  await page.goto(`${stack.apiUrl}/graphql`);
  await page.waitForURL((url) => url.pathname === '/graphiql');
  await page.locator('.graphiql-container').waitFor();

  // The example query asks who is logged in; the answer comes with the session cookie.
  await page.getByRole('button', { name: /Execute query/ }).click();
  await page.locator('.graphiql-response').getByText(/Marieke Verhoef/).waitFor();
  await shot(page, 'graphql-ide');
  expect(blocked).toEqual([]);
  expect(session.pageErrors).toEqual([]);
});
