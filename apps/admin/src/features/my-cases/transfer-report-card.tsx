import { useMutation, useQuery } from '@apollo/client/react';
import CheckIcon from '@mui/icons-material/Check';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { type CaseSummaryFieldsFragment as CaseSummary } from '../../gql/graphql';
import { formatDutchDate } from '../../shared/dates';
import { ErrorAlert } from '../../shared/error-alert';
import { GIVE_CONSENT_MUTATION } from './my-cases.graphql';
import { ADD_ZIENSWIJZE_MUTATION, type TransferReport, TRANSFER_REPORT_QUERY } from './transfer-report.graphql';

const ZIENSWIJZE_MIN = 3;
const ZIENSWIJZE_MAX = 4000;

/** The report's parts in reading order, with Dutch labels; empty parts are left out. */
export function reportRows(okr: NonNullable<TransferReport['okr']>): Array<{ label: string; value: string }> {
  const rows: Array<{ label: string; value: string | null }> = [
    { label: 'Schooladvies', value: okr.schooladvies },
    { label: 'Taal en lezen', value: okr.taalLezen },
    { label: 'Rekenen', value: okr.rekenen },
    { label: 'Sociaal-emotionele ontwikkeling', value: okr.sociaalEmotioneel },
    { label: 'Werkhouding', value: okr.werkhouding },
    { label: 'Externe zorg of hulp', value: okr.externeZorg },
    { label: 'Extra ondersteuning nodig', value: okr.supportNeeds ? `Ja${okr.supportNeedsDescription ? `: ${okr.supportNeedsDescription}` : ''}` : 'Nee' },
  ];
  return rows.filter((r): r is { label: string; value: string } => !!r.value);
}

/** Dutch message for a zienswijze that cannot be sent, or null. */
export function zienswijzeError(text: string): string | null {
  const t = text.trim();
  if (t.length < ZIENSWIJZE_MIN) return `Schrijf minstens ${ZIENSWIJZE_MIN} tekens.`;
  if (t.length > ZIENSWIJZE_MAX) return `Uw zienswijze mag hoogstens ${ZIENSWIJZE_MAX} tekens lang zijn.`;
  return null;
}

/**
 * P6 for the parent: the transfer report (onderwijskundig rapport) of the primary school as he may see it, room for
 * the parents' view (zienswijze), which goes with the report, and the consent to transfer it.
 */
