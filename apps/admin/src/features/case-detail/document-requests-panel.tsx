import { useQuery } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { type ProcessType } from '../../gql/graphql';
import { formatDutchDateInWords } from '../../shared/dates';
import { DOCUMENT_REQUESTS_QUERY, type DocumentRequest } from './document-requests.graphql';
import { newClientRequestId, uploadRequestedDocument } from './upload-document';

const STATUS: Record<string, { label: string; color: 'warning' | 'success' | 'default' }> = {
  OPEN: { label: 'Gevraagd', color: 'warning' },
  PROVIDED: { label: 'Aangeleverd', color: 'success' },
  CANCELLED: { label: 'Vervallen', color: 'default' },
};

/** The processes whose steps ask the parents for documents (P4: during the aanmelding's investigation). */
const ASKING_PROCESSES: readonly ProcessType[] = ['ZORGPLICHT'];

/**
 * The documents a process step asked the parents for (issue 16): what is asked, until when, and whether it came. A
 * parent uploads the document here (PDF or photo, checked by content on the api); the school sees the request's state.
 * Usable on a phone: the parents open it from the e-mail's link. Nothing when the case asked for no document.
 */
export function DocumentRequestsPanel({ caseId, process, mayProvide, pupilName }: { caseId: string; process: ProcessType; mayProvide: boolean; pupilName?: string }) {
  return ASKING_PROCESSES.includes(process) ? <DocumentRequestsLoader caseId={caseId} mayProvide={mayProvide} pupilName={pupilName} /> : null;
}

function DocumentRequestsLoader({ caseId, mayProvide, pupilName }: { caseId: string; mayProvide: boolean; pupilName?: string }) {
  // Not cached: `case` (a CaseDetail has no id) would replace the case page's own CaseDetail in the cache.
  const { data, refetch } = useQuery(DOCUMENT_REQUESTS_QUERY, { variables: { id: caseId }, fetchPolicy: 'no-cache' });
  const requests = data?.case.documentRequests ?? [];
  if (requests.length === 0) return null;
  // One panel per case: on the family's page (several children) the heading names the pupil, and ids stay unique.
  const headingId = `document-requests-heading-${caseId}`;
  return (
    <Paper component="section" aria-labelledby={headingId} sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography id={headingId} variant="h2" sx={{ mb: 1.5 }}>
        {pupilName ? `Gevraagde documenten voor ${pupilName}` : 'Gevraagde documenten'}
      </Typography>
      <Box component="ul" aria-label="Gevraagde documenten" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 2 }}>
        {requests.map((r) => (
          <RequestItem
            key={r.requestId}
            caseId={caseId}
            request={r}
            mayProvide={mayProvide}
            onProvided={() => void refetch()}
          />
        ))}
      </Box>
    </Paper>
  );
}

function RequestItem({ caseId, request, mayProvide, onProvided }: { caseId: string; request: DocumentRequest; mayProvide: boolean; onProvided: () => void }) {
  const status = STATUS[request.status] ?? { label: request.status, color: 'default' as const };
  // Kept here, not in the form: the reloaded request (PROVIDED) no longer shows the form, the thanks stay.
  const [received, setReceived] = useState(false);
  return (
    <Box component="li" data-request-id={request.requestId} aria-label={request.label} sx={{ borderBottom: 1, borderColor: 'divider', pb: 1.5 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body1" component="h3" sx={{ fontWeight: 600 }}>
          {request.label}
        </Typography>
        <Chip size="small" label={status.label} color={status.color} variant={request.status === 'OPEN' ? 'outlined' : 'filled'} />
      </Box>
      {request.description && <Typography variant="body2" sx={{ mt: 0.5 }}>{request.description}</Typography>}
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        {request.status === 'PROVIDED' && request.providedAt
          ? `Aangeleverd op ${formatDutchDateInWords(request.providedAt)}`
          : request.status === 'OPEN'
            ? `Graag uiterlijk ${formatDutchDateInWords(request.dueDate)}`
            : 'Niet meer nodig'}
      </Typography>
      {received && (
        <Alert severity="success" role="status" sx={{ mt: 1 }}>
          Dank u wel: het document is ontvangen.
        </Alert>
      )}
      {request.status === 'OPEN' && mayProvide && !received && (
        <ProvideForm
          caseId={caseId}
          request={request}
          onProvided={() => {
            setReceived(true);
            onProvided();
          }}
        />
      )}
    </Box>
  );
}

/** The upload form checks that a file was chosen; the api checks its content (PDF, PNG or JPEG) and size. */
const provideSchema = z.object({
  file: z.custom<File | null>((v) => typeof File !== 'undefined' && v instanceof File, 'Kies eerst een bestand (een PDF of een foto).'),
});

type ProvideValues = z.infer<typeof provideSchema>;

function ProvideForm({ caseId, request, onProvided }: { caseId: string; request: DocumentRequest; onProvided: () => void }) {
  const problemId = useId();
  const { control, handleSubmit, setError, formState } = useForm<ProvideValues>({ resolver: zodResolver(provideSchema), defaultValues: { file: null } });
  const [attempt, setAttempt] = useState(newClientRequestId);
  const busy = formState.isSubmitting;
  // One message at a time: the missing file, or why the upload failed (the api's Dutch refusal).
  const problem = formState.errors.file?.message ?? formState.errors.root?.message;

  const submit = handleSubmit(async ({ file }) => {
    if (!file) return;
    try {
      await uploadRequestedDocument({ caseId, requestId: request.requestId, file, clientRequestId: attempt });
      onProvided();
    } catch (err: unknown) {
      setError('root', { message: err instanceof Error ? err.message : 'Uploaden mislukt.' });
      setAttempt(newClientRequestId());
    }
  });

  return (
    <Box component="form" onSubmit={(e) => void submit(e)} noValidate aria-label={`Document uploaden: ${request.label}`} sx={{ mt: 1 }}>
      <Stack spacing={1}>
        <Controller
          name="file"
          control={control}
          render={({ field, fieldState }) => (
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
              <Button component="label" variant="outlined" startIcon={<UploadFileIcon />}>
                Bestand kiezen
                <input
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
              <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                {field.value ? field.value.name : 'PDF of foto (PNG, JPEG), maximaal 10 MB'}
              </Typography>
            </Box>
          )}
        />
        {problem && (
          <Alert id={problemId} severity="error" role="alert">
            {problem}
          </Alert>
        )}
        <Box>
          <Button type="submit" variant="contained" disabled={busy}>
            {busy ? 'Bezig met uploaden…' : 'Document uploaden'}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
