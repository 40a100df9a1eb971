import { ApolloLink } from '@apollo/client';
import { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { createCache } from '../app/apollo-client';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { render, type RenderResult } from '@testing-library/react';
import { type ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { AuthProvider } from '../app/auth/auth-context';
import { clearSession, type Session, setSession } from '../app/auth/auth-store';
import { theme } from '../app/theme';

export interface RenderOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mocks of differently typed operations
  mocks?: ReadonlyArray<MockLink.MockedResponse<any, any>>;
  session?: Session | null;
  /** The URL to start at. */
  route?: string;
  /** Route pattern for `ui`, e.g. "/cases/:id"; other paths render their path name as text. */
  path?: string;
  /** Called with each operation's name and the HTTP headers its context sets (e.g. `Idempotency-Key`), before the mocks answer. */
  onRequestHeaders?: (operationName: string, headers: Record<string, string>) => void;
}

/** Renders `ui` with the app's providers: mocked Apollo, auth, theme and an in-memory router. */
export function renderWithProviders(ui: ReactNode, options: RenderOptions = {}): RenderResult {
  if (options.session) setSession(options.session);
  else clearSession();
  const path = options.path ?? '/';
  return render(
    <MockedProvider {...apolloMocks(options)} cache={createCache()}>
      <AuthProvider>
        <ThemeProvider theme={theme}>
          <CssBaseline />
          <MemoryRouter initialEntries={[options.route ?? path]}>
            <Routes>
              <Route path={path} element={ui} />
              <Route path="*" element={<LocationProbe />} />
            </Routes>
          </MemoryRouter>
        </ThemeProvider>
      </AuthProvider>
    </MockedProvider>,
  );
}

/** The mocks as MockedProvider takes them; with `onRequestHeaders`, behind a link that reports each request's headers. */
function apolloMocks(options: RenderOptions): { mocks: NonNullable<RenderOptions['mocks']>; mockLinkDefaultOptions: { delay: number } } | { link: ApolloLink } {
  const mocks = options.mocks ?? [];
  const report = options.onRequestHeaders;
  if (!report) return { mocks, mockLinkDefaultOptions: { delay: 0 } };
  const capture = new ApolloLink((operation, forward) => {
    report(operation.operationName ?? '', { ...((operation.getContext().headers as Record<string, string> | undefined) ?? {}) });
    return forward(operation);
  });
  return { link: ApolloLink.from([capture, new MockLink(mocks, { defaultOptions: { delay: 0 } })]) };
}

/** Shows where the app navigated to. */
function LocationProbe() {
  const location = useLocation();
  return <div data-testid="location">{location.pathname}</div>;
}
