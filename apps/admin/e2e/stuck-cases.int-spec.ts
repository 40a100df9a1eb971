/**
 * @jest-environment node
 */
// Browser test of the admin's stuck-case inspector (/beheer).
import { expectAccessible } from './support/axe';
import { eventually, graphql, logInAs, shot, tokenFor, useBrowserSession } from './support/browser';
import { addDays, isoToday } from './support/days';
import { registerNewPupil } from './support/pupils';

jest.setTimeout(240_000);

const ADMIN_EMAIL = 'beheer@zorgroute.example';
const ZC_EMAIL = 'zc@daltoncollege.example';

interface StuckRow {
  summary: { id: string; pupil: { displayName: string } };
  reasonLabel: string;
}

/**
 * A real path to a stuck case: a written application (P4) received 150 days ago, whose decision is long overdue —
 * far past the ladder's stuck threshold (10 school days after the due date). Registered through GraphQL as the
 * zorgcoördinator; the workflow itself must mark it stuck.
 */
async function backDatedOverdueCase(apiUrl: string): Promise<string> {
  const zc = await tokenFor(apiUrl, ZC_EMAIL);
  return (await registerNewPupil(apiUrl, zc, { firstName: 'Ruben', prefix: 'Vastgelopen', age: 12, receivedOn: addDays(isoToday(), -150) })).caseId;
}

const session = useBrowserSession();

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

// The back-dated P4 application is stuck at once: its decision step opens long past the ladder's stuck rung, which
// the workflow fires on opening (`zr-ladder-catch-up`). The P4 decision term is statutory, so the admin cannot extend
// it: the page shows "Termijn verlengen" disabled with the reason, and the admin closes the case with a reason (a
// duplicate registration).
it('an admin finds a stuck case and resolves it with a reason', async () => {
  const { page, stack, pageErrors } = session;
  const caseId = await backDatedOverdueCase(stack.apiUrl);
  const admin = await tokenFor(stack.apiUrl, ADMIN_EMAIL);
  const target = await eventually(
    'the back-dated case in stuckCases',
    async () => {
      const { stuckCases } = await graphql<{ stuckCases: StuckRow[] }>(stack.apiUrl, '{ stuckCases { summary { id pupil { displayName } } reasonLabel } }', {}, admin);
      return stuckCases.find((c) => c.summary.id === caseId);
    },
    60_000,
  );

  await logInAs(page, stack.appUrl, ADMIN_EMAIL);
  await page.goto(`${stack.appUrl}/beheer`);
  const card = page.locator(`article[data-case-id="${target.summary.id}"]`);
  await card.waitFor();
  expect(await card.textContent()).toContain(target.reasonLabel);
  expect(await card.getByRole('link', { name: /Workflow in Temporal/ }).getAttribute('href')).toBeTruthy();

  // The statutory term cannot be extended by an admin: the button is there but disabled, with the reason.
  expect(await card.getByRole('button', { name: 'Termijn verlengen' }).isDisabled()).toBe(true);
  await card.getByText(/De termijn van dit proces is wettelijk en kan niet door beheer worden verlengd/).waitFor();

  await card.getByRole('button', { name: 'Casus sluiten' }).click();
  const dialog = page.getByRole('dialog', { name: 'Casus sluiten' });
  // Without a reason the dialog refuses.
  await dialog.getByRole('button', { name: 'Casus sluiten' }).click();
  await dialog.getByText(/Geef een reden/).waitFor();
  // The dialog in its refused state: the error must be tied to the field and readable.
  await expectAccessible(page, 'stuck-case-close-dialog-refused');
  await dialog.getByLabel(/^Reden/).fill('Dubbele aanmelding: dezelfde leerling is ook via de andere aanmelding geregistreerd (e2e).');
  await dialog.getByRole('button', { name: 'Casus sluiten' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText(/Casus sluiten: uitgevoerd voor/).waitFor();
  // The case is no longer stuck: it leaves the list.
  await card.waitFor({ state: 'detached' });

  // The case page's audit trail shows the admin's action with its reason.
  await page.goto(`${stack.appUrl}/cases/${encodeURIComponent(target.summary.id)}`);
  await page.getByText(/Dubbele aanmelding: dezelfde leerling/).first().waitFor();

  // The reason is in the case's audit trail.
  const { case: detail } = await graphql<{ case: { summary: { closedAt: string | null; stuck: boolean }; timeline: Array<{ description: string; reason: string | null }> } }>(
    stack.apiUrl,
    'query($id: ID!) { case(id: $id) { summary { closedAt stuck } timeline { description reason } } }',
    { id: target.summary.id },
    admin,
  );
  expect(detail.summary.closedAt).toBeTruthy();
  expect(detail.summary.stuck).toBe(false);
  expect(detail.timeline.some((e) => (e.reason ?? e.description).includes('Dubbele aanmelding'))).toBe(true);
  await shot(page, 'admin-stuck-cases-resolved');
  expect(pageErrors).toEqual([]);
});
