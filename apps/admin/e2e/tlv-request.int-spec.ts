/**
 * @jest-environment node
 */
// Browser test of P8 (issue 16): a TLV request goes from the school to the SWV through the UI. The zorgcoördinator
// starts it from the dashboard, a parent agrees in the portal, the school records the dossier to the SWV's checklist and
// submits; the SWV loket checks the dossier and names two experts, both advise, the commissie decides. The decision
// letter is downloadable by the zorgcoördinator on the case page and by a parent from the link in his e-mail (phone).
// Every date comes from the test's clock.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expectAccessible } from './support/axe';
import { bornYearsAgo } from './support/ages';
import { choosePupil, eventually, graphql, logInAs, shot, tokenFor, useBrowserSession } from './support/browser';
import { mailsTo } from './support/mail';
import { addDays, isoToday } from './support/days';

jest.setTimeout(420_000);

const ZC_EMAIL = 'zc@daltoncollege.example';
const SWV_EMAIL = 'loket@swv-voorbeeldregio.example';
const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1366, height: 900 };
const RUN = Date.now().toString(36);
const LAST_NAME = `Tlvstra${RUN}`;
const PARENT_EMAIL = `ouder.tlv.${RUN}@voorbeeldmail.example`;

const session = useBrowserSession(WIDE);

/** Chooses `option` in the catalogue dialog's choice field `label`. */
async function choose(page: Page, dialog: Locator, label: RegExp, option: string): Promise<void> {
  await dialog.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Opens the step's dialog (the button carries the step's title), fills it with `fill` and sends it. */
async function takeStep(page: Page, title: string, submit: string, fill: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: title, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  await fill(dialog);
  await expectAccessible(page, `step-dialog ${title}`);
  await dialog.getByRole('button', { name: submit }).click();
  // The dialog closes once the api took the step; otherwise its message (the form's or the api's) is the failure.
  const closed = await dialog.waitFor({ state: 'hidden', timeout: 30_000 }).then(
    () => true,
    () => false,
  );
  if (!closed) throw new Error(`"${title}" did not close:\n${await dialog.innerText()}`);
}

let pupilName: string;

beforeAll(async () => {
  // A new pupil with his own parent (invented names), so the parent's e-mails are this test's only.
  const api = session.stack.apiUrl;
  const zc = await tokenFor(api, ZC_EMAIL);
  const { me } = await graphql<{ me: { schoolId: string } }>(api, '{ me { schoolId } }', {}, zc);
  const { registerAanmelding } = await graphql<{ registerAanmelding: { pupil: { displayName: string } } }>(
    api,
    'mutation($input: RegisterAanmeldingInput!) { registerAanmelding(input: $input) { pupil { displayName } } }',
    {
      input: {
        receivedOn: isoToday(),
        extraSupportExpected: true,
        preferenceSchoolIds: [me.schoolId],
        newPupil: { firstName: 'Sami', lastName: LAST_NAME, dateOfBirth: bornYearsAgo(13), parents: [{ name: `Robin ${LAST_NAME}`, email: PARENT_EMAIL }] },
      },
    },
    zc,
  );
  pupilName = registerAanmelding.pupil.displayName;
}, 120_000);

