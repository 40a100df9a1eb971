import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { type CaseSummaryFieldsFragment as CaseSummary } from '../../gql/graphql';
import { DueDate } from '../../shared/due-date';
import { processLabel } from '../../shared/labels';
import { ThermometerChart } from '../../shared/thermometer-chart';
import { CatalogueStepDialog, catalogueForms } from '../case-steps/catalogue-step-dialog';
import { familyWords, hasGoalAndThermometer } from './family-words';
import { CASE_PROGRESS_QUERY } from './my-cases.graphql';

/** The step a mentor/coach/JOS worker uses to log a session, when the case is active. */
export function sessionStepOf(summary: Pick<CaseSummary, 'process' | 'status' | 'closedAt'>): string | null {
  if (summary.closedAt || summary.status !== 'ACTIEF') return null;
  if (summary.process === 'ONDERSTEUNINGSTRAJECT') return 'LOG_SESSION';
  if (summary.process === 'JOS') return 'LOG_CONTACT';
  return null;
}

/**
 * A case with the pupil's goal and the thermometer chart (for the processes that have them); staff can log a session
 * from here. The family sees no internal status chip (issue 17.6): the card is under "Lopende begeleiding".
 */
export function CaseProgressCard({ summary, today, staff, isPupil = false }: { summary: CaseSummary; today: string; staff: boolean; isPupil?: boolean }) {
  const progress = hasGoalAndThermometer(summary.process);
  const { data } = useQuery(CASE_PROGRESS_QUERY, { variables: { id: summary.id }, skip: !progress });
  const [logging, setLogging] = useState(false);
  const headingId = `progress-${summary.id}`;
  const detail = data?.case;
  // Only who may take the step gets its button (issue 17.3: a mentor is not offered "Contact vastleggen" on JOS): the
  // form and whether the user may take it are the api's (the step catalogue), as on the case page.
  const sessionStep = staff ? sessionStepOf(summary) : null;
  const form = sessionStep ? (catalogueForms(detail?.stepForms).find((f) => f.step === sessionStep && f.mayTake) ?? null) : null;

  return (
    <Paper component="article" aria-labelledby={headingId} data-case-id={summary.id} sx={{ p: { xs: 2, sm: 3 } }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap', mb: 1 }}>
        <Box>
          <Typography id={headingId} variant="h3" component="h3">
            {staff ? (
              <Link component={RouterLink} to={`/cases/${encodeURIComponent(summary.id)}`}>
                {summary.pupil.displayName}
              </Link>
            ) : (
              `${processLabel(summary.process)} van ${summary.pupil.displayName}`
            )}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {staff ? `${processLabel(summary.process)} · ` : ''}
            {summary.pupil.className ? `klas ${summary.pupil.className} · ` : ''}
            {detail?.coachName ? `coach ${detail.coachName}` : summary.ownerName ? `bij ${summary.ownerName}` : ''}
          </Typography>
        </Box>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          {staff && <Chip label={summary.statusLabel} color="primary" variant="outlined" />}
          {staff && summary.nextDueDate && <DueDate date={summary.nextDueDate} today={today} />}
        </Box>
      </Box>
      {staff && summary.waitingForLabel && (
        <Typography variant="body2" sx={{ mb: 1 }}>
          Volgende stap: <strong>{summary.waitingForLabel}</strong>
        </Typography>
      )}
      {progress ? (
        <>
          <Typography sx={{ mb: 1 }} data-testid="pupil-goal">
            {detail?.goal ? (
              <>
                Doel: <strong>{detail.goal}</strong>
              </>
            ) : (
              <span>Nog geen doel vastgelegd.</span>
            )}
          </Typography>
          {detail && <ThermometerChart sessions={detail.sessions} height={200} />}
        </>
      ) : (
        !staff && <Typography color="text.secondary">{familyWords(isPupil).otherProcess}</Typography>
      )}
      {form && (
        <Box sx={{ mt: 1.5 }}>
          <Button variant="contained" onClick={() => setLogging(true)}>
            {form.title}
          </Button>
        </Box>
      )}
      {logging && form && (
        <CatalogueStepDialog
          caseId={summary.id}
          schoolId={summary.school.id}
          form={form}
          refetch={['CaseProgress']}
          onClose={() => setLogging(false)}
          onDone={() => setLogging(false)}
        />
      )}
    </Paper>
  );
}
