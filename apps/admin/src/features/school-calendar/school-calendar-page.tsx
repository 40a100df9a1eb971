import { useMutation, useQuery } from "@apollo/client/react";
import { zodResolver } from "@hookform/resolvers/zod";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import LinearProgress from "@mui/material/LinearProgress";
import MenuItem from "@mui/material/MenuItem";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { useAuth } from "../../app/auth/auth-context";
import { formatDutchDateInWords } from "../../shared/dates";
import { ErrorAlert } from "../../shared/error-alert";
import { FormTextField } from "../../shared/form-text-field";
import { usePageTitle } from "../../shared/use-page-title";
import { useToday } from "../../shared/use-today";
import { REGION_SCHOOLS_QUERY } from "../case-steps/step-mutations.graphql";
import { HolidayImportPanel } from "./holiday-import-panel";
import { RunningCasesCalendarPanel } from "./running-cases-calendar";
import {
  ADD_SCHOOL_DAY_OFF_MUTATION,
  REMOVE_SCHOOL_DAY_OFF_MUTATION,
  SCHOOL_CALENDAR_QUERY,
  type SchoolDayOff,
} from "./school-calendar.graphql";

/** The school year (1 August – 31 July) a date falls in, e.g. "2026-2027". */
export function schoolYearOf(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const start = Number(isoDate.slice(5, 7)) >= 8 ? year : year - 1;
  return `${start}-${start + 1}`;
}

const nextSchoolYear = (schoolYear: string) =>
  `${Number(schoolYear.slice(0, 4)) + 1}-${Number(schoolYear.slice(0, 4)) + 2}`;

const range = (from: string, to: string) =>
  from === to
    ? formatDutchDateInWords(from)
    : `${formatDutchDateInWords(from)} t/m ${formatDutchDateInWords(to)}`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The first and last day of the range, in order. */
const dayOffRange = z.object({
  from: z.string().regex(DATE, "Vul de eerste vrije dag in"),
  // Empty: the one day.
  to: z.union([z.literal(""), z.string().regex(DATE, "Vul een geldige laatste dag in")]),
});

/** A day off of the school: a first day, a last day (empty: the same day) not before it, and a name. */
export const dayOffSchema = dayOffRange
  .extend({
    name: z
      .string()
      .trim()
      .min(1, "Geef de vrije dag een naam, bijvoorbeeld Studiedag")
      .max(100, "De naam mag hoogstens 100 tekens lang zijn"),
  })
  .refine((d) => !d.to || d.to >= d.from, {
    path: ["to"],
    message: "De laatste vrije dag ligt voor de eerste",
    // Also when the name is still missing: both problems at once.
    when: (payload) => dayOffRange.safeParse(payload.value).success,
  });

type DayOffValues = z.infer<typeof dayOffSchema>;

const NO_DAY_OFF: DayOffValues = { from: "", to: "", name: "" };

function DayOffForm({
  onAdd,
  busy,
}: {
  onAdd(day: { from: string; to: string; name: string }): Promise<boolean>;
  busy: boolean;
}) {
  const { control, handleSubmit, reset } = useForm<DayOffValues>({
    resolver: zodResolver(dayOffSchema),
    defaultValues: NO_DAY_OFF,
  });
  const submit = handleSubmit(async (values) => {
    const added = await onAdd({
      from: values.from,
      to: values.to || values.from,
      name: values.name.trim(),
    });
    if (added) reset(NO_DAY_OFF);
  });

  return (
    <Box
      component="form"
      onSubmit={(e: React.FormEvent) => void submit(e)}
      noValidate
      aria-label="Vrije dag toevoegen"
      sx={{ mt: 3 }}
    >
      <Stack spacing={2}>
        <Typography variant="h3">Vrije dag toevoegen</Typography>
        <Stack direction={{ xs: "column", sm: "row" }} spacing={2}>
          <FormTextField name="from" control={control} type="date" label="Eerste dag" required slotProps={{ inputLabel: { shrink: true } }} />
          <FormTextField
            name="to"
            control={control}
            type="date"
            label="Laatste dag"
            helperText="Leeg: één dag"
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Stack>
        <FormTextField
          name="name"
          control={control}
          label="Naam"
          required
          helperText="Bijvoorbeeld Studiedag"
          slotProps={{ htmlInput: { maxLength: 100 } }}
        />
        <Button
          type="submit"
          variant="contained"
          disabled={busy}
          sx={{ alignSelf: "flex-start" }}
        >
          Vrije dag toevoegen
        </Button>
      </Stack>
    </Box>
  );
}

/**
 * The school's own days off (studiedagen) per school year, next to the regional holidays: the zorgcoördinator of the
 * school (an admin: of any school) adds and removes them. New cases count them; running cases keep their calendar.
 */
