import { useQuery } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { formatDutchDateInWords } from '../../shared/dates';
import { downloadWithToken } from '../../shared/download';
import { FormTextField } from '../../shared/form-text-field';
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

/** An upload: the kind (one of the api's), a chosen file (the api checks its content and size) and the audiences. */
export const uploadDocumentSchema = z.object({
  kind: z.string().min(1, 'Kies eerst de soort document.'),
  file: z.custom<File | null>((v) => typeof File !== 'undefined' && v instanceof File, 'Kies eerst een bestand (PDF, PNG of JPEG).'),
  audiences: z.array(z.string()),
});

type UploadDocumentValues = z.infer<typeof uploadDocumentSchema>;

function UploadDocumentForm({ caseId, onUploaded }: { caseId: string; onUploaded: () => void }) {
  // The kinds come from the api (one list: the upload's validation uses the same); the first is chosen until another is.
  // Until they are known the form cannot be sent (a click then would only say "choose a kind" in a list still empty).
  const kindsQuery = useQuery(UPLOAD_DOCUMENT_KINDS_QUERY, { fetchPolicy: 'cache-first' });
  const kinds = kindsQuery.data?.uploadDocumentKinds ?? [];
  const firstKind = kinds[0]?.kind ?? '';
  const problemId = useId();
  const { control, handleSubmit, reset, getValues, setValue, setError, formState } = useForm<UploadDocumentValues>({
    resolver: zodResolver(uploadDocumentSchema),
    defaultValues: { kind: '', file: null, audiences: [] },
  });
  const busy = formState.isSubmitting;
  const [done, setDone] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(newClientRequestId);
  const [inputKey, setInputKey] = useState(0);
  // One message at a time under the file: the missing file, or why the api refused the upload (its Dutch message).
  const problem = formState.errors.file?.message ?? formState.errors.root?.message;

  useEffect(() => {
    if (firstKind && !getValues('kind')) setValue('kind', firstKind);
  }, [firstKind, getValues, setValue]);

  const submit = handleSubmit(async ({ kind, file, audiences }) => {
    if (!file) return;
    try {
      const doc = await uploadCaseDocument({ caseId, kind, audiences, file, clientRequestId: attempt });
      setDone(`${doc.kindLabel} toegevoegd.`);
      reset({ kind, file: null, audiences: [] });
      setInputKey((k) => k + 1);
      onUploaded();
    } catch (err: unknown) {
      setError('root', { message: err instanceof Error ? err.message : 'Uploaden mislukt.' });
    }
    setAttempt(newClientRequestId());
  });

  return (
    <Box
      component="form"
      onSubmit={(e) => {
        setDone(null);
        void submit(e);
      }}
      noValidate
      aria-label="Document toevoegen"
      sx={{ mt: 2, pt: 2, borderTop: 1, borderColor: 'divider' }}
    >
      <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
        Document toevoegen
      </Typography>
      <Stack spacing={1.5}>
        <FormTextField name="kind" control={control} select size="small" label="Soort document">
          {kinds.map((k) => (
            <MenuItem key={k.kind} value={k.kind}>
              {k.label}
            </MenuItem>
          ))}
        </FormTextField>
        <Controller
          name="file"
          control={control}
          render={({ field, fieldState }) => (
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
              <Button component="label" variant="outlined" size="small" startIcon={<UploadFileIcon />}>
                Bestand kiezen
                <input
                  key={inputKey}
                  hidden
                  type="file"
                  name={field.name}
                  aria-label="Bestand"
                  aria-invalid={fieldState.invalid || undefined}
                  aria-describedby={problem ? problemId : undefined}
                  accept="application/pdf,image/png,image/jpeg"
                  onBlur={field.onBlur}
                  onChange={(e) => field.onChange(e.target.files?.[0] ?? null)}
                />
              </Button>
              <Typography variant="body2" color="text.secondary" data-testid="chosen-file">
                {field.value ? field.value.name : 'PDF, PNG of JPEG, maximaal 10 MB'}
              </Typography>
            </Box>
          )}
        />
        <Controller name="audiences" control={control} render={({ field }) => <AudienceCheckboxes value={field.value} onChange={field.onChange} />} />
        {kindsQuery.error && (
          <Alert severity="error" role="alert">
            De soorten documenten konden niet worden geladen; laad de pagina opnieuw.
          </Alert>
        )}
        {problem && (
          <Alert id={problemId} severity="error" role="alert">
            {problem}
          </Alert>
        )}
        {done && (
          <Alert severity="success" role="status">
            {done}
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
