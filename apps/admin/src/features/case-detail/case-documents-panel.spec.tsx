import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { CASE_DOCUMENTS_QUERY, UPLOAD_DOCUMENT_KINDS_QUERY } from './case.graphql';
import { CaseDocumentsPanel } from './case-documents-panel';

const letter = {
  __typename: 'CaseDocument',
  id: 'doc-1',
  caseId: 'case-7',
  kind: 'ZORGPLICHT_BESLUIT',
  kindLabel: 'Brief: besluit over de aanmelding',
  fileName: 'besluitbrief.pdf',
  contentType: 'application/pdf',
  sizeBytes: 20480,
  createdAt: '2026-11-19T10:00:00Z',
  downloadPath: '/documents/doc-1',
  source: 'GENERATED',
  audiences: ['SCHOOL', 'PARENTS'],
  uploadedByName: null,
};
const upload = {
  ...letter,
  id: 'doc-2',
  kind: 'VERSLAG',
  kindLabel: 'Verslag of rapport',
  fileName: 'verslag.pdf',
  source: 'UPLOAD',
  audiences: ['SCHOOL', 'PARENTS'],
  uploadedByName: 'Karin Zorg',
};
/** The api's upload kinds (UPLOADED_DOCUMENT_KINDS), of which the form offers the first until another is chosen. */
const uploadKinds = {
  request: { query: UPLOAD_DOCUMENT_KINDS_QUERY },
  result: {
    data: {
      uploadDocumentKinds: [
        { __typename: 'UploadDocumentKind', kind: 'VERSLAG', label: 'Verslag of rapport' },
        { __typename: 'UploadDocumentKind', kind: 'OVERIG', label: 'Overig document' },
      ],
    },
  },
};
const documents = (list: object[]) => ({ request: { query: CASE_DOCUMENTS_QUERY, variables: { caseId: 'case-7' } }, result: { data: { caseDocuments: list } } });

function jsonResponse(status: number, body: unknown): Response {
  return { ok: status < 300, status, headers: new Headers({ 'content-type': 'application/json' }), json: () => Promise.resolve(body) } as unknown as Response;
}

