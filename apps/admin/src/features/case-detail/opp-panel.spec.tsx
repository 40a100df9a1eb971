import { screen } from '@testing-library/react';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { OPP_QUERY } from './opp.graphql';
import { OppDetails, OppPanel } from './opp-panel';

const digest = 'a'.repeat(64);
const version = {
  version: 1,
  status: 'VASTGESTELD',
  drawnUpOn: '2027-01-12',
  agreedOn: '2027-01-20',
  digest,
  onderwijsbehoeften: 'Structuur en voorspelbaarheid',
  belemmerendeFactoren: 'Snel overprikkeld',
  uitstroomperspectief: 'MBO_3_4',
  handelingsdeel: [{ support: 'Begeleiding bij plannen', providedBy: 'Ambulant begeleider (BPO)', duration: 'tot de zomervakantie', frequency: 'wekelijks' }],
  programmeDeviations: null,
};

describe('OppPanel', () => {
  it('shows the version in force with its handelingsdeel, the digest the parents agreed to, the next evaluation and BRON', () => {
    renderWithProviders(<OppDetails opp={{ versions: [version], currentVersion: 1, conceptVersion: null, nextEvaluation: { date: '2028-01-20', explanation: '' }, bron: { registeredOn: '2027-01-25' } }} />, {
      session: { user: ZC_USER },
    });
    const v = screen.getByTestId('opp-version-1');
    expect(v.textContent).toContain('Geldt nu');
    expect(v.textContent).toContain('Mbo niveau 3 of 4');
    expect(v.textContent).toContain('Begeleiding bij plannen — Ambulant begeleider (BPO), tot de zomervakantie (wekelijks)');
    expect(v.textContent).toContain(`Kenmerk (SHA-256): ${digest}`);
    expect(screen.getByText(/Volgende evaluatie uiterlijk/).textContent).toBe('Volgende evaluatie uiterlijk donderdag 20 januari 2028.');
    expect(screen.getByText(/Geregistreerd in BRON/)).toBeTruthy();
  });

  it('shows the concept under way before the version in force, and a refusal with the route to the geschillencommissie', () => {
    renderWithProviders(
      <OppDetails
        opp={{
          versions: [version, { ...version, version: 2, status: 'CONCEPT', agreedOn: null, changeReason: 'Meer begeleiding nodig' }],
          currentVersion: 1,
          conceptVersion: 2,
          refusals: [{ version: 2, on: '2027-03-01', outcome: 'REFUSED', route: 'U kunt binnen 6 weken naar de geschillencommissie passend onderwijs.' }],
        }}
      />,
      { session: { user: ZC_USER } },
    );
    expect(screen.getByTestId('opp-version-2').textContent).toContain('Meer begeleiding nodig');
    expect(screen.queryByTestId('opp-version-1')).toBeNull();
    expect(screen.getByTestId('opp-refusal').textContent).toContain('geschillencommissie');
  });

  it('shows nothing for other processes', () => {
    const { container } = renderWithProviders(<OppPanel caseId="case-1" process="JOS" />, { session: { user: ZC_USER } });
    expect(container.textContent).toBe('');
  });

  it('loads the OPP of an OPP case', async () => {
    renderWithProviders(<OppPanel caseId="opp-1" process="OPP" />, {
      session: { user: ZC_USER },
      mocks: [
        {
          request: { query: OPP_QUERY, variables: { id: 'opp-1' } },
          result: { data: { case: { __typename: 'CaseDetail', summary: { __typename: 'CaseSummary', id: 'opp-1' }, opp: { versions: [], currentVersion: null } } } },
        },
      ],
    });
    expect(await screen.findByText('Er is nog geen versie opgesteld.')).toBeTruthy();
  });
});
