export * from './process-policies';
export * from './resolve-policies';
export * from './validate-policies';
export * from './notification-policy';
export * from './retention-policy';
export * from './trajectory-length';
