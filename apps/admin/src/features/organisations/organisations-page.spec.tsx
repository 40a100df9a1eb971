import { screen } from '@testing-library/react';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { SWVS_QUERY } from './organisations.graphql';
import { OrganisationsPage } from './organisations-page';

jest.setTimeout(60_000);

const swvs = {
  swvs: [
    {
      __typename: 'Swv',
      id: 'swv-1',
      name: 'SWV Voorbeeldregio',
      code: 'VO 99.01',
      schools: [{ __typename: 'SchoolRecord', id: 'school-1', swvId: 'swv-1', name: 'Voorbeeldcollege Zonnewijde', brin: '99ZZ', vestiging: '00', region: 'midden', pupilCount: 6 }],
    },
  ],
};
const mocks = [{ request: { query: SWVS_QUERY }, result: { data: swvs } }];

describe('OrganisationsPage', () => {
  it('offers the platform admin a new SWV and a new school, and links each school to its administration', async () => {
    renderWithProviders(<OrganisationsPage />, { session: { user: { ...ZC_USER, role: 'PLATFORM_ADMIN', schoolId: null, schoolName: null } }, mocks });
    const link = await screen.findByText('Voorbeeldcollege Zonnewijde', undefined, { timeout: 15_000 });
    expect(link.closest('a')?.getAttribute('href')).toBe('/organisaties/scholen/school-1');
    expect(screen.getByRole('button', { name: 'Samenwerkingsverband toevoegen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'School toevoegen' })).toBeTruthy();
  });

  it('shows a school admin his school without forms to add an SWV or a school', async () => {
    renderWithProviders(<OrganisationsPage />, { session: { user: { ...ZC_USER, role: 'SCHOOL_ADMIN' } }, mocks });
    await screen.findByText('Voorbeeldcollege Zonnewijde', undefined, { timeout: 15_000 });
    expect(screen.queryByRole('button', { name: 'Samenwerkingsverband toevoegen' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'School toevoegen' })).toBeNull();
  });
});
