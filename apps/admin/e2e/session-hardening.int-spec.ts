/**
 * @jest-environment node
 */
// Browser test of the session hardening in real Chromium: the session lives in an httpOnly cookie (nothing in the
// page's storage), survives a reload, ends with logout; a token in the login URL logs nobody in (login CSRF); the
// built app is served with a Content-Security-Policy without inline scripts and without X-Powered-By.
import { logInAs, shot, tokenFor, useBrowserSession } from './support/browser';

jest.setTimeout(240_000);

const ZC_EMAIL = 'zc@daltoncollege.example';
const PARENT_EMAIL = 'ouder.veldkamp@voorbeeldmail.example';

const session = useBrowserSession();

it('serves the app with a CSP without inline scripts and without X-Powered-By, and the page runs under it', async () => {
  const { page, stack, pageErrors } = session;
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto(`${stack.appUrl}/login`);
  const headers = response?.headers() ?? {};
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-powered-by']).toBeUndefined();
  expect(headers['x-content-type-options']).toBe('nosniff');
  await page.getByRole('region', { name: 'Zorgcoördinator' }).waitFor();
  // An inline script is refused by the policy.
  const ran = await page.evaluate(() => {
    const w = window as unknown as { inlineRan?: boolean };
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.head.appendChild(script);
    return w.inlineRan === true;
  });
  expect(ran).toBe(false);
  expect(violations.length).toBeGreaterThan(0);
  expect(pageErrors).toEqual([]);
});

it('keeps the session in an httpOnly SameSite=Strict cookie only, across a reload, until logout', async () => {
  const { page, context, stack, pageErrors } = session;
  await logInAs(page, stack.appUrl, ZC_EMAIL);
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  const cookie = (await context.cookies(stack.appUrl)).find((c) => c.name === 'zr_session');
  expect(cookie).toEqual(expect.objectContaining({ httpOnly: true, sameSite: 'Strict', path: '/' }));
  // Nothing the page's scripts can read holds the session.
  const readable = await page.evaluate(() => ({ cookies: document.cookie, local: JSON.stringify({ ...localStorage }), session: JSON.stringify({ ...sessionStorage }) }));
  expect(readable.cookies).not.toContain('zr_session');
  expect(readable.local).not.toMatch(/eyJ|token/);
  expect(readable.session).not.toMatch(/eyJ|token/);

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  await shot(page, 'session-cookie-dashboard');

  await page.getByRole('button', { name: /Uitloggen/ }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/login'));
  expect((await context.cookies(stack.appUrl)).find((c) => c.name === 'zr_session')).toBeUndefined();
  await page.goto(`${stack.appUrl}/`);
  await page.waitForURL((url) => url.pathname.startsWith('/login'));
  expect(pageErrors).toEqual([]);
});

it('does not log a fresh browser in with someone else’s token in the login URL (login CSRF)', async () => {
  const { page, context, stack, pageErrors } = session;
  await context.clearCookies();
  const parentsToken = await tokenFor(stack.apiUrl, PARENT_EMAIL);
  await page.goto(`${stack.appUrl}/login#token=${encodeURIComponent(parentsToken)}`);
  await page.getByRole('region', { name: 'Zorgcoördinator' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/login');
  expect(new URL(page.url()).hash).toBe('');
  expect((await context.cookies(stack.appUrl)).find((c) => c.name === 'zr_session')).toBeUndefined();
  // A made-up one-time code is refused by the api and explained (a fresh page load, as after the provider's redirect).
  await page.goto('about:blank');
  await page.goto(`${stack.appUrl}/login#code=${'a'.repeat(43)}`);
  await page.getByRole('alert').first().waitFor();
  expect(await page.getByRole('alert').first().innerText()).toMatch(/niet ingesteld|verlopen of al gebruikt/);
  expect((await context.cookies(stack.appUrl)).find((c) => c.name === 'zr_session')).toBeUndefined();
  await page.goto(`${stack.appUrl}/`);
  await page.waitForURL((url) => url.pathname.startsWith('/login'));
  expect(pageErrors).toEqual([]);
});
