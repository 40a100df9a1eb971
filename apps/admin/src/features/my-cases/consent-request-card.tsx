import { useMutation } from '@apollo/client/react';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { type ConsentFieldsFragment } from '../../gql/graphql';
import { formatDutchDate } from '../../shared/dates';
import { downloadWithToken } from '../../shared/download';
import { ErrorAlert } from '../../shared/error-alert';
import { processLabel } from '../../shared/labels';
import { familyWords } from './family-words';
import { GIVE_CONSENT_MUTATION } from './my-cases.graphql';

/** One open consent request: what it is for in plain Dutch, and sign / refuse. */
export function ConsentRequestCard({
  request,
  pupilName,
  answered,
  onAnswered,
  isPupil = false,
}: {
  request: ConsentFieldsFragment;
  pupilName?: string;
  /** The answer given in this visit (the request then no longer comes back from the api). */
  answered?: ConsentFieldsFragment;
  onAnswered(record: ConsentFieldsFragment): void;
  /** The pupil himself answers: addressed with "je" (parents with "u"). */
  isPupil?: boolean;
}) {
  const words = familyWords(isPupil);
  const headingId = `consent-${request.id}`;
  const [refusing, setRefusing] = useState(false);
  const [note, setNote] = useState('');
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [give, mutation] = useMutation(GIVE_CONSENT_MUTATION, { refetchQueries: ['MyConsentRequests', 'DashboardCases'] });
  const answer = async (decision: 'GIVEN' | 'REFUSED') => {
    try {
      const result = await give({ variables: { input: { caseId: request.caseId, requestId: request.id, decision, note: note.trim() || null } } });
      if (result.data) onAnswered(result.data.giveConsent);
    } catch {
      // Shown from mutation.error.
    }
  };

  return (
    <Paper component="article" aria-labelledby={headingId} data-consent-id={request.id} sx={{ p: { xs: 2, sm: 3 }, borderLeft: 6, borderColor: 'warning.main', minWidth: 0, overflowWrap: 'anywhere' }}>
      <Typography id={headingId} variant="h3" component="h3" sx={{ mb: 0.5 }}>
        {request.label}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {processLabel(request.process)}
        {pupilName ? ` · ${pupilName}` : ''} · graag antwoord vóór {formatDutchDate(request.respondBy)}
      </Typography>
      <Typography sx={{ mb: 1 }}>
        <strong>{words.consentWhy}</strong> {request.scope}
      </Typography>
      {request.process === 'OPP' && (
        <Box sx={{ mb: 1.5 }}>
          {/* The instemming is about the plan itself: the parents read it (on a phone too) before they answer. */}
          <Button
            variant="outlined"
            startIcon={<PictureAsPdfIcon />}
            onClick={() => {
              setDownloadError(null);
              downloadWithToken(`/exports/opp/${encodeURIComponent(request.caseId)}.pdf`, 'ontwikkelingsperspectiefplan.pdf').catch((e: unknown) => setDownloadError(e instanceof Error ? e.message : 'Downloaden mislukt.'));
            }}
          >
            Lees het ontwikkelingsperspectiefplan (PDF)
          </Button>
          {downloadError && (
            <Alert severity="error" role="alert" sx={{ mt: 1 }}>
              {downloadError}
            </Alert>
          )}
        </Box>
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {words.consentWithdraw}
      </Typography>
      {mutation.error && <ErrorAlert error={mutation.error} sx={{ mb: 2 }} />}
      {answered ? (
        <Alert severity={answered.status === 'GIVEN' ? 'success' : 'info'} role="status">
          {answered.status === 'GIVEN' ? words.consentGiven : words.consentRefused}
        </Alert>
      ) : refusing ? (
        <Box sx={{ display: 'grid', gap: 1.5 }}>
          <TextField label="Toelichting (niet verplicht)" multiline minRows={2} value={note} onChange={(e) => setNote(e.target.value)} autoFocus />
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            <Button variant="contained" color="error" startIcon={<CloseIcon />} disabled={mutation.loading} onClick={() => void answer('REFUSED')}>
              Bevestig: geen toestemming
            </Button>
            <Button onClick={() => setRefusing(false)} disabled={mutation.loading}>
              Terug
            </Button>
          </Box>
        </Box>
      ) : (
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          <Button variant="contained" color="success" startIcon={<CheckIcon />} disabled={mutation.loading} onClick={() => void answer('GIVEN')}>
            Ik geef toestemming
          </Button>
          <Button variant="outlined" color="error" disabled={mutation.loading} onClick={() => setRefusing(true)}>
            Ik geef geen toestemming
          </Button>
        </Box>
      )}
    </Paper>
  );
}
