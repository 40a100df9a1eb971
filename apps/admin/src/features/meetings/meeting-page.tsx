import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link as RouterLink, useParams } from 'react-router';
import { useAuth } from '../../app/auth/auth-context';
import { formatDutchDateInWords, formatDutchDateTimeInWords } from '../../shared/dates';
import { ErrorAlert } from '../../shared/error-alert';
import { FormTextField } from '../../shared/form-text-field';
import { TimeOfDayField } from '../../shared/time-of-day-field';
import { usePageTitle } from '../../shared/use-page-title';
import { useToday } from '../../shared/use-today';
import { cancelFormSchema, meetingFormSchema, minutesFormSchema, type CancelFormValues, type MeetingFormValues, type MinutesFormValues } from './meeting-forms';
import {
  CANCEL_MEETING_MUTATION,
  MEETING_QUERY,
  PUT_CASE_ON_MEETING_MUTATION,
  RECORD_MEETING_MINUTES_MUTATION,
  SEND_MEETING_AGENDA_MUTATION,
  UPDATE_MEETING_MUTATION,
  type Meeting,
  type MeetingCase,
  type MeetingDetail,
} from './meetings.graphql';
import { mayPlanMeetings, meetingWhenWhere } from './meetings-page';
import { Section } from '../../shared/section';

const REFETCH = { refetchQueries: ['Meeting'], awaitRefetchQueries: true };

function pupilLine(c: MeetingCase): string {
  return `${c.pupilName}${c.className ? ` (${c.className})` : ''}`;
}

/**
 * One meeting (issue 17.8): its date, time and place, the pupils on it (from their cases; staff of the school only),
 * putting a case on it through the case's own planning step, one agenda e-mail (a resend is explicit), the minutes with
 * a note per case for its logboek, and moving or cancelling a meeting without cases.
 */
export function MeetingPage() {
  const { id = '' } = useParams();
  const { session } = useAuth();
  const mayPlan = mayPlanMeetings(session?.user.role);
  const today = useToday();
  const q = useQuery(MEETING_QUERY, { variables: { id } });
  const detail = q.data?.meeting;
  const m = detail?.meeting;
  usePageTitle(m ? `${m.kindLabel} van ${formatDutchDateInWords(m.date)}` : 'Overleg');

  if (q.loading && !detail) return <LinearProgress aria-label="Overleg laden" />;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!detail || !m) return null;
  return (
    <Stack spacing={3}>
      <Box>
        <Link component={RouterLink} to="/overleggen" variant="body2">
          Alle overleggen
        </Link>
        <Typography variant="h1">
          {m.kindLabel} van {formatDutchDateInWords(m.date)}
        </Typography>
        <Typography color="text.secondary">
          {m.schoolName} · {meetingWhenWhere(m)} · schooljaar {m.schoolYear.replace('-', '–')}
        </Typography>
      </Box>
      {m.cancelled && <Alert severity="warning">Dit overleg is geannuleerd{m.cancelReason ? `: ${m.cancelReason}` : ''}.</Alert>}
      <Box sx={{ display: 'grid', gap: 2.5, gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' }, alignItems: 'start' }}>
        <Stack spacing={2.5}>
          <Section id="meeting-cases-heading" title="Leerlingen op dit overleg">
            {detail.cases.length === 0 ? (
              <Typography color="text.secondary">Er staan nog geen leerlingen op dit overleg.</Typography>
            ) : (
              <Box component="ul" aria-label="Leerlingen op dit overleg" sx={{ m: 0, pl: 2.5, display: 'grid', gap: 1 }}>
                {detail.cases.map((c) => (
                  <li key={c.caseId}>
                    <Link component={RouterLink} to={`/cases/${encodeURIComponent(c.caseId)}`}>
                      {pupilLine(c)}
                    </Link>{' '}
                    <Typography component="span" variant="body2" color="text.secondary">
                      · {c.statusLabel}
                    </Typography>
                  </li>
                ))}
              </Box>
            )}
          </Section>
          {mayPlan && !m.cancelled && m.date >= today && <Candidates meeting={m} candidates={detail.candidates} />}
          {mayPlan && !m.cancelled && m.date <= today && <MinutesForm detail={detail} />}
          {!mayPlan && m.minutes && (
            <Section id="meeting-minutes-heading" title="Verslag">
              <Typography sx={{ whiteSpace: 'pre-wrap' }}>{m.minutes}</Typography>
            </Section>
          )}
        </Stack>
        {mayPlan && !m.cancelled && (
          <Stack spacing={2.5}>
            <Agenda meeting={m} recipients={detail.agendaRecipientCount} caseCount={detail.cases.length} />
            {m.date >= today && <EditMeeting meeting={m} hasCases={detail.cases.length > 0} />}
          </Stack>
        )}
      </Box>
    </Stack>
  );
}

function Candidates({ meeting, candidates }: { meeting: Meeting; candidates: MeetingCase[] }) {
  const [put, putting] = useMutation(PUT_CASE_ON_MEETING_MUTATION, REFETCH);
  const [busy, setBusy] = useState<string | null>(null);
  const explanation =
    meeting.kind === 'IZO'
      ? 'Leerlingen van wie de IZO-bespreking op een andere datum gepland staat. De bespreking wordt naar dit overleg verplaatst; de deelnemers krijgen een nieuwe uitnodiging.'
      : 'Leerlingen van wie de ZAT-bespreking nog gepland moet worden. Ze worden op dit overleg gepland met de tijd en plaats hierboven.';
  const add = async (c: MeetingCase) => {
    setBusy(c.caseId);
    try {
      await put({ variables: { input: { meetingId: meeting.id, caseId: c.caseId } } });
    } catch {
      // Shown from putting.error.
    } finally {
      setBusy(null);
    }
  };
  return (
    <Section id="meeting-candidates-heading" title="Leerling op dit overleg zetten">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {explanation}
      </Typography>
      {putting.error && <ErrorAlert error={putting.error} sx={{ mb: 2 }} />}
      {candidates.length === 0 ? (
        <Typography color="text.secondary">Geen leerlingen die nu op dit overleg kunnen.</Typography>
      ) : (
        <Box component="ul" aria-label="Leerlingen die op dit overleg kunnen" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1 }}>
          {candidates.map((c) => (
            <Box component="li" key={c.caseId} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', justifyContent: 'space-between' }}>
              <Typography variant="body2">
                {pupilLine(c)}
                {c.plannedDate ? ` · nu gepland op ${formatDutchDateInWords(c.plannedDate)}` : ''}
              </Typography>
              <Button size="small" variant="outlined" disabled={busy !== null} onClick={() => void add(c)}>
                Zet {c.pupilName} op dit overleg
              </Button>
            </Box>
          ))}
        </Box>
      )}
    </Section>
  );
}

