import { useMutation, useQuery } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { z } from 'zod';
import { useAuth } from '../../app/auth/auth-context';
import { type Role } from '../../gql/graphql';
import { DueDate } from '../../shared/due-date';
import { ErrorAlert } from '../../shared/error-alert';
import { FormTextField } from '../../shared/form-text-field';
import { processLabel } from '../../shared/labels';
import { PupilLeftChip } from '../../shared/pupil-left';
import { usePageTitle } from '../../shared/use-page-title';
import { useToday } from '../../shared/use-today';
import { ReassignStepsDialog } from './reassign-steps-dialog';
import {
  cleanFilter,
  DELETE_WORK_LIST_MUTATION,
  SAVE_WORK_LIST_MUTATION,
  WORK_LIST_ITEMS_QUERY,
  WORK_LISTS_QUERY,
  type WorkList,
  type WorkListFilter,
  type WorkListItem,
} from './work-lists.graphql';

/** Roles that reassign open steps in bulk (the api checks again: admin, and the zorgcoördinator of the school). */
const MAY_REASSIGN: ReadonlySet<Role> = new Set<Role>(['ZORGCOORDINATOR', 'ADMIN']);
const DEFAULT_LIST = 'mijn-open-stappen';

/** The conditions a user can combine into a list of his own (the yes/no ones of the api's filter). */
const CONDITION_KEYS = ['mine', 'overdue', 'lateThisWeek', 'ownerUnavailable', 'pupilLeft', 'stuck'] as const satisfies readonly (keyof WorkListFilter)[];
type Condition = (typeof CONDITION_KEYS)[number];

export const FILTER_CONDITIONS: readonly { key: Condition; label: string }[] = [
  { key: 'mine', label: 'Mijn stappen' },
  { key: 'overdue', label: 'Te laat' },
  { key: 'lateThisWeek', label: 'Deze week te laat' },
  { key: 'ownerUnavailable', label: 'Eigenaar vertrokken of gewijzigd' },
  { key: 'pupilLeft', label: 'Leerling uitgeschreven' },
  { key: 'stuck', label: 'Vastgelopen' },
];

const NAME_MAX = 80;

/** A new work list: a name (trimmed, at most 80 characters) and at least one condition. */
export const newWorkListSchema = z.object({
  name: z.string().trim().min(1, 'Geef de werklijst een naam.').max(NAME_MAX, `De naam mag hoogstens ${NAME_MAX} tekens lang zijn.`),
  conditions: z.array(z.enum(CONDITION_KEYS)).min(1, 'Kies ten minste één voorwaarde.'),
});

type NewWorkListValues = z.infer<typeof newWorkListSchema>;

function NewWorkListForm({ onSaved }: { onSaved(id: string): void }) {
  const conditionsProblemId = useId();
  const { control, handleSubmit, reset } = useForm<NewWorkListValues>({ resolver: zodResolver(newWorkListSchema), defaultValues: { name: '', conditions: [] } });
  const [save, saving] = useMutation(SAVE_WORK_LIST_MUTATION, { refetchQueries: ['WorkLists'], awaitRefetchQueries: true });

  const onSubmit = handleSubmit(async (values) => {
    const filter: WorkListFilter = Object.fromEntries(values.conditions.map((key) => [key, true]));
    try {
      const answer = await save({ variables: { input: { name: values.name.trim(), filter } } });
      reset();
      if (answer.data) onSaved(answer.data.saveWorkList.id);
    } catch {
      // Shown from saving.error.
    }
  });

  return (
    <Paper component="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="new-work-list" sx={{ p: 2 }}>
      <Typography id="new-work-list" variant="h2" component="h2" sx={{ fontSize: '1.05rem', mb: 1 }}>
        Eigen werklijst bewaren
      </Typography>
      <Stack spacing={1}>
        {saving.error && <ErrorAlert error={saving.error} />}
        <FormTextField name="name" control={control} label="Naam" size="small" required slotProps={{ htmlInput: { maxLength: NAME_MAX } }} />
        <Controller
          name="conditions"
          control={control}
          render={({ field, fieldState }) => (
            <FormControl component="fieldset" error={!!fieldState.error} aria-describedby={fieldState.error ? conditionsProblemId : undefined}>
              <FormLabel component="legend" sx={{ typography: 'body2' }}>
                Voorwaarden
              </FormLabel>
              <FormGroup>
                {FILTER_CONDITIONS.map((c) => (
                  <FormControlLabel
                    key={c.key}
                    control={
                      <Checkbox
                        size="small"
                        name={field.name}
                        checked={field.value.includes(c.key)}
                        onBlur={field.onBlur}
                        // The list keeps the conditions in the order above, whichever was ticked first.
                        onChange={(e) => field.onChange(CONDITION_KEYS.filter((k) => (k === c.key ? e.target.checked : field.value.includes(k))))}
                        slotProps={{ input: { 'aria-invalid': fieldState.invalid || undefined } }}
                      />
                    }
                    label={c.label}
                  />
                ))}
              </FormGroup>
              {fieldState.error && <FormHelperText id={conditionsProblemId}>{fieldState.error.message}</FormHelperText>}
            </FormControl>
          )}
        />
        <Button type="submit" variant="outlined" disabled={saving.loading}>
          Bewaren
        </Button>
      </Stack>
    </Paper>
  );
}

