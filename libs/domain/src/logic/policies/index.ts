export * from './process-policies';
export * from './resolve-policies';
export * from './validate-policies';
