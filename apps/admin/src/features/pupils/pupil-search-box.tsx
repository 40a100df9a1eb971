import Box from '@mui/material/Box';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PupilAutocomplete, type PickedPupil } from './pupil-autocomplete';

/** The field's width; no helper line on the app bar. */
const onAppBar = {
  minWidth: { xs: 220, md: 300 },
  '& .MuiFormHelperText-root': { display: 'none' },
} as const;

/** The app bar's pupil search (issue 17.7): a few letters, a pupil chosen, and his page opens. */
export function PupilSearchBox() {
  const navigate = useNavigate();
  const [value, setValue] = useState<PickedPupil | null>(null);
  return (
    // On the dark app bar a light card, so the field's label and text keep their contrast.
    <Box role="search" sx={{ bgcolor: 'background.paper', color: 'text.primary', borderRadius: 1, px: 1, pt: 1, pb: 0.75 }}>
      <PupilAutocomplete
        value={value}
        onChange={(pupil) => {
          setValue(null);
          if (pupil) void navigate(`/pupils/${encodeURIComponent(pupil.id)}`);
        }}
        label="Leerling zoeken"
        size="small"
        helperText=" "
        inputSx={onAppBar}
      />
    </Box>
  );
}
