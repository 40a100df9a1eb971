import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from './auth-context';

/** Renders its children for a logged-in user; sends anyone else to /login and back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();
  if (session === undefined) {
    return (
      <Box role="status" aria-label="Sessie controleren" sx={{ display: 'flex', justifyContent: 'center', py: 8 }}>
        <CircularProgress aria-hidden />
      </Box>
    );
  }
  if (!session) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  return <>{children}</>;
}
