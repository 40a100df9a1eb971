import { useQuery } from '@apollo/client/react';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { formatDutchDateInWords } from '../../shared/dates';
import { downloadWithToken } from '../../shared/download';
import { AudienceCheckboxes, AudienceChips } from './audience-chips';
import { CASE_DOCUMENTS_QUERY, UPLOAD_DOCUMENT_KINDS_QUERY } from './case.graphql';
import { newClientRequestId, uploadCaseDocument } from './upload-document';

const listSx = { listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1.25 } as const;

/**
 * The documents of a case: letters and uploads, each with who may read it; download is audited by the api. The
 * school's coordination uploads here (PDF, PNG or JPEG, checked by content on the api) and chooses who else reads it.
 */
export function CaseDocumentsPanel({ caseId, mayUpload }: { caseId: string; mayUpload: boolean }) {
  const { data, error, refetch } = useQuery(CASE_DOCUMENTS_QUERY, { variables: { caseId } });
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const documents = data?.caseDocuments ?? [];
  return (
    <Paper component="section" aria-labelledby="documents-heading" sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography id="documents-heading" variant="h2" sx={{ mb: 1.5 }}>
        Documenten
      </Typography>
      {error && <Typography color="text.secondary">Documenten zijn voor jou niet beschikbaar.</Typography>}
      {downloadError && (
        <Alert severity="error" role="alert" sx={{ mb: 1 }}>
          {downloadError}
        </Alert>
      )}
      {!error && documents.length === 0 ? (
        <Typography color="text.secondary">Nog geen documenten.</Typography>
      ) : (
        <Box component="ul" sx={listSx} aria-label="Documenten van de casus">
          {documents.map((d) => (
            <Box component="li" key={d.id} sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
              <Button
                size="small"
                startIcon={<DownloadIcon />}
                onClick={() => {
                  setDownloadError(null);
                  downloadWithToken(d.downloadPath, d.fileName).catch((e: unknown) => setDownloadError(e instanceof Error ? e.message : 'Downloaden mislukt.'));
                }}
              >
                {d.kindLabel}
              </Button>
              <Typography variant="caption" color="text.secondary">
                {formatDutchDateInWords(d.createdAt)} · {d.fileName} · {Math.max(1, Math.round(d.sizeBytes / 1024))} kB
                {d.uploadedByName ? ` · toegevoegd door ${d.uploadedByName}` : ''}
              </Typography>
              {d.audiences && d.audiences.length > 0 && <AudienceChips audiences={d.audiences} />}
            </Box>
          ))}
        </Box>
      )}
      {mayUpload && !error && <UploadDocumentForm caseId={caseId} onUploaded={() => void refetch()} />}
    </Paper>
  );
}

function UploadDocumentForm({ caseId, onUploaded }: { caseId: string; onUploaded: () => void }) {
  // The kinds come from the api (one list: the upload's validation uses the same); the first is chosen until another is.
  // Until they are known the form cannot be sent (a click then would only say "choose a kind" in a list still empty).
  const kindsQuery = useQuery(UPLOAD_DOCUMENT_KINDS_QUERY, { fetchPolicy: 'cache-first' });
  const kinds = kindsQuery.data?.uploadDocumentKinds ?? [];
  const [chosenKind, setKind] = useState<string | null>(null);
  const kind = chosenKind ?? kinds[0]?.kind ?? '';
  const [file, setFile] = useState<File | null>(null);
  const [audiences, setAudiences] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const [attempt, setAttempt] = useState(newClientRequestId);
  const [inputKey, setInputKey] = useState(0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setMessage({ severity: 'error', text: 'Kies eerst een bestand (PDF, PNG of JPEG).' });
      return;
    }
    if (!kind) {
      setMessage({ severity: 'error', text: 'Kies eerst de soort document.' });
      return;
    }
    setBusy(true);
    setMessage(null);
    uploadCaseDocument({ caseId, kind, audiences, file, clientRequestId: attempt })
      .then((doc) => {
        setMessage({ severity: 'success', text: `${doc.kindLabel} toegevoegd.` });
        setFile(null);
        setAudiences([]);
        setAttempt(newClientRequestId());
        setInputKey((k) => k + 1);
        onUploaded();
      })
      .catch((err: unknown) => {
        setMessage({ severity: 'error', text: err instanceof Error ? err.message : 'Uploaden mislukt.' });
        setAttempt(newClientRequestId());
      })
      .finally(() => setBusy(false));
  };

  return (
    <Box component="form" onSubmit={submit} aria-label="Document toevoegen" sx={{ mt: 2, pt: 2, borderTop: 1, borderColor: 'divider' }}>
      <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
        Document toevoegen
      </Typography>
      <Stack spacing={1.5}>
        <TextField select size="small" label="Soort document" value={kind} onChange={(e) => setKind(e.target.value)}>
          {kinds.map((k) => (
            <MenuItem key={k.kind} value={k.kind}>
              {k.label}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Button component="label" variant="outlined" size="small" startIcon={<UploadFileIcon />}>
            Bestand kiezen
            <input
              key={inputKey}
              hidden
              type="file"
              aria-label="Bestand"
              accept="application/pdf,image/png,image/jpeg"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </Button>
          <Typography variant="body2" color="text.secondary" data-testid="chosen-file">
            {file ? file.name : 'PDF, PNG of JPEG, maximaal 10 MB'}
          </Typography>
        </Box>
        <AudienceCheckboxes value={audiences} onChange={setAudiences} />
        {kindsQuery.error && (
          <Alert severity="error" role="alert">
            De soorten documenten konden niet worden geladen; laad de pagina opnieuw.
          </Alert>
        )}
        {message && (
          <Alert severity={message.severity} role={message.severity === 'error' ? 'alert' : 'status'}>
            {message.text}
          </Alert>
        )}
        <Box>
          <Button type="submit" variant="contained" size="small" disabled={busy || kinds.length === 0}>
            {busy ? 'Bezig met uploaden…' : 'Document toevoegen'}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
