import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useAuth } from '../../app/auth/auth-context';
import type { MeetingKind } from '../../gql/graphql';
import { formatDutchDateInWords } from '../../shared/dates';
import { ErrorAlert } from '../../shared/error-alert';
import { FormTextField } from '../../shared/form-text-field';
import { TimeOfDayField } from '../../shared/time-of-day-field';
import { usePageTitle } from '../../shared/use-page-title';
import { useToday } from '../../shared/use-today';
import { REGION_SCHOOLS_QUERY } from '../case-steps/step-mutations.graphql';
import { schoolYearOf } from '../school-calendar/school-calendar-page';
import { meetingFormSchema, type MeetingFormValues } from './meeting-forms';
import { MEETING_KIND_OPTIONS, meetingKindOrAll, MEETINGS_QUERY, PLAN_MEETING_MUTATION, type Meeting } from './meetings.graphql';

const nextSchoolYear = (y: string) => `${Number(y.slice(0, 4)) + 1}-${Number(y.slice(0, 4)) + 2}`;
const previousSchoolYear = (y: string) => `${Number(y.slice(0, 4)) - 1}-${Number(y.slice(0, 4))}`;

/** Who plans meetings (the api's rule): the school's zorgcoördinator and an admin; a teamleider reads them. */
export function mayPlanMeetings(role: string | undefined): boolean {
  return role === 'ZORGCOORDINATOR' || role === 'ADMIN';
}

/** "14:30, kamer 12" — the time and place of a meeting, or what is not known yet. */
export function meetingWhenWhere(m: Pick<Meeting, 'time' | 'location'>): string {
  return [m.time ? `om ${m.time}` : null, m.location].filter(Boolean).join(', ') || 'tijd en plaats nog niet bekend';
}

/**
 * Overleggen (issue 17.8): a school's IZO, ZAT and Flex-ZAT meetings of one school year, filtered by kind, with the check
 * of the ZAT calendar (at least 6 per school year) and a form to plan a meeting. Each meeting opens its own page.
 */
