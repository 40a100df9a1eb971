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
import type { FieldDefinition, ProcessKey, StepDefinition } from './step-definition';
import type { StartDefinition } from './step-definition';
import { OOV_START } from './oov/steps';
import { OVERDRACHT_START } from './overdracht/steps';
import { ZORGPLICHT_START } from './zorgplicht/steps';
import { JOS_START } from './jos/steps';
import { OPP_START } from './opp/steps';
import { TLV_START } from './tlv/steps';
import { ZORGROUTE_START } from './zorgroute/steps';
import { resolveBound } from './validate-step-input';

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

/** The definition of a step of a process, or null when the catalogue has none (not a human step). */
export function stepDefinition(process: string, step: string): StepDefinition | null {
  return STEP_CATALOGUE[process as ProcessKey]?.[step] ?? null;
}

/** Every step of every process (for tests and docs). */
export function allSteps(): StepDefinition[] {
  return Object.values(STEP_CATALOGUE).flatMap((steps) => Object.values(steps ?? {}));
}

/** A field with its policy bounds resolved to numbers, as the api serves it to a form. */
export type ResolvedField = Omit<FieldDefinition, 'min' | 'max' | 'fields'> & { min?: number; max?: number; fields?: ResolvedField[] };

/** The step's fields with every `{ policy }` bound replaced by the school's number. */
export function resolveFields(fields: readonly FieldDefinition[], policies: object): ResolvedField[] {
  return fields.map((f) => ({
    ...f,
    min: f.min === undefined ? undefined : resolveBound(f.min, policies),
    max: f.max === undefined ? undefined : resolveBound(f.max, policies),
    fields: f.fields ? resolveFields(f.fields, policies) : undefined,
  }));
}
