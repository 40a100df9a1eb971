import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { useAuth } from '../../app/auth/auth-context';
import { ErrorAlert } from '../../shared/error-alert';
import { usePageTitle } from '../../shared/use-page-title';
import { CREATE_SCHOOL, CREATE_SWV, SWVS_QUERY, type Swv } from './organisations.graphql';

const REGIONS = [
  { value: 'noord', label: 'Noord' },
  { value: 'midden', label: 'Midden' },
  { value: 'zuid', label: 'Zuid' },
];

function NewSwvForm() {
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [createSwv, { loading, error }] = useMutation(CREATE_SWV, { refetchQueries: [SWVS_QUERY] });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await createSwv({ variables: { input: { name, code } } });
      setName('');
      setCode('');
    } catch {
      // shown below
    }
  };
  return (
    <Paper component="form" aria-label="Nieuw samenwerkingsverband" onSubmit={submit} sx={{ p: 2 }}>
      <Typography variant="h2" component="h2" gutterBottom>
        Nieuw samenwerkingsverband
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField label="Naam" value={name} onChange={(e) => setName(e.target.value)} required size="small" />
        <TextField label="Code" helperText="Bijvoorbeeld VO 27.01" value={code} onChange={(e) => setCode(e.target.value)} required size="small" />
        <Button type="submit" variant="contained" disabled={loading} sx={{ alignSelf: 'flex-start' }}>
          Samenwerkingsverband toevoegen
        </Button>
      </Stack>
      {error && <ErrorAlert error={error} sx={{ mt: 2 }} />}
    </Paper>
  );
}

function NewSchoolForm({ swv }: { swv: Swv }) {
  const [form, setForm] = useState({ name: '', brin: '', vestiging: '00', region: 'midden' });
  const [createSchool, { loading, error }] = useMutation(CREATE_SCHOOL, { refetchQueries: [SWVS_QUERY] });
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await createSchool({ variables: { input: { swvId: swv.id, ...form, brin: form.brin.trim().toUpperCase() } } });
      setForm({ name: '', brin: '', vestiging: '00', region: 'midden' });
    } catch {
      // shown below
    }
  };
  return (
    <Box component="form" aria-label={`School toevoegen aan ${swv.name}`} onSubmit={submit} sx={{ mt: 2 }}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <TextField label="Naam van de school" value={form.name} onChange={set('name')} required size="small" />
        <TextField label="BRIN" helperText="Bijvoorbeeld 99ZZ" value={form.brin} onChange={set('brin')} required size="small" />
        <TextField label="Vestiging" helperText="00 voor de hoofdvestiging" value={form.vestiging} onChange={set('vestiging')} required size="small" />
        <TextField select label="Vakantieregio" value={form.region} onChange={set('region')} size="small" sx={{ minWidth: 140 }}>
          {REGIONS.map((r) => (
            <MenuItem key={r.value} value={r.value}>
              {r.label}
            </MenuItem>
          ))}
        </TextField>
        <Button type="submit" variant="outlined" disabled={loading} sx={{ alignSelf: 'flex-start' }}>
          School toevoegen
        </Button>
      </Stack>
      {error && <ErrorAlert error={error} sx={{ mt: 2 }} />}
    </Box>
  );
}

/**
 * Organisations (issue 13): the SWVs and schools the user administers. A platform admin adds SWVs, a platform or SWV
 * admin adds schools; each school links to its accounts and its data import.
 */
export function OrganisationsPage() {
  usePageTitle('Organisaties');
  const { session } = useAuth();
  const role = session?.user.role;
  const isPlatform = role === 'PLATFORM_ADMIN' || role === 'ADMIN';
  const mayAddSchools = isPlatform || role === 'SWV_ADMIN';
  const { data, loading, error } = useQuery(SWVS_QUERY);
  const swvs = data?.swvs ?? [];
  return (
    <Stack spacing={3}>
      <Typography variant="h1">Organisaties</Typography>
      {loading && <LinearProgress aria-label="Organisaties laden" />}
      {error && <ErrorAlert error={error} />}
      {isPlatform && <NewSwvForm />}
      {!loading && !error && swvs.length === 0 && <Alert severity="info">Er is nog geen samenwerkingsverband.</Alert>}
      {swvs.map((swv) => (
        <Paper key={swv.id} component="section" aria-labelledby={`swv-${swv.id}`} sx={{ p: 2 }}>
          <Typography id={`swv-${swv.id}`} variant="h2" component="h2">
            {swv.name} <Typography component="span" color="text.secondary">({swv.code})</Typography>
          </Typography>
          {swv.schools.length === 0 ? (
            <Typography sx={{ mt: 1 }}>Nog geen scholen.</Typography>
          ) : (
            <Table size="small" aria-label={`Scholen van ${swv.name}`} sx={{ mt: 1 }}>
              <TableHead>
                <TableRow>
                  <TableCell>School</TableCell>
                  <TableCell>BRIN</TableCell>
                  <TableCell>Vestiging</TableCell>
                  <TableCell>Regio</TableCell>
                  <TableCell align="right">Leerlingen</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {swv.schools.map((s) => (
                  <TableRow key={s.id}>
                    <TableCell>
                      <Link component={RouterLink} to={`/organisaties/scholen/${encodeURIComponent(s.id)}`}>
                        {s.name}
                      </Link>
                    </TableCell>
                    <TableCell>{s.brin}</TableCell>
                    <TableCell>{s.vestiging}</TableCell>
                    <TableCell>{s.region}</TableCell>
                    <TableCell align="right">{s.pupilCount}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {mayAddSchools && <NewSchoolForm swv={swv} />}
        </Paper>
      ))}
    </Stack>
  );
}
