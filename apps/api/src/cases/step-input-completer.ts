import type { Provider, Type } from '@nestjs/common';
import type { CaseSummaryEntity } from '@zorgroute/domain';
import type { StepDefinition } from '@zorgroute/processes';

/**
 * Adds to a step's valid input what only the api knows and no caller may set, after the input was checked against the
 * catalogue and before the workflow update (CaseStepService.take): e.g. P2's IZO decision that starts JOS gets the
 * pupil's mentor from the pupil record. One per step; the workflow accepts exactly these additions for that step.
 */
export interface StepInputCompleter {
  /** The step it completes (process and name), or a family of steps (e.g. every `DECIDE_CONSENT_<kind>`). */
  readonly step: Pick<StepDefinition, 'process' | 'name'> | { matches(step: StepDefinition): boolean };
  complete(row: CaseSummaryEntity, value: Record<string, unknown>, step: StepDefinition): Promise<Record<string, unknown>>;
}

/** Whether this completer completes the input of this step. */
export function completes(c: StepInputCompleter, step: StepDefinition): boolean {
  return 'matches' in c.step ? c.step.matches(step) : c.step.process === step.process && c.step.name === step.name;
}

/** Injection token: every registered StepInputCompleter. */
export const STEP_INPUT_COMPLETERS = 'STEP_INPUT_COMPLETERS';

/**
 * The STEP_INPUT_COMPLETERS list that CaseStepService runs (cases.module.ts). Each completer is a provider of its own
 * process's module, which exports it.
 */
export function stepInputCompleters(...types: Type<StepInputCompleter>[]): Provider {
  return { provide: STEP_INPUT_COMPLETERS, useFactory: (...completers: StepInputCompleter[]) => completers, inject: types };
}
