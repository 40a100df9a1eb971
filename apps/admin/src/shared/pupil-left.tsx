import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import { formatDutchDateInWords } from './dates';

/** The sentence for a case whose pupil left the school (issue 13: leavers are deactivated by the import, never deleted). */
export function pupilLeftText(leftAt: string): string {
  return `Leerling staat niet meer ingeschreven (uitgeschreven op ${formatDutchDateInWords(leftAt)}). De casus blijft zichtbaar voor de zorgcoördinator: draag open stappen over of sluit de casus af.`;
}

/** The banner on the case page of a pupil who left. */
export function PupilLeftBanner({ leftAt }: { leftAt: string | null | undefined }) {
  if (!leftAt) return null;
  return (
    <Alert severity="warning" data-testid="pupil-left-banner">
      {pupilLeftText(leftAt)}
    </Alert>
  );
}

/** The marker in lists for a case of a pupil who left. */
export function PupilLeftChip({ leftAt }: { leftAt: string | null | undefined }) {
  if (!leftAt) return null;
  return (
    <Tooltip title={`Uitgeschreven op ${formatDutchDateInWords(leftAt)}`}>
      <Chip size="small" color="warning" variant="outlined" label="Uitgeschreven" data-testid="pupil-left-chip" />
    </Tooltip>
  );
}
