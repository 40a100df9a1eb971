import { useQuery } from '@apollo/client/react';
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { type CaseSummaryFieldsFragment as CaseSummary } from '../../gql/graphql';
import { formatDutchDate } from '../../shared/dates';
import { DueDate } from '../../shared/due-date';
import { ErrorAlert } from '../../shared/error-alert';
import { usePageTitle } from '../../shared/use-page-title';
import { useToday } from '../../shared/use-today';
import { OOV_ARRANGEMENT_OPTIONS } from '@zorgroute/processes';
import { CatalogueStepDialog, catalogueForms } from '../case-steps/catalogue-step-dialog';
import { OOV_CASE_QUERY, OOV_CASES_QUERY } from './oov-board.graphql';
import { currentPeriod, evaluationsDue, splitOovCases, SWV_DECISION_STEP } from './oov-board-model';

const REASON_LABELS: Record<string, string> = {
  VEILIGHEID: 'Veiligheid',
  SCHOOLANGST: 'Schoolangst',
  OBSERVATIE_ONDERWIJSBEHOEFTE: 'Observatie onderwijsbehoefte',
  GEDRAG_TIJDELIJK_ELDERS: 'Gedrag: tijdelijk elders',
};

function CaseLink({ summary }: { summary: CaseSummary }) {
  return (
    <Link component={RouterLink} to={`/cases/${encodeURIComponent(summary.id)}`}>
      {summary.pupil.displayName}
    </Link>
  );
}

/**
 * One request awaiting the SWV's decision: what the school asks, and the decision — its form and whether the user may
 * take it come from the api with the case (the step catalogue's OOV_SWV_DECISION): a button for the SWV, a status chip
 * for a school's zorgcoördinator who follows the request.
 */
function RequestCard({ summary, today }: { summary: CaseSummary; today: string }) {
  const { data, loading, error } = useQuery(OOV_CASE_QUERY, { variables: { id: summary.id } });
  const [deciding, setDeciding] = useState(false);
  const request = data ? [...data.oovCase.requests].sort((a, b) => b.round - a.round)[0] : undefined;
  const decision = catalogueForms(data?.oovCase.detail.stepForms).find((f) => f.step === SWV_DECISION_STEP) ?? null;
  const headingId = `oov-request-${summary.id}`;
  return (
    <Paper component="article" aria-labelledby={headingId} data-case-id={summary.id} sx={{ p: { xs: 2, sm: 3 } }}>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'flex-start' }}>
        <Box>
          <Typography id={headingId} variant="h3" component="h3">
            <CaseLink summary={summary} />
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {summary.school.name}
          </Typography>
          {summary.nextDueDate && (
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }}>
              <Typography variant="body2" component="span" color="text.secondary">
                Besluit uiterlijk
              </Typography>
              <DueDate date={summary.nextDueDate} today={today} inline />
            </Box>
          )}
        </Box>
        {decision?.mayTake ? (
          <Button variant="contained" onClick={() => setDeciding(true)}>
            Besluit vastleggen
          </Button>
        ) : decision ? (
          <Chip icon={<HourglassEmptyIcon />} label={decision.label} variant="outlined" data-step={decision.step} />
        ) : null}
      </Box>
      {loading && <Skeleton variant="text" aria-label="Aanvraag laden" sx={{ mt: 1 }} />}
      {error && <ErrorAlert error={error} sx={{ mt: 1 }} />}
      {request && (
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '12rem 1fr' }, columnGap: 2, rowGap: 0.5, mt: 1.5, mb: 0, '& dt': { fontWeight: 600 }, '& dd': { m: 0 } }}>
          <dt>Aanvraag</dt>
          <dd>
            {request.extension ? `Verlenging (ronde ${request.round})` : 'Eerste aanvraag'} · ingediend op {formatDutchDate(request.submittedOn)}
          </dd>
          <dt>Arrangement</dt>
          <dd>{request.arrangementLabel}</dd>
          <dt>Reden</dt>
          <dd>{request.reasons.map((r) => REASON_LABELS[r] ?? r).join(', ')}</dd>
          {request.preferredLocation && (
            <>
              <dt>Voorkeurslocatie</dt>
              <dd>{request.preferredLocation}</dd>
            </>
          )}
          <dt>Motivering</dt>
          <dd style={{ whiteSpace: 'pre-wrap' }}>{request.motivation}</dd>
          <dt>Doelen</dt>
          <dd style={{ whiteSpace: 'pre-wrap' }}>{request.goals}</dd>
        </Box>
      )}
      {deciding && decision && (
        <CatalogueStepDialog
          caseId={summary.id}
          schoolId={summary.school.id}
          form={decision}
          refetch={['OovBoardCases', 'OovBoardCase']}
          onClose={() => setDeciding(false)}
          onDone={() => setDeciding(false)}
        />
      )}
    </Paper>
  );
}

