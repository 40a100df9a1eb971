import { useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import { Link as RouterLink } from 'react-router';
import { type Role } from '../../gql/graphql';
import { formatDutchDateInWords } from '../../shared/dates';
import { CASES_WITHOUT_HOLIDAY_DATA_QUERY } from './cases-without-holiday-data.graphql';

/** Who is shown the list (the API checks again and scopes the cases): the admin and the zorgcoördinator. */
const MAY_SEE: ReadonlySet<Role> = new Set<Role>(['ADMIN', 'ZORGCOORDINATOR']);

const years = (list: string[]) => list.map((y) => y.replace('-', '–')).join(' en ');

/**
 * The running cases whose due dates (or reminders) were counted across a school year without regional holiday data:
 * there a vacation counted as school days. Each line names the step, the date in words and the school year, and says
 * when the data has arrived since (the case keeps the calendar it started with). Shows nothing without such cases.
 */
export function CasesWithoutHolidayData({ role }: { role: Role | null | undefined }) {
  const skip = !role || !MAY_SEE.has(role);
  const { data } = useQuery(CASES_WITHOUT_HOLIDAY_DATA_QUERY, { skip });
  const cases = skip ? [] : (data?.casesWithoutHolidayData ?? []);
  if (!cases.length) return null;
  return (
    <Alert severity="warning" data-testid="cases-without-holiday-data">
      <AlertTitle>
        {cases.length === 1 ? '1 lopende casus heeft' : `${cases.length} lopende casussen hebben`} termijnen zonder vakantiegegevens
      </AlertTitle>
      <Box component="ul" aria-label="Casussen zonder vakantiegegevens" sx={{ m: 0, pl: 2.5 }}>
        {cases.flatMap((c) =>
          c.dueDates.map((d) => (
            <li key={`${c.caseId}-${d.step}`}>
              <Link component={RouterLink} to={`/cases/${encodeURIComponent(c.caseId)}`}>
                {d.stepLabel ?? d.step}
              </Link>
              {c.schoolName ? ` (${c.schoolName})` : ''}: {formatDutchDateInWords(d.date)}, berekend zonder de vakanties van {years(d.schoolYears)}
              {d.nowKnown.length > 0 ? `; de vakanties van ${years(d.nowKnown)} zijn inmiddels ingelezen, de casus rekent nog met de kalender waarmee hij begon` : ''}.
            </li>
          )),
        )}
      </Box>
    </Alert>
  );
}
