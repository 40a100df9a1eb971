import { useMutation } from '@apollo/client/react';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { useId } from 'react';
import { useForm, type FieldValues } from 'react-hook-form';
import { type StepForm } from '../../shared/api-types';
import { ErrorAlert } from '../../shared/error-alert';
import { useToday } from '../../shared/use-today';
import { TAKE_STEP_MUTATION } from './step-form.graphql';
import { formErrors, initialFormValues, toStepInput, type FormValues } from './step-form-values';
import { StepField } from './step-fields';

export interface CatalogueStepDialogProps {
  caseId: string;
  /** School of the case: staff to choose from come from this school. */
  schoolId: string;
  form: StepForm;
  onClose(): void;
  onDone(): void;
}

/**
 * The form of any step of any process, rendered from its definition in the step catalogue as the api serves it with
 * the case (`stepForms`); checked with the catalogue's own validator before it is sent with `takeStep`.
 */
export function CatalogueStepDialog({ caseId, schoolId, form, onClose, onDone }: CatalogueStepDialogProps) {
  const today = useToday();
  const titleId = useId();
  const fields = form.fields;
  const { control, handleSubmit, setError, clearErrors } = useForm<FieldValues>({ defaultValues: initialFormValues(fields, today) });
  const [takeStep, mutation] = useMutation(TAKE_STEP_MUTATION, { refetchQueries: ['CaseDetail', 'DashboardCases'], awaitRefetchQueries: true });

  const onSubmit = handleSubmit(async (values) => {
    clearErrors();
    const errors = formErrors(fields, values as FormValues, today);
    const paths = Object.keys(errors);
    if (paths.length) {
      paths.forEach((p, i) => setError(p, { type: 'catalogue', message: errors[p] }, { shouldFocus: i === 0 }));
      return;
    }
    try {
      await takeStep({ variables: { caseId, step: form.step, input: toStepInput(fields, values as FormValues) } });
      onDone();
    } catch {
      // Shown from mutation.error.
    }
  });

  return (
    <Dialog open onClose={() => !mutation.loading && onClose()} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id={titleId}>{form.title}</DialogTitle>
        <DialogContent>
          {form.description && <DialogContentText sx={{ mb: 2 }}>{form.description}</DialogContentText>}
          <Stack spacing={2} sx={{ pt: 1 }}>
            {mutation.error && <ErrorAlert error={mutation.error} />}
            {fields.map((f, i) => (
              <StepField key={f.name} field={f} path={f.name} siblingsPath="" control={control} schoolId={schoolId} autoFocus={i === 0} />
            ))}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={mutation.loading}>
            Annuleren
          </Button>
          <Button type="submit" variant="contained" disabled={mutation.loading} startIcon={mutation.loading ? <CircularProgress color="inherit" size={16} aria-hidden /> : undefined}>
            {form.submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
