/**
 * @jest-environment node
 */
// Browser test of the P1 step dialogs: the zorgcoördinator records the intake, chooses the coach
// and logs a session with a thermometer score on the case page; the coach sees the pupil under
// "Mijn leerlingen" and the parent sees the goal and the thermometer chart. Then the coach follows his real "Nieuwe
// taak" e-mail (the tussenevaluatie, his as soon as he is chosen) from the mail catcher to the case page, at desk size,
// and records it there.
import { expectAccessible } from './support/axe';
import { eventually, graphql, logInAs, shot, tokenFor, useBrowserSession } from './support/browser';
import { mailsTo } from './support/mail';
import { registerNewPupil } from './support/pupils';

jest.setTimeout(240_000);

const ZC_EMAIL = 'zc@daltoncollege.example';
const COACH_EMAIL = 'coach@daltoncollege.example';
const COACH_NAME = 'Fatima El Idrissi';

const session = useBrowserSession();

/** The trajectory the first test brought to ACTIEF, for the coach's e-mail test. */
let trajectory: { caseId: string; pupilName: string } | undefined;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const OPEN_STEPS = 'query($id: ID!) { case(id: $id) { openSteps } }';

/**
 * A trajectory for a pupil of its own: the api registers new pupils only with a written
 * application (aanmelding), so one is registered first; then the trajectory is started for them.
 */
async function startTrajectory(apiUrl: string, token: string): Promise<{ caseId: string; pupilName: string; parentEmail: string }> {
  const { pupil, parentEmail } = await registerNewPupil(apiUrl, token, { firstName: 'Jesse', prefix: 'Traject', extraSupportExpected: false });
  const data = await graphql<{ startTrajectory: { id: string } }>(
    apiUrl,
    'mutation($input: StartTrajectoryInput!) { startTrajectory(input: $input) { id } }',
    { input: { pupilId: pupil.id, reason: 'Moeite met plannen en concentratie (e2e).', weeks: 8 } },
    token,
  );
  return { caseId: data.startTrajectory.id, pupilName: pupil.displayName, parentEmail };
}

