import { fireEvent, screen, within } from '@testing-library/react';
import { resolveFields, STEP_CATALOGUE, type FieldDefinition, type StepDefinition } from '@zorgroute/processes';
import { type CaseSummaryFieldsFragment as CaseSummary } from '../../gql/graphql';
import { type StepForm } from '../../shared/api-types';
import { makeCase, ZC_USER } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { OpenSteps } from '../case-detail/open-steps';

/**
 * The catalogue walk, admin side (issue 12): every step of every process in the step catalogue has a form the generic
 * dialog renders — its button, its dialog with the step's title, and every field that shows before anything is chosen,
 * with its Dutch label. A step whose definition the dialog cannot render fails here, not on a user's screen.
 */

/** A policy that gives every bound the catalogue names a value (the api resolves them against the case's policy). */
function policiesFor(fields: readonly FieldDefinition[], into: Record<string, unknown> = {}): Record<string, unknown> {
  const set = (path: string, value: number) => {
    const parts = path.split('.');
    let at = into;
    for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>;
    at[parts[parts.length - 1] as string] = value;
  };
  for (const f of fields) {
    if (f.min !== undefined && typeof f.min !== 'number') set(f.min.policy, 1);
    if (f.max !== undefined && typeof f.max !== 'number') set(f.max.policy, 9);
    if (f.fields) policiesFor(f.fields, into);
  }
  return into;
}

const steps: [string, StepDefinition][] = Object.entries(STEP_CATALOGUE).flatMap(([process, defs]) => Object.values(defs ?? {}).map((s): [string, StepDefinition] => [process, s]));

describe('every step of every process renders in the generic step dialog', () => {
  it('walks a catalogue of every process', () => {
    expect(new Set(steps.map(([p]) => p)).size).toBeGreaterThanOrEqual(6);
  });

  it.each(steps.map(([process, step]) => [`${process}.${step.name}`, process, step] as const))('%s', async (_name, process, step) => {
    const form: StepForm = {
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
