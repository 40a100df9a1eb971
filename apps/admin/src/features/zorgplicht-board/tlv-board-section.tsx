import { useQuery } from '@apollo/client/react';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { formatDutchDate } from '../../shared/dates';
import { ErrorAlert } from '../../shared/error-alert';
import { TLV_BOARD_QUERY, type TlvBoardExpiring, type TlvBoardRequest } from './tlv-board.graphql';

const HERINDICATIE: Record<string, string> = { AANVRAGEN: 'Aangevraagd', NIET_NODIG: 'Niet nodig' };

function daysWords(days: number): string {
  if (days === 0) return 'vandaag';
  if (days < 0) return days === -1 ? '1 dag te laat' : `${-days} dagen te laat`;
  return days === 1 ? 'nog 1 dag' : `nog ${days} dagen`;
}

function CaseLink({ caseId, name }: { caseId: string; name: string }) {
  return (
    <Link component={RouterLink} to={`/cases/${encodeURIComponent(caseId)}`}>
      {name}
    </Link>
  );
}

function RequestRow({ r }: { r: TlvBoardRequest }) {
  return (
    <TableRow data-case-id={r.caseId} sx={{ bgcolor: r.overdue ? 'rgba(179,38,30,0.06)' : undefined }}>
      <TableCell>
        <CaseLink caseId={r.caseId} name={r.pupil.displayName} />
      </TableCell>
      <TableCell>{r.school.name}</TableCell>
      <TableCell>{r.statusLabel}</TableCell>
      <TableCell>{r.submittedOn ? formatDutchDate(r.submittedOn) : 'Nog niet ingediend'}</TableCell>
      <TableCell>
        {r.decisionDueDate ? (
          <Tooltip title={r.decisionDueExplanation ?? ''} describeChild>
            <span>
              {formatDutchDate(r.decisionDueDate)}
              {r.termExtended ? ' (verlengd)' : ''}
            </span>
          </Tooltip>
        ) : (
          'Termijn loopt vanaf het complete dossier'
        )}
      </TableCell>
      <TableCell sx={{ color: r.overdue ? 'error.main' : undefined, fontWeight: r.overdue ? 700 : undefined }}>{r.daysRemaining === null ? '—' : daysWords(r.daysRemaining)}</TableCell>
      <TableCell align="right">{r.missingItems}</TableCell>
    </TableRow>
  );
}

function ExpiringRow({ e }: { e: TlvBoardExpiring }) {
  return (
    <TableRow data-case-id={e.caseId}>
      <TableCell>
        <CaseLink caseId={e.caseId} name={e.pupil.displayName} />
      </TableCell>
      <TableCell>{e.school.name}</TableCell>
      <TableCell>{e.category ?? '—'}</TableCell>
      <TableCell>{formatDutchDate(e.endDate)}</TableCell>
      <TableCell>{daysWords(e.daysUntilEnd)}</TableCell>
      <TableCell>
        {e.herindicatie ? (
          e.herindicatieCaseId ? (
            <CaseLink caseId={e.herindicatieCaseId} name={HERINDICATIE[e.herindicatie] ?? e.herindicatie} />
          ) : (
            (HERINDICATIE[e.herindicatie] ?? e.herindicatie)
          )
        ) : (
          'Nog niet besloten'
        )}
      </TableCell>
    </TableRow>
  );
}

/**
 * The TLV part of the SWV board (P8): open TLV requests with the commissie's decision term, and granted TLVs that run
 * out within the SWV's reminder window (herindicatie). Scoped by the api like the zorgplicht clocks.
 */
export function TlvBoardSection() {
  const { data, loading, error } = useQuery(TLV_BOARD_QUERY);
  const board = data?.tlvBoard;
  return (
    <>
      <Paper component="section" aria-labelledby="tlv-requests-heading" sx={{ p: { xs: 2, sm: 3 } }}>
        <Typography id="tlv-requests-heading" variant="h2" sx={{ mb: 0.5 }}>
          TLV-aanvragen
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 1.5 }}>
          Open aanvragen van een toelaatbaarheidsverklaring; de commissie besluit binnen de beslistermijn van het samenwerkingsverband.
        </Typography>
        {error && <ErrorAlert error={error} />}
        {board && board.requests.length === 0 && <Typography>Geen open TLV-aanvragen.</Typography>}
        {board && board.requests.length > 0 && (
          <TableContainer>
            <Table size="small" aria-labelledby="tlv-requests-heading">
              <TableHead>
                <TableRow>
                  <TableCell>Leerling</TableCell>
                  <TableCell>School</TableCell>
                  <TableCell>Status</TableCell>
                  <TableCell>Ingediend</TableCell>
                  <TableCell>Besluit uiterlijk</TableCell>
                  <TableCell>Termijn</TableCell>
                  <TableCell align="right">Ontbrekend in dossier</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {board.requests.map((r) => (
                  <RequestRow key={r.caseId} r={r} />
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
        {loading && !board && <Typography color="text.secondary">TLV-aanvragen laden…</Typography>}
      </Paper>

      <Paper component="section" aria-labelledby="tlv-expiring-heading" sx={{ p: { xs: 2, sm: 3 } }}>
        <Typography id="tlv-expiring-heading" variant="h2" sx={{ mb: 0.5 }}>
          Aflopende TLV’s
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 1.5 }}>
          Afgegeven toelaatbaarheidsverklaringen waarvan de einddatum binnen de herinneringstermijn valt: besluit over een herindicatie.
        </Typography>
        {board && board.expiring.length === 0 && <Typography>Geen TLV’s die binnenkort aflopen.</Typography>}
        {board && board.expiring.length > 0 && (
          <TableContainer>
            <Table size="small" aria-labelledby="tlv-expiring-heading">
              <TableHead>
                <TableRow>
                  <TableCell>Leerling</TableCell>
                  <TableCell>School</TableCell>
                  <TableCell>Categorie</TableCell>
                  <TableCell>Einddatum</TableCell>
                  <TableCell>Loopt af</TableCell>
                  <TableCell>Herindicatie</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {board.expiring.map((e) => (
                  <ExpiringRow key={e.caseId} e={e} />
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </Paper>
    </>
  );
}
