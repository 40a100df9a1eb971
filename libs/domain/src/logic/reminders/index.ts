export * from './reminder-ladder';
export * from './zoned-time';
export * from './digest-schedule';
