import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { type CaseSummary } from '../../shared/api-types';
import { stepLabel } from '../../shared/labels';
import { StepDialog } from '../case-steps/step-dialog';
import { useAuth } from '../../app/auth/auth-context';
import { caseActions, consentTimeoutSpec, mayTakeStep, stepFormSpec, type TimedOutConsent } from '../case-steps/step-forms';

const DESTRUCTIVE = new Set(['STOP_TRAJECTORY', 'CLOSE', 'STOP', 'STOP_OOV']);

/**
 * A button for every human step that is open now (plus always-possible actions such as stopping) that the user's
 * role may take (mayTakeStep mirrors the API's rules); each opens a small form. Steps the UI has no form for (e.g.
 * waiting for a parent's consent) and open steps of another role are shown as a status chip.
 */
export function OpenSteps({
  summary,
  steps,
  stepLabels = [],
  consents = [],
}: {
  summary: CaseSummary;
  steps: readonly string[];
  /** The API's Dutch names of `steps`, in the same order. */
  stepLabels?: readonly string[];
  consents?: readonly TimedOutConsent[];
}) {
  const [active, setActive] = useState<string | null>(null);
  const role = useAuth().session?.user.role;
  const mayTake = (step: string) => mayTakeStep(summary.process, step, role);
  // A step of another role stays visible as a status chip when it is open; the always-possible actions
  // (stopping, planning) are left out for a role that may not take them.
  const actions = caseActions(summary.process, summary.status, steps, !!summary.closedAt).filter((step) => steps.includes(step) || mayTake(step));
  const specFor = (step: string) => (mayTake(step) ? (stepFormSpec(summary.process, step) ?? consentTimeoutSpec(summary.id, step, consents)) : null);
  const activeSpec = active ? specFor(active) : null;

  return (
    <Paper component="section" aria-labelledby="open-steps-heading" sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography id="open-steps-heading" variant="h2" sx={{ mb: 1.5 }}>
        Open stappen
      </Typography>
      {actions.length === 0 ? (
        <Typography color="text.secondary">Er zijn nu geen stappen voor jou.</Typography>
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
          {actions.map((step) => {
            const spec = specFor(step);
            return (
              <li key={step}>
                {spec ? (
                  <Button
                    variant={DESTRUCTIVE.has(step) ? 'outlined' : 'contained'}
                    color={DESTRUCTIVE.has(step) ? 'error' : 'primary'}
                    data-step={step}
                    onClick={() => setActive(step)}
                  >
                    {spec.title}
                  </Button>
                ) : (
                  <Chip icon={<HourglassEmptyIcon />} label={stepLabels[steps.indexOf(step)] ?? stepLabel(step)} variant="outlined" data-step={step} />
                )}
              </li>
            );
          })}
        </Box>
      )}
      {active && activeSpec && (
        <StepDialog
          key={active}
          caseId={summary.id}
          schoolId={summary.school.id}
          spec={activeSpec}
          onClose={() => setActive(null)}
          onDone={() => setActive(null)}
        />
      )}
    </Paper>
  );
}
