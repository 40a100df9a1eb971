import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { type CaseSummaryFieldsFragment as CaseSummary } from '../../gql/graphql';
import { type StepForm } from '../../shared/api-types';
import { CatalogueStepDialog } from '../case-steps/catalogue-step-dialog';
import { stepLabel } from '../../shared/labels';
import { StepDialog } from '../case-steps/step-dialog';
import { useAuth } from '../../app/auth/auth-context';
import { caseActions, consentTimeoutSpec, mayTakeStep, stepFormSpec, type TimedOutConsent } from '../case-steps/step-forms';

const DESTRUCTIVE = new Set(['STOP_TRAJECTORY', 'CLOSE_ZORGROUTE', 'STOP_JOS', 'STOP_OOV', 'STOP_OVERDRACHT', 'STOP_OPP']);


/**
 * A button for every step the case offers now that the user may take — its open steps and the steps that may be taken
 * any time (stop, switch coach) — each opening its form. The forms and whether the user may take them come from the
 * api (`stepForms`, the step catalogue): the page offers exactly what the api allows. Open steps the user may not take,
 * or that have no form (waiting for a parent's consent), are shown as a status chip.
 *
 * Processes whose steps are not in the catalogue yet keep their hand-written forms (step-forms.ts).
 */
export function OpenSteps({
  summary,
  steps,
  stepLabels = [],
  consents = [],
  stepForms = [],
}: {
  summary: CaseSummary;
  steps: readonly string[];
  /** The API's Dutch names of `steps`, in the same order. */
  stepLabels?: readonly string[];
  consents?: readonly TimedOutConsent[];
  stepForms?: readonly StepForm[];
}) {
  const [active, setActive] = useState<string | null>(null);
  const role = useAuth().session?.user.role;
  const formOf = (step: string) => stepForms.find((f) => f.step === step) ?? null;
  const fromCatalogue = (step: string) => formOf(step) !== null;
  const mayTake = (step: string) => {
    const form = formOf(step);
    return form ? form.mayTake : mayTakeStep(summary.process, step, role);
  };
  // Open steps (a step of another role stays visible as a status chip), then the any-time steps the user may take.
  const anytime = stepForms.filter((f) => !f.open && f.mayTake && !steps.includes(f.step)).map((f) => f.step);
  const ordered = caseActions(summary.process, summary.status, steps, !!summary.closedAt).filter((step) => steps.includes(step) || !fromCatalogue(step) || anytime.includes(step));
  const actions = [...new Set([...ordered, ...anytime])].filter((step) => steps.includes(step) || mayTake(step));
  const specFor = (step: string) => (mayTake(step) && !fromCatalogue(step) ? (stepFormSpec(summary.process, step) ?? consentTimeoutSpec(summary.id, step, consents)) : null);
  const activeSpec = active ? specFor(active) : null;
  const activeForm = active ? formOf(active) : null;
  const buttonLabel = (step: string) => formOf(step)?.title ?? specFor(step)?.title ?? null;

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
            const title = mayTake(step) ? buttonLabel(step) : null;
            return (
              <li key={step}>
                {title ? (
                  <Button
                    variant={DESTRUCTIVE.has(step) ? 'outlined' : 'contained'}
                    color={DESTRUCTIVE.has(step) ? 'error' : 'primary'}
                    data-step={step}
                    onClick={() => setActive(step)}
                  >
                    {title}
                  </Button>
                ) : (
                  <Chip icon={<HourglassEmptyIcon />} label={formOf(step)?.label ?? stepLabels[steps.indexOf(step)] ?? stepLabel(step)} variant="outlined" data-step={step} />
                )}
              </li>
            );
          })}
        </Box>
      )}
      {active && activeForm && (
        <CatalogueStepDialog key={active} caseId={summary.id} schoolId={summary.school.id} form={activeForm} onClose={() => setActive(null)} onDone={() => setActive(null)} />
      )}
      {active && !activeForm && activeSpec && (
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
