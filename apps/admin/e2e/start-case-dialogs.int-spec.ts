/**
 * @jest-environment node
 */
// Browser test of the start dialogs rendered from the step catalogue (issue 12 item 5): the zorgcoördinator opens
// "Andere casus starten" on the dashboard and starts a P4 aanmelding (a new pupil with a parent), a P5 OOV and a P6
// overdracht through the UI, each landing on the new case's page. Only the regional calendar of P6 is set through
// GraphQL (the SWV's part, as the overdracht tests do).
import { type Locator, type Page } from 'playwright-core';
import { expectAccessible } from './support/axe';
import { bornYearsAgo } from './support/ages';
import { choosePupil, graphql, logInAs, pupilNames, shot, tokenFor, useBrowserSession } from './support/browser';
import { isoToday } from './support/days';

jest.setTimeout(300_000);

const ZC_EMAIL = 'zc@daltoncollege.example';
const SWV_EMAIL = 'loket@swv-voorbeeldregio.example';

const session = useBrowserSession();

const addCalendarDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const schoolYearStartYear = (iso: string): number => (Number(iso.slice(5, 7)) >= 8 ? Number(iso.slice(0, 4)) : Number(iso.slice(0, 4)) - 1);
const schoolYearOf = (iso: string): string => `${schoolYearStartYear(iso)}-${schoolYearStartYear(iso) + 1}`;

/** The regional calendar of this school year, so an application from primary school can start (the SWV sets it). */
async function ensureRegionalCalendar(apiUrl: string): Promise<string> {
  const zc = await tokenFor(apiUrl, ZC_EMAIL);
  const { me } = await graphql<{ me: { schoolId: string } }>(apiUrl, '{ me { schoolId } }', {}, zc);
  const { effectivePolicy } = await graphql<{ effectivePolicy: { swvId: string } }>(apiUrl, 'query($s: ID!) { effectivePolicy(schoolId: $s) { swvId } }', { s: me.schoolId }, zc);
  const swv = await tokenFor(apiUrl, SWV_EMAIL);
  const today = isoToday();
  const schoolYear = schoolYearOf(today);
  const start = `${schoolYear.slice(0, 4)}-08-01`;
  const moment = addCalendarDays(today, -1) > start ? addCalendarDays(today, -1) : start;
  await graphql(
    apiUrl,
    'mutation($s: ID!, $i: OverdrachtRegionalCalendarInput!) { setOverdrachtRegionalCalendar(swvId: $s, input: $i) { policyVersion } }',
    {
      s: effectivePolicy.swvId,
      i: {
        schoolYear,
        schooladviesBy: addCalendarDays(start, -40),
        aanmeldweek: { from: addCalendarDays(start, -30), to: addCalendarDays(start, -26) },
        osoDeadline: addCalendarDays(start, -1),
        warmeOverdracht: { from: addCalendarDays(start, -20), to: addCalendarDays(today, 30) },
        startSchoolYear: start,
        terugkoppeling: { naEersteRapport: moment, eindeLeerjaar1: moment },
      },
    },
    swv,
  );
  return schoolYear;
}

