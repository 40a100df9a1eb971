/**
 * @jest-environment node
 */
// Browser test of the admin's stuck-case inspector (/beheer).
import { type BrowserSession, graphql, logInAs, openBrowser, shot, tokenFor } from './support/browser';

jest.setTimeout(240_000);

const ADMIN_EMAIL = 'beheer@zorgroute.example';

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowser();
}, 300_000);

afterAll(async () => {
  await session?.close();
}, 60_000);

it('an admin opens the stuck-case page', async () => {
  const { page, stack, pageErrors } = session;
  await logInAs(page, stack.appUrl, ADMIN_EMAIL);
  await page.getByRole('link', { name: 'Vastgelopen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Vastgelopen casussen' }).waitFor();
  // One of: the stuck cases, "none", or "not available yet" while the backend is being built.
  await page.locator('article, [role="alert"], .MuiAlert-root').first().waitFor();
  await shot(page, 'admin-stuck-cases');
  expect(pageErrors).toEqual([]);
});

// blocked on stuckCases API: `stuckCases` and the admin mutations now exist (their documents are
// checked against the schema), but a test cannot make a case stuck yet: a step becomes stuck 10
// school days after its due date and back-dated cases (e.g. an aanmelding received 150 days ago)
// are not marked stuck. Un-skip once the backend offers a way (seed or test hook) to get one.
it.skip('an admin finds a stuck case and resolves it with a reason', async () => {
  const { page, stack, pageErrors } = session;
  const admin = await tokenFor(stack.apiUrl, ADMIN_EMAIL);
  const { stuckCases } = await graphql<{ stuckCases: Array<{ summary: { id: string; pupil: { displayName: string } }; reasonLabel: string }> }>(
    stack.apiUrl,
    '{ stuckCases { summary { id pupil { displayName } } reasonLabel } }',
    {},
    admin,
  );
  expect(stuckCases.length).toBeGreaterThan(0);
  const target = stuckCases[0];

  await logInAs(page, stack.appUrl, ADMIN_EMAIL);
  await page.goto(`${stack.appUrl}/beheer`);
  const card = page.locator(`article[data-case-id="${target.summary.id}"]`);
  await card.waitFor();
  expect(await card.textContent()).toContain(target.reasonLabel);
  expect(await card.getByRole('link', { name: /Workflow in Temporal/ }).getAttribute('href')).toBeTruthy();

  await card.getByRole('button', { name: 'Termijn verlengen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Termijn verlengen' });
  // Without a reason the dialog refuses.
  const newDueDate = new Date(Date.now() + 14 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  await dialog.getByLabel(/Nieuwe uiterste datum/).fill(newDueDate);
  await dialog.getByRole('button', { name: 'Termijn verlengen' }).click();
  await dialog.getByText(/Geef een reden/).waitFor();
  await dialog.getByLabel(/^Reden/).fill('Coach twee weken ziek; afgestemd met de zorgcoördinator (e2e).');
  await dialog.getByRole('button', { name: 'Termijn verlengen' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText(/Termijn verlengen: uitgevoerd voor/).waitFor();

  // The reason is in the case's audit trail.
  const { case: detail } = await graphql<{ case: { timeline: Array<{ description: string; reason: string | null }> } }>(
    stack.apiUrl,
    'query($id: ID!) { case(id: $id) { timeline { description reason } } }',
    { id: target.summary.id },
    admin,
  );
  expect(detail.timeline.some((e) => (e.reason ?? e.description).includes('Coach twee weken ziek'))).toBe(true);
  await shot(page, 'admin-stuck-cases-resolved');
  expect(pageErrors).toEqual([]);
});
