import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { formatDutchDate } from '../../shared/dates';
import { type ClockTone, clockGeometry, timelineAxis } from './clock-geometry';
import { type ZorgplichtClock } from './zorgplicht.graphql';

const TONE: Record<ClockTone, { bar: string; text: string; label: string | null }> = {
  overdue: { bar: '#b3261e', text: '#8c1d18', label: 'Termijn verlopen' },
  tenWeeks: { bar: '#8a4b00', text: '#6b3a00', label: '10 weken voorbij' },
  lastWeek: { bar: '#b26a00', text: '#7a4800', label: 'Laatste week' },
  ok: { bar: '#1b5e94', text: '#154a75', label: null },
};

export function ClockRow({ clock, today, axis }: { clock: ZorgplichtClock; today: string; axis: ReturnType<typeof timelineAxis> }) {
  const g = clockGeometry(clock, today, axis);
  const tone = TONE[g.tone];
  const description =
    `${clock.pupil.displayName}, ${clock.school.name}: ontvangen ${formatDutchDate(clock.receivedOn)}, ` +
    `besluit uiterlijk ${formatDutchDate(clock.dueDate)}${clock.extensionUsed ? ` (verlengd met ${clock.extensionWeeks ?? '?'} weken)` : ''}, ${g.daysLabel}.`;
  return (
    <Box
      component="li"
      data-case-id={clock.caseId}
      data-tone={g.tone}
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', md: '240px 1fr 150px' },
        gap: { xs: 0.5, md: 2 },
        alignItems: 'center',
        py: 1.25,
        px: 1,
        borderBottom: 1,
        borderColor: 'divider',
        bgcolor: g.tone === 'overdue' ? 'rgba(179,38,30,0.06)' : g.tone === 'tenWeeks' ? 'rgba(138,75,0,0.06)' : undefined,
      }}
    >
      <Box>
        <Typography variant="body2" sx={{ fontWeight: 700 }}>
          {clock.pupil.displayName}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {clock.school.name} · {clock.statusLabel}
        </Typography>
      </Box>
      <Tooltip title={clock.dueExplanation} describeChild>
        <Box role="img" aria-label={description} sx={{ position: 'relative', height: 28 }}>
          <Box sx={{ position: 'absolute', inset: '12px 0', bgcolor: 'action.hover', borderRadius: 1 }} />
          <Box data-part="term" sx={{ position: 'absolute', top: 6, height: 16, left: `${g.term.left}%`, width: `${g.term.width}%`, bgcolor: tone.bar, borderRadius: '4px 0 0 4px' }} />
          {g.extension && (
            <Box
              data-part="extension"
              sx={{
                position: 'absolute',
                top: 6,
                height: 16,
                left: `${g.extension.left}%`,
                width: `${g.extension.width}%`,
                backgroundImage: `repeating-linear-gradient(45deg, ${tone.bar} 0 6px, transparent 6px 10px)`,
                border: `2px solid ${tone.bar}`,
                borderRadius: '0 4px 4px 0',
              }}
            />
          )}
          {g.overdue && (
            <Box data-part="overdue" sx={{ position: 'absolute', top: 10, height: 8, left: `${g.overdue.left}%`, width: `${g.overdue.width}%`, bgcolor: '#b3261e', opacity: 0.45 }} />
          )}
          <Box data-part="ten-weeks" sx={{ position: 'absolute', top: 0, bottom: 0, left: `${g.tenWeeks}%`, borderLeft: '2px dotted #6b3a00' }} />
          <Box data-part="today" sx={{ position: 'absolute', top: -2, bottom: -2, left: `${g.today}%`, width: 2, bgcolor: 'text.primary' }} />
        </Box>
      </Tooltip>
      <Box sx={{ textAlign: { md: 'right' } }}>
        <Typography variant="body2" sx={{ fontWeight: 700, color: tone.text }} data-testid="days-remaining">
          {g.daysLabel}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="div">
          uiterlijk {formatDutchDate(clock.dueDate)}
        </Typography>
        {(tone.label || clock.extensionUsed) && (
          <Box sx={{ display: 'flex', gap: 0.5, justifyContent: { md: 'flex-end' }, flexWrap: 'wrap', mt: 0.5 }}>
            {/* The darker tone: white chip text needs a contrast of 4.5:1 (axe color-contrast; #b26a00 gave 4.2). */}
            {tone.label && <Chip size="small" label={tone.label} sx={{ bgcolor: tone.text, color: '#fff' }} />}
            {clock.extensionUsed && <Chip size="small" variant="outlined" label="Verlengd" />}
          </Box>
        )}
      </Box>
    </Box>
  );
}

/** Every clock as a bar on one date axis, with a legend. */
export function ClockTimeline({ clocks, today }: { clocks: readonly ZorgplichtClock[]; today: string }) {
  if (clocks.length === 0) return <Typography color="text.secondary">Geen open zorgplichttermijnen met deze filters.</Typography>;
  const axis = timelineAxis(clocks, today);
  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 1, color: 'text.secondary', fontSize: 13 }} aria-label="Legenda">
        <span>
          <Box component="span" sx={{ display: 'inline-block', width: 18, height: 10, bgcolor: '#1b5e94', mr: 0.5 }} />
          Termijn vanaf ontvangst
        </span>
        <span>
          <Box component="span" sx={{ display: 'inline-block', width: 18, height: 10, border: '2px solid #1b5e94', backgroundImage: 'repeating-linear-gradient(45deg, #1b5e94 0 4px, transparent 4px 7px)', mr: 0.5 }} />
          Verlenging
        </span>
        <span>
          <Box component="span" sx={{ display: 'inline-block', width: 2, height: 12, bgcolor: 'text.primary', mr: 0.5 }} />
          Vandaag ({formatDutchDate(today)})
        </span>
        <span>
          <Box component="span" sx={{ display: 'inline-block', width: 0, height: 12, borderLeft: '2px dotted #6b3a00', mr: 0.5 }} />
          10 weken na ontvangst
        </span>
      </Box>
      <Box sx={{ display: { xs: 'none', md: 'grid' }, gridTemplateColumns: '240px 1fr 150px', gap: 2, px: 1, color: 'text.secondary', fontSize: 12 }} aria-hidden>
        <span />
        <Box sx={{ display: 'flex', justifyContent: 'space-between' }}>
          <span>{formatDutchDate(axis.start)}</span>
          <span>{formatDutchDate(axis.end)}</span>
        </Box>
        <span />
      </Box>
      <Box component="ul" aria-label="Zorgplichttermijnen" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {clocks.map((clock) => (
          <ClockRow key={clock.caseId} clock={clock} today={today} axis={axis} />
        ))}
      </Box>
    </Box>
  );
}
