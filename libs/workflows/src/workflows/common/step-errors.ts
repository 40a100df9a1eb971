import { ApplicationFailure } from '@temporalio/workflow';
import { isValid, parseISO } from 'date-fns';
import { toIsoDate } from '@zorgroute/domain/logic';
import { firstError, validateStepInput, type StepDefinition } from '@zorgroute/processes';

/**
 * Error codes a workflow update validator can reject with. The api turns them into GraphQL errors
 * with `extensions.code`, the Dutch message and `extensions.messageEn`.
 */
export type StepErrorCode = 'STEP_NOT_ALLOWED' | 'BAD_USER_INPUT' | 'CASE_CLOSED';

/** Rejects an update (in a validator nothing is written to history). Message Dutch; English in details. */
export function reject(code: StepErrorCode, nl: string, en: string): never {
  throw ApplicationFailure.create({ type: code, message: nl, details: [en], nonRetryable: true });
}

export function requireText(value: unknown, field: string, min: number, max: number): void {
  if (typeof value !== 'string' || value.trim().length < min || value.length > max) {
    reject('BAD_USER_INPUT', `${field} moet tussen ${min} en ${max} tekens lang zijn`, `${field} must be ${min} to ${max} characters long`);
  }
}

export function requireIsoDate(value: unknown, field: string): void {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || !isValid(parseISO(value))) {
    reject('BAD_USER_INPUT', `${field} moet een datum zijn (JJJJ-MM-DD)`, `${field} must be a date (YYYY-MM-DD)`);
  }
}

/**
 * Checks an update's input against the step's definition in the catalogue (libs/processes): the same checks, bounds
 * and Dutch messages as the api and the admin's form. Rejects with the first problem (BAD_USER_INPUT).
 */
export function requireStepInput(step: Pick<StepDefinition, 'fields'>, input: unknown, policies: object): void {
  const { errors } = validateStepInput(step, input, { policies, today: toIsoDate(Date.now()) });
  const first = firstError(errors);
  if (first) reject('BAD_USER_INPUT', first.nl, first.en);
}
