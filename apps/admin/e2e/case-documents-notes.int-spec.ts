/**
 * @jest-environment node
 */
// Browser test of issue 16 "Documents and notes" on the case page: the zorgcoördinator uploads a report shared with the
// parents (a disguised file is refused with the api's message), writes a note for the parents and one for the school
// only; the parent then sees and downloads the report and reads only the note shared with him.
import { eventually, graphql, logInAs, shot, tokenFor, useBrowserSession } from './support/browser';

jest.setTimeout(240_000);

const ZC_EMAIL = 'zc@daltoncollege.example';
const PARENT_EMAIL = 'ouder.jansen@voorbeeldmail.example';
const RUN = Date.now().toString(36);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

const session = useBrowserSession();

/** An open case of Milan Jansen that his parent sees: one he has, or a new ondersteuningstraject. */
async function caseOfMilan(apiUrl: string): Promise<string> {
  const parent = await tokenFor(apiUrl, PARENT_EMAIL);
  const { cases } = await graphql<{ cases: { id: string; closedAt: string | null; process: string }[] }>(apiUrl, '{ cases { id process closedAt } }', {}, parent);
  const open = cases.find((c) => !c.closedAt && c.process === 'ONDERSTEUNINGSTRAJECT') ?? cases.find((c) => !c.closedAt);
  if (open) return open.id;
  const zc = await tokenFor(apiUrl, ZC_EMAIL);
  const { pupils } = await graphql<{ pupils: { id: string; displayName: string }[] }>(apiUrl, '{ pupils { id displayName } }', {}, zc);
  const milan = pupils.find((p) => p.displayName === 'Milan Jansen');
  if (!milan) throw new Error('demo pupil Milan Jansen not found');
  const { startTrajectory } = await graphql<{ startTrajectory: { id: string } }>(
    apiUrl,
    'mutation($i: StartTrajectoryInput!) { startTrajectory(input: $i) { id } }',
    { i: { pupilId: milan.id, reason: 'Mist veel lessen (e2e documenten)', requestKey: `e2e-documents-${RUN}` } },
    zc,
  );
  await eventually('the case for the parent', async () => (await graphql<{ cases: { id: string }[] }>(apiUrl, '{ cases { id } }', {}, parent)).cases.some((c) => c.id === startTrajectory.id));
  return startTrajectory.id;
}

it('the zorgcoördinator adds a report and notes; the parent downloads the report and reads only the note shared with him', async () => {
  const { page, stack, pageErrors } = session;
  const caseId = await caseOfMilan(stack.apiUrl);
  const sharedNote = `Telefoongesprek met moeder over de planning (${RUN}).`;
  const schoolNote = `Bericht van de GGD ontvangen (${RUN}).`;

  await logInAs(page, stack.appUrl, ZC_EMAIL);
  await page.goto(`${stack.appUrl}/cases/${encodeURIComponent(caseId)}`);
  const upload = page.getByRole('form', { name: 'Document toevoegen' });
  await upload.waitFor();

  // A program renamed to .pdf: refused by its content, with the api's Dutch message; nothing is listed.
  await upload.getByLabel('Bestand').setInputFiles({ name: `verslag-${RUN}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00 not a pdf') });
  await upload.getByRole('button', { name: 'Document toevoegen' }).click();
  const refused = upload.getByRole('alert');
  await refused.waitFor();
  expect(await refused.innerText()).toContain('Alleen PDF-, PNG- of JPEG-bestanden');

  await upload.getByLabel('Bestand').setInputFiles({ name: `verslag-${RUN}.pdf`, mimeType: 'application/pdf', buffer: PDF });
  await upload.getByRole('checkbox', { name: 'Ouders' }).check();
  await upload.getByRole('button', { name: 'Document toevoegen' }).click();
  await upload.getByRole('status').filter({ hasText: 'Verslag of rapport toegevoegd.' }).waitFor();
  const documents = page.getByRole('list', { name: 'Documenten van de casus' });
  await documents.getByText(`verslag-${RUN}.pdf`).waitFor();

  const notes = page.getByRole('form', { name: 'Notitie toevoegen' });
  await notes.getByRole('textbox', { name: 'Notitie' }).fill(sharedNote);
  await notes.getByRole('checkbox', { name: 'Ouders' }).check();
  await notes.getByRole('button', { name: 'Notitie opslaan' }).click();
  // In the list of notes (the form's own field still holds the text until it empties).
  const noteList = page.getByRole('list', { name: 'Notities' });
  await noteList.getByText(sharedNote).waitFor();
  // The form empties once the note is saved and the list reloaded; only then write the next one.
  await eventually('the emptied note form', async () => (await notes.getByRole('textbox', { name: 'Notitie' }).inputValue()) === '');
  await notes.getByRole('textbox', { name: 'Notitie' }).fill(schoolNote);
  await notes.getByRole('button', { name: 'Notitie opslaan' }).click();
  await noteList.getByText(schoolNote).waitFor();
  await shot(page, 'case-documents-notes-school');

  // The parent: the report (downloadable) and the note shared with him; not the school's note, no forms.
  await logInAs(page, stack.appUrl, PARENT_EMAIL);
  await page.goto(`${stack.appUrl}/cases/${encodeURIComponent(caseId)}`);
  await page.getByText(sharedNote).waitFor();
  expect(await page.getByText(schoolNote).count()).toBe(0);
  expect(await page.getByRole('form', { name: 'Notitie toevoegen' }).count()).toBe(0);
  expect(await page.getByRole('form', { name: 'Document toevoegen' }).count()).toBe(0);
  const item = page.getByRole('listitem').filter({ hasText: `verslag-${RUN}.pdf` });
  await item.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), item.getByRole('button', { name: 'Verslag of rapport' }).click()]);
  expect(download.suggestedFilename()).toBe(`verslag-${RUN}.pdf`);
  await shot(page, 'case-documents-notes-parent');
  expect(pageErrors).toEqual([]);
});