/** One row of the placements table: arrangement, location, dates and the evaluations still due. */
function PlacementRow({ summary, today }: { summary: CaseSummary; today: string }) {
  const { data, error } = useQuery(OOV_CASE_QUERY, { variables: { id: summary.id } });
  const period = data ? currentPeriod(data.oovCase) : null;
  const due = data ? evaluationsDue(data.oovCase) : [];
  const decision = data ? [...data.oovCase.decisions].sort((a, b) => b.round - a.round)[0] : undefined;
  const granted = decision?.decision === 'TOEGEKEND' ? decision : undefined;
  return (
    <TableRow data-case-id={summary.id}>
      <TableCell component="th" scope="row">
        <CaseLink summary={summary} />
        <Typography variant="body2" color="text.secondary">
          {summary.school.name}
        </Typography>
      </TableCell>
      <TableCell>{summary.statusLabel}</TableCell>
      {error ? (
        <TableCell colSpan={4}>De gegevens konden niet worden geladen.</TableCell>
      ) : !data ? (
        <TableCell colSpan={4}>
          <Skeleton variant="text" aria-label="Laden" />
        </TableCell>
      ) : !period && granted ? (
        <>
          <TableCell>{OOV_ARRANGEMENT_OPTIONS.find((a) => a.value === granted.arrangement)?.label ?? granted.arrangement}</TableCell>
          <TableCell>{granted.location}</TableCell>
          <TableCell colSpan={2}>Toegekend op {formatDutchDate(granted.decidedOn)}; de periode begint na de intake</TableCell>
        </>
      ) : !period ? (
        <TableCell colSpan={4}>Nog niet geplaatst</TableCell>
      ) : (
        <>
          <TableCell>{period.arrangementLabel}</TableCell>
          <TableCell>{period.location}</TableCell>
          <TableCell>
            {formatDutchDate(period.startDate)} – <DueDate date={period.endDate} today={today} inline />
          </TableCell>
          <TableCell>
            {due.length === 0 ? (
              'Geen'
            ) : (
              <Box component="ul" sx={{ m: 0, pl: 2 }}>
                {due.map((d) => (
                  <li key={d.kind}>
                    {d.label}: <DueDate date={d.date} today={today} inline />
                  </li>
                ))}
              </Box>
            )}
          </TableCell>
        </>
      )}
    </TableRow>
  );
}

/** SWV: OOV requests awaiting the SWV's decision, and the current placements (issue 6, P5). */
export function OovBoardPage() {
  usePageTitle('OOV-aanvragen en plaatsingen');
  const today = useToday();
  const { data, loading, error } = useQuery(OOV_CASES_QUERY, { fetchPolicy: 'cache-and-network' });
  const { awaiting, other } = splitOovCases(data?.cases ?? []);

  return (
    <Stack spacing={3}>
      <div>
        <Typography variant="h1">OOV-aanvragen en plaatsingen</Typography>
        <Typography color="text.secondary">
          Aanvragen voor een onderwijsopvangvoorziening die op het besluit van het samenwerkingsverband wachten, en de lopende plaatsingen.
        </Typography>
      </div>
      {loading && !data && <LinearProgress aria-label="Laden" />}
      {error && <ErrorAlert error={error} />}

      <Stack component="section" aria-labelledby="oov-awaiting-heading" spacing={2}>
        <Typography id="oov-awaiting-heading" variant="h2">
          Wachten op besluit ({awaiting.length})
        </Typography>
        {awaiting.length === 0 && !loading && <Alert severity="info">Er wacht geen OOV-aanvraag op een besluit.</Alert>}
        {awaiting.map((c) => (
          <RequestCard key={c.id} summary={c} today={today} />
        ))}
      </Stack>

      <Paper component="section" aria-labelledby="oov-placements-heading" sx={{ p: { xs: 2, sm: 3 } }}>
        <Typography id="oov-placements-heading" variant="h2" sx={{ mb: 1.5 }}>
          Lopende OOV-trajecten ({other.length})
        </Typography>
        {other.length === 0 ? (
          <Typography color="text.secondary">Er lopen geen andere OOV-trajecten.</Typography>
        ) : (
          <TableContainer>
            <Table size="small" aria-labelledby="oov-placements-heading">
              <TableHead>
                <TableRow>
                  <TableCell>Leerling</TableCell>
                  <TableCell>Status</TableCell>
                  <TableCell>Arrangement</TableCell>
                  <TableCell>Locatie</TableCell>
                  <TableCell>Periode (einddatum)</TableCell>
                  <TableCell>Evaluaties te doen</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {other.map((c) => (
                  <PlacementRow key={c.id} summary={c} today={today} />
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
        <Box sx={{ mt: 1 }}>
          <Chip size="small" variant="outlined" label="Notities van de school zijn niet zichtbaar voor het samenwerkingsverband" />
        </Box>
      </Paper>
    </Stack>
  );
}
