import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeToday } from '../../test-utils/fake-today';
import { makeCase, ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { servedForm } from '../../test-utils/step-forms';
import { TAKE_STEP_MUTATION } from '../case-steps/step-form.graphql';
import { CaseProgressCard } from './case-progress-card';
import { CASE_PROGRESS_QUERY } from './my-cases.graphql';

const COACH = { ...ZC_USER, id: 'coach-1', role: 'COACH' as const };
const trajectory = makeCase({ id: 'case-1', status: 'ACTIEF', statusLabel: 'Actief' });

/** The case's progress as the api answers it, with the forms it serves the caller. */
const progress = (stepForms: unknown[]) => ({
  request: { query: CASE_PROGRESS_QUERY, variables: { id: 'case-1' } },
  maxUsageCount: 2,
  result: {
    data: {
      case: { __typename: 'CaseDetail', summary: { __typename: 'CaseSummary', id: 'case-1' }, goal: 'Rustiger worden voor een toets', coachName: 'Fatima Coach', openSteps: [], sessions: [], stepForms },
    },
  },
});

describe('CaseProgressCard: "Sessie vastleggen" from the catalogue form the api serves', () => {
  beforeEach(() => fakeToday('2026-11-20T10:00:00+01:00'));
  afterEach(() => jest.useRealTimers());

  it('logs a session with the generic dialog and takeStep, checked with the catalogue’s bounds', async () => {
    const take = jest.fn(() => ({ data: { takeStep: { __typename: 'CaseSummary', id: 'case-1', status: 'ACTIEF' } } }));
    renderWithProviders(<CaseProgressCard summary={trajectory} today="2026-11-20" staff />, {
      session: { user: COACH },
      mocks: [
        progress([servedForm('ONDERSTEUNINGSTRAJECT', 'LOG_SESSION', { open: false }), servedForm('ONDERSTEUNINGSTRAJECT', 'STOP_TRAJECTORY', { open: false, mayTake: false })]),
        { request: { query: TAKE_STEP_MUTATION, variables: { caseId: 'case-1', step: 'LOG_SESSION', input: { date: '2026-11-20', attended: true, thermometer: 7 } } }, result: take },
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Sessie vastleggen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sessie vastleggen' });
    fireEvent.change(within(dialog).getByLabelText(/Thermometer/), { target: { value: '12' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sessie opslaan' }));
    expect(await within(dialog).findByText(/Thermometer \(1–10\) moet een getal van 1 tot en met 10 zijn/)).toBeTruthy();
    expect(take).not.toHaveBeenCalled();
    fireEvent.change(within(dialog).getByLabelText(/Thermometer/), { target: { value: '7' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sessie opslaan' }));
    await waitFor(() => expect(take).toHaveBeenCalled());
  });

  it('offers no session to whom the api does not let log one, nor when it serves no form', async () => {
    const { unmount } = renderWithProviders(<CaseProgressCard summary={trajectory} today="2026-11-20" staff />, {
      session: { user: COACH },
      mocks: [progress([servedForm('ONDERSTEUNINGSTRAJECT', 'LOG_SESSION', { open: false, mayTake: false })])],
    });
    expect(await screen.findByText('Rustiger worden voor een toets')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sessie vastleggen' })).toBeNull();
    unmount();
    renderWithProviders(<CaseProgressCard summary={trajectory} today="2026-11-20" staff />, { session: { user: COACH }, mocks: [progress([])] });
    expect(await screen.findByText('Rustiger worden voor een toets')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
