import { useMutation, useQuery } from '@apollo/client/react';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { holds, type ResolvedField } from '@zorgroute/processes';
import { useId } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type Control, type FieldValues } from 'react-hook-form';
import { type StepForm } from '../../shared/api-types';
import { ErrorAlert } from '../../shared/error-alert';
import { useToday } from '../../shared/use-today';
import { STAFF_QUERY } from './step-mutations.graphql';
import { TAKE_STEP_MUTATION } from './step-form.graphql';
import { formErrors, initialFormValues, toStepInput, type FormValues } from './step-form-values';

export interface CatalogueStepDialogProps {
  caseId: string;
  /** School of the case: staff to choose from come from this school. */
  schoolId: string;
  form: StepForm;
  onClose(): void;
  onDone(): void;
}

interface FieldProps {
  field: ResolvedField;
  /** Form path of the field (e.g. `decisions.0.kind`). */
  path: string;
  control: Control<FieldValues>;
  schoolId: string;
  autoFocus: boolean;
}

const required = (f: ResolvedField, siblings: Record<string, unknown>) => f.required === true || (typeof f.required === 'object' && holds(f.required, siblings));

function StaffSelect({ field, path, control, schoolId, autoFocus }: FieldProps) {
  const staff = useQuery(STAFF_QUERY, { variables: { schoolId: schoolId || null, roles: field.staffRoles?.length ? [...field.staffRoles] : null }, fetchPolicy: 'cache-first' });
  return (
    <Controller
      name={path}
      control={control}
      render={({ field: f, fieldState }) => (
        <TextField
          select
          label={field.label}
          autoFocus={autoFocus}
          value={(f.value as string) ?? ''}
          onChange={f.onChange}
          onBlur={f.onBlur}
          error={!!fieldState.error || !!staff.error}
          helperText={fieldState.error?.message ?? (staff.error ? 'De lijst kon niet worden geladen.' : field.helper)}
        >
          {(staff.data?.staffMembers ?? []).map((u) => (
            <MenuItem key={u.id} value={u.id}>
              {u.name}
            </MenuItem>
          ))}
        </TextField>
      )}
    />
  );
}

/** One field of a step form; group and list render their own fields. */
function StepField(props: FieldProps & { siblingsPath: string }) {
  const { field, path, control, autoFocus, siblingsPath } = props;
  const watched = useWatch({ control }) as Record<string, unknown>;
  const siblings = (siblingsPath ? siblingsPath.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], watched) : watched) as Record<string, unknown> | undefined ?? {};
  if (field.showIf && !holds(field.showIf, siblings)) return null;
  const isRequired = required(field, siblings);
  switch (field.kind) {
    case 'boolean':
      return (
        <Controller
          name={path}
          control={control}
          render={({ field: f, fieldState }) => (
            <FormControl error={!!fieldState.error}>
              <FormControlLabel control={<Checkbox checked={f.value === true} onChange={(e) => f.onChange(e.target.checked)} />} label={field.label} />
              {(fieldState.error || field.helper) && <FormHelperText>{fieldState.error?.message ?? field.helper}</FormHelperText>}
            </FormControl>
          )}
        />
      );
    case 'staff':
      return <StaffSelect {...props} />;
    case 'choice':
    case 'choices':
      return (
        <Controller
          name={path}
          control={control}
          render={({ field: f, fieldState }) => (
            <TextField
              select
              label={field.label}
              required={isRequired}
              autoFocus={autoFocus}
              value={f.value ?? (field.kind === 'choices' ? [] : '')}
              onChange={f.onChange}
              onBlur={f.onBlur}
              error={!!fieldState.error}
              helperText={fieldState.error?.message ?? field.helper}
              slotProps={{ select: { multiple: field.kind === 'choices' } }}
            >
              {(field.options ?? []).map((o) => (
                <MenuItem key={o.value} value={o.value}>
                  {o.label}
                </MenuItem>
              ))}
            </TextField>
          )}
        />
      );
    case 'group':
      return (
        <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
          <FormLabel component="legend" sx={{ mb: 1 }}>
            {field.label}
          </FormLabel>
          <Stack spacing={2}>
            {(field.fields ?? []).map((child) => (
              <StepField key={child.name} {...props} field={child} path={`${path}.${child.name}`} siblingsPath={path} autoFocus={false} />
            ))}
          </Stack>
        </Box>
      );
    case 'list':
      return <ListField {...props} />;
    default: {
      const numericChoice = field.kind === 'integer' && !!field.options?.length;
      return (
        <Controller
          name={path}
          control={control}
          render={({ field: f, fieldState }) => (
            <TextField
              label={field.label}
              required={isRequired}
              autoFocus={autoFocus}
              select={numericChoice}
              type={field.kind === 'date' ? 'date' : field.kind === 'time' ? 'time' : 'text'}
              multiline={field.kind === 'longText' || field.kind === 'textList'}
              minRows={field.kind === 'longText' || field.kind === 'textList' ? 2 : undefined}
              value={(f.value as string) ?? ''}
              onChange={f.onChange}
              onBlur={f.onBlur}
              error={!!fieldState.error}
              helperText={fieldState.error?.message ?? field.helper}
              slotProps={{
                inputLabel: field.kind === 'date' || field.kind === 'time' ? { shrink: true } : undefined,
                htmlInput: field.kind === 'integer' && !numericChoice ? { inputMode: 'numeric', 'aria-valuemin': field.min, 'aria-valuemax': field.max } : undefined,
              }}
            >
              {numericChoice &&
                (field.options ?? []).map((o) => (
                  <MenuItem key={o.value} value={o.value}>
                    {o.label}
                  </MenuItem>
                ))}
            </TextField>
          )}
        />
      );
    }
  }
}

function ListField(props: FieldProps & { siblingsPath: string }) {
  const { field, path, control } = props;
  const today = useToday();
  const { fields: items, append, remove } = useFieldArray({ control, name: path });
  const max = field.max ?? 20;
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <FormLabel component="legend" sx={{ mb: 1 }}>
        {field.label}
      </FormLabel>
      <Stack spacing={2}>
        {items.map((item, i) => (
          <Box key={item.id} sx={{ borderLeft: 3, borderColor: 'divider', pl: 2 }}>
            <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
              <Typography variant="subtitle2">
                {field.label} {i + 1}
              </Typography>
              <IconButton aria-label={`${field.label} ${i + 1} verwijderen`} onClick={() => remove(i)} size="small">
                <DeleteOutlineIcon fontSize="small" />
              </IconButton>
            </Stack>
            <Stack spacing={2}>
              {(field.fields ?? []).map((child) => (
                <StepField key={child.name} {...props} field={child} path={`${path}.${i}.${child.name}`} siblingsPath={`${path}.${i}`} autoFocus={false} />
              ))}
            </Stack>
          </Box>
        ))}
        {items.length < max && (
          <Button startIcon={<AddIcon />} onClick={() => append(initialFormValues(field.fields ?? [], today))} sx={{ alignSelf: 'flex-start' }}>
            {field.label} toevoegen
          </Button>
        )}
      </Stack>
    </Box>
  );
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
