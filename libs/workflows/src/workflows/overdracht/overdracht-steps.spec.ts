import { OVERDRACHT_STEPS, type StepDefinition } from '@zorgroute/processes';
import { ZORGROUTE_REASONS } from '../zorgroute/zorgroute.types';

/** The catalogue's choices are the values the workflows work with. */
describe('the P6 step catalogue offers exactly the workflow’s values', () => {
  it('the reasons of a direct IZO referral are the zorgroute’s', () => {
    const referral: StepDefinition = OVERDRACHT_STEPS.OVERDRACHT_IZO_REFERRAL;
    expect(referral.fields.find((f) => f.name === 'reasons')?.options?.map((o) => o.value)).toEqual([...ZORGROUTE_REASONS]);
  });
});
