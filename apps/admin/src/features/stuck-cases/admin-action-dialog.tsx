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
import { ErrorAlert } from '../../shared/error-alert';
import { STAFF_QUERY } from '../case-steps/step-mutations.graphql';
import { ADMIN_MUTATIONS, type AdminMutationName } from './stuck-cases.graphql';

export interface AdminActionSpec {
  mutation: AdminMutationName;
  title: string;
  description: string;
  submitLabel: string;
  extra: 'newDueDate' | 'newOwnerId' | 'deliveryKey' | null;
}

export const ADMIN_ACTIONS: readonly AdminActionSpec[] = [
  { mutation: 'adminResendNotification', title: 'Opnieuw versturen', description: 'Verstuur een bericht dat niet is aangekomen opnieuw.', submitLabel: 'Opnieuw versturen', extra: 'deliveryKey' },
  { mutation: 'adminReassignStep', title: 'Andere eigenaar', description: 'Geef de open stap aan iemand anders; die krijgt een bericht en de herinneringen.', submitLabel: 'Toewijzen', extra: 'newOwnerId' },
  { mutation: 'adminExtendDueDate', title: 'Termijn verlengen', description: 'Verschuif de uiterste datum van de open stap; de herinneringen beginnen opnieuw.', submitLabel: 'Termijn verlengen', extra: 'newDueDate' },
  { mutation: 'adminCloseCase', title: 'Casus sluiten', description: 'Sluit de casus door beheer. Dit kan niet ongedaan worden gemaakt.', submitLabel: 'Casus sluiten', extra: null },
];

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
    errors.extra = spec.extra === 'newOwnerId' ? 'Kies de nieuwe eigenaar.' : 'Vul de sleutel van het bericht in.';
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
  const [errors, setErrors] = useState<AdminActionErrors>({});
  const staff = useQuery(STAFF_QUERY, { skip: spec.extra !== 'newOwnerId', fetchPolicy: 'cache-first' });
  const [mutate, mutation] = useMutation(ADMIN_MUTATIONS[spec.mutation], { refetchQueries: ['StuckCases', 'DashboardCases'], awaitRefetchQueries: true });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateAdminAction(spec, reason, extra, today);
    setErrors(found);
    if (found.reason || found.extra) return;
    try {
      await mutate({ variables: { caseId, reason: reason.trim(), ...(spec.extra ? { [spec.extra]: extra.trim() } : {}) } });
      onDone();
    } catch {
      // Shown from mutation.error.
    }
  };

  const owners = (staff.data?.demoUsers ?? []).filter((u) => u.schoolId === schoolId && !['PARENT', 'PUPIL'].includes(u.role));

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
              <TextField
                label="Sleutel van het bericht"
                required
                autoFocus
                value={extra}
                onChange={(e) => setExtra(e.target.value)}
                error={!!errors.extra}
                helperText={errors.extra ?? 'Uit het verzendlog van de casus.'}
              />
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
