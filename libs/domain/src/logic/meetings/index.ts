export * from './meeting-calendar';
