/**
 * @jest-environment node
 */
// Browser test on a phone-sized screen: real e-mails from the mail catcher, followed as the recipient would — logged
// out, the link, the login page, back to the link. A parent opens the case page from his e-mail, and the decision
// letter (zorgplicht) from its e-mail; the SWV loket opens the case from its deadline e-mail. Each lands on a working
// page (the case page used to fail for everyone but staff: it asked for the delivery log; the letter link was no route).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { eventually, graphql, shot, tokenFor, useBrowserSession } from './support/browser';
import { mailsTo, type Mail } from './support/mail';
import { addDays, isoToday } from './support/days';
import { registerNewPupil } from './support/pupils';

jest.setTimeout(300_000);

const ZC_EMAIL = 'zc@daltoncollege.example';
const SWV_EMAIL = 'loket@swv-voorbeeldregio.example';
const PHONE = { width: 390, height: 844 };
const RUN = Date.now().toString(36);
const PARENT_EMAIL = `ouder.links.${RUN}@voorbeeldmail.example`;
const LAST_NAME = `Linkstra${RUN}`;

const session = useBrowserSession(PHONE);

/** The app link in an e-mail that points at `path` (the path of a case or letter), as a path of this app. */
function linkIn(mail: Mail, path: string): string {
  const url = mail.text.match(/https?:\/\/[^\s)>\]]+/g)?.find((u) => new URL(u).pathname === path);
  if (!url) throw new Error(`No link to ${path} in "${mail.subject}":\n${mail.text}`);
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}

/**
 * Follows an e-mail link the way its recipient does: not logged in, so the app asks him to log in and then returns to
 * the link. (Logged out like the shared login helper does it, plus cookies.)
 */
