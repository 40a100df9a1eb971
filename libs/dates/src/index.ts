export * from './dutch-dates';
