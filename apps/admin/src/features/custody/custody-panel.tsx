import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { formatDutchDateTimeInWords } from '../../shared/dates';
import { ErrorAlert } from '../../shared/error-alert';
import { FormTextField } from '../../shared/form-text-field';
import {
  INVITE_GUARDIAN_MUTATION,
  PUPIL_CUSTODY_QUERY,
  SET_PARENTAL_AUTHORITY_MUTATION,
  SET_PARENTS_DISAGREE_MUTATION,
  type CustodyGuardian,
} from './custody.graphql';

/** The api's bounds of a reason (SetParentsDisagreeInput, SetParentalAuthorityInput). */
const REASON_MIN = 3;
const REASON_MAX = 1000;

/** Who reads a pupil's custody (the api's pupilCustody): the zorgcoördinator, the teamleider, the admin. */
export function mayReadCustody(role: string | undefined): boolean {
  return role === 'ZORGCOORDINATOR' || role === 'TEAMLEIDER' || role === 'ADMIN';
}

/** Who invites guardians and records custody: the zorgcoördinator and the admin. */
export function mayEditCustody(role: string | undefined): boolean {
  return role === 'ZORGCOORDINATOR' || role === 'ADMIN';
}

/** The Dutch line for a guardian's login state. */
export function loginStateLabel(g: Pick<CustodyGuardian, 'login' | 'passkeys' | 'invitationExpiresAt'>): string {
  switch (g.login) {
    case 'ACTIVE':
      return g.passkeys > 0 ? `Kan inloggen (${g.passkeys === 1 ? 'een passkey' : `${g.passkeys} passkeys`})` : 'Kan inloggen (met een code per e-mail)';
    case 'INVITED':
      return g.invitationExpiresAt ? `Uitgenodigd; de uitnodiging werkt tot ${formatDutchDateTimeInWords(g.invitationExpiresAt)}` : 'Uitgenodigd';
    case 'INVITATION_EXPIRED':
      return 'Uitnodiging verlopen zonder gebruikt te zijn';
    default:
      return 'Nog niet uitgenodigd';
  }
}

interface ReasonRequest {
  title: string;
  text: string;
  submitLabel: string;
  run(reason: string): Promise<unknown>;
}

