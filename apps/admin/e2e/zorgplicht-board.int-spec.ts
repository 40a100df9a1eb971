/**
 * @jest-environment node
 */
// Browser test: the zorgcoördinator registers a written application (aanmelding) through GraphQL;
// the SWV employee sees its zorgplicht clock on the board with the right number of days left.
import { eventually, graphql, logInAs, shot, tokenFor, useBrowserSession } from './support/browser';
import { addDays, daysBetween, isoToday } from './support/days';
import { registerNewPupil } from './support/pupils';

jest.setTimeout(240_000);

const ZC_EMAIL = 'zc@daltoncollege.example';
const SWV_EMAIL = 'loket@swv-voorbeeldregio.example';

const session = useBrowserSession();


it('an SWV employee sees a new zorgplicht clock with the right days remaining', async () => {
  const { page, stack, pageErrors } = session;
  const zc = await tokenFor(stack.apiUrl, ZC_EMAIL);
  const receivedOn = addDays(isoToday(), -10);
  const { caseId, lastName } = await registerNewPupil(stack.apiUrl, zc, { firstName: 'Tess', prefix: 'Aanmelding', age: 12, receivedOn });

  // What the api says about the clock, as the SWV sees it.
  const swv = await tokenFor(stack.apiUrl, SWV_EMAIL);
  // The board is paged (most urgent first): look through every page.
  const clock = await eventually('the clock in zorgplichtClocks', async () => {
    for (let offset = 0; ; offset += 500) {
      const { zorgplichtClocks: board } = await graphql<{ zorgplichtClocks: { today: string; totalCount: number; clocks: Array<{ caseId: string; dueDate: string; daysRemaining: number }> } }>(
        stack.apiUrl,
        'query($offset: Int) { zorgplichtClocks(limit: 500, offset: $offset) { today totalCount clocks { caseId dueDate daysRemaining } } }',
        { offset },
        swv,
      );
      const found = board.clocks.find((c) => c.caseId === caseId);
      if (found) return { ...found, today: board.today };
      if (offset + 500 >= board.totalCount) return null;
    }
  });
  // The first term is 6 weeks from receipt (unless a holiday suspends it), so about 32 days are left.
  expect(clock.daysRemaining).toBe(daysBetween(clock.today, clock.dueDate));
  expect(clock.daysRemaining).toBeGreaterThanOrEqual(32);

  await logInAs(page, stack.appUrl, SWV_EMAIL);
  await page.waitForURL(/\/swv$/);
  await page.getByRole('heading', { level: 1, name: 'Zorgplicht' }).waitFor();
  const row = page.locator(`li[data-case-id="${caseId}"]`);
  // Page on ("Volgende pagina") until the new clock is shown, should earlier runs have left more urgent clocks.
  await page.locator('li[data-case-id]').first().waitFor();
  const next = page.getByRole('button', { name: 'Volgende pagina' });
  for (let i = 0; i < 40 && (await row.count()) === 0 && (await next.isEnabled()); i++) {
    const shown = (await page.getByText(/^\d+–\d+ van \d+$/).textContent()) ?? '';
    await next.click();
    await page.getByText(/^\d+–\d+ van \d+$/).filter({ hasNotText: shown }).waitFor();
  }
  await row.waitFor();
  expect(await row.textContent()).toContain(`Tess ${lastName}`);
  expect(await row.getByTestId('days-remaining').textContent()).toBe(`nog ${clock.daysRemaining} dagen`);
  expect(await row.getAttribute('data-tone')).toBe('ok');
  expect(await page.getByRole('table').first().textContent()).toContain('Daltoncollege');
  // Beside the clocks: the TLV requests and the TLVs that run out (issue 16), checked by axe with the rest.
  await page.getByRole('heading', { level: 2, name: 'TLV-aanvragen' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Aflopende TLV’s' }).waitFor();
  await shot(page, 'swv-zorgplicht');

  // Filter on "Verlopen": the new clock is not overdue, so it goes.
  await page.getByLabel('Status').click();
  await page.getByRole('option', { name: 'Verlopen' }).click();
  await row.waitFor({ state: 'detached' });

  // CSV export downloads with the token.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporteren (CSV)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^zorgplicht-.*\.csv$/);

  expect(pageErrors).toEqual([]);
});
