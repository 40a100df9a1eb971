import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link as RouterLink, useParams } from 'react-router';
import { z } from 'zod';
import { type Role } from '../../gql/graphql';
import { formatDutchDate, formatDutchDateTime } from '../../shared/dates';
import { ErrorAlert } from '../../shared/error-alert';
import { FormTextField } from '../../shared/form-text-field';
import { useAuth } from '../../app/auth/auth-context';
import { processLabel, roleLabel } from '../../shared/labels';
import { usePageTitle } from '../../shared/use-page-title';
import { ReassignStepsDialog, type ReassignCase } from '../work-lists/reassign-steps-dialog';
import { ImportPreviewView } from './import-preview';
import {
  ACCOUNTS_QUERY,
  APPLY_SCHOOL_IMPORT,
  CREATE_ACCOUNT,
  DEACTIVATE_ACCOUNT,
  OPEN_STEPS_QUERY,
  REACTIVATE_ACCOUNT,
  SCHOOL_IMPORT_QUERY,
  SCHOOL_IMPORTS_QUERY,
  SWVS_QUERY,
  uploadImportFile,
  type Account,
  type OpenStepToReassign,
} from './organisations.graphql';

/** The roles a school admin gives to the school's accounts (parents and pupils come from the import). */
export const SCHOOL_ROLES: Role[] = ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'COACH', 'JOS_MEDEWERKER', 'SCHOOL_ADMIN'];

const STATUS_LABELS: Record<string, string> = { PREVIEW: 'Voorvertoning', APPLIED: 'Verwerkt', SUPERSEDED: 'Vervangen' };

/** A new school account: a name the way the api takes it, an e-mail address, and one of the school's roles. */
export const newAccountSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, 'De naam moet 2 tot 200 tekens lang zijn.')
    .max(200, 'De naam moet 2 tot 200 tekens lang zijn.')
    .regex(/^[^=+\-@]/, 'De naam mag niet met =, +, - of @ beginnen.'),
  email: z.string().trim().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Vul een geldig e-mailadres in.').max(320, 'Vul een geldig e-mailadres in.'),
  role: z.custom<Role>((r) => SCHOOL_ROLES.includes(r as Role), 'Kies een rol.'),
});

type NewAccountValues = z.infer<typeof newAccountSchema>;

const NEW_ACCOUNT: NewAccountValues = { name: '', email: '', role: 'MENTOR' };

function NewAccountForm({ schoolId }: { schoolId: string }) {
  const { control, handleSubmit, reset } = useForm<NewAccountValues>({ resolver: zodResolver(newAccountSchema), defaultValues: NEW_ACCOUNT });
  const [createAccount, { loading, error }] = useMutation(CREATE_ACCOUNT, { refetchQueries: [ACCOUNTS_QUERY] });
  const submit = handleSubmit(async (values) => {
    try {
      await createAccount({ variables: { input: { name: values.name.trim(), email: values.email.trim(), role: values.role, schoolId } } });
      reset(NEW_ACCOUNT);
    } catch {
      // shown below
    }
  });
  return (
    <Box component="form" aria-label="Nieuw account" onSubmit={(e) => void submit(e)} noValidate sx={{ mt: 2 }}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <FormTextField name="name" control={control} label="Naam" required size="small" />
        <FormTextField name="email" control={control} label="E-mailadres" type="email" required size="small" />
        <FormTextField name="role" control={control} select label="Rol" size="small" sx={{ minWidth: 200 }}>
          {SCHOOL_ROLES.map((r) => (
            <MenuItem key={r} value={r}>
              {roleLabel(r)}
            </MenuItem>
          ))}
        </FormTextField>
        <Button type="submit" variant="outlined" disabled={loading} sx={{ alignSelf: 'flex-start' }}>
          Account toevoegen
        </Button>
      </Stack>
      {error && <ErrorAlert error={error} sx={{ mt: 2 }} />}
    </Box>
  );
}

const REASON_MIN = 3;
const REASON_MAX = 1000;

/** Why an account is deactivated: 3–1000 characters, trimmed (the api's bounds; it goes into the audit trail). */
export const deactivateSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(REASON_MIN, `De reden moet ${REASON_MIN} tot ${REASON_MAX} tekens lang zijn`)
    .max(REASON_MAX, `De reden moet ${REASON_MIN} tot ${REASON_MAX} tekens lang zijn`),
});

