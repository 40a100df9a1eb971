import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { type CaseSummaryFieldsFragment as CaseSummary } from '../../gql/graphql';
import { formatDutchDateTime } from '../../shared/dates';
import { DueDate } from '../../shared/due-date';
import { processLabel } from '../../shared/labels';
import { PupilLeftBanner } from '../../shared/pupil-left';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Typography component="dt" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, fontWeight: 500 }}>
        {children}
      </Typography>
    </Box>
  );
}

export interface CaseHeaderProps {
  summary: CaseSummary;
  policyVersion: string | null;
  today: string;
  /** Actions on the pupil (e.g. downloading the dossier), shown under the pupil's name. */
  pupilActions?: ReactNode;
}

export function CaseHeader({ summary, policyVersion, today, pupilActions }: CaseHeaderProps) {
  const { pupil } = summary;
  return (
    <Paper sx={{ p: { xs: 2, sm: 3 } }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Box>
          <Typography variant="overline" color="text.secondary" component="p" sx={{ lineHeight: 1.5 }}>
            {processLabel(summary.process)}
          </Typography>
          <Typography variant="h1">
            <Link component={RouterLink} to={`/pupils/${encodeURIComponent(pupil.id)}`} color="inherit" underline="hover">
              {pupil.displayName}
            </Link>
          </Typography>
          <Typography color="text.secondary">
            {[pupil.className && `Klas ${pupil.className}`, summary.school.name, pupil.mentorName && `mentor ${pupil.mentorName}`]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
          {pupilActions && <Box sx={{ mt: 1.5 }}>{pupilActions}</Box>}
        </Box>
        {/* Only platform administrators get the link (the api answers null for every other role). */}
        {summary.temporalUrl && (
          <Button
            component="a"
            href={summary.temporalUrl}
            target="_blank"
            rel="noopener noreferrer"
            variant="outlined"
            endIcon={<OpenInNewIcon aria-hidden />}
          >
            Bekijk in Temporal
            <Box component="span" sx={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
              (opent in een nieuw venster)
            </Box>
          </Button>
        )}
      </Box>

      {pupil.leftAt && (
        <Box sx={{ mt: 2 }}>
          <PupilLeftBanner leftAt={pupil.leftAt} />
        </Box>
      )}

      <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 2, flexWrap: 'wrap' }}>
        <Chip label={`Status: ${summary.statusLabel}`} color="primary" data-testid="case-status" />
        {summary.closedAt && <Chip label="Afgesloten" variant="outlined" />}
        {summary.outcome && <Chip label={`Uitkomst: ${summary.outcome}`} variant="outlined" />}
      </Stack>

      <Box
        component="dl"
        sx={{ m: 0, mt: 2, display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fit, minmax(170px, 1fr))' }}
      >
        <Fact label="Wacht op">{summary.waitingForLabel ?? summary.waitingFor ?? '—'}</Fact>
        <Fact label="Eigenaar">{summary.ownerName ?? '—'}</Fact>
        <Fact label="Volgende deadline">
          {summary.closedAt ? '—' : <DueDate date={summary.nextDueDate} today={today} inline />}
        </Fact>
        <Fact label="Gestart">{formatDutchDateTime(summary.startedAt)}</Fact>
        <Fact label="Laatst bijgewerkt">{formatDutchDateTime(summary.updatedAt)}</Fact>
        {summary.closedAt && <Fact label="Afgesloten">{formatDutchDateTime(summary.closedAt)}</Fact>}
        <Fact label="Beleidsversie">{policyVersion ?? '—'}</Fact>
      </Box>
    </Paper>
  );
}