function WorkListTable({ items, today, selectable, selected, onToggle, onToggleAll }: {
  items: WorkListItem[];
  today: string;
  selectable: boolean;
  selected: ReadonlySet<string>;
  onToggle(id: string): void;
  onToggleAll(): void;
}) {
  const all = items.length > 0 && items.every((i) => selected.has(i.case.id));
  const some = items.some((i) => selected.has(i.case.id));
  return (
    <TableContainer component={Paper}>
      <Table size="small" aria-label="Open stappen">
        <TableHead>
          <TableRow>
            {selectable && (
              <TableCell padding="checkbox">
                <Checkbox checked={all} indeterminate={some && !all} onChange={onToggleAll} slotProps={{ input: { 'aria-label': 'Alle casussen kiezen' } }} />
              </TableCell>
            )}
            <TableCell>Leerling</TableCell>
            <TableCell>Proces</TableCell>
            <TableCell>Open stap</TableCell>
            <TableCell>Eigenaar</TableCell>
            <TableCell>Termijn</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map(({ case: c, ownerUnavailable }) => (
            <TableRow key={c.id} hover data-case-id={c.id} selected={selected.has(c.id)}>
              {selectable && (
                <TableCell padding="checkbox">
                  <Checkbox checked={selected.has(c.id)} onChange={() => onToggle(c.id)} slotProps={{ input: { 'aria-label': `${c.pupil.displayName} kiezen` } }} />
                </TableCell>
              )}
              <TableCell>
                <Link component={RouterLink} to={`/cases/${encodeURIComponent(c.id)}`} sx={{ fontWeight: 600 }}>
                  {c.pupil.displayName}
                </Link>
                {c.pupil.className && (
                  <Typography variant="caption" color="text.secondary" component="div">
                    Klas {c.pupil.className}
                  </Typography>
                )}
                <PupilLeftChip leftAt={c.pupil.leftAt} />
              </TableCell>
              <TableCell>{processLabel(c.process)}</TableCell>
              <TableCell>{c.waitingForLabel ?? c.waitingFor ?? '—'}</TableCell>
              <TableCell>
                {c.ownerName ?? '—'}
                {ownerUnavailable && <Chip size="small" color="warning" variant="outlined" label="Vertrokken of gewijzigd" sx={{ ml: 1 }} />}
              </TableCell>
              <TableCell>{c.nextDueDate ? <DueDate date={c.nextDueDate} today={today} /> : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/**
 * "Werklijsten" (issue 17): the built-in lists (Mijn open stappen, Deze week te laat, Eigenaar vertrokken) and the
 * user's own saved filters with their counts; the open steps of the chosen list, which the zorgcoördinator can select
 * and hand over to someone else at once ("Stappen overdragen", with a reason).
 */
export function WorkListsPage() {
  usePageTitle('Werklijsten');
  const { session } = useAuth();
  const today = useToday();
  const [params, setParams] = useSearchParams();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialogOpen, setDialogOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const lists = useQuery(WORK_LISTS_QUERY, { fetchPolicy: 'cache-and-network' });
  const all = lists.data?.workLists ?? [];
  // The chosen list is React state, set at once with the URL. The router changes the URL in a transition; when the list
  // (and so the items query's variables) followed only the URL, the query changed its variables in that interruptible
  // render, the update it caused interrupted the transition, and the old and the new list were fetched over and over
  // (after saving a list: dozens of requests). A URL that changes otherwise (back, forward, a link) is followed once
  // it is committed.
  const urlList = params.get('lijst') ?? DEFAULT_LIST;
  const [chosenList, setChosenList] = useState(urlList);
  useEffect(() => setChosenList(urlList), [urlList]);
  const current: WorkList | undefined = all.find((l) => l.id === chosenList) ?? all[0];
  const items = useQuery(WORK_LIST_ITEMS_QUERY, { variables: { filter: cleanFilter(current?.filter ?? {}) }, skip: !current, fetchPolicy: 'cache-and-network' });
  const rows = useMemo(() => items.data?.workListItems ?? [], [items.data]);
  const [remove] = useMutation(DELETE_WORK_LIST_MUTATION, { refetchQueries: ['WorkLists'] });
  const mayReassign = !!session && MAY_REASSIGN.has(session.user.role);
  const chosen = rows.filter((r) => selected.has(r.case.id));
  const schools = new Set(chosen.map((r) => r.case.school.id));

  const choose = (id: string) => {
    setSelected(new Set());
    setNotice(null);
    setChosenList(id);
    setParams({ lijst: id });
  };
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const toggleAll = () => setSelected(rows.every((r) => selected.has(r.case.id)) ? new Set() : new Set(rows.map((r) => r.case.id)));

  return (
    <Stack spacing={3}>
      <Box>
        <Typography variant="h1">Werklijsten</Typography>
        <Typography color="text.secondary">Open stappen van de casussen die u mag zien, per werklijst.</Typography>
      </Box>
      {lists.error && <ErrorAlert error={lists.error} />}
      <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', md: '280px 1fr' }, alignItems: 'start' }}>
        <Stack spacing={2}>
          <Paper component="nav" aria-label="Werklijsten">
            <List dense>
              {all.map((l) => (
                // A list item of its own (axe: a <ul> holds only <li>): the list's button and, for a saved one, its delete.
                <Box component="li" key={l.id} sx={{ display: 'flex', alignItems: 'center' }}>
                  <ListItemButton selected={l.id === current?.id} onClick={() => choose(l.id)} aria-current={l.id === current?.id ? 'page' : undefined}>
                    <ListItemText primary={l.name} secondary={l.description} />
                    <Chip size="small" label={l.count} aria-label={`${l.count} open stappen`} color={l.count ? 'primary' : 'default'} />
                  </ListItemButton>
                  {!l.builtIn && (
                    <IconButton aria-label={`Werklijst ${l.name} verwijderen`} onClick={() => void remove({ variables: { id: l.id } }).then(() => choose(DEFAULT_LIST))}>
                      <DeleteOutlineIcon fontSize="small" />
                    </IconButton>
                  )}
                </Box>
              ))}
            </List>
          </Paper>
          <NewWorkListForm onSaved={choose} />
        </Stack>
        <Stack spacing={1.5} component="section" aria-labelledby="work-list-heading">
          <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
            <Typography id="work-list-heading" variant="h2" component="h2" sx={{ fontSize: '1.25rem' }}>
              {current?.name ?? 'Werklijst'}
            </Typography>
            {mayReassign && (
              <Button variant="contained" disabled={!chosen.length || schools.size > 1} onClick={() => setDialogOpen(true)}>
                Stappen overdragen{chosen.length ? ` (${chosen.length})` : ''}
              </Button>
            )}
          </Box>
          {schools.size > 1 && <Alert severity="info">Kies casussen van één school om hun stappen over te dragen.</Alert>}
          {notice && <Alert severity="success" onClose={() => setNotice(null)}>{notice}</Alert>}
          {items.error && <ErrorAlert error={items.error} />}
          {(lists.loading || items.loading) && !rows.length && <LinearProgress aria-label="Werklijst laden" />}
          {current && !items.loading && !rows.length && !items.error && <Alert severity="info">Geen open stappen in deze werklijst.</Alert>}
          {rows.length > 0 && (
            <WorkListTable items={rows} today={today} selectable={mayReassign} selected={selected} onToggle={toggle} onToggleAll={toggleAll} />
          )}
        </Stack>
      </Box>
      {dialogOpen && (
        <ReassignStepsDialog
          items={chosen.map((r) => ({ caseId: r.case.id, pupilName: r.case.pupil.displayName, ownerId: r.ownerId }))}
          schoolId={[...schools][0] ?? ''}
          onClose={() => setDialogOpen(false)}
          onDone={(reassigned) => {
            setDialogOpen(false);
            setSelected(new Set());
            setNotice(reassigned === 1 ? '1 stap overgedragen.' : `${reassigned} stappen overgedragen.`);
          }}
        />
      )}
    </Stack>
  );
}
