export * from './school-days-off';
export * from './school-day-off.repository';
export * from './holiday-coverage';
