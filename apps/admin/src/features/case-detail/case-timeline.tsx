import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { type CaseDetailQuery } from '../../gql/graphql';
import { formatDutchDateTime } from '../../shared/dates';

type TimelineEntry = CaseDetailQuery['case']['timeline'][number];
/** A timeline entry; the reason given with a decision or admin action is asked only where it is shown (the case page). */
type TimelineItem = Omit<TimelineEntry, 'reason'> & Partial<Pick<TimelineEntry, 'reason'>>;

/** The case history, oldest first: when, who and what. */

export function CaseTimeline({ entries }: { entries: readonly TimelineItem[] }) {
  const sorted = [...entries].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Paper component="section" aria-labelledby="timeline-heading" sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography id="timeline-heading" variant="h2" sx={{ mb: 2 }}>
        Tijdlijn
      </Typography>
      {sorted.length === 0 ? (
        <Typography color="text.secondary">Nog geen gebeurtenissen.</Typography>
      ) : (
        <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {sorted.map((entry, index) => (
            <Box
              component="li"
              key={entry.id}
              sx={{ display: 'grid', gridTemplateColumns: '20px 1fr', columnGap: 1.5, position: 'relative', pb: 2 }}
            >
              <Box aria-hidden sx={{ position: 'relative', display: 'flex', justifyContent: 'center' }}>
                <Box sx={{ width: 12, height: 12, mt: 0.75, borderRadius: '50%', bgcolor: 'primary.main', zIndex: 1 }} />
                {index < sorted.length - 1 && (
                  <Box sx={{ position: 'absolute', top: 18, bottom: -6, width: 2, bgcolor: 'divider' }} />
                )}
              </Box>
              <Box>
                <Typography variant="caption" color="text.secondary" component="div">
                  <time dateTime={entry.at}>{formatDutchDateTime(entry.at)}</time>
                  {entry.actorName ? ` · ${entry.actorName}` : ' · systeem'}
                </Typography>
                <Typography variant="body2">{entry.description}</Typography>
                {entry.reason && entry.reason !== entry.description && (
                  <Typography variant="body2" color="text.secondary">
                    Reden: {entry.reason}
                  </Typography>
                )}
              </Box>
            </Box>
          ))}
        </Box>
      )}
    </Paper>
  );
}