export function SchoolCalendarPage() {
  usePageTitle("Schoolkalender");
  const { session } = useAuth();
  const today = useToday();
  const isAdmin = session?.user.role === "ADMIN";
  // The platform admins keep the regional holiday data (the platform admin has no school calendar of his own).
  const importsHolidays = isAdmin || session?.user.role === "PLATFORM_ADMIN";
  const hasSchoolCalendar = isAdmin || session?.user.role === "ZORGCOORDINATOR";
  const schools = useQuery(REGION_SCHOOLS_QUERY, { skip: !isAdmin });
  const [chosenSchool, setChosenSchool] = useState("");
  const schoolId = isAdmin ? chosenSchool : (session?.user.schoolId ?? "");
  const current = schoolYearOf(today);
  const [schoolYear, setSchoolYear] = useState(current);
  const calendar = useQuery(SCHOOL_CALENDAR_QUERY, {
    variables: { schoolId, schoolYear },
    skip: !schoolId,
  });
  const refetch = {
    refetchQueries: ["SchoolCalendar"],
    awaitRefetchQueries: true,
  };
  const [add, adding] = useMutation(ADD_SCHOOL_DAY_OFF_MUTATION, refetch);
  const [remove, removing] = useMutation(
    REMOVE_SCHOOL_DAY_OFF_MUTATION,
    refetch,
  );
  const cal = calendar.data?.schoolCalendar;

  /** Adds the day off; false when the api refused it (shown from adding.error). */
  const addDayOff = async (day: { from: string; to: string; name: string }) => {
    try {
      await add({ variables: { input: { schoolId, ...day, schoolYear } } });
      return true;
    } catch {
      return false;
    }
  };

  const removeDay = async (day: SchoolDayOff) => {
    try {
      await remove({ variables: { id: day.id } });
    } catch {
      // Shown from removing.error.
    }
  };

  return (
    <Stack spacing={3}>
      <Box>
        <Typography variant="h1">Schoolkalender</Typography>
        <Typography color="text.secondary">
          Vrije dagen van de school naast de schoolvakanties van de regio.
          Termijnen in schooldagen slaan ze over; lopende casussen houden hun
          kalender.
        </Typography>
      </Box>
      {importsHolidays && <HolidayImportPanel />}
      {hasSchoolCalendar && (
        <Stack direction={{ xs: "column", sm: "row" }} spacing={2}>
          {isAdmin && (
            <TextField
              select
              label="School"
              value={chosenSchool}
              onChange={(e) => setChosenSchool(e.target.value)}
              sx={{ minWidth: 280 }}
            >
              {(schools.data?.regionSchools ?? []).map((s) => (
                <MenuItem key={s.id} value={s.id}>
                  {s.name}
                </MenuItem>
              ))}
            </TextField>
          )}
          <TextField
            select
            label="Schooljaar"
            value={schoolYear}
            onChange={(e) => setSchoolYear(e.target.value)}
            sx={{ minWidth: 180 }}
          >
            {[current, nextSchoolYear(current)].map((y) => (
              <MenuItem key={y} value={y}>
                {y.replace("-", "–")}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
      )}
      {calendar.loading && <LinearProgress aria-label="Kalender laden" />}
      {calendar.error && <ErrorAlert error={calendar.error} />}
      {cal && (
        <Box
          sx={{
            display: "grid",
            gap: 2.5,
            gridTemplateColumns: { xs: "1fr", lg: "1fr 1fr" },
            alignItems: "start",
          }}
        >
          <Paper
            component="section"
            aria-labelledby="days-off-heading"
            sx={{ p: { xs: 2, sm: 3 } }}
          >
            <Typography id="days-off-heading" variant="h2" sx={{ mb: 1.5 }}>
              Vrije dagen van de school
            </Typography>
            {(removing.error || adding.error) && (
              <ErrorAlert
                error={(removing.error ?? adding.error)!}
                sx={{ mb: 2 }}
              />
            )}
            {cal.daysOff.length === 0 ? (
              <Typography color="text.secondary">
                Nog geen vrije dagen in dit schooljaar.
              </Typography>
            ) : (
              <Box
                component="ul"
                aria-label="Vrije dagen"
                sx={{ listStyle: "none", m: 0, p: 0, display: "grid", gap: 1 }}
              >
                {cal.daysOff.map((d) => (
                  <Box
                    component="li"
                    key={d.id}
                    sx={{
                      display: "flex",
                      gap: 1,
                      alignItems: "center",
                      justifyContent: "space-between",
                    }}
                  >
                    <Typography variant="body2">
                      <strong>{d.name}</strong>: {range(d.from, d.to)}
                    </Typography>
                    <Button
                      size="small"
                      color="error"
                      disabled={removing.loading}
                      onClick={() => void removeDay(d)}
                      aria-label={`${d.name} op ${range(d.from, d.to)} verwijderen`}
                    >
                      Verwijderen
                    </Button>
                  </Box>
                ))}
              </Box>
            )}
            <DayOffForm onAdd={addDayOff} busy={adding.loading} />
          </Paper>
          <Paper
            component="section"
            aria-labelledby="holidays-heading"
            sx={{ p: { xs: 2, sm: 3 } }}
          >
            <Typography id="holidays-heading" variant="h2" sx={{ mb: 1.5 }}>
              Schoolvakanties regio {cal.region}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
              {cal.schoolDays} schooldagen in {cal.schoolYear.replace("-", "–")}
              .
            </Typography>
            {!cal.holidaysKnown && (
              <Alert severity="warning">
                Van dit schooljaar zijn de vakanties van de regio nog niet
                bekend: alleen weekenden en vrije dagen tellen.
              </Alert>
            )}
            <Box
              component="ul"
              sx={{ listStyle: "none", m: 0, p: 0, display: "grid", gap: 1 }}
            >
              {cal.holidays.map((h) => (
                <Box component="li" key={`${h.name}-${h.from}`}>
                  <Typography variant="body2">
                    <strong>{h.name}</strong>: {range(h.from, h.to)}
                  </Typography>
                </Box>
              ))}
            </Box>
          </Paper>
          <RunningCasesCalendarPanel schoolId={schoolId} />
        </Box>
      )}
    </Stack>
  );
}
