import { OOV_STEPS } from '@zorgroute/processes';

/** The fields only the evaluation before the end has (it decides how the arrangement ends). */
const END_ONLY: readonly string[] = OOV_STEPS.OOV_END_EVALUATION.fields.map((f) => f.name).filter((name) => !OOV_STEPS.OOV_MID_EVALUATION.fields.some((f) => f.name === name));

const empty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * The typed `recordOovEvaluation` mutation takes two steps of one workflow update: the half-time evaluation (only a
 * report) and the evaluation before the end (which decides how it ends). The input says which: with a next step (or
 * any other field of the end evaluation) it is the evaluation before the end, otherwise the half-time one, whose input
 * then leaves out the end evaluation's empty fields (typed clients send them as null). Decided from the input alone, so
 * a retried request with the same idempotency key takes the same step; the workflow still refuses an evaluation that
 * is not the open one (the half-time evaluation with a next step, or the end evaluation without one).
 */
export function oovEvaluationStep(input: Record<string, unknown>): { step: 'OOV_MID_EVALUATION' | 'OOV_END_EVALUATION'; input: Record<string, unknown> } {
  if (END_ONLY.some((name) => !empty(input[name]))) return { step: 'OOV_END_EVALUATION', input };
  return { step: 'OOV_MID_EVALUATION', input: Object.fromEntries(Object.entries(input).filter(([name]) => !END_ONLY.includes(name))) };
}
