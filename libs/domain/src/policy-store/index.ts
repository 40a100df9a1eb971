export * from './policy-layers';
export * from './policy-version.repository';
