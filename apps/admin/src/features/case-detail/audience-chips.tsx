import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
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

/** "Ook zichtbaar voor": whom a new document or note is shared with besides the school (one checkbox per audience). */
export function AudienceCheckboxes({ value, onChange }: { value: readonly string[]; onChange(next: string[]): void }) {
  return (
    <Box component="fieldset" sx={{ border: 0, m: 0, p: 0 }}>
      <FormLabel component="legend" sx={{ typography: 'body2' }}>
        Ook zichtbaar voor (de school ziet het altijd)
      </FormLabel>
      <FormGroup row>
        {SHAREABLE_AUDIENCES.map((a) => (
          <FormControlLabel
            key={a}
            control={<Checkbox size="small" checked={value.includes(a)} onChange={(e) => onChange(e.target.checked ? [...value, a] : value.filter((x) => x !== a))} />}
            label={AUDIENCE_LABELS[a]}
          />
        ))}
      </FormGroup>
    </Box>
  );
}
