export * from './meeting.repository';
