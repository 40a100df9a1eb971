/**
 * @jest-environment node
 */
// Browser test: a parent signs the JOS consent in the portal and the case moves on. The JOS case
// is set up through GraphQL as the zorgcoördinator (start, aanmeldformulier, startgesprek); the
// parent then logs in, reads the request and signs it in the browser.
import { readFileSync } from 'node:fs';
import { eventually, graphql, logInAs, shot, tokenFor, useBrowserSession } from './support/browser';

jest.setTimeout(240_000);

const ZC_EMAIL = 'zc@daltoncollege.example';
const MENTOR_EMAIL = 'mentor@daltoncollege.example';
/** Demo pupils of 16 or older (apps/api/src/seed/demo-data.ts): their parents no longer download their dossier. */
const SIXTEEN_OR_OLDER = new Set(['Lina Bakker']);

const session = useBrowserSession();

interface PupilRow {
  id: string;
  displayName: string;
  mentorName: string | null;
}

const CASE_STATUS = `query($id: ID!) { case(id: $id) { summary { status waitingFor } openSteps } }`;

async function caseStatus(apiUrl: string, token: string, id: string) {
  return (await graphql<{ case: { summary: { status: string; waitingFor: string | null }; openSteps: string[] } }>(apiUrl, CASE_STATUS, { id }, token)).case;
}

/** Starts JOS for the first pupil that has none yet, and brings it to the parents' signature. */
async function josCaseAwaitingSignature(apiUrl: string): Promise<{ caseId: string; pupil: PupilRow }> {
  const zc = await tokenFor(apiUrl, ZC_EMAIL);
  const { pupils } = await graphql<{ pupils: PupilRow[] }>(apiUrl, '{ pupils { id displayName mentorName } }', {}, zc);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const errors: string[] = [];
  for (const pupil of pupils.filter((p) => !SIXTEEN_OR_OLDER.has(p.displayName))) {
    try {
      const started = await graphql<{ startJos: { id: string } }>(
        apiUrl,
        'mutation($input: StartJosInput!) { startJos(input: $input) { id } }',
        { input: { pupilId: pupil.id, decisionDate: today, needs: ['FAALANGST'], decisionNotes: 'Besloten in het ondersteuningsteam (e2e).' } },
        zc,
      );
      const caseId = started.startJos.id;
      await eventually('the JOS form step', async () => (await caseStatus(apiUrl, zc, caseId)).openSteps.includes('SUBMIT_FORM'));
      await graphql(
        apiUrl,
        'mutation($caseId: ID!, $input: JosFormInput!) { submitJosForm(caseId: $caseId, input: $input) { id } }',
        {
          caseId,
          input: {
            needs: ['FAALANGST'],
            problemDescription: 'Blokkeert bij toetsen en slaapt slecht voor proefwerken.',
            alreadyTried: 'Mentorgesprekken en extra uitleg.',
            parentsInformed: true,
            singleSchoolRelatedProblem: true,
          },
        },
        zc,
      );
      await eventually('the startgesprek step', async () => (await caseStatus(apiUrl, zc, caseId)).openSteps.includes('RECORD_STARTGESPREK'));
      await graphql(
        apiUrl,
        'mutation($caseId: ID!, $input: JosStartgesprekInput!) { recordJosStartgesprek(caseId: $caseId, input: $input) { id } }',
        { caseId, input: { date: today, summary: 'Kennismaking; leerling wil rustiger worden bij toetsen.', pupilPresent: true, parentsPresent: true, mentorPresent: true } },
        zc,
      );
      await eventually('the parents’ signature', async () => (await caseStatus(apiUrl, zc, caseId)).summary.status === 'HANDTEKENING_OUDERS');
      return { caseId, pupil };
    } catch (error) {
      errors.push(`${pupil.displayName}: ${String(error)}`);
    }
  }
  throw new Error(`Could not bring a JOS case to the signature:\n${errors.join('\n')}`);
}

