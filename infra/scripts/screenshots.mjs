#!/usr/bin/env node
// `npm run screenshots`: the README's pictures (issue 17 item 10). Drives Chromium (playwright-core, /usr/bin/chromium)
// over a running demo stack — start it first with `npm start` and wait for "demo data ready" — and writes PNGs into
// docs/screenshots/: the dashboard, the SWV zorgplicht board, the OOV board, a case page and the parent's phone view.
// Not part of CI. APP_URL (default http://127.0.0.1:4200) points at the admin UI; CHROMIUM_PATH at the browser.
/* global fetch, document -- Node.js 20 global; document in page.waitForFunction */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(REPO_ROOT, 'docs', 'screenshots');
const APP_URL = (process.env.APP_URL ?? 'http://127.0.0.1:4200').replace(/\/$/, '');
const DESK = { width: 1366, height: 860 };
const PHONE = { width: 390, height: 844 };

/** The demo users the pictures are taken as (apps/api/src/seed/demo-data.ts: invented names). */
const ZC = 'zc@daltoncollege.example';
const LOKET = 'loket@swv-voorbeeldregio.example';
const PARENT = 'ouder.veldkamp@voorbeeldmail.example';

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Logs in on the demo login page by clicking the user with this address (the development login of `npm start`). */
async function logInAs(page, email) {
  await page.context().clearCookies();
  await page.goto(`${APP_URL}/login`);
  await page.getByRole('button', { name: new RegExp(escape(email)) }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Waits until the page shows content (no progress bar or spinner left), then writes the picture. */
async function picture(page, name) {
  await page.locator('main').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('[role="progressbar"]'), undefined, { timeout: 30_000 }).catch(() => undefined);
  await page.waitForTimeout(500); // charts animate in
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  process.stdout.write(`[screenshots] ${path.relative(REPO_ROOT, file)}\n`);
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const health = await fetch(`${APP_URL}/health`).catch(() => null);
  if (!health?.ok) {
    process.stderr.write(`[screenshots] no Zorgroute at ${APP_URL}: start the demo stack with \`npm start\` first (or set APP_URL).\n`);
    return 1;
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    headless: true,
  });
  try {
    const desk = await browser.newContext({ viewport: DESK, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', deviceScaleFactor: 1 });
    const page = await desk.newPage();
    page.setDefaultTimeout(30_000);

    await logInAs(page, ZC);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await picture(page, 'dashboard');
    // A case page: the first case the dashboard links to.
    const caseLink = page.locator('a[href^="/cases/"]').first();
    await caseLink.waitFor();
    await page.goto(`${APP_URL}${await caseLink.getAttribute('href')}`);
    await page.getByRole('heading', { name: 'Tijdlijn' }).waitFor();
    await picture(page, 'case-page');

    await logInAs(page, LOKET);
    await page.goto(`${APP_URL}/swv`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await picture(page, 'swv-board');
    await page.goto(`${APP_URL}/swv/oov`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await picture(page, 'oov-board');
    await desk.close();

    const phone = await browser.newContext({ viewport: PHONE, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const parentPage = await phone.newPage();
    parentPage.setDefaultTimeout(30_000);
    await logInAs(parentPage, PARENT);
    await parentPage.getByRole('heading', { level: 1 }).first().waitFor();
    await picture(parentPage, 'parent-phone');
    await phone.close();
  } finally {
    await browser.close();
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`[screenshots] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
