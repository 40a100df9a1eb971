import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ONDERSTEUNINGSTRAJECT_STEPS as P1, resolveFields } from '@zorgroute/processes';
import { makeCase, ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { OpenSteps } from '../case-detail/open-steps';
import type { CatalogueStepForm } from './catalogue-step-dialog';
import { TAKE_STEP_MUTATION } from './step-form.graphql';

const policies = { ondersteuningstraject: { extensionMinWeeks: 2, extensionMaxWeeks: 6 } };
/** A form as the api serves it: the catalogue's definition with the case's policy bounds resolved. */
const formOf = (step: (typeof P1)[keyof typeof P1], over: Partial<CatalogueStepForm> = {}): CatalogueStepForm => ({
  step: step.name,
  label: step.label,
  title: step.title,
  description: null,
  submitLabel: step.submitLabel,
  open: true,
  mayTake: true,
  whoLabel: 'de coach',
  fields: resolveFields(step.fields, policies),
  ...over,
});
const trajectory = makeCase({ id: 'p1-1', process: 'ONDERSTEUNINGSTRAJECT', status: 'EINDEVALUATIE', waitingFor: 'RECORD_OUTCOME' });

describe('the step dialog rendered from the step catalogue', () => {
  it('shows the fields the outcome applies to, refuses the catalogue’s bounds with its Dutch message and sends takeStep', async () => {
    const take = jest.fn(() => ({ data: { takeStep: { __typename: 'CaseSummary', id: 'p1-1', status: 'ACTIEF' } } }));
    renderWithProviders(<OpenSteps summary={trajectory} steps={['RECORD_OUTCOME']} stepForms={[formOf(P1.RECORD_OUTCOME)]} />, {
      session: { user: ZC_USER },
      mocks: [{ request: { query: TAKE_STEP_MUTATION, variables: { caseId: 'p1-1', step: 'RECORD_OUTCOME', input: { outcome: 'VERLENGD', extensionWeeks: 4, reason: null } } }, result: take }],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Eindevaluatie en uitkomst' }));
    const dialog = await screen.findByRole('dialog', { name: 'Eindevaluatie en uitkomst' });
    expect(within(dialog).queryByLabelText(/Verlengen met/)).toBeNull();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Uitkomst opslaan' }));
    expect(await within(dialog).findByText('Vul in: uitkomst')).toBeTruthy();
    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: /Uitkomst/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Verlengen' }));
    const weeks = await within(dialog).findByLabelText(/Verlengen met \(weken\)/);
    fireEvent.change(weeks, { target: { value: '7' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Uitkomst opslaan' }));
    // The school's own policy: at most 6 weeks here.
    expect(await within(dialog).findByText('Verlengen met (weken) moet een getal van 2 tot en met 6 zijn')).toBeTruthy();
    expect(take).not.toHaveBeenCalled();
    fireEvent.change(weeks, { target: { value: '4' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Uitkomst opslaan' }));
    await waitFor(() => expect(take).toHaveBeenCalled());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('asks a time as 24-hour text, not as the browser’s <input type=time> (2:30 PM in an English browser)', async () => {
    const intake = makeCase({ id: 'p1-2', process: 'ONDERSTEUNINGSTRAJECT', status: 'MATCHING', waitingFor: 'ASSIGN_COACH' });
    renderWithProviders(<OpenSteps summary={intake} steps={['ASSIGN_COACH']} stepForms={[formOf(P1.ASSIGN_COACH)]} />, { session: { user: ZC_USER } });
    fireEvent.click(screen.getByRole('button', { name: P1.ASSIGN_COACH.title }));
    const dialog = await screen.findByRole('dialog', { name: P1.ASSIGN_COACH.title });
    const time = within(dialog).getByRole('textbox', { name: /Tijdstip van de sessie/ }) as HTMLInputElement;
    expect(time.type).toBe('text');
    expect(time.placeholder).toBe('uu:mm');
    fireEvent.change(time, { target: { value: '2:30 PM' } });
    fireEvent.click(within(dialog).getByRole('button', { name: P1.ASSIGN_COACH.submitLabel }));
    expect(await within(dialog).findByText('Tijdstip van de sessie is een tijdstip als uu:mm, bijvoorbeeld 10:15')).toBeTruthy();
    expect(time.getAttribute('aria-invalid')).toBe('true');
  });

  it('offers no button for a step the api says the user may not take, and the any-time steps he may', () => {
    renderWithProviders(
      <OpenSteps
        summary={trajectory}
        steps={['RECORD_OUTCOME']}
        stepForms={[formOf(P1.RECORD_OUTCOME, { mayTake: false }), formOf(P1.STOP_TRAJECTORY, { open: false, mayTake: true }), formOf(P1.LOG_SESSION, { open: false, mayTake: false })]}
      />,
      { session: { user: ZC_USER } },
    );
    expect(screen.queryByRole('button', { name: 'Eindevaluatie en uitkomst' })).toBeNull();
    expect(screen.getByText('Eindevaluatie en uitkomst')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Traject stoppen' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sessie vastleggen' })).toBeNull();
  });
});
