import { useQuery } from '@apollo/client/react';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useAuth } from '../../app/auth/auth-context';
import { formatDutchDateTime } from '../../shared/dates';
import { DueDate } from '../../shared/due-date';
import { ErrorAlert } from '../../shared/error-alert';
import { errorCodes, errorMessage } from '../../shared/graphql-error';
import { processLabel } from '../../shared/labels';
import { usePageTitle } from '../../shared/use-page-title';
import { useToday } from '../../shared/use-today';
import { CaseTimeline } from '../case-detail/case-timeline';
import { ADMIN_ACTIONS, AdminActionDialog, adminActionUnavailable, type AdminActionSpec } from './admin-action-dialog';
import { STUCK_CASES_QUERY, type StuckCase } from './stuck-cases.graphql';

function StuckCaseCard({ item, today, isAdmin, onAction }: { item: StuckCase; today: string; isAdmin: boolean; onAction(spec: AdminActionSpec): void }) {
  const { summary } = item;
  const headingId = `stuck-${summary.id}`;
  return (
    <Paper component="article" aria-labelledby={headingId} data-case-id={summary.id} sx={{ p: { xs: 2, sm: 3 } }}>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start', justifyContent: 'space-between' }}>
        <Box>
          <Typography id={headingId} variant="h2" component="h2">
            <Link component={RouterLink} to={`/cases/${encodeURIComponent(summary.id)}`}>
              {summary.pupil.displayName}
            </Link>
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {processLabel(summary.process)} · {summary.statusLabel} · {summary.school.name}
            {summary.ownerName ? ` · bij ${summary.ownerName}` : ''}
          </Typography>
        </Box>
        {summary.temporalUrl && (
          <Button size="small" href={summary.temporalUrl} target="_blank" rel="noopener noreferrer" endIcon={<OpenInNewIcon />}>
            Workflow in Temporal
          </Button>
        )}
      </Box>
      <Alert severity="error" variant="outlined" sx={{ my: 1.5 }} icon={false}>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Chip size="small" color="error" label={item.reasonLabel} />
          {item.since && <span>sinds {formatDutchDateTime(item.since)}</span>}
          {summary.nextDueDate && (
            <span>
              · termijn <DueDate date={summary.nextDueDate} today={today} />
            </span>
          )}
        </Box>
        {item.lastError && (
          <Typography variant="body2" sx={{ mt: 1, fontFamily: 'monospace', wordBreak: 'break-word' }}>
            Laatste fout: {item.lastError}
          </Typography>
        )}
      </Alert>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        {ADMIN_ACTIONS.filter((spec) => isAdmin || !spec.adminOnly).map((spec) => {
          const unavailable = adminActionUnavailable(spec, summary.process);
          const noteId = `${headingId}-${spec.mutation}-note`;
          return (
            <Button
              key={spec.mutation}
              variant="outlined"
              color={spec.mutation === 'adminCloseCase' ? 'error' : 'primary'}
              disabled={!!unavailable}
              aria-describedby={unavailable ? noteId : undefined}
              onClick={() => onAction(spec)}
            >
              {spec.title}
            </Button>
          );
        })}
        <Button component={RouterLink} to={`/cases/${encodeURIComponent(summary.id)}`} variant="outlined">
          Besluit namens iemand vastleggen
        </Button>
      </Box>
      {ADMIN_ACTIONS.filter((spec) => isAdmin || !spec.adminOnly).map((spec) => {
        const unavailable = adminActionUnavailable(spec, summary.process);
        return unavailable ? (
          <Typography key={spec.mutation} id={`${headingId}-${spec.mutation}-note`} variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {spec.title}: {unavailable}
          </Typography>
        ) : null;
      })}
      <Accordion disableGutters sx={{ mt: 2, boxShadow: 'none', border: 1, borderColor: 'divider' }}>
        <AccordionSummary aria-controls={`${headingId}-history`}>Geschiedenis ({item.history.length})</AccordionSummary>
        <AccordionDetails id={`${headingId}-history`}>
          <CaseTimeline entries={item.history} />
        </AccordionDetails>
      </Accordion>
    </Paper>
  );
}

/** Admin and zorgcoördinator: every stuck case with its reason, history and the allowed actions. */
export function StuckCasesPage() {
  usePageTitle('Vastgelopen casussen');
  const today = useToday();
  const { session } = useAuth();
  const isAdmin = session?.user.role === 'ADMIN';
  const { data, loading, error } = useQuery(STUCK_CASES_QUERY, { variables: { schoolId: null } });
  const [action, setAction] = useState<{ spec: AdminActionSpec; item: StuckCase } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const items = data?.stuckCases ?? [];
  // While the backend does not serve stuckCases yet the query fails validation.
  const unavailable = !!error && (errorCodes(error).includes('GRAPHQL_VALIDATION_FAILED') || /stuckCases/.test(errorMessage(error)));

  return (
    <Stack spacing={3}>
      <Box>
        <Typography variant="h1">Vastgelopen casussen</Typography>
        <Typography color="text.secondary">
          Casussen die niet verder kunnen: een verlopen stap, een mislukte automatische stap, een verlopen toestemming. Elke
          actie vraagt een reden en komt in het auditlog.
        </Typography>
      </Box>
      {done && (
        <Alert severity="success" onClose={() => setDone(null)} role="status">
          {done}
        </Alert>
      )}
      {loading && <LinearProgress aria-label="Vastgelopen casussen laden" />}
      {unavailable ? <Alert severity="info">Deze functie is nog niet beschikbaar op de server.</Alert> : error && <ErrorAlert error={error} />}
      {!loading && !error && items.length === 0 && <Alert severity="success">Er zijn geen vastgelopen casussen.</Alert>}
      {items.map((item) => (
        <StuckCaseCard key={item.summary.id} item={item} today={today} isAdmin={isAdmin} onAction={(spec) => setAction({ spec, item })} />
      ))}
      {action && (
        <AdminActionDialog
          spec={action.spec}
          caseId={action.item.summary.id}
          schoolId={action.item.summary.school.id}
          today={today}
          onClose={() => setAction(null)}
          onDone={() => {
            setDone(`${action.spec.title}: uitgevoerd voor ${action.item.summary.pupil.displayName}.`);
            setAction(null);
          }}
        />
      )}
    </Stack>
  );
}
