import { fireEvent, screen, within } from '@testing-library/react';
import { getSession } from '../../app/auth/auth-store';
import { ZC_USER } from '../../test-utils/fixtures';
import { seriousAxeViolations } from '../../test-utils/axe';
import { renderWithProviders } from '../../test-utils/render';
import { AUTH_OPTIONS_QUERY, COMPLETE_OIDC_LOGIN_MUTATION, DEMO_USERS_QUERY, DEV_LOGIN_MUTATION } from './login.graphql';
import { LoginPage } from './login-page';

const mentor = { ...ZC_USER, id: 'user-m', name: 'Tom Mentor', email: 'mentor@daltoncollege.example', role: 'MENTOR' as const, demoHint: null };
// A second mentor with something to try first (the demo data gives him a task): listed before Tom, with the line.
const mentorWithTask = { ...ZC_USER, id: 'user-m2', name: 'Wouter Mentor', email: 'mentor2@daltoncollege.example', role: 'MENTOR' as const, demoHint: 'Bekijk het OPP dat u opstelde.' };

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
  { request: { query: DEMO_USERS_QUERY }, result: { data: { demoUsers: [mentor, mentorWithTask, { ...ZC_USER, demoHint: null }] } } },
  {
    request: { query: DEV_LOGIN_MUTATION, variables: { email: ZC_USER.email } },
    result: { data: { devLogin: { __typename: 'AuthPayload', user: ZC_USER } } },
  },
];

describe('LoginPage', () => {
  it('groups demo users by role and logs in with the chosen one', async () => {
    renderWithProviders(<LoginPage />, { mocks, path: '/login' });
    // The first render of the page (with the parents' login form) can take over a second on a loaded machine.
    const zcGroup = await screen.findByRole('region', { name: 'Zorgcoördinator' }, { timeout: 5000 });
    const mentorGroup = screen.getByRole('region', { name: 'Mentor' });
    expect(within(mentorGroup).getByText('Tom Mentor')).toBeTruthy();
    // Role order follows the organisation, not the API's order.
    expect(zcGroup.compareDocumentPosition(mentorGroup) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Inloggen met schoolaccount/ })).toBeNull();

    fireEvent.click(within(zcGroup).getByRole('button', { name: /zc@daltoncollege\.example/ }));
    expect((await screen.findByTestId('location')).textContent).toBe('/');
    expect(getSession()?.user.role).toBe('ZORGCOORDINATOR');
    // The session is the api's httpOnly cookie: nothing of it is stored by the app.
    expect(JSON.stringify({ ...window.localStorage })).toBe('{}');
    expect(JSON.stringify({ ...window.sessionStorage })).toBe('{}');
  });

  it('logs in with a typed address, and says so in the field when it is not an address', async () => {
    const typed = [
      authOptions(false, true),
      { request: { query: DEMO_USERS_QUERY }, result: { data: { demoUsers: [] } } },
      { request: { query: DEV_LOGIN_MUTATION, variables: { email: ZC_USER.email } }, result: { data: { devLogin: { __typename: 'AuthPayload', user: ZC_USER } } } },
    ];
    renderWithProviders(<LoginPage />, { mocks: typed, path: '/login' });
    const field = await screen.findByRole('textbox', { name: 'E-mailadres' }, { timeout: 5000 });
    fireEvent.change(field, { target: { value: 'zc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect((await screen.findByText('Vul een geldig e-mailadres in.')).id).toBe(field.getAttribute('aria-describedby'));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(getSession()).toBeNull();

    fireEvent.change(field, { target: { value: `  ${ZC_USER.email} ` } });
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect((await screen.findByTestId('location')).textContent).toBe('/');
    expect(getSession()?.user.role).toBe('ZORGCOORDINATOR');
  });

  it('says where to start and what each role can try first, with no serious axe violation (issue 17.10, 17.11)', async () => {
    const { container } = renderWithProviders(<LoginPage />, { mocks, path: '/login' });
    const zcGroup = await screen.findByRole('region', { name: 'Zorgcoördinator' });
    expect(screen.getByText(/Nieuw hier\? Begin als zorgcoördinator/)).toBeTruthy();
    expect(within(zcGroup).getByText(/^Begin hier:/)).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Mentor' })).getByText(/stappen die op u wachten/)).toBeTruthy();
    // A demo user with a task says what to try first, and comes first in his group.
    const mentors = within(screen.getByRole('region', { name: 'Mentor' })).getAllByRole('button');
    expect(mentors.map((b) => b.textContent)).toEqual([expect.stringContaining('Wouter Mentor'), expect.stringContaining('Tom Mentor')]);
    expect(mentors[0].textContent).toContain('Bekijk het OPP dat u opstelde.');
    // Every button sits in a list item and is named by what it shows.
    const button = within(zcGroup).getByRole('button', { name: /zc@daltoncollege\.example/ });
    expect(button.closest('li')).not.toBeNull();
    expect(button.getAttribute('aria-label')).toBeNull();
    expect(await seriousAxeViolations(container)).toEqual([]);
  });

  it('offers "Inloggen met schoolaccount" when the api has OpenID Connect, without the development login when that is off', async () => {
    renderWithProviders(<LoginPage />, { mocks: [authOptions(true, false)], path: '/login' });
    const button = await screen.findByRole('link', { name: /Inloggen met schoolaccount/ });
    expect(button.getAttribute('href')).toBe('https://api.zorgroute.example/auth/oidc/login');
    expect(screen.queryByLabelText('E-mailadres')).toBeNull();
    expect(screen.queryByText('Demo-gebruikers')).toBeNull();
  });

  it('exchanges the one-time code handed back by the OpenID Connect callback for the session, once', async () => {
    const code = 'c'.repeat(43);
    const handover = [
      authOptions(true, false),
      { request: { query: COMPLETE_OIDC_LOGIN_MUTATION, variables: { code } }, result: { data: { completeOidcLogin: { __typename: 'LoginResult', user: ZC_USER } } } },
    ];
    renderWithProviders(<LoginPage />, { mocks: handover, path: '/login', route: `/login#code=${code}` });
    expect((await screen.findByTestId('location')).textContent).toBe('/');
    expect(getSession()?.user.id).toBe(ZC_USER.id);
  });

  it('ignores a token in the URL (it could be someone else’s: login CSRF)', async () => {
    renderWithProviders(<LoginPage />, { mocks: [authOptions(true, false)], path: '/login', route: '/login#token=someone-elses-jwt' });
    await screen.findByRole('link', { name: /Inloggen met schoolaccount/ });
    expect(getSession()).toBeNull();
    expect(screen.queryByTestId('location')).toBeNull();
  });

  it('shows why the exchange was refused (a code from another browser, used or expired)', async () => {
    const code = 'd'.repeat(43);
    const refused = [
      authOptions(true, false),
      {
        request: { query: COMPLETE_OIDC_LOGIN_MUTATION, variables: { code } },
        result: { errors: [{ message: 'Deze inlogpoging is verlopen of al gebruikt. Probeer opnieuw in te loggen.', extensions: { code: 'UNAUTHENTICATED' } }] },
      },
    ];
    renderWithProviders(<LoginPage />, { mocks: refused, path: '/login', route: `/login#code=${code}` });
    expect((await screen.findByRole('alert')).textContent).toMatch(/verlopen of al gebruikt/);
    expect(getSession()).toBeNull();
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
