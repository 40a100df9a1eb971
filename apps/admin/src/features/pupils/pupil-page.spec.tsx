import { screen, within } from '@testing-library/react';
import { seriousAxeViolations } from '../../test-utils/axe';
import { makeCase, makePupil, ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { DOSSIER_EXPORT_OPTIONS_QUERY } from '../dossier/dossier.graphql';
import { PupilPage } from './pupil-page';
import { PUPIL_PAGE_QUERY } from './pupils.graphql';

const pupil = { ...makePupil({ id: 'p-zoe', displayName: 'Zoë Vermeulen', className: '3C', mentorName: 'Carla Mentink' }), leftAt: null };
const page = {
  __typename: 'PupilPage',
  pupil,
  dateOfBirth: '2012-10-04',
  school: { __typename: 'School', id: 'school-1', name: 'Daltoncollege', region: 'midden' },
  cases: [makeCase({ id: 'case-7', pupil, statusLabel: 'Intake gepland', waitingForLabel: 'Intakegesprek', nextDueDate: '2026-12-11', startedAt: '2026-11-23T09:00:00.000Z' })],
  consents: [
    {
      __typename: 'ConsentRecord', id: 'c-1', caseId: 'case-7', kind: 'SHARE_WITH_SWV', label: 'Gegevens delen met het SWV', process: 'ONDERSTEUNINGSTRAJECT', pupilId: 'p-zoe', scope: 'SWV',
      status: 'GIVEN', statusLabel: 'Gegeven', requestedAt: '2026-11-24T10:00:00.000Z', respondBy: '2026-12-08', decidedAt: '2026-11-25T10:00:00.000Z', giverName: 'Els Vermeulen', method: 'DIGITAL', pupilMayDecide: false, withdrawnAt: null,
    },
  ],
  documents: [
    { __typename: 'CaseDocument', id: 'd-1', caseId: 'case-7', kind: 'INTAKE_LETTER', kindLabel: 'Brief: uitnodiging intake', fileName: 'intake.pdf', contentType: 'application/pdf', sizeBytes: 1200, createdAt: '2026-11-24T10:00:00.000Z', downloadPath: '/documents/d-1', source: 'GENERATED' },
  ],
  history: [
    { __typename: 'PupilHistoryEntry', id: 'h-2', caseId: 'case-7', process: 'ONDERSTEUNINGSTRAJECT', at: '2026-11-24T13:05:00.000Z', kind: 'INTAKE_PLANNED', actorName: 'Ilse Bakker', description: 'Intake gepland', reason: null },
    { __typename: 'PupilHistoryEntry', id: 'h-1', caseId: 'case-7', process: 'ONDERSTEUNINGSTRAJECT', at: '2026-11-23T09:00:00.000Z', kind: 'CASE_STARTED', actorName: 'Ilse Bakker', description: 'Traject aangemeld', reason: null },
  ],
};
const pageMock = { request: { query: PUPIL_PAGE_QUERY, variables: { id: 'p-zoe' } }, result: { data: { pupil: page } } };
const dossierMock = {
  request: { query: DOSSIER_EXPORT_OPTIONS_QUERY, variables: { pupilId: 'p-zoe' } },
  result: { data: { dossierExportOptions: { __typename: 'DossierExportOptions', formats: ['pdf'], reasonRequired: [], refusal: null } } },
};

describe('PupilPage', () => {
  it('shows the pupil with his case, consents, documents and history, dates in words', async () => {
    const { container } = renderWithProviders(<PupilPage />, { mocks: [pageMock, dossierMock], session: { user: ZC_USER }, route: '/pupils/p-zoe', path: '/pupils/:id' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Zoë Vermeulen' })).toBeTruthy();
    expect(screen.getByText('Klas 3C · Daltoncollege · mentor Carla Mentink')).toBeTruthy();
    expect(screen.getByText('Geboren op donderdag 4 oktober 2012')).toBeTruthy();

    const cases = screen.getByRole('region', { name: 'Casussen' });
    const caseLink = within(cases).getByRole('link', { name: 'Ondersteuningstraject' });
    expect(caseLink.getAttribute('href')).toBe('/cases/case-7');
    expect(within(cases).getByText('vrijdag 11 december 2026')).toBeTruthy();
    expect(within(cases).getByText('maandag 23 november 2026')).toBeTruthy();

    const consents = screen.getByRole('region', { name: 'Toestemmingen' });
    expect(consents.textContent).toContain('Gegevens delen met het SWV — Gegeven, gevraagd op dinsdag 24 november 2026, beantwoord op woensdag 25 november 2026 door Els Vermeulen');

    const documents = screen.getByRole('region', { name: 'Documenten' });
    expect(within(documents).getByRole('link', { name: 'Brief: uitnodiging intake' }).getAttribute('href')).toBe('/cases/case-7/documents/d-1');

    const history = screen.getByRole('region', { name: 'Geschiedenis' });
    const lines = within(history).getAllByRole('listitem').map((li) => li.textContent);
    expect(lines[0]).toContain('dinsdag 24 november 2026 om 14:05');
    expect(lines[0]).toContain('Intake gepland');
    expect(lines[1]).toContain('Traject aangemeld');

    expect(await seriousAxeViolations(container)).toEqual([]);
  }, 90_000);

  it('shows the api’s Dutch message for a pupil out of scope', async () => {
    const notFound = { request: { query: PUPIL_PAGE_QUERY, variables: { id: 'p-x' } }, result: { errors: [{ message: 'Leerling niet gevonden', extensions: { code: 'NOT_FOUND' } }] } };
    renderWithProviders(<PupilPage />, { mocks: [notFound], session: { user: ZC_USER }, route: '/pupils/p-x', path: '/pupils/:id' });
    expect(await screen.findByText(/Leerling niet gevonden/)).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
  });
});
