import { type DocumentNode } from 'graphql';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { ACCOUNTS_QUERY, CREATE_ACCOUNT, DEACTIVATE_ACCOUNT, OPEN_STEPS_QUERY, SCHOOL_IMPORT_QUERY, SCHOOL_IMPORTS_QUERY, SWVS_QUERY, type ImportPreview, type SchoolImport } from './organisations.graphql';
import { leaversOf, SchoolAdminPage } from './school-admin-page';

const SCHOOL_ADMIN = { ...ZC_USER, id: 'beheer-1', role: 'SCHOOL_ADMIN' as const, schoolId: 'school-1' };
const line = (sourceId: string, name: string, className: string, mentorName: string, changes: ImportPreview['pupilsChanged'][number]['changes'] = []) => ({ __typename: 'ImportPupilLine', sourceId, name, className, mentorName, changes: changes.map((c) => ({ __typename: 'ImportFieldChange', ...c })) });

function preview(rejected: ImportPreview['rejected'] = []): ImportPreview {
  return {
    pupilsAdded: [line('100007', 'Jesse Kuipers', '2A', 'Noor Yilmaz')],
    pupilsChanged: [line('100001', 'Lieke Dijkstra', '1B', 'Pieter Bakker', [{ field: 'klas', from: '1A', to: '1B' }, { field: 'mentor', from: 'Sara Mulder', to: 'Pieter Bakker' }])],
    pupilsLeaving: [line('100006', 'Isa van Leeuwen', '2A', 'Noor Yilmaz')],
    pupilsUnchanged: 4,
    staffAdded: [],
    staffChanged: [],
    staffLeaving: [],
    staffUnchanged: 0,
    guardiansAdded: 1,
    guardiansChanged: 0,
    guardianLinksAdded: 1,
    guardianLinksRemoved: 1,
    rejected: rejected.map((r) => ({ __typename: 'ImportRejectedRow', ...r })),
  };
}

function imported(p: ImportPreview): SchoolImport & { __typename: string } {
  return {
    __typename: 'SchoolImport',
    id: 'imp-1',
    schoolId: 'school-1',
    format: 'SOMTODAY',
    fileName: 'somtoday.csv',
    fileDigest: 'a'.repeat(64),
    status: 'PREVIEW',
    createdAt: '2026-08-20T08:00:00Z',
    appliedAt: null,
    pupilsAdded: 1,
    pupilsChanged: 1,
    pupilsLeaving: 1,
    rejected: p.rejected.length,
    preview: { __typename: 'ImportPreview', ...p } as ImportPreview,
  };
}

/** One open step of a mentor at the school (what the school admin hands over). */
const OPEN_STEP = {
  __typename: 'OpenStepToReassign',
  caseId: 'ondersteuningstraject-1',
  process: 'ONDERSTEUNINGSTRAJECT',
  stepLabel: 'Sessie vastleggen',
  dueDate: '2027-03-12',
  ownerId: 'mentor-1',
  ownerName: 'Mila Mentor',
  reason: null,
  reasonLabel: null,
  pupilFirstName: 'Noor',
  className: '2A',
};

function mocks(p: ImportPreview, openSteps: unknown[] = []) {
  const swvs = { swvs: [{ __typename: 'Swv', id: 'swv-1', name: 'SWV Voorbeeld', code: 'VO 99.01', schools: [{ __typename: 'SchoolRecord', id: 'school-1', swvId: 'swv-1', name: 'Voorbeeldcollege', brin: '99ZZ', vestiging: '00', region: 'midden', pupilCount: 6 }] }] };
  return [
    { request: { query: SWVS_QUERY }, result: { data: swvs } },
    { request: { query: ACCOUNTS_QUERY, variables: { schoolId: 'school-1', swvId: null } }, result: { data: { accounts: [] } } },
    { request: { query: OPEN_STEPS_QUERY, variables: { schoolId: 'school-1' } }, result: { data: { openStepsToReassign: openSteps } } },
    { request: { query: SCHOOL_IMPORTS_QUERY, variables: { schoolId: 'school-1' } }, result: { data: { schoolImports: [] } }, maxUsageCount: 5 },
    { request: { query: SCHOOL_IMPORT_QUERY, variables: { id: 'imp-1' } }, result: { data: { schoolImport: imported(p) } } },
  ];
}

