import { useMutation } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { type ConsentFieldsFragment } from '../../gql/graphql';
import { ErrorAlert } from '../../shared/error-alert';
import { FormTextField } from '../../shared/form-text-field';
import { WITHDRAW_CONSENT_MUTATION } from './consent-actions.graphql';

/** The api's bounds of a withdrawal reason (WithdrawConsentInput). */
const REASON_MIN = 3;
const REASON_MAX = 1000;

/** What the form checks before the api does: the reason, trimmed, within the api's bounds. */
export const withdrawConsentSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(REASON_MIN, `De reden moet ${REASON_MIN} tot ${REASON_MAX} tekens lang zijn`)
    .max(REASON_MAX, `De reden moet ${REASON_MIN} tot ${REASON_MAX} tekens lang zijn`),
});

type WithdrawConsentValues = z.infer<typeof withdrawConsentSchema>;

export interface WithdrawConsentDialogProps {
  consent: Pick<ConsentFieldsFragment, 'id' | 'caseId' | 'label' | 'giverName'>;
  onClose(): void;
  onDone(): void;
}

/**
 * Withdraws a given consent on the parent's (or the pupil's) behalf, with the reason the family gave: the workflow
 * records it and the steps that depended on it stop (PROCESSES.md rule 2).
 */
export function WithdrawConsentDialog({ consent, onClose, onDone }: WithdrawConsentDialogProps) {
  const titleId = useId();
  const { control, handleSubmit } = useForm<WithdrawConsentValues>({ resolver: zodResolver(withdrawConsentSchema), defaultValues: { reason: '' } });
  const [withdraw, mutation] = useMutation(WITHDRAW_CONSENT_MUTATION, { refetchQueries: ['CaseDetail'], awaitRefetchQueries: true });

  const submit = handleSubmit(async (values) => {
    try {
      await withdraw({ variables: { input: { caseId: consent.caseId, requestId: consent.id, reason: values.reason.trim() } } });
      onDone();
    } catch {
      // Shown from mutation.error.
    }
  });

  return (
    <Dialog open onClose={() => !mutation.loading && onClose()} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id={titleId}>Toestemming intrekken</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            {consent.label}
            {consent.giverName ? `, gegeven door ${consent.giverName}` : ''}. Na het intrekken gaan de stappen die op deze toestemming wachten niet verder.
          </DialogContentText>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {mutation.error && <ErrorAlert error={mutation.error} />}
            <FormTextField
              name="reason"
              control={control}
              label="Reden van intrekken"
              required
              multiline
              minRows={2}
              autoFocus
              helperText="Bijvoorbeeld wat de ouder liet weten, en wanneer."
              slotProps={{ htmlInput: { maxLength: REASON_MAX } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={mutation.loading}>
            Annuleren
          </Button>
          <Button type="submit" variant="contained" color="error" disabled={mutation.loading} startIcon={mutation.loading ? <CircularProgress color="inherit" size={16} aria-hidden /> : undefined}>
            Toestemming intrekken
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
