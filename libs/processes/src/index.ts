export * from './step-definition';
export * from './validate-step-input';
export * from './who';
export * from './catalogue';
export { ONDERSTEUNINGSTRAJECT_STEPS } from './ondersteuningstraject/steps';
export { OOV_STEPS } from './oov/steps';
export { OVERDRACHT_STEPS } from './overdracht/steps';
