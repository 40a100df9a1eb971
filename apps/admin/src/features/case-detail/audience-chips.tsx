import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';

/** Dutch names of the audiences (docs/security.md, "Audiences"). */
export const AUDIENCE_LABELS: Record<string, string> = { SCHOOL: 'School', PARENTS: 'Ouders', PUPIL: 'Leerling', SWV: 'SWV' };

/** The audiences a document or note can be shared with besides the school. */
export const SHAREABLE_AUDIENCES = ['PARENTS', 'PUPIL', 'SWV'] as const;

/** "Zichtbaar voor: School, Ouders" as small chips. */
export function AudienceChips({ audiences }: { audiences: readonly string[] }) {
  return (
    <Stack direction="row" spacing={0.5} component="span" aria-label={`Zichtbaar voor: ${audiences.map((a) => AUDIENCE_LABELS[a] ?? a).join(', ')}`}>
      {audiences.map((a) => (
        <Chip key={a} size="small" variant="outlined" label={AUDIENCE_LABELS[a] ?? a} />
      ))}
    </Stack>
  );
}
