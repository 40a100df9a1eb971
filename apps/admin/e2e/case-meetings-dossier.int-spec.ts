/**
 * @jest-environment node
 */
// Browser test of the case page's planning form and dossier export: the zorgcoördinator plans a JOS startgesprek
// (time and place shown on the case page), and an admin downloads the pupil's dossier after giving a reason.
import { readFileSync } from 'node:fs';
import { expectAccessible } from './support/axe';
import { eventually, graphql, logInAs, shot, tokenFor, useBrowserSession } from './support/browser';
import { addDays, isoToday } from './support/days';

jest.setTimeout(240_000);

const ZC_EMAIL = 'zc@daltoncollege.example';
const ADMIN_EMAIL = 'beheer@zorgroute.example';
/** The first weekday from tomorrow + 2 (a school day outside the holidays in the demo calendar's autumn and spring). */
function nextWeekday(): string {
  let date = addDays(isoToday(), 3);
  while ([0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay())) date = addDays(date, 1);
  return date;
}

const session = useBrowserSession();

const OPEN_STEPS = 'query($id: ID!) { case(id: $id) { openSteps } }';

/** A JOS case at the startgesprek, for the first pupil that has none open yet. */
async function josAtStartgesprek(apiUrl: string): Promise<{ caseId: string; pupilId: string; pupilName: string }> {
  const zc = await tokenFor(apiUrl, ZC_EMAIL);
  const { pupils } = await graphql<{ pupils: Array<{ id: string; displayName: string }> }>(apiUrl, '{ pupils { id displayName } }', {}, zc);
  const errors: string[] = [];
  for (const pupil of [...pupils].reverse()) {
    try {
      const { startJos } = await graphql<{ startJos: { id: string } }>(
        apiUrl,
        'mutation($input: StartJosInput!) { startJos(input: $input) { id } }',
        { input: { pupilId: pupil.id, decisionDate: isoToday(), needs: ['PLANNEN_HUISWERK'], decisionNotes: 'Besloten in het ondersteuningsteam (e2e).' } },
        zc,
      );
      const caseId = startJos.id;
      await eventually('the JOS form step', async () => (await graphql<{ case: { openSteps: string[] } }>(apiUrl, OPEN_STEPS, { id: caseId }, zc)).case.openSteps.includes('SUBMIT_FORM'));
      await graphql(
        apiUrl,
        'mutation($caseId: ID!, $input: JosFormInput!) { submitJosForm(caseId: $caseId, input: $input) { id } }',
        { caseId, input: { needs: ['PLANNEN_HUISWERK'], problemDescription: 'Vergeet huiswerk en raakt overzicht kwijt.', alreadyTried: 'Planner van de mentor.', parentsInformed: true, singleSchoolRelatedProblem: true } },
        zc,
      );
      await eventually('the startgesprek step', async () => (await graphql<{ case: { openSteps: string[] } }>(apiUrl, OPEN_STEPS, { id: caseId }, zc)).case.openSteps.includes('RECORD_STARTGESPREK'));
      return { caseId, pupilId: pupil.id, pupilName: pupil.displayName };
    } catch (error) {
      errors.push(`${pupil.displayName}: ${String(error)}`);
    }
  }
  throw new Error(`Could not bring a JOS case to the startgesprek:\n${errors.join('\n')}`);
}

it('the zorgcoördinator plans the JOS startgesprek; an admin downloads the dossier with a reason', async () => {
  const { page, stack, pageErrors } = session;
  const { caseId, pupilName } = await josAtStartgesprek(stack.apiUrl);
  const date = nextWeekday();

  await logInAs(page, stack.appUrl, ZC_EMAIL);
  await page.goto(`${stack.appUrl}/cases/${encodeURIComponent(caseId)}`);
  await page.getByRole('button', { name: 'Startgesprek vastleggen' }).waitFor();
  await page.getByRole('button', { name: 'Startgesprek plannen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Startgesprek plannen' });
  await dialog.getByLabel(/Datum startgesprek/).fill(date);
  await dialog.getByLabel(/^Tijd/).fill('14:30');
  await dialog.getByLabel(/^Plaats/).fill('kamer JOS');
  await expectAccessible(page, 'case-jos-startgesprek-dialog');
  await dialog.getByRole('button', { name: 'Plannen en uitnodigen' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const planned = page.getByTestId('planned-meeting');
  await planned.waitFor();
  expect(await planned.textContent()).toMatch(/om 14:30 · op school · kamer JOS$/);
  await shot(page, 'case-jos-startgesprek-planned');

  // The admin gives a reason for the dossier export; the JSON is the pupil's dossier.
  await logInAs(page, stack.appUrl, ADMIN_EMAIL);
  await page.goto(`${stack.appUrl}/cases/${encodeURIComponent(caseId)}`);
  await page.getByRole('button', { name: 'Dossier downloaden (JSON)' }).click();
  const reason = page.getByRole('dialog', { name: 'Dossier downloaden (JSON)' });
  await reason.getByRole('button', { name: 'Downloaden' }).click();
  await reason.getByText(/Geef een reden/).waitFor();
  // The dialog in its refused state: the error must be tied to the field and readable.
  await expectAccessible(page, 'dossier-reason-dialog-refused');
  await reason.getByLabel(/^Reden/).fill('Inzageverzoek van de ouders (e2e)');
  const [download] = await Promise.all([page.waitForEvent('download'), reason.getByRole('button', { name: 'Downloaden' }).click()]);
  const dossier = readFileSync(await download.path(), 'utf8');
  expect(dossier).toContain(pupilName.split(' ')[0]);
  expect(dossier).toContain(caseId);
  await reason.waitFor({ state: 'hidden' });
  expect(pageErrors).toEqual([]);
});
