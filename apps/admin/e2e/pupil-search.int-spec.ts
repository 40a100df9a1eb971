/**
 * @jest-environment node
 */
// Browser test of issue 17.7 "search and the pupil page": the zorgcoördinator types three letters of a pupil's name in
// the app bar's search, picks him from the api's answer and lands on his page, which shows his case (linked to the
// case page); the case page's pupil name leads back to the pupil page. Every page state passes axe. And at a school of
// 2,000 pupils (its own invented school, inserted once), three letters find the one pupil among them.
import { Client } from 'pg';
import { bornYearsAgo } from './support/ages';
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

it('at a school of 2,000 pupils three letters find the one pupil; a common three shows the first 20 only', async () => {
  const { page, stack, pageErrors } = session;
  // Its own SWV, school and zorgcoördinator (the demo school keeps its own pupils), 1,999 fillers and the pupil to find.
  const stamp = Date.now().toString(36);
  const zcEmail = `zc.zoek.${stamp}@zoekcollege.example`;
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  let targetId: string;
  try {
    const [swv] = (await db.query(`INSERT INTO swv (name, code) VALUES ('SWV Zoekregio', $1) RETURNING id`, [`ZB${stamp}`.slice(0, 20)])).rows;
    const [school] = (await db.query(`INSERT INTO school (swv_id, name, brin, region) VALUES ($1, 'Zoekcollege', $2, 'midden') RETURNING id`, [swv.id, `ZC${stamp}`.slice(0, 10)])).rows;
    await db.query(`INSERT INTO app_user (name, email, role, school_id, swv_id) VALUES ('Ineke Zoekmans', $1, 'ZORGCOORDINATOR', $2, $3)`, [zcEmail, school.id, swv.id]);
    const first = ['Daan', 'Sara', 'Lucas', 'Emma', 'Finn', 'Julia', 'Milan', 'Tess'];
    const last = ['Jansen', 'de Vries', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'de Boer', 'Bos', 'Vos'];
    const rows = Array.from({ length: 1999 }, (_, i) => ({ first: first[i % first.length], last: last[Math.floor(i / first.length) % last.length], cls: `${1 + (i % 4)}A` }));
    rows.push({ first: 'Quinten', last: 'Zwanepol', cls: '3B' });
    const inserted = await db.query(
      `INSERT INTO pupil (school_id, first_name, last_name, date_of_birth, class_name, source_id)
       SELECT $1, * FROM unnest($2::varchar[], $3::varchar[], $4::date[], $5::varchar[], $6::varchar[]) RETURNING id, last_name`,
      [school.id, rows.map((r) => r.first), rows.map((r) => r.last), rows.map(() => bornYearsAgo(13)), rows.map((r) => r.cls), rows.map((_, i) => `ZK${stamp}${i}`)],
    );
    expect(inserted.rowCount).toBe(2000);
    targetId = inserted.rows.find((r: { last_name: string }) => r.last_name === 'Zwanepol').id;
  } finally {
    await db.end();
  }

  await logInAs(page, stack.appUrl, zcEmail);
  const search = page.getByRole('banner').getByRole('search').getByRole('combobox', { name: 'Leerling zoeken' });
  await search.click();
  // A common start of a name: the api answers with the first 20 of the hundreds that fit.
  await search.pressSequentially('jan', { delay: 50 });
  await page.getByRole('option', { name: /Jansen/ }).first().waitFor();
  expect(await page.getByRole('option').count()).toBe(20);
  // Three letters of his last name: him only.
  await search.fill('');
  await search.pressSequentially('zwa', { delay: 50 });
  const option = page.getByRole('option', { name: /^Quinten Zwanepol/ });
  await option.waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[role="option"]').length === 1);
  await option.click();
  await page.waitForURL(new RegExp(`/pupils/${targetId}$`));
  await page.getByRole('heading', { level: 1, name: 'Quinten Zwanepol' }).waitFor();
  expect(pageErrors).toEqual([]);
});
