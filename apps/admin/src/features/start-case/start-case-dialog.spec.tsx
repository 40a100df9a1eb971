import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { OOV_START, OVERDRACHT_START, ZORGPLICHT_START } from '@zorgroute/processes';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { searchPupilsMock } from '../../test-utils/pupil-search-mock';
import { STAFF_QUERY } from '../case-steps/step-mutations.graphql';
import { mayStart } from './may-start';
import { START_MUTATIONS } from './start-case.graphql';
import { StartCaseDialog } from './start-case-dialog';

const pupilsMock = searchPupilsMock('Noor', [{ id: 'pupil-1', displayName: 'Noor Verzonnen', className: '2A', schoolId: 'school-1', mentorName: null }]);
const staffMock = {
  request: { query: STAFF_QUERY, variables: { schoolId: 'school-1', roles: ['COACH'] } },
  result: { data: { staffMembers: [] } },
};

describe('the start dialog rendered from the catalogue', () => {
  it('starts an OOV case: the catalogue’s Dutch message for a short reason, then startOov with an idempotency key', async () => {
    const sent: Array<Record<string, unknown>> = [];
    const onStarted = jest.fn();
    renderWithProviders(<StartCaseDialog definition={OOV_START} schoolId="school-1" admin={false} onClose={() => undefined} onStarted={onStarted} />, {
      session: { user: ZC_USER },
      mocks: [
        pupilsMock,
        staffMock,
        {
          request: {
            query: START_MUTATIONS.startOov,
            variables: (vars: { input: Record<string, unknown> }) => {
              sent.push(vars.input);
              return true;
            },
          },
          result: { data: { startOov: { __typename: 'CaseSummary', id: 'oov-1', status: 'VOORBEREIDING' } } },
        },
      ],
    });
    const dialog = await screen.findByRole('dialog', { name: 'OOV-traject starten' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'OOV starten' }));
    expect(await within(dialog).findByText('Vul in: leerling')).toBeTruthy();

    fireEvent.change(within(dialog).getByRole('combobox', { name: /^Leerling( \*)?$/ }), { target: { value: 'Noor' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Noor Verzonnen (2A)' }, { timeout: 5000 }));
    fireEvent.change(within(dialog).getByLabelText(/Waarom een OOV/), { target: { value: 'ok' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'OOV starten' }));
    expect(await within(dialog).findByText('Waarom een OOV? moet 3 tot 2000 tekens lang zijn')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText(/Waarom een OOV/), { target: { value: 'Dreigt thuis te komen zitten' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'OOV starten' }));
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith('oov-1'));
    expect(sent[0]).toEqual({ pupilId: 'pupil-1', reason: 'Dreigt thuis te komen zitten', leerlingbegeleiderId: null, requestKey: expect.stringMatching(/^[0-9a-f]{32}$/) });
  }, 60_000);

  it('offers P4 and P5 to the zorgcoördinator, P6 also to a teamleider, none to a mentor', () => {
    expect([ZORGPLICHT_START, OOV_START, OVERDRACHT_START].map((d) => mayStart(d, 'ZORGCOORDINATOR'))).toEqual([true, true, true]);
    expect([ZORGPLICHT_START, OOV_START, OVERDRACHT_START].map((d) => mayStart(d, 'TEAMLEIDER'))).toEqual([false, false, true]);
    expect([ZORGPLICHT_START, OOV_START, OVERDRACHT_START].map((d) => mayStart(d, 'MENTOR'))).toEqual([false, false, false]);
  });
});