function Agenda({ meeting, recipients, caseCount }: { meeting: Meeting; recipients: number; caseCount: number }) {
  const [send, sending] = useMutation(SEND_MEETING_AGENDA_MUTATION, REFETCH);
  const [confirmResend, setConfirmResend] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const go = async (resend: boolean) => {
    setResult(null);
    try {
      const { data } = await send({ variables: { input: { meetingId: meeting.id, ...(resend ? { resend: true } : {}) } } });
      const r = data?.sendMeetingAgenda;
      setResult(r?.status === 'SENT' ? `Agenda verstuurd aan ${r.sent} ${r.sent === 1 ? 'deelnemer' : 'deelnemers'}.` : 'De agenda was al verstuurd; er is niets opnieuw verstuurd.');
      setConfirmResend(false);
    } catch {
      // Shown from sending.error.
    }
  };
  return (
    <Section id="meeting-agenda-heading" title="Agenda">
      <Typography variant="body2" sx={{ mb: 1.5 }}>
        {recipients} {recipients === 1 ? 'deelnemer krijgt' : 'deelnemers krijgen'} een e-mail met de datum, tijd, plaats en het aantal leerlingen ({caseCount}) en een link naar deze pagina. De namen van de leerlingen staan alleen hier.
      </Typography>
      {sending.error && <ErrorAlert error={sending.error} sx={{ mb: 2 }} />}
      {result && (
        <Alert severity="success" sx={{ mb: 2 }}>
          {result}
        </Alert>
      )}
      {meeting.agendaRounds === 0 ? (
        <Button variant="contained" disabled={sending.loading} onClick={() => void go(false)}>
          Agenda versturen
        </Button>
      ) : (
        <Stack spacing={1.5}>
          <Typography variant="body2">
            Agenda verstuurd{meeting.agendaSentAt ? ` op ${formatDutchDateTimeInWords(meeting.agendaSentAt)}` : ''}
            {meeting.agendaRounds > 1 ? ` (${meeting.agendaRounds} keer)` : ''}.
          </Typography>
          {confirmResend ? (
            // The buttons under the question, not beside it: on a phone, beside it they squeeze it to a word a line.
            <Alert severity="info">
              <Box component="span" sx={{ display: 'block' }}>
                Alle deelnemers krijgen de agenda nog een keer.
              </Box>
              <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, flexWrap: 'wrap' }}>
                <Button size="small" variant="contained" disabled={sending.loading} onClick={() => void go(true)}>
                  Opnieuw versturen
                </Button>
                <Button size="small" onClick={() => setConfirmResend(false)}>
                  Annuleren
                </Button>
              </Stack>
            </Alert>
          ) : (
            <Box>
              <Button variant="outlined" onClick={() => setConfirmResend(true)}>
                Agenda opnieuw versturen
              </Button>
            </Box>
          )}
        </Stack>
      )}
    </Section>
  );
}

