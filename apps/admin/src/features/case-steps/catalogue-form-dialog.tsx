import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import type { ResolvedField } from '@zorgroute/processes';
import { useId, type FormEventHandler } from 'react';
import type { Control, FieldValues, UseFormSetError } from 'react-hook-form';
import { ErrorAlert } from '../../shared/error-alert';
import { formErrors, type FormValues } from './step-form-values';
import { StepField } from './step-fields';

/**
 * Checks the form with the catalogue's own validator; on errors marks each field (focus on the first) and answers
 * false, so nothing is sent.
 */
export function reportFormErrors(fields: readonly ResolvedField[], values: FieldValues, today: string, setError: UseFormSetError<FieldValues>): boolean {
  const errors = formErrors(fields, values as FormValues, today);
  const paths = Object.keys(errors);
  paths.forEach((p, i) => setError(p, { type: 'catalogue', message: errors[p] }, { shouldFocus: i === 0 }));
  return paths.length === 0;
}

export interface CatalogueFormDialogProps {
  title: string;
  description?: string | null;
  submitLabel: string;
  fields: readonly ResolvedField[];
  control: Control<FieldValues>;
  /** School whose staff and pupils the fields offer. */
  schoolId: string;
  loading: boolean;
  error?: unknown;
  onSubmit: FormEventHandler<HTMLFormElement>;
  onClose(): void;
}

/** The dialog of a form defined in the step catalogue (a step or a start): title, description, fields, send. */
export function CatalogueFormDialog({ title, description, submitLabel, fields, control, schoolId, loading, error, onSubmit, onClose }: CatalogueFormDialogProps) {
  const titleId = useId();
  return (
    <Dialog open onClose={() => !loading && onClose()} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          {description && <DialogContentText sx={{ mb: 2 }}>{description}</DialogContentText>}
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error ? <ErrorAlert error={error} /> : null}
            {fields.map((f, i) => (
              <StepField key={f.name} field={f} path={f.name} siblingsPath="" control={control} schoolId={schoolId} autoFocus={i === 0} />
            ))}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={loading}>
            Annuleren
          </Button>
          <Button type="submit" variant="contained" disabled={loading} startIcon={loading ? <CircularProgress color="inherit" size={16} aria-hidden /> : undefined}>
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
