import { useQuery } from '@apollo/client/react';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
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
import { Controller, useFieldArray, useWatch, type Control, type FieldValues } from 'react-hook-form';
import { useToday } from '../../shared/use-today';
import { EntityAutocomplete } from '../../shared/entity-autocomplete';
import { PupilIdAutocomplete } from '../pupils/pupil-autocomplete';
import { REGION_SCHOOLS_QUERY, STAFF_QUERY } from './step-mutations.graphql';
import { initialFormValues } from './step-form-values';

/**
 * The fields of a form rendered from the step catalogue (a step of a case, or the start of one): one component per
 * field kind, bound to react-hook-form. Labels, helpers, options, conditions and bounds come from the definition.
 */
export interface FieldProps {
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
          {!field.required && (
            <MenuItem value="">
              <em>Niemand</em>
            </MenuItem>
          )}
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

/** A pupil the user may see (of the school, when known), found by a server search on a few letters. */
function PupilSelect({ field, path, control, schoolId, autoFocus, isRequired }: FieldProps & { isRequired: boolean }) {
  return (
    <Controller
      name={path}
      control={control}
      render={({ field: f, fieldState }) => (
        <PupilIdAutocomplete
          pupilId={(f.value as string) ?? ''}
          onChangeId={f.onChange}
          onBlur={f.onBlur}
          schoolId={schoolId || null}
          label={field.label}
          required={isRequired}
          autoFocus={autoFocus}
          errorText={fieldState.error?.message}
          helperText={field.helper}
        />
      )}
    />
  );
}

/** An ordered choice of schools of the region: the order of choosing is the order of preference. */
function SchoolsSelect({ field, path, control, autoFocus, isRequired }: FieldProps & { isRequired: boolean }) {
  const schools = useQuery(REGION_SCHOOLS_QUERY, { fetchPolicy: 'cache-first' });
  const options = schools.data?.regionSchools ?? [];
  return (
    <Controller
      name={path}
      control={control}
      render={({ field: f, fieldState }) => {
        const ids = Array.isArray(f.value) ? (f.value as string[]) : [];
        return (
          <EntityAutocomplete
            multiple
            options={options}
            value={ids.map((id) => options.find((s) => s.id === id) ?? { id, name: id, region: '' })}
            onChange={(chosen) => f.onChange(chosen.map((s) => s.id))}
            onBlur={f.onBlur}
            getOptionLabel={(s) => s.name}
            nouns={{ plural: 'Scholen' }}
            loading={schools.loading}
            loadFailed={!!schools.error}
            label={field.label}
            required={isRequired}
            autoFocus={autoFocus}
            errorText={fieldState.error?.message}
            helperText={field.helper}
          />
        );
      }}
    />
  );
}

/** One field of a step form; group and list render their own fields. */
export function StepField(props: FieldProps & { siblingsPath: string }) {
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
    case 'pupil':
      return <PupilSelect {...props} isRequired={isRequired} />;
    case 'schools':
      return <SchoolsSelect {...props} isRequired={isRequired} />;
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
              // A time is text (24 hours, uu:mm, checked by the step's validation): <input type=time> follows the browser's
              // locale, and an English or headless browser shows 2:30 PM where a Dutch school expects 14:30.
              type={field.kind === 'date' ? 'date' : 'text'}
              placeholder={field.kind === 'time' ? 'uu:mm' : undefined}
              multiline={field.kind === 'longText' || field.kind === 'textList'}
              minRows={field.kind === 'longText' || field.kind === 'textList' ? 2 : undefined}
              value={(f.value as string) ?? ''}
              onChange={f.onChange}
              onBlur={f.onBlur}
              error={!!fieldState.error}
              helperText={fieldState.error?.message ?? field.helper}
              slotProps={{
                inputLabel: field.kind === 'date' || field.kind === 'time' ? { shrink: true } : undefined,
                htmlInput: field.kind === 'integer' && !numericChoice ? { inputMode: 'numeric', min: field.min, max: field.max } : undefined,
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

