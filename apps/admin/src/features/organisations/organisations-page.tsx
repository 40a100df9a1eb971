import { useMutation, useQuery } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
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
import Typography from '@mui/material/Typography';
import { useForm } from 'react-hook-form';
import { Link as RouterLink } from 'react-router';
import { z } from 'zod';
import { useAuth } from '../../app/auth/auth-context';
import { ErrorAlert } from '../../shared/error-alert';
import { FormTextField } from '../../shared/form-text-field';
import { usePageTitle } from '../../shared/use-page-title';
import { CREATE_SCHOOL, CREATE_SWV, SWVS_QUERY, type Swv } from './organisations.graphql';

const REGIONS = [
  { value: 'noord', label: 'Noord' },
  { value: 'midden', label: 'Midden' },
  { value: 'zuid', label: 'Zuid' },
];

/** A name as the api takes it: 2–200 characters, trimmed, and no formula (it ends up in spreadsheet exports). */
const organisationName = z
  .string()
  .trim()
  .min(2, 'De naam moet 2 tot 200 tekens lang zijn.')
  .max(200, 'De naam moet 2 tot 200 tekens lang zijn.')
  .regex(/^[^=+\-@]/, 'De naam mag niet met =, +, - of @ beginnen.');

/** A new SWV: its name and its official code ("VO 27.01"). */
export const newSwvSchema = z.object({
  name: organisationName,
  code: z
    .string()
    .trim()
    .regex(/^(PO|VO) \d{2}\.\d{2}[A-Z]?$/, 'De code moet de vorm "VO 27.01" of "PO 27.01" hebben.'),
});

type NewSwvValues = z.infer<typeof newSwvSchema>;

const NEW_SWV: NewSwvValues = { name: '', code: '' };

function NewSwvForm() {
  const { control, handleSubmit, reset } = useForm<NewSwvValues>({ resolver: zodResolver(newSwvSchema), defaultValues: NEW_SWV });
  const [createSwv, { loading, error }] = useMutation(CREATE_SWV, { refetchQueries: [SWVS_QUERY] });
  const submit = handleSubmit(async (values) => {
    try {
      await createSwv({ variables: { input: { name: values.name.trim(), code: values.code.trim() } } });
      reset(NEW_SWV);
    } catch {
      // shown below
    }
  });
  return (
    <Paper component="form" aria-label="Nieuw samenwerkingsverband" onSubmit={(e) => void submit(e)} noValidate sx={{ p: 2 }}>
      <Typography variant="h2" component="h2" gutterBottom>
        Nieuw samenwerkingsverband
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <FormTextField name="name" control={control} label="Naam" required size="small" />
        <FormTextField name="code" control={control} label="Code" required size="small" helperText="Bijvoorbeeld VO 27.01" />
        <Button type="submit" variant="contained" disabled={loading} sx={{ alignSelf: 'flex-start' }}>
          Samenwerkingsverband toevoegen
        </Button>
      </Stack>
      {error && <ErrorAlert error={error} sx={{ mt: 2 }} />}
    </Paper>
  );
}

/** A new school: its name, BRIN (two digits, two letters; capitals are made for the user), vestiging and holiday region. */
export const newSchoolSchema = z.object({
  name: organisationName,
  brin: z
    .string()
    .transform((b) => b.trim().toUpperCase())
    .pipe(z.string().regex(/^\d{2}[A-Z]{2}$/, 'Het BRIN bestaat uit twee cijfers en twee letters, bijvoorbeeld 99ZZ.')),
  vestiging: z.string().trim().regex(/^\d{2}$/, 'De vestiging bestaat uit twee cijfers, bijvoorbeeld 00.'),
  region: z.enum(['noord', 'midden', 'zuid'], 'Kies de vakantieregio.'),
});

type NewSchoolInput = z.input<typeof newSchoolSchema>;
type NewSchoolValues = z.output<typeof newSchoolSchema>;

const NEW_SCHOOL: NewSchoolInput = { name: '', brin: '', vestiging: '00', region: 'midden' };

function NewSchoolForm({ swv }: { swv: Swv }) {
  const { control, handleSubmit, reset } = useForm<NewSchoolInput, unknown, NewSchoolValues>({ resolver: zodResolver(newSchoolSchema), defaultValues: NEW_SCHOOL });
  const [createSchool, { loading, error }] = useMutation(CREATE_SCHOOL, { refetchQueries: [SWVS_QUERY] });
  const submit = handleSubmit(async (values) => {
    try {
      await createSchool({ variables: { input: { swvId: swv.id, name: values.name.trim(), brin: values.brin, vestiging: values.vestiging.trim(), region: values.region } } });
      reset(NEW_SCHOOL);
    } catch {
      // shown below
    }
  });
  return (
    <Box component="form" aria-label={`School toevoegen aan ${swv.name}`} onSubmit={(e) => void submit(e)} noValidate sx={{ mt: 2 }}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <FormTextField name="name" control={control} label="Naam van de school" required size="small" />
        <FormTextField name="brin" control={control} label="BRIN" required size="small" helperText="Bijvoorbeeld 99ZZ" />
        <FormTextField name="vestiging" control={control} label="Vestiging" required size="small" helperText="00 voor de hoofdvestiging" />
        <FormTextField name="region" control={control} select label="Vakantieregio" size="small" sx={{ minWidth: 140 }}>
          {REGIONS.map((r) => (
            <MenuItem key={r.value} value={r.value}>
              {r.label}
            </MenuItem>
          ))}
        </FormTextField>
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
