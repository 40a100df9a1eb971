import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { formatDutchDateInWords } from '../../shared/dates';
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

function AddNoteForm({ caseId }: { caseId: string }) {
  const today = useToday();
  const [notedOn, setNotedOn] = useState(today);
  const [text, setText] = useState('');
  const [audiences, setAudiences] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(newClientRequestId);
  const [problem, setProblem] = useState<string | null>(null);
  const [add, { loading }] = useMutation(ADD_CASE_NOTE_MUTATION, { refetchQueries: [{ query: CASE_NOTES_QUERY, variables: { caseId } }], awaitRefetchQueries: true });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setProblem('Schrijf eerst een notitie.');
      return;
    }
    setProblem(null);
    add({ variables: { input: { caseId, notedOn, text, audiences, clientRequestId: attempt } } })
      .then(() => {
        setText('');
        setAudiences([]);
        setAttempt(newClientRequestId());
      })
      .catch((err: unknown) => {
        setProblem(errorMessage(err));
        setAttempt(newClientRequestId());
      });
  };

  return (
    <Box component="form" onSubmit={submit} aria-label="Notitie toevoegen" sx={{ mb: 2 }}>
      <Stack spacing={1.5}>
        <TextField
          label="Notitie"
          multiline
          minRows={2}
          size="small"
          value={text}
          onChange={(e) => setText(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 2000 } }}
          helperText="Bijvoorbeeld een telefoongesprek of een bericht van de GGD. Wordt nooit gemaild."
        />
        <TextField
          label="Datum"
          type="date"
          size="small"
          value={notedOn}
          onChange={(e) => setNotedOn(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today } }}
          sx={{ maxWidth: 220 }}
        />
        <AudienceCheckboxes value={audiences} onChange={setAudiences} />
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
