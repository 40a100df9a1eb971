import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { type UserFieldsFragment as User } from '../../gql/graphql';
import { makeCase, ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { STEP_MUTATIONS } from '../case-steps/step-mutations.graphql';
import { OpenSteps } from './open-steps';

const user = (role: User['role'], schoolId: string | null = ZC_USER.schoolId): User & { __typename: 'User' } => ({ ...ZC_USER, id: `user-${role}`, role, schoolId });
const SWV = user('SWV_MEDEWERKER', null);
const PARENT = user('PARENT', null);
const JOS_WORKER = user('JOS_MEDEWERKER');

const buttonNames = () => screen.queryAllByRole('button').map((b) => b.textContent);

describe('OpenSteps: each step button only for the roles that may take it', () => {
  it('shows the SWV employee the SWV decision of an OOV case, not the school’s buttons', () => {
    renderWithProviders(<OpenSteps summary={makeCase({ process: 'OOV', status: 'BESLUIT_SWV' })} steps={['OOV_SWV_DECISION']} />, { session: { user: SWV } });
    expect(screen.getByRole('button', { name: 'Besluit over de OOV-aanvraag' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'OOV-traject stoppen' })).toBeNull();
  });

  it('shows the SWV employee a school step that is open as a status chip, without a button', () => {
    renderWithProviders(<OpenSteps summary={makeCase({ process: 'OOV', status: 'INTAKE' })} steps={['OOV_INTAKE']} stepLabels={['Intake bij de OOV']} />, { session: { user: SWV } });
    expect(buttonNames()).toEqual([]);
    const chip = document.querySelector('[data-step="OOV_INTAKE"]');
    expect(chip?.classList.contains('MuiChip-root')).toBe(true);
    // Named by the API's Dutch label.
    expect(chip?.textContent).toBe('Intake bij de OOV');
  });

  it('gives the zorgcoördinator the school’s buttons but not the SWV decision', () => {
    renderWithProviders(<OpenSteps summary={makeCase({ process: 'OOV', status: 'BESLUIT_SWV' })} steps={['OOV_SWV_DECISION']} />, { session: { user: ZC_USER } });
    expect(screen.getByRole('button', { name: 'OOV-traject stoppen' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Besluit over de OOV-aanvraag' })).toBeNull();
  });

  it('shows a parent no step buttons on a trajectory', () => {
    renderWithProviders(<OpenSteps summary={makeCase({ status: 'ACTIEF' })} steps={['RECORD_MID_EVALUATION']} />, { session: { user: PARENT } });
    expect(buttonNames()).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Traject stoppen' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sessie vastleggen' })).toBeNull();
    // The open step itself is still shown, as a status.
    expect(document.querySelector('[data-step="RECORD_MID_EVALUATION"]')).toBeTruthy();
    expect(document.querySelector('[data-step="STOP_TRAJECTORY"]')).toBeNull();
  });

  it('lets the JOS worker plan the startgesprek (time and place) before recording it', async () => {
    const jos = makeCase({ id: 'jos-2', process: 'JOS', status: 'STARTGESPREK' });
    const plan = jest.fn(() => ({ data: { planJosStartgesprek: { __typename: 'CaseSummary', id: 'jos-2', status: 'STARTGESPREK' } } }));
    renderWithProviders(<OpenSteps summary={jos} steps={['RECORD_STARTGESPREK']} />, {
      session: { user: JOS_WORKER },
      mocks: [
        {
          request: { query: STEP_MUTATIONS.planJosStartgesprek, variables: { caseId: 'jos-2', input: { date: '2026-11-24', time: '14:30', mode: 'OP_SCHOOL', location: 'kamer JOS' } } },
          result: plan,
        },
      ],
    });
    expect(buttonNames()).toEqual(['Startgesprek plannen', 'Startgesprek vastleggen']);
    fireEvent.click(screen.getByRole('button', { name: 'Startgesprek plannen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Startgesprek plannen' });
    fireEvent.change(within(dialog).getByLabelText(/Datum startgesprek/), { target: { value: '2026-11-24' } });
    fireEvent.change(within(dialog).getByLabelText(/Tijd/), { target: { value: '1430' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Plannen en uitnodigen' }));
    expect(await within(dialog).findByText('Tijd moet de vorm UU:MM hebben, bijvoorbeeld 14:30.')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/Tijd/), { target: { value: '14:30' } });
    fireEvent.change(within(dialog).getByLabelText(/Plaats/), { target: { value: 'kamer JOS' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Plannen en uitnodigen' }));
    await waitFor(() => expect(plan).toHaveBeenCalled());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
