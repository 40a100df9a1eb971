import { useQuery } from '@apollo/client/react';
import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { downloadWithToken } from '../../shared/download';
import { ErrorAlert } from '../../shared/error-alert';
import { usePageTitle } from '../../shared/use-page-title';
import { ClockTimeline } from './clock-timeline';
import { TlvBoardSection } from './tlv-board-section';
import { ZORGPLICHT_CLOCKS_QUERY, type ZorgplichtClockState } from './zorgplicht.graphql';

const STATES: Array<{ value: ZorgplichtClockState; label: string }> = [
  { value: 'OP_SCHEMA', label: 'Op schema' },
  { value: 'LAATSTE_WEEK', label: 'Laatste week' },
  { value: 'VERLOPEN', label: 'Verlopen' },
];

/** Page sizes of the timeline (the api allows up to 500). */
export const PAGE_SIZES = [25, 50, 100];

/**
 * The SWV's view of every open zorgplicht term of its member schools, one page of the timeline at a time, and beside
 * them the TLV requests and the TLVs that run out soon (TlvBoardSection). "Per school" lists every school on the
 * caller's board, one without open terms with zeros and "Geen lopende aanmeldingen".
 */
export function ZorgplichtBoardPage() {
  usePageTitle('Zorgplicht');
  const [schoolId, setSchoolId] = useState('');
  const [clockState, setClockState] = useState<ZorgplichtClockState | ''>('');
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(PAGE_SIZES[1]);
  const [exportError, setExportError] = useState<string | null>(null);
  const filter = { schoolId: schoolId || null, clockState: clockState || null };
  const { data, previousData, loading, error } = useQuery(ZORGPLICHT_CLOCKS_QUERY, { variables: { filter, limit: pageSize, offset: page * pageSize } });
  const overview = (data ?? previousData)?.zorgplichtClocks;

  const exportCsv = () => {
    setExportError(null);
    const params = new URLSearchParams();
    if (schoolId) params.set('schoolId', schoolId);
    if (clockState) params.set('clockState', clockState);
    const query = params.toString();
    downloadWithToken(`/exports/zorgplicht.csv${query ? `?${query}` : ''}`, `zorgplicht-${overview?.today ?? 'export'}.csv`).catch((e: unknown) =>
      setExportError(e instanceof Error ? e.message : 'Exporteren mislukt.'),
    );
  };

  return (
    <Stack spacing={3}>
      <Box sx={{ display: 'flex', alignItems: 'flex-end', justifyContent: 'space-between', flexWrap: 'wrap', gap: 2 }}>
        <Box>
          <Typography variant="h1">Zorgplicht</Typography>
          <Typography color="text.secondary">Open beslistermijnen van de aangesloten scholen (6 weken, eenmaal te verlengen met 4 weken).</Typography>
        </Box>
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={exportCsv}>
          Exporteren (CSV)
        </Button>
      </Box>
      {exportError && <Alert severity="error" role="alert">{exportError}</Alert>}
      {error && <ErrorAlert error={error} />}

      <Paper component="section" aria-labelledby="counts-heading" sx={{ p: { xs: 2, sm: 3 } }}>
        <Typography id="counts-heading" variant="h2" sx={{ mb: 1.5 }}>
          Per school
        </Typography>
        <TableContainer>
          <Table size="small" aria-labelledby="counts-heading">
            <TableHead>
              <TableRow>
                <TableCell>School</TableCell>
                <TableCell align="right">Open</TableCell>
                <TableCell align="right">Laatste week</TableCell>
                <TableCell align="right">Verlopen</TableCell>
                <TableCell align="right">Verlengd</TableCell>
                <TableCell align="right">Na 10 weken</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(overview?.countsPerSchool ?? []).map((c) => (
                <TableRow key={c.school.id} data-school-id={c.school.id}>
                  <TableCell>
                    {c.school.name}
                    {c.open === 0 && (
                      <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
                        Geen lopende aanmeldingen
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell align="right">{c.open}</TableCell>
                  <TableCell align="right">{c.lastWeek}</TableCell>
                  <TableCell align="right" sx={{ color: c.overdue ? 'error.main' : undefined, fontWeight: c.overdue ? 700 : undefined }}>
                    {c.overdue}
                  </TableCell>
                  <TableCell align="right">{c.extended}</TableCell>
                  <TableCell align="right" sx={{ fontWeight: c.pastTenWeeks ? 700 : undefined }}>
                    {c.pastTenWeeks}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      </Paper>

      <Paper component="section" aria-labelledby="clocks-heading" sx={{ p: { xs: 2, sm: 3 } }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 2 }}>
          <Typography id="clocks-heading" variant="h2" sx={{ flexGrow: 1 }}>
            Tijdlijn
          </Typography>
          <TextField
            select
            size="small"
            label="School"
            value={schoolId}
            onChange={(e) => {
              setSchoolId(e.target.value);
              setPage(0);
            }}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
            sx={{ minWidth: 220 }}
          >
            <MenuItem value="">Alle scholen</MenuItem>
            {(overview?.countsPerSchool ?? []).map((c) => (
              <MenuItem key={c.school.id} value={c.school.id}>
                {c.school.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            size="small"
            label="Status"
            value={clockState}
            onChange={(e) => {
              setClockState(e.target.value as ZorgplichtClockState | '');
              setPage(0);
            }}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
            sx={{ minWidth: 180 }}
          >
            <MenuItem value="">Alle</MenuItem>
            {STATES.map((s) => (
              <MenuItem key={s.value} value={s.value}>
                {s.label}
              </MenuItem>
            ))}
          </TextField>
        </Box>
        {loading && <LinearProgress aria-label="Termijnen laden" sx={{ mb: 1 }} />}
        {overview && <ClockTimeline clocks={overview.clocks} today={overview.today} />}
        {overview && (
          <TablePagination
            component="div"
            count={overview.totalCount}
            page={Math.min(page, Math.max(0, Math.ceil(overview.totalCount / pageSize) - 1))}
            onPageChange={(_, next) => setPage(next)}
            rowsPerPage={pageSize}
            rowsPerPageOptions={PAGE_SIZES}
            onRowsPerPageChange={(e) => {
              setPageSize(Number(e.target.value));
              setPage(0);
            }}
            labelRowsPerPage="Per pagina"
            labelDisplayedRows={({ from, to, count }) => `${from}–${to} van ${count}`}
            getItemAriaLabel={(type) => (type === 'next' ? 'Volgende pagina' : type === 'previous' ? 'Vorige pagina' : type === 'first' ? 'Eerste pagina' : 'Laatste pagina')}
          />
        )}
      </Paper>

      <TlvBoardSection />
    </Stack>
  );
}
