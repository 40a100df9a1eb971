import { fireEvent, screen, waitFor } from '@testing-library/react';
import { makeCase, makePupil, ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { StartTrajectoryDialog } from './start-trajectory-dialog';
import { searchPupilsMock } from '../../test-utils/pupil-search-mock';
import { START_TRAJECTORY_MUTATION } from './start-trajectory.graphql';

// The server search finds the pupil by the four letters choosePupil types.
const pupilsMocks = [
  searchPupilsMock('Sann', [makePupil({ id: 'p-1', displayName: 'Sanne de Vries', className: '2B' })]),
  searchPupilsMock('Mila', [makePupil({ id: 'p-2', displayName: 'Milan Bos', className: '3A' })]),
];

/** Matches the mutation input, with any well-formed idempotency key. */
function inputMatching(expected: Record<string, unknown>) {
  return (variables: Record<string, unknown>) => {
    const { requestKey, ...input } = variables.input as Record<string, unknown>;
    return typeof requestKey === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(requestKey) && JSON.stringify(input) === JSON.stringify(expected);
  };
}

function renderDialog(mocks: unknown[] = [], onStarted = jest.fn()) {
  renderWithProviders(
    <StartTrajectoryDialog open schoolId="school-1" onClose={jest.fn()} onStarted={onStarted} />,
    { mocks: [...pupilsMocks, ...(mocks as never[])], session: { user: ZC_USER } },
  );
  return { onStarted };
}

async function choosePupil(name: string) {
  const input = screen.getByRole('combobox', { name: /Leerling/ });
  fireEvent.change(input, { target: { value: name.slice(0, 4) } });
  // The search waits for a pause in the typing (debounced), then asks the api.
  fireEvent.click(await screen.findByRole('option', { name: new RegExp(name) }, { timeout: 5000 }));
}

function submit() {
  fireEvent.click(screen.getByRole('button', { name: 'Traject starten' }));
}

describe('StartTrajectoryDialog', () => {
  it('requires a pupil and a reason before it calls the API', async () => {
    const { onStarted } = renderDialog();
    submit();
    expect(await screen.findByText('Vul de reden van de aanmelding in.')).toBeTruthy();
    expect(screen.getByText('Kies een leerling.')).toBeTruthy();
    expect(screen.getByLabelText(/Reden van aanmelding/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onStarted).not.toHaveBeenCalled();
  });

  it('accepts only 6 to 9 weeks, 8 by default', async () => {
    renderDialog();
    const weeks = screen.getByLabelText(/Duur in weken/) as HTMLInputElement;
    expect(weeks.value).toBe('8');

    for (const bad of ['5', '10', '7.5', '']) {
      fireEvent.change(weeks, { target: { value: bad } });
      submit();
      expect(await screen.findByText('Kies een duur van 6 tot en met 9 weken.')).toBeTruthy();
    }
    for (const good of ['6', '9']) {
      fireEvent.change(weeks, { target: { value: good } });
      submit();
      await waitFor(() => expect(screen.queryByText('Kies een duur van 6 tot en met 9 weken.')).toBeNull());
    }
  });

  it('shows the Dutch message of a GraphQL error', async () => {
    const errorMock = {
      request: {
        query: START_TRAJECTORY_MUTATION,
        variables: inputMatching({ pupilId: 'p-2', reason: 'Faalangst bij toetsen', observations: null, triedActions: 'Gesprekken', weeks: 7 }),
      },
      result: {
        errors: [
          {
            message: 'Deze leerling heeft al een lopend ondersteuningstraject.',
            extensions: { code: 'BAD_USER_INPUT', messageEn: 'This pupil already has a running trajectory.' },
          },
        ],
      },
    };
    const { onStarted } = renderDialog([errorMock]);
    await choosePupil('Milan Bos');
    fireEvent.change(screen.getByLabelText(/Reden van aanmelding/), { target: { value: '  Faalangst bij toetsen ' } });
    fireEvent.change(screen.getByLabelText(/Wat heeft de mentor al geprobeerd/), { target: { value: 'Gesprekken' } });
    fireEvent.change(screen.getByLabelText(/Duur in weken/), { target: { value: '7' } });
    submit();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Deze leerling heeft al een lopend ondersteuningstraject.');
    expect(alert.textContent).not.toContain('This pupil');
    expect(onStarted).not.toHaveBeenCalled();
  });

  it('reports the started case', async () => {
    const started = makeCase({ id: 'case-42', pupil: makePupil({ id: 'p-1' }) });
    const okMock = {
      request: {
        query: START_TRAJECTORY_MUTATION,
        variables: inputMatching({ pupilId: 'p-1', reason: 'Weinig motivatie', observations: null, triedActions: null, weeks: 8 }),
      },
      result: { data: { startTrajectory: started } },
    };
    const { onStarted } = renderDialog([okMock]);
    await choosePupil('Sanne de Vries');
    fireEvent.change(screen.getByLabelText(/Reden van aanmelding/), { target: { value: 'Weinig motivatie' } });
    submit();
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith(expect.objectContaining({ id: 'case-42' })));
  });
});
