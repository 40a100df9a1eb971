import { useMutation, useQuery } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useId, useMemo } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { type ProcessType } from '../../gql/graphql';
import { ErrorAlert } from '../../shared/error-alert';
import { STAFF_QUERY } from '../case-steps/step-mutations.graphql';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import { formatDutchDateTime } from '../../shared/dates';
import { FormTextField } from '../../shared/form-text-field';
import { ADMIN_MUTATIONS, type AdminMutationName, CASE_DELIVERIES_QUERY, type CaseDelivery } from './stuck-cases.graphql';

export interface AdminActionSpec {
  mutation: AdminMutationName;
  title: string;
  description: string;
  submitLabel: string;
  extra: 'newDueDate' | 'newOwnerId' | 'deliveryKey' | null;
  /** Only the admin: closing, and resending (the delivery log gives the message keys to the admin only). */
  adminOnly?: boolean;
}

export const ADMIN_ACTIONS: readonly AdminActionSpec[] = [
  { mutation: 'adminResendNotification', title: 'Opnieuw versturen', description: 'Verstuur een bericht dat niet is aangekomen opnieuw.', submitLabel: 'Opnieuw versturen', extra: 'deliveryKey', adminOnly: true },
  { mutation: 'adminReassignStep', title: 'Andere eigenaar', description: 'Geef de open stap aan iemand anders; die krijgt een bericht en de herinneringen.', submitLabel: 'Toewijzen', extra: 'newOwnerId' },
  { mutation: 'adminExtendDueDate', title: 'Termijn verlengen', description: 'Verschuif de uiterste datum van de open stap; de herinneringen beginnen opnieuw.', submitLabel: 'Termijn verlengen', extra: 'newDueDate' },
  { mutation: 'adminCloseCase', title: 'Casus sluiten', description: 'Sluit de casus door beheer. Dit kan niet ongedaan worden gemaakt. De ouders krijgen bericht dat de school de casus heeft afgesloten, zonder de reden; geplande overleggen worden afgezegd.', submitLabel: 'Casus sluiten', extra: null, adminOnly: true },
];

/** Processes whose term is set by law (P4; the TLV commissie's term, P8, extended only by its own step): the admin cannot extend it (the workflow refuses adminExtendDueDate). */
export const STATUTORY_TERM_PROCESSES: readonly ProcessType[] = ['ZORGPLICHT', 'TLV'];

/** Why an action cannot be taken for a case of this process (Dutch, shown next to the disabled button), or null. */
export function adminActionUnavailable(spec: AdminActionSpec, process: ProcessType): string | null {
  if (spec.mutation === 'adminExtendDueDate' && STATUTORY_TERM_PROCESSES.includes(process)) {
    return 'De termijn van dit proces is wettelijk en kan niet door beheer worden verlengd.';
  }
  return null;
}