type DeactivateValues = z.infer<typeof deactivateSchema>;

function DeactivateDialog({ account, onClose }: { account: Account; onClose(): void }) {
  const { control, handleSubmit } = useForm<DeactivateValues>({ resolver: zodResolver(deactivateSchema), defaultValues: { reason: '' } });
  const [deactivate, { data, loading, error }] = useMutation(DEACTIVATE_ACCOUNT, { refetchQueries: [ACCOUNTS_QUERY, OPEN_STEPS_QUERY] });
  const done = data?.deactivateAccount;
  const submit = handleSubmit(async (values) => {
    try {
      await deactivate({ variables: { id: account.id, input: { reason: values.reason.trim() } } });
    } catch {
      // shown below
    }
  });
  return (
    <Dialog open onClose={onClose} aria-labelledby="deactivate-title" fullWidth maxWidth="sm">
      <Box component="form" onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="deactivate-title">Account deactiveren</DialogTitle>
        <DialogContent>
          {done ? (
            <Stack spacing={1}>
              <Alert severity="success">
                {account.name} is gedeactiveerd; {done.endedSessions === 1 ? '1 sessie is' : `${done.endedSessions} sessies zijn`} beëindigd.
              </Alert>
              {done.openSteps.length > 0 ? (
                <Typography>{done.openSteps.length} open stap(pen) moeten een andere eigenaar krijgen; zie “Open stappen om over te dragen”.</Typography>
              ) : (
                <Typography>Dit account had geen open stappen.</Typography>
              )}
            </Stack>
          ) : (
            <Stack spacing={2} sx={{ pt: 1 }}>
              <Typography>
                {account.name} kan daarna niet meer inloggen en elke open sessie eindigt meteen. Er wordt niets verwijderd.
              </Typography>
              <FormTextField
                name="reason"
                control={control}
                label="Reden"
                required
                multiline
                minRows={2}
                helperText="Bijvoorbeeld: uit dienst per de kerstvakantie."
                slotProps={{ htmlInput: { maxLength: REASON_MAX } }}
              />
              {error && <ErrorAlert error={error} />}
            </Stack>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{done ? 'Sluiten' : 'Annuleren'}</Button>
          {!done && (
            <Button type="submit" color="error" variant="contained" disabled={loading}>
              Deactiveren
            </Button>
          )}
        </DialogActions>
      </Box>
    </Dialog>
  );
}

function AccountsSection({ schoolId }: { schoolId: string }) {
  const { data, loading, error } = useQuery(ACCOUNTS_QUERY, { variables: { schoolId, swvId: null } });
  const [reactivate, reactivation] = useMutation(REACTIVATE_ACCOUNT, { refetchQueries: [ACCOUNTS_QUERY] });
  const [deactivating, setDeactivating] = useState<Account | null>(null);
  const accounts = data?.accounts ?? [];
  return (
    <Paper component="section" aria-labelledby="accounts-title" sx={{ p: 2 }}>
      <Typography id="accounts-title" variant="h2" component="h2">
        Accounts
      </Typography>
      {loading && <LinearProgress aria-label="Accounts laden" />}
      {error && <ErrorAlert error={error} />}
      {reactivation.error && <ErrorAlert error={reactivation.error} />}
      {accounts.length > 0 && (
        <Table size="small" aria-label="Accounts van de school" sx={{ mt: 1 }}>
          <TableHead>
            <TableRow>
              <TableCell>Naam</TableCell>
              <TableCell>E-mailadres</TableCell>
              <TableCell>Rol</TableCell>
              <TableCell>Status</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {accounts.map((a) => (
              <TableRow key={a.id}>
                <TableCell>{a.name}</TableCell>
                <TableCell>{a.email}</TableCell>
                <TableCell>{roleLabel(a.role)}</TableCell>
                <TableCell>{a.active ? 'Actief' : `Gedeactiveerd${a.deactivatedAt ? ` op ${formatDutchDateTime(a.deactivatedAt)}` : ''}`}</TableCell>
                <TableCell align="right">
                  {a.active ? (
                    <Button size="small" color="error" onClick={() => setDeactivating(a)} aria-label={`${a.name} deactiveren`}>
                      Deactiveren
                    </Button>
                  ) : (
                    <Button size="small" onClick={() => void reactivate({ variables: { id: a.id } }).catch(() => undefined)} aria-label={`${a.name} weer activeren`}>
                      Weer activeren
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <NewAccountForm schoolId={schoolId} />
      {deactivating && <DeactivateDialog account={deactivating} onClose={() => setDeactivating(null)} />}
    </Paper>
  );
}

/** The import form checks that a file was chosen; the api reads it and says what is wrong with it. */
const importFileSchema = z.object({
  file: z.custom<File | null>((v) => typeof File !== 'undefined' && v instanceof File, 'Kies eerst een bestand (een OneRoster-zip of een export).'),
});

type ImportFileValues = z.infer<typeof importFileSchema>;

function ImportSection({ schoolId }: { schoolId: string }) {
  const client = useApolloClient();
  const problemId = useId();
  const { control, handleSubmit, reset, setError, formState } = useForm<ImportFileValues>({ resolver: zodResolver(importFileSchema), defaultValues: { file: null } });
  const uploading = formState.isSubmitting;
  // One message at a time under the file: none chosen, or why the api refused it (its Dutch message).
  const problem = formState.errors.file?.message ?? formState.errors.root?.message;
  const [inputKey, setInputKey] = useState(0);
  const [importId, setImportId] = useState<string | null>(null);
  const [applied, setApplied] = useState<string | null>(null);
  const history = useQuery(SCHOOL_IMPORTS_QUERY, { variables: { schoolId } });
  const current = useQuery(SCHOOL_IMPORT_QUERY, { variables: { id: importId ?? '' }, skip: !importId, fetchPolicy: 'network-only' });
  const [apply, applying] = useMutation(APPLY_SCHOOL_IMPORT);
  const imp = current.data?.schoolImport;

  const upload = handleSubmit(async ({ file }) => {
    if (!file) return;
    setApplied(null);
    setImportId(null);
    try {
      setImportId(await uploadImportFile(schoolId, file));
      await history.refetch();
    } catch (err) {
      setError('root', { message: err instanceof Error ? err.message : 'Inlezen mislukt.' });
    }
  });

  const doApply = async () => {
    if (!imp) return;
    try {
      await apply({ variables: { id: imp.id } });
      setApplied(`Verwerkt: ${imp.pupilsAdded} nieuwe, ${imp.pupilsChanged} gewijzigde en ${imp.pupilsLeaving} vertrekkende leerlingen.`);
      setImportId(null);
      reset({ file: null });
      setInputKey((k) => k + 1);
      await client.refetchQueries({ include: [SCHOOL_IMPORTS_QUERY, ACCOUNTS_QUERY, OPEN_STEPS_QUERY, SWVS_QUERY] });
    } catch {
      // shown below
    }
  };

  return (
    <Paper component="section" aria-labelledby="import-title" sx={{ p: 2 }}>
      <Typography id="import-title" variant="h2" component="h2">
        Gegevens inlezen uit de schooladministratie
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Een OneRoster-bundel (zip) of een export uit Somtoday of Magister (puntkomma-gescheiden). U ziet eerst wat er verandert; er wordt pas iets
        opgeslagen als u op “Verwerken” klikt. De administratie blijft leidend: vertrekkende leerlingen worden gemarkeerd, niet verwijderd.
      </Typography>
      <Box component="form" aria-label="Bestand inlezen" onSubmit={(e) => void upload(e)} noValidate sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Controller
          name="file"
          control={control}
          render={({ field, fieldState }) => (
            <>
              <Button component="label" variant="outlined">
                Bestand kiezen
                <input
                  key={inputKey}
                  hidden
                  type="file"
                  name={field.name}
                  accept=".zip,.csv,.txt"
                  aria-label="Importbestand"
                  aria-invalid={fieldState.invalid || undefined}
                  aria-describedby={problem ? problemId : undefined}
                  onBlur={field.onBlur}
                  onChange={(e) => field.onChange(e.target.files?.[0] ?? null)}
                />
              </Button>
              <Typography>{field.value ? field.value.name : 'Geen bestand gekozen'}</Typography>
            </>
          )}
        />
        <Button type="submit" variant="contained" disabled={uploading}>
          Voorvertoning maken
        </Button>
      </Box>
      {uploading && <LinearProgress aria-label="Bestand inlezen" sx={{ mt: 2 }} />}
      {problem && (
        <Alert id={problemId} severity="error" role="alert" sx={{ mt: 2 }}>
          {problem}
        </Alert>
      )}
      {applied && (
        <Alert severity="success" sx={{ mt: 2 }}>
          {applied}
        </Alert>
      )}
      {current.error && <ErrorAlert error={current.error} sx={{ mt: 2 }} />}
      {imp?.preview && (
        <Box component="section" aria-label="Voorvertoning" sx={{ mt: 3 }}>
          <Typography variant="h3" component="h3" sx={{ fontSize: '1.2rem', mb: 1 }}>
            Voorvertoning van {imp.fileName} ({imp.format})
          </Typography>
          <ImportPreviewView preview={imp.preview} />
          {applying.error && <ErrorAlert error={applying.error} sx={{ mt: 2 }} />}
          <Box sx={{ display: 'flex', gap: 2, mt: 2 }}>
            <Button variant="contained" onClick={() => void doApply()} disabled={applying.loading || imp.preview.rejected.length > 0}>
              Verwerken
            </Button>
            <Button onClick={() => setImportId(null)}>Niet verwerken</Button>
          </Box>
        </Box>
      )}
      {(history.data?.schoolImports.length ?? 0) > 0 && (
        <Table size="small" aria-label="Eerdere imports" sx={{ mt: 3 }}>
          <TableHead>
            <TableRow>
              <TableCell>Ingelezen</TableCell>
              <TableCell>Bestand</TableCell>
              <TableCell>Status</TableCell>
              <TableCell align="right">Nieuw</TableCell>
              <TableCell align="right">Gewijzigd</TableCell>
              <TableCell align="right">Vertrokken</TableCell>
              <TableCell align="right">Afgekeurd</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {history.data?.schoolImports.map((i) => (
              <TableRow key={i.id}>
                <TableCell>{formatDutchDateTime(i.appliedAt ?? i.createdAt)}</TableCell>
                <TableCell>
                  {i.fileName} <Typography component="span" variant="body2" color="text.secondary" title={`SHA-256 ${i.fileDigest}`}>({i.format})</Typography>
                </TableCell>
                <TableCell>{STATUS_LABELS[i.status] ?? i.status}</TableCell>
                <TableCell align="right">{i.pupilsAdded}</TableCell>
                <TableCell align="right">{i.pupilsChanged}</TableCell>
                <TableCell align="right">{i.pupilsLeaving}</TableCell>
                <TableCell align="right">{i.rejected}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}

interface Leaver {
  ownerId: string;
  ownerName: string;
  reasonLabel: string;
  cases: ReassignCase[];
}

/** The open steps grouped by their owner who left or changed role: one banner each, with his cases (once each). */
export function leaversOf(steps: readonly OpenStepToReassign[]): Leaver[] {
  const byOwner = new Map<string, Leaver>();
  for (const s of steps) {
    const leaver = byOwner.get(s.ownerId) ?? { ownerId: s.ownerId, ownerName: s.ownerName, reasonLabel: s.reasonLabel, cases: [] };
    if (!leaver.cases.some((c) => c.caseId === s.caseId)) leaver.cases.push({ caseId: s.caseId, pupilName: `${s.pupilFirstName}${s.className ? ` (${s.className})` : ''}`, ownerId: s.ownerId });
    byOwner.set(s.ownerId, leaver);
  }
  return [...byOwner.values()];
}

/**
 * The open steps whose owner left or changed role (issue 13 item 3): a banner per leaver, from which the school admin
 * hands all his open steps to another staff member at once (with a reason, audited on every case), and the steps.
 */
function OpenStepsSection({ schoolId }: { schoolId: string }) {
  const { session } = useAuth();
  // A school admin hands steps over but does not read cases (the api refuses him every case): no link to one.
  const mayOpenCases = session?.user.role !== 'SCHOOL_ADMIN';
  const { data, error } = useQuery(OPEN_STEPS_QUERY, { variables: { schoolId } });
  const [handingOver, setHandingOver] = useState<Leaver | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const steps = data?.openStepsToReassign ?? [];
  const leavers = leaversOf(steps);
  return (
    <Paper component="section" aria-labelledby="open-steps-title" sx={{ p: 2 }}>
      <Typography id="open-steps-title" variant="h2" component="h2">
        Open stappen om over te dragen
      </Typography>
      {error && <ErrorAlert error={error} />}
      {notice && (
        <Alert severity="success" onClose={() => setNotice(null)} sx={{ mt: 1 }}>
          {notice}
        </Alert>
      )}
      {steps.length === 0 ? (
        <Typography sx={{ mt: 1 }}>Geen: elke open stap ligt bij iemand die hem kan zetten.</Typography>
      ) : (
        <>
          <Stack spacing={1} sx={{ mt: 1 }}>
            {leavers.map((l) => (
              <Alert
                key={l.ownerId}
                severity="warning"
                data-testid="leaver-banner"
                action={
                  <Button color="inherit" size="small" onClick={() => setHandingOver(l)}>
                    {l.cases.length === 1 ? 'Open stap overdragen' : `Alle ${l.cases.length} open stappen overdragen`}
                  </Button>
                }
              >
                <strong>{l.ownerName}</strong> ({l.reasonLabel}): {l.cases.length === 1 ? '1 casus heeft' : `${l.cases.length} casussen hebben`} een open stap die
                een nieuwe eigenaar nodig heeft.
              </Alert>
            ))}
          </Stack>
          <Table size="small" aria-label="Open stappen om over te dragen" sx={{ mt: 1 }}>
            <TableHead>
              <TableRow>
                <TableCell>Leerling</TableCell>
                <TableCell>Proces</TableCell>
                <TableCell>Stap</TableCell>
                <TableCell>Termijn</TableCell>
                <TableCell>Eigenaar</TableCell>
                <TableCell>Waarom</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {steps.map((s) => (
                <TableRow key={`${s.caseId}:${s.stepLabel}`}>
                  <TableCell>
                    {mayOpenCases ? (
                      <Link component={RouterLink} to={`/cases/${encodeURIComponent(s.caseId)}`}>
                        {s.pupilFirstName}
                        {s.className ? ` (${s.className})` : ''}
                      </Link>
                    ) : (
                      <>
                        {s.pupilFirstName}
                        {s.className ? ` (${s.className})` : ''}
                      </>
                    )}
                  </TableCell>
                  <TableCell>{processLabel(s.process)}</TableCell>
                  <TableCell>{s.stepLabel}</TableCell>
                  <TableCell>{s.dueDate ? formatDutchDate(s.dueDate) : '—'}</TableCell>
                  <TableCell>{s.ownerName}</TableCell>
                  <TableCell>{s.reasonLabel}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {handingOver && (
        <ReassignStepsDialog
          items={handingOver.cases}
          schoolId={schoolId}
          refetchQueries={['OpenStepsToReassign']}
          onClose={() => setHandingOver(null)}
          onDone={(reassigned) => {
            setHandingOver(null);
            setNotice(reassigned === 1 ? '1 stap overgedragen.' : `${reassigned} stappen overgedragen.`);
          }}
        />
      )}
    </Paper>
  );
}

/** One school's administration (issue 13): its accounts, the import of its data, and open steps to reassign. */
export function SchoolAdminPage() {
  const { schoolId = '' } = useParams();
  const { data } = useQuery(SWVS_QUERY);
  const school = data?.swvs.flatMap((s) => s.schools).find((s) => s.id === schoolId);
  usePageTitle(school ? `Beheer ${school.name}` : 'Beheer school');
  return (
    <Stack spacing={3}>
      <Box>
        <Link component={RouterLink} to="/organisaties">
          Terug naar organisaties
        </Link>
        <Typography variant="h1" sx={{ mt: 1 }}>
          {school ? school.name : 'School'}
        </Typography>
        {school && (
          <Typography color="text.secondary">
            BRIN {school.brin}, vestiging {school.vestiging} · regio {school.region} · {school.pupilCount} leerlingen
          </Typography>
        )}
      </Box>
      <ImportSection schoolId={schoolId} />
      <AccountsSection schoolId={schoolId} />
      <OpenStepsSection schoolId={schoolId} />
    </Stack>
  );
}
