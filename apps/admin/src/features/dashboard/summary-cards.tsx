import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { type CaseMetrics } from './case-metrics';

interface CardSpec {
  key: keyof CaseMetrics;
  label: string;
  hint: string;
  tone: 'neutral' | 'warning' | 'error';
}

const CARDS: CardSpec[] = [
  { key: 'open', label: 'Open casussen', hint: 'lopende processen', tone: 'neutral' },
  { key: 'dueThisWeek', label: 'Deze week verlopend', hint: 'deadline binnen 7 dagen', tone: 'warning' },
  { key: 'overdue', label: 'Te laat', hint: 'deadline verstreken', tone: 'error' },
  { key: 'waitingForConsent', label: 'Wacht op toestemming', hint: 'antwoord van ouders of leerling', tone: 'warning' },
  { key: 'stuck', label: 'Vastgelopen', hint: 'vraagt actie', tone: 'error' },
];

const TONE_COLOR = { neutral: 'primary.main', warning: 'warning.main', error: 'error.main' } as const;

export function SummaryCards({ metrics }: { metrics: CaseMetrics }) {
  return (
    <Box
      component="ul"
      aria-label="Samenvatting"
      sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))' }}
    >
      {CARDS.map((card) => {
        const value = metrics[card.key];
        const highlighted = card.tone !== 'neutral' && value > 0;
        return (
          <Paper
            component="li"
            key={card.key}
            sx={{ p: 2, borderLeft: 4, borderLeftColor: highlighted ? TONE_COLOR[card.tone] : 'divider' }}
          >
            <Typography variant="body2" color="text.secondary" component="div">
              {card.label}
            </Typography>
            <Typography
              component="div"
              sx={{ fontSize: '2rem', fontWeight: 700, lineHeight: 1.2, color: highlighted ? TONE_COLOR[card.tone] : 'text.primary' }}
              data-testid={`metric-${card.key}`}
            >
              {value}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="div">
              {card.hint}
            </Typography>
          </Paper>
        );
      })}
    </Box>
  );
}