export interface AdminActionErrors {
  reason?: string;
  extra?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A reason is always required (3–1000 characters), and the action's own field (`extra`; unused without one). */
export function adminActionSchema(spec: AdminActionSpec, today: string) {
  const extra =
    spec.extra === 'newDueDate'
      ? z
          .string()
          .regex(DATE, 'Kies een nieuwe datum.')
          .refine((d) => !DATE.test(d) || d >= today, 'De nieuwe datum mag niet in het verleden liggen.')
      : spec.extra
        ? z
            .string()
            .trim()
            .min(1, spec.extra === 'newOwnerId' ? 'Kies de nieuwe eigenaar.' : 'Kies het bericht uit het verzendlog.')
        : z.string();
  return z.object({
    reason: z.string().trim().min(3, 'Geef een reden (minstens 3 tekens); die komt in het auditlog.').max(1000, 'De reden mag hoogstens 1000 tekens lang zijn.'),
    extra,
    /** Resend a message that was already sent (only asked when the chosen one was). */
    force: z.boolean(),
  });
}

type AdminActionValues = z.infer<ReturnType<typeof adminActionSchema>>;

/** The form's problems, field by field (the first of each), as adminActionSchema finds them. */
export function validateAdminAction(spec: AdminActionSpec, reason: string, extra: string, today: string): AdminActionErrors {
  const result = adminActionSchema(spec, today).safeParse({ reason, extra, force: false });
  const errors: AdminActionErrors = {};
  for (const issue of result.error?.issues ?? []) {
    const field = issue.path[0];
    if ((field === 'reason' || field === 'extra') && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

export function AdminActionDialog({
  spec,
  caseId,
  schoolId,
  today,
  onClose,
  onDone,
}: {
  spec: AdminActionSpec;
  caseId: string;
  schoolId: string;
  today: string;
  onClose(): void;
  onDone(): void;
}) {
  const titleId = useId();
  const schema = useMemo(() => adminActionSchema(spec, today), [spec, today]);
  const { control, handleSubmit, setValue } = useForm<AdminActionValues>({ resolver: zodResolver(schema), defaultValues: { reason: '', extra: '', force: false } });
  const extra = useWatch({ control, name: 'extra' });
  const deliveries = useQuery(CASE_DELIVERIES_QUERY, { variables: { id: caseId }, skip: spec.extra !== 'deliveryKey', fetchPolicy: 'network-only' });
  const resendable = resendableDeliveries(deliveries.data?.case.deliveries ?? []);
  const chosen = resendable.find((d) => d.key === extra);
  const chosenWasSent = !!chosen && isSent(chosen);
  const staff = useQuery(STAFF_QUERY, { variables: { schoolId: schoolId || null }, skip: spec.extra !== 'newOwnerId', fetchPolicy: 'cache-first' });
  const [mutate, mutation] = useMutation(ADMIN_MUTATIONS[spec.mutation], { refetchQueries: ['StuckCases', 'DashboardCases'], awaitRefetchQueries: true });

  const onSubmit = handleSubmit(async (values) => {
    try {
      await mutate({
        variables: {
          caseId,
          reason: values.reason.trim(),
          ...(spec.extra ? { [spec.extra]: values.extra.trim() } : {}),
          ...(spec.extra === 'deliveryKey' ? { force: chosenWasSent && values.force } : {}),
        },
      });
      onDone();
    } catch {
      // Shown from mutation.error.
    }
  });

  const owners = staff.data?.staffMembers ?? [];

  return (
    <Dialog open onClose={() => !mutation.loading && onClose()} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <DialogTitle id={titleId}>{spec.title}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{spec.description}</DialogContentText>
          <Stack spacing={2}>
            {mutation.error && <ErrorAlert error={mutation.error} />}
            {spec.extra === 'newDueDate' && (
              <FormTextField
                name="extra"
                control={control}
                label="Nieuwe uiterste datum"
                type="date"
                required
                autoFocus
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: today } }}
              />
            )}
            {spec.extra === 'newOwnerId' && (
              <FormTextField name="extra" control={control} select label="Nieuwe eigenaar" required autoFocus>
                {owners.map((u) => (
                  <MenuItem key={u.id} value={u.id}>
                    {u.name}
                  </MenuItem>
                ))}
              </FormTextField>
            )}
            {spec.extra === 'deliveryKey' && (
              <>
                <Controller
                  name="extra"
                  control={control}
                  render={({ field: { ref, onChange, ...field }, fieldState }) => (
                    <TextField
                      {...field}
                      inputRef={ref}
                      select
                      label="Bericht uit het verzendlog"
                      required
                      autoFocus
                      onChange={(e) => {
                        onChange(e.target.value);
                        setValue('force', false);
                      }}
                      error={!!fieldState.error || !!deliveries.error}
                      helperText={
                        fieldState.error?.message ??
                        (deliveries.error
                          ? 'Het verzendlog kon niet worden geladen.'
                          : deliveries.loading
                            ? 'Het verzendlog wordt geladen…'
                            : resendable.length === 0
                              ? 'Deze casus heeft geen berichten die opnieuw kunnen worden verstuurd.'
                              : 'Niet verstuurde berichten staan bovenaan.')
                      }
                    >
                      {resendable.map((d) => (
                        <MenuItem key={d.id} value={d.key ?? ''}>
                          {deliveryLabel(d)}
                        </MenuItem>
                      ))}
                    </TextField>
                  )}
                />
                {chosenWasSent && (
                  <Controller
                    name="force"
                    control={control}
                    render={({ field: { value, onChange, onBlur, name } }) => (
                      <FormControlLabel
                        control={<Checkbox name={name} onBlur={onBlur} checked={value} onChange={(e) => onChange(e.target.checked)} />}
                        label="Dit bericht is al verstuurd; toch opnieuw versturen"
                      />
                    )}
                  />
                )}
              </>
            )}
            <FormTextField
              name="reason"
              control={control}
              label="Reden"
              required
              multiline
              minRows={2}
              autoFocus={!spec.extra}
              helperText="Wordt met uw naam vastgelegd in het auditlog."
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={mutation.loading}>
            Annuleren
          </Button>
          <Button
            type="submit"
            variant="contained"
            color={spec.mutation === 'adminCloseCase' ? 'error' : 'primary'}
            disabled={mutation.loading}
            startIcon={mutation.loading ? <CircularProgress color="inherit" size={16} aria-hidden /> : undefined}
          >
            {spec.submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

const isSent = (d: CaseDelivery) => d.status === 'SENT' || d.status === 'DIGESTED';

/** The deliveries the admin can pick (those with a key), not yet sent ones first, then newest first. */
export function resendableDeliveries(deliveries: readonly CaseDelivery[]): CaseDelivery[] {
  return deliveries
    .filter((d) => !!d.key)
    .sort((a, b) => Number(isSent(a)) - Number(isSent(b)) || b.createdAt.localeCompare(a.createdAt));
}

/** One line per delivery: status, kind, recipient, when. */
export function deliveryLabel(d: CaseDelivery): string {
  return `${d.statusLabel} · ${d.kindLabel} aan ${d.recipient} · ${formatDutchDateTime(d.createdAt)}`;
}