async function followAsLoggedOut(page: Page, appUrl: string, path: string, email: string): Promise<void> {
  await page.context().clearCookies(); // the session is the api's httpOnly cookie
  await page.goto(`${appUrl}${path}`);
  await page.waitForURL((url) => url.pathname.startsWith('/login'));
  const button = page.getByRole('button', { name: new RegExp(email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  await button.waitFor();
  await button.click();
  await page.waitForURL((url) => url.pathname === path.split('?')[0]);
}

/** The page fits the screen: nothing wider than the viewport (no sideways scrolling on a phone). */
async function fitsScreen(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}

let caseIds: { zorgplicht: string; trajectory: string };
let pupilName: string;

beforeAll(async () => {
  const api = session.stack.apiUrl;
  const zc = await tokenFor(api, ZC_EMAIL);
  // A new pupil with his own parent (invented names). Receipt 37 days ago: a week of the decision term is left, so the
  // SWV loket is told at once.
  const registered = await registerNewPupil(api, zc, {
    firstName: 'Jesse',
    lastName: LAST_NAME,
    age: 12,
    receivedOn: addDays(isoToday(), -37),
    parent: { name: `Robin ${LAST_NAME}`, email: PARENT_EMAIL },
  });
  pupilName = registered.pupil.displayName;
  // His trajectory: the parents are told it started, with a link to the case.
  const { startTrajectory } = await graphql<{ startTrajectory: { id: string } }>(
    api,
    'mutation($input: StartTrajectoryInput!) { startTrajectory(input: $input) { id } }',
    { input: { pupilId: registered.pupil.id, reason: 'Moeite met plannen (e2e)', requestKey: `links-${RUN}` } },
    zc,
  );
  caseIds = { zorgplicht: registered.caseId, trajectory: startTrajectory.id };
}, 120_000);

it('a parent opens the case page from his e-mail, on a phone', async () => {
  const { page, stack, pageErrors } = session;
  const path = `/cases/${encodeURIComponent(caseIds.trajectory)}`;
  const mail = await eventually('the parents’ e-mail that the trajectory started', async () => (await mailsTo(PARENT_EMAIL)).find((m) => m.text.includes(path)), 60_000);
  await followAsLoggedOut(page, stack.appUrl, linkIn(mail, path), PARENT_EMAIL);

  await page.getByRole('heading', { level: 1, name: pupilName }).waitFor();
  await page.getByRole('heading', { name: 'Tijdlijn' }).waitFor();
  expect(await page.getByTestId('case-status').textContent()).toMatch(/^Status: /);
  expect(await page.getByRole('alert').count()).toBe(0);
  // The delivery log is the school's: not shown, and not asked of the api.
  expect(await page.getByRole('heading', { name: 'Verstuurde berichten en herinneringen' }).count()).toBe(0);
  expect(await page.getByRole('link', { name: 'Terug naar het overzicht' }).getAttribute('href')).toBe('/mijn');
  expect(await fitsScreen(page)).toBe(true);
  await shot(page, 'parent-case-page-phone');
  expect(pageErrors).toEqual([]);
});

it('a parent opens the decision letter from its e-mail, on a phone, and finds it among his letters', async () => {
  const { page, stack, pageErrors } = session;
  const zc = await tokenFor(stack.apiUrl, ZC_EMAIL);
  await graphql(
    stack.apiUrl,
    'mutation($caseId: ID!, $input: RecordZorgplichtDecisionInput!) { recordZorgplichtDecision(caseId: $caseId, input: $input) { id } }',
    { caseId: caseIds.zorgplicht, input: { outcome: 'TOEGELATEN', motivation: 'Wij kunnen de ondersteuning bieden die Jesse nodig heeft (e2e).', arrangement: 'Eén uur per week begeleiding.' } },
    zc,
  );
  const prefix = `/cases/${encodeURIComponent(caseIds.zorgplicht)}/documents/`;
  const mail = await eventually('the decision letter e-mail', async () => (await mailsTo(PARENT_EMAIL)).find((m) => m.subject.includes('Besluit over de aanmelding') && m.text.includes(prefix)), 60_000);
  const url = mail.text.match(/https?:\/\/[^\s)>\]]+/g)?.find((u) => new URL(u).pathname.startsWith(prefix)) as string;
  await followAsLoggedOut(page, stack.appUrl, new URL(url).pathname, PARENT_EMAIL);

  await page.getByRole('heading', { level: 1, name: 'Brief: besluit over de aanmelding' }).waitFor();
  // The date in words, e.g. "Verstuurd op vrijdag 11 december 2026".
  expect(await page.getByTestId('document-date').textContent()).toMatch(/^Verstuurd op (maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d{1,2} [a-z]+ \d{4}$/);
  expect(await fitsScreen(page)).toBe(true);
  await shot(page, 'parent-decision-letter-phone');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Brief openen (PDF)' }).click()]);
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(1000);

  // The portal lists the letter (the case itself is closed by the decision).
  await page.goto(`${stack.appUrl}/mijn`);
  const letter = page.getByRole('article', { name: 'Brief: besluit over de aanmelding' });
  await letter.waitFor();
  expect(await letter.textContent()).toContain(`Over ${pupilName}`);
  await shot(page, 'parent-letters-phone');
  expect(pageErrors).toEqual([]);
});

it('the SWV loket opens the case from its deadline e-mail', async () => {
  const { page, stack, pageErrors } = session;
  await page.setViewportSize({ width: 1366, height: 900 });
  const path = `/cases/${encodeURIComponent(caseIds.zorgplicht)}`;
  const mail = await eventually('the SWV e-mail that a week is left', async () => (await mailsTo(SWV_EMAIL)).find((m) => m.text.includes(path)), 60_000);
  await followAsLoggedOut(page, stack.appUrl, linkIn(mail, path), SWV_EMAIL);

  await page.getByRole('heading', { level: 1, name: pupilName }).waitFor();
  await page.getByRole('heading', { name: 'Tijdlijn' }).waitFor();
  expect(await page.getByRole('alert').count()).toBe(0);
  // The SWV sees neither the delivery log nor the letters to the parents: its documents panel lists only what the school
  // shared with it — on this case nothing, though the parents' decision letter exists.
  expect(await page.getByRole('heading', { name: 'Verstuurde berichten en herinneringen' }).count()).toBe(0);
  await page.getByRole('heading', { name: 'Documenten' }).waitFor();
  await page.getByText('Nog geen documenten.').waitFor();
  expect(await page.getByRole('list', { name: 'Documenten van de casus' }).count()).toBe(0);
  await shot(page, 'swv-case-page-from-email');
  await page.setViewportSize(PHONE);
  expect(pageErrors).toEqual([]);
});
