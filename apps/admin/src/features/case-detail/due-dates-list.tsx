import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { type CaseDetailQuery } from '../../gql/graphql';
import { formatDutchDate } from '../../shared/dates';
import { DueDate } from '../../shared/due-date';

type DueDateExplanation = CaseDetailQuery['case']['dueDates'][number];

const PAST_LABEL: Record<DueDateExplanation['state'], string> = { OPEN: '', DONE: 'afgerond', REPLACED: 'vervangen' };

function DueItem({ due, today }: { due: DueDateExplanation; today: string }) {
  return (
    <ListItem disableGutters divider sx={{ display: 'block', py: 1.5 }} data-due-state={due.state}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between' }}>
        <Typography variant="h3" component="h3">
          {due.label}
        </Typography>
        {due.state === 'OPEN' ? (
          <DueDate date={due.date} today={today} inline />
        ) : (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="body2" component="span" sx={{ whiteSpace: 'nowrap' }}>
              <time dateTime={due.date}>{formatDutchDate(due.date)}</time>
            </Typography>
            <Chip size="small" variant="outlined" label={PAST_LABEL[due.state]} />
          </Stack>
        )}
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        {due.explanation}
      </Typography>
    </ListItem>
  );
}

/**
 * "Termijnen": the running due dates of the case, each with a countdown and the api's Dutch explanation of how it was
 * computed; below them, without a countdown, the dates that were met or replaced (e.g. the first zorgplicht term after
 * its extension).
 */
export function DueDatesList({ dueDates, today }: { dueDates: readonly DueDateExplanation[]; today: string }) {
  const sorted = [...dueDates].sort((a, b) => a.date.localeCompare(b.date));
  const open = sorted.filter((d) => d.state === 'OPEN');
  const past = sorted.filter((d) => d.state !== 'OPEN');
  return (
    <Paper component="section" aria-labelledby="due-dates-heading" sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography id="due-dates-heading" variant="h2" sx={{ mb: 1 }}>
        Termijnen
      </Typography>
      {open.length === 0 ? (
        <Typography color="text.secondary">Geen lopende termijnen.</Typography>
      ) : (
        <List disablePadding>
          {open.map((due) => (
            <DueItem key={`${due.step}-${due.date}`} due={due} today={today} />
          ))}
        </List>
      )}
      {past.length > 0 && (
        <>
          <Typography variant="h3" component="h3" sx={{ mt: 2, mb: 0.5 }} color="text.secondary">
            Afgeronde en vervangen termijnen
          </Typography>
          <List disablePadding aria-label="Afgeronde en vervangen termijnen">
            {past.map((due) => (
              <DueItem key={`${due.step}-${due.date}`} due={due} today={today} />
            ))}
          </List>
        </>
      )}
    </Paper>
  );
}
