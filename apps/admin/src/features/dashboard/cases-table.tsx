import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { type CaseSummaryFieldsFragment as CaseSummary } from '../../gql/graphql';
import { DueDate } from '../../shared/due-date';
import { processLabel } from '../../shared/labels';
import { isOverdue, type SortDirection, sortByDueDate } from './case-metrics';
import { PupilLeftChip } from '../../shared/pupil-left';

export interface CasesTableProps {
  cases: readonly CaseSummary[];
  /** Today in Amsterdam, YYYY-MM-DD. */
  today: string;
}

const visuallyHidden = {
  border: 0,
  clip: 'rect(0 0 0 0)',
  height: 1,
  margin: -1,
  overflow: 'hidden',
  padding: 0,
  position: 'absolute',
  whiteSpace: 'nowrap',
  width: 1,
} as const;

/** The cases of the dashboard, sortable by next due date (soonest first by default). */
export function CasesTable({ cases, today }: CasesTableProps) {
  const [direction, setDirection] = useState<SortDirection>('asc');
  const rows = useMemo(() => sortByDueDate(cases, direction), [cases, direction]);

  return (
    <TableContainer component={Paper}>
      <Table size="small" aria-label="Casussen" sx={{ minWidth: 880 }}>
        <caption style={visuallyHidden}>
          Casussen, gesorteerd op volgende deadline ({direction === 'asc' ? 'eerst verlopend bovenaan' : 'laatst verlopend bovenaan'})
        </caption>
        <TableHead>
          <TableRow>
            <TableCell scope="col">Proces</TableCell>
            <TableCell scope="col">Leerling</TableCell>
            <TableCell scope="col">Status</TableCell>
            <TableCell scope="col">Wacht op</TableCell>
            <TableCell scope="col" sortDirection={direction} sx={{ minWidth: 170 }}>
              <TableSortLabel
                active
                direction={direction}
                onClick={() => setDirection(direction === 'asc' ? 'desc' : 'asc')}
              >
                Volgende deadline
              </TableSortLabel>
            </TableCell>
            <TableCell scope="col">Eigenaar</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={6}>
                <Typography color="text.secondary" sx={{ py: 2, textAlign: 'center' }}>
                  Geen casussen gevonden.
                </Typography>
              </TableCell>
            </TableRow>
          )}
          {rows.map((c) => {
            const overdue = isOverdue(c, today);
            return (
              <TableRow
                key={c.id}
                hover
                data-case-id={c.id}
                data-overdue={overdue ? 'true' : 'false'}
                sx={overdue ? { '& > td:first-of-type': { boxShadow: (t) => `inset 4px 0 0 ${t.palette.error.main}` } } : undefined}
              >
                <TableCell>{processLabel(c.process)}</TableCell>
                <TableCell>
                  <Link component={RouterLink} to={`/cases/${encodeURIComponent(c.id)}`} sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                    {c.pupil.displayName}
                  </Link>
                  {c.pupil.className && (
                    <Typography variant="caption" color="text.secondary" component="div">
                      Klas {c.pupil.className}
                    </Typography>
                  )}
                  <PupilLeftChip leftAt={c.pupil.leftAt} />
                  <Typography variant="caption" component="div">
                    <Link component={RouterLink} to={`/pupils/${encodeURIComponent(c.pupil.id)}`} title={`Leerlingpagina van ${c.pupil.displayName}`}>
                      Leerlingpagina
                    </Link>
                  </Typography>
                </TableCell>
                <TableCell>
                  <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, alignItems: 'center' }}>
                    <span>{c.statusLabel}</span>
                    {c.stuck && (
                      <Tooltip title={c.stuckReason ?? 'Vastgelopen'}>
                        <Chip
                          size="small"
                          color="error"
                          variant="outlined"
                          icon={<WarningAmberIcon />}
                          label="Vastgelopen"
                          tabIndex={0}
                        />
                      </Tooltip>
                    )}
                    {c.closedAt && <Chip size="small" label="Afgesloten" variant="outlined" />}
                  </Box>
                </TableCell>
                <TableCell>{c.waitingForLabel ?? c.waitingFor ?? '—'}</TableCell>
                <TableCell>{c.closedAt ? '—' : <DueDate date={c.nextDueDate} today={today} />}</TableCell>
                <TableCell>{c.ownerName ?? '—'}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
