import { fireEvent, screen } from '@testing-library/react';
import { getSession } from '../auth/auth-store';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { LOGOUT_MUTATION } from '../auth/logout.graphql';
import { AppShell } from './app-shell';

describe('AppShell', () => {
  it('ends the session at the api on logout, then goes to the login page', async () => {
    let called = false;
    const mocks = [
      {
        request: { query: LOGOUT_MUTATION },
        result: () => {
          called = true;
          return { data: { logout: { __typename: 'LogoutResult', ok: true, providerLogoutUrl: null } } };
        },
      },
    ];
    renderWithProviders(<AppShell>inhoud</AppShell>, { mocks, session: { user: ZC_USER } });
    fireEvent.click(screen.getByRole('button', { name: 'Uitloggen' }));
    expect((await screen.findByTestId('location')).textContent).toBe('/login');
    expect(called).toBe(true);
    expect(getSession()).toBeNull();
  });

  it('offers the pupil search to school staff, not to a parent', () => {
    const { unmount } = renderWithProviders(<AppShell>inhoud</AppShell>, { session: { user: ZC_USER } });
    expect(screen.getByRole('search').querySelector('input')?.getAttribute('role')).toBe('combobox');
    expect(screen.getByRole('combobox', { name: 'Leerling zoeken' })).toBeTruthy();
    unmount();
    renderWithProviders(<AppShell>inhoud</AppShell>, { session: { user: { ...ZC_USER, role: 'PARENT', schoolId: null, schoolName: null } } });
    expect(screen.queryByRole('search')).toBeNull();
  });
});
