/**
 * @jest-environment node
 */
// Browser test of issue 17.7 "search and the pupil page": the zorgcoördinator types three letters of a pupil's name in
// the app bar's search, picks him from the api's answer and lands on his page, which shows his case (linked to the
// case page); the case page's pupil name leads back to the pupil page. Every page state passes axe.
import { graphql, logInAs, shot, tokenFor, useBrowserSession } from './support/browser';

jest.setTimeout(240_000);

const ZC_EMAIL = 'zc@daltoncollege.example';

const session = useBrowserSession();

interface CaseRow {
  id: string;
  process: string;
  pupil: { id: string; displayName: string };
}

/** A case of the zorgcoördinator's school (the demo data has several) and its pupil. */
async function aCaseOfTheSchool(apiUrl: string): Promise<CaseRow> {
  const zc = await tokenFor(apiUrl, ZC_EMAIL);
  const { cases } = await graphql<{ cases: CaseRow[] }>(apiUrl, '{ cases(filter: { includeClosed: true }) { id process pupil { id displayName } } }', {}, zc);
  const trajectory = cases.find((c) => c.process === 'ONDERSTEUNINGSTRAJECT') ?? cases[0];
  if (!trajectory) throw new Error('no case at the zorgcoördinator’s school');
  return trajectory;
}

it('the zorgcoördinator finds a pupil by three letters and opens his page with his case', async () => {
  const { page, stack, pageErrors } = session;
  const target = await aCaseOfTheSchool(stack.apiUrl);
  const name = target.pupil.displayName;

  await logInAs(page, stack.appUrl, ZC_EMAIL);
  const search = page.getByRole('banner').getByRole('search').getByRole('combobox', { name: 'Leerling zoeken' });
  await search.click();
  // Three letters of his last name: the api answers with every pupil of the school they fit, him among them.
  const lastName = name.split(' ').slice(-1)[0];
  await search.pressSequentially(lastName.slice(0, 3), { delay: 50 });
  const option = page.getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(|$| )`) }).first();
  await option.waitFor();
  await shot(page, 'pupil-search-options');
  await option.click();

  await page.waitForURL(new RegExp(`/pupils/${target.pupil.id}$`));
  await page.getByRole('heading', { level: 1, name }).waitFor();
  expect(await page.getByText(/^Geboren op \w+dag \d{1,2} \w+ \d{4}$/).count()).toBe(1);
  const cases = page.getByRole('region', { name: 'Casussen' });
  const caseLink = cases.locator(`a[href="/cases/${encodeURIComponent(target.id)}"]`);
  await caseLink.waitFor();
  await page.getByRole('region', { name: 'Geschiedenis' }).getByRole('listitem').first().waitFor();
  expect(await page.title()).toContain(name);
  await shot(page, 'pupil-page');

  // His case, and from the case page's pupil name back to his page.
  await caseLink.click();
  await page.waitForURL(/\/cases\/[^/]+$/);
  await page.getByRole('heading', { level: 1, name }).getByRole('link').click();
  await page.waitForURL(new RegExp(`/pupils/${target.pupil.id}$`));
  await page.getByRole('heading', { level: 1, name }).waitFor();

  expect(pageErrors).toEqual([]);
});
