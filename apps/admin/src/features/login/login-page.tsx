import { useMutation, useQuery } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import RouteIcon from '@mui/icons-material/Route';
import SchoolIcon from '@mui/icons-material/School';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Divider from '@mui/material/Divider';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../app/auth/auth-context';
import { ErrorAlert } from '../../shared/error-alert';
import { FormTextField } from '../../shared/form-text-field';
import { errorMessage } from '../../shared/graphql-error';
import { roleLabel } from '../../shared/labels';
import { usePageTitle } from '../../shared/use-page-title';
import { emailFormSchema, type EmailFormValues, FamilyLoginSection } from '../family-login/family-login-section';
import { groupUsersByRole } from './group-users';
import { FIRST_ROLE, ROLE_HINTS } from './role-hints';
import { AUTH_OPTIONS_QUERY, COMPLETE_OIDC_LOGIN_MUTATION, DEMO_USERS_QUERY, DEV_LOGIN_MUTATION } from './login.graphql';
import { oidcErrorMessage, parseOidcReturn, peekReturnTo, rememberReturnTo } from './oidc-return';

function redirectTarget(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/';
}

/**
 * Login: "Inloggen met schoolaccount" (OpenID Connect, when the api has it configured) and the
 * development login (pick one of the seeded demo users, or type an e-mail address). Also receives
 * the result of an OpenID Connect login in the URL fragment (`#code=…` / `#error=…`) and exchanges the one-time code
 * for the session cookie.
 */
