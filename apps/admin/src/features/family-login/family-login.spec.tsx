import { fireEvent, screen } from '@testing-library/react';
import { getSession } from '../../app/auth/auth-store';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { AUTH_OPTIONS_QUERY } from '../login/login.graphql';
import { LoginPage } from '../login/login-page';
import {
  ACCEPT_LOGIN_INVITATION_MUTATION,
  LOGIN_INVITATION_QUERY,
  RENEW_LOGIN_INVITATION_MUTATION,
  REQUEST_EMAIL_LOGIN_CODE_MUTATION,
  VERIFY_EMAIL_LOGIN_CODE_MUTATION,
} from './family-login.graphql';
import { InvitationPage } from './invitation-page';
import { invitationTokenOf, safeReturnPath } from './return-path';

const parent = { ...ZC_USER, id: 'user-p', name: 'Petra Veldkamp', email: 'ouder.veldkamp@voorbeeldmail.example', role: 'PARENT' as const, schoolId: null, schoolName: null };
const token = 't'.repeat(43);

function invitation(status: string, name: string | null) {
  return {
    request: { query: LOGIN_INVITATION_QUERY, variables: { token } },
    result: { data: { loginInvitation: { __typename: 'LoginInvitation', status, name, schoolName: name ? 'Daltoncollege De Linde' : null } } },
  };
}

describe('InvitationPage', () => {
  it('shows whom a valid invitation is for and, with the e-mail code, logs in and opens the page the link was for', async () => {
    const mocks = [
      invitation('VALID', 'Petra Veldkamp'),
      {
        request: { query: ACCEPT_LOGIN_INVITATION_MUTATION, variables: { token } },
        result: { data: { acceptLoginInvitation: { __typename: 'FamilyLoginResult', user: parent, returnPath: '/cases/case-1' } } },
      },
    ];
    renderWithProviders(<InvitationPage />, { mocks, path: '/uitnodiging', route: `/uitnodiging#token=${token}` });
    expect(await screen.findByText(/Welkom, Petra Veldkamp\. Daltoncollege De Linde nodigt u uit/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Doorgaan met een code per e-mail' }));
    expect((await screen.findByTestId('location')).textContent).toBe('/cases/case-1');
    expect(getSession()?.user.role).toBe('PARENT');
  });

  it('says that an invitation expired and asks for a new one', async () => {
    const mocks = [invitation('EXPIRED', null), { request: { query: RENEW_LOGIN_INVITATION_MUTATION, variables: { token } }, result: { data: { renewLoginInvitation: true } } }];
    renderWithProviders(<InvitationPage />, { mocks, path: '/uitnodiging', route: `/uitnodiging#token=${token}` });
    expect(await screen.findByText('Deze uitnodiging is verlopen.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Doorgaan met een code per e-mail' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Nieuwe uitnodiging aanvragen' }));
    expect(await screen.findByText(/ontvangt u binnen enkele minuten een nieuwe uitnodiging/)).toBeTruthy();
  });

  it('without a token says the link is not known (and asks the api nothing)', async () => {
    renderWithProviders(<InvitationPage />, { mocks: [], path: '/uitnodiging', route: '/uitnodiging' });
    expect(await screen.findByText(/Deze uitnodiging kennen wij niet/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Nieuwe uitnodiging aanvragen' })).toBeNull();
  });
});

describe('LoginPage: parents and pupils', () => {
  it('logs in with a code sent by e-mail', async () => {
    const asked: unknown[] = [];
    const mocks = [
      { request: { query: AUTH_OPTIONS_QUERY }, result: { data: { authOptions: { __typename: 'AuthOptions', oidcEnabled: true, devLoginEnabled: false, oidcLoginUrl: 'https://api.example/auth/oidc/login' } } } },
      {
        request: {
          query: REQUEST_EMAIL_LOGIN_CODE_MUTATION,
          variables: (vars: unknown) => {
            asked.push(vars);
            return true;
          },
        },
        result: { data: { requestEmailLoginCode: true } },
      },
      {
        request: { query: VERIFY_EMAIL_LOGIN_CODE_MUTATION, variables: { email: parent.email, code: '12345678' } },
        result: { data: { verifyEmailLoginCode: { __typename: 'LoginResult', user: parent } } },
      },
    ];
    renderWithProviders(<LoginPage />, { mocks, path: '/login' });
    // No address, or no @: a Dutch error on the field, and no code is asked for (the one mock is still there below).
    const email = screen.getByLabelText('E-mailadres voor een inlogcode');
    fireEvent.click(screen.getByRole('button', { name: 'Stuur mij een code' }));
    const problem = await screen.findByText('Vul een geldig e-mailadres in.');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBe(problem.id);
    fireEvent.change(email, { target: { value: 'ouder.veldkamp' } });
    fireEvent.click(screen.getByRole('button', { name: 'Stuur mij een code' }));
    expect(await screen.findByText('Vul een geldig e-mailadres in.')).toBeTruthy();
    expect(screen.queryByText(/ontvangt u binnen een minuut/)).toBeNull();
    expect(asked).toEqual([]);
    fireEvent.change(email, { target: { value: ` ${parent.email} ` } });
    fireEvent.click(screen.getByRole('button', { name: 'Stuur mij een code' }));
    expect(await screen.findByText(/ontvangt u binnen een minuut een code van acht cijfers/)).toBeTruthy();
    expect(asked).toEqual([{ email: parent.email }]);
    fireEvent.change(screen.getByLabelText('Inlogcode'), { target: { value: '12345678' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen met code' }));
    expect((await screen.findByTestId('location')).textContent).toBe('/');
    expect(getSession()?.user.role).toBe('PARENT');
  });
});

describe('safeReturnPath and invitationTokenOf', () => {
  it('keeps paths of this app only', () => {
    expect(safeReturnPath('/cases/abc')).toBe('/cases/abc');
    expect(safeReturnPath('//evil.example/x')).toBeNull();
    expect(safeReturnPath('/\\evil.example')).toBeNull();
    expect(safeReturnPath('https://evil.example')).toBeNull();
    expect(safeReturnPath('/login')).toBeNull();
    expect(safeReturnPath('/cases/a\nb')).toBeNull();
  });

  it('reads a well-formed token from the fragment only', () => {
    expect(invitationTokenOf(`#token=${token}`)).toBe(token);
    expect(invitationTokenOf('#token=kort')).toBeNull();
    expect(invitationTokenOf('')).toBeNull();
  });
});
