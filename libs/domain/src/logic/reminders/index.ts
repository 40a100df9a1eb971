export * from './reminder-ladder';
export * from './zoned-time';
