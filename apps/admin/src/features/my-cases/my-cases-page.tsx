import { useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useAuth } from '../../app/auth/auth-context';
import { type ConsentFieldsFragment } from '../../gql/graphql';
import { ErrorAlert } from '../../shared/error-alert';
import { usePageTitle } from '../../shared/use-page-title';
import { useToday } from '../../shared/use-today';
import { DocumentRequestsPanel } from '../case-detail/document-requests-panel';
import { DASHBOARD_CASES_QUERY } from '../dashboard/cases.graphql';
import { DossierDownload } from '../dossier/dossier-download';
import { CaseProgressCard } from './case-progress-card';
import { ConsentRequestCard } from './consent-request-card';
import { familyWords } from './family-words';
import { LettersSection } from './letters-section';
import { MY_CONSENT_REQUESTS_QUERY } from './my-cases.graphql';
import { TransferReportCard } from './transfer-report-card';

/** Parent / pupil: open trajectories with goal and thermometer, and the consent requests to answer. */
export function FamilyPage() {
  const { session } = useAuth();
  const isPupil = session?.user.role === 'PUPIL';
  usePageTitle(isPupil ? 'Mijn begeleiding' : 'Begeleiding van mijn kind');
  const today = useToday();
  const cases = useQuery(DASHBOARD_CASES_QUERY, { variables: { filter: null } });
  const consents = useQuery(MY_CONSENT_REQUESTS_QUERY);
  const openCases = (cases.data?.cases ?? []).filter((c) => !c.closedAt);
  // P6: the transfer report has its own card (report, zienswijze and consent together); other processes below.
  const transfers = isPupil ? [] : openCases.filter((c) => c.process === 'OVERDRACHT');
  const transferIds = new Set(transfers.map((c) => c.id));
  const progressCases = openCases.filter((c) => !transferIds.has(c.id));
  const pupilNames = new Map((cases.data?.cases ?? []).map((c) => [c.pupil.id, c.pupil.displayName]));
  // Every pupil of the user's cases (open or closed): the parent's children, or the pupil himself.
  const dossierPupils = [...new Map((cases.data?.cases ?? []).map((c) => [c.pupil.id, c.pupil])).values()];
  // Answered requests stay on the page (with their answer) until the user leaves it.
  const [answered, setAnswered] = useState<Map<string, { request: ConsentFieldsFragment; answer: ConsentFieldsFragment }>>(new Map());
  const open = consents.data?.myConsentRequests ?? [];
  const requests = [...open.filter((r) => !answered.has(r.id) && !transferIds.has(r.caseId)), ...[...answered.values()].map((a) => a.request)];
  // A consent of the transfer report is asked on its own card below, not in this list.
  const transferConsentWaiting = open.some((r) => transferIds.has(r.caseId));
  const words = familyWords(isPupil);

  return (
    <Stack spacing={3}>
      <div>
        <Typography variant="h1">{isPupil ? 'Mijn begeleiding' : 'Begeleiding van mijn kind'}</Typography>
        <Typography color="text.secondary">{words.intro}</Typography>
      </div>
      {(cases.loading || consents.loading) && <LinearProgress aria-label="Laden" />}
      {cases.error && <ErrorAlert error={cases.error} />}
      {consents.error && <ErrorAlert error={consents.error} />}

      <Stack component="section" aria-labelledby="consents-heading" spacing={2}>
        <Typography id="consents-heading" variant="h2">
          Toestemming gevraagd
        </Typography>
        {requests.length === 0 && !consents.loading ? (
          <Typography color="text.secondary">{transferConsentWaiting ? 'De vraag om toestemming staat hieronder, bij de overdracht.' : words.noConsents}</Typography>
        ) : (
          requests.map((r) => (
            <ConsentRequestCard
              key={r.id}
              request={r}
              pupilName={pupilNames.get(r.pupilId)}
              answered={answered.get(r.id)?.answer}
              onAnswered={(answer) => setAnswered((m) => new Map(m).set(r.id, { request: r, answer }))}
              isPupil={isPupil}
            />
          ))
        )}
      </Stack>

      {/* Documents a step asked the parents for (P4): right after the consents, the other thing waiting on them. */}
      {!isPupil &&
        progressCases.map((c) => <DocumentRequestsPanel key={`documents-asked-${c.id}`} caseId={c.id} process={c.process} mayProvide pupilName={c.pupil.displayName} />)}

      {transfers.length > 0 && (
        <Stack component="section" aria-labelledby="transfer-heading" spacing={2}>
          <Typography id="transfer-heading" variant="h2">
            Overdracht van de basisschool
          </Typography>
          {transfers.map((c) => (
            <TransferReportCard key={c.id} summary={c} />
          ))}
        </Stack>
      )}

      <Stack component="section" aria-labelledby="trajectories-heading" spacing={2}>
        <Typography id="trajectories-heading" variant="h2">
          Lopende begeleiding
        </Typography>
        {progressCases.length === 0 && !cases.loading && <Alert severity="info">Er loopt op dit moment geen begeleiding.</Alert>}
        {progressCases.map((c) => (
          <CaseProgressCard key={c.id} summary={c} today={today} staff={false} isPupil={isPupil} />
        ))}
      </Stack>

      {/* Letters are addressed to the parents (the api gives a pupil none). */}
      {!isPupil && <LettersSection />}

      {dossierPupils.length > 0 && (
        <Stack component="section" aria-labelledby="dossier-heading" spacing={2}>
          <Typography id="dossier-heading" variant="h2">
            Dossier opvragen
          </Typography>
          <Typography color="text.secondary">
            {isPupil
              ? 'Download alles wat de school in Zorgroute over jou bijhoudt. Vanaf je 16e vraag je dit zelf op.'
              : 'Download alles wat de school in Zorgroute over uw kind bijhoudt. Vanaf 16 jaar vraagt uw kind dit zelf op.'}
          </Typography>
          {dossierPupils.map((p) => (
            <Paper key={p.id} component="article" aria-label={`Dossier van ${p.displayName}`} sx={{ p: 2 }}>
              <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>
                {p.displayName}
              </Typography>
              <DossierDownload user={session?.user} pupilId={p.id} pupilName={p.displayName} pupilSchoolId={p.schoolId} />
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** Mentor / coach / JOS worker: my open steps and my pupils, with logging a session. */
export function MyPupilsPage() {
  usePageTitle('Mijn leerlingen');
  const { session } = useAuth();
  const today = useToday();
  const { data, loading, error } = useQuery(DASHBOARD_CASES_QUERY, { variables: { filter: null } });
  const cases = (data?.cases ?? []).filter((c) => !c.closedAt);
  const mine = cases.filter((c) => !!c.ownerName && c.ownerName === session?.user.name);
  const others = cases.filter((c) => !mine.includes(c));

  return (
    <Stack spacing={3}>
      <div>
        <Typography variant="h1">Mijn leerlingen</Typography>
        <Typography color="text.secondary">Uw open stappen eerst; leg hier ook een sessie met de thermometerscore vast.</Typography>
      </div>
      {loading && <LinearProgress aria-label="Laden" />}
      {error && <ErrorAlert error={error} />}
      <Stack component="section" aria-labelledby="my-steps-heading" spacing={2}>
        <Typography id="my-steps-heading" variant="h2">
          Mijn open stappen ({mine.length})
        </Typography>
        {mine.length === 0 && !loading && <Typography color="text.secondary">Er wacht nu geen stap op u.</Typography>}
        {mine.map((c) => (
          <CaseProgressCard key={c.id} summary={c} today={today} staff />
        ))}
      </Stack>
      <Stack component="section" aria-labelledby="my-pupils-heading" spacing={2}>
        <Typography id="my-pupils-heading" variant="h2">
          Andere lopende begeleiding ({others.length})
        </Typography>
        {others.map((c) => (
          <CaseProgressCard key={c.id} summary={c} today={today} staff />
        ))}
      </Stack>
    </Stack>
  );
}
