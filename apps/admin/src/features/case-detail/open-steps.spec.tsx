import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { makeCase, ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { STEP_MUTATIONS } from '../case-steps/step-mutations.graphql';
import { OpenSteps } from './open-steps';

const jos = makeCase({ id: 'jos-1', process: 'JOS', status: 'HANDTEKENING_OUDERS', waitingFor: 'DECIDE_CONSENT_JOS_HANDTEKENING' });
const timedOut = { id: 'jos-1:consent:JOS_HANDTEKENING:1', kind: 'JOS_HANDTEKENING', label: 'Handtekening ouders voor JOS', status: 'TIMED_OUT', requestedAt: '2026-10-01T08:00:00Z' };

describe('OpenSteps: the decision after a consent request timed out', () => {
  it('offers a form for the zorgcoördinator’s decision and sends it with the request id', async () => {
    const decide = jest.fn(() => ({ data: { decideConsentTimeout: { __typename: 'CaseSummary', id: 'jos-1', status: 'GESTOPT' } } }));
    renderWithProviders(<OpenSteps summary={jos} steps={['DECIDE_CONSENT_JOS_HANDTEKENING']} consents={[timedOut]} />, {
      session: { user: ZC_USER },
      mocks: [
        {
          request: {
            query: STEP_MUTATIONS.decideConsentTimeout,
            variables: { input: { caseId: 'jos-1', requestId: timedOut.id, decision: 'ABANDON', reason: 'Ouders willen geen JOS' } },
          },
          result: decide,
        },
      ],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Besluit na verlopen toestemmingsverzoek' }));
    const dialog = await screen.findByRole('dialog', { name: 'Besluit na verlopen toestemmingsverzoek' });
    expect(within(dialog).getByText(/Handtekening ouders voor JOS/)).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Besluit vastleggen' }));
    expect(await within(dialog).findByText('Kies: besluit.')).toBeTruthy();
    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: /Besluit/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Afsluiten: geen toestemming' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Reden/ }), { target: { value: 'Ouders willen geen JOS' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Besluit vastleggen' }));
    await waitFor(() => expect(decide).toHaveBeenCalled());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows a waiting chip when the case has no timed-out request for the step', () => {
    renderWithProviders(<OpenSteps summary={jos} steps={['DECIDE_CONSENT_JOS_HANDTEKENING']} consents={[]} />, { session: { user: ZC_USER } });
    expect(screen.queryByRole('button', { name: 'Besluit na verlopen toestemmingsverzoek' })).toBeNull();
  });
});
