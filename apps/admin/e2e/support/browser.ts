// Shared helpers of the browser tests: the stack (started, or reused from E2E_APP_URL/E2E_API_URL
// while developing), a headless Chromium, logging in as a demo user, screenshots and GraphQL
// calls to set cases up.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expectAccessible } from './axe';
import { REPO_ROOT, type RunningStack, startStack, type StackOptions } from './stack';

export const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

export interface BrowserSession {
  stack: RunningStack;
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
  close(): Promise<void>;
}

/** Starts the stack (or reuses one given by E2E_APP_URL and E2E_API_URL) and a headless Chromium. */
export async function openBrowser(viewport = { width: 1366, height: 900 }, stackOptions: StackOptions = {}): Promise<BrowserSession> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const reuse = process.env.E2E_APP_URL && process.env.E2E_API_URL;
  const stack: RunningStack = reuse
    ? { appUrl: process.env.E2E_APP_URL!, apiUrl: process.env.E2E_API_URL!, logDir: '', stop: async () => undefined }
    : await startStack(stackOptions);
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'zorgroute-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      headless: true,
      viewport,
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
    });
  } catch (error) {
    await stack.stop();
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  return {
    stack,
    context,
    page,
    pageErrors,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
      await stack.stop();
    },
  };
}

/**
 * Registers beforeAll/afterAll that open and close a browser session for the suite; the returned object is filled
 * before the first test runs.
 */
export function useBrowserSession(viewport?: { width: number; height: number }, stackOptions?: StackOptions): BrowserSession {
  const session = {} as BrowserSession;
  let opened: BrowserSession | undefined;
  beforeAll(async () => {
    opened = await openBrowser(viewport, stackOptions);
    Object.assign(session, opened);
  }, 300_000);
  afterAll(async () => {
    await opened?.close();
  }, 60_000);
  return session;
}

/**
 * A screenshot of a page state the test reached, and axe-core's check of that state: a serious or critical
 * accessibility violation fails the test (issue 17.11).
 */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  await expectAccessible(page, name);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Logs in on the login page by clicking the demo user with this e-mail address. The session is the api's httpOnly
 * cookie, so a previous user's session is removed by clearing the browser's cookies first.
 */
export async function logInAs(page: Page, appUrl: string, email: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${appUrl}/login`);
  const button = page.getByRole('button', { name: new RegExp(escape(email)) });
  await button.waitFor();
  await expectAccessible(page, 'login');
  await button.click();
  // Either the app opens, or the login page shows why not (that text is the test's failure message).
  const refused = page.getByRole('alert').first();
  const outcome = await Promise.race([
    page.waitForURL((url) => !url.pathname.startsWith('/login')).then(() => null),
    refused.waitFor().then(() => refused.innerText()),
  ]);
  if (outcome !== null) throw new Error(`Login as ${email} refused: ${outcome}`);
}

/** A GraphQL call against the api, as the demo user with this e-mail address (or anonymous). */
export async function graphql<T>(apiUrl: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', connection: 'close', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

const tokens = new Map<string, Promise<string>>();

/**
 * A dev-login token of the demo user with this e-mail address, one per user and suite, for GraphQL calls with a bearer
 * token (as API clients make them; the browser itself uses the session cookie): polling helpers ask for tokens again
 * and again, and every devLogin counts against the login rate limit.
 */
export function tokenFor(apiUrl: string, email: string): Promise<string> {
  const key = `${apiUrl} ${email.toLowerCase()}`;
  let token = tokens.get(key);
  if (!token) {
    token = graphql<{ devLogin: { token: string } }>(apiUrl, 'mutation($email: String!) { devLogin(email: $email) { token } }', { email }).then((data) => data.devLogin.token);
    token.catch(() => tokens.delete(key));
    tokens.set(key, token);
  }
  return token;
}

/** Polls until `check` returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * The names of the pupils a user may choose, by last name then first name (the api's `pupils` list): for tests that
 * try one pupil after another in a pupil field.
 */
export async function pupilNames(apiUrl: string, email: string): Promise<string[]> {
  const { pupils } = await graphql<{ pupils: Array<{ displayName: string }> }>(apiUrl, '{ pupils { displayName } }', {}, await tokenFor(apiUrl, email));
  return pupils.map((p) => p.displayName);
}

/** Chooses a pupil in a pupil field (the server search of PupilAutocomplete) by typing his name and picking him. */
export async function choosePupil(page: Page, field: Locator, displayName: string): Promise<void> {
  await field.click();
  await field.fill(displayName);
  await page.getByRole('option', { name: new RegExp(`^${escape(displayName)}( \\(|$| )`) }).first().click();
}
