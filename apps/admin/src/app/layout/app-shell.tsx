import { useMutation } from '@apollo/client/react';
import LogoutIcon from '@mui/icons-material/Logout';
import RouteIcon from '@mui/icons-material/Route';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { type ReactNode, useState } from 'react';
import { Link as RouterLink, NavLink, useNavigate } from 'react-router';
import { roleLabel } from '../../shared/labels';
import { useAuth } from '../auth/auth-context';
import { LOGOUT_MUTATION } from '../auth/logout.graphql';
import { PupilSearchBox } from '../../features/pupils/pupil-search-box';
import { mayFindPupils, navItemsOf } from '../role-home';

const navLinkSx = {
  color: 'inherit',
  textDecoration: 'none',
  px: 1.5,
  py: 0.75,
  borderRadius: 1,
  fontWeight: 600,
  '&.active': { backgroundColor: 'rgba(255,255,255,0.16)' },
  '&:hover': { backgroundColor: 'rgba(255,255,255,0.10)' },
} as const;

/** The app bar (name, navigation, user, logout) around every page of a logged-in user. */
export function AppShell({ children }: { children: ReactNode }) {
  const { session, logout } = useAuth();
  const navigate = useNavigate();

  const [endSession] = useMutation(LOGOUT_MUTATION);
  const [loggingOut, setLoggingOut] = useState(false);

  // The api ends the session first (so the token is refused at once), then the local session goes;
  // a session from the school account also logs out at the provider when it offers that.
  const onLogout = async () => {
    setLoggingOut(true);
    let providerLogoutUrl: string | null = null;
    try {
      const result = await endSession();
      providerLogoutUrl = result.data?.logout.providerLogoutUrl ?? null;
    } catch {
      // Unreachable api or an already expired token: the local session ends anyway.
    }
    logout();
    setLoggingOut(false);
    if (providerLogoutUrl) window.location.assign(providerLogoutUrl);
    else void navigate('/login', { replace: true });
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <Box
        component="a"
        href="#main"
        sx={{
          position: 'absolute',
          left: 8,
          top: -48,
          zIndex: 2000,
          backgroundColor: 'background.paper',
          color: 'primary.main',
          px: 2,
          py: 1,
          borderRadius: 1,
          '&:focus': { top: 8 },
        }}
      >
        Naar de inhoud
      </Box>
      {/* Sticky from desk size on; on a phone its wrapped menu is several rows (a ZC's: 326 of 844 px) and would cover the page. */}
      <AppBar position="sticky" color="primary" elevation={1} sx={{ position: { xs: 'static', md: 'sticky' } }}>
        <Toolbar sx={{ gap: 2, flexWrap: 'wrap' }}>
          <Box
            component={RouterLink}
            to="/"
            sx={{ display: 'flex', alignItems: 'center', gap: 1, color: 'inherit', textDecoration: 'none', borderRadius: 1 }}
          >
            <RouteIcon aria-hidden />
            <Typography component="span" variant="h6" sx={{ fontWeight: 700, letterSpacing: 0.2 }}>
              Zorgroute
            </Typography>
          </Box>
          <Box component="nav" aria-label="Hoofdmenu" sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
            {(session ? navItemsOf(session.user.role) : [{ to: '/', label: 'Dashboard' }]).map((item) => (
              <Box key={item.to} component={NavLink} to={item.to} end sx={navLinkSx}>
                {item.label}
              </Box>
            ))}
          </Box>
          <Box sx={{ flexGrow: 1 }} />
          {session && mayFindPupils(session.user.role) && <PupilSearchBox />}
          {session && (
            <Box sx={{ textAlign: 'right', lineHeight: 1.2, display: { xs: 'none', sm: 'block' } }}>
              <Typography component="div" variant="body2" sx={{ fontWeight: 600 }}>
                {session.user.name}
              </Typography>
              <Typography component="div" variant="caption" sx={{ opacity: 0.9 }}>
                {roleLabel(session.user.role)}
                {session.user.schoolName ? ` · ${session.user.schoolName}` : ''}
              </Typography>
            </Box>
          )}
          <Button color="inherit" variant="outlined" startIcon={<LogoutIcon />} onClick={() => void onLogout()} disabled={loggingOut}>
            Uitloggen
          </Button>
        </Toolbar>
      </AppBar>
      <Container component="main" id="main" tabIndex={-1} maxWidth="xl" sx={{ py: 3, flexGrow: 1, outline: 'none' }}>
        {children}
      </Container>
    </Box>
  );
}
