import { type MockLink } from '@apollo/client/testing';
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
}

/** Renders `ui` with the app's providers: mocked Apollo, auth, theme and an in-memory router. */
export function renderWithProviders(ui: ReactNode, options: RenderOptions = {}): RenderResult {
  if (options.session) setSession(options.session);
  else clearSession();
  const path = options.path ?? '/';
  return render(
    <MockedProvider mocks={options.mocks ?? []} mockLinkDefaultOptions={{ delay: 0 }} cache={createCache()}>
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

/** Shows where the app navigated to. */
function LocationProbe() {
  const location = useLocation();
  return <div data-testid="location">{location.pathname}</div>;
}