it('a TLV request goes from the school to the SWV, both experts advise, the commissie decides and the letter is downloadable', async () => {
  const { page, stack, pageErrors } = session;
  const today = isoToday();
  const zc = await tokenFor(stack.apiUrl, ZC_EMAIL);
  let caseId = '';
  const summary = async (token: string) =>
    (await graphql<{ case: { summary: { status: string; waitingFor: string | null } } }>(stack.apiUrl, 'query($id: ID!) { case(id: $id) { summary { status waitingFor } } }', { id: caseId }, token)).case.summary;

  // The zorgcoördinator starts the request from the dashboard, after the Flex-ZAT of a week ago.
  await logInAs(page, stack.appUrl, ZC_EMAIL);
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  await page.getByRole('button', { name: 'Andere casus starten' }).click();
  await page.getByRole('menuitem', { name: 'TLV-aanvraag starten' }).click();
  const start = page.getByRole('dialog', { name: 'TLV-aanvraag starten' });
  await start.waitFor();
  await choosePupil(page, start.getByRole('combobox', { name: /^Leerling( \*)?$/ }), pupilName);
  await start.getByLabel(/Datum van de Flex-ZAT/).fill(addDays(today, -7));
  await start.getByLabel(/Waarom een TLV/).fill('De Flex-ZAT adviseert een plaats in het VSO (e2e).');
  await start.getByRole('checkbox', { name: /Er is een VSO-school betrokken/ }).check();
  await shot(page, 'tlv-start-dialog');
  await start.getByRole('button', { name: 'Aanvraag starten' }).click();
  await page.waitForURL(/\/cases\/[^/]+$/);
  caseId = decodeURIComponent(new URL(page.url()).pathname.split('/cases/')[1]);
  await page.getByRole('heading', { level: 1, name: pupilName }).waitFor();
  await eventually('the parents asked to agree', async () => (await summary(zc)).waitingFor === 'CONSENT_TLV_AANVRAAG');

  // The school records the dossier to the SWV's checklist; the parents' signature is their akkoord in the portal.
  const items: Array<[string, string]> = [
    ['Ontwikkelingsperspectiefplan (OPP)', 'OPP schooljaar'],
    ['Onderbouwing van de aanvraag', 'Onderbouwing TLV'],
    ['Observatieverslag', 'Observatie in de klas'],
    ['Gespreksverslag', 'Gesprek met ouders en leerling'],
    ['Onderzoeksverslag', 'Psychologisch onderzoek'],
    ['Deskundigheidsverklaring van het VSO', 'Verklaring VSO De Brug'],
    ['Zienswijze van de ouders', 'Zienswijze ouders'],
    ['Handtekening van de leerling', 'Handtekening leerling, papier'],
  ];
  await page.reload();
  for (const [item, reference] of items) {
    await takeStep(page, 'Dossierstuk vastleggen', 'Stuk vastleggen', async (dialog) => {
      await choose(page, dialog, /Stuk/, item);
      await dialog.getByLabel(/Kenmerk of vindplaats/).fill(reference);
      await dialog.getByLabel(/Datum van het stuk/).fill(addDays(today, -1));
    });
  }
  const checklist = page.getByRole('region', { name: 'Checklist TLV-dossier' });
  await checklist.getByRole('list', { name: 'Ontbreekt' }).getByText(/Handtekening van de ouders/).waitFor();
  await shot(page, 'tlv-dossier-school');

  // A parent agrees, on a phone.
  await page.setViewportSize(PHONE);
  await logInAs(page, stack.appUrl, PARENT_EMAIL);
  await page.waitForURL(/\/mijn$/);
  const card = page.locator(`article[data-consent-id^="${caseId}:"]`);
  await card.waitFor();
  await shot(page, 'tlv-parent-akkoord-phone');
  await card.getByRole('button', { name: 'Ik geef toestemming' }).click();
  await card.getByText(/Uw toestemming is vastgelegd/).waitFor();

  // The zorgcoördinator submits the complete dossier.
  await page.setViewportSize(WIDE);
  await logInAs(page, stack.appUrl, ZC_EMAIL);
  await eventually('the submission step', async () => (await summary(zc)).waitingFor === 'TLV_SUBMIT_REQUEST');
  await page.goto(`${stack.appUrl}/cases/${encodeURIComponent(caseId)}`);
  await page.getByRole('region', { name: 'Checklist TLV-dossier' }).getByText(/Het dossier is compleet/).waitFor();
  await takeStep(page, 'TLV-aanvraag indienen', 'Aanvraag indienen', async (dialog) => {
    await choose(page, dialog, /Gevraagde categorie/, 'Categorie midden');
    await dialog.getByLabel(/Beoogde VSO-school/).fill('VSO De Brug');
    await dialog.getByLabel(/Waarom een TLV/).fill('Ondanks een jaar arrangement op school onvoldoende ontwikkeling.');
  });
  await eventually('the SWV’s check', async () => (await summary(zc)).waitingFor === 'TLV_CHECK_DOSSIER');

  // The SWV loket checks the dossier and names the experts; both advise; the commissie decides.
  const swv = await tokenFor(stack.apiUrl, SWV_EMAIL);
  await logInAs(page, stack.appUrl, SWV_EMAIL);
  await page.goto(`${stack.appUrl}/cases/${encodeURIComponent(caseId)}`);
  await page.getByRole('heading', { level: 1, name: pupilName }).waitFor();
  await takeStep(page, 'Dossier controleren', 'Controle vastleggen', async (dialog) => {
    await choose(page, dialog, /Uitkomst/, 'Dossier compleet');
    await dialog.getByLabel(/^Eerste deskundige/).fill('Drs. A. Verbeek');
    await choose(page, dialog, /Deskundigheid eerste deskundige/, 'Orthopedagoog');
    await dialog.getByLabel(/^Tweede deskundige/).fill('Dr. B. Lindeman');
    await choose(page, dialog, /Deskundigheid tweede deskundige/, 'Kinder- en jeugdpsychiater');
  });
  await eventually('both experts asked', async () => (await summary(swv)).status === 'ADVIES');
  for (const [title, n] of [
    ['Advies eerste deskundige', 1],
    ['Advies tweede deskundige', 2],
  ] as const) {
    await page.reload();
    await takeStep(page, title, 'Advies vastleggen', async (dialog) => {
      await dialog.getByLabel(/Datum van het advies/).fill(today);
      await choose(page, dialog, /^Advies/, 'TLV toekennen');
      await choose(page, dialog, /Geadviseerde categorie/, 'Categorie midden');
      await dialog.getByLabel(n === 1 ? /Advies van de orthopedagoog of psycholoog/ : /Advies van de tweede deskundige/).fill(`Advies ${n}: de onderwijsbehoeften vragen om een VSO-setting.`);
    });
  }
  await eventually('the commissie’s decision', async () => (await summary(swv)).waitingFor === 'TLV_DECISION');
  await page.reload();
  await shot(page, 'tlv-swv-decision-open');
  await takeStep(page, 'Besluit over de TLV', 'Besluit vastleggen', async (dialog) => {
    await choose(page, dialog, /^Besluit/, 'TLV afgegeven');
    await choose(page, dialog, /^Categorie/, 'Categorie midden');
    await dialog.getByLabel(/Ingangsdatum/).fill(today);
    await dialog.getByLabel(/Einddatum/).fill(addDays(today, 371));
    await dialog.getByLabel(/Motivering/).fill('Beide deskundigen adviseren een VSO-plaats in categorie midden.');
  });
  await eventually('the TLV granted', async () => (await summary(swv)).status === 'AFGEGEVEN');

  // The zorgcoördinator downloads the decision letter on the case page.
  await logInAs(page, stack.appUrl, ZC_EMAIL);
  await page.goto(`${stack.appUrl}/cases/${encodeURIComponent(caseId)}`);
  const letter = page.getByRole('list', { name: 'Documenten van de casus' }).getByRole('button', { name: /besluit over de toelaatbaarheidsverklaring/i });
  await letter.waitFor();
  await shot(page, 'tlv-granted-school');
  const [schoolDownload] = await Promise.all([page.waitForEvent('download'), letter.click()]);
  const schoolPdf = readFileSync(await schoolDownload.path());
  expect(schoolPdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // A parent opens the letter from the link in his e-mail, on a phone (logged out: the login page, then the letter).
  const prefix = `/cases/${encodeURIComponent(caseId)}/documents/`;
  const mail = await eventually(
    'the parents’ e-mail about the letter',
    async () => (await mailsTo(PARENT_EMAIL)).find((m) => m.text.includes(prefix)),
    60_000,
  );
  expect(mail.text).not.toContain('VSO De Brug');
  const url = new URL(mail.text.match(/https?:\/\/[^\s)>\]]+/g)?.find((u) => new URL(u).pathname.startsWith(prefix)) as string);
  await page.setViewportSize(PHONE);
  await page.context().clearCookies();
  await page.goto(`${stack.appUrl}${url.pathname}`);
  await page.waitForURL((u) => u.pathname.startsWith('/login'));
  await page.getByRole('button', { name: new RegExp(PARENT_EMAIL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
  await page.waitForURL((u) => u.pathname === url.pathname);
  await page.getByRole('heading', { level: 1, name: 'Brief: besluit over de toelaatbaarheidsverklaring' }).waitFor();
  await page.getByText('Brief van het samenwerkingsverband').waitFor();
  // The long word in the heading breaks: nothing sticks out sideways (it did before the heading could wrap).
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  await shot(page, 'tlv-parent-letter-phone');
  const [parentDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Brief openen (PDF)' }).click()]);
  const parentPdf = readFileSync(await parentDownload.path());
  expect(parentPdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(parentPdf.length).toBeGreaterThan(1000);
  expect(pageErrors).toEqual([]);
});
