import { useQuery } from '@apollo/client/react';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { type ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useAuth } from '../../app/auth/auth-context';
import { backToHomeOf } from '../../app/role-home';
import { CustodyPanel, mayEditCustody, mayReadCustody } from '../custody/custody-panel';
import { formatDutchDateInWords, formatDutchDateTimeInWords } from '../../shared/dates';
import { ErrorAlert } from '../../shared/error-alert';
import { processLabel } from '../../shared/labels';
import { usePageTitle } from '../../shared/use-page-title';
import { DossierDownload } from '../dossier/dossier-download';
import { PUPIL_PAGE_QUERY, type PupilPageData } from './pupils.graphql';

const caseLink = (id: string) => `/cases/${encodeURIComponent(id)}`;

function Section({ id, title, empty, children }: { id: string; title: string; empty: string | null; children: ReactNode }) {
  return (
    <Paper component="section" aria-labelledby={id} sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography id={id} variant="h2" sx={{ mb: 2 }}>
        {title}
      </Typography>
      {empty ? <Typography color="text.secondary">{empty}</Typography> : children}
    </Paper>
  );
}

function CasesSection({ page }: { page: PupilPageData }) {
  return (
    <Section id="pupil-cases-heading" title="Casussen" empty={page.cases.length ? null : 'Geen casussen die u mag zien.'}>
      <TableContainer>
        <Table size="small" aria-labelledby="pupil-cases-heading">
          <TableHead>
            <TableRow>
              <TableCell>Proces</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Wacht op</TableCell>
              <TableCell>Volgende termijn</TableCell>
              <TableCell>Gestart</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {page.cases.map((c) => (
              <TableRow key={c.id} data-case-id={c.id}>
                <TableCell>
                  <Link component={RouterLink} to={caseLink(c.id)} sx={{ fontWeight: 600 }}>
                    {processLabel(c.process)}
                  </Link>
                </TableCell>
                <TableCell>{c.closedAt ? `${c.statusLabel} (afgesloten)` : c.statusLabel}</TableCell>
                <TableCell>{c.closedAt ? '—' : (c.waitingForLabel ?? '—')}</TableCell>
                <TableCell>{!c.closedAt && c.nextDueDate ? formatDutchDateInWords(c.nextDueDate) : '—'}</TableCell>
                <TableCell>{formatDutchDateInWords(c.startedAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Section>
  );
}

function ConsentsSection({ page }: { page: PupilPageData }) {
  return (
    <Section id="pupil-consents-heading" title="Toestemmingen" empty={page.consents.length ? null : 'Geen toestemmingen gevraagd.'}>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {page.consents.map((c) => (
          <li key={c.id}>
            <Typography variant="body2" component="span" sx={{ fontWeight: 600 }}>
              {c.label}
            </Typography>
            <Typography variant="body2" component="span">
              {` — ${c.statusLabel}, gevraagd op ${formatDutchDateInWords(c.requestedAt)}`}
              {c.decidedAt ? `, beantwoord op ${formatDutchDateInWords(c.decidedAt)}` : ''}
              {c.giverName ? ` door ${c.giverName}` : ''}
              {' · '}
            </Typography>
            <Link component={RouterLink} to={caseLink(c.caseId)} variant="body2">
              {processLabel(c.process)}
            </Link>
          </li>
        ))}
      </Box>
    </Section>
  );
}

function DocumentsSection({ page }: { page: PupilPageData }) {
  return (
    <Section id="pupil-documents-heading" title="Documenten" empty={page.documents.length ? null : 'Geen documenten die u mag lezen.'}>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {page.documents.map((d) => (
          <li key={d.id}>
            <Link component={RouterLink} to={`${caseLink(d.caseId)}/documents/${encodeURIComponent(d.id)}`} variant="body2" sx={{ fontWeight: 600 }}>
              {d.kindLabel}
            </Link>
            <Typography variant="body2" component="span">{` — ${formatDutchDateInWords(d.createdAt)}`}</Typography>
          </li>
        ))}
      </Box>
    </Section>
  );
}

function HistorySection({ page }: { page: PupilPageData }) {
  return (
    <Section id="pupil-history-heading" title="Geschiedenis" empty={page.history.length ? null : 'Nog geen gebeurtenissen.'}>
      <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1.5 }}>
        {page.history.map((h) => (
          <li key={`${h.caseId}:${h.id}`}>
            <Typography variant="caption" color="text.secondary" component="div">
              <time dateTime={h.at}>{formatDutchDateTimeInWords(h.at)}</time>
              {' · '}
              {processLabel(h.process)}
              {h.actorName ? ` · ${h.actorName}` : ''}
            </Typography>
            <Typography variant="body2">{h.description}</Typography>
            {h.reason && h.reason !== h.description && (
              <Typography variant="body2" color="text.secondary">
                Reden: {h.reason}
              </Typography>
            )}
          </li>
        ))}
      </Box>
    </Section>
  );
}

/** The pupil page (issue 17.7): one pupil with his cases, consents, documents and history, as the api lets the user see them. */
export function PupilPage() {
  const { id = '' } = useParams();
  const { session } = useAuth();
  const { data, loading, error } = useQuery(PUPIL_PAGE_QUERY, { variables: { id }, skip: !id, fetchPolicy: 'cache-and-network' });
  const page = data?.pupil;
  usePageTitle(page ? `${page.pupil.displayName} – leerling` : 'Leerling');
  const back = backToHomeOf(session?.user.role);

  return (
    <Stack spacing={2.5}>
      <Box>
        <Button component={RouterLink} to={back.to} startIcon={<ArrowBackIcon />} size="small">
          {back.label}
        </Button>
      </Box>
      {loading && !page && <LinearProgress aria-label="Leerling laden" />}
      {error && !page && <ErrorAlert error={error} />}
      {page && (
        <>
          <Paper sx={{ p: { xs: 2, sm: 3 } }}>
            <Typography variant="overline" color="text.secondary" component="p" sx={{ lineHeight: 1.5 }}>
              Leerling
            </Typography>
            <Typography variant="h1">{page.pupil.displayName}</Typography>
            <Typography color="text.secondary">
              {[page.pupil.className && `Klas ${page.pupil.className}`, page.school.name, page.pupil.mentorName && `mentor ${page.pupil.mentorName}`].filter(Boolean).join(' · ')}
            </Typography>
            <Typography color="text.secondary">Geboren op {formatDutchDateInWords(page.dateOfBirth)}</Typography>
            {page.pupil.leftAt && (
              <Alert severity="info" sx={{ mt: 1.5 }}>
                Deze leerling staat sinds {formatDutchDateInWords(page.pupil.leftAt)} niet meer ingeschreven.
              </Alert>
            )}
            <Box sx={{ mt: 1.5 }}>
              <DossierDownload user={session?.user} pupilId={page.pupil.id} pupilName={page.pupil.displayName} pupilSchoolId={page.pupil.schoolId} />
            </Box>
          </Paper>
          <CasesSection page={page} />
          <Box sx={{ display: 'grid', gap: 2.5, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, alignItems: 'start' }}>
            <Stack spacing={2.5}>
              <ConsentsSection page={page} />
              {mayReadCustody(session?.user.role) && <CustodyPanel pupilId={page.pupil.id} mayEdit={mayEditCustody(session?.user.role)} />}
              <DocumentsSection page={page} />
            </Stack>
            <HistorySection page={page} />
          </Box>
        </>
      )}
    </Stack>
  );
}
