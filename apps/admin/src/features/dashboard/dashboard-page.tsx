import { useQuery } from '@apollo/client/react';
import AddIcon from '@mui/icons-material/Add';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { JOS_START, ONDERSTEUNINGSTRAJECT_START, OOV_START, OPP_START, OVERDRACHT_START, TLV_START, ZORGPLICHT_START, ZORGROUTE_START, type StartDefinition } from '@zorgroute/processes';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../../app/auth/auth-context';
import { ErrorAlert } from '../../shared/error-alert';
import { usePageTitle } from '../../shared/use-page-title';
import { useToday } from '../../shared/use-today';
import { mayStart } from '../start-case/may-start';
import { StartCaseDialog } from '../start-case/start-case-dialog';
import { CalendarCoverageBanner } from './calendar-coverage-banner';
import { CasesWithoutHolidayData } from './cases-without-holiday-data';
import { CaseFilterChips } from './case-filter-chips';
import { type CaseFilters, computeCaseMetrics, filterCases, NO_FILTERS } from './case-metrics';
import { DASHBOARD_CASES_QUERY } from './cases.graphql';
import { CasesTable } from './cases-table';
import { SummaryCards } from './summary-cards';
import { WorkListCounts } from '../work-lists/work-list-counts';

/**
 * The starts of every process, from the step catalogue (START_CATALOGUE): the dialog, its fields and who may start come
 * from there. P1, the day-to-day start, has its own button; the others are in the "Andere casus starten" menu.
 */
const CATALOGUE_STARTS: readonly StartDefinition[] = [ZORGROUTE_START, JOS_START, OPP_START, TLV_START, ZORGPLICHT_START, OOV_START, OVERDRACHT_START];

export function DashboardPage() {
  usePageTitle('Dashboard');
  const { session } = useAuth();
  const navigate = useNavigate();
  const today = useToday();
  const [filters, setFilters] = useState<CaseFilters>(NO_FILTERS);
  const [startDefinition, setStartDefinition] = useState<StartDefinition | null>(null);
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);

  const { data, previousData, loading, error, refetch } = useQuery(DASHBOARD_CASES_QUERY, {
    variables: { filter: filters.showClosed ? { includeClosed: true } : null },
  });
  // Keep showing the previous list while another filter loads.
  const cases = useMemo(() => (data ?? previousData)?.cases ?? [], [data, previousData]);
  const metrics = useMemo(() => computeCaseMetrics(cases, today), [cases, today]);
  const visible = useMemo(() => filterCases(cases, filters, today), [cases, filters, today]);

  const canStart = mayStart(ONDERSTEUNINGSTRAJECT_START, session?.user.role);
  const catalogueStarts = CATALOGUE_STARTS.filter((d) => mayStart(d, session?.user.role));
  const choose = (pick: () => void) => {
    setMenuAnchor(null);
    pick();
  };

  return (
    <Stack spacing={3}>
      <Box sx={{ display: 'flex', alignItems: 'flex-end', justifyContent: 'space-between', flexWrap: 'wrap', gap: 2 }}>
        <Box>
          <Typography variant="h1">Dashboard</Typography>
          <Typography color="text.secondary">
            {session?.user.schoolName ? `Lopende casussen van ${session.user.schoolName}` : 'Lopende casussen'}
          </Typography>
        </Box>
        {(canStart || catalogueStarts.length > 0) && (
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            {canStart && (
              <Button variant="contained" startIcon={<AddIcon />} onClick={() => setStartDefinition(ONDERSTEUNINGSTRAJECT_START)}>
                Traject starten
              </Button>
            )}
            <Button
              variant="outlined"
              startIcon={<AddIcon />}
              endIcon={<ArrowDropDownIcon />}
              aria-haspopup="menu"
              aria-controls={menuAnchor ? 'start-case-menu' : undefined}
              aria-expanded={menuAnchor ? 'true' : undefined}
              onClick={(e) => setMenuAnchor(e.currentTarget)}
            >
              Andere casus starten
            </Button>
            <Menu id="start-case-menu" anchorEl={menuAnchor} open={!!menuAnchor} onClose={() => setMenuAnchor(null)}>
              {catalogueStarts.map((d) => (
                <MenuItem key={d.process} onClick={() => choose(() => setStartDefinition(d))}>
                  {d.title}
                </MenuItem>
              ))}
            </Menu>
          </Box>
        )}
      </Box>

      <CalendarCoverageBanner role={session?.user.role} />
      <WorkListCounts role={session?.user.role} />
      <CasesWithoutHolidayData role={session?.user.role} />

      {error && (
        <ErrorAlert
          error={error}
          action={
            <Button color="inherit" size="small" onClick={() => void refetch()}>
              Opnieuw
            </Button>
          }
        />
      )}

      <SummaryCards metrics={metrics} />

      <Stack spacing={1.5} component="section" aria-labelledby="cases-heading">
        <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1 }}>
          <Typography id="cases-heading" variant="h2">
            Casussen
          </Typography>
          <Typography color="text.secondary" aria-live="polite">
            {loading && !data ? 'laden…' : `${visible.length} van ${cases.length}`}
          </Typography>
        </Box>
        <CaseFilterChips filters={filters} onChange={setFilters} />
        {loading && <LinearProgress aria-label="Casussen laden" />}
        <CasesTable cases={visible} today={today} />
      </Stack>

      {session && startDefinition && (
        <StartCaseDialog
          key={startDefinition.process}
          definition={startDefinition}
          schoolId={session.user.schoolId ?? null}
          admin={session.user.role === 'ADMIN'}
          onClose={() => setStartDefinition(null)}
          onStarted={(caseId) => {
            setStartDefinition(null);
            void navigate(`/cases/${encodeURIComponent(caseId)}`);
          }}
        />
      )}
    </Stack>
  );
}
