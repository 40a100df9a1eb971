export * from './school-days-off';
export * from './school-day-off.repository';
export * from './holiday-coverage';
export * from './holiday-import';
export * from './school-holiday-year.repository';
