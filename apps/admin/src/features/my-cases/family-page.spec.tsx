import { screen, within } from '@testing-library/react';
import { makeCase, makePupil, ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { DOCUMENT_REQUESTS_QUERY } from '../case-detail/document-requests.graphql';
import { DASHBOARD_CASES_QUERY } from '../dashboard/cases.graphql';
import { FamilyPage } from './my-cases-page';
import { MY_CONSENT_REQUESTS_QUERY, MY_LETTERS_QUERY } from './my-cases.graphql';

const PARENT = { ...ZC_USER, id: 'user-p', name: 'Petra Veldkamp', role: 'PARENT' as const, schoolId: null, schoolName: null };

const aanmelding = makeCase({ id: 'p4-1', process: 'ZORGPLICHT', status: 'ONDERZOEK', statusLabel: 'Onderzoek', pupil: makePupil({ displayName: 'Noor Veldkamp' }) });

const mocks = [
  { request: { query: DASHBOARD_CASES_QUERY, variables: { filter: null } }, result: { data: { cases: [aanmelding] } } },
  { request: { query: MY_CONSENT_REQUESTS_QUERY }, result: { data: { myConsentRequests: [] } } },
  { request: { query: MY_LETTERS_QUERY }, result: { data: { myLetters: [] } } },
  {
    request: { query: DOCUMENT_REQUESTS_QUERY, variables: { id: 'p4-1' } },
    result: {
      data: {
        case: {
          __typename: 'CaseDetail',
          summary: { __typename: 'CaseSummary', id: 'p4-1' },
          documentRequests: [
            {
              __typename: 'DocumentRequest',
              requestId: 'p4-1:document:ZORGPLICHT_INFO_OUDERS:1',
              label: 'Document voor de aanmelding',
              description: 'Het laatste onderzoeksverslag van de psycholoog',
              status: 'OPEN',
              dueDate: '2027-01-15',
              providedAt: null,
            },
          ],
        },
      },
    },
  },
];

describe('the family page', () => {
  it('lists what a step asked the parents for, per child, with the upload — not only behind the e-mail link (issue 16)', async () => {
    renderWithProviders(<FamilyPage />, { session: { user: PARENT }, mocks });
    const panel = await screen.findByRole('region', { name: 'Gevraagde documenten voor Noor Veldkamp' });
    const item = within(panel).getByRole('listitem', { name: 'Document voor de aanmelding' });
    expect(within(item).getByText('Graag uiterlijk vrijdag 15 januari 2027')).toBeTruthy();
    expect(within(item).getByRole('form', { name: 'Document uploaden: Document voor de aanmelding' })).toBeTruthy();
  });
});
