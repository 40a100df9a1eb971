/*
 * Public surface for the api and worker: workflow messages (updates, queries), input/state types,
 * activity implementations and the bundler options. Workflow code itself runs only in the worker's
 * sandbox (see ./workflows/index.ts).
 */
export * from './workflows/ondersteuningstraject/ondersteuningstraject.workflow';
export { SA_PROCESS, SA_SCHOOL, SA_STATUS, SA_WAITING_FOR, SA_NEXT_DUE, SA_STUCK, type Actor } from './workflows/common/case-recorder';
export type { StepErrorCode } from './workflows/common/step-errors';
export * from './activities/case-activities.types';
export * from './activities/case-activities';
export * from './bundle';
export const TASK_QUEUE_DEFAULT = 'zorgroute';
