import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { type CaseDetailData } from './case.graphql';
import { CatalogueStepDialog } from '../case-steps/catalogue-step-dialog';

/** The step that lifts the exception (the step catalogue's, offered by the api while an exception holds). */
export const LIFT_STEP = 'LIFT_PARENTS_EXCEPTION';

/**
 * School staff only (the api gives `hiddenFromParents` to the school alone): the case is kept from the parents under
 * the safety exception (PROCESSES.md rule 3). The zorgcoördinator can lift an approved exception, with a reason: the
 * form and whether the user may take it come from the api with the case (`stepForms`).
 */
export function ParentsExceptionPanel({ detail }: { detail: Pick<CaseDetailData['case'], 'summary' | 'hiddenFromParents' | 'zorgroute' | 'stepForms'> }) {
  const [lifting, setLifting] = useState(false);
  if (detail.hiddenFromParents !== true) return null;
  const active = detail.zorgroute?.parentsExceptionActive === true;
  const form = (detail.stepForms ?? []).find((f) => f.step === LIFT_STEP && f.mayTake) ?? null;
  const mayLift = active && !detail.summary.closedAt && form !== null;
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
      {lifting && form && (
        <CatalogueStepDialog caseId={detail.summary.id} schoolId={detail.summary.school.id} form={form} onClose={() => setLifting(false)} onDone={() => setLifting(false)} />
      )}
    </Alert>
  );
}
