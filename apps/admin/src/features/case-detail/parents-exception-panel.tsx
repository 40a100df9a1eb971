import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useAuth } from '../../app/auth/auth-context';
import { type CaseDetailQuery } from '../../gql/graphql';
import { StepDialog } from '../case-steps/step-dialog';
import { mayTakeStep, stepFormSpec } from '../case-steps/step-forms';

/**
 * School staff only (the api gives `hiddenFromParents` to the school alone): the case is kept from the parents under
 * the safety exception (PROCESSES.md rule 3). The zorgcoördinator can lift an approved exception, with a reason.
 */
export function ParentsExceptionPanel({ detail }: { detail: Pick<CaseDetailQuery['case'], 'summary' | 'hiddenFromParents' | 'zorgroute'> }) {
  const role = useAuth().session?.user.role;
  const [lifting, setLifting] = useState(false);
  if (detail.hiddenFromParents !== true) return null;
  const active = detail.zorgroute?.parentsExceptionActive === true;
  const spec = stepFormSpec(detail.summary.process, 'LIFT_PARENTS_EXCEPTION');
  const mayLift = active && !detail.summary.closedAt && !!spec && mayTakeStep(detail.summary.process, 'LIFT_PARENTS_EXCEPTION', role);
  return (
    <Alert
      severity="warning"
      variant="outlined"
      sx={{ bgcolor: 'background.paper' }}
      role="status"
      data-testid="parents-exception"
      action={
        mayLift ? (
          <Button color="inherit" variant="outlined" onClick={() => setLifting(true)}>
            Uitzondering opheffen
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>Verborgen voor de ouders</AlertTitle>
      <Typography variant="body2">
        {active
          ? 'De ouders zijn niet geïnformeerd: dat zou de leerling in gevaar brengen (uitzondering goedgekeurd door de zorgcoördinator). Zij zien deze casus nergens en krijgen er geen berichten over.'
          : 'Volgens de aanmelding zijn de ouders niet geïnformeerd. Tot de zorgcoördinator dat bij de triage goedkeurt of de aanmelding wordt aangepast, zien de ouders deze casus nergens.'}
      </Typography>
      {active && detail.zorgroute?.parentsExceptionReason && (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          Reden: {detail.zorgroute.parentsExceptionReason}
          {detail.zorgroute.parentsExceptionApprovedBy ? ` (goedgekeurd door ${detail.zorgroute.parentsExceptionApprovedBy})` : ''}
        </Typography>
      )}
      {lifting && spec && (
        <StepDialog caseId={detail.summary.id} schoolId={detail.summary.school.id} spec={spec} onClose={() => setLifting(false)} onDone={() => setLifting(false)} />
      )}
    </Alert>
  );
}
