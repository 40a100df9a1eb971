import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { type CaseDetailQuery } from '../../gql/graphql';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { ConsentsPanel } from '../case-detail/case-records';
import { WITHDRAW_CONSENT_MUTATION } from './consent-actions.graphql';

/** A consent as the case page reads it (ConsentsPanel). */
const given: CaseDetailQuery['case']['consents'][number] = {
  id: 'case-7:consent:IZO_BESPREKING:1',
  caseId: 'case-7',
  kind: 'IZO_BESPREKING',
  label: 'Toestemming voor bespreking in het IZO',
  process: 'ZORGROUTE',
  pupilId: 'pupil-1',
  scope: 'Bespreking in het IZO',
  status: 'GIVEN',
  statusLabel: 'Gegeven',
  requestedAt: '2026-11-12T09:00:00Z',
  respondBy: '2026-11-26',
  decidedAt: '2026-11-13T09:00:00Z',
  giverName: 'Ouder Verzonnen',
  method: 'DIGITAL',
  pupilMayDecide: false,
  withdrawnAt: null,
  scanDocumentId: null,
  needsEveryGuardian: false,
  missingGivers: null,
};

describe('withdrawing a consent from the case page', () => {
  it('asks a reason of 3 to 1000 characters, then sends withdrawConsent for that request', async () => {
    const sent: unknown[] = [];
    renderWithProviders(<ConsentsPanel consents={[given, { ...given, id: 'case-7:consent:ZAT:1', label: 'Nog open', status: 'PENDING', statusLabel: 'Wacht op antwoord', decidedAt: null }]} mayWithdraw />, {
      session: { user: ZC_USER },
      mocks: [
        {
          request: {
            query: WITHDRAW_CONSENT_MUTATION,
            variables: (vars: unknown) => {
              sent.push(vars);
              return true;
            },
          },
          result: { data: { withdrawConsent: { __typename: 'ConsentRecord', id: given.id, status: 'GIVEN', statusLabel: 'Ingetrokken', withdrawnAt: '2026-11-20T10:00:00Z' } } },
        },
      ],
    });
    // Only a given consent can be withdrawn.
    expect(screen.getAllByRole('button', { name: /toestemming intrekken/ })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Toestemming voor bespreking in het IZO: toestemming intrekken' }));
    const dialog = await screen.findByRole('dialog', { name: 'Toestemming intrekken' });
    expect(within(dialog).getByText(/gegeven door Ouder Verzonnen/)).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText(/Reden van intrekken/), { target: { value: 'ok' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Toestemming intrekken' }));
    const problem = await within(dialog).findByText('De reden moet 3 tot 1000 tekens lang zijn');
    // The field says it is wrong, and its description is the error.
    const field = within(dialog).getByLabelText(/Reden van intrekken/);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe(problem.id);
    expect(sent).toEqual([]);

    // Spaces alone are no reason either.
    fireEvent.change(field, { target: { value: '     ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Toestemming intrekken' }));
    expect(await within(dialog).findByText('De reden moet 3 tot 1000 tekens lang zijn')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText(/Reden van intrekken/), { target: { value: '  Moeder belde op 19 november: geen bespreking meer. ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Toestemming intrekken' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent).toEqual([{ input: { caseId: 'case-7', requestId: given.id, reason: 'Moeder belde op 19 november: geen bespreking meer.' } }]);
  });

  it('offers no withdrawal to whom the api refuses it, nor on a consent already withdrawn', () => {
    const { unmount } = renderWithProviders(<ConsentsPanel consents={[given]} />, { session: { user: ZC_USER } });
    expect(screen.queryByRole('button', { name: /intrekken/ })).toBeNull();
    unmount();
    renderWithProviders(<ConsentsPanel consents={[{ ...given, statusLabel: 'Ingetrokken', withdrawnAt: '2026-11-20T10:00:00Z' }]} mayWithdraw />, { session: { user: ZC_USER } });
    expect(screen.queryByRole('button', { name: /intrekken/ })).toBeNull();
    expect(screen.getByText(/ingetrokken op/)).toBeTruthy();
  });
});
