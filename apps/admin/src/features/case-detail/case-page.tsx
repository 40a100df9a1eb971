import { useQuery } from '@apollo/client/react';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import { Link as RouterLink, useParams } from 'react-router';
import { useAuth } from '../../app/auth/auth-context';
import { backToHomeOf, mayListDocuments, mayUploadDocuments, mayWriteNotes } from '../../app/role-home';
import { ErrorAlert } from '../../shared/error-alert';
import { processLabel } from '../../shared/labels';
import { usePageTitle } from '../../shared/use-page-title';
import { useToday } from '../../shared/use-today';
import { CASE_QUERY } from './case.graphql';
import { CaseHeader } from './case-header';
import { CaseDocumentsPanel } from './case-documents-panel';
import { CaseNotesPanel } from './case-notes-panel';
import { CustodyPanel, mayEditCustody, mayReadCustody } from '../custody/custody-panel';
import { ConsentsPanel, DeliveriesPanel, GoalPanel } from './case-records';
import { CaseTimeline } from './case-timeline';
import { DocumentRequestsPanel } from './document-requests-panel';
import { DueDatesList } from './due-dates-list';
import { DossierDownload } from '../dossier/dossier-download';
import { OpenSteps } from './open-steps';
import { OppPanel } from './opp-panel';
import { LIFT_STEP, ParentsExceptionPanel } from './parents-exception-panel';
import { PlannedMeetingPanel } from './planned-meeting-panel';
import { TlvChecklistPanel } from './tlv-checklist-panel';

export function CasePage() {
  const { id = '' } = useParams();
  const today = useToday();
  const { session } = useAuth();
  const { data, loading, error } = useQuery(CASE_QUERY, { variables: { id }, skip: !id });
  const detail = data?.case;
  usePageTitle(detail ? `${detail.summary.pupil.displayName} – ${processLabel(detail.summary.process)}` : 'Casus');
  const role = session?.user.role;
  const back = backToHomeOf(role);

  return (
    <Stack spacing={2.5}>
      <Box>
        <Button component={RouterLink} to={back.to} startIcon={<ArrowBackIcon />} size="small">
          {back.label}
        </Button>
      </Box>
      {loading && !detail && <LinearProgress aria-label="Casus laden" />}
      {error && !detail && <ErrorAlert error={error} />}
      {detail && (
        <>
          <CaseHeader
            summary={detail.summary}
            policyVersion={detail.policyVersion}
            today={today}
            pupilActions={
              <DossierDownload user={session?.user} pupilId={detail.summary.pupil.id} pupilName={detail.summary.pupil.displayName} pupilSchoolId={detail.summary.pupil.schoolId} />
            }
          />
          {detail.summary.stuck && (
            <Alert severity="error" variant="outlined" role="alert" sx={{ bgcolor: 'background.paper' }}>
              <AlertTitle>Deze casus is vastgelopen</AlertTitle>
              {detail.summary.stuckReason ?? 'Er is geen reden opgegeven.'}
            </Alert>
          )}
          {error && <ErrorAlert error={error} />}
          <ParentsExceptionPanel detail={detail} />
          {/* Lifting the parents exception has its place in the panel above. */}
          <OpenSteps summary={detail.summary} steps={detail.openSteps} stepLabels={detail.openStepLabels} stepForms={(detail.stepForms ?? []).filter((f) => f.step !== LIFT_STEP)} />
          <Box sx={{ display: 'grid', gap: 2.5, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, alignItems: 'start' }}>
            <Stack spacing={2.5}>
              {(detail.goal || (detail.sessions?.length ?? 0) > 0 || detail.summary.process === 'ONDERSTEUNINGSTRAJECT') && (
                <GoalPanel goal={detail.goal} coachName={detail.coachName} sessions={detail.sessions ?? []} />
              )}
              <PlannedMeetingPanel key={detail.summary.updatedAt} caseId={detail.summary.id} process={detail.summary.process} />
              <OppPanel key={`opp-${detail.summary.updatedAt}`} caseId={detail.summary.id} process={detail.summary.process} />
              <TlvChecklistPanel key={`tlv-${detail.summary.updatedAt}`} caseId={detail.summary.id} process={detail.summary.process} />
              <DocumentRequestsPanel key={`documents-asked-${detail.summary.updatedAt}`} caseId={detail.summary.id} process={detail.summary.process} mayProvide={role === 'PARENT'} />
              <DueDatesList dueDates={detail.dueDates} today={today} />
              <ConsentsPanel consents={detail.consents ?? []} mayWithdraw={role === 'ZORGCOORDINATOR' || role === 'ADMIN'} />
              {mayReadCustody(role) && <CustodyPanel pupilId={detail.summary.pupil.id} mayEdit={mayEditCustody(role)} />}
              {mayListDocuments(role) && <CaseDocumentsPanel caseId={detail.summary.id} mayUpload={mayUploadDocuments(role)} />}

            </Stack>
            <Stack spacing={2.5}>
              <CaseNotesPanel caseId={detail.summary.id} mayWrite={mayWriteNotes(role) && !detail.summary.closedAt} />
              <CaseTimeline entries={detail.timeline} />
              {/* The delivery log is the school's: the api gives others null. */}
              {detail.deliveries && <DeliveriesPanel deliveries={detail.deliveries} />}
            </Stack>
          </Box>
        </>
      )}
    </Stack>
  );
}
