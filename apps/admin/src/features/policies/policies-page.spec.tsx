import { screen, within } from '@testing-library/react';
import { SCHOOL, ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { EFFECTIVE_POLICY_QUERY } from './policies.graphql';
import { PoliciesPage, showValue } from './policies-page';

const version = (scope: 'SWV' | 'SCHOOL', n: number, note: string | null) => ({
  __typename: 'PolicyVersion',
  id: `${scope}-${n}`,
  scope,
  version: n,
  overridesJson: '{}',
  createdAt: '2026-09-01T08:00:00Z',
  createdByName: 'Loket Verzonnen',
  note,
});

describe('PoliciesPage', () => {
  it('shows a setting’s value for people', () => {
    expect(showValue('true')).toBe('ja');
    expect(showValue('[2,9]')).toBe('2, 9');
    expect(showValue('{"a":1}')).toBe('{"a":1}');
    expect(showValue('6')).toBe('6');
  });

  it('shows every setting with its default and where it comes from, and the versions of the SWV and the school', async () => {
    renderWithProviders(<PoliciesPage />, {
      session: { user: ZC_USER },
      mocks: [
        {
          request: { query: EFFECTIVE_POLICY_QUERY, variables: { schoolId: SCHOOL.id } },
          result: {
            data: {
              effectivePolicy: {
                __typename: 'EffectivePolicy',
                schoolId: SCHOOL.id,
                schoolName: 'Daltoncollege',
                version: 'swv:2/school:0',
                settings: [
                  { __typename: 'PolicySetting', path: 'jos.maxMonths', valueJson: '4', defaultJson: '6', source: 'SWV' },
                  { __typename: 'PolicySetting', path: 'zorgplicht.firstTermWeeks', valueJson: '6', defaultJson: '6', source: 'STANDAARD' },
                ],
                swvVersions: [version('SWV', 2, 'JOS korter, besluit ALV'), version('SWV', 1, null)],
                schoolVersions: [],
              },
            },
          },
        },
      ],
    });
    const table = await screen.findByRole('table', { name: 'Geldend beleid van Daltoncollege' });
    const row = within(table).getByRole('row', { name: /jos\.maxMonths/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['4', '6', 'Samenwerkingsverband']);
    expect(within(within(table).getByRole('row', { name: /zorgplicht\.firstTermWeeks/ })).getByText('Standaard')).toBeTruthy();
    expect(screen.getByTestId('policy-version').textContent).toBe('Versie swv:2/school:0');
    const swv = screen.getByRole('region', { name: 'Versies van het samenwerkingsverband' });
    expect(within(swv).getByText('JOS korter, besluit ALV')).toBeTruthy();
    expect(within(swv).getAllByRole('listitem')).toHaveLength(2);
    expect(within(screen.getByRole('region', { name: 'Versies van de school' })).getByText('Geen eigen versies: de standaard geldt.')).toBeTruthy();
  }, 120_000);
});