async function openStartDialog(page: Page, title: string): Promise<Locator> {
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  await page.getByRole('button', { name: 'Andere casus starten' }).click();
  await page.getByRole('menuitem', { name: title }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  await expectAccessible(page, `start-dialog ${title}`);
  return dialog;
}

/** Submits the dialog: the case page it opens (its id), or the api's refusal shown in the dialog. */
async function submit(page: Page, dialog: Locator, button: string): Promise<{ caseId: string } | { refused: string }> {
  await dialog.getByRole('button', { name: button }).click();
  const outcome = await Promise.race([
    page.waitForURL(/\/cases\/[^/]+$/, { timeout: 30_000 }).then(() => 'started' as const, () => 'none' as const),
    dialog.getByRole('alert').waitFor({ timeout: 30_000 }).then(() => 'refused' as const, () => 'none' as const),
  ]);
  if (outcome === 'started') return { caseId: decodeURIComponent(new URL(page.url()).pathname.split('/cases/')[1]) };
  const refused = (await dialog.getByRole('alert').textContent().catch(() => null)) ?? 'no response';
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  await dialog.waitFor({ state: 'hidden' });
  return { refused };
}

/** Picks the pupil at `index` (counted from the end, away from the pupils other suites use) in the pupil field. */
async function pickPupil(page: Page, dialog: Locator, index: number): Promise<string | null> {
  const names = await pupilNames(session.stack.apiUrl, ZC_EMAIL);
  if (index >= names.length) return null;
  const name = names[names.length - 1 - index];
  await choosePupil(page, dialog.getByRole('combobox', { name: /^Leerling( \*)?$/ }), name);
  return name;
}

/** Starts a case for the first pupil the api accepts (a pupil may already have a case of the process). */
async function startForSomePupil(page: Page, title: string, button: string, fill: (dialog: Locator) => Promise<void>): Promise<{ caseId: string; pupil: string }> {
  const refusals: string[] = [];
  for (let index = 0; index < 8; index++) {
    const dialog = await openStartDialog(page, title);
    const pupil = await pickPupil(page, dialog, index);
    if (!pupil) break;
    await fill(dialog);
    const result = await submit(page, dialog, button);
    if ('caseId' in result) return { caseId: result.caseId, pupil };
    refusals.push(`${pupil}: ${result.refused}`);
  }
  throw new Error(`${title}: no pupil accepted:\n${refusals.join('\n')}`);
}

async function expectCasePage(page: Page, pupil: string | RegExp, process: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: pupil }).waitFor();
  await page.getByText(process, { exact: true }).first().waitFor();
}

it('starts a P4 aanmelding for a new pupil, a P5 OOV and a P6 overdracht from the dashboard', async () => {
  const { page, stack, pageErrors } = session;
  const schoolYear = await ensureRegionalCalendar(stack.apiUrl);
  await logInAs(page, stack.appUrl, ZC_EMAIL);

  // P4: a written application of a pupil who is not at the school yet, with the parent who receives the letters.
  const lastName = `Startdialoog${Date.now().toString(36)}`;
  const dialog = await openStartDialog(page, 'Aanmelding registreren');
  // The catalogue's own check runs in the browser first: without a pupil the new pupil's fields are required.
  await dialog.getByRole('button', { name: 'Aanmelding registreren' }).click();
  await dialog.getByText('Vul in: voornaam').waitFor();
  await dialog.getByLabel(/^Voornaam/).fill('Tess');
  await dialog.getByLabel(/^Achternaam/).fill(lastName);
  await dialog.getByLabel(/^Geboortedatum/).fill(bornYearsAgo(12));
  await dialog.getByLabel(/^Naam/).fill(`Ouder ${lastName}`);
  await dialog.getByLabel(/^E-mailadres/).fill('geen-adres');
  await dialog.getByRole('button', { name: 'Aanmelding registreren' }).click();
  await dialog.getByText('Vul een geldig e-mailadres in').waitFor();
  await dialog.getByLabel(/^E-mailadres/).fill(`ouder.${lastName.toLowerCase()}@voorbeeldmail.example`);
  await shot(page, 'start-case-aanmelding');
  const aanmelding = await submit(page, dialog, 'Aanmelding registreren');
  if (!('caseId' in aanmelding)) throw new Error(`Aanmelding refused: ${aanmelding.refused}`);
  await expectCasePage(page, new RegExp(lastName), 'Zorgplicht');

  // P5: an OOV for a pupil of the school.
  await page.goto(`${stack.appUrl}/`);
  const oov = await startForSomePupil(page, 'OOV-traject starten', 'OOV starten', async (d) => {
    await d.getByLabel(/^Waarom een OOV/).fill('Dreigt thuis te komen zitten; schoolangst (e2e).');
  });
  await expectCasePage(page, oov.pupil, 'OOV');
  await shot(page, 'start-case-oov');

  // P6: the application of a pupil from primary school, in this school year's regional calendar.
  await page.goto(`${stack.appUrl}/`);
  const overdracht = await startForSomePupil(page, 'Overdracht PO→VO starten', 'Overdracht starten', async (d) => {
    await d.getByLabel(/^Schooljaar/).fill(schoolYear);
    await d.getByLabel(/^Basisschool/).fill('OBS De Wilg');
    await d.getByLabel(/^Contactpersoon basisschool/).fill('Sandra Kok (ib)');
  });
  await expectCasePage(page, overdracht.pupil, 'Overdracht PO→VO');
  await shot(page, 'start-case-overdracht');

  expect(new Set([aanmelding.caseId, oov.caseId, overdracht.caseId]).size).toBe(3);
  expect(pageErrors).toEqual([]);
});
