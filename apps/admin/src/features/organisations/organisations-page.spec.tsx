import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { CREATE_SCHOOL, CREATE_SWV, SWVS_QUERY } from './organisations.graphql';
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

  it('adds an SWV or a school only with a valid name, code, BRIN and vestiging', async () => {
    const sent: Array<{ op: string; vars: unknown }> = [];
    const recorded = (op: string, query: typeof CREATE_SWV | typeof CREATE_SCHOOL, result: object) => ({
      request: {
        query,
        variables: (vars: unknown) => {
          sent.push({ op, vars });
          return true;
        },
      },
      result,
    });
    renderWithProviders(<OrganisationsPage />, {
      session: { user: { ...ZC_USER, role: 'PLATFORM_ADMIN', schoolId: null, schoolName: null } },
      mocks: [
        { ...mocks[0], maxUsageCount: 3 },
        recorded('swv', CREATE_SWV, { data: { createSwv: { __typename: 'Swv', id: 'swv-2', name: 'SWV Nieuw', code: 'PO 27.01', schools: [] } } }),
        recorded('school', CREATE_SCHOOL, { data: { createSchool: { __typename: 'SchoolRecord', id: 'school-2', swvId: 'swv-1', name: 'Het Nieuwe Lyceum', brin: '98YY', vestiging: '01', region: 'noord', pupilCount: 0 } } }),
      ],
    });
    const swvForm = await screen.findByRole('form', { name: 'Nieuw samenwerkingsverband' });
    fireEvent.change(within(swvForm).getByRole('textbox', { name: /Code/ }), { target: { value: 'VO27.01' } });
    fireEvent.click(within(swvForm).getByRole('button', { name: 'Samenwerkingsverband toevoegen' }));
    const nameProblem = await within(swvForm).findByText('De naam moet 2 tot 200 tekens lang zijn.');
    const name = within(swvForm).getByRole('textbox', { name: /Naam/ });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toBe(nameProblem.id);
    const codeProblem = within(swvForm).getByText('De code moet de vorm "VO 27.01" of "PO 27.01" hebben.');
    expect(within(swvForm).getByRole('textbox', { name: /Code/ }).getAttribute('aria-describedby')).toBe(codeProblem.id);

    const schoolForm = await screen.findByRole('form', { name: 'School toevoegen aan SWV Voorbeeldregio' });
    fireEvent.change(within(schoolForm).getByRole('textbox', { name: /Naam van de school/ }), { target: { value: 'Het Nieuwe Lyceum' } });
    fireEvent.change(within(schoolForm).getByRole('textbox', { name: /BRIN/ }), { target: { value: '9ZZ' } });
    fireEvent.change(within(schoolForm).getByRole('textbox', { name: /Vestiging/ }), { target: { value: '1' } });
    fireEvent.click(within(schoolForm).getByRole('button', { name: 'School toevoegen' }));
    const brinProblem = await within(schoolForm).findByText('Het BRIN bestaat uit twee cijfers en twee letters, bijvoorbeeld 99ZZ.');
    expect(within(schoolForm).getByRole('textbox', { name: /BRIN/ }).getAttribute('aria-describedby')).toBe(brinProblem.id);
    expect(within(schoolForm).getByText('De vestiging bestaat uit twee cijfers, bijvoorbeeld 00.')).toBeTruthy();
    expect(sent).toEqual([]);

    // Small letters in a BRIN are made capitals; spaces around the values are dropped.
    fireEvent.change(within(schoolForm).getByRole('textbox', { name: /BRIN/ }), { target: { value: ' 98yy ' } });
    fireEvent.change(within(schoolForm).getByRole('textbox', { name: /Vestiging/ }), { target: { value: '01' } });
    fireEvent.click(within(schoolForm).getByRole('button', { name: 'School toevoegen' }));
    await waitFor(() => expect(sent).toEqual([{ op: 'school', vars: { input: { swvId: 'swv-1', name: 'Het Nieuwe Lyceum', brin: '98YY', vestiging: '01', region: 'midden' } } }]));
    await waitFor(() => expect((within(schoolForm).getByRole('textbox', { name: /BRIN/ }) as HTMLInputElement).value).toBe(''));

    fireEvent.change(name, { target: { value: ' SWV Nieuw ' } });
    fireEvent.change(within(swvForm).getByRole('textbox', { name: /Code/ }), { target: { value: 'PO 27.01' } });
    fireEvent.click(within(swvForm).getByRole('button', { name: 'Samenwerkingsverband toevoegen' }));
    await waitFor(() => expect(sent[1]).toEqual({ op: 'swv', vars: { input: { name: 'SWV Nieuw', code: 'PO 27.01' } } }));
  });
});
