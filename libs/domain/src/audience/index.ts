export * from './audience';
export * from './timeline-audience';
export * from './case-data-audience';
export * from './record-audience';
