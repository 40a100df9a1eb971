/**
 * @jest-environment node
 */
// Browser test of the work lists and of a leaver's open steps (issue 17 item 9, issue 13 item 3). The zorgcoördinator
// saves a work list of his own and finds its count on the dashboard; the school admin deactivates a mentor who leaves,
// sees the banner for his open steps and hands all of them to another mentor with a reason; the new owner follows the
// real e-mail from the mail catcher to the case; the case's audit trail keeps the reason. A mentor who referred a pupil
// of the run to the IZO sees on its case page exactly the step buttons the api lets him take (issue 17.3): not the
// zorgcoördinator's triage or stop, and his own step once the referral comes back to him.
import type { Page } from 'playwright-core';
import { eventually, graphql, logInAs, shot, tokenFor, useBrowserSession } from './support/browser';
import { mailsTo } from './support/mail';
import { bornYearsAgo } from './support/ages';
import { registerNewPupil } from './support/pupils';

jest.setTimeout(300_000);

const ADMIN_EMAIL = 'beheer@zorgroute.example';
const ZC_EMAIL = 'zc@daltoncollege.example';
const RUN = Date.now().toString(36);
const SCHOOL_ADMIN = { email: `schoolbeheer.${RUN}@daltoncollege.example`, name: `Bart Beheerder${RUN}` };
const LEAVER = { email: `mentor.vertrekt.${RUN}@daltoncollege.example`, name: `Gijs Vertrekker${RUN}` };
const NEW_OWNER = { email: `mentor.nieuw.${RUN}@daltoncollege.example`, name: `Nina Nieuwland${RUN}` };
const REFERRER = { email: `mentor.verwijst.${RUN}@daltoncollege.example`, name: `Joris Verwijzer${RUN}` };
const REASON = `Mentor ${LEAVER.name} is uit dienst; ${NEW_OWNER.name} neemt zijn leerlingen over (e2e).`;
const LIST_NAME = `Mijn open stappen (eigen lijst ${RUN})`;

const session = useBrowserSession();

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let schoolName: string;
let pupils: Array<{ caseId: string; displayName: string }>;

/**
 * The run's own people (a school admin and two mentors, invented names) and two trajectories whose open step the
 * leaving mentor owns, so the demo users other suites rely on are left alone.
 */
beforeAll(async () => {
  const api = session.stack.apiUrl;
  const zc = await tokenFor(api, ZC_EMAIL);
  const admin = await tokenFor(api, ADMIN_EMAIL);
  const { me } = await graphql<{ me: { schoolId: string; schoolName: string } }>(api, '{ me { schoolId schoolName } }', {}, zc);
  schoolName = me.schoolName;
  const ids: Record<string, string> = {};
  for (const [person, role] of [
    [SCHOOL_ADMIN, 'SCHOOL_ADMIN'],
    [LEAVER, 'MENTOR'],
    [NEW_OWNER, 'MENTOR'],
    [REFERRER, 'MENTOR'],
  ] as const) {
    const { createAccount } = await graphql<{ createAccount: { id: string } }>(
      api,
      'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }',
      { input: { name: person.name, email: person.email, role, schoolId: me.schoolId } },
      admin,
    );
    ids[person.email] = createAccount.id;
  }
  pupils = [];
  for (const firstName of ['Roos', 'Stijn']) {
    const lastName = `Overdracht${RUN}`;
    const registerAanmelding = await registerNewPupil(api, zc, { firstName, lastName, parent: { name: `Ouder ${lastName}`, email: `ouder.${firstName.toLowerCase()}.${RUN}@voorbeeldmail.example` } });
    const { startTrajectory } = await graphql<{ startTrajectory: { id: string } }>(
      api,
      'mutation($input: StartTrajectoryInput!) { startTrajectory(input: $input) { id } }',
      { input: { pupilId: registerAanmelding.pupil.id, reason: 'Moeite met plannen (e2e)', requestKey: `reassign-${RUN}-${firstName}` } },
      zc,
    );
    await graphql(
      api,
      'mutation($caseId: ID!, $input: AdminReassignStepInput!) { adminReassignStep(caseId: $caseId, input: $input) { id } }',
      { caseId: startTrajectory.id, input: { newOwnerId: ids[LEAVER.email], reason: 'Mentor van de leerling (e2e)' } },
      zc,
    );
    pupils.push({ caseId: startTrajectory.id, displayName: registerAanmelding.pupil.displayName });
  }
}, 180_000);

