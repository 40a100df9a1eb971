import { useMutation, useQuery } from '@apollo/client/react';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { type FormEvent, useId, useState } from 'react';
import { ErrorAlert } from '../../shared/error-alert';
import { useToday } from '../../shared/use-today';
import {
  type FieldSpec,
  initialValues,
  type StepErrors,
  type StepFormSpec,
  type StepValues,
  validateStep,
  visibleFields,
} from './step-forms';
import { PupilIdAutocomplete } from '../pupils/pupil-autocomplete';
import { STAFF_QUERY, STEP_MUTATIONS } from './step-mutations.graphql';

export interface StepDialogProps {
  /** The case of the step; absent for a form that starts a case. */
  caseId?: string;
  spec: StepFormSpec;
  /** School of the case: staff to choose from come from this school. */
  schoolId: string;
  onClose(): void;
  /** Called with the id of the case the mutation returned. */
  onDone(resultCaseId: string | null): void;
  /** Names of further queries to refetch after the step (besides the case page and the dashboard). */
  refetch?: readonly string[];
}

function PupilField({ field, schoolId, value, error, autoFocus, onChange }: { field: FieldSpec; schoolId: string; value: string; error?: string; autoFocus: boolean; onChange(v: string): void }) {
  return (
    <PupilIdAutocomplete
      pupilId={value}
      onChangeId={onChange}
      schoolId={schoolId || null}
      label={field.label}
      required={field.required}
      autoFocus={autoFocus}
      errorText={error}
      helperText={field.helper}
    />
  );
}

function StaffField({ field, schoolId, value, error, onChange }: { field: FieldSpec; schoolId: string; value: string; error?: string; onChange(v: string): void }) {
  const staff = useQuery(STAFF_QUERY, {
    variables: { schoolId: schoolId || null, roles: field.staffRole ? [field.staffRole] : null },
    fetchPolicy: 'cache-first',
  });
  const options = staff.data?.staffMembers ?? [];
  return (
    <TextField
      select
      label={field.label}
      required={field.required}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={!!error || !!staff.error}
      helperText={error ?? (staff.error ? 'De lijst kon niet worden geladen.' : field.helper)}
    >
      {options.map((u) => (
        <MenuItem key={u.id} value={u.id}>
          {u.name}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** A small form for one human step; on success the case page refetches. */
export function StepDialog({ caseId, spec, schoolId, onClose, onDone, refetch = [] }: StepDialogProps) {
  const today = useToday();
  const titleId = useId();
  const [values, setValues] = useState<StepValues>(() => initialValues(spec, today));
  const [errors, setErrors] = useState<StepErrors>({});
  const [mutate, mutation] = useMutation(STEP_MUTATIONS[spec.mutation], {
    refetchQueries: ['CaseDetail', 'DashboardCases', ...refetch],
    awaitRefetchQueries: true,
  });

  const set = (name: string, value: string | boolean) => {
    setValues((v) => ({ ...v, [name]: value }));
    if (errors[name]) setErrors((e) => ({ ...e, [name]: '' }));
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateStep(spec, values);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    try {
      const result = await mutate({ variables: caseId && !spec.inputOnly ? { caseId, input: spec.toInput(values) } : { input: spec.toInput(values) } });
      onDone(result.data ? (Object.values(result.data)[0]?.id ?? null) : null);
    } catch {
      // Shown from mutation.error.
    }
  };

  const renderField = (field: FieldSpec, index: number) => {
    const value = values[field.name];
    const error = errors[field.name] || undefined;
    const common = { autoFocus: index === 0 };
    switch (field.kind) {
      case 'checkbox':
        return (
          <FormControlLabel
            key={field.name}
            control={<Checkbox checked={value === true} onChange={(e) => set(field.name, e.target.checked)} />}
            label={field.label}
          />
        );
      case 'pupil':
        return <PupilField key={field.name} field={field} schoolId={schoolId} value={String(value ?? '')} error={error} autoFocus={index === 0} onChange={(v) => set(field.name, v)} />;
      case 'staff':
        return <StaffField key={field.name} field={field} schoolId={schoolId} value={String(value ?? '')} error={error} onChange={(v) => set(field.name, v)} />;
      case 'select':
        return (
          <TextField
            key={field.name}
            {...common}
            select
            label={field.label}
            required={field.required}
            value={String(value ?? '')}
            onChange={(e) => set(field.name, e.target.value)}
            error={!!error}
            helperText={error ?? field.helper}
          >
            {(field.options ?? []).map((o) => (
              <MenuItem key={o.value} value={o.value}>
                {o.label}
              </MenuItem>
            ))}
          </TextField>
        );
      default:
        return (
          <TextField
            key={field.name}
            {...common}
            label={field.label}
            required={field.required}
            type={field.kind === 'date' ? 'date' : field.kind === 'number' ? 'number' : 'text'}
            multiline={field.kind === 'multiline'}
            minRows={field.kind === 'multiline' ? 2 : undefined}
            value={String(value ?? '')}
            onChange={(e) => set(field.name, e.target.value)}
            error={!!error}
            helperText={error ?? field.helper}
            slotProps={{
              inputLabel: field.kind === 'date' ? { shrink: true } : undefined,
              htmlInput: field.kind === 'number' ? { min: field.min, max: field.max, step: 1, inputMode: 'numeric' } : undefined,
            }}
          />
        );
    }
  };

  return (
    <Dialog open onClose={() => !mutation.loading && onClose()} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id={titleId}>{spec.title}</DialogTitle>
        <DialogContent>
          {spec.description && <DialogContentText sx={{ mb: 2 }}>{spec.description}</DialogContentText>}
          <Stack spacing={2} sx={{ pt: 1 }}>
            {mutation.error && <ErrorAlert error={mutation.error} />}
            {visibleFields(spec, values).map(renderField)}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={mutation.loading}>
            Annuleren
          </Button>
          <Button
            type="submit"
            variant="contained"
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
