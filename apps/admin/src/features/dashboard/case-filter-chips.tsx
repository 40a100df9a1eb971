import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { PROCESS_TYPES } from '../../shared/enum-values';
import { PROCESS_LABELS } from '../../shared/labels';
import { type CaseFilters } from './case-metrics';

export interface CaseFilterChipsProps {
  filters: CaseFilters;
  onChange(filters: CaseFilters): void;
}

/** Toggle chips: one process at a time, plus "te laat", "vastgelopen" and closed cases. */
export function CaseFilterChips({ filters, onChange }: CaseFilterChipsProps) {
  const toggleChip = (label: string, active: boolean, onClick: () => void, color: 'primary' | 'error' = 'primary') => (
    <Chip
      key={label}
      label={label}
      clickable
      onClick={onClick}
      color={active ? color : 'default'}
      variant={active ? 'filled' : 'outlined'}
      aria-pressed={active}
    />
  );

  return (
    <Stack
      role="group"
      aria-label="Filters"
      direction="row"
      useFlexGap
      sx={{ flexWrap: 'wrap', gap: 1 }}
    >
      {toggleChip('Alle processen', filters.process === null, () => onChange({ ...filters, process: null }))}
      {PROCESS_TYPES.map((process) =>
        toggleChip(PROCESS_LABELS[process], filters.process === process, () =>
          onChange({ ...filters, process: filters.process === process ? null : process }),
        ),
      )}
      {toggleChip('Deze week', !!filters.dueThisWeek, () => onChange({ ...filters, dueThisWeek: !filters.dueThisWeek }))}
      {toggleChip('Wacht op toestemming', !!filters.waitingForConsent, () => onChange({ ...filters, waitingForConsent: !filters.waitingForConsent }))}
      {toggleChip('Te laat', filters.overdue, () => onChange({ ...filters, overdue: !filters.overdue }), 'error')}
      {toggleChip('Vastgelopen', filters.stuck, () => onChange({ ...filters, stuck: !filters.stuck }), 'error')}
      {toggleChip('Ook afgesloten', filters.showClosed, () => onChange({ ...filters, showClosed: !filters.showClosed }))}
    </Stack>
  );
}
