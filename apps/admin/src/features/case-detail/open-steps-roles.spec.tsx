import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { type UserFieldsFragment as User } from '../../gql/graphql';
import { makeCase, ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { servedForm } from '../../test-utils/step-forms';
import { TAKE_STEP_MUTATION } from '../case-steps/step-form.graphql';
import { OpenSteps } from './open-steps';

const user = (role: User['role'], schoolId: string | null = ZC_USER.schoolId): User & { __typename: 'User' } => ({ ...ZC_USER, id: `user-${role}`, role, schoolId });
const SWV = user('SWV_MEDEWERKER', null);
const PARENT = user('PARENT', null);
const JOS_WORKER = user('JOS_MEDEWERKER');

const buttonNames = () => screen.queryAllByRole('button').map((b) => b.textContent);
const isChip = (step: string) => document.querySelector(`[data-step="${step}"]`)?.classList.contains('MuiChip-root') === true;

/**
 * Who gets a button is the api's answer (`stepForms[].mayTake`), whatever the user's role: the page has no role list of
 * its own. Each case below gives a role the answer the api gives it; a test that swaps the answers fails.
 */
describe('OpenSteps: a button for exactly the steps the api lets the user take', () => {
  const oov = makeCase({ process: 'OOV', status: 'BESLUIT_SWV' });

  it('shows the SWV employee the SWV decision of an OOV case, not the school’s stop', () => {
    const forms = [servedForm('OOV', 'OOV_SWV_DECISION'), servedForm('OOV', 'STOP_OOV', { mayTake: false })];
    renderWithProviders(<OpenSteps summary={oov} steps={['OOV_SWV_DECISION']} stepForms={forms} />, { session: { user: SWV } });
    expect(buttonNames()).toEqual(['Besluit over de OOV-aanvraag']);
  });

  it('shows the zorgcoördinator the SWV decision as a chip and his own stop as a button', () => {
    const forms = [servedForm('OOV', 'OOV_SWV_DECISION', { mayTake: false }), servedForm('OOV', 'STOP_OOV')];
    renderWithProviders(<OpenSteps summary={oov} steps={['OOV_SWV_DECISION']} stepForms={forms} />, { session: { user: ZC_USER } });
    expect(buttonNames()).toEqual(['OOV-traject stoppen']);
    expect(isChip('OOV_SWV_DECISION')).toBe(true);
    expect(document.querySelector('[data-step="OOV_SWV_DECISION"]')?.textContent).toBe('Besluit van het SWV over de OOV-aanvraag');
  });

  it('follows the api, not the role: a step the api refuses stays a chip even for a role that usually takes it', () => {
    const forms = [servedForm('OOV', 'OOV_SWV_DECISION', { mayTake: false })];
    renderWithProviders(<OpenSteps summary={oov} steps={['OOV_SWV_DECISION']} stepForms={forms} />, { session: { user: SWV } });
    expect(buttonNames()).toEqual([]);
    expect(isChip('OOV_SWV_DECISION')).toBe(true);
  });

  it('shows a parent no step buttons on a trajectory, the open step as a status', () => {
    const forms = [servedForm('ONDERSTEUNINGSTRAJECT', 'RECORD_MID_EVALUATION', { mayTake: false }), servedForm('ONDERSTEUNINGSTRAJECT', 'STOP_TRAJECTORY', { mayTake: false }), servedForm('ONDERSTEUNINGSTRAJECT', 'LOG_SESSION', { mayTake: false })];
    renderWithProviders(<OpenSteps summary={makeCase({ status: 'ACTIEF' })} steps={['RECORD_MID_EVALUATION']} stepForms={forms} />, { session: { user: PARENT } });
    expect(buttonNames()).toEqual([]);
    expect(isChip('RECORD_MID_EVALUATION')).toBe(true);
    expect(document.querySelector('[data-step="STOP_TRAJECTORY"]')).toBeNull();
    expect(document.querySelector('[data-step="LOG_SESSION"]')).toBeNull();
  });

  it('lets the JOS worker plan the startgesprek (time and place) before recording it, with takeStep', async () => {
    const jos = makeCase({ id: 'jos-2', process: 'JOS', status: 'STARTGESPREK' });
    const plan = jest.fn(() => ({ data: { takeStep: { __typename: 'CaseSummary', id: 'jos-2', status: 'STARTGESPREK' } } }));
    const forms = [servedForm('JOS', 'RECORD_STARTGESPREK'), servedForm('JOS', 'PLAN_STARTGESPREK'), servedForm('JOS', 'STOP_JOS', { mayTake: false })];
    renderWithProviders(<OpenSteps summary={jos} steps={['RECORD_STARTGESPREK']} stepForms={forms} />, {
      session: { user: JOS_WORKER },
      mocks: [
        {
          request: { query: TAKE_STEP_MUTATION, variables: { caseId: 'jos-2', step: 'PLAN_STARTGESPREK', input: { date: '2099-11-24', time: '14:30', mode: 'OP_SCHOOL', location: 'kamer JOS' } } },
          result: plan,
        },
      ],
    });
    expect(buttonNames()).toEqual(['Startgesprek vastleggen', 'Startgesprek plannen']);
    fireEvent.click(screen.getByRole('button', { name: 'Startgesprek plannen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Startgesprek plannen' });
    fireEvent.change(within(dialog).getByLabelText(/Datum startgesprek/), { target: { value: '2099-11-24' } });
    fireEvent.change(within(dialog).getByLabelText(/Tijd/), { target: { value: '14:30' } });
    fireEvent.change(within(dialog).getByLabelText(/Plaats/), { target: { value: 'kamer JOS' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Plannen en uitnodigen' }));
    await waitFor(() => expect(plan).toHaveBeenCalled());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