/** The open steps of the school admin's school as the api lists them for reassignment, of one owner. */
async function openStepsOf(page: Page, ownerName: string): Promise<number> {
  return page.getByRole('table', { name: 'Open stappen om over te dragen' }).getByRole('cell', { name: ownerName, exact: true }).count();
}

it('the zorgcoördinator saves a work list of his own and sees its count on the dashboard', async () => {
  const { page, stack, pageErrors } = session;
  await logInAs(page, stack.appUrl, ZC_EMAIL);
  await page.getByRole('link', { name: 'Werklijsten', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Werklijsten' }).waitFor();
  const form = page.getByRole('form', { name: 'Eigen werklijst bewaren' });
  // Without a condition the form says what is missing and saves nothing.
  await form.getByLabel('Naam').fill(LIST_NAME);
  await form.getByRole('button', { name: 'Bewaren' }).click();
  await form.getByText('Kies ten minste één voorwaarde.').waitFor();
  await form.getByRole('checkbox', { name: 'Mijn stappen' }).check();
  await form.getByRole('button', { name: 'Bewaren' }).click();

  // The saved list is chosen and shows the zorgcoördinator's open steps (his new registrations among them).
  await page.getByRole('heading', { level: 2, name: LIST_NAME }).waitFor();
  const table = page.getByRole('table', { name: 'Open stappen' });
  await table.waitFor();
  const zc = await tokenFor(stack.apiUrl, ZC_EMAIL);
  const { workLists } = await graphql<{ workLists: Array<{ id: string; name: string; count: number }> }>(stack.apiUrl, '{ workLists { id name count } }', {}, zc);
  const saved = workLists.find((l) => l.name === LIST_NAME);
  expect(saved).toBeDefined();
  expect(saved!.count).toBeGreaterThan(0);
  await page.getByRole('navigation', { name: 'Werklijsten' }).getByRole('button', { name: new RegExp(escape(LIST_NAME)) }).getByLabel(`${saved!.count} open stappen`).waitFor();
  await shot(page, 'work-lists-saved');

  // The dashboard counts it, and its chip opens the list.
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  const chip = page.getByRole('navigation', { name: 'Werklijsten' }).getByRole('link', { name: `${LIST_NAME}: ${saved!.count}` });
  await chip.waitFor();
  await shot(page, 'dashboard-work-list-counts');
  await chip.click();
  await page.waitForURL((url) => url.pathname === '/werklijsten' && url.searchParams.get('lijst') === saved!.id);
  await page.getByRole('heading', { level: 2, name: LIST_NAME }).waitFor();
  expect(pageErrors).toEqual([]);
});

it('the school admin deactivates a leaving mentor and hands all his open steps to another mentor with a reason', async () => {
  const { page, stack, pageErrors } = session;
  await logInAs(page, stack.appUrl, SCHOOL_ADMIN.email);
  await page.getByRole('link', { name: schoolName, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: schoolName }).waitFor();

  // Before he leaves his steps are his to take: nothing to hand over.
  await page.getByRole('table', { name: 'Accounts van de school' }).waitFor();
  expect(await openStepsOf(page, LEAVER.name)).toBe(0);

  await page.getByRole('button', { name: `${LEAVER.name} deactiveren` }).click();
  const deactivate = page.getByRole('dialog', { name: 'Account deactiveren' });
  await deactivate.getByLabel(/^Reden/).fill('Uit dienst per de kerstvakantie (e2e).');
  await deactivate.getByRole('button', { name: 'Deactiveren' }).click();
  await deactivate.getByText(`${pupils.length} open stap(pen) moeten een andere eigenaar krijgen`, { exact: false }).waitFor();
  await shot(page, 'school-admin-deactivated');
  await deactivate.getByRole('button', { name: 'Sluiten' }).click();
  await deactivate.waitFor({ state: 'hidden' });

  // The leaver's banner, over the list of his open steps.
  const banner = page.getByTestId('leaver-banner').filter({ hasText: LEAVER.name });
  await banner.waitFor();
  expect(await banner.textContent()).toContain('Account gedeactiveerd of vertrokken');
  expect(await openStepsOf(page, LEAVER.name)).toBe(pupils.length);
  await shot(page, 'school-admin-leaver-banner');

  await banner.getByRole('button', { name: `Alle ${pupils.length} open stappen overdragen` }).click();
  const dialog = page.getByRole('dialog', { name: 'Stappen overdragen' });
  await dialog.getByText(`De open stappen van ${pupils.length} casussen`, { exact: false }).waitFor();
  // Without an owner and a reason nothing is sent.
  await dialog.getByRole('button', { name: 'Overdragen' }).click();
  await dialog.getByText('Kies de nieuwe eigenaar.').waitFor();
  await dialog.getByRole('combobox', { name: /Nieuwe eigenaar/ }).click();
  // The leaver himself (deactivated) is not offered.
  expect(await page.getByRole('option', { name: new RegExp(escape(LEAVER.name)) }).count()).toBe(0);
  await page.getByRole('option', { name: new RegExp(`^${escape(NEW_OWNER.name)} \\(`) }).click();
  await dialog.getByLabel(/^Reden/).fill(REASON);
  await shot(page, 'school-admin-reassign-dialog');
  await dialog.getByRole('button', { name: 'Overdragen' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText(`${pupils.length} stappen overgedragen.`).waitFor();
  await banner.waitFor({ state: 'detached' });
  expect(await openStepsOf(page, LEAVER.name)).toBe(0);
  await shot(page, 'school-admin-reassigned');
  expect(pageErrors).toEqual([]);
});

it('the new owner follows the reassignment e-mail to the case, and its audit trail keeps the reason', async () => {
  const { page, stack, pageErrors } = session;
  const [first] = pupils;
  const path = `/cases/${encodeURIComponent(first.caseId)}`;
  const mail = await eventually(
    'the e-mail to the new owner',
    async () => (await mailsTo(NEW_OWNER.email)).find((m) => m.subject.startsWith('Nieuwe taak') && m.text.includes(path)),
    60_000,
  );
  const link = mail.text.match(/https?:\/\/[^\s)>\]]+/g)?.find((u) => new URL(u).pathname === path);
  expect(link).toBeDefined();

  // Logged out, as the recipient opens it: the login page, then back to the case.
  await page.context().clearCookies();
  await page.goto(`${stack.appUrl}${new URL(link!).pathname}`);
  await page.waitForURL((url) => url.pathname.startsWith('/login'));
  await page.getByRole('button', { name: new RegExp(escape(NEW_OWNER.email)) }).click();
  await page.waitForURL((url) => url.pathname === path);
  await page.getByRole('heading', { level: 1, name: first.displayName }).waitFor();
  await page.getByRole('heading', { name: 'Tijdlijn' }).waitFor();
  expect(await page.getByRole('alert').count()).toBe(0);
  await shot(page, 'new-owner-case-from-email');

  // The zorgcoördinator reads the hand-over with its reason on each case's timeline.
  await logInAs(page, stack.appUrl, ZC_EMAIL);
  for (const p of pupils) {
    await page.goto(`${stack.appUrl}/cases/${encodeURIComponent(p.caseId)}`);
    await page.getByRole('heading', { level: 1, name: p.displayName }).waitFor();
    await page.getByText(REASON).first().waitFor();
  }
  await shot(page, 'case-timeline-reassign-reason');
  const zc = await tokenFor(stack.apiUrl, ZC_EMAIL);
  for (const p of pupils) {
    const { case: detail } = await graphql<{ case: { summary: { ownerName: string | null }; timeline: Array<{ description: string; reason: string | null }> } }>(
      stack.apiUrl,
      'query($id: ID!) { case(id: $id) { summary { ownerName } timeline { description reason } } }',
      { id: p.caseId },
      zc,
    );
    expect(detail.summary.ownerName).toBe(NEW_OWNER.name);
    expect(detail.timeline.some((e) => e.reason === REASON && e.description.includes(NEW_OWNER.name))).toBe(true);
  }
  expect(pageErrors).toEqual([]);
});

interface StepFormRow {
  step: string;
  title: string;
  open: boolean;
  mayTake: boolean;
}

const STEPS_OF_CASE = 'query($id: ID!) { case(id: $id) { openSteps stepForms { step title open mayTake } } }';

async function stepsOfCase(apiUrl: string, token: string, id: string): Promise<{ openSteps: string[]; stepForms: StepFormRow[] }> {
  return (await graphql<{ case: { openSteps: string[]; stepForms: StepFormRow[] } }>(apiUrl, STEPS_OF_CASE, { id }, token)).case;
}

/** The steps the api lets this user take on the case now (its open steps and the any-time steps), as the page offers them. */
const takeable = ({ openSteps, stepForms }: { openSteps: string[]; stepForms: StepFormRow[] }): string[] =>
  stepForms
    .filter((f) => f.mayTake && (openSteps.includes(f.step) || !f.open))
    .map((f) => f.step)
    .sort();

/**
 * The case page, as the mentor sees it, offers a button for exactly the steps the api lets him take, and none of the
 * steps only the zorgcoördinator may take now (returned: those steps, to name them in the test).
 */
async function expectExactlyTheMentorsSteps(page: Page, apiUrl: string, caseId: string): Promise<string[]> {
  const mentor = await tokenFor(apiUrl, REFERRER.email);
  const zc = await tokenFor(apiUrl, ZC_EMAIL);
  const mine = await stepsOfCase(apiUrl, mentor, caseId);
  const coordinatorOnly = takeable(await stepsOfCase(apiUrl, zc, caseId)).filter((step) => !takeable(mine).includes(step));
  const region = page.getByRole('region', { name: 'Open stappen' });
  await region.waitFor();
  // Every open step is shown (a button, or a chip for a step of someone else): wait until all are there.
  for (const step of mine.openSteps) await region.locator(`[data-step="${step}"]`).first().waitFor();
  const buttons = await region.getByRole('button').evaluateAll((els) => els.map((el) => el.getAttribute('data-step') ?? `(no step) ${el.textContent}`));
  expect(buttons.sort()).toEqual(takeable(mine));
  for (const step of coordinatorOnly) expect(await page.locator(`button[data-step="${step}"]`).count()).toBe(0);
  // Nor the zorgcoördinator's buttons outside the step list.
  for (const name of ['Aanmelding beoordelen (triage)', 'Zorgroute stoppen', 'Uitzondering opheffen']) {
    expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
  }
  return coordinatorOnly;
}

/**
 * A pupil of the run whose mentor is `mentorEmail`, the way a school names a pupil's mentor: the school admin reads a
 * Somtoday export with that one pupil into Zorgroute (previewed, then applied; a Somtoday file has no staff list, and
 * pupils made in Zorgroute, without a leerlingnummer, never leave by an import). Returns the pupil as his mentor sees him.
 */
async function importPupilOfMentor(apiUrl: string, mentorEmail: string, name: { firstName: string; lastName: string }): Promise<{ id: string; displayName: string }> {
  const schoolAdmin = await tokenFor(apiUrl, SCHOOL_ADMIN.email);
  const { me } = await graphql<{ me: { schoolId: string } }>(apiUrl, '{ me { schoolId } }', {}, schoolAdmin);
  const [y, m, d] = bornYearsAgo(13).split('-');
  const csv = [
    'Leerlingnummer;Roepnaam;Voorvoegsel;Achternaam;Geboortedatum;Klas;Mentor;Mentor e-mail;Ouder/verzorger 1 naam;Ouder/verzorger 1 e-mail;Ouder/verzorger 1 gezag',
    `e2e-${RUN};${name.firstName};;${name.lastName};${d}-${m}-${y};2B;${REFERRER.name};${mentorEmail};Ouder ${name.lastName};ouder.${name.firstName.toLowerCase()}.${RUN}@voorbeeldmail.example;ja`,
  ].join('\n');
  const res = await fetch(`${apiUrl}/imports/schools/${encodeURIComponent(me.schoolId)}/preview`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', 'x-file-name': `somtoday-${RUN}.csv`, authorization: `Bearer ${schoolAdmin}`, connection: 'close' },
    body: csv,
  });
  const uploaded = (await res.json()) as { id?: string; message?: string };
  if (!res.ok || !uploaded.id) throw new Error(`Import refused (${res.status}): ${uploaded.message ?? ''}`);
  const { schoolImport } = await graphql<{ schoolImport: { pupilsAdded: number; pupilsLeaving: number; rejected: number } }>(
    apiUrl,
    'query($id: ID!) { schoolImport(id: $id) { pupilsAdded pupilsLeaving rejected } }',
    { id: uploaded.id },
    schoolAdmin,
  );
  expect(schoolImport).toEqual({ pupilsAdded: 1, pupilsLeaving: 0, rejected: 0 });
  await graphql(apiUrl, 'mutation($id: ID!) { applySchoolImport(id: $id) { id } }', { id: uploaded.id }, schoolAdmin);
  const { pupils } = await graphql<{ pupils: Array<{ id: string; displayName: string }> }>(apiUrl, '{ pupils { id displayName } }', {}, await tokenFor(apiUrl, mentorEmail));
  const pupil = pupils.find((p) => p.displayName.includes(name.lastName));
  if (!pupil) throw new Error(`The mentor does not see ${name.firstName} ${name.lastName} after the import`);
  return pupil;
}

it('a mentor sees on his IZO referral exactly the step buttons the api lets him take', async () => {
  const { page, stack, pageErrors } = session;
  const api = stack.apiUrl;
  const zc = await tokenFor(api, ZC_EMAIL);
  const mentor = await tokenFor(api, REFERRER.email);
  // A mentor refers only his own pupils: the school's administration names him the pupil's mentor.
  const pupil = await importPupilOfMentor(api, REFERRER.email, { firstName: 'Lieke', lastName: `Verwijzing${RUN}` });
  // The mentor refers the pupil to the IZO and submits the form: the case waits for the zorgcoördinator's triage.
  const { startZorgroute } = await graphql<{ startZorgroute: { id: string } }>(
    api,
    'mutation($i: StartZorgrouteInput!) { startZorgroute(input: $i) { id } }',
    { i: { pupilId: pupil.id, source: 'GROEPSBESPREKING', requestKey: `verwijst-${RUN}` } },
    mentor,
  );
  const caseId = startZorgroute.id;
  await eventually('the referral form step', async () => (await stepsOfCase(api, mentor, caseId)).openSteps.includes('SUBMIT_REFERRAL'));
  await graphql(
    api,
    'mutation($c: ID!, $i: ZorgrouteReferralFormInput) { submitZorgrouteReferral(caseId: $c, input: $i) { id } }',
    { c: caseId, i: { reasons: ['PROBLEMATISCH_FUNCTIONEREN_THUIS'], parentsInformed: true, problem: 'Komt vaak te laat en mist lessen.', pupilHelpQuestion: 'Ik wil op tijd komen', mentorSupportQuestion: 'Hoe houd ik contact met thuis?' } },
    mentor,
  );
  await eventually('the triage step', async () => (await stepsOfCase(api, zc, caseId)).openSteps.includes('TRIAGE'));

  // Waiting for the triage: the mentor sees it as the zorgcoördinator's (a chip), with no button to take it.
  await logInAs(page, stack.appUrl, REFERRER.email);
  const path = `/cases/${encodeURIComponent(caseId)}`;
  await page.goto(`${stack.appUrl}${path}`);
  await page.getByRole('heading', { level: 1, name: pupil.displayName }).waitFor();
  const atTriage = await expectExactlyTheMentorsSteps(page, api, caseId);
  expect(atTriage).toContain('TRIAGE');
  await shot(page, 'mentor-referral-at-triage');

  // The zorgcoördinator sends it back: now the mentor's own step is open, and only that is his to take.
  await eventually('the triage', async () => {
    await graphql(
      api,
      'mutation($c: ID!, $i: TriageZorgrouteInput!) { triageZorgroute(caseId: $c, input: $i) { status } }',
      { c: caseId, i: { outcome: 'TERUG_NAAR_AANMELDER', secondLine: true, questionsClear: false, firstLineDone: false, parentsAndPupilKnow: true, missingInformation: 'Wat is er in de klas al geprobeerd?' } },
      zc,
    );
    return true;
  });
  await eventually('the form back with the mentor', async () => (await stepsOfCase(api, mentor, caseId)).openSteps.includes('SUBMIT_REFERRAL'));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: pupil.displayName }).waitFor();
  await page.getByRole('region', { name: 'Open stappen' }).getByRole('button', { name: 'IZO-aanmelding indienen' }).waitFor();
  await expectExactlyTheMentorsSteps(page, api, caseId);
  await shot(page, 'mentor-referral-returned');
  expect(pageErrors).toEqual([]);
});
