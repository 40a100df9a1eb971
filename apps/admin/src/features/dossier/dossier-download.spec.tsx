import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { type UserFieldsFragment as User } from '../../gql/graphql';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { DOSSIER_EXPORT_OPTIONS_QUERY } from './dossier.graphql';
import { DossierDownload, dossierPath, mayExportDossier } from './dossier-download';

const user = (role: User['role'], schoolId: string | null = null): User & { __typename: 'User' } => ({ ...ZC_USER, id: `user-${role}`, role, schoolId });
const ADMIN = user('ADMIN');
const PARENT = user('PARENT');

let fetchMock: jest.Mock;
beforeEach(() => {
  fetchMock = jest.fn(async () => ({ ok: true, status: 200, headers: new Headers({ 'content-type': 'application/pdf' }), blob: async () => new Blob(['%PDF-1.4']) }));
  (globalThis as { fetch?: unknown }).fetch = fetchMock;
  (URL as unknown as { createObjectURL: unknown }).createObjectURL = jest.fn(() => 'blob:dossier');
  (URL as unknown as { revokeObjectURL: unknown }).revokeObjectURL = jest.fn();
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

/** The api's answer to `dossierExportOptions` for this caller. */
const optionsMock = (formats: string[], reasonRequired: string[] = [], refusal: string | null = null) => ({
  request: { query: DOSSIER_EXPORT_OPTIONS_QUERY, variables: { pupilId: 'pupil 1' } },
  result: { data: { dossierExportOptions: { __typename: 'DossierExportOptions', formats, reasonRequired, refusal } } },
});
const ALLOWED: Partial<Record<User['role'], ReturnType<typeof optionsMock>>> = {
  ADMIN: optionsMock(['pdf', 'json'], ['pdf', 'json']),
  ZORGCOORDINATOR: optionsMock(['pdf', 'json'], ['json']),
  PARENT: optionsMock(['pdf']),
};

const renderFor = (u: User & { __typename: 'User' }, options = ALLOWED[u.role]) =>
  renderWithProviders(<DossierDownload user={u} pupilId="pupil 1" pupilName="Sanne de Vries" pupilSchoolId="school-1" />, { session: { user: u }, mocks: options ? [options] : [] });

describe('DossierDownload', () => {
  it('builds the export path, with the admin’s reason', () => {
    expect(dossierPath('p-1', 'pdf')).toBe('/exports/dossier/p-1.pdf');
    expect(dossierPath('p 1', 'json', ' inzageverzoek 12 ')).toBe('/exports/dossier/p%201.json?reason=inzageverzoek%2012');
  });

  it('is offered to the roles the api allows', () => {
    expect(mayExportDossier(ZC_USER, 'school-1')).toBe(true);
    expect(mayExportDossier(ZC_USER, 'school-2')).toBe(false);
    expect(mayExportDossier(ADMIN, 'school-1')).toBe(true);
    expect(mayExportDossier(PARENT, 'school-1')).toBe(true);
    expect(mayExportDossier(user('PUPIL'), 'school-1')).toBe(true);
    for (const role of ['SWV_MEDEWERKER', 'MENTOR', 'COACH', 'TEAMLEIDER', 'JOS_MEDEWERKER'] as const) expect(mayExportDossier(user(role, 'school-1'), 'school-1')).toBe(false);
    expect(mayExportDossier(null, 'school-1')).toBe(false);
  });

  it('lets a parent download the PDF straight away, with the session cookie, and offers no JSON', async () => {
    renderFor(PARENT);
    fireEvent.click(await screen.findByRole('button', { name: 'Dossier downloaden (PDF)' }));
    expect(screen.queryByRole('button', { name: /JSON/ })).toBeNull();
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/exports/dossier/pupil%201.pdf', { credentials: 'same-origin' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks the admin for a reason first and sends it along', async () => {
    renderFor(ADMIN);
    fireEvent.click(await screen.findByRole('button', { name: 'Dossier downloaden (JSON)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Dossier downloaden (JSON)' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Downloaden' }));
    const problem = await within(dialog).findByText('Geef een reden (minstens 3 tekens); die komt in het auditlog.');
    const reason = within(dialog).getByRole('textbox', { name: /Reden/ });
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(reason.getAttribute('aria-describedby')).toBe(problem.id);
    expect(fetchMock).not.toHaveBeenCalled();
    fireEvent.change(reason, { target: { value: ' ab ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Downloaden' }));
    expect(await within(dialog).findByText(/Geef een reden/)).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
    fireEvent.change(reason, { target: { value: ' Inzageverzoek van de ouders ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Downloaden' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/exports/dossier/pupil%201.json?reason=Inzageverzoek%20van%20de%20ouders', expect.anything()));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows the api’s Dutch refusal', async () => {
    fetchMock.mockResolvedValueOnce({
      ok: false,
      status: 403,
      headers: new Headers({ 'content-type': 'application/json; charset=utf-8' }),
      json: async () => ({ code: 'FORBIDDEN', message: 'Uw kind is 16 jaar of ouder en vraagt zelf inzage in zijn dossier' }),
    });
    renderFor(PARENT);
    fireEvent.click(await screen.findByRole('button', { name: 'Dossier downloaden (PDF)' }));
    expect(await screen.findByText('Uw kind is 16 jaar of ouder en vraagt zelf inzage in zijn dossier')).toBeTruthy();
  });

  it('asks the zorgcoördinator a reason for the JSON only: the PDF downloads at once', async () => {
    renderFor(ZC_USER);
    fireEvent.click(await screen.findByRole('button', { name: 'Dossier downloaden (PDF)' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/exports/dossier/pupil%201.pdf', { credentials: 'same-origin' }));
    const json = screen.getByRole('button', { name: 'Dossier downloaden (JSON)' });
    await waitFor(() => expect((json as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(json);
    expect(await screen.findByRole('dialog', { name: 'Dossier downloaden (JSON)' })).toBeTruthy();
  });

  it('offers a pupil under 16 no download that would fail, and says why (issue 17.3)', async () => {
    renderFor(user('PUPIL'), optionsMock([], [], 'Tot je 16e vragen je ouders inzage in je dossier aan'));
    expect(await screen.findByText('Tot je 16e vragen je ouders inzage in je dossier aan.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Dossier downloaden/ })).toBeNull();
  });

  it('shows nothing to the SWV employee', () => {
    const { container } = renderFor(user('SWV_MEDEWERKER'));
    expect(container.querySelector('[data-testid="dossier-download"]')).toBeNull();
  });
});
