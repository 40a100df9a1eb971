import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { HOLIDAY_IMPORT_MAX_CHARS } from '@zorgroute/processes';
import { useState } from 'react';
import { formatDutchDateInWords, formatDutchDateTimeInWords } from '../../shared/dates';
import { ErrorAlert } from '../../shared/error-alert';
import { CALENDAR_COVERAGE_QUERY } from '../dashboard/calendar-coverage.graphql';
import { RunningCasesOutcome } from './running-cases-calendar';
import { HOLIDAY_DATA_YEARS_QUERY, HOLIDAY_IMPORT_PREVIEW_QUERY, IMPORT_SCHOOL_HOLIDAYS_MUTATION, type HolidayImportEntry } from './school-holidays.graphql';

const REGION_LABEL: Record<string, string> = { noord: 'Noord', midden: 'Midden', zuid: 'Zuid' };
const REPLACES: Record<string, string> = {
  BUNDLED: 'vervangt de meegeleverde vakanties van dit schooljaar',
  IMPORTED: 'vervangt een eerder ingelezen bestand van dit schooljaar',
};

/** The file's text (FileReader: also where Blob.text is missing). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, 'utf-8');
  });
}

const range = (from: string, to: string) => `${formatDutchDateInWords(from)} t/m ${formatDutchDateInWords(to)}`;

/** The rows of a school year: per vacation its regions, the ones with the same dates together ("Midden en Zuid"). */
function vacationRows(entries: HolidayImportEntry[]): { vacation: string; compulsory: boolean; regions: string; dates: string }[] {
  const rows: { vacation: string; compulsory: boolean; key: string; regions: string[]; from: string; to: string }[] = [];
  for (const e of entries) {
    const key = `${e.vacation}|${e.from}|${e.to}`;
    const row = rows.find((r) => r.key === key);
    if (row) row.regions.push(REGION_LABEL[e.region] ?? e.region);
    else rows.push({ vacation: e.vacation, compulsory: e.compulsory, key, regions: [REGION_LABEL[e.region] ?? e.region], from: e.from, to: e.to });
  }
  return rows.map((r) => ({ vacation: r.vacation, compulsory: r.compulsory, regions: r.regions.length === 3 ? 'Heel Nederland' : r.regions.join(' en '), dates: range(r.from, r.to) }));
}

/**
 * The platform admin's import of the regional school holidays (issue 13): choose the ministry's open-data file
 * (schoolvakanties, JSON), see the preview (school years, each vacation per region with its dates in words, the
 * entries that are not taken and why), then store it. New cases count with it at once; running cases keep the calendar
 * they started with (the dashboard lists those counted without holiday data).
 */
