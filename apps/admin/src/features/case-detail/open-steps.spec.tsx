import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { makeCase, ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { servedForm } from '../../test-utils/step-forms';
import { TAKE_STEP_MUTATION } from '../case-steps/step-form.graphql';
import { OpenSteps } from './open-steps';

const jos = makeCase({ id: 'jos-1', process: 'JOS', status: 'HANDTEKENING_OUDERS', waitingFor: 'DECIDE_CONSENT_JOS_BEGELEIDING' });
const DECIDE = 'DECIDE_CONSENT_JOS_BEGELEIDING';

describe('OpenSteps: the decision after a consent request timed out', () => {
  it('renders the catalogue form the api serves and takes the step with takeStep (the api names the request)', async () => {
    const take = jest.fn(() => ({ data: { takeStep: { __typename: 'CaseSummary', id: 'jos-1', status: 'GESTOPT' } } }));
    renderWithProviders(<OpenSteps summary={jos} steps={[DECIDE]} stepForms={[servedForm('JOS', DECIDE)]} />, {
      session: { user: ZC_USER },
      mocks: [{ request: { query: TAKE_STEP_MUTATION, variables: { caseId: 'jos-1', step: DECIDE, input: { decision: 'ABANDON', reason: 'Ouders willen geen JOS' } } }, result: take }],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Besluit na verlopen toestemmingsverzoek' }));
    const dialog = await screen.findByRole('dialog', { name: 'Besluit na verlopen toestemmingsverzoek' });

    fireEvent.click(within(dialog).getByRole('button', { name: 'Besluit vastleggen' }));
    expect(await within(dialog).findByText('Vul in: besluit')).toBeTruthy();
    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: /Besluit/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Afsluiten: geen toestemming' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Reden/ }), { target: { value: 'ok' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Besluit vastleggen' }));
    expect(await within(dialog).findByText(/Reden.*3/)).toBeTruthy();
    expect(take).not.toHaveBeenCalled();
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Reden/ }), { target: { value: 'Ouders willen geen JOS' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Besluit vastleggen' }));
    await waitFor(() => expect(take).toHaveBeenCalled());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows the open step as a chip, named by the api, when the api serves no form for it (nothing hand-written fills in)', () => {
    renderWithProviders(<OpenSteps summary={jos} steps={[DECIDE]} stepLabels={['Geen handtekening: opnieuw vragen of afsluiten']} stepForms={[]} />, { session: { user: ZC_USER } });
    expect(screen.queryAllByRole('button')).toEqual([]);
    const chip = document.querySelector(`[data-step="${DECIDE}"]`);
    expect(chip?.classList.contains('MuiChip-root')).toBe(true);
    expect(chip?.textContent).toBe('Geen handtekening: opnieuw vragen of afsluiten');
  });

  it('offers no step the api does not serve: no form of its own, no any-time step, no role list', () => {
    // The zorgcoördinator takes the intake and may stop a trajectory any time; without the api's forms the page still
    // offers neither (a hand-written fallback would show both as buttons).
    const trajectory = makeCase({ id: 'p1-1', process: 'ONDERSTEUNINGSTRAJECT', status: 'INTAKE', waitingFor: 'RECORD_INTAKE' });
    renderWithProviders(<OpenSteps summary={trajectory} steps={['RECORD_INTAKE']} stepLabels={['Intakegesprek en ontwikkeldoel']} stepForms={[]} />, { session: { user: ZC_USER } });
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(document.querySelector('[data-step="RECORD_INTAKE"]')?.classList.contains('MuiChip-root')).toBe(true);
    expect(document.querySelector('[data-step="STOP_TRAJECTORY"]')).toBeNull();
  });

  it('offers nothing on a closed case', () => {
    renderWithProviders(<OpenSteps summary={{ ...jos, closedAt: '2026-11-20T10:00:00Z' }} steps={[]} stepForms={[]} />, { session: { user: ZC_USER } });
    expect(screen.getByText('Er zijn nu geen stappen voor jou.')).toBeTruthy();
  });
});
