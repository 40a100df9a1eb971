import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { type DueDateExplanation } from '../../shared/api-types';
import { DueDate } from '../../shared/due-date';

/** Every due date of the case with the API's Dutch explanation of how it was computed. */
export function DueDatesList({ dueDates, today }: { dueDates: readonly DueDateExplanation[]; today: string }) {
  const sorted = [...dueDates].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <Paper component="section" aria-labelledby="due-dates-heading" sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography id="due-dates-heading" variant="h2" sx={{ mb: 1 }}>
        Deadlines
      </Typography>
      {sorted.length === 0 ? (
        <Typography color="text.secondary">Geen openstaande deadlines.</Typography>
      ) : (
        <List disablePadding>
          {sorted.map((due) => (
            <ListItem key={`${due.step}-${due.date}`} disableGutters divider sx={{ display: 'block', py: 1.5 }}>
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between' }}>
                <Typography variant="h3" component="h3">
                  {due.label}
                </Typography>
                <DueDate date={due.date} today={today} inline />
              </Stack>
              <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                {due.explanation}
              </Typography>
            </ListItem>
          ))}
        </List>
      )}
    </Paper>
  );
}
