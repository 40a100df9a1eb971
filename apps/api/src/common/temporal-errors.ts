import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
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
