import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { DOCUMENT_REQUESTS_QUERY, type DocumentRequest } from './document-requests.graphql';
import { DocumentRequestsPanel } from './document-requests-panel';
import { uploadRequestedDocument } from './upload-document';

jest.mock('./upload-document', () => ({ ...jest.requireActual<object>('./upload-document'), uploadRequestedDocument: jest.fn() }));
const upload = uploadRequestedDocument as jest.MockedFunction<typeof uploadRequestedDocument>;
afterEach(() => upload.mockReset());

const PARENT_USER = { ...ZC_USER, id: 'user-p', name: 'Petra Veldkamp', role: 'PARENT' as const, schoolId: null, schoolName: null };

const request = (over: Partial<DocumentRequest>): DocumentRequest & { __typename: 'DocumentRequest' } => ({
  __typename: 'DocumentRequest',
  requestId: 'p4-1:document:ZORGPLICHT_INFO_OUDERS:1',
  label: 'Document voor de aanmelding',
  description: 'Het laatste onderzoeksverslag van de psycholoog',
  status: 'OPEN',
  dueDate: '2027-01-15',
  providedAt: null,
  ...over,
});

const mock = (requests: DocumentRequest[]) => ({
  request: { query: DOCUMENT_REQUESTS_QUERY, variables: { id: 'p4-1' } },
  result: { data: { case: { __typename: 'CaseDetail', summary: { __typename: 'CaseSummary', id: 'p4-1' }, documentRequests: requests } } },
});

describe('DocumentRequestsPanel', () => {
  it('shows a parent what is asked and until when (in words), with an upload for an open request', async () => {
    renderWithProviders(<DocumentRequestsPanel caseId="p4-1" process="ZORGPLICHT" mayProvide />, { session: { user: PARENT_USER }, mocks: [mock([request({})])] });
    const item = await screen.findByRole('listitem', { name: 'Document voor de aanmelding' });
    expect(within(item).getByText('Het laatste onderzoeksverslag van de psycholoog')).toBeTruthy();
    expect(within(item).getByText('Graag uiterlijk vrijdag 15 januari 2027')).toBeTruthy();
    expect(within(item).getByText('Gevraagd')).toBeTruthy();
    const form = within(item).getByRole('form', { name: 'Document uploaden: Document voor de aanmelding' });
    expect(within(form).getByLabelText('Bestand').getAttribute('accept')).toBe('application/pdf,image/png,image/jpeg');
  });

  it('asks for a file before uploading anything, shows the api’s refusal, and thanks the parent once the document came', async () => {
    renderWithProviders(<DocumentRequestsPanel caseId="p4-1" process="ZORGPLICHT" mayProvide />, { session: { user: PARENT_USER }, mocks: [mock([request({})]), mock([request({ status: 'PROVIDED', providedAt: '2027-01-11T09:00:00Z' })])] });
    const item = await screen.findByRole('listitem', { name: 'Document voor de aanmelding' });
    const form = within(item).getByRole('form', { name: 'Document uploaden: Document voor de aanmelding' });
    fireEvent.click(within(form).getByRole('button', { name: 'Document uploaden' }));
    const problem = await within(form).findByRole('alert');
    expect(problem.textContent).toBe('Kies eerst een bestand (een PDF of een foto).');
    const input = within(form).getByLabelText('Bestand');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(problem.id);
    expect(upload).not.toHaveBeenCalled();

    const file = new File(['MZ'], 'verslag.pdf', { type: 'application/pdf' });
    upload.mockRejectedValueOnce(new Error('Alleen PDF-, PNG- of JPEG-bestanden'));
    fireEvent.change(input, { target: { files: [file] } });
    expect(await within(form).findByText('verslag.pdf')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Document uploaden' }));
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toBe('Alleen PDF-, PNG- of JPEG-bestanden'));
    const first = upload.mock.calls[0][0];
    expect(first).toEqual({ caseId: 'p4-1', requestId: request({}).requestId, file, clientRequestId: expect.any(String) });

    // A retry is a new attempt (another client request id).
    upload.mockResolvedValueOnce({} as never);
    fireEvent.click(within(form).getByRole('button', { name: 'Document uploaden' }));
    expect(await within(item).findByRole('status')).toBeTruthy();
    expect(upload.mock.calls[1][0].clientRequestId).not.toBe(first.clientRequestId);
  });

  it('shows the school the state without an upload, and a provided request as provided', async () => {
    renderWithProviders(<DocumentRequestsPanel caseId="p4-1" process="ZORGPLICHT" mayProvide={false} />, {
      session: { user: ZC_USER },
      mocks: [mock([request({}), request({ requestId: 'p4-1:document:ZORGPLICHT_INFO_OUDERS:2', status: 'PROVIDED', providedAt: '2027-01-11T09:00:00Z' })])],
    });
    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(screen.queryByRole('form')).toBeNull();
    expect(within(items[1]).getByText('Aangeleverd')).toBeTruthy();
    expect(within(items[1]).getByText('Aangeleverd op maandag 11 januari 2027')).toBeTruthy();
  });

  it('shows nothing for a process that asks for no documents', () => {
    const { container } = renderWithProviders(<DocumentRequestsPanel caseId="case-1" process="OPP" mayProvide />, { session: { user: PARENT_USER } });
    expect(container.textContent).toBe('');
  });
});
