import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { formatDutchDateTimeInWords } from '../../shared/dates';
import { ErrorAlert } from '../../shared/error-alert';
import { APPLY_SCHOOL_CALENDAR_MUTATION, LAST_RUNNING_CASES_CALENDAR_RUN_QUERY } from './school-calendar.graphql';

interface Outcome {
  updated: number;
  unchanged: number;
  dueDatesMoved: number;
  failed: { caseId: string; code: string; message: string }[];
}

const cases = (n: number) => (n === 1 ? '1 lopende casus' : `${n} lopende casussen`);
const alreadyCurrent = (n: number) => (n === 0 ? '' : n === 1 ? ' 1 casus rekende al met deze kalender.' : ` ${n} casussen rekenden al met deze kalender.`);

/** What sending the calendar to the running cases did, in Dutch: how many took it, moved, and which did not. */
export function RunningCasesOutcome({ outcome }: { outcome: Outcome }) {
  return (
    <Stack spacing={1}>
      <Alert severity="success" role="status">
        {outcome.updated === 0 && outcome.unchanged === 0 && outcome.failed.length === 0
          ? 'Er waren geen lopende casussen om bij te werken.'
          : `${cases(outcome.updated)} bijgewerkt, waarvan ${outcome.dueDatesMoved} met een verschoven termijn (zie de tijdlijn van de casus).${alreadyCurrent(outcome.unchanged)}`}
      </Alert>
      {outcome.failed.length > 0 && (
        <Alert severity="warning">
          <AlertTitle>{outcome.failed.length === 1 ? '1 casus is niet bijgewerkt' : `${outcome.failed.length} casussen zijn niet bijgewerkt`}</AlertTitle>
          <Box component="ul" aria-label="Niet bijgewerkte casussen" sx={{ m: 0, pl: 2.5 }}>
            {outcome.failed.map((f) => (
              <li key={f.caseId}>
                {f.caseId}: {f.message}
              </li>
            ))}
          </Box>
        </Alert>
      )}
    </Stack>
  );
}

/**
 * Running cases keep the calendar they started with; after days off changed, the zorgcoördinator (or an admin) sends
 * the school's current calendar to its running cases, which recompute their open steps' due dates. Before that the
 * panel shows the last time it was sent (a holiday import or this button) and what it did for this school.
 */
export function RunningCasesCalendarPanel({ schoolId }: { schoolId: string }) {
  const last = useQuery(LAST_RUNNING_CASES_CALENDAR_RUN_QUERY, { variables: { schoolId }, skip: !schoolId });
  const [apply, applying] = useMutation(APPLY_SCHOOL_CALENDAR_MUTATION);
  const outcome = applying.data?.applySchoolCalendarToRunningCases;
  const lastRun = last.data?.lastRunningCasesCalendarRun;
  const run = async () => {
    try {
      await apply({ variables: { schoolId } });
    } catch {
      // Shown from applying.error.
    }
  };
  return (
    <Paper component="section" aria-labelledby="running-cases-calendar-heading" sx={{ p: { xs: 2, sm: 3 } }}>
      <Stack spacing={1.5}>
        <Typography id="running-cases-calendar-heading" variant="h2">
          Lopende casussen
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Nieuwe casussen rekenen meteen met de vrije dagen en vakanties hierboven; lopende casussen houden de kalender waarmee ze begonnen. Pas de kalender toe om de termijnen van hun open stappen opnieuw te berekenen.
        </Typography>
        <Box>
          <Button variant="outlined" disabled={applying.loading} onClick={() => void run()}>
            Kalender toepassen op lopende casussen
          </Button>
        </Box>
        {applying.error && <ErrorAlert error={applying.error} />}
        {outcome && <RunningCasesOutcome outcome={outcome} />}
        {!outcome && lastRun && (
          <Box aria-label="Laatst toegepast" role="region">
            <Typography variant="body2" sx={{ mb: 1 }}>
              Laatst toegepast op {formatDutchDateTimeInWords(lastRun.at)}: {lastRun.reason}.
            </Typography>
            <RunningCasesOutcome outcome={lastRun.result} />
          </Box>
        )}
      </Stack>
    </Paper>
  );
}
