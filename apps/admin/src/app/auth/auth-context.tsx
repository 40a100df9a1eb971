import { useApolloClient } from '@apollo/client/react';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import { type UserFieldsFragment as User } from '../../gql/graphql';
import { CURRENT_USER_QUERY } from './current-user.graphql';
import { clearSession, getSession, type SessionState, setSession, subscribeSession } from './auth-store';

interface AuthContextValue {
  /** `undefined` while the app asks the api whether the browser has a session. */
  session: SessionState;
  login(user: User): void;
  logout(): void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const session = useSyncExternalStore(subscribeSession, getSession, () => undefined);

  // At start the app does not know whether the browser has a session cookie: the api tells (`me`).
  useEffect(() => {
    if (getSession() !== undefined) return;
    let cancelled = false;
    client
      .query({ query: CURRENT_USER_QUERY, fetchPolicy: 'network-only' })
      .then((result) => {
        if (cancelled || getSession() !== undefined) return;
        if (result.data?.me) setSession({ user: result.data.me });
        else clearSession();
      })
      .catch(() => {
        if (!cancelled && getSession() === undefined) clearSession();
      });
    return () => {
      cancelled = true;
    };
  }, [client]);

  const login = useCallback(
    (user: User) => {
      // Cached data belongs to the previous user.
      void client.clearStore();
      setSession({ user });
    },
    [client],
  );

  const logout = useCallback(() => {
    clearSession();
    void client.clearStore();
  }, [client]);

  const value = useMemo(() => ({ session, login, logout }), [session, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