export function TransferReportCard({ summary }: { summary: CaseSummary }) {
  const headingId = `overdracht-${summary.id}`;
  const { data, loading, error } = useQuery(TRANSFER_REPORT_QUERY, { variables: { id: summary.id }, fetchPolicy: 'cache-and-network' });
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [answer, setAnswer] = useState<'GIVEN' | 'REFUSED' | null>(null);
  const refetchQueries = ['TransferReport', 'MyConsentRequests', 'DashboardCases'];
  const [addView, viewMutation] = useMutation(ADD_ZIENSWIJZE_MUTATION, { refetchQueries, awaitRefetchQueries: true });
  const [give, consentMutation] = useMutation(GIVE_CONSENT_MUTATION, { refetchQueries, awaitRefetchQueries: true });
  const busy = viewMutation.loading || consentMutation.loading;
  const report = data?.overdrachtCase;
  const consent = report?.consent ?? null;
  const canRespond = !!report?.okr && consent?.status === 'PENDING' && !answer;

  const saveView = async (): Promise<boolean> => {
    const problem = zienswijzeError(text);
    setTextError(problem);
    if (problem) return false;
    try {
      await addView({ variables: { caseId: summary.id, text: text.trim() } });
      setText('');
      setSaved(true);
      return true;
    } catch {
      return false; // shown from viewMutation.error
    }
  };

  const respond = async (decision: 'GIVEN' | 'REFUSED') => {
    if (!consent) return;
    // A view that was typed but not saved yet goes with the answer.
    if (text.trim() && !(await saveView())) return;
    try {
      await give({ variables: { input: { caseId: summary.id, requestId: consent.requestId, decision } } });
      setAnswer(decision);
    } catch {
      // shown from consentMutation.error
    }
  };

  return (
    <Paper component="article" aria-labelledby={headingId} data-case-id={summary.id} sx={{ p: { xs: 2, sm: 3 }, borderLeft: 6, borderColor: canRespond ? 'warning.main' : 'primary.main' }}>
      <Typography id={headingId} variant="h3" component="h3" sx={{ mb: 0.5 }}>
        Overdrachtsrapport van {summary.pupil.displayName}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        Van {report?.poSchoolName ?? 'de basisschool'} naar {summary.school.name}
        {consent?.status === 'PENDING' ? ` · graag uw reactie vóór ${formatDutchDate(consent.respondBy)}` : ''}
      </Typography>
      {loading && !report && <Skeleton variant="rectangular" height={80} aria-label="Rapport laden" />}
      {error && <ErrorAlert error={error} />}
      {report && !report.okr && <Typography color="text.secondary">De basisschool stelt het rapport nog op. U krijgt bericht zodra u het kunt lezen.</Typography>}
      {report?.okr && (
        <>
          <Typography sx={{ mb: 1 }}>
            Dit is het onderwijskundig rapport dat de basisschool aan de nieuwe school wil overdragen. U kunt er uw zienswijze aan toevoegen; zonder uw
            toestemming wordt het niet verzonden.
          </Typography>
          <Box
            component="dl"
            aria-label="Inhoud van het rapport"
            sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '16rem 1fr' }, columnGap: 2, rowGap: 0.5, my: 1.5, '& dt': { fontWeight: 600 }, '& dd': { m: 0, whiteSpace: 'pre-wrap' } }}
          >
            {reportRows(report.okr).map((r) => (
              <Box key={r.label} sx={{ display: 'contents' }}>
                <dt>{r.label}</dt>
                <dd>{r.value}</dd>
              </Box>
            ))}
          </Box>
          <Typography variant="body2" color="text.secondary">
            Opgesteld op {formatDutchDate(report.okr.recordedOn)}
          </Typography>
        </>
      )}
      {report && report.zienswijzen.length > 0 && (
        <Box component="section" aria-label="Zienswijze van de ouders" sx={{ mt: 2 }}>
          <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 600 }}>
            Zienswijze van de ouders
          </Typography>
          {report.zienswijzen.map((z, i) => (
            <Typography key={`${z.addedOn}-${i}`} sx={{ whiteSpace: 'pre-wrap', mt: 0.5 }} data-testid="zienswijze">
              {z.text}
              <Typography component="span" variant="body2" color="text.secondary">
                {' '}
                — {z.parentName ?? 'ouder'}, {formatDutchDate(z.addedOn)}
              </Typography>
            </Typography>
          ))}
        </Box>
      )}
      {(viewMutation.error || consentMutation.error) && <ErrorAlert error={(viewMutation.error ?? consentMutation.error)!} sx={{ mt: 2 }} />}
      {answer ? (
        <Alert severity={answer === 'GIVEN' ? 'success' : 'info'} role="status" sx={{ mt: 2 }}>
          {answer === 'GIVEN' ? 'Dank u wel. Uw toestemming is vastgelegd; de school draagt het rapport over.' : 'Vastgelegd: u geeft geen toestemming. De school neemt contact met u op.'}
        </Alert>
      ) : canRespond ? (
        <Box sx={{ display: 'grid', gap: 1.5, mt: 2 }}>
          <TextField
            label="Uw zienswijze (niet verplicht)"
            multiline
            minRows={3}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setTextError(null);
              setSaved(false);
            }}
            error={!!textError}
            helperText={textError ?? 'Wat wilt u de nieuwe school meegeven? Uw zienswijze gaat met het rapport mee.'}
            slotProps={{ htmlInput: { maxLength: ZIENSWIJZE_MAX } }}
          />
          {saved && (
            <Alert severity="success" role="status">
              Uw zienswijze is toegevoegd aan het rapport.
            </Alert>
          )}
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            <Button variant="outlined" disabled={busy || !text.trim()} onClick={() => void saveView()}>
              Zienswijze toevoegen
            </Button>
            <Button variant="contained" color="success" startIcon={<CheckIcon />} disabled={busy} onClick={() => void respond('GIVEN')}>
              Ik geef toestemming voor de overdracht
            </Button>
            <Button variant="outlined" color="error" disabled={busy} onClick={() => void respond('REFUSED')}>
              Ik geef geen toestemming
            </Button>
          </Box>
        </Box>
      ) : (
        consent &&
        consent.status !== 'PENDING' && (
          <Alert severity={consent.status === 'GIVEN' ? 'success' : 'info'} sx={{ mt: 2 }}>
            {consent.status === 'GIVEN'
              ? `U hebt toestemming gegeven${consent.decidedAt ? ` op ${formatDutchDate(consent.decidedAt.slice(0, 10))}` : ''}.${report?.sentOn ? ` Het rapport is verzonden op ${formatDutchDate(report.sentOn)}.` : ''}`
              : consent.status === 'REFUSED'
                ? 'U hebt geen toestemming gegeven.'
                : 'Het verzoek om toestemming is verlopen; de zorgcoördinator neemt contact met u op.'}
          </Alert>
        )
      )}
    </Paper>
  );
}
