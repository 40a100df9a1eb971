/* Entry point of the workflow bundle: every workflow type the worker runs. */
export { ondersteuningstrajectWorkflow } from './ondersteuningstraject/ondersteuningstraject.workflow';
