export * from './opp-version';
