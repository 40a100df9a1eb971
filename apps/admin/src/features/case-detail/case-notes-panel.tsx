import { useMutation, useQuery } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { formatDutchDateInWords } from '../../shared/dates';
import { FormTextField } from '../../shared/form-text-field';
import { errorMessage } from '../../shared/graphql-error';
import { useToday } from '../../shared/use-today';
import { AudienceCheckboxes, AudienceChips } from './audience-chips';
import { ADD_CASE_NOTE_MUTATION, CASE_NOTES_QUERY } from './case.graphql';
import { newClientRequestId } from './upload-document';

const listSx = { listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1.5 } as const;

/**
 * The case logboek: short dated notes between steps (a phone call, a message from the GGD), each with who may read it.
 * The school's staff write them; the family and the SWV read the notes shared with them. Never sent by e-mail.
 */
export function CaseNotesPanel({ caseId, mayWrite }: { caseId: string; mayWrite: boolean }) {
  const { data, error } = useQuery(CASE_NOTES_QUERY, { variables: { caseId } });
  const notes = data?.caseNotes ?? [];
  return (
    <Paper component="section" aria-labelledby="notes-heading" sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography id="notes-heading" variant="h2" sx={{ mb: 1.5 }}>
        Logboek
      </Typography>
      {error && <Typography color="text.secondary">Het logboek is voor jou niet beschikbaar.</Typography>}
      {mayWrite && !error && <AddNoteForm caseId={caseId} />}
      {!error && notes.length === 0 ? (
        <Typography color="text.secondary">Nog geen notities.</Typography>
      ) : (
        <Box component="ul" sx={listSx} aria-label="Notities">
          {notes.map((n) => (
            <Box component="li" key={n.id}>
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {formatDutchDateInWords(n.notedOn)}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {n.authorName}
                </Typography>
                <AudienceChips audiences={n.audiences} />
              </Box>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                {n.text}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
    </Paper>
  );
}

const NOTE_MAX = 2000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A note: some text (at most 2000 characters), a day not after today, and whom besides the school it is shared with. */
export function caseNoteSchema(today: string) {
  return z.object({
    text: z
      .string()
      .refine((t) => t.trim().length > 0, 'Schrijf eerst een notitie.')
      .refine((t) => t.length <= NOTE_MAX, `De notitie mag hoogstens ${NOTE_MAX} tekens lang zijn.`),
    notedOn: z
      .string()
      .regex(DATE, 'Kies de datum van de notitie.')
      .refine((d) => !DATE.test(d) || d <= today, 'De datum mag niet in de toekomst liggen.'),
    audiences: z.array(z.string()),
  });
}

type CaseNoteValues = z.infer<ReturnType<typeof caseNoteSchema>>;

function AddNoteForm({ caseId }: { caseId: string }) {
  const today = useToday();
  const schema = useMemo(() => caseNoteSchema(today), [today]);
  const { control, handleSubmit, reset, setError, formState } = useForm<CaseNoteValues>({ resolver: zodResolver(schema), defaultValues: { text: '', notedOn: today, audiences: [] } });
  const [attempt, setAttempt] = useState(newClientRequestId);
  const [add, { loading }] = useMutation(ADD_CASE_NOTE_MUTATION, { refetchQueries: [{ query: CASE_NOTES_QUERY, variables: { caseId } }], awaitRefetchQueries: true });
  // Why the api refused the note (its Dutch message); the fields' own problems are their descriptions.
  const problem = formState.errors.root?.message;

  const submit = handleSubmit(async ({ text, notedOn, audiences }) => {
    try {
      await add({ variables: { input: { caseId, notedOn, text, audiences, clientRequestId: attempt } } });
      // The next note is likely about the same day.
      reset({ text: '', notedOn, audiences: [] });
    } catch (err: unknown) {
      setError('root', { message: errorMessage(err) });
    }
    setAttempt(newClientRequestId());
  });

  return (
    <Box component="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Notitie toevoegen" sx={{ mb: 2 }}>
      <Stack spacing={1.5}>
        <FormTextField
          name="text"
          control={control}
          label="Notitie"
          multiline
          minRows={2}
          size="small"
          slotProps={{ htmlInput: { maxLength: NOTE_MAX } }}
          helperText="Bijvoorbeeld een telefoongesprek of een bericht van de GGD. Wordt nooit gemaild."
        />
        <FormTextField
          name="notedOn"
          control={control}
          label="Datum"
          type="date"
          size="small"
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today } }}
          sx={{ maxWidth: 220 }}
        />
        <Controller name="audiences" control={control} render={({ field }) => <AudienceCheckboxes value={field.value} onChange={field.onChange} />} />
        {problem && (
          <Alert severity="error" role="alert">
            {problem}
          </Alert>
        )}
        <Box>
          <Button type="submit" variant="contained" size="small" disabled={loading}>
            Notitie opslaan
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
