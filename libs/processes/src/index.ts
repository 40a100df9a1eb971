export * from './step-definition';
export * from './validate-step-input';
export * from './who';
export * from './catalogue';
export { ONDERSTEUNINGSTRAJECT_STEPS } from './ondersteuningstraject/steps';
export { OOV_STEPS } from './oov/steps';
export { OVERDRACHT_STEPS } from './overdracht/steps';
export { JOS_NEED_OPTIONS, JOS_REFERRAL_OPTIONS, JOS_STEPS } from './jos/steps';
export { ZORGPLICHT_INVESTIGATION_OPTIONS, ZORGPLICHT_STEPS } from './zorgplicht/steps';
