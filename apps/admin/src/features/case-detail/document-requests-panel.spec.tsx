import { screen, within } from '@testing-library/react';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { DOCUMENT_REQUESTS_QUERY, type DocumentRequest } from './document-requests.graphql';
import { DocumentRequestsPanel } from './document-requests-panel';

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
