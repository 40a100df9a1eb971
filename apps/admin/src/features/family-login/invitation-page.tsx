import { useMutation, useQuery } from '@apollo/client/react';
import KeyIcon from '@mui/icons-material/Key';
import MailIcon from '@mui/icons-material/Mail';
import RouteIcon from '@mui/icons-material/Route';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { browserSupportsWebAuthn, startRegistration } from '@simplewebauthn/browser';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../app/auth/auth-context';
import { homePathOf } from '../../app/role-home';
import { ErrorAlert } from '../../shared/error-alert';
import { usePageTitle } from '../../shared/use-page-title';
import {
  ACCEPT_LOGIN_INVITATION_MUTATION,
  FINISH_PASSKEY_REGISTRATION_MUTATION,
  LOGIN_INVITATION_QUERY,
  RENEW_LOGIN_INVITATION_MUTATION,
  START_PASSKEY_REGISTRATION_MUTATION,
  type FamilyLoginResult,
} from './family-login.graphql';
import { invitationTokenOf, safeReturnPath } from './return-path';

const NOT_VALID: Record<string, string> = {
  EXPIRED: 'Deze uitnodiging is verlopen.',
  USED: 'Deze uitnodiging is al gebruikt. Heeft u al een inlog? Log dan in met uw passkey of een code per e-mail.',
  UNKNOWN: 'Deze uitnodiging kennen wij niet. Controleer of u de hele link uit de e-mail gebruikt.',
};

/**
 * The page of an invitation link (`/uitnodiging#token=…`, from the school's invitation or a consent request): a parent
 * or pupil makes a login — a passkey, or the e-mail code — and lands on the page the link was for. An expired or used
 * link says so and offers a new one (sent to the invited address).
 */
export function InvitationPage() {
  usePageTitle('Uitnodiging');
  const location = useLocation();
  const navigate = useNavigate();
  const { login } = useAuth();
  // The token is read once and removed from the address bar (and history) at once.
  const [token] = useState(() => invitationTokenOf(location.hash));
  useEffect(() => {
    if (location.hash) void navigate({ pathname: location.pathname }, { replace: true });
  }, [location.hash, location.pathname, navigate]);

  const info = useQuery(LOGIN_INVITATION_QUERY, { variables: { token: token ?? '' }, skip: !token, fetchPolicy: 'network-only' });
  const [accept, accepting] = useMutation(ACCEPT_LOGIN_INVITATION_MUTATION);
  const [startRegistrationOptions] = useMutation(START_PASSKEY_REGISTRATION_MUTATION);
  const [finishRegistration] = useMutation(FINISH_PASSKEY_REGISTRATION_MUTATION);
  const [renew, renewing] = useMutation(RENEW_LOGIN_INVITATION_MUTATION);
  const [passkeyBusy, setPasskeyBusy] = useState(false);
  const [passkeyError, setPasskeyError] = useState<unknown>(null);
  const [renewed, setRenewed] = useState(false);

  const done = (result: FamilyLoginResult) => {
    login(result.user);
    void navigate(safeReturnPath(result.returnPath) ?? homePathOf(result.user.role), { replace: true });
  };

  const withoutPasskey = async () => {
    if (!token) return;
    try {
      const result = await accept({ variables: { token } });
      if (result.data) done(result.data.acceptLoginInvitation);
    } catch {
      // rendered from the mutation state
    }
  };

  const withPasskey = async () => {
    if (!token) return;
    setPasskeyBusy(true);
    setPasskeyError(null);
    try {
      const options = await startRegistrationOptions({ variables: { token } });
      if (!options.data) return;
      const response = await startRegistration({ optionsJSON: JSON.parse(options.data.startPasskeyRegistration) as Parameters<typeof startRegistration>[0]['optionsJSON'] });
      const result = await finishRegistration({ variables: { token, response: JSON.stringify(response) } });
      if (result.data) done(result.data.finishPasskeyRegistration);
    } catch (error) {
      setPasskeyError(error);
    } finally {
      setPasskeyBusy(false);
    }
  };

  const askNew = async () => {
    if (!token) return;
    try {
      await renew({ variables: { token } });
      setRenewed(true);
    } catch {
      // rendered from the mutation state
    }
  };

  const status = token ? info.data?.loginInvitation.status : 'UNKNOWN';
  const invitation = info.data?.loginInvitation;

  return (
    <Box component="main" id="main" sx={{ minHeight: '100vh', display: 'flex', justifyContent: 'center', alignItems: 'flex-start', py: { xs: 3, md: 6 }, px: 2 }}>
      <Paper sx={{ width: '100%', maxWidth: 640, p: { xs: 3, sm: 4 } }}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 2 }}>
          <RouteIcon color="primary" fontSize="large" aria-hidden />
          <Typography variant="h1" component="h1">
            Uitnodiging voor Zorgroute
          </Typography>
        </Stack>

        {info.loading && (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', py: 2 }} role="status">
            <CircularProgress size={20} aria-hidden />
            <Typography>Uitnodiging controleren…</Typography>
          </Stack>
        )}
        {info.error && <ErrorAlert error={info.error} sx={{ mb: 2 }} />}

        {status === 'VALID' && invitation && (
          <>
            <Typography sx={{ mb: 2 }}>
              Welkom{invitation.name ? `, ${invitation.name}` : ''}. {invitation.schoolName ?? 'De school'} nodigt u uit om in te loggen bij Zorgroute. Kies hoe u voortaan
              inlogt.
            </Typography>
            {(accepting.error || passkeyError) && <ErrorAlert error={accepting.error ?? passkeyError} sx={{ mb: 2 }} />}
            <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
              {browserSupportsWebAuthn() && (
                <Box>
                  <Button variant="contained" size="large" startIcon={<KeyIcon aria-hidden />} onClick={() => void withPasskey()} disabled={passkeyBusy || accepting.loading}>
                    Passkey aanmaken
                  </Button>
                  <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                    Inloggen met uw telefoon, vingerafdruk of gezicht, zonder wachtwoord.
                  </Typography>
                </Box>
              )}
              <Box>
                <Button variant="outlined" size="large" startIcon={<MailIcon aria-hidden />} onClick={() => void withoutPasskey()} disabled={passkeyBusy || accepting.loading}>
                  Doorgaan met een code per e-mail
                </Button>
                <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                  U logt voortaan in met een code die wij naar uw e-mailadres sturen.
                </Typography>
              </Box>
            </Stack>
          </>
        )}

        {status && status !== 'VALID' && (
          <>
            <Alert severity="warning" role="alert" sx={{ mb: 2 }}>
              {NOT_VALID[status]}
            </Alert>
            {renewed ? (
              <Alert severity="success" role="status" sx={{ mb: 2 }}>
                Als deze uitnodiging bij ons bekend is, ontvangt u binnen enkele minuten een nieuwe uitnodiging per e-mail.
              </Alert>
            ) : (
              token &&
              status !== 'UNKNOWN' && (
                <Button variant="contained" onClick={() => void askNew()} disabled={renewing.loading} sx={{ mb: 2 }}>
                  Nieuwe uitnodiging aanvragen
                </Button>
              )
            )}
            {renewing.error && <ErrorAlert error={renewing.error} sx={{ mb: 2 }} />}
            <Typography>
              <Button component={RouterLink} to="/login">
                Naar de inlogpagina
              </Button>
            </Typography>
          </>
        )}
      </Paper>
    </Box>
  );
}