function MinutesForm({ detail }: { detail: MeetingDetail }) {
  const m = detail.meeting;
  const [record, recording] = useMutation(RECORD_MEETING_MINUTES_MUTATION, REFETCH);
  const [saved, setSaved] = useState(false);
  const form = useForm<MinutesFormValues>({
    resolver: zodResolver(minutesFormSchema),
    defaultValues: { minutes: m.minutes ?? '', notes: Object.fromEntries(detail.cases.map((c) => [c.caseId, ''])) },
  });
  const submit = form.handleSubmit(async (values) => {
    setSaved(false);
    const caseNotes = Object.entries(values.notes)
      .map(([caseId, note]) => ({ caseId, note: note.trim() }))
      .filter((n) => n.note);
    try {
      await record({ variables: { input: { meetingId: m.id, minutes: values.minutes.trim(), caseNotes } } });
      form.reset({ minutes: values.minutes.trim(), notes: Object.fromEntries(detail.cases.map((c) => [c.caseId, ''])) });
      setSaved(true);
    } catch {
      // Shown from recording.error.
    }
  });
  return (
    <Section id="meeting-minutes-heading" title="Verslag">
      {m.minutesRecordedAt && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          Vastgelegd op {formatDutchDateTimeInWords(m.minutesRecordedAt)}. Alleen medewerkers van de school zien het verslag.
        </Typography>
      )}
      {recording.error && <ErrorAlert error={recording.error} sx={{ mb: 2 }} />}
      {saved && (
        <Alert severity="success" sx={{ mb: 2 }}>
          Verslag opgeslagen; de notities staan in het logboek van de leerlingen.
        </Alert>
      )}
      <Stack component="form" noValidate spacing={2} onSubmit={submit} aria-labelledby="meeting-minutes-heading">
        <FormTextField
          name="minutes"
          control={form.control}
          label="Verslag van het overleg"
          multiline
          minRows={4}
          required
          helperText="Voor de medewerkers van de school."
        />
        {detail.cases.map((c) => (
          <Controller
            key={c.caseId}
            name={`notes.${c.caseId}`}
            control={form.control}
            render={({ field, fieldState }) => (
              <TextField label={`Notitie over ${c.pupilName}`} multiline minRows={2} {...field} value={field.value ?? ''} error={!!fieldState.error} helperText={fieldState.error?.message ?? 'Komt in het logboek van de leerling (alleen de school).'} />
            )}
          />
        ))}
        <Box>
          <Button type="submit" variant="contained" disabled={recording.loading}>
            Verslag opslaan
          </Button>
        </Box>
      </Stack>
    </Section>
  );
}

function EditMeeting({ meeting, hasCases }: { meeting: Meeting; hasCases: boolean }) {
  const today = useToday();
  const schema = useMemo(() => meetingFormSchema(today), [today]);
  const [update, updating] = useMutation(UPDATE_MEETING_MUTATION, REFETCH);
  const [cancel, cancelling] = useMutation(CANCEL_MEETING_MUTATION, REFETCH);
  const form = useForm<MeetingFormValues>({ resolver: zodResolver(schema), defaultValues: { kind: meeting.kind, date: meeting.date, time: meeting.time ?? '', location: meeting.location ?? '' } });
  const cancelForm = useForm<CancelFormValues>({ resolver: zodResolver(cancelFormSchema), defaultValues: { reason: '' } });
  const submit = form.handleSubmit(async (v) => {
    try {
      await update({ variables: { input: { id: meeting.id, date: v.date, time: v.time || null, location: v.location.trim() || null } } });
    } catch {
      // Shown from updating.error.
    }
  });
  const submitCancel = cancelForm.handleSubmit(async (v) => {
    try {
      await cancel({ variables: { input: { id: meeting.id, reason: v.reason.trim() } } });
    } catch {
      // Shown from cancelling.error.
    }
  });
  return (
    <Section id="meeting-edit-heading" title="Overleg wijzigen">
      {updating.error && <ErrorAlert error={updating.error} sx={{ mb: 2 }} />}
      <Stack component="form" noValidate spacing={2} onSubmit={submit} aria-labelledby="meeting-edit-heading">
        {hasCases ? (
          <Typography variant="body2">Er staan leerlingen op dit overleg: de datum ({formatDutchDateInWords(meeting.date)}) blijft. Tijd en plaats kunnen nog veranderen.</Typography>
        ) : (
          <Controller
            name="date"
            control={form.control}
            render={({ field, fieldState }) => (
              <TextField type="date" label="Datum" required {...field} slotProps={{ inputLabel: { shrink: true } }} error={!!fieldState.error} helperText={fieldState.error?.message ?? formatDutchDateInWords(field.value || meeting.date)} />
            )}
          />
        )}
        <TimeOfDayField name="time" control={form.control} helperText="24 uur, bijvoorbeeld 14:30." />
        <FormTextField name="location" control={form.control} label="Plaats" />
        <Box>
          <Button type="submit" variant="outlined" disabled={updating.loading}>
            Wijzigingen opslaan
          </Button>
        </Box>
      </Stack>
      {!hasCases && (
        <Stack component="form" noValidate spacing={2} onSubmit={submitCancel} aria-label="Overleg annuleren" sx={{ mt: 3 }}>
          {cancelling.error && <ErrorAlert error={cancelling.error} />}
          <FormTextField name="reason" control={cancelForm.control} label="Reden van annuleren" helperText="Wordt niet verstuurd." />
          <Box>
            <Button type="submit" color="error" variant="outlined" disabled={cancelling.loading}>
              Overleg annuleren
            </Button>
          </Box>
        </Stack>
      )}
    </Section>
  );
}