export function MeetingsPage() {
  usePageTitle('Overleggen');
  const { session } = useAuth();
  const role = session?.user.role;
  const isAdmin = role === 'ADMIN';
  const today = useToday();
  const navigate = useNavigate();
  const schools = useQuery(REGION_SCHOOLS_QUERY, { skip: !isAdmin });
  const [chosenSchool, setChosenSchool] = useState('');
  const schoolId = isAdmin ? chosenSchool || (schools.data?.regionSchools[0]?.id ?? '') : (session?.user.schoolId ?? '');
  const current = schoolYearOf(today);
  const [schoolYear, setSchoolYear] = useState(current);
  const [kind, setKind] = useState<MeetingKind | ''>('');
  const list = useQuery(MEETINGS_QUERY, { variables: { schoolId, schoolYear, kind: kind || null }, skip: !schoolId });
  const [plan, planning] = useMutation(PLAN_MEETING_MUTATION, { refetchQueries: ['Meetings'], awaitRefetchQueries: true });
  const schema = useMemo(() => meetingFormSchema(today), [today]);
  const form = useForm<MeetingFormValues>({ resolver: zodResolver(schema), defaultValues: { kind: 'IZO', date: '', time: '', location: '' } });
  const data = list.data?.meetings;

  const submit = form.handleSubmit(async (values) => {
    try {
      const { data: planned } = await plan({ variables: { input: { schoolId, kind: values.kind, date: values.date, time: values.time || null, location: values.location.trim() || null } } });
      form.reset({ kind: values.kind, date: '', time: values.time, location: values.location });
      if (planned) await navigate(`/overleggen/${planned.planMeeting.id}`);
    } catch {
      // Shown from planning.error.
    }
  });

  return (
    <Stack spacing={3}>
      <Box>
        <Typography variant="h1">Overleggen</Typography>
        <Typography color="text.secondary">
          De IZO-, ZAT- en Flex-ZAT-overleggen van de school per schooljaar. Open een overleg om te zien welke leerlingen erop staan, de agenda te versturen en het verslag vast te leggen.
        </Typography>
      </Box>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        {isAdmin && (
          <TextField select label="School" value={schoolId} onChange={(e) => setChosenSchool(e.target.value)} sx={{ minWidth: 260 }}>
            {(schools.data?.regionSchools ?? []).map((s) => (
              <MenuItem key={s.id} value={s.id}>
                {s.name}
              </MenuItem>
            ))}
          </TextField>
        )}
        <TextField select label="Schooljaar" value={schoolYear} onChange={(e) => setSchoolYear(e.target.value)} sx={{ minWidth: 180 }}>
          {[previousSchoolYear(current), current, nextSchoolYear(current)].map((y) => (
            <MenuItem key={y} value={y}>
              {y.replace('-', '–')}
            </MenuItem>
          ))}
        </TextField>
        <TextField select label="Soort overleg" value={kind} onChange={(e) => setKind(meetingKindOrAll(e.target.value))} sx={{ minWidth: 200 }}>
          <MenuItem value="">Alle soorten</MenuItem>
          {MEETING_KIND_OPTIONS.map((o) => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {list.loading && <LinearProgress aria-label="Overleggen laden" />}
      {list.error && <ErrorAlert error={list.error} />}
      {data && (
        data.zatCheck.warning ? (
          <Alert severity="warning">{data.zatCheck.warning}</Alert>
        ) : (
          <Alert severity="success">
            {data.zatCheck.count} ZAT-overleggen in schooljaar {data.zatCheck.schoolYear.replace('-', '–')} (minstens {data.zatCheck.minimum}).
          </Alert>
        )
      )}
      <Box sx={{ display: 'grid', gap: 2.5, gridTemplateColumns: { xs: '1fr', lg: mayPlanMeetings(role) ? '3fr 2fr' : '1fr' }, alignItems: 'start' }}>
        <Paper component="section" aria-labelledby="meetings-heading" sx={{ p: { xs: 2, sm: 3 } }}>
          <Typography id="meetings-heading" variant="h2" sx={{ mb: 1.5 }}>
            Overleggen in {schoolYear.replace('-', '–')}
          </Typography>
          {data && data.meetings.length === 0 && <Typography color="text.secondary">Nog geen overleggen in dit schooljaar.</Typography>}
          {data && data.meetings.length > 0 && (
            <Box component="ul" aria-label="Overleggen" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1.5 }}>
              {data.meetings.map((m) => (
                <Box component="li" key={m.id} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, justifyContent: 'space-between' }}>
                  <Box>
                    <Link component={RouterLink} to={`/overleggen/${m.id}`} sx={{ fontWeight: 600 }}>
                      {m.kindLabel} van {formatDutchDateInWords(m.date)}
                    </Link>
                    <Typography variant="body2" color="text.secondary">
                      {meetingWhenWhere(m)}
                    </Typography>
                  </Box>
                  <Typography variant="body2" color={m.cancelled ? 'error' : 'text.primary'}>
                    {m.cancelled ? 'Geannuleerd' : m.caseCount === 1 ? '1 leerling' : `${m.caseCount} leerlingen`}
                    {!m.cancelled && m.agendaRounds > 0 ? ' · agenda verstuurd' : ''}
                  </Typography>
                </Box>
              ))}
            </Box>
          )}
        </Paper>
        {mayPlanMeetings(role) && schoolId && (
          <Paper component="section" aria-labelledby="plan-meeting-heading" sx={{ p: { xs: 2, sm: 3 } }}>
            <Typography id="plan-meeting-heading" variant="h2" sx={{ mb: 1.5 }}>
              Overleg plannen
            </Typography>
            {planning.error && <ErrorAlert error={planning.error} sx={{ mb: 2 }} />}
            <Stack component="form" noValidate spacing={2} onSubmit={submit} aria-labelledby="plan-meeting-heading">
              <FormTextField name="kind" control={form.control} select label="Soort overleg">
                {MEETING_KIND_OPTIONS.map((o) => (
                  <MenuItem key={o.value} value={o.value}>
                    {o.label}
                  </MenuItem>
                ))}
              </FormTextField>
              <Controller
                name="date"
                control={form.control}
                render={({ field, fieldState }) => (
                  <TextField type="date" label="Datum" required {...field} slotProps={{ inputLabel: { shrink: true } }} error={!!fieldState.error} helperText={fieldState.error?.message ?? (field.value ? formatDutchDateInWords(field.value) : 'Een schooldag.')} />
                )}
              />
              <TimeOfDayField name="time" control={form.control} helperText="24 uur, bijvoorbeeld 14:30; staat in de agenda." />
              <FormTextField name="location" control={form.control} label="Plaats" helperText={'Bijvoorbeeld "kamer 12"; staat in de agenda.'} />
              <Box>
                <Button type="submit" variant="contained" disabled={planning.loading}>
                  Overleg plannen
                </Button>
              </Box>
            </Stack>
          </Paper>
        )}
      </Box>
    </Stack>
  );
}
