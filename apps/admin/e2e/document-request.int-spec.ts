/**
 * @jest-environment node
 */
// Browser test of issue 16 "A process step can ask the parents for a document and wait for it" (P4): the
// zorgcoördinator asks the parents of a new aanmelding for a document on the case page; a parent opens the link in the
// e-mail on a phone, a program disguised as a PDF is refused with the api's message, a photo is accepted, and the
// request shows as provided. Dates come from the test's clock.
import type { Page } from 'playwright-core';
import { bornYearsAgo } from './support/ages';
import { eventually, graphql, logInAs, shot, tokenFor, useBrowserSession } from './support/browser';
import { mailsTo } from './support/mail';
import { addDays, isoToday } from './support/days';

jest.setTimeout(300_000);

const ZC_EMAIL = 'zc@daltoncollege.example';
const PHONE = { width: 390, height: 844 };
const RUN = Date.now().toString(36);
const LAST_NAME = `Docstra${RUN}`;
const PARENT_EMAIL = `ouder.doc.${RUN}@voorbeeldmail.example`;
/** A 1×1 PNG: what a phone's photo of a report is, as far as the content check goes. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');

const session = useBrowserSession();

async function fitsScreen(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}

let caseId: string;
let pupilName: string;

beforeAll(async () => {
  const api = session.stack.apiUrl;
  const zc = await tokenFor(api, ZC_EMAIL);
  const { me } = await graphql<{ me: { schoolId: string } }>(api, '{ me { schoolId } }', {}, zc);
  const { registerAanmelding } = await graphql<{ registerAanmelding: { id: string; pupil: { displayName: string } } }>(
    api,
    'mutation($input: RegisterAanmeldingInput!) { registerAanmelding(input: $input) { id pupil { displayName } } }',
    {
      input: {
        receivedOn: isoToday(),
        extraSupportExpected: true,
        preferenceSchoolIds: [me.schoolId],
        newPupil: { firstName: 'Ravi', lastName: LAST_NAME, dateOfBirth: bornYearsAgo(12), parents: [{ name: `Sam ${LAST_NAME}`, email: PARENT_EMAIL }] },
      },
    },
    zc,
  );
  caseId = registerAanmelding.id;
  pupilName = registerAanmelding.pupil.displayName;
}, 120_000);

it('the zorgcoördinator asks the parents for a document; a parent uploads it from the e-mail link on a phone', async () => {
  const { page, stack, pageErrors } = session;
  const description = `Het laatste onderzoeksverslag van de psycholoog (${RUN})`;

  // The zorgcoördinator asks, on the P4 case page.
  await logInAs(page, stack.appUrl, ZC_EMAIL);
  await page.goto(`${stack.appUrl}/cases/${encodeURIComponent(caseId)}`);
  await page.getByRole('heading', { level: 1, name: pupilName }).waitFor();
  await page.getByRole('button', { name: 'Document opvragen bij de ouders', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Document opvragen bij de ouders' });
  await dialog.getByLabel(/Welk document/).fill(description);
  await dialog.getByLabel(/Uiterlijk aanleveren op/).fill(addDays(isoToday(), 7));
  await shot(page, 'document-request-dialog');
  await dialog.getByRole('button', { name: 'Document opvragen' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const requests = page.getByRole('region', { name: 'Gevraagde documenten' });
  await requests.getByText(description).waitFor();
  await requests.getByText('Gevraagd', { exact: true }).waitFor();

  // The parents' e-mail: a link to the case in the portal, not what exactly is asked.
  const path = `/cases/${encodeURIComponent(caseId)}`;
  const mail = await eventually('the request e-mail', async () => (await mailsTo(PARENT_EMAIL)).find((m) => m.subject.startsWith('Document gevraagd') && m.text.includes(path)), 60_000);
  expect(mail.text).not.toContain('psycholoog');

  // The parent, logged out, on a phone: the link, the login page, back to the case.
  await page.setViewportSize(PHONE);
  await page.context().clearCookies();
  await page.goto(`${stack.appUrl}${path}`);
  await page.waitForURL((u) => u.pathname.startsWith('/login'));
  await page.getByRole('button', { name: new RegExp(PARENT_EMAIL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
  await page.waitForURL((u) => u.pathname === path);
  const request = page.getByRole('region', { name: 'Gevraagde documenten' }).getByRole('listitem', { name: 'Document voor de aanmelding' });
  await request.getByText(description).waitFor();
  expect(await fitsScreen(page)).toBe(true);
  await shot(page, 'document-request-parent-phone');

  // A program renamed to .pdf: refused by its content, with the api's Dutch message; nothing is stored.
  const form = request.getByRole('form', { name: /Document uploaden/ });
  await form.getByLabel('Bestand').setInputFiles({ name: 'verslag.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00 not a pdf') });
  await form.getByRole('button', { name: 'Document uploaden' }).click();
  const refused = form.getByRole('alert');
  await refused.waitFor();
  expect(await refused.innerText()).toContain('Alleen PDF-, PNG- of JPEG-bestanden');

  // A photo of the report: accepted, the request is provided.
  await form.getByLabel('Bestand').setInputFiles({ name: 'foto-verslag.png', mimeType: 'image/png', buffer: PNG });
  await form.getByRole('button', { name: 'Document uploaden' }).click();
  await request.getByRole('status').filter({ hasText: 'het document is ontvangen' }).waitFor();
  await page.reload();
  await page.getByRole('region', { name: 'Gevraagde documenten' }).getByText('Aangeleverd', { exact: true }).waitFor();
  expect(await fitsScreen(page)).toBe(true);
  await shot(page, 'document-request-provided-phone');

  // The school has the one document, for the school and the family.
  const zc = await tokenFor(stack.apiUrl, ZC_EMAIL);
  const { caseDocuments } = await graphql<{ caseDocuments: { kind: string; audiences: string[]; originalName: string | null }[] }>(
    stack.apiUrl,
    'query($c: ID!) { caseDocuments(caseId: $c) { kind audiences originalName } }',
    { c: caseId },
    zc,
  );
  expect(caseDocuments.filter((d) => d.originalName !== null)).toEqual([{ kind: 'VERSLAG', audiences: ['SCHOOL', 'PARENTS', 'PUPIL'], originalName: 'foto-verslag.png' }]);
  expect(pageErrors).toEqual([]);
});
