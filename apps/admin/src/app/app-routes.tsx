import { Route, Routes } from 'react-router';
import { CasePage } from '../features/case-detail/case-page';
import { DashboardPage } from '../features/dashboard/dashboard-page';
import { LoginPage } from '../features/login/login-page';
import { RequireAuth } from './auth/require-auth';
import { AppShell } from './layout/app-shell';
import { NotFoundPage } from './not-found-page';

function Protected({ children }: { children: React.ReactNode }) {
  return (
    <RequireAuth>
      <AppShell>{children}</AppShell>
    </RequireAuth>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/" element={<Protected><DashboardPage /></Protected>} />
      <Route path="/cases/:id" element={<Protected><CasePage /></Protected>} />
      <Route path="*" element={<Protected><NotFoundPage /></Protected>} />
    </Routes>
  );
}
