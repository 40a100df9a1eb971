import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { formatDutchDate, relativeDue } from './dates';

export interface DueDateProps {
  /** YYYY-MM-DD */
  date: string | null | undefined;
  /** Today in Amsterdam, YYYY-MM-DD. */
  today: string;
  /** Show the date and badge side by side instead of stacked. */
  inline?: boolean;
}

const CHIP_PROPS = {
  overdue: { color: 'error', variant: 'filled' },
  today: { color: 'warning', variant: 'filled' },
  soon: { color: 'warning', variant: 'outlined' },
  later: { color: 'default', variant: 'outlined' },
} as const;

/** A due date in Dutch with a relative badge ("over 3 dagen", red "2 dagen te laat"). */
export function DueDate({ date, today, inline = false }: DueDateProps) {
  if (!date) {
    return (
      <Typography variant="body2" color="text.secondary">
        Geen deadline
      </Typography>
    );
  }
  const relative = relativeDue(date, today);
  const chip = CHIP_PROPS[relative.state];
  return (
    <Stack
      direction={inline ? 'row' : 'column'}
      useFlexGap
      sx={{ alignItems: inline ? 'center' : 'flex-start', flexWrap: 'wrap', gap: inline ? 1 : 0.5 }}
      data-overdue={relative.overdue ? 'true' : 'false'}
    >
      <Typography variant="body2" component="span" sx={{ whiteSpace: 'nowrap' }}>
        <time dateTime={date}>{formatDutchDate(date)}</time>
      </Typography>
      <Chip size="small" label={relative.label} color={chip.color} variant={chip.variant} />
    </Stack>
  );
}