export function HolidayImportPanel() {
  const years = useQuery(HOLIDAY_DATA_YEARS_QUERY);
  const coverage = useQuery(CALENDAR_COVERAGE_QUERY);
  const [loadPreview, preview] = useLazyQuery(HOLIDAY_IMPORT_PREVIEW_QUERY, { fetchPolicy: 'no-cache' });
  const [save, saving] = useMutation(IMPORT_SCHOOL_HOLIDAYS_MUTATION, { refetchQueries: ['HolidayDataYears', 'CalendarCoverage', 'SchoolCalendar'], awaitRefetchQueries: true });
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string[] | null>(null);
  const running = saving.data?.importSchoolHolidays.runningCases;
  const p = file ? preview.data?.schoolHolidayImportPreview : undefined;

  const choose = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    setSaved(null);
    setProblem(null);
    setFile(null);
    if (!chosen) return;
    const content = await readText(chosen);
    if (content.length > HOLIDAY_IMPORT_MAX_CHARS) return setProblem(`Het bestand is groter dan ${HOLIDAY_IMPORT_MAX_CHARS.toLocaleString('nl-NL')} tekens; lees minder schooljaren per keer in.`);
    setFile({ name: chosen.name, content });
    try {
      await loadPreview({ variables: { content } });
    } catch {
      // Shown from preview.error.
    }
  };

  const store = async () => {
    if (!file || !p) return;
    try {
      const result = await save({ variables: { content: file.content, fileDigest: p.fileDigest } });
      setSaved(result.data?.importSchoolHolidays.schoolYears ?? []);
      setFile(null);
    } catch {
      // Shown from saving.error.
    }
  };

  return (
    <Paper component="section" aria-labelledby="holiday-import-heading" sx={{ p: { xs: 2, sm: 3 } }}>
      <Stack spacing={2}>
        <Typography id="holiday-import-heading" variant="h2">
          Vakantiegegevens inlezen
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Lees per schooljaar de schoolvakanties in zoals de Rijksoverheid ze publiceert (open data, JSON). Nieuwe casussen rekenen er meteen mee; lopende casussen waarvan een termijn zonder deze vakanties was berekend, krijgen ze direct na het opslaan.
        </Typography>
        {coverage.data?.calendarCoverage.warning && (
          <Alert severity="warning">
            <AlertTitle>Vakantiedata aanvullen</AlertTitle>
            {coverage.data.calendarCoverage.warning}
          </Alert>
        )}
        {years.data && (
          <Box component="ul" aria-label="Schooljaren met vakantiegegevens" sx={{ m: 0, pl: 2.5 }}>
            {years.data.holidayDataYears.map((y) => (
              <li key={y.schoolYear}>
                <Typography variant="body2">
                  {y.schoolYear.replace('-', '–')}:{' '}
                  {y.source === 'IMPORTED'
                    ? `ingelezen${y.importedByName ? ` door ${y.importedByName}` : ''}${y.importedAt ? ` op ${formatDutchDateTimeInWords(y.importedAt)}` : ''}`
                    : 'meegeleverd met Zorgroute'}
                </Typography>
              </li>
            ))}
          </Box>
        )}
        <Box>
          <Button variant="outlined" component="label">
            Bestand kiezen
            <input hidden type="file" accept="application/json,.json" aria-label="Bestand met schoolvakanties" onChange={(e) => void choose(e)} />
          </Button>
        </Box>
        {problem && (
          <Alert severity="error" role="alert">
            {problem}
          </Alert>
        )}
        {file && preview.error && <ErrorAlert error={preview.error} />}
        {saving.error && <ErrorAlert error={saving.error} />}
        {saved && (
          <Alert severity="success" role="status">
            Opgeslagen: schoolvakanties {saved.map((y) => y.replace('-', '–')).join(', ')}. Nieuwe casussen rekenen ermee.
          </Alert>
        )}
        {saved && running && <RunningCasesOutcome outcome={running} />}
        {saved && running === null && (
          <Alert severity="warning">
            De lopende casussen zijn nu niet bijgewerkt. Pas de kalender per school toe met ‘Kalender toepassen op lopende casussen’ op de schoolkalender.
          </Alert>
        )}
        {file && p && (
          <Box aria-label={`Voorvertoning van ${file.name}`} role="region">
            <Typography variant="h3" sx={{ mb: 1 }}>
              Voorvertoning: {file.name}
            </Typography>
            {p.rejected.length > 0 && (
              <Alert severity="error" sx={{ mb: 2 }}>
                <AlertTitle>
                  {p.rejected.length === 1 ? '1 regel wordt niet ingelezen' : `${p.rejected.length} regels worden niet ingelezen`}; pas het bestand aan en kies het opnieuw
                </AlertTitle>
                <Box component="ul" aria-label="Afgekeurde regels" sx={{ m: 0, pl: 2.5 }}>
                  {p.rejected.map((r, i) => (
                    <li key={`${r.entry}-${i}`}>
                      {r.schoolYear ? `${r.schoolYear.replace('-', '–')}, ` : ''}
                      {r.entry}: {r.reason}
                    </li>
                  ))}
                </Box>
              </Alert>
            )}
            {p.schoolYears.map((y) => (
              <Box key={y.schoolYear} sx={{ mb: 2 }}>
                <Typography variant="subtitle1" component="h4">
                  Schooljaar {y.schoolYear.replace('-', '–')}
                  {y.replaces ? ` (${REPLACES[y.replaces]})` : ''}
                </Typography>
                <Table size="small" aria-label={`Schoolvakanties ${y.schoolYear}`}>
                  <TableHead>
                    <TableRow>
                      <TableCell>Vakantie</TableCell>
                      <TableCell>Regio</TableCell>
                      <TableCell>Data</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {vacationRows(p.entries.filter((e) => e.schoolYear === y.schoolYear)).map((row, i, all) => (
                      <TableRow key={`${row.vacation}-${row.regions}`}>
                        <TableCell>{all[i - 1]?.vacation === row.vacation ? '' : `${row.vacation}${row.compulsory ? '' : ' (advies)'}`}</TableCell>
                        <TableCell>{row.regions}</TableCell>
                        <TableCell>{row.dates}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
            ))}
            <Button variant="contained" disabled={p.rejected.length > 0 || p.schoolYears.length === 0 || saving.loading} onClick={() => void store()}>
              Vakantiegegevens opslaan
            </Button>
          </Box>
        )}
      </Stack>
    </Paper>
  );
}
