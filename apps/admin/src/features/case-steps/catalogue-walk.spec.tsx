import { fireEvent, screen, within } from '@testing-library/react';
import { allConsentTimeoutSteps, resolveFields, STEP_CATALOGUE, type StepDefinition } from '@zorgroute/processes';
import { type CaseSummaryFieldsFragment as CaseSummary } from '../../gql/graphql';
import { makeCase, ZC_USER } from '../../test-utils/fixtures';
import { policiesFor } from '../../test-utils/step-forms';
import type { CatalogueStepForm } from './catalogue-step-dialog';
import { renderWithProviders } from '../../test-utils/render';
import { OpenSteps } from '../case-detail/open-steps';

/**
 * The catalogue walk, admin side (issue 12): every step of every process in the step catalogue has a form the generic
 * dialog renders — its button, its dialog with the step's title, and every field that shows before anything is chosen,
 * with its Dutch label (the decisions after a timed-out consent request included). A step whose definition the dialog
 * cannot render fails here, not on a user's screen.
 */

const steps: [string, StepDefinition][] = [
  ...Object.entries(STEP_CATALOGUE).flatMap(([process, defs]) => Object.values(defs ?? {}).map((s): [string, StepDefinition] => [process, s])),
  // The decision after a consent request timed out, per kind (the catalogue's consent steps).
  ...allConsentTimeoutSteps().map((s): [string, StepDefinition] => [s.process, s]),
];

describe('every step of every process renders in the generic step dialog', () => {
  it('walks a catalogue of every process', () => {
    expect(new Set(steps.map(([p]) => p)).size).toBeGreaterThanOrEqual(6);
  });

  it.each(steps.map(([process, step]) => [`${process}.${step.name}`, process, step] as const))('%s', async (_name, process, step) => {
    const form: CatalogueStepForm = {
      step: step.name,
      label: step.label,
      title: step.title,
      description: null,
      submitLabel: step.submitLabel,
      open: true,
      mayTake: true,
      whoLabel: 'de zorgcoördinator',
      fields: resolveFields(step.fields, policiesFor(step.fields)),
    };
    const summary = makeCase({ id: 'walk-1', process: process as CaseSummary['process'], status: 'ACTIEF', waitingFor: step.name });
    renderWithProviders(<OpenSteps summary={summary} steps={[step.name]} stepForms={[form]} />, { session: { user: ZC_USER } });
    fireEvent.click(screen.getByRole('button', { name: step.title }));
    const dialog = await screen.findByRole('dialog', { name: step.title });
    for (const field of step.fields.filter((f) => f.showIf === undefined)) {
      expect(within(dialog).queryAllByText(new RegExp(field.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).length).toBeGreaterThan(0);
    }
    expect(within(dialog).getByRole('button', { name: step.submitLabel })).toBeTruthy();
  });
});
