/**
 * @jest-environment node
 */
// Browser test of the SWV's OOV board (/swv/oov, P5): an OOV case is brought to the SWV's decision through GraphQL
// (zorgcoördinator: start and consultations; parent: consent; zorgcoördinator: request); the SWV employee then
// finds the request on the board and records the decision in the browser.
import { eventually, graphql, logInAs, shot, tokenFor, useBrowserSession } from './support/browser';

jest.setTimeout(300_000);

const ZC_EMAIL = 'zc@daltoncollege.example';
const SWV_EMAIL = 'loket@swv-voorbeeldregio.example';
/** Demo pupils under 16 of the Daltoncollege with their parent (at 16 the pupil consents) (apps/api/src/seed/demo-data.ts). */
const PUPILS = [
  { displayName: 'Milan Jansen', parent: 'ouder.jansen@voorbeeldmail.example' },
  { displayName: 'Sem de Groot', parent: 'ouder.degroot@voorbeeldmail.example' },
  { displayName: 'Daan Veldkamp', parent: 'ouder.veldkamp@voorbeeldmail.example' },
];

const session = useBrowserSession();

interface OovState {
  detail: { summary: { status: string; waitingFor: string | null } };
  consent: { requestId: string; status: string } | null;
}

const OOV_STATE = 'query($id: ID!) { oovCase(id: $id) { detail { summary { status waitingFor } } consent { requestId status } } }';
const MOTIVATION = 'Thuiszitter sinds zes weken; JOS en een ondersteuningstraject waren onvoldoende (e2e).';

async function oovState(apiUrl: string, token: string, id: string): Promise<OovState> {
  return (await graphql<{ oovCase: OovState }>(apiUrl, OOV_STATE, { id }, token)).oovCase;
}

/** Starts an OOV for a demo pupil and brings it to the SWV's decision. */
async function oovAwaitingDecision(apiUrl: string): Promise<{ caseId: string; pupilName: string }> {
  const zc = await tokenFor(apiUrl, ZC_EMAIL);
  const { pupils } = await graphql<{ pupils: Array<{ id: string; displayName: string }> }>(apiUrl, '{ pupils { id displayName } }', {}, zc);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const errors: string[] = [];
  for (const candidate of PUPILS) {
    const pupil = pupils.find((p) => p.displayName === candidate.displayName);
    if (!pupil) continue;
    try {
      const { startOov } = await graphql<{ startOov: { id: string } }>(
        apiUrl,
        'mutation($i: StartOovInput!) { startOov(input: $i) { id } }',
        { i: { pupilId: pupil.id, reason: 'Schoolangst; thuiszitter (e2e)', requestKey: `e2e-${Date.now()}` } },
        zc,
      );
      const caseId = startOov.id;
      await eventually('the consultations step', async () => (await oovState(apiUrl, zc, caseId)).detail.summary.waitingFor === 'OOV_RECORD_CONSULTATIONS');
      for (const party of ['OUDERS', 'SWV', 'SOCIAAL_TEAM']) {
        await graphql(
          apiUrl,
          'mutation($c: ID!, $i: OovConsultationInput!) { recordOovConsultation(caseId: $c, input: $i) { id } }',
          { c: caseId, i: { party, date: today, summary: `Overleg met ${party} (e2e)` } },
          zc,
        );
      }
      const asked = await eventually('the consent request', async () => {
        const state = await oovState(apiUrl, zc, caseId);
        return state.consent?.status === 'PENDING' ? state.consent : null;
      });
      const parent = await tokenFor(apiUrl, candidate.parent);
      await graphql(apiUrl, 'mutation($i: GiveConsentInput!) { giveConsent(input: $i) { status } }', { i: { caseId, requestId: asked.requestId, decision: 'GIVEN' } }, parent);
      await eventually('the request step', async () => (await oovState(apiUrl, zc, caseId)).detail.summary.waitingFor === 'OOV_SUBMIT_REQUEST');
      await graphql(
        apiUrl,
        'mutation($c: ID!, $i: OovRequestInput!) { submitOovRequest(caseId: $c, input: $i) { id } }',
        { c: caseId, i: { reasons: ['SCHOOLANGST'], arrangement: 'OBSERVATIE_6W', preferredLocation: 'Gouda', motivation: MOTIVATION, goals: 'Weer naar school durven' } },
        zc,
      );
      await eventually('the SWV decision step', async () => (await oovState(apiUrl, zc, caseId)).detail.summary.waitingFor === 'OOV_SWV_DECISION');
      return { caseId, pupilName: candidate.displayName };
    } catch (error) {
      errors.push(`${candidate.displayName}: ${String(error)}`);
    }
  }
  throw new Error(`Could not bring an OOV case to the SWV decision:\n${errors.join('\n')}`);
}

