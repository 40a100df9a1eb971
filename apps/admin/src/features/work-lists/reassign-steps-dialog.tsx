import { useMutation, useQuery } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ErrorAlert } from '../../shared/error-alert';
import { FormTextField } from '../../shared/form-text-field';
import { roleLabel } from '../../shared/labels';
import { STAFF_QUERY } from '../case-steps/step-mutations.graphql';
import { REASSIGN_OPEN_STEPS_MUTATION, type ReassignOpenStepsResult } from './work-lists.graphql';

/** A case whose open step is handed over: for the list of cases that did not move, and to leave out its owner. */
export interface ReassignCase {
  caseId: string;
  pupilName: string;
  ownerId: string | null;
}

export interface ReassignErrors {
  owner?: string;
  reason?: string;
}

/** The new owner is required, and a reason of 3–1000 characters (it goes into the audit trail of every case). */
export const reassignSchema = z.object({
  owner: z.string().min(1, 'Kies de nieuwe eigenaar.'),
  reason: z.string().trim().min(3, 'Geef een reden (minstens 3 tekens); die komt in het auditlog van elke casus.').max(1000, 'De reden mag hoogstens 1000 tekens lang zijn.'),
});

type ReassignValues = z.infer<typeof reassignSchema>;

/** The form's problems, field by field (the first of each), as reassignSchema finds them. */
export function validateReassign(ownerId: string, reason: string): ReassignErrors {
  const errors: ReassignErrors = {};
  for (const issue of reassignSchema.safeParse({ owner: ownerId, reason }).error?.issues ?? []) {
    const field = issue.path[0];
    if ((field === 'owner' || field === 'reason') && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/**
 * "Stappen overdragen": gives the open steps of the chosen cases one new owner with one reason. The api moves each case
 * through its own admin update (one audit entry per case) and answers per case; the cases that did not move are listed
 * with why, the others are done.
 */
export function ReassignStepsDialog({ items, schoolId, refetchQueries = ['WorkLists', 'WorkListItems', 'DashboardCases'], onClose, onDone }: {
  items: ReassignCase[];
  schoolId: string;
  /** The queries (by operation name) that show the steps' owners, read again once they moved. */
  refetchQueries?: string[];
  onClose(): void;
  onDone(reassigned: number): void;
}) {
  const titleId = useId();
  const { control, handleSubmit } = useForm<ReassignValues>({ resolver: zodResolver(reassignSchema), defaultValues: { owner: '', reason: '' } });
  const [result, setResult] = useState<ReassignOpenStepsResult | null>(null);
  const staff = useQuery(STAFF_QUERY, { variables: { schoolId }, fetchPolicy: 'cache-first' });
  const [mutate, mutation] = useMutation(REASSIGN_OPEN_STEPS_MUTATION, { refetchQueries, awaitRefetchQueries: true });
  const nameOf = new Map(items.map((i) => [i.caseId, i.pupilName]));

  const onSubmit = handleSubmit(async (values) => {
    try {
      const answer = await mutate({ variables: { input: { caseIds: items.map((i) => i.caseId), newOwnerId: values.owner, reason: values.reason.trim() } } });
      const outcome = answer.data?.reassignOpenSteps ?? null;
      if (outcome && outcome.failed === 0) onDone(outcome.reassigned);
      else setResult(outcome);
    } catch {
      // Shown from mutation.error.
    }
  });

  // Every open step is someone's: not the owner the steps already have.
  const owners = (staff.data?.staffMembers ?? []).filter((u) => !items.every((i) => i.ownerId === u.id));

  return (
    <Dialog open onClose={() => !mutation.loading && (result ? onDone(result.reassigned) : onClose())} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <DialogTitle id={titleId}>Stappen overdragen</DialogTitle>
        <DialogContent>
          {result ? (
            <Stack spacing={2}>
              <Alert severity={result.reassigned ? 'success' : 'error'}>
                {result.reassigned === 1 ? '1 stap overgedragen.' : `${result.reassigned} stappen overgedragen.`}{' '}
                {result.failed === 1 ? '1 stap niet:' : `${result.failed} stappen niet:`}
              </Alert>
              <List dense aria-label="Niet overgedragen">
                {result.results
                  .filter((r) => !r.ok)
                  .map((r) => (
                    <ListItem key={r.caseId} sx={{ display: 'block' }}>
                      <strong>{nameOf.get(r.caseId) ?? r.caseId}</strong>: {r.message}
                    </ListItem>
                  ))}
              </List>
            </Stack>
          ) : (
            <>
              <DialogContentText sx={{ mb: 2 }}>
                {items.length === 1 ? 'De open stap van 1 casus' : `De open stappen van ${items.length} casussen`} krijgen een nieuwe eigenaar. Die krijgt een bericht en
                de herinneringen; elke casus legt de overdracht met de reden vast.
              </DialogContentText>
              <Stack spacing={2}>
                {mutation.error && <ErrorAlert error={mutation.error} />}
                <FormTextField name="owner" control={control} select label="Nieuwe eigenaar" required autoFocus>
                  {owners.map((u) => (
                    <MenuItem key={u.id} value={u.id}>
                      {u.name} ({roleLabel(u.role)})
                    </MenuItem>
                  ))}
                </FormTextField>
                <FormTextField
                  name="reason"
                  control={control}
                  label="Reden"
                  required
                  multiline
                  minRows={2}
                  helperText="Bijvoorbeeld: mentor uit dienst, coach neemt over."
                />
              </Stack>
            </>
          )}
        </DialogContent>
        <DialogActions>
          {result ? (
            <Button variant="contained" onClick={() => onDone(result.reassigned)}>
              Sluiten
            </Button>
          ) : (
            <>
              <Button onClick={onClose} disabled={mutation.loading}>
                Annuleren
              </Button>
              <Button type="submit" variant="contained" disabled={mutation.loading} startIcon={mutation.loading ? <CircularProgress size={16} color="inherit" /> : undefined}>
                Overdragen
              </Button>
            </>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
}
