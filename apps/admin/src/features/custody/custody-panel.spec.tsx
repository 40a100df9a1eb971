import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { CustodyPanel, loginStateLabel } from './custody-panel';
import { INVITE_GUARDIAN_MUTATION, PUPIL_CUSTODY_QUERY, SET_PARENTAL_AUTHORITY_MUTATION, type PupilCustody } from './custody.graphql';

const person = (userId: string, name: string, over: Partial<PupilCustody['guardians'][number]> = {}) => ({
  __typename: 'Guardian' as const,
  userId,
  name,
  relation: 'ouder',
  hasParentalAuthority: true,
  login: 'NONE' as const,
  passkeys: 0,
  invitationExpiresAt: null,
  ...over,
});

const custody = (over: Partial<PupilCustody> = {}) => ({
  __typename: 'PupilCustody' as const,
  pupilId: 'pupil-1',
  parentsDisagree: false,
  guardians: [person('u-moeder', 'Moeder Verzonnen', { login: 'ACTIVE', passkeys: 1 }), person('u-stief', 'Stiefvader Bedacht', { relation: 'stiefouder' })],
  pupilAccount: null,
  ...over,
});

const query = (data: object) => ({ request: { query: PUPIL_CUSTODY_QUERY, variables: { pupilId: 'pupil-1' } }, result: { data: { pupilCustody: data } } });

describe('CustodyPanel', () => {
  it('says in Dutch whether a guardian can log in', () => {
    expect(loginStateLabel({ login: 'ACTIVE', passkeys: 2, invitationExpiresAt: null })).toBe('Kan inloggen (2 passkeys)');
    expect(loginStateLabel({ login: 'ACTIVE', passkeys: 0, invitationExpiresAt: null })).toBe('Kan inloggen (met een code per e-mail)');
    expect(loginStateLabel({ login: 'INVITATION_EXPIRED', passkeys: 0, invitationExpiresAt: '2026-12-01T10:00:00Z' })).toBe('Uitnodiging verlopen zonder gebruikt te zijn');
    expect(loginStateLabel({ login: 'NONE', passkeys: 0, invitationExpiresAt: null })).toBe('Nog niet uitgenodigd');
  });

  it('lists the guardians with custody and login; the teamleider only reads', async () => {
    renderWithProviders(<CustodyPanel pupilId="pupil-1" mayEdit={false} />, { session: { user: ZC_USER }, mocks: [query(custody())] });
    expect(await screen.findByText('Moeder Verzonnen')).toBeTruthy();
    expect(screen.getByText('Kan inloggen (een passkey)')).toBeTruthy();
    expect(screen.getAllByText('Gezag')).toHaveLength(2);
    expect(screen.getByTestId('parents-disagree').textContent).toBe('Eén ouder met gezag kan toestemming geven.');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('invites a guardian who cannot log in yet (never one who can)', async () => {
    const sent: unknown[] = [];
    const invited = custody({ guardians: [person('u-moeder', 'Moeder Verzonnen', { login: 'ACTIVE', passkeys: 1 }), person('u-stief', 'Stiefvader Bedacht', { relation: 'stiefouder', login: 'INVITED', invitationExpiresAt: '2026-12-21T10:00:00Z' })] });
    renderWithProviders(<CustodyPanel pupilId="pupil-1" mayEdit />, {
      session: { user: ZC_USER },
      mocks: [query(custody()), { request: { query: INVITE_GUARDIAN_MUTATION, variables: (v: unknown) => (sent.push(v), true) }, result: { data: { inviteGuardian: invited } } }],
    });
    expect(await screen.findByText('Moeder Verzonnen')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Moeder Verzonnen: .*uitnodigen/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Stiefvader Bedacht: uitnodigen' }));
    expect((await screen.findByRole('status')).textContent).toBe('Uitnodiging verstuurd aan Stiefvader Bedacht.');
    expect(sent).toEqual([{ pupilId: 'pupil-1', userId: 'u-stief' }]);
    expect(await screen.findByText(/^Uitgenodigd; de uitnodiging werkt tot maandag 21 december 2026/)).toBeTruthy();
  });

  it('records that a guardian has no parental authority only with a reason', async () => {
    const sent: unknown[] = [];
    const changed = custody({ guardians: [person('u-moeder', 'Moeder Verzonnen', { login: 'ACTIVE', passkeys: 1 }), person('u-stief', 'Stiefvader Bedacht', { relation: 'stiefouder', hasParentalAuthority: false })] });
    renderWithProviders(<CustodyPanel pupilId="pupil-1" mayEdit />, {
      session: { user: ZC_USER },
      mocks: [query(custody()), { request: { query: SET_PARENTAL_AUTHORITY_MUTATION, variables: (v: unknown) => (sent.push(v), true) }, result: { data: { setParentalAuthority: changed } } }],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Stiefvader Bedacht: geen gezag' }));
    const dialog = await screen.findByRole('dialog', { name: 'Stiefvader Bedacht heeft geen gezag' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Vastleggen' }));
    expect(await within(dialog).findByText('De reden moet 3 tot 1000 tekens lang zijn')).toBeTruthy();
    expect(sent).toEqual([]);
    fireEvent.change(within(dialog).getByLabelText(/Reden/), { target: { value: 'Uittreksel gezagsregister van 2 december' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Vastleggen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 5000 });
    expect(sent).toEqual([{ pupilId: 'pupil-1', userId: 'u-stief', input: { hasParentalAuthority: false, reason: 'Uittreksel gezagsregister van 2 december' } }]);
    expect(await screen.findByRole('button', { name: 'Stiefvader Bedacht: heeft gezag' })).toBeTruthy();
  });
});