it('records intake, coach and a session through the step dialogs', async () => {
  const { page, stack, pageErrors } = session;
  const zc = await tokenFor(stack.apiUrl, ZC_EMAIL);
  const { caseId, pupilName, parentEmail } = await startTrajectory(stack.apiUrl, zc);
  const status = async () =>
    (await graphql<{ case: { summary: { status: string } } }>(stack.apiUrl, 'query($id: ID!) { case(id: $id) { summary { status } } }', { id: caseId }, zc)).case.summary.status;
  await eventually('the intake step', async () => (await status()) === 'INTAKE');

  await logInAs(page, stack.appUrl, ZC_EMAIL);
  await page.goto(`${stack.appUrl}/cases/${encodeURIComponent(caseId)}`);
  await page.getByRole('heading', { level: 1, name: pupilName }).waitFor();

  // Intake: the dialog checks the goal first.
  await page.getByRole('button', { name: 'Intakegesprek vastleggen' }).click();
  let dialog = page.getByRole('dialog', { name: 'Intakegesprek vastleggen' });
  await dialog.getByRole('button', { name: 'Intake opslaan' }).click();
  // The dialog is rendered from the step catalogue, and checks with its rules and Dutch messages.
  await dialog.getByText('Vul in: ontwikkeldoel van de leerling').waitFor();
  await dialog.getByLabel(/Ontwikkeldoel van de leerling/).fill('Ik wil mijn huiswerk elke dag plannen.');
  await dialog.getByLabel(/Subdoelen/).fill('Agenda bijhouden\nElke vrijdag terugblikken');
  await shot(page, 'p1-intake-dialog');
  await dialog.getByRole('button', { name: 'Intake opslaan' }).click();
  await dialog.waitFor({ state: 'hidden' });

  // Coach.
  await page.getByRole('button', { name: 'Coach kiezen' }).click();
  dialog = page.getByRole('dialog', { name: 'Coach kiezen' });
  await dialog.getByRole('combobox', { name: /Coach/ }).click();
  await page.getByRole('option', { name: COACH_NAME }).click();
  await dialog.getByRole('combobox', { name: /Dag van de sessie/ }).click();
  await page.getByRole('option', { name: 'dinsdag' }).click();
  await dialog.getByLabel(/Tijdstip van de sessie/).fill('10:15');
  await expectAccessible(page, 'coach-dialog');
  await dialog.getByRole('button', { name: 'Coach toewijzen' }).click();
  await dialog.waitFor({ state: 'hidden' });

  // Session with a thermometer score.
  await page.getByRole('button', { name: 'Sessie vastleggen' }).click();
  dialog = page.getByRole('dialog', { name: 'Sessie vastleggen' });
  await dialog.getByLabel(/Thermometer/).fill('12');
  await dialog.getByRole('button', { name: 'Sessie opslaan' }).click();
  await dialog.getByText('Thermometer (1–10) moet een getal van 1 tot en met 10 zijn').waitFor();
  // The dialog in its refused state: the error must be tied to the field and readable.
  await expectAccessible(page, 'session-dialog-refused');
  await dialog.getByLabel(/Thermometer/).fill('7');
  await dialog.getByRole('button', { name: 'Sessie opslaan' }).click();
  // The trajectory starts on the next school day after the coach is chosen, so the api refuses a
  // session today; the dialog shows its Dutch message. (The chart mapping is covered by
  // thermometer-chart.spec.tsx.)
  const outcome = await Promise.race([
    dialog.waitFor({ state: 'hidden' }).then(() => 'logged' as const),
    dialog.getByRole('alert').waitFor().then(() => 'refused' as const),
  ]);
  if (outcome === 'logged') {
    await page.getByRole('img', { name: /laatste score 7/ }).waitFor();
  } else {
    expect(await dialog.getByRole('alert').textContent()).toMatch(/voor de start van het traject/);
    await shot(page, 'p1-session-dialog');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
  expect(await page.getByTestId('case-goal').textContent()).toContain('Ik wil mijn huiswerk elke dag plannen.');
  expect(await status()).toBe('ACTIEF');
  trajectory = { caseId, pupilName };
  await shot(page, 'p1-case');

  // The coach finds the pupil among his open work.
  await logInAs(page, stack.appUrl, COACH_EMAIL);
  await page.waitForURL(/\/mijn-leerlingen$/);
  await page.locator(`article[data-case-id="${caseId}"]`).first().waitFor();
  await shot(page, 'coach');

  // The parent of the pupil sees the goal (and the chart once sessions are logged).
  await logInAs(page, stack.appUrl, parentEmail);
  const card = page.locator(`article[data-case-id="${caseId}"]`);
  await card.waitFor();
  if (outcome === 'logged') await card.getByRole('img', { name: /laatste score 7/ }).waitFor();
  await card.getByTestId('pupil-goal').getByText('Ik wil mijn huiswerk elke dag plannen.').waitFor();
  await shot(page, 'parent-trajectory');

  expect(pageErrors).toEqual([]);
});

it('the coach follows his new-task e-mail to the case and records the tussenevaluatie there', async () => {
  const { page, stack, pageErrors } = session;
  if (!trajectory) throw new Error('the first test did not bring its trajectory to ACTIEF');
  const { caseId, pupilName } = trajectory;
  const zc = await tokenFor(stack.apiUrl, ZC_EMAIL);
  const path = `/cases/${encodeURIComponent(caseId)}`;
  // Chosen as coach, he owns the tussenevaluatie at once (due at half-time): the workflow tells him with a new task.
  const mail = await eventually(
    'the new-task e-mail to the coach',
    async () => (await mailsTo(COACH_EMAIL)).find((m) => m.subject.startsWith('Nieuwe taak: Tussenevaluatie') && m.text.includes(path)),
    60_000,
  );
  expect(mail.subject).toMatch(/^Nieuwe taak: Tussenevaluatie \(uiterlijk \w+dag \d{1,2} \w+ \d{4}\)$/);
  const link = mail.text.match(/https?:\/\/[^\s)>\]]+/g)?.find((u) => new URL(u).pathname === path);
  if (!link) throw new Error(`No link to ${path} in "${mail.subject}":\n${mail.text}`);

  // Logged out, as he opens it: the login page, then back to the case.
  await page.context().clearCookies();
  await page.goto(`${stack.appUrl}${new URL(link).pathname}`);
  await page.waitForURL((url) => url.pathname.startsWith('/login'));
  await page.getByRole('button', { name: new RegExp(escape(COACH_EMAIL)) }).click();
  await page.waitForURL((url) => url.pathname === path);
  await page.getByRole('heading', { level: 1, name: pupilName }).waitFor();
  const steps = page.getByRole('region', { name: 'Open stappen' });
  const record = steps.getByRole('button', { name: 'Tussenevaluatie vastleggen' });
  await record.waitFor();
  expect(await page.getByRole('alert').count()).toBe(0);
  await shot(page, 'coach-case-from-email');

  await record.click();
  const dialog = page.getByRole('dialog', { name: 'Tussenevaluatie vastleggen' });
  await dialog.getByLabel(/Samenvatting tussenevaluatie/).fill('Plant zijn huiswerk nu zelf in de agenda; vrijdag terugblikken blijft lastig.');
  await shot(page, 'coach-mid-evaluation-dialog');
  await dialog.getByRole('button', { name: 'Tussenevaluatie opslaan' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await eventually('the tussenevaluatie recorded', async () => {
    const { case: c } = await graphql<{ case: { openSteps: string[] } }>(stack.apiUrl, OPEN_STEPS, { id: caseId }, zc);
    return !c.openSteps.includes('RECORD_MID_EVALUATION');
  });
  // Done: the step is no longer offered to him.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: pupilName }).waitFor();
  await steps.waitFor();
  expect(await record.count()).toBe(0);
  await shot(page, 'coach-case-mid-evaluation-recorded');
  expect(pageErrors).toEqual([]);
});