/** The parents' e-mail addresses of a pupil, from the demo users (named "<parent> (ouder van <pupil>)" or similar). */
async function parentEmailsOf(apiUrl: string, caseId: string): Promise<string[]> {
  const { demoUsers } = await graphql<{ demoUsers: Array<{ email: string; role: string }> }>(apiUrl, '{ demoUsers { email role } }');
  const parents = demoUsers.filter((u) => u.role === 'PARENT').map((u) => u.email);
  // The parent who has the request open is the one who sees it in myConsentRequests.
  const withRequest: string[] = [];
  for (const email of parents) {
    const token = await tokenFor(apiUrl, email);
    const { myConsentRequests } = await graphql<{ myConsentRequests: Array<{ caseId: string }> }>(apiUrl, '{ myConsentRequests { caseId } }', {}, token);
    if (myConsentRequests.some((r) => r.caseId === caseId)) withRequest.push(email);
  }
  return withRequest;
}

it('a parent signs the JOS consent and the case moves on to the goals', async () => {
  const { page, stack, pageErrors } = session;
  const { caseId, pupil } = await josCaseAwaitingSignature(stack.apiUrl);
  const [parentEmail] = await eventually('a parent with the request', async () => {
    const emails = await parentEmailsOf(stack.apiUrl, caseId);
    return emails.length ? emails : null;
  });

  await logInAs(page, stack.appUrl, parentEmail);
  await page.waitForURL(/\/mijn$/);
  await page.getByRole('heading', { level: 1, name: 'Begeleiding van mijn kind' }).waitFor();
  const card = page.locator(`article[data-consent-id^="${caseId}:consent:"]`);
  await card.waitFor();
  expect(await card.textContent()).toContain('Waarvoor vragen wij uw toestemming?');
  expect(await card.textContent()).toContain('JOS');
  await shot(page, 'parent-consent');

  await card.getByRole('button', { name: 'Ik geef toestemming' }).click();
  await card.getByText('Dank u wel. Uw toestemming is vastgelegd.').waitFor();

  // The case moves on: the JOS worker can set the goals now.
  const zc = await tokenFor(stack.apiUrl, ZC_EMAIL);
  const moved = await eventually('the case after the signature', async () => {
    const c = await caseStatus(stack.apiUrl, zc, caseId);
    return c.summary.status !== 'HANDTEKENING_OUDERS' ? c : null;
  });
  expect(moved.summary.status).toBe('DOELEN');
  await page.reload();
  await page.getByText(`JOS van ${pupil.displayName}`).first().waitFor();
  await shot(page, 'parent-home');

  // The parent downloads the dossier of his child (under 16) as a PDF.
  const dossier = page.getByRole('article', { name: `Dossier van ${pupil.displayName}` });
  const [download] = await Promise.all([page.waitForEvent('download'), dossier.getByRole('button', { name: 'Dossier downloaden (PDF)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  expect(readFileSync(await download.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // The zorgcoördinator sees the consent on the case page, and the goals step as a button.
  await logInAs(page, stack.appUrl, ZC_EMAIL);
  await page.goto(`${stack.appUrl}/cases/${encodeURIComponent(caseId)}`);
  await page.getByRole('heading', { name: 'Toestemmingen' }).waitFor();
  await page.getByRole('button', { name: 'Doelen opstellen' }).waitFor();
  await page.getByRole('button', { name: 'Doelen opstellen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Doelen opstellen' });
  await dialog.getByLabel(/Doel van de leerling/).fill('Ik wil rustig blijven bij een toets.');
  await shot(page, 'case-step-dialog');
  await dialog.getByRole('button', { name: 'Doelen opslaan' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: 'Contact vastleggen' }).waitFor();
  await shot(page, 'case-jos');

  // The mentor sees the pupil among his pupils.
  await logInAs(page, stack.appUrl, MENTOR_EMAIL);
  await page.waitForURL(/\/mijn-leerlingen$/);
  await page.getByRole('heading', { level: 1, name: 'Mijn leerlingen' }).waitFor();
  await shot(page, 'mentor');

  expect(pageErrors).toEqual([]);
});