function ReasonDialog({ request, onClose }: { request: ReasonRequest; onClose(): void }) {
  const titleId = useId();
  const { control, handleSubmit, formState } = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const [error, setError] = useState<unknown>(null);
  const submit = handleSubmit(async ({ reason }) => {
    setError(null);
    try {
      await request.run(reason.trim());
      onClose();
    } catch (err) {
      setError(err);
    }
  });
  return (
    <Dialog open onClose={() => !formState.isSubmitting && onClose()} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id={titleId}>{request.title}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{request.text}</DialogContentText>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error != null && <ErrorAlert error={error} />}
            <FormTextField
              name="reason"
              control={control}
              rules={{
                validate: (v) => (v.trim().length >= REASON_MIN && v.trim().length <= REASON_MAX) || `De reden moet ${REASON_MIN} tot ${REASON_MAX} tekens lang zijn`,
              }}
              label="Reden"
              required
              multiline
              minRows={2}
              autoFocus
              helperText="Bijvoorbeeld waar het gezag uit blijkt (uittreksel gezagsregister, beschikking)."
              slotProps={{ htmlInput: { maxLength: REASON_MAX } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={formState.isSubmitting}>
            Annuleren
          </Button>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting} startIcon={formState.isSubmitting ? <CircularProgress color="inherit" size={16} aria-hidden /> : undefined}>
            {request.submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/**
 * "Ouders en gezag": the pupil's guardians with whether they hold parental authority and whether they can log in,
 * and whether the parents disagree (then every guardian with authority must consent). The zorgcoördinator (and the
 * admin) invites a guardian to log in and records custody, each change with a reason; the teamleider reads.
 */
export function CustodyPanel({ pupilId, mayEdit }: { pupilId: string; mayEdit: boolean }) {
  const { data, loading, error } = useQuery(PUPIL_CUSTODY_QUERY, { variables: { pupilId } });
  const [invite, inviting] = useMutation(INVITE_GUARDIAN_MUTATION);
  const [setAuthority] = useMutation(SET_PARENTAL_AUTHORITY_MUTATION);
  const [setDisagree] = useMutation(SET_PARENTS_DISAGREE_MUTATION);
  const [asking, setAsking] = useState<ReasonRequest | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const custody = data?.pupilCustody;
  const people = custody ? [...custody.guardians, ...(custody.pupilAccount ? [custody.pupilAccount] : [])] : [];

  const sendInvitation = async (g: CustodyGuardian) => {
    setNotice(null);
    try {
      await invite({ variables: { pupilId, userId: g.userId } });
      setNotice(`Uitnodiging verstuurd aan ${g.name}.`);
    } catch {
      // Shown from inviting.error.
    }
  };

  return (
    <Paper component="section" aria-labelledby="custody-heading" sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography id="custody-heading" variant="h2" sx={{ mb: 1.5 }}>
        Ouders en gezag
      </Typography>
      {asking && <ReasonDialog request={asking} onClose={() => setAsking(null)} />}
      {loading && <CircularProgress size={20} aria-label="Ouders worden geladen" />}
      {error && <ErrorAlert error={error} />}
      {inviting.error && <ErrorAlert error={inviting.error} sx={{ mb: 1 }} />}
      {notice && (
        <Alert severity="success" role="status" sx={{ mb: 1 }}>
          {notice}
        </Alert>
      )}
      {custody && (
        <Stack spacing={1.5}>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="body2" data-testid="parents-disagree">
              {custody.parentsDisagree
                ? 'De ouders zijn het oneens: voor elke toestemming is het antwoord nodig van alle ouders met gezag.'
                : 'Eén ouder met gezag kan toestemming geven.'}
            </Typography>
            {mayEdit && (
              <Button
                size="small"
                onClick={() =>
                  setAsking({
                    title: custody.parentsDisagree ? 'Ouders weer eens' : 'Ouders zijn het oneens',
                    text: custody.parentsDisagree
                      ? 'Vanaf nu volstaat weer het antwoord van één ouder met gezag op een nieuw toestemmingsverzoek.'
                      : 'Vanaf nu is voor een nieuw toestemmingsverzoek het antwoord nodig van alle ouders met gezag; één weigering weigert.',
                    submitLabel: 'Vastleggen',
                    run: (reason) => setDisagree({ variables: { pupilId, input: { parentsDisagree: !custody.parentsDisagree, reason } } }),
                  })
                }
              >
                {custody.parentsDisagree ? 'Opheffen' : 'Ouders zijn het oneens'}
              </Button>
            )}
          </Box>
          {people.length === 0 ? (
            <Typography color="text.secondary">Er zijn geen ouders/verzorgers bekend.</Typography>
          ) : (
            <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1.25 }}>
              {people.map((g) => {
                const isPupil = g.userId === custody.pupilAccount?.userId;
                return (
                  <Box component="li" key={g.userId} sx={{ display: 'flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {g.name}
                    </Typography>
                    <Typography variant="caption" color="text.secondary">
                      {isPupil ? 'leerling' : g.relation}
                    </Typography>
                    {!isPupil && <Chip size="small" label={g.hasParentalAuthority ? 'Gezag' : 'Geen gezag'} color={g.hasParentalAuthority ? 'success' : 'default'} variant="outlined" />}
                    <Typography variant="caption" sx={{ flexBasis: { xs: '100%', sm: 'auto' } }}>
                      {loginStateLabel(g)}
                    </Typography>
                    {mayEdit && g.login !== 'ACTIVE' && (
                      <Button size="small" disabled={inviting.loading} onClick={() => void sendInvitation(g)} aria-label={`${g.name}: ${g.login === 'NONE' ? 'uitnodigen' : 'opnieuw uitnodigen'}`}>
                        {g.login === 'NONE' ? 'Uitnodigen' : 'Opnieuw uitnodigen'}
                      </Button>
                    )}
                    {mayEdit && !isPupil && (
                      <Button
                        size="small"
                        aria-label={`${g.name}: ${g.hasParentalAuthority ? 'geen gezag' : 'heeft gezag'}`}
                        onClick={() =>
                          setAsking({
                            title: g.hasParentalAuthority ? `${g.name} heeft geen gezag` : `${g.name} heeft gezag`,
                            text: g.hasParentalAuthority
                              ? 'Een ouder/verzorger zonder gezag ziet en beantwoordt geen toestemmingsverzoeken.'
                              : 'Een ouder/verzorger met gezag beantwoordt toestemmingsverzoeken voor de leerling.',
                            submitLabel: 'Vastleggen',
                            run: (reason) => setAuthority({ variables: { pupilId, userId: g.userId, input: { hasParentalAuthority: !g.hasParentalAuthority, reason } } }),
                          })
                        }
                      >
                        {g.hasParentalAuthority ? 'Geen gezag' : 'Heeft gezag'}
                      </Button>
                    )}
                  </Box>
                );
              })}
            </Box>
          )}
        </Stack>
      )}
    </Paper>
  );
}
