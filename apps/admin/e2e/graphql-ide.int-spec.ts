/**
 * @jest-environment node
 */
// Browser test of the GraphQL IDE (issue 17.10): a developer who opens the api's /graphql in a browser is sent to the
// admin app's /graphiql, which works with every request to another host blocked (no CDN), and queries as the
// logged-in user.
import { expectAccessible } from './support/axe';
import { eventually, logInAs, SCREENSHOTS, useBrowserSession } from './support/browser';

jest.setTimeout(240_000);

const ZC_EMAIL = 'zc@daltoncollege.example';

/** What axe finds in GraphiQL's own markup (third party, not styled or built by us); nothing else on the page is excused. */
const GRAPHIQL_AXE_EXCEPTIONS = [
  { rule: 'color-contrast', within: '.graphiql-container', why: "GraphiQL's dimmed editor line numbers and its logo link use its own theme colours" },
  { rule: 'nested-interactive', within: '.graphiql-tabs', why: "GraphiQL's tab bar puts the close button inside the focusable tab" },
];
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
  await page.screenshot({ path: `${SCREENSHOTS}/graphql-ide.png`, fullPage: true });
  // axe as on every page of the app (shot()): our page around the IDE must pass; the only exceptions are inside
  // GraphiQL's own UI (graphiql 5, third party), each rule named with why it cannot be fixed in our code.
  await expectAccessible(page, 'graphql-ide', GRAPHIQL_AXE_EXCEPTIONS);
  expect(blocked).toEqual([]);
  expect(session.pageErrors).toEqual([]);
});