export function LoginPage() {
  usePageTitle('Inloggen');
  const { session, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();

  // The fragment is read once and removed from the address bar (and history) at once.
  const [oidcReturn] = useState(() => parseOidcReturn(location.hash));
  const handoverCode = oidcReturn?.kind === 'code' ? oidcReturn.code : null;
  const target = (handoverCode ? peekReturnTo() : null) ?? redirectTarget(location.state);
  useEffect(() => {
    if (location.hash) void navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: location.state as unknown });
  }, [location.hash, location.pathname, location.search, location.state, navigate]);

  const options = useQuery(AUTH_OPTIONS_QUERY, { fetchPolicy: 'network-only', skip: !!session });
  // Shown once the api has answered; without an answer (older api, network error) the development login stays as before.
  const devLoginEnabled = options.data ? options.data.authOptions.devLoginEnabled : !!options.error;
  const oidcLoginUrl = options.data?.authOptions.oidcEnabled ? options.data.authOptions.oidcLoginUrl : null;

  // The one-time code is exchanged exactly once (it is single use; React may run effects twice in development).
  const [completeOidcLogin, handover] = useMutation(COMPLETE_OIDC_LOGIN_MUTATION);
  const exchanged = useRef(false);
  useEffect(() => {
    if (!handoverCode || exchanged.current) return;
    exchanged.current = true;
    completeOidcLogin({ variables: { code: handoverCode } })
      .then((result) => {
        if (result.data) {
          login(result.data.completeOidcLogin.user);
          void navigate(target, { replace: true });
        }
      })
      .catch(() => {
        // The error is rendered from the mutation state.
      });
  }, [handoverCode, completeOidcLogin, login, navigate, target]);

  const emailForm = useForm<EmailFormValues>({ resolver: zodResolver(emailFormSchema), defaultValues: { email: '' } });
  const demoUsers = useQuery(DEMO_USERS_QUERY, { fetchPolicy: 'network-only', skip: !!session || !devLoginEnabled });
  const [devLogin, { loading: loggingIn, error: loginError }] = useMutation(DEV_LOGIN_MUTATION);
  const [pendingEmail, setPendingEmail] = useState<string | null>(null);

  if (session) return <Navigate to={target} replace />;

  const doLogin = async (address: string) => {
    setPendingEmail(address);
    try {
      const result = await devLogin({ variables: { email: address } });
      if (result.data) {
        login(result.data.devLogin.user);
        void navigate(target, { replace: true });
      }
    } catch {
      // The error is rendered from the mutation state.
    } finally {
      setPendingEmail(null);
    }
  };

  const onSubmit = emailForm.handleSubmit((values) => doLogin(values.email.trim()));

  const groups = groupUsersByRole(demoUsers.data?.demoUsers ?? []);

  return (
    <Box
      component="main"
      id="main"
      sx={{ minHeight: '100vh', display: 'flex', justifyContent: 'center', alignItems: 'flex-start', py: { xs: 3, md: 6 }, px: 2 }}
    >
      <Paper sx={{ width: '100%', maxWidth: 720, p: { xs: 3, sm: 4 } }}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 1 }}>
          <RouteIcon color="primary" fontSize="large" aria-hidden />
          <Typography variant="h1" component="h1">
            Zorgroute
          </Typography>
        </Stack>
        {oidcReturn?.kind === 'error' && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {oidcErrorMessage(oidcReturn.code)}
          </Alert>
        )}
        {handoverCode && handover.loading && (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', py: 2 }} role="status">
            <CircularProgress size={20} aria-hidden />
            <Typography>Bezig met inloggen…</Typography>
          </Stack>
        )}
        {handoverCode && handover.error && <ErrorAlert error={handover.error} sx={{ mb: 2 }} />}

        {oidcLoginUrl && (
          <Box sx={{ mb: 3 }}>
            <Typography color="text.secondary" sx={{ mb: 2 }}>
              Log in met het account van uw school.
            </Typography>
            <Button variant="contained" size="large" href={oidcLoginUrl} onClick={() => rememberReturnTo(target)} startIcon={<SchoolIcon aria-hidden />}>
              Inloggen met schoolaccount
            </Button>
          </Box>
        )}

        <FamilyLoginSection
          onLoggedIn={(user) => {
            login(user);
            void navigate(target, { replace: true });
          }}
        />

        {devLoginEnabled && <DevLoginIntro withOidc={!!oidcLoginUrl} />}
        {devLoginEnabled && loginError && <ErrorAlert error={loginError} sx={{ mb: 2 }} />}

        {devLoginEnabled && (
          <>
            <Box component="form" onSubmit={(e) => void onSubmit(e)} noValidate sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', flexWrap: 'wrap' }}>
              <FormTextField name="email" control={emailForm.control} label="E-mailadres" type="email" autoComplete="email" helperText=" " size="small" sx={{ flex: '1 1 260px' }} />
              <Button type="submit" variant="contained" disabled={loggingIn} sx={{ mt: '2px' }}>
                Inloggen
              </Button>
            </Box>

            <Divider sx={{ my: 3 }} />
            <Typography variant="h2" component="h2" sx={{ mb: 1 }}>
              Demo-gebruikers
            </Typography>
            <Typography sx={{ mb: 2 }}>
              Nieuw hier? Begin als {roleLabel(FIRST_ROLE).toLowerCase()}: die ziet de casussen van de hele school. Onder elke rol staat wat u als die gebruiker het eerst kunt proberen.
            </Typography>

            {demoUsers.loading && !demoUsers.data && (
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', py: 2 }} role="status">
                <CircularProgress size={20} aria-hidden />
                <Typography>Demo-gebruikers laden…</Typography>
              </Stack>
            )}
            {demoUsers.error && (
              <Alert severity="info" sx={{ mt: 1 }}>
                Demo-gebruikers zijn niet beschikbaar: {errorMessage(demoUsers.error)}
              </Alert>
            )}
            {demoUsers.data && groups.length === 0 && (
              <Typography color="text.secondary">Er zijn geen demo-gebruikers. Voer eerst de seed uit.</Typography>
            )}

            <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
              {groups.map((group) => {
                const headingId = `role-${group.role}`;
                return (
                  <Box component="section" key={group.role} aria-labelledby={headingId}>
                    <Typography id={headingId} variant="h3" component="h3" sx={{ mt: 1 }}>
                      {roleLabel(group.role)}
                    </Typography>
                    <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
                      {ROLE_HINTS[group.role]}
                    </Typography>
                    {/* Each button in its own list item, named by exactly what it shows (axe: list, label-content-name-mismatch). */}
                    <List dense disablePadding>
                      {group.users.map((user) => (
                        <ListItem key={user.id} disablePadding>
                          <ListItemButton
                            component="button"
                            onClick={() => void doLogin(user.email)}
                            disabled={loggingIn}
                            sx={{ borderRadius: 1, width: '100%', textAlign: 'left' }}
                          >
                            <ListItemText
                              primary={user.name}
                              secondary={
                                <>
                                  {[user.email, user.schoolName].filter(Boolean).join(' · ')}
                                  {user.demoHint && (
                                    <Box component="span" sx={{ display: 'block', color: 'text.primary' }}>
                                      {user.demoHint}
                                    </Box>
                                  )}
                                </>
                              }
                            />
                            {pendingEmail === user.email && <CircularProgress size={18} aria-hidden />}
                          </ListItemButton>
                        </ListItem>
                      ))}
                    </List>
                  </Box>
                );
              })}
            </Box>
          </>
        )}
      </Paper>
    </Box>
  );
}

function DevLoginIntro({ withOidc }: { withOidc: boolean }) {
  return (
    <>
      {withOidc && <Divider sx={{ mb: 3 }} />}
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        Inloggen in de ontwikkel- en demo-omgeving. Kies een demo-gebruiker of vul een e-mailadres in.
      </Typography>
    </>
  );
}
