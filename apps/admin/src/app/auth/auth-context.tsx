import { useApolloClient } from '@apollo/client/react';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import { type AuthPayload } from '../../shared/api-types';
import { clearSession, getSession, type Session, setSession, subscribeSession } from './auth-store';

interface AuthContextValue {
  session: Session | null;
  login(payload: AuthPayload): void;
  logout(): void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const session = useSyncExternalStore(subscribeSession, getSession, () => null);

  const login = useCallback(
    (payload: AuthPayload) => {
      // Cached data belongs to the previous user.
      void client.clearStore();
      setSession({ token: payload.token, user: payload.user });
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
