import { ApplicationFailure, WorkflowFailedError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { AppError, type AppErrorCode } from './app-error';

const STEP_CODES: AppErrorCode[] = ['STEP_NOT_ALLOWED', 'BAD_USER_INPUT', 'CASE_CLOSED'];

/** Turns a rejected workflow update (validator or handler) into the AppError the client sees. */
export function toAppError(err: unknown): unknown {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const cause = err.cause;
    const code = STEP_CODES.includes(cause.type as AppErrorCode) ? (cause.type as AppErrorCode) : 'STEP_NOT_ALLOWED';
    const en = typeof cause.details?.[0] === 'string' ? (cause.details[0] as string) : cause.message;
    return new AppError(code, cause.message, en);
  }
  if (err instanceof WorkflowNotFoundError) {
    return new AppError('CASE_CLOSED', 'Deze casus loopt niet (meer)', 'This case is not running (any more)');
  }
  return err;
}

/** Codes a workflow may fail its start with (its own validation of the start input, see libs/workflows step-errors). */
const START_CODES: AppErrorCode[] = ['BAD_USER_INPUT', 'STEP_NOT_ALLOWED', 'CASE_CLOSED', 'CONFLICT'];

/**
 * The AppError of a workflow that failed with one of the step error codes (e.g. BAD_USER_INPUT when its start input
 * breaks the policy), with its Dutch message and English details; null for any other failure.
 */
export function workflowFailureToAppError(err: unknown): AppError | null {
  if (!(err instanceof WorkflowFailedError) || !(err.cause instanceof ApplicationFailure)) return null;
  const cause = err.cause;
  if (!START_CODES.includes(cause.type as AppErrorCode)) return null;
  const en = typeof cause.details?.[0] === 'string' ? (cause.details[0] as string) : cause.message;
  return new AppError(cause.type as AppErrorCode, cause.message, en);
}
