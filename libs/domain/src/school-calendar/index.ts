export * from './school-days-off';
export * from './school-day-off.repository';
