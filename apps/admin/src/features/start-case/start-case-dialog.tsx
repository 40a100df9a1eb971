import { useMutation } from '@apollo/client/react';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { resolveFields, type StartDefinition } from '@zorgroute/processes';
import { useId, useMemo, useRef } from 'react';
import { useForm, type FieldValues } from 'react-hook-form';
import { ErrorAlert } from '../../shared/error-alert';
import { useToday } from '../../shared/use-today';
import { formErrors, initialFormValues, toStepInput, type FormValues } from '../case-steps/step-form-values';
import { StepField } from '../case-steps/step-fields';
import { newRequestKey } from '../start-trajectory/start-trajectory-form';
import { START_MUTATIONS } from './start-case.graphql';

export interface StartCaseDialogProps {
  /** The start of the process, as the step catalogue defines it (libs/processes). */
  definition: StartDefinition;
  /** The user's school (pupils, staff and the first preference come from it); null for an admin. */
  schoolId: string | null;
  /** Whether the user is an admin (who names the receiving school of an application). */
  admin: boolean;
  /** A pupil chosen beforehand (e.g. from a pupil's row). */
  pupilId?: string | null;
  onClose(): void;
  onStarted(caseId: string): void;
}

/**
 * Starts a case of any process whose start is defined as data (P4 aanmelding, P5 OOV, P6 overdracht): the form is
 * rendered from the definition, checked with the catalogue's own validator (the api checks the same definition) and
 * sent with the process's start mutation.
 */
export function StartCaseDialog({ definition, schoolId, admin, pupilId, onClose, onStarted }: StartCaseDialogProps) {
  const today = useToday();
  const titleId = useId();
  const fields = useMemo(() => resolveFields(definition.fields, {}), [definition]);
  const defaults = useMemo(() => {
    const values = initialFormValues(fields, today);
    // The user's own school is the parents' first choice until he says otherwise; a chosen pupil is filled in.
    for (const f of fields) if (f.kind === 'schools' && schoolId && f.required) values[f.name] = [schoolId];
    if (pupilId && fields.some((f) => f.name === 'pupilId')) values.pupilId = pupilId;
    return values;
  }, [fields, today, schoolId, pupilId]);
  const { control, handleSubmit, setError, clearErrors } = useForm<FieldValues>({ defaultValues: defaults });
  // One idempotency key per form content (P5 takes it): the same form sent again never starts a second case; any edit
  // makes a new key.
  const sent = useRef<{ content: string; key: string } | null>(null);
  const document = START_MUTATIONS[definition.mutation];
  const [start, mutation] = useMutation(document, { refetchQueries: ['DashboardCases'] });

  const onSubmit = handleSubmit(async (values) => {
    clearErrors();
    const errors = formErrors(fields, values as FormValues, today);
    const paths = Object.keys(errors);
    if (paths.length) {
      paths.forEach((p, i) => setError(p, { type: 'catalogue', message: errors[p] }, { shouldFocus: i === 0 }));
      return;
    }
    const input: Record<string, unknown> = toStepInput(fields, values as FormValues);
    if (definition.mutation === 'startOov') {
      const content = JSON.stringify(input);
      if (sent.current?.content !== content) sent.current = { content, key: newRequestKey() };
      input.requestKey = sent.current.key;
    }
    // An admin registers an application for the school that received it: the parents' first choice.
    if (definition.mutation === 'registerAanmelding' && admin) input.schoolId = (input.preferenceSchoolIds as string[] | null)?.[0] ?? null;
    try {
      const result = await start({ variables: { input } });
      const started = result.data?.[definition.mutation];
      if (started) onStarted(started.id);
    } catch {
      // Shown from mutation.error.
    }
  });

  return (
    <Dialog open onClose={() => !mutation.loading && onClose()} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id={titleId}>{definition.title}</DialogTitle>
        <DialogContent>
          {definition.description && <DialogContentText sx={{ mb: 2 }}>{definition.description}</DialogContentText>}
          <Stack spacing={2} sx={{ pt: 1 }}>
            {mutation.error && <ErrorAlert error={mutation.error} />}
            {fields.map((f, i) => (
              <StepField key={f.name} field={f} path={f.name} siblingsPath="" control={control} schoolId={schoolId ?? ''} autoFocus={i === 0} />
            ))}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={mutation.loading}>
            Annuleren
          </Button>
          <Button type="submit" variant="contained" disabled={mutation.loading} startIcon={mutation.loading ? <CircularProgress color="inherit" size={16} aria-hidden /> : undefined}>
            {definition.submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
