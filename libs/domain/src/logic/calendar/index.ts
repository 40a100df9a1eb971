export * from './iso-date';
export * from './public-holidays';
export * from './school-calendar';
export * from './school-holidays-nl';
export * from './types';
export * from './age';
