import { screen } from '@testing-library/react';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { CASE_DOCUMENTS_QUERY } from './case.graphql';
import { CaseDocumentPage } from './case-document-page';

const PARENT = { ...ZC_USER, id: 'user-parent', name: 'Petra Veldkamp', role: 'PARENT' as const, schoolId: null };

const documents = {
  request: { query: CASE_DOCUMENTS_QUERY, variables: { caseId: 'zp-1' } },
  result: {
    data: {
      caseDocuments: [
        {
          __typename: 'CaseDocument',
          id: 'doc-1',
          caseId: 'zp-1',
          kind: 'ZORGPLICHT_BESLUIT',
          kindLabel: 'Brief: besluit over de aanmelding',
          fileName: 'besluit-aanmelding.pdf',
          contentType: 'application/pdf',
          sizeBytes: 20480,
          createdAt: '2026-12-11T09:15:00Z',
          downloadPath: '/documents/doc-1',
        },
      ],
    },
  },
};

describe('CaseDocumentPage (the link of a letter e-mail)', () => {
  it('names the letter with its date in words and offers it as a PDF', async () => {
    renderWithProviders(<CaseDocumentPage />, { mocks: [documents], session: { user: PARENT }, path: '/cases/:id/documents/:docId', route: '/cases/zp-1/documents/doc-1' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Brief: besluit over de aanmelding' })).toBeTruthy();
    expect(screen.getByTestId('document-date').textContent).toBe('Verstuurd op vrijdag 11 december 2026');
    expect(screen.getByRole('button', { name: 'Brief openen (PDF)' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Naar het dossier' }).getAttribute('href')).toBe('/cases/zp-1');
    expect(screen.getByRole('link', { name: 'Terug naar het overzicht' }).getAttribute('href')).toBe('/mijn');
    expect(document.title).toBe('Brief – besluit over de aanmelding · Zorgroute');
  });

  it('says so when the letter is not there for the user', async () => {
    renderWithProviders(<CaseDocumentPage />, { mocks: [documents], session: { user: PARENT }, path: '/cases/:id/documents/:docId', route: '/cases/zp-1/documents/doc-2' });
    expect((await screen.findByRole('alert')).textContent).toBe('Deze brief is niet gevonden of is niet voor u bestemd.');
  });

  it('shows the api’s error (e.g. a case the user may not see)', async () => {
    renderWithProviders(<CaseDocumentPage />, {
      mocks: [{ request: documents.request, result: { errors: [{ message: 'Casus niet gevonden.', extensions: { code: 'NOT_FOUND' } }] } }],
      session: { user: PARENT },
      path: '/cases/:id/documents/:docId',
      route: '/cases/zp-1/documents/doc-1',
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Casus niet gevonden.');
  });
});