it('an SWV employee sees an OOV request on the board and records the decision', async () => {
  const { page, stack, pageErrors } = session;
  const { caseId, pupilName } = await oovAwaitingDecision(stack.apiUrl);

  await logInAs(page, stack.appUrl, SWV_EMAIL);
  await page.getByRole('link', { name: 'OOV', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'OOV-aanvragen en plaatsingen' }).waitFor();
  const card = page.locator(`article[data-case-id="${caseId}"]`);
  await card.waitFor();
  await card.getByText(MOTIVATION).waitFor();
  expect(await card.textContent()).toContain(pupilName);
  expect(await card.textContent()).toMatch(/observatietraject \(6 weken\)/i);
  await eventually('the placements loaded', async () => (await page.getByLabel('Laden').count()) === 0);
  await shot(page, 'swv-oov-board');

  await card.getByRole('button', { name: 'Besluit vastleggen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Besluit over de OOV-aanvraag' });
  await dialog.waitFor();
  // Without a decision the form refuses.
  await dialog.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await dialog.getByText('Vul in: besluit').waitFor();
  await dialog.getByRole('combobox', { name: /^Besluit/ }).click();
  await page.getByRole('option', { name: 'Toegekend' }).click();
  await dialog.getByRole('combobox', { name: /^Arrangement/ }).click();
  await page.getByRole('option', { name: 'Observatietraject (6 weken)' }).click();
  await dialog.getByLabel(/^Locatie van de OOV/).fill('OOV Gouda');
  await dialog.getByLabel(/^Motivering/).fill('Voldoet aan de criteria voor een observatietraject (e2e).');
  await shot(page, 'swv-oov-decision-dialog');
  await dialog.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await dialog.waitFor({ state: 'hidden' });

  // The case moves on to the intake and leaves the "awaiting" list.
  const swv = await tokenFor(stack.apiUrl, SWV_EMAIL);
  await eventually('the intake step', async () => (await oovState(stack.apiUrl, swv, caseId)).detail.summary.waitingFor === 'OOV_INTAKE');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'OOV-aanvragen en plaatsingen' }).waitFor();
  const row = page.locator(`tr[data-case-id="${caseId}"]`);
  await row.getByText('OOV Gouda').waitFor();
  expect(await row.textContent()).toContain('Observatietraject (6 weken)');
  expect(await page.locator(`article[data-case-id="${caseId}"]`).count()).toBe(0);
  await shot(page, 'swv-oov-board-decided');

  // The pupil's link opens the case page for the SWV too (it used to ask for the delivery log and show an error).
  await row.getByRole('link', { name: pupilName }).click();
  await page.waitForURL((url) => url.pathname === `/cases/${encodeURIComponent(caseId)}`);
  await page.getByRole('heading', { level: 1, name: pupilName }).waitFor();
  await page.getByRole('heading', { name: 'Tijdlijn' }).waitFor();
  expect(await page.getByRole('alert').count()).toBe(0);
  expect(await page.getByRole('heading', { name: 'Verstuurde berichten en herinneringen' }).count()).toBe(0);
  await shot(page, 'swv-oov-case-page');
  expect(pageErrors).toEqual([]);
});
