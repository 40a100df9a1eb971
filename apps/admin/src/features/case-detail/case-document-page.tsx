import { useQuery } from '@apollo/client/react';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useAuth } from '../../app/auth/auth-context';
import { backToHomeOf } from '../../app/role-home';
import { formatDutchDateInWords } from '../../shared/dates';
import { downloadWithToken } from '../../shared/download';
import { ErrorAlert } from '../../shared/error-alert';
import { usePageTitle } from '../../shared/use-page-title';
import { CASE_DOCUMENTS_QUERY } from './case.graphql';

/**
 * `/cases/<case>/documents/<document>`: the page a letter e-mail links to (LETTER_AVAILABLE: the zorgplicht extension
 * notice and decision letter). Shows which letter it is and when it was sent, and opens the PDF with the user's login.
 * The api decides who may read it (the parents and the school); anyone else sees that it is not available.
 */
export function CaseDocumentPage() {
  const { id = '', docId = '' } = useParams();
  const role = useAuth().session?.user.role;
  const back = backToHomeOf(role);
  const { data, loading, error } = useQuery(CASE_DOCUMENTS_QUERY, { variables: { caseId: id }, skip: !id, fetchPolicy: 'network-only' });
  const document = data?.caseDocuments.find((d) => d.id === docId);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  usePageTitle(document ? document.kindLabel.replace(/^Brief: /, 'Brief – ') : 'Brief');

  return (
    <Stack spacing={2.5}>
      <Box>
        <Button component={RouterLink} to={back.to} startIcon={<ArrowBackIcon />} size="small">
          {back.label}
        </Button>
      </Box>
      {loading && <LinearProgress aria-label="Brief laden" />}
      {error && <ErrorAlert error={error} />}
      {data && !document && (
        <Alert severity="warning" role="alert">
          Deze brief is niet gevonden of is niet voor u bestemd.
        </Alert>
      )}
      {document && (
        <Paper component="article" aria-labelledby="document-heading" sx={{ p: { xs: 2, sm: 3 } }}>
          <Typography variant="overline" color="text.secondary" component="p">
            {/* The TLV letters (P8) are the SWV's own, to the parents. */}
            {document.kind.startsWith('TLV_') ? 'Brief van het samenwerkingsverband' : 'Brief van de school'}
          </Typography>
          {/* Long Dutch words ("toelaatbaarheidsverklaring") break instead of widening the page on a phone. */}
          <Typography id="document-heading" variant="h1" sx={{ mb: 1, overflowWrap: 'anywhere', hyphens: 'auto' }}>
            {document.kindLabel}
          </Typography>
          <Typography color="text.secondary" data-testid="document-date">
            Verstuurd op {formatDutchDateInWords(document.createdAt)}
          </Typography>
          <Typography sx={{ my: 2 }}>
            De brief is een PDF-bestand. Bewaar hem goed: er staat in wat er besloten is en wat u kunt doen als u het er niet mee eens bent.
          </Typography>
          {downloadError && (
            <Alert severity="error" role="alert" sx={{ mb: 2 }}>
              {downloadError}
            </Alert>
          )}
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5}>
            <Button
              variant="contained"
              size="large"
              startIcon={<DownloadIcon />}
              onClick={() => {
                setDownloadError(null);
                downloadWithToken(document.downloadPath, document.fileName).catch((e: unknown) => setDownloadError(e instanceof Error ? e.message : 'Openen mislukt.'));
              }}
            >
              Brief openen (PDF)
            </Button>
            <Button component={RouterLink} to={`/cases/${encodeURIComponent(id)}`} variant="outlined" size="large">
              Naar het dossier
            </Button>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