async function uploadFile(): Promise<jest.Mock> {
  const fetchMock = jest.fn().mockResolvedValue({ ok: true, status: 200, json: async () => ({ id: 'imp-1' }) });
  global.fetch = fetchMock as unknown as typeof fetch;
  const input = screen.getByLabelText('Importbestand');
  fireEvent.change(input, { target: { files: [new File(['Leerlingnummer;Roepnaam'], 'somtoday.csv', { type: 'text/csv' })] } });
  fireEvent.click(screen.getByRole('button', { name: 'Voorvertoning maken' }));
  return fetchMock;
}

jest.setTimeout(60_000);

describe('SchoolAdminPage: the import preview', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  it('uploads the file and shows the new, changed and leaving pupils before anything is applied', async () => {
    renderWithProviders(<SchoolAdminPage />, { session: { user: SCHOOL_ADMIN }, mocks: mocks(preview()), path: '/organisaties/scholen/:schoolId', route: '/organisaties/scholen/school-1' });
    await screen.findByText('BRIN 99ZZ, vestiging 00 · regio midden · 6 leerlingen', undefined, { timeout: 15_000 });
    const fetchMock = await uploadFile();
    await screen.findByText('Voorvertoning van somtoday.csv (SOMTODAY)', undefined, { timeout: 15_000 });
    const section = screen.getByRole('region', { name: 'Voorvertoning' });
    expect(fetchMock).toHaveBeenCalledWith('/imports/schools/school-1/preview', expect.objectContaining({ method: 'POST', headers: { 'content-type': 'text/csv', 'x-file-name': 'somtoday.csv' } }));
    expect(within(within(section).getByRole('table', { name: 'Nieuwe leerlingen' })).getByText('Jesse Kuipers')).toBeTruthy();
    expect(within(within(section).getByRole('table', { name: 'Gewijzigde leerlingen' })).getByText('Klas: 1A → 1B; Mentor: Sara Mulder → Pieter Bakker')).toBeTruthy();
    expect(within(within(section).getByRole('table', { name: 'Vertrekkende leerlingen' })).getByText('Isa van Leeuwen')).toBeTruthy();
    expect((within(section).getByRole('button', { name: 'Verwerken' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('lists every rejected row with its line and reason, and does not offer to apply', async () => {
    const rejected = [{ file: 'somtoday.csv', line: 3, reason: 'leerlingnummer 100001 staat ook op regel 2' }];
    renderWithProviders(<SchoolAdminPage />, { session: { user: SCHOOL_ADMIN }, mocks: mocks(preview(rejected)), path: '/organisaties/scholen/:schoolId', route: '/organisaties/scholen/school-1' });
    await screen.findByText('BRIN 99ZZ, vestiging 00 · regio midden · 6 leerlingen', undefined, { timeout: 15_000 });
    await uploadFile();
    await screen.findByText('somtoday.csv, regel 3: leerlingnummer 100001 staat ook op regel 2', undefined, { timeout: 15_000 });
    const list = screen.getByRole('list', { name: 'Afgekeurde regels' });
    expect(list.textContent).toBe('somtoday.csv, regel 3: leerlingnummer 100001 staat ook op regel 2');
    expect((screen.getByRole('button', { name: 'Verwerken' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the api’s Dutch message when the file is refused', async () => {
    renderWithProviders(<SchoolAdminPage />, { session: { user: SCHOOL_ADMIN }, mocks: mocks(preview()), path: '/organisaties/scholen/:schoolId', route: '/organisaties/scholen/school-1' });
    await screen.findByText('BRIN 99ZZ, vestiging 00 · regio midden · 6 leerlingen', undefined, { timeout: 15_000 });
    global.fetch = jest.fn().mockResolvedValue({ ok: false, status: 400, json: async () => ({ code: 'BAD_USER_INPUT', message: 'komma.csv gebruikt de komma als scheidingsteken; verwacht is de puntkomma (;)' }) }) as unknown as typeof fetch;
    fireEvent.change(screen.getByLabelText('Importbestand'), { target: { files: [new File(['a,b'], 'komma.csv')] } });
    fireEvent.click(screen.getByRole('button', { name: 'Voorvertoning maken' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('komma.csv gebruikt de komma als scheidingsteken; verwacht is de puntkomma (;)'), { timeout: 15_000 });
    expect(screen.queryByRole('region', { name: 'Voorvertoning' })).toBeNull();
  });
});

describe('SchoolAdminPage: the forms check before anything is sent', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });
  const account = { __typename: 'Account', id: 'acc-1', name: 'Gijs Vertrekker', email: 'gijs@voorbeeldcollege.nl', role: 'MENTOR', schoolId: 'school-1', swvId: null, active: true, deactivatedAt: null, sourceId: null };
  const recorded = (query: DocumentNode, result: object, sent: unknown[]) => ({
    request: {
      query,
      variables: (vars: unknown) => {
        sent.push(vars);
        return true;
      },
    },
    result,
  });

  const render = (extra: ReturnType<typeof recorded>[]) => {
    const [swvs, , openSteps, ...rest] = mocks(preview());
    renderWithProviders(<SchoolAdminPage />, {
      session: { user: SCHOOL_ADMIN },
      mocks: [swvs, { request: { query: ACCOUNTS_QUERY, variables: { schoolId: 'school-1', swvId: null } }, result: { data: { accounts: [account] } }, maxUsageCount: 5 }, { ...openSteps, maxUsageCount: 5 }, ...rest, ...extra],
      path: '/organisaties/scholen/:schoolId',
      route: '/organisaties/scholen/school-1',
    });
  };
  it('adds an account only with a name, a valid e-mail address and a role', async () => {
    const sent: unknown[] = [];
    render([recorded(CREATE_ACCOUNT, { data: { createAccount: { ...account, id: 'acc-2', name: 'Noor Yilmaz', email: 'noor@voorbeeldcollege.nl' } } }, sent)]);
    const form = await screen.findByRole('form', { name: 'Nieuw account' });
    fireEvent.click(within(form).getByRole('button', { name: 'Account toevoegen' }));
    const nameProblem = await within(form).findByText('De naam moet 2 tot 200 tekens lang zijn.');
    const name = within(form).getByRole('textbox', { name: /Naam/ });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toBe(nameProblem.id);
    const emailProblem = within(form).getByText('Vul een geldig e-mailadres in.');
    expect(within(form).getByRole('textbox', { name: /E-mailadres/ }).getAttribute('aria-describedby')).toBe(emailProblem.id);

    // A formula is no name (it would run in a spreadsheet export), and an address needs its @ and domain.
    fireEvent.change(name, { target: { value: '=HYPERLINK("x")' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /E-mailadres/ }), { target: { value: 'noor.voorbeeldcollege.nl' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Account toevoegen' }));
    expect(await within(form).findByText('De naam mag niet met =, +, - of @ beginnen.')).toBeTruthy();
    expect(within(form).getByText('Vul een geldig e-mailadres in.')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.change(name, { target: { value: ' Noor Yilmaz ' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /E-mailadres/ }), { target: { value: 'noor@voorbeeldcollege.nl ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Account toevoegen' }));
    await waitFor(() => expect(sent).toEqual([{ input: { name: 'Noor Yilmaz', email: 'noor@voorbeeldcollege.nl', role: 'MENTOR', schoolId: 'school-1' } }]));
    await waitFor(() => expect((within(form).getByRole('textbox', { name: /Naam/ }) as HTMLInputElement).value).toBe(''));
  });

  it('deactivates an account only with a reason of 3 to 1000 characters', async () => {
    const sent: unknown[] = [];
    render([recorded(DEACTIVATE_ACCOUNT, { data: { deactivateAccount: { __typename: 'DeactivateAccountResult', account: { ...account, active: false, deactivatedAt: '2026-12-07T10:00:00Z' }, endedSessions: 1, openSteps: [] } } }, sent)]);
    fireEvent.click(await screen.findByRole('button', { name: 'Gijs Vertrekker deactiveren' }));
    const dialog = await screen.findByRole('dialog', { name: 'Account deactiveren' });
    const reason = within(dialog).getByRole('textbox', { name: /Reden/ });
    fireEvent.change(reason, { target: { value: '  ok ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Deactiveren' }));
    const problem = await within(dialog).findByText('De reden moet 3 tot 1000 tekens lang zijn');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(reason.getAttribute('aria-describedby')).toBe(problem.id);
    expect(sent).toEqual([]);

    fireEvent.change(reason, { target: { value: ' Uit dienst per de kerstvakantie. ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Deactiveren' }));
    expect(await within(dialog).findByText(/Gijs Vertrekker is gedeactiveerd; 1 sessie is beëindigd/)).toBeTruthy();
    expect(sent).toEqual([{ id: 'acc-1', input: { reason: 'Uit dienst per de kerstvakantie.' } }]);
  });

  it('asks for a file before reading anything in', async () => {
    const fetchMock = jest.fn();
    global.fetch = fetchMock as unknown as typeof fetch;
    render([]);
    const form = await screen.findByRole('form', { name: 'Bestand inlezen' });
    fireEvent.click(within(form).getByRole('button', { name: 'Voorvertoning maken' }));
    const problem = await screen.findByRole('alert');
    expect(problem.textContent).toBe('Kies eerst een bestand (een OneRoster-zip of een export).');
    const input = screen.getByLabelText('Importbestand');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(problem.id);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('leaversOf', () => {
  const step = (caseId: string, ownerId: string, stepLabel = 'Gesprek voeren') => ({
    caseId, process: 'ONDERSTEUNINGSTRAJECT', stepLabel, dueDate: null, ownerId, ownerName: ownerId === 'm-1' ? 'Gijs Vertrekker' : 'Ilse Elders',
    reason: 'DEACTIVATED', reasonLabel: 'Account gedeactiveerd of vertrokken', pupilFirstName: `Leerling ${caseId}`, className: caseId === 'c-1' ? '2B' : null,
  });

  it('gives one banner per owner with each of his cases once, to hand over together', () => {
    const leavers = leaversOf([step('c-1', 'm-1'), step('c-1', 'm-1', 'Tweede stap'), step('c-2', 'm-1'), step('c-3', 'm-2')]);
    expect(leavers).toEqual([
      { ownerId: 'm-1', ownerName: 'Gijs Vertrekker', reasonLabel: 'Account gedeactiveerd of vertrokken', cases: [{ caseId: 'c-1', pupilName: 'Leerling c-1 (2B)', ownerId: 'm-1' }, { caseId: 'c-2', pupilName: 'Leerling c-2', ownerId: 'm-1' }] },
      { ownerId: 'm-2', ownerName: 'Ilse Elders', reasonLabel: 'Account gedeactiveerd of vertrokken', cases: [{ caseId: 'c-3', pupilName: 'Leerling c-3', ownerId: 'm-2' }] },
    ]);
  });
});

describe('SchoolAdminPage: the open steps to hand over', () => {
  it('names the pupil without a link for the school admin (he may not open cases), with one for a platform admin', async () => {
    const { unmount } = renderWithProviders(<SchoolAdminPage />, {
      session: { user: SCHOOL_ADMIN },
      mocks: mocks(preview(), [OPEN_STEP]),
      path: '/organisaties/scholen/:schoolId',
      route: '/organisaties/scholen/school-1',
    });
    const table = await screen.findByRole('table', { name: 'Open stappen om over te dragen' }, { timeout: 15_000 });
    await within(table).findByText('Noor (2A)', undefined, { timeout: 15_000 });
    expect(within(table).queryByRole('link')).toBeNull();
    unmount();

    renderWithProviders(<SchoolAdminPage />, {
      session: { user: { ...SCHOOL_ADMIN, role: 'ADMIN' as const, schoolId: null } },
      mocks: mocks(preview(), [OPEN_STEP]),
      path: '/organisaties/scholen/:schoolId',
      route: '/organisaties/scholen/school-1',
    });
    const link = await screen.findByRole('link', { name: 'Noor (2A)' }, { timeout: 15_000 });
    expect(link.getAttribute('href')).toBe('/cases/ondersteuningstraject-1');
  });
});
