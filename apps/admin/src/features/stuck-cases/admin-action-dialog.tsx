import { useMutation, useQuery } from '@apollo/client/react';
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
import { type FormEvent, useId, useState } from 'react';
import { type ProcessType } from '../../gql/graphql';
import { ErrorAlert } from '../../shared/error-alert';
import { STAFF_QUERY } from '../case-steps/step-mutations.graphql';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import { formatDutchDateTime } from '../../shared/dates';
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

/** A reason is always required (3–1000 characters), and the action's own field. */
export function validateAdminAction(spec: AdminActionSpec, reason: string, extra: string, today: string): AdminActionErrors {
  const errors: AdminActionErrors = {};
  const r = reason.trim();
  if (r.length < 3) errors.reason = 'Geef een reden (minstens 3 tekens); die komt in het auditlog.';
  else if (r.length > 1000) errors.reason = 'De reden mag hoogstens 1000 tekens lang zijn.';
  if (spec.extra === 'newDueDate') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(extra)) errors.extra = 'Kies een nieuwe datum.';
    else if (extra < today) errors.extra = 'De nieuwe datum mag niet in het verleden liggen.';
  } else if (spec.extra && !extra.trim()) {
    errors.extra = spec.extra === 'newOwnerId' ? 'Kies de nieuwe eigenaar.' : 'Kies het bericht uit het verzendlog.';
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
  const [reason, setReason] = useState('');
  const [extra, setExtra] = useState('');
  const [force, setForce] = useState(false);
  const [errors, setErrors] = useState<AdminActionErrors>({});
  const deliveries = useQuery(CASE_DELIVERIES_QUERY, { variables: { id: caseId }, skip: spec.extra !== 'deliveryKey', fetchPolicy: 'network-only' });
  const resendable = resendableDeliveries(deliveries.data?.case.deliveries ?? []);
  const chosen = resendable.find((d) => d.key === extra);
  const chosenWasSent = !!chosen && isSent(chosen);
  const staff = useQuery(STAFF_QUERY, { variables: { schoolId: schoolId || null }, skip: spec.extra !== 'newOwnerId', fetchPolicy: 'cache-first' });
  const [mutate, mutation] = useMutation(ADMIN_MUTATIONS[spec.mutation], { refetchQueries: ['StuckCases', 'DashboardCases'], awaitRefetchQueries: true });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateAdminAction(spec, reason, extra, today);
    setErrors(found);
    if (found.reason || found.extra) return;
    try {
      await mutate({
        variables: {
          caseId,
          reason: reason.trim(),
          ...(spec.extra ? { [spec.extra]: extra.trim() } : {}),
          ...(spec.extra === 'deliveryKey' ? { force: chosenWasSent && force } : {}),
        },
      });
      onDone();
    } catch {
      // Shown from mutation.error.
    }
  };

  const owners = staff.data?.staffMembers ?? [];

  return (
    <Dialog open onClose={() => !mutation.loading && onClose()} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id={titleId}>{spec.title}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{spec.description}</DialogContentText>
          <Stack spacing={2}>
            {mutation.error && <ErrorAlert error={mutation.error} />}
            {spec.extra === 'newDueDate' && (
              <TextField
                label="Nieuwe uiterste datum"
                type="date"
                required
                autoFocus
                value={extra}
                onChange={(e) => setExtra(e.target.value)}
                error={!!errors.extra}
                helperText={errors.extra}
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: today } }}
              />
            )}
            {spec.extra === 'newOwnerId' && (
              <TextField select label="Nieuwe eigenaar" required autoFocus value={extra} onChange={(e) => setExtra(e.target.value)} error={!!errors.extra} helperText={errors.extra}>
                {owners.map((u) => (
                  <MenuItem key={u.id} value={u.id}>
                    {u.name}
                  </MenuItem>
                ))}
              </TextField>
            )}
            {spec.extra === 'deliveryKey' && (
              <>
                <TextField
                  select
                  label="Bericht uit het verzendlog"
                  required
                  autoFocus
                  value={extra}
                  onChange={(e) => {
                    setExtra(e.target.value);
                    setForce(false);
                  }}
                  error={!!errors.extra || !!deliveries.error}
                  helperText={
                    errors.extra ??
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
                {chosenWasSent && (
                  <FormControlLabel
                    control={<Checkbox checked={force} onChange={(e) => setForce(e.target.checked)} />}
                    label="Dit bericht is al verstuurd; toch opnieuw versturen"
                  />
                )}
              </>
            )}
            <TextField
              label="Reden"
              required
              multiline
              minRows={2}
              autoFocus={!spec.extra}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              error={!!errors.reason}
              helperText={errors.reason ?? 'Wordt met uw naam vastgelegd in het auditlog.'}
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
