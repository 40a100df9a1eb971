import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { type User } from '../../shared/api-types';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
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

const renderFor = (u: User & { __typename: 'User' }) =>
  renderWithProviders(<DossierDownload user={u} pupilId="pupil 1" pupilName="Sanne de Vries" pupilSchoolId="school-1" />, { session: { user: u } });

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

  it('lets a parent download the PDF straight away, with the session cookie', async () => {
    renderFor(PARENT);
    fireEvent.click(screen.getByRole('button', { name: 'Dossier downloaden (PDF)' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/exports/dossier/pupil%201.pdf', { credentials: 'same-origin' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks the admin for a reason first and sends it along', async () => {
    renderFor(ADMIN);
    fireEvent.click(screen.getByRole('button', { name: 'Dossier downloaden (JSON)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Dossier downloaden (JSON)' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Downloaden' }));
    expect(await within(dialog).findByText(/Geef een reden/)).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Reden/ }), { target: { value: 'Inzageverzoek van de ouders' } });
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
    fireEvent.click(screen.getByRole('button', { name: 'Dossier downloaden (PDF)' }));
    expect(await screen.findByText('Uw kind is 16 jaar of ouder en vraagt zelf inzage in zijn dossier')).toBeTruthy();
  });

  it('shows nothing to the SWV employee', () => {
    const { container } = renderFor(user('SWV_MEDEWERKER'));
    expect(container.querySelector('[data-testid="dossier-download"]')).toBeNull();
  });
});
