export * from './due-dates';
export * from './session-log';