describe('CaseDocumentsPanel', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('lists the documents with who may read them', async () => {
    renderWithProviders(<CaseDocumentsPanel caseId="case-7" mayUpload={false} />, { session: { user: ZC_USER }, mocks: [documents([letter, upload])] });
    expect(await screen.findByRole('button', { name: 'Verslag of rapport' })).toBeTruthy();
    expect(screen.getByText(/toegevoegd door Karin Zorg/)).toBeTruthy();
    expect(screen.getAllByLabelText('Zichtbaar voor: School, Ouders')).toHaveLength(2);
    expect(screen.queryByRole('form', { name: 'Document toevoegen' })).toBeNull();
  });

  it('cannot be sent before the api has said which kinds of document there are (CI clicked too early once)', async () => {
    const fetchMock = jest.fn().mockResolvedValue(jsonResponse(201, upload));
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    renderWithProviders(<CaseDocumentsPanel caseId="case-7" mayUpload />, { session: { user: ZC_USER }, mocks: [documents([letter]), { ...uploadKinds, delay: 300 }] });
    fireEvent.change(await screen.findByLabelText('Bestand'), { target: { files: [new File(['%PDF-1.4'], 'verslag.pdf', { type: 'application/pdf' })] } });
    const send = screen.getByRole('button', { name: 'Document toevoegen' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.click(send);
    expect(screen.queryByText('Kies eerst de soort document.')).toBeNull();
    await waitFor(() => expect(send.disabled).toBe(false));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('says so when the kinds of document cannot be loaded', async () => {
    renderWithProviders(<CaseDocumentsPanel caseId="case-7" mayUpload />, { session: { user: ZC_USER }, mocks: [documents([letter]), { request: { query: UPLOAD_DOCUMENT_KINDS_QUERY }, error: new Error('network down') }] });
    expect((await screen.findByRole('alert')).textContent).toContain('De soorten documenten konden niet worden geladen');
    expect((screen.getByRole('button', { name: 'Document toevoegen' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('uploads a chosen file with its kind and audiences, then shows it in the list', async () => {
    const fetchMock = jest.fn().mockResolvedValue(jsonResponse(201, upload));
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    renderWithProviders(<CaseDocumentsPanel caseId="case-7" mayUpload />, { session: { user: ZC_USER }, mocks: [documents([letter]), documents([letter, upload]), uploadKinds] });
    expect(await screen.findByRole('button', { name: 'Brief: besluit over de aanmelding' })).toBeTruthy();

    const file = new File(['%PDF-1.4'], 'verslag.pdf', { type: 'application/pdf' });
    fireEvent.change(screen.getByLabelText('Bestand'), { target: { files: [file] } });
    expect(screen.getByTestId('chosen-file').textContent).toBe('verslag.pdf');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Ouders' }));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Document toevoegen' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Document toevoegen' }));

    expect((await screen.findByRole('status')).textContent).toContain('Verslag of rapport toegevoegd.');
    expect(await screen.findByRole('button', { name: 'Verslag of rapport' })).toBeTruthy();
    // The form is empty again for the next document.
    expect(screen.getByTestId('chosen-file').textContent).toBe('PDF, PNG of JPEG, maximaal 10 MB');
    expect((screen.getByRole('checkbox', { name: 'Ouders' }) as HTMLInputElement).checked).toBe(false);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/documents/cases/case-7');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'X-Zorgroute-Upload': '1' });
    const form = init.body as FormData;
    expect(form.get('kind')).toBe('VERSLAG');
    expect(form.get('audiences')).toBe('PARENTS');
    expect(form.get('clientRequestId')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((form.get('file') as File).name).toBe('verslag.pdf');
  });

  it('a download whose bytes are gone shows the api’s Dutch "niet meer beschikbaar", not a status code', async () => {
    const fetchMock = jest.fn().mockResolvedValue(jsonResponse(404, { code: 'NOT_FOUND', message: 'Dit document is niet meer beschikbaar', messageEn: 'This document is no longer available' }));
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    renderWithProviders(<CaseDocumentsPanel caseId="case-7" mayUpload={false} />, { session: { user: ZC_USER }, mocks: [documents([upload])] });
    fireEvent.click(await screen.findByRole('button', { name: 'Verslag of rapport' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Dit document is niet meer beschikbaar');
    expect(fetchMock).toHaveBeenCalledWith(upload.downloadPath, { credentials: 'same-origin' });
  });

  it('shows the api’s message when it refuses the file, and asks for a file first', async () => {
    const fetchMock = jest.fn().mockResolvedValue(jsonResponse(400, { code: 'BAD_USER_INPUT', message: 'Alleen PDF-, PNG- of JPEG-bestanden kunnen worden toegevoegd', messageEn: 'x' }));
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    renderWithProviders(<CaseDocumentsPanel caseId="case-7" mayUpload />, { session: { user: ZC_USER }, mocks: [documents([]), uploadKinds] });
    expect(await screen.findByText('Nog geen documenten.')).toBeTruthy();
    // The kinds offered are the api's list (uploadDocumentKinds), not a copy in the admin.
    const kindSelect = screen.getByRole('combobox', { name: 'Soort document' });
    await waitFor(() => expect(kindSelect.textContent).toBe('Verslag of rapport'));
    fireEvent.mouseDown(kindSelect);
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(['Verslag of rapport', 'Overig document']);
    fireEvent.keyDown(screen.getByRole('listbox'), { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: 'Document toevoegen' }));
    const problem = await screen.findByRole('alert');
    expect(problem.textContent).toBe('Kies eerst een bestand (PDF, PNG of JPEG).');
    // The file input says it is wrong, and its description is the error.
    const input = screen.getByLabelText('Bestand');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(problem.id);
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Bestand'), { target: { files: [new File(['MZ'], 'verslag.pdf')] } });
    fireEvent.click(screen.getByRole('button', { name: 'Document toevoegen' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Alleen PDF-, PNG- of JPEG-bestanden kunnen worden toegevoegd'));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect((init.body as FormData).get('kind')).toBe('VERSLAG');
  });
});
