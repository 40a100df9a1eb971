/**
 * Pure, deterministic domain logic: school calendars, explainable due dates, reminder ladders and process policies.
 * Safe inside Temporal's workflow sandbox: no Node built-ins, no I/O, no clock, no randomness.
 */
export * from './calendar';
export * from './due-dates';
export * from './policies';
export * from './reminders';
export * from './opp';
export * from './meetings';
