import { useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { type Role } from '../../gql/graphql';
import { CALENDAR_COVERAGE_QUERY } from './calendar-coverage.graphql';

/** Who maintains the school calendar and so sees the holiday data's runway (the API checks again). */
const MAY_SEE: ReadonlySet<Role> = new Set<Role>(['ADMIN', 'ZORGCOORDINATOR']);

/**
 * A banner for the admin and the zorgcoördinator when the bundled holiday data does not cover the current and the
 * next school year, e.g. "De vakantiedata lopen tot 31 juli 2028; voeg het schooljaar 2028-2029 toe". Shows nothing
 * otherwise, also when the query fails (the dashboard itself reports API errors).
 */
export function CalendarCoverageBanner({ role }: { role: Role | null | undefined }) {
  const skip = !role || !MAY_SEE.has(role);
  const { data } = useQuery(CALENDAR_COVERAGE_QUERY, { skip });
  const warning = skip ? null : data?.calendarCoverage.warning;
  if (!warning) return null;
  return (
    <Alert severity="warning" data-testid="calendar-coverage-banner">
      <AlertTitle>Vakantiedata aanvullen</AlertTitle>
      {warning}
    </Alert>
  );
}
