import { useQuery } from '@apollo/client/react';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { type ProcessType } from '../../gql/graphql';
import { formatDutchDateInWords } from '../../shared/dates';
import { JOS_STARTGESPREK_QUERY, type PlannedMeeting, ZAT_MEETING_QUERY } from './planned-meeting.graphql';

const MODE_LABELS: Record<string, string> = { OP_SCHOOL: 'op school', TELEFONISCH: 'telefonisch' };

/** E.g. "dinsdag 1 december 2026 om 14:30 · op school · kamer JOS". */
export function describeMeeting(m: PlannedMeeting): string {
  const when = `${formatDutchDateInWords(m.date)}${m.time ? ` om ${m.time}` : ''}`;
  return [when, MODE_LABELS[m.mode] ?? m.mode, m.mode === 'TELEFONISCH' ? null : m.location].filter(Boolean).join(' · ');
}

function MeetingSection({ title, meeting }: { title: string; meeting: PlannedMeeting }) {
  return (
    <Paper component="section" aria-labelledby="planned-meeting-heading" sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography id="planned-meeting-heading" variant="h2" sx={{ mb: 1 }}>
        {title}
      </Typography>
      <Typography variant="body1" data-testid="planned-meeting">
        {describeMeeting(meeting)}
      </Typography>
    </Paper>
  );
}

function ZatMeeting({ caseId }: { caseId: string }) {
  // Not cached: `case` (a CaseDetail has no id) would replace the case page's own CaseDetail in the cache.
  const { data } = useQuery(ZAT_MEETING_QUERY, { variables: { id: caseId }, fetchPolicy: 'no-cache' });
  const zm = data?.case.zorgroute?.zatMeeting;
  if (!zm) return null;
  return (
    <MeetingSection
      title={zm.flex ? 'Geplande Flex-ZAT-bespreking' : 'Geplande ZAT-bespreking'}
      meeting={{ date: zm.meetingDate, time: zm.meetingTime ?? null, mode: zm.mode, location: zm.location ?? null }}
    />
  );
}

function JosStartgesprek({ caseId }: { caseId: string }) {
  const { data } = useQuery(JOS_STARTGESPREK_QUERY, { variables: { id: caseId } });
  const planned = data?.josCase.plannedStartgesprek;
  return planned ? <MeetingSection title="Gepland startgesprek" meeting={planned} /> : null;
}

/**
 * The planned ZAT meeting (P2) or JOS startgesprek (P3) with time and place; nothing for other processes. The case
 * page remounts it when the case changes (key: the summary's updatedAt), so a new plan shows at once.
 */
export function PlannedMeetingPanel({ caseId, process }: { caseId: string; process: ProcessType }) {
  if (process === 'ZORGROUTE') return <ZatMeeting caseId={caseId} />;
  if (process === 'JOS') return <JosStartgesprek caseId={caseId} />;
  return null;
}
