/**
 * @jest-environment node
 */
// Browser test of P7 (issue 16): the zorgcoördinator draws up an OPP in the catalogue step dialog and records the
// pupil's view; a parent then opens the OPP as a PDF on a phone and gives instemming in the portal, and the plan holds.
import { readFileSync } from 'node:fs';
import { expectAccessible } from './support/axe';
import { eventually, graphql, logInAs, shot, tokenFor, useBrowserSession } from './support/browser';
import { registerNewPupil } from './support/pupils';

jest.setTimeout(300_000);

const ZC_EMAIL = 'zc@daltoncollege.example';
/** A phone: the parents read and answer on it. */
const PHONE = { width: 375, height: 740 };

const session = useBrowserSession(PHONE);

/** An OPP for a pupil of its own (registered with an aanmelding, as the api registers new pupils only so). */
async function startOpp(apiUrl: string, token: string): Promise<{ caseId: string; pupilName: string; parentEmail: string }> {
  const { pupil, parentEmail } = await registerNewPupil(apiUrl, token, { firstName: 'Noor', prefix: 'Opp', extraSupportExpected: false });
  const started = await graphql<{ startOpp: { id: string } }>(
    apiUrl,
    'mutation($input: StartOppInput!) { startOpp(input: $input) { id } }',
    { input: { pupilId: pupil.id, reason: 'Extra ondersteuning bij plannen en prikkelverwerking (e2e).', source: 'DIRECT' } },
    token,
  );
  return { caseId: started.startOpp.id, pupilName: pupil.displayName, parentEmail };
}

it('a zorgcoördinator draws up an OPP, the pupil is heard, a parent reads the PDF on a phone and agrees', async () => {
  const { page, stack, pageErrors } = session;
  const zc = await tokenFor(stack.apiUrl, ZC_EMAIL);
  const { caseId, pupilName, parentEmail } = await startOpp(stack.apiUrl, zc);
  const status = async () =>
    (await graphql<{ case: { summary: { status: string } } }>(stack.apiUrl, 'query($id: ID!) { case(id: $id) { summary { status } } }', { id: caseId }, zc)).case.summary.status;
  await eventually('the draw-up step', async () => (await status()) === 'OPSTELLEN');

  // The zorgcoördinator (on a wide screen) draws up the plan in the dialog rendered from the step catalogue.
  await page.setViewportSize({ width: 1366, height: 900 });
  await logInAs(page, stack.appUrl, ZC_EMAIL);
  await page.goto(`${stack.appUrl}/cases/${encodeURIComponent(caseId)}`);
  await page.getByRole('heading', { level: 1, name: pupilName }).waitFor();
  await page.getByRole('button', { name: 'Ontwikkelingsperspectiefplan opstellen', exact: true }).click();
  let dialog = page.getByRole('dialog', { name: 'Ontwikkelingsperspectiefplan opstellen' });
  await dialog.getByLabel(/Onderwijsbehoeften/).fill('Structuur en voorspelbaarheid in de les.');
  await dialog.getByLabel(/Belemmerende factoren/).fill('Raakt snel overprikkeld in drukke ruimtes.');
  await dialog.getByLabel(/Bevorderende factoren/).fill('Sterk in wiskunde en gemotiveerd.');
  await dialog.getByRole('combobox', { name: /Uitstroomperspectief/ }).click();
  await page.getByRole('option', { name: 'Mbo niveau 3 of 4' }).click();
  await dialog.getByLabel(/Onderbouwing van het uitstroomperspectief/).fill('Haalt voldoendes met begeleiding bij plannen.');
  const lines = dialog.getByRole('group', { name: /Handelingsdeel/ });
  if ((await lines.getByLabel(/Ondersteuning/).count()) === 0) await dialog.getByRole('button', { name: /Handelingsdeel: de ondersteuning toevoegen/ }).click();
  await lines.getByLabel(/Ondersteuning/).first().fill('Begeleiding bij plannen');
  await lines.getByLabel(/Gegeven door/).first().fill('Ambulant begeleider');
  await lines.getByLabel(/Hoe lang/).first().fill('tot de zomervakantie');
  await dialog.getByLabel(/Opgesteld door/).fill('Mentor\nZorgcoördinator');
  await shot(page, 'opp-draw-up-dialog');
  await dialog.getByRole('button', { name: 'OPP opslaan' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await eventually('the pupil’s view step', async () => (await status()) === 'LEERLING_HOREN');

  // The pupil's view (hoorrecht), in the same generic dialog.
  await page.reload();
  await page.getByRole('button', { name: 'Hoorrecht: mening van de leerling', exact: true }).click();
  dialog = page.getByRole('dialog', { name: 'Hoorrecht: mening van de leerling' });
  await dialog.getByRole('combobox', { name: /De leerling/ }).click();
  await page.getByRole('option', { name: 'is gehoord' }).click();
  await dialog.getByLabel(/Mening van de leerling/).fill('Ik wil een vaste plek bij het raam.');
  await dialog.getByLabel(/Hoe de mening is meegewogen/).fill('Vaste plek bij het raam afgesproken.');
  await dialog.getByLabel(/teruggekoppeld/).check();
  await expectAccessible(page, 'opp-hoorrecht-dialog');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await eventually('the parents’ instemming', async () => (await status()) === 'INSTEMMING');

  // The parent, on a phone: the request, the plan as a PDF, the instemming.
  await page.setViewportSize(PHONE);
  await logInAs(page, stack.appUrl, parentEmail);
  await page.waitForURL(/\/mijn$/);
  const card = page.locator(`article[data-consent-id^="${caseId}:"]`);
  await card.waitFor();
  // Readable at phone width: nothing sticks out sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Lees het ontwikkelingsperspectiefplan (PDF)' }).click()]);
  expect(download.suggestedFilename()).toBe('ontwikkelingsperspectiefplan.pdf');
  expect(readFileSync(await download.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await shot(page, 'opp-parent-instemming-phone');
  await card.getByRole('button', { name: 'Ik geef toestemming' }).click();
  await card.getByText(/Uw toestemming is vastgelegd/).waitFor();
  await eventually('the plan in force', async () => (await status()) === 'UITVOERING');

  expect(pageErrors).toEqual([]);
});
