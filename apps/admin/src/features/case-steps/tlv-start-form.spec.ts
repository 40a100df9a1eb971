import { STEP_MUTATIONS } from './step-mutations.graphql';
import { initialValues, START_TLV, validateStep } from './step-forms';

describe('the TLV start form (P8)', () => {
  it('asks for the pupil, the Flex-ZAT date and the reason, and sends the startTlv input', () => {
    expect(START_TLV.mutation).toBe('startTlv');
    expect(STEP_MUTATIONS[START_TLV.mutation]).toBeDefined();
    const values = initialValues(START_TLV, '2026-12-01');
    expect(values.flexZatDate).toBe('2026-12-01');
    expect(values.deskundigheidsverklaringVso).toBe(false);
    expect(Object.keys(validateStep(START_TLV, { ...values, flexZatDate: '' })).sort()).toEqual(['flexZatDate', 'pupilId', 'reason']);
    const filled = { ...values, pupilId: 'p-1', flexZatDate: '2026-11-30', reason: 'De Flex-ZAT adviseert het VSO', deskundigheidsverklaringVso: true };
    expect(validateStep(START_TLV, filled)).toEqual({});
    expect(START_TLV.toInput(filled)).toEqual({ pupilId: 'p-1', flexZatDate: '2026-11-30', reason: 'De Flex-ZAT adviseert het VSO', deskundigheidsverklaringVso: true });
  });
});
