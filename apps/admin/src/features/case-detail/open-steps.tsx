import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { type CaseSummaryFieldsFragment as CaseSummary } from '../../gql/graphql';
import { CatalogueStepDialog, type CatalogueStepForm } from '../case-steps/catalogue-step-dialog';
import { stepLabel } from '../../shared/labels';

const DESTRUCTIVE = new Set(['STOP_TRAJECTORY', 'CLOSE_ZORGROUTE', 'STOP_JOS', 'STOP_OOV', 'STOP_OVERDRACHT', 'STOP_OPP']);

/**
 * A button for every step the case offers now that the user may take — its open steps and the steps that may be taken
 * any time (stop, switch coach) — each opening its form. The forms and whether the user may take them come from the
 * api alone (`stepForms`, the step catalogue): the page offers exactly what the api allows. An open step the user may
 * not take, or that has no form (waiting for a parent's consent), is shown as a status chip.
 */
export function OpenSteps({
  summary,
  steps,
  stepLabels = [],
  stepForms = [],
}: {
  summary: CaseSummary;
  steps: readonly string[];
  /** The API's Dutch names of `steps`, in the same order. */
  stepLabels?: readonly string[];
  stepForms?: readonly CatalogueStepForm[];
}) {
  const [active, setActive] = useState<string | null>(null);
  const formOf = (step: string) => stepForms.find((f) => f.step === step) ?? null;
  // The open steps (each visible: a button or a chip), then the any-time steps the api offers this user.
  const anytime = stepForms.filter((f) => !f.open && f.mayTake && !steps.includes(f.step)).map((f) => f.step);
  const actions = summary.closedAt ? [] : [...new Set([...steps, ...anytime])];
  const activeForm = active ? formOf(active) : null;

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
            const form = formOf(step);
            return (
              <li key={step}>
                {form?.mayTake ? (
                  <Button
                    variant={DESTRUCTIVE.has(step) ? 'outlined' : 'contained'}
                    color={DESTRUCTIVE.has(step) ? 'error' : 'primary'}
                    data-step={step}
                    onClick={() => setActive(step)}
                  >
                    {form.title}
                  </Button>
                ) : (
                  <Chip icon={<HourglassEmptyIcon />} label={form?.label ?? stepLabels[steps.indexOf(step)] ?? stepLabel(step)} variant="outlined" data-step={step} />
                )}
              </li>
            );
          })}
        </Box>
      )}
      {active && activeForm && (
        <CatalogueStepDialog key={active} caseId={summary.id} schoolId={summary.school.id} form={activeForm} onClose={() => setActive(null)} onDone={() => setActive(null)} />
      )}
    </Paper>
  );
}
