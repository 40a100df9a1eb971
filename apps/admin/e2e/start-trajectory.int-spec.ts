/**
 * @jest-environment node
 */
// Browser test of the foundation flow: log in as the zorgcoördinator, start a support trajectory
// for a pupil, see the case page and find the case back on the dashboard. Runs against the real
// stack (api, worker, PostgreSQL, Temporal) under `npm test` (ZR_INTEGRATION=1).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { expectAccessible } from './support/axe';
import { choosePupil, pupilNames } from './support/browser';
import { REPO_ROOT, type RunningStack, startStack } from './support/stack';

const ZC_EMAIL = process.env.E2E_ZC_EMAIL ?? 'zc@daltoncollege.example';
const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');
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

jest.setTimeout(180_000);

let stack: RunningStack | undefined;
let context: BrowserContext | undefined;
let userDataDir: string | undefined;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  stack = await startStack();
  userDataDir = mkdtempSync(path.join(tmpdir(), 'zorgroute-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1366, height: 900 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => pageErrors.push(String(error)));
}, 300_000);

afterAll(async () => {
  await context?.close().catch(() => undefined);
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  await stack?.stop();
}, 60_000);

/** A screenshot of the page state, checked by axe-core (a serious or critical violation fails the test). */
async function shot(name: string) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  await expectAccessible(page, name);
}

async function logInAsZorgcoordinator(): Promise<void> {
  await page.goto(`${stack!.appUrl}/login`);
  const group = page.getByRole('region', { name: 'Zorgcoördinator' });
  await group.waitFor();
  expect(await page.title()).toBe('Inloggen · Zorgroute');
  expect(await page.getAttribute('html', 'lang')).toBe('nl');
  await shot('login');

  const byEmail = group.getByRole('button', { name: new RegExp(ZC_EMAIL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  await ((await byEmail.count()) > 0 ? byEmail : group.getByRole('button').first()).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  await page.getByRole('button', { name: 'Traject starten' }).waitFor();
}

/** Opens the dialog, picks the pupil at `index`, fills in the form and submits it. */
async function submitDialog(index: number): Promise<{ outcome: 'started' | 'refused' | 'none'; name: string; message?: string }> {
  await page.getByRole('button', { name: 'Traject starten' }).click();
  const dialog = page.getByRole('dialog', { name: 'Traject starten' });
  await dialog.waitFor();

  // The pupil field searches the api as one types: the pupils in the order of the school's list, one after another.
  const names = await pupilNames(stack!.apiUrl, ZC_EMAIL);
  if (index >= names.length) return { outcome: 'none', name: '' };
  const name = names[index];
  await choosePupil(page, dialog.getByRole('combobox', { name: /Leerling/ }), name);

  await dialog.getByLabel(/Reden van aanmelding/).fill('Faalangst bij toetsen; trekt zich terug in de klas (e2e).');
  await dialog.getByLabel(/Observaties/).fill('Blokkeert bij proefwerken, vermijdt mondelinge beurten.');
  await dialog.getByLabel(/Wat heeft de mentor al geprobeerd/).fill('Twee mentorgesprekken en extra uitleg na de les.');
  await dialog.getByLabel(/Duur in weken/).fill('8');
  if (index === 0) await shot('start-trajectory-dialog');
  await dialog.getByRole('button', { name: 'Traject starten' }).click();

  const outcome = await Promise.race([
    page.waitForURL(/\/cases\/[^/]+$/, { timeout: 30_000 }).then(() => 'started' as const, () => 'none' as const),
    dialog.getByRole('alert').waitFor({ timeout: 30_000 }).then(() => 'refused' as const, () => 'none' as const),
  ]);
  if (outcome === 'started') return { outcome, name };
  const message = (await dialog.getByRole('alert').textContent().catch(() => null)) ?? undefined;
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  await dialog.waitFor({ state: 'hidden' });
  return { outcome, name, message };
}

/**
 * Starts a trajectory via the dialog, trying the next pupil when the API refuses one (for
 * example because an earlier run already started a trajectory for that pupil). Returns the
 * pupil's name.
 */
async function startTrajectoryViaDialog(): Promise<string> {
  const refusals: string[] = [];
  for (let index = 0; index < 8; index++) {
    const result = await submitDialog(index);
    if (result.outcome === 'started') return result.name;
    if (result.outcome === 'none' && !result.name) break;
    refusals.push(`${result.name}: ${result.message ?? 'no response'}`);
  }
  throw new Error(`Could not start a trajectory for any pupil:\n${refusals.join('\n')}`);
}

it('starts a trajectory from the dashboard and shows the case', async () => {
  await logInAsZorgcoordinator();
  const pupilName = await startTrajectoryViaDialog();

  // Case page: pupil, process and the first status of P1.
  const caseId = decodeURIComponent(new URL(page.url()).pathname.split('/cases/')[1]);
  expect(caseId).toBeTruthy();
  await page.getByRole('heading', { level: 1, name: pupilName }).waitFor();
  const status = page.getByTestId('case-status');
  const deadline = Date.now() + 30_000;
  let statusText = (await status.textContent()) ?? '';
  while (!/Aangemeld|Intake/.test(statusText) && Date.now() < deadline) {
    await page.waitForTimeout(1_000);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: pupilName }).waitFor();
    statusText = (await status.textContent()) ?? '';
  }
  expect(statusText).toMatch(/Aangemeld|Intake/);
  expect(await page.getByText('Ondersteuningstraject', { exact: true }).count()).toBeGreaterThan(0);
  // The Temporal Web UI is for platform administrators only: a zorgcoördinator's case page has no link into it.
  expect(await page.getByRole('link', { name: /Bekijk in Temporal/ }).count()).toBe(0);
  expect(await page.title()).toContain(pupilName);
  await page.getByRole('heading', { name: 'Tijdlijn' }).waitFor();
  await shot('case');

  // Back on the dashboard the new case is in the table.
  await page.getByRole('link', { name: 'Terug naar dashboard' }).click();
  const table = page.getByRole('table', { name: 'Casussen' });
  const row = table.locator(`tr[data-case-id="${caseId}"]`);
  await row.waitFor();
  expect(await row.getByRole('link', { name: pupilName }).count()).toBe(1);
  expect(await row.textContent()).toContain('Ondersteuningstraject');
  await shot('dashboard');

  expect(pageErrors).toEqual([]);
});
