/**
 * The step catalogue of every process: process → step name → definition. New processes add their `steps.ts` here.
 */
import { JOS_STEPS } from './jos/steps';
import { ONDERSTEUNINGSTRAJECT_STEPS } from './ondersteuningstraject/steps';
import { OPP_STEPS } from './opp/steps';
import { OOV_STEPS } from './oov/steps';
import { OVERDRACHT_STEPS } from './overdracht/steps';
import { TLV_STEPS } from './tlv/steps';
import { ZORGPLICHT_STEPS } from './zorgplicht/steps';
import { ZORGROUTE_STEPS } from './zorgroute/steps';
import type { Bound, FieldDefinition, ProcessKey, StepDefinition } from './step-definition';
import type { StartDefinition } from './step-definition';
import { OOV_START } from './oov/steps';
import { OVERDRACHT_START } from './overdracht/steps';
import { ZORGPLICHT_START } from './zorgplicht/steps';
import { JOS_START } from './jos/steps';
import { OPP_START } from './opp/steps';
import { TLV_START } from './tlv/steps';
import { ZORGROUTE_START } from './zorgroute/steps';
import { ONDERSTEUNINGSTRAJECT_START } from './ondersteuningstraject/steps';
import { resolveBound } from './validate-step-input';
import { consentTimeoutKind, consentTimeoutStepDefinition } from './consent/steps';

export const STEP_CATALOGUE: Partial<Record<ProcessKey, Readonly<Record<string, StepDefinition>>>> = {
  ONDERSTEUNINGSTRAJECT: ONDERSTEUNINGSTRAJECT_STEPS,
  OOV: OOV_STEPS,
  OVERDRACHT: OVERDRACHT_STEPS,
  JOS: JOS_STEPS,
  ZORGPLICHT: ZORGPLICHT_STEPS,
  ZORGROUTE: ZORGROUTE_STEPS,
  OPP: OPP_STEPS,
  TLV: TLV_STEPS,
};

/** The start of a case per process, where it is defined as data (the api validates the start input with it). */
export const START_CATALOGUE: Partial<Record<ProcessKey, StartDefinition>> = {
  ONDERSTEUNINGSTRAJECT: ONDERSTEUNINGSTRAJECT_START,
  ZORGROUTE: ZORGROUTE_START,
  JOS: JOS_START,
  ZORGPLICHT: ZORGPLICHT_START,
  OOV: OOV_START,
  OVERDRACHT: OVERDRACHT_START,
  OPP: OPP_START,
  TLV: TLV_START,
};

/** The start definition of a process, or null when its start is not defined as data. */
export function startDefinition(process: string): StartDefinition | null {
  return START_CATALOGUE[process as ProcessKey] ?? null;
}

/**
 * The definition of a step of a process, or null when the catalogue has none (not a human step). Besides the process's
 * own steps: the decision after one of its consent requests timed out (`DECIDE_CONSENT_<kind>`, consent/steps.ts).
 */
export function stepDefinition(process: string, step: string): StepDefinition | null {
  const own = STEP_CATALOGUE[process as ProcessKey];
  if (own && Object.prototype.hasOwnProperty.call(own, step)) return own[step] ?? null;
  const kind = consentTimeoutKind(step);
  return kind === null ? null : consentTimeoutStepDefinition(process, kind);
}

/** Every step of every process (for tests and docs). */
export function allSteps(): StepDefinition[] {
  return Object.values(STEP_CATALOGUE).flatMap((steps) => Object.values(steps ?? {}));
}

/** A field with its policy bounds (and a policy initial value) resolved to numbers, as the api serves it to a form. */
export type ResolvedField = Omit<FieldDefinition, 'min' | 'max' | 'fields' | 'initial'> & {
  min?: number;
  max?: number;
  initial?: string | number | boolean;
  fields?: ResolvedField[];
};

export interface ResolveOptions {
  /**
   * When the policies are not known (yet), e.g. an admin's start form before the pupil's school is known: a `{ policy }`
   * bound or initial value is left out instead of refused. The api checks the input against the school's real policy.
   */
  policiesUnknown?: boolean;
}

/** The step's fields with every `{ policy }` bound and initial value replaced by the school's number. */
export function resolveFields(fields: readonly FieldDefinition[], policies: object, options: ResolveOptions = {}): ResolvedField[] {
  const bound = (b: Bound | undefined): number | undefined =>
    b === undefined || (options.policiesUnknown && typeof b === 'object') ? undefined : resolveBound(b, policies);
  return fields.map((f) => ({
    ...f,
    min: bound(f.min),
    max: bound(f.max),
    initial: typeof f.initial === 'object' ? bound(f.initial) : f.initial,
    fields: f.fields ? resolveFields(f.fields, policies, options) : undefined,
  }));
}

/** Whether any field (nested ones included) takes a bound or initial value from the school's policy. */
export function usesPolicy(fields: readonly FieldDefinition[]): boolean {
  return fields.some((f) => [f.min, f.max, f.initial].some((v) => typeof v === 'object') || (f.fields ? usesPolicy(f.fields) : false));
}
