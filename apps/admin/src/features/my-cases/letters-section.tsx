import { useQuery } from '@apollo/client/react';
import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { formatDutchDateInWords } from '../../shared/dates';
import { downloadWithToken } from '../../shared/download';
import { ErrorAlert } from '../../shared/error-alert';
import { MY_LETTERS_QUERY } from './my-cases.graphql';

/** "Brieven": the letters the school sent the parents (newest first), each opened as a PDF with the parent's login. */
export function LettersSection() {
  const { data, error, loading } = useQuery(MY_LETTERS_QUERY, { fetchPolicy: 'network-only' });
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const letters = data?.myLetters ?? [];
  return (
    <Stack component="section" aria-labelledby="letters-heading" spacing={2}>
      <Typography id="letters-heading" variant="h2">
        Brieven
      </Typography>
      {error && <ErrorAlert error={error} />}
      {downloadError && (
        <Alert severity="error" role="alert">
          {downloadError}
        </Alert>
      )}
      {!loading && !error && letters.length === 0 && <Typography color="text.secondary">De school heeft u nog geen brieven gestuurd.</Typography>}
      {letters.map((l) => (
        <Paper key={l.document.id} component="article" aria-label={l.document.kindLabel} data-document-id={l.document.id} sx={{ p: 2 }}>
          <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
            <Box>
              <Typography variant="subtitle1" component="h3">
                {l.document.kindLabel}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                Over {l.pupilName} · verstuurd op {formatDutchDateInWords(l.document.createdAt)}
              </Typography>
            </Box>
            <Button
              variant="outlined"
              startIcon={<DownloadIcon />}
              onClick={() => {
                setDownloadError(null);
                downloadWithToken(l.document.downloadPath, l.document.fileName).catch((e: unknown) => setDownloadError(e instanceof Error ? e.message : 'Openen mislukt.'));
              }}
            >
              Brief openen (PDF)
            </Button>
          </Box>
        </Paper>
      ))}
    </Stack>
  );
}
