import { fireEvent, screen, within } from '@testing-library/react';
import { getSession } from '../../app/auth/auth-store';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { AUTH_OPTIONS_QUERY, DEMO_USERS_QUERY, DEV_LOGIN_MUTATION, LOGIN_ME_QUERY } from './login.graphql';
import { LoginPage } from './login-page';

const mentor = { ...ZC_USER, id: 'user-m', name: 'Tom Mentor', email: 'mentor@daltoncollege.example', role: 'MENTOR' as const };

function authOptions(oidcEnabled: boolean, devLoginEnabled: boolean) {
  return {
    request: { query: AUTH_OPTIONS_QUERY },
    result: {
      data: {
        authOptions: { __typename: 'AuthOptions', oidcEnabled, devLoginEnabled, oidcLoginUrl: oidcEnabled ? 'https://api.zorgroute.example/auth/oidc/login' : null },
      },
    },
  };
}

const mocks = [
  authOptions(false, true),
  { request: { query: DEMO_USERS_QUERY }, result: { data: { demoUsers: [mentor, ZC_USER] } } },
  {
    request: { query: DEV_LOGIN_MUTATION, variables: { email: ZC_USER.email } },
    result: { data: { devLogin: { __typename: 'AuthPayload', token: 'jwt-token', user: ZC_USER } } },
  },
];

describe('LoginPage', () => {
  it('groups demo users by role and logs in with the chosen one', async () => {
    renderWithProviders(<LoginPage />, { mocks, path: '/login' });
    const zcGroup = await screen.findByRole('region', { name: 'Zorgcoördinator' });
    const mentorGroup = screen.getByRole('region', { name: 'Mentor' });
    expect(within(mentorGroup).getByText('Tom Mentor')).toBeTruthy();
    // Role order follows the organisation, not the API's order.
    expect(zcGroup.compareDocumentPosition(mentorGroup) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Inloggen met schoolaccount/ })).toBeNull();

    fireEvent.click(within(zcGroup).getByRole('button', { name: /zc@daltoncollege\.example/ }));
    expect((await screen.findByTestId('location')).textContent).toBe('/');
    expect(getSession()?.token).toBe('jwt-token');
    expect(getSession()?.user.role).toBe('ZORGCOORDINATOR');
  });

  it('offers "Inloggen met schoolaccount" when the api has OpenID Connect, without the development login when that is off', async () => {
    renderWithProviders(<LoginPage />, { mocks: [authOptions(true, false)], path: '/login' });
    const button = await screen.findByRole('link', { name: /Inloggen met schoolaccount/ });
    expect(button.getAttribute('href')).toBe('https://api.zorgroute.example/auth/oidc/login');
    expect(screen.queryByLabelText('E-mailadres')).toBeNull();
    expect(screen.queryByText('Demo-gebruikers')).toBeNull();
  });

  it('takes over the token handed back by the OpenID Connect callback', async () => {
    const handover = [
      authOptions(true, false),
      { request: { query: LOGIN_ME_QUERY }, result: { data: { me: ZC_USER } } },
    ];
    renderWithProviders(<LoginPage />, { mocks: handover, path: '/login', route: '/login#token=oidc-jwt' });
    expect((await screen.findByTestId('location')).textContent).toBe('/');
    expect(getSession()?.token).toBe('oidc-jwt');
    expect(getSession()?.user.id).toBe(ZC_USER.id);
  });

  it('explains in Dutch why a school-account login was refused', async () => {
    renderWithProviders(<LoginPage />, {
      mocks: [authOptions(true, true), { request: { query: DEMO_USERS_QUERY }, result: { data: { demoUsers: [] } } }],
      path: '/login',
      route: '/login#error=OIDC_UNKNOWN_USER',
    });
    expect((await screen.findByRole('alert')).textContent).toMatch(/niet bekend in Zorgroute/);
    expect(getSession()).toBeNull();
  });
});
