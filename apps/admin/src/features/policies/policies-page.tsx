import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
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
import { useState } from 'react';
import { useAuth } from '../../app/auth/auth-context';
import { formatDutchDateTime } from '../../shared/dates';
import { ErrorAlert } from '../../shared/error-alert';
import { usePageTitle } from '../../shared/use-page-title';
import { REGION_SCHOOLS_QUERY } from '../case-steps/step-mutations.graphql';
import { EFFECTIVE_POLICY_QUERY, type PolicyVersion } from './policies.graphql';

const SOURCE_LABEL: Record<string, string> = { STANDAARD: 'Standaard', SWV: 'Samenwerkingsverband', SCHOOL: 'School' };

/** A setting's JSON value for people: true/false as ja/nee, lists comma-separated, objects as compact JSON. */
export function showValue(json: string): string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  if (value === true) return 'ja';
  if (value === false) return 'nee';
  if (value === null) return '—';
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return value.join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function Versions({ id, title, versions }: { id: string; title: string; versions: readonly PolicyVersion[] }) {
  return (
    <Paper component="section" aria-labelledby={id} sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography id={id} variant="h2" sx={{ mb: 1.5 }}>
        {title}
      </Typography>
      {versions.length === 0 ? (
        <Typography color="text.secondary">Geen eigen versies: de standaard geldt.</Typography>
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1.25 }}>
          {versions.map((v) => (
            <Box component="li" key={v.id}>
              <Typography variant="body2">
                <strong>Versie {v.version}</strong> · {formatDutchDateTime(v.createdAt)}
                {v.createdByName ? ` door ${v.createdByName}` : ''}
              </Typography>
              {v.note && (
                <Typography variant="body2" color="text.secondary">
                  {v.note}
                </Typography>
              )}
            </Box>
          ))}
        </Box>
      )}
    </Paper>
  );
}

/**
 * The policy in force at the school (read only): each setting with its value, the specification's default and where
 * it comes from, and the versions of the SWV and the school. New cases snapshot the version shown; running cases keep
 * theirs.
 */
export function PoliciesPage() {
  usePageTitle('Beleid');
  const { session } = useAuth();
  const isAdmin = session?.user.role === 'ADMIN';
  const schools = useQuery(REGION_SCHOOLS_QUERY, { skip: !isAdmin });
  const [chosenSchool, setChosenSchool] = useState('');
  const schoolId = isAdmin ? chosenSchool : (session?.user.schoolId ?? '');
  const policy = useQuery(EFFECTIVE_POLICY_QUERY, { variables: { schoolId }, skip: !schoolId });
  const p = policy.data?.effectivePolicy;

  return (
    <Stack spacing={3}>
      <Box>
        <Typography variant="h1">Beleid</Typography>
        <Typography color="text.secondary">De termijnen en grenzen die nieuwe casussen van de school gebruiken. Lopende casussen houden de versie waarmee ze begonnen.</Typography>
      </Box>
      {isAdmin && (
        <TextField select label="School" value={chosenSchool} onChange={(e) => setChosenSchool(e.target.value)} sx={{ maxWidth: 360 }}>
          {(schools.data?.regionSchools ?? []).map((s) => (
            <MenuItem key={s.id} value={s.id}>
              {s.name}
            </MenuItem>
          ))}
        </TextField>
      )}
      {policy.loading && <LinearProgress aria-label="Beleid laden" />}
      {policy.error && <ErrorAlert error={policy.error} />}
      {p && (
        <>
          <Paper component="section" aria-labelledby="settings-heading" sx={{ p: { xs: 2, sm: 3 } }}>
            <Typography id="settings-heading" variant="h2" sx={{ mb: 0.5 }}>
              Geldend beleid van {p.schoolName}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }} data-testid="policy-version">
              Versie {p.version === 'standaard' ? 'standaard' : p.version}
            </Typography>
            <Box sx={{ overflowX: 'auto' }}>
              <Table size="small" aria-labelledby="settings-heading">
                <TableHead>
                  <TableRow>
                    <TableCell>Instelling</TableCell>
                    <TableCell>Waarde</TableCell>
                    <TableCell>Standaard</TableCell>
                    <TableCell>Vastgesteld door</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {p.settings.map((s) => (
                    <TableRow key={s.path}>
                      <TableCell component="th" scope="row" sx={{ fontFamily: 'monospace' }}>
                        {s.path}
                      </TableCell>
                      <TableCell>{showValue(s.valueJson)}</TableCell>
                      <TableCell>{showValue(s.defaultJson)}</TableCell>
                      <TableCell>
                        <Chip size="small" label={SOURCE_LABEL[s.source] ?? s.source} variant={s.source === 'STANDAARD' ? 'outlined' : 'filled'} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          </Paper>
          <Box sx={{ display: 'grid', gap: 2.5, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, alignItems: 'start' }}>
            <Versions id="swv-versions-heading" title="Versies van het samenwerkingsverband" versions={p.swvVersions} />
            <Versions id="school-versions-heading" title="Versies van de school" versions={p.schoolVersions} />
          </Box>
        </>
      )}
    </Stack>
  );
}
