/**
 * @jest-environment node
 */
// Browser test of the parent's side of P6 (PO→VO overdracht): the SWV sets the regional calendar and the
// zorgcoördinator registers the application and records the transfer report through GraphQL; the parent then reads
// the report in the portal, writes his view (zienswijze) and consents, and the case moves on to sending the report.
import { eventually, graphql, logInAs, shot, tokenFor, useBrowserSession } from './support/browser';

jest.setTimeout(300_000);

// Calendar helpers of the test itself (the admin app does not depend on libs/domain): a school year runs from 1 August.
const addCalendarDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const schoolYearStartYear = (iso: string): number => (Number(iso.slice(5, 7)) >= 8 ? Number(iso.slice(0, 4)) : Number(iso.slice(0, 4)) - 1);
const schoolYearOf = (iso: string): string => `${schoolYearStartYear(iso)}-${schoolYearStartYear(iso) + 1}`;
const schoolYearBounds = (schoolYear: string): { from: string } => ({ from: `${schoolYear.slice(0, 4)}-08-01` });

const ZC_EMAIL = 'zc@daltoncollege.example';
const SWV_EMAIL = 'loket@swv-voorbeeldregio.example';
/** Demo pupils under 16 of the Daltoncollege with their parent (at 16 the pupil consents) (apps/api/src/seed/demo-data.ts); one handover per school year. */
const PUPILS = [
  { displayName: 'Daan Veldkamp', parent: 'ouder.veldkamp@voorbeeldmail.example' },
  { displayName: 'Sem de Groot', parent: 'ouder.degroot@voorbeeldmail.example' },
  { displayName: 'Milan Jansen', parent: 'ouder.jansen@voorbeeldmail.example' },
];
const VIEW = 'De leerling heeft baat bij een vaste mentor en rustige start in de brugklas (e2e).';

const session = useBrowserSession();

interface HandoverState {
  detail: { summary: { status: string; waitingFor: string | null } };
  consent: { requestId: string; status: string } | null;
  zienswijzen: Array<{ text: string }>;
}

const STATE = 'query($id: ID!) { overdrachtCase(id: $id) { detail { summary { status waitingFor } } consent { requestId status } zienswijzen { text } } }';

async function handover(apiUrl: string, token: string, id: string): Promise<HandoverState> {
  return (await graphql<{ overdrachtCase: HandoverState }>(apiUrl, STATE, { id }, token)).overdrachtCase;
}

/** The regional calendar of this school year (as the api's overdracht test sets it), so an application can start. */
async function ensureRegionalCalendar(apiUrl: string): Promise<string> {
  const zc = await tokenFor(apiUrl, ZC_EMAIL);
  const { me } = await graphql<{ me: { schoolId: string } }>(apiUrl, '{ me { schoolId } }', {}, zc);
  const { effectivePolicy } = await graphql<{ effectivePolicy: { swvId: string } }>(apiUrl, 'query($s: ID!) { effectivePolicy(schoolId: $s) { swvId } }', { s: me.schoolId }, zc);
  const swv = await tokenFor(apiUrl, SWV_EMAIL);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const schoolYear = schoolYearOf(today);
  const start = schoolYearBounds(schoolYear).from;
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

/** Registers an application and records the report, until the parents are asked. */
async function handoverAwaitingParents(apiUrl: string): Promise<{ caseId: string; parent: string }> {
  const schoolYear = await ensureRegionalCalendar(apiUrl);
  const zc = await tokenFor(apiUrl, ZC_EMAIL);
  const { pupils } = await graphql<{ pupils: Array<{ id: string; displayName: string }> }>(apiUrl, '{ pupils { id displayName } }', {}, zc);
  const errors: string[] = [];
  for (const candidate of PUPILS) {
    const pupil = pupils.find((p) => p.displayName === candidate.displayName);
    if (!pupil) continue;
    try {
      const { startOverdracht } = await graphql<{ startOverdracht: { id: string } }>(
        apiUrl,
        'mutation($i: StartOverdrachtInput!) { startOverdracht(input: $i) { id } }',
        { i: { pupilId: pupil.id, schoolYear, poSchoolName: 'OBS De Wilg', poContactName: 'Sandra Kok (ib)', supportNeedsExpected: false } },
        zc,
      );
      const caseId = startOverdracht.id;
      await eventually('the report step', async () => (await handover(apiUrl, zc, caseId)).detail.summary.waitingFor === 'OVERDRACHT_RECORD_OKR');
      await graphql(
        apiUrl,
        'mutation($c: ID!, $i: OverdrachtOkrInput!) { recordOverdrachtOkr(caseId: $c, input: $i) { id } }',
        { c: caseId, i: { schooladvies: 'havo/vwo', taalLezen: '2F', rekenen: '1S', werkhouding: 'Zelfstandig en nauwkeurig', supportNeeds: false } },
        zc,
      );
      await eventually('the parents’ consent request', async () => (await handover(apiUrl, zc, caseId)).consent?.status === 'PENDING');
      return { caseId, parent: candidate.parent };
    } catch (error) {
      errors.push(`${candidate.displayName}: ${String(error)}`);
    }
  }
  throw new Error(`Could not bring a handover to the parents:\n${errors.join('\n')}`);
}

it('a parent reads the transfer report, adds his view and consents; the case moves on', async () => {
  const { page, stack, pageErrors } = session;
  const { caseId, parent } = await handoverAwaitingParents(stack.apiUrl);

  await logInAs(page, stack.appUrl, parent);
  await page.waitForURL(/\/mijn$/);
  await page.getByRole('heading', { level: 2, name: 'Overdracht van de basisschool' }).waitFor();
  const card = page.locator(`article[data-case-id="${caseId}"]`);
  await card.waitFor();
  const report = card.getByLabel('Inhoud van het rapport');
  await report.getByText('havo/vwo').waitFor();
  expect(await report.textContent()).toContain('Zelfstandig en nauwkeurig');
  // The generic consent card does not show the same request a second time.
  expect(await page.locator(`article[data-consent-id^="${caseId}:consent:"]`).count()).toBe(0);

  // Too short a view is refused; then the parent writes his view and consents.
  const field = card.getByLabel(/Uw zienswijze/);
  await field.fill('ok');
  await card.getByRole('button', { name: 'Zienswijze toevoegen' }).click();
  await card.getByText(/Schrijf minstens 3 tekens/).waitFor();
  await field.fill(VIEW);
  await card.getByRole('button', { name: 'Zienswijze toevoegen' }).click();
  await card.getByText('Uw zienswijze is toegevoegd aan het rapport.').waitFor();
  await card.getByTestId('zienswijze').filter({ hasText: VIEW }).waitFor();
  await shot(page, 'parent-transfer-report');
  await card.getByRole('button', { name: 'Ik geef toestemming voor de overdracht' }).click();
  await card.getByText(/Uw toestemming is vastgelegd/).waitFor();
  await shot(page, 'parent-transfer-report-consented');

  // The case moves on: the school can send the report, with the parent's view.
  const zc = await tokenFor(stack.apiUrl, ZC_EMAIL);
  const moved = await eventually('the send step', async () => {
    const state = await handover(stack.apiUrl, zc, caseId);
    return state.detail.summary.waitingFor === 'OVERDRACHT_SEND_OKR' ? state : null;
  });
  expect(moved.consent?.status).toBe('GIVEN');
  expect(moved.zienswijzen.map((z) => z.text)).toContain(VIEW);
  expect(pageErrors).toEqual([]);
});
