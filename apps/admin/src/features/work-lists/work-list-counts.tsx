import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { type Role } from '../../gql/graphql';
import { WORK_LISTS_QUERY } from './work-lists.graphql';

/** Roles whose dashboard shows the work lists (they have the "Werklijsten" screen in their menu). */
export const WORK_LIST_DASHBOARD_ROLES: ReadonlySet<Role> = new Set<Role>(['ZORGCOORDINATOR', 'TEAMLEIDER', 'ADMIN']);

/** The dashboard's line of work lists with their counts, each a link to its list. Nothing while loading or on error. */
export function WorkListCounts({ role }: { role: Role | undefined }) {
  const show = !!role && WORK_LIST_DASHBOARD_ROLES.has(role);
  const { data } = useQuery(WORK_LISTS_QUERY, { skip: !show, fetchPolicy: 'cache-and-network' });
  if (!show || !data?.workLists.length) return null;
  return (
    <Box component="nav" aria-label="Werklijsten" sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
      <Typography variant="body2" color="text.secondary" component="span">
        Werklijsten:
      </Typography>
      {data.workLists.map((l) => (
        <Chip
          key={l.id}
          component={RouterLink}
          to={`/werklijsten?lijst=${encodeURIComponent(l.id)}`}
          clickable
          variant={l.count ? 'filled' : 'outlined'}
          color={l.count ? 'primary' : 'default'}
          label={`${l.name}: ${l.count}`}
        />
      ))}
    </Box>
  );
}
