import { useMutation } from '@apollo/client/react';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { type FormEvent, useId, useState } from 'react';
import { type CaseSummaryFieldsFragment as CaseSummary } from '../../gql/graphql';
import { ErrorAlert } from '../../shared/error-alert';
import { PupilAutocomplete, type PickedPupil } from '../pupils/pupil-autocomplete';
import { START_TRAJECTORY_MUTATION } from './start-trajectory.graphql';
import {
  INITIAL_VALUES,
  MAX_WEEKS,
  MIN_WEEKS,
  newRequestKey,
  type StartTrajectoryErrors,
  type StartTrajectoryValues,
  toStartTrajectoryInput,
  validateStartTrajectory,
} from './start-trajectory-form';

export interface StartTrajectoryDialogProps {
  open: boolean;
  /** The school whose pupils can be chosen; null lets the API decide (the caller's school). */
  schoolId: string | null;
  onClose(): void;
  onStarted(started: CaseSummary): void;
}

/** Starts a short support trajectory (P1, "Ondersteuningstraject") for a pupil. */
export function StartTrajectoryDialog({ open, schoolId, onClose, onStarted }: StartTrajectoryDialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const [values, setValues] = useState<StartTrajectoryValues>(INITIAL_VALUES);
  const [errors, setErrors] = useState<StartTrajectoryErrors>({});
  // One key per form content: resubmitting the same form reuses it, any edit makes a new one.
  const [requestKey, setRequestKey] = useState(newRequestKey);

  const [pupil, setPupil] = useState<PickedPupil | null>(null);
  const [startTrajectory, mutation] = useMutation(START_TRAJECTORY_MUTATION, {
    refetchQueries: ['DashboardCases'],
  });

  const set = <K extends keyof StartTrajectoryValues>(key: K, value: StartTrajectoryValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setRequestKey(newRequestKey());
    if (key in errors) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const close = () => {
    if (mutation.loading) return;
    setValues(INITIAL_VALUES);
    setPupil(null);
    setErrors({});
    setRequestKey(newRequestKey());
    mutation.reset();
    onClose();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateStartTrajectory(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      const result = await startTrajectory({ variables: { input: toStartTrajectoryInput(values, requestKey) } });
      if (result.data) {
        setValues(INITIAL_VALUES);
        setPupil(null);
        setRequestKey(newRequestKey());
        onStarted(result.data.startTrajectory);
      }
    } catch {
      // Shown from mutation.error.
    }
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      fullWidth
      maxWidth="sm"
    >
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id={titleId}>Traject starten</DialogTitle>
        <DialogContent>
          <DialogContentText id={descriptionId} sx={{ mb: 2 }}>
            Start een kort ondersteuningstraject van {MIN_WEEKS} tot {MAX_WEEKS} weken. De leerling, ouders en het
            zorgteam worden volgens het beleid geïnformeerd.
          </DialogContentText>
          <Stack spacing={2}>
            {mutation.error && <ErrorAlert error={mutation.error} />}
            <PupilAutocomplete
              value={pupil}
              onChange={(chosen) => {
                setPupil(chosen);
                set('pupilId', chosen?.id ?? null);
              }}
              schoolId={schoolId}
              required
              autoFocus
              errorText={errors.pupilId}
            />
            <TextField
              label="Reden van aanmelding"
              required
              multiline
              minRows={2}
              value={values.reason}
              onChange={(e) => set('reason', e.target.value)}
              error={!!errors.reason}
              helperText={errors.reason ?? 'Waarom heeft deze leerling nu extra ondersteuning nodig?'}
            />
            <TextField
              label="Observaties"
              multiline
              minRows={2}
              value={values.observations}
              onChange={(e) => set('observations', e.target.value)}
              helperText="Wat zien mentor en docenten in de les en daarbuiten?"
            />
            <TextField
              label="Wat heeft de mentor al geprobeerd?"
              multiline
              minRows={2}
              value={values.triedActions}
              onChange={(e) => set('triedActions', e.target.value)}
            />
            <TextField
              label="Duur in weken"
              type="number"
              required
              value={values.weeks}
              onChange={(e) => set('weeks', e.target.value)}
              error={!!errors.weeks}
              helperText={errors.weeks ?? `Tussen ${MIN_WEEKS} en ${MAX_WEEKS} weken.`}
              slotProps={{ htmlInput: { min: MIN_WEEKS, max: MAX_WEEKS, step: 1, inputMode: 'numeric' } }}
              sx={{ maxWidth: 200 }}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={close} disabled={mutation.loading}>
            Annuleren
          </Button>
          <Button
            type="submit"
            variant="contained"
            disabled={mutation.loading}
            startIcon={mutation.loading ? <CircularProgress color="inherit" size={16} aria-hidden /> : undefined}
          >
            Traject starten
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
