export * from './step-definition';
export * from './validate-step-input';
export * from './who';
export * from './catalogue';
export { ONDERSTEUNINGSTRAJECT_STEPS } from './ondersteuningstraject/steps';
export * from './zorgroute/steps';
