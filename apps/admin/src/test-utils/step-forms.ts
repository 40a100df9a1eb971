import { resolveFields, stepDefinition, type FieldDefinition } from '@zorgroute/processes';
import type { CatalogueStepForm } from '../features/case-steps/catalogue-step-dialog';

/** A policy that gives every bound the fields name a value (the api resolves them against the case's policy). */
export function policiesFor(fields: readonly FieldDefinition[], into: Record<string, unknown> = {}): Record<string, unknown> {
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

/**
 * A step's form as the api serves it with a case (`stepForms`): the step catalogue's definition, its policy bounds
 * resolved, open and takeable unless `over` says otherwise. Throws for a step the catalogue does not define.
 */
export function servedForm(process: string, step: string, over: Partial<CatalogueStepForm> = {}, policies?: Record<string, unknown>): CatalogueStepForm & { __typename: 'StepForm' } {
  const def = stepDefinition(process, step);
  if (!def) throw new Error(`The catalogue has no step ${process}.${step}`);
  return {
    __typename: 'StepForm',
    step: def.name,
    label: def.label,
    title: def.title,
    description: def.description ?? null,
    submitLabel: def.submitLabel,
    open: !def.anytime,
    mayTake: true,
    whoLabel: 'de zorgcoördinator',
    fields: resolveFields(def.fields, policies ?? policiesFor(def.fields)),
    ...over,
  };
}
