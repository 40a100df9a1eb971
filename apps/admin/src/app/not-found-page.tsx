import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { usePageTitle } from '../shared/use-page-title';

export function NotFoundPage() {
  usePageTitle('Pagina niet gevonden');
  return (
    <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
      <Typography variant="h1">Pagina niet gevonden</Typography>
      <Typography>Deze pagina bestaat niet (meer).</Typography>
      <Button component={RouterLink} to="/" variant="contained">
        Naar het dashboard
      </Button>
    </Stack>
  );
}
