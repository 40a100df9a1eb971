/**
 * @jest-environment node
 */
// Browser test of the GraphQL IDE (issue 17.10): a developer who opens the api's /graphql in a browser is sent to the
// admin app's /graphiql, which works with every request to another host blocked (no CDN), and queries as the
// logged-in user.
import { eventually, logInAs, SCREENSHOTS, useBrowserSession } from './support/browser';

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

  // A browser at the api's /graphql is sent to the admin app's IDE (APP_URL, like the e-mail links: the path is what
  // counts here, the test's admin app runs on its own port).
  const redirect = await fetch(`${stack.apiUrl}/graphql`, { headers: { accept: 'text/html' }, redirect: 'manual' });
  expect(redirect.status).toBe(302);
  const target = new URL(redirect.headers.get('location') ?? '');
  expect(target.pathname).toBe('/graphiql');

  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await logInAs(page, stack.appUrl, ZC_EMAIL);
  await page.goto(`${stack.appUrl}${target.pathname}`);
  await page.locator('.graphiql-container').waitFor();

  // The example query asks who is logged in; the answer comes with the session cookie.
  await page.locator('.graphiql-query-editor').getByText('WieBenIk').waitFor();
  await page.getByRole('button', { name: /Execute query/ }).click();
  const response = page.locator('.graphiql-response');
  let answer = '';
  try {
    await eventually('the answer in the IDE', async () => {
      answer = (await response.innerText()).replace(/\s+/g, ' ');
      return answer.includes('Marieke Verhoef');
    });
  } catch (error) {
    throw new Error(`${String(error)}; the response pane shows: ${answer.slice(0, 500)}`);
  } finally {
    if (consoleErrors.length) process.stdout.write(`[graphql-ide] console errors:\n${consoleErrors.join('\n')}\n`);
  }
  // No axe check here, unlike every page of the app itself (shot()): the IDE is graphiql's own developer UI, in which
  // axe finds colour contrast of its dimmed line numbers and nested controls in its tab bar — not ours to change.
  await page.screenshot({ path: `${SCREENSHOTS}/graphql-ide.png`, fullPage: true });
  expect(blocked).toEqual([]);
  expect(session.pageErrors).toEqual([]);
});
