import { fireEvent, screen, within } from '@testing-library/react';
import { getSession } from '../../app/auth/auth-store';
import { ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { DEMO_USERS_QUERY, DEV_LOGIN_MUTATION } from './login.graphql';
import { LoginPage } from './login-page';

const mentor = { ...ZC_USER, id: 'user-m', name: 'Tom Mentor', email: 'mentor@daltoncollege.example', role: 'MENTOR' as const };

const mocks = [
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

    fireEvent.click(within(zcGroup).getByRole('button', { name: /zc@daltoncollege\.example/ }));
    expect((await screen.findByTestId('location')).textContent).toBe('/');
    expect(getSession()?.token).toBe('jwt-token');
    expect(getSession()?.user.role).toBe('ZORGCOORDINATOR');
  });
});
