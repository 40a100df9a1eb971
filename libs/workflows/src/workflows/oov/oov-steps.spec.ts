import { OOV_STEPS, type StepDefinition } from '@zorgroute/processes';
import { OOV_ARRANGEMENTS, OOV_CONSULTATION_PARTIES, OOV_NEXT_STEPS, OOV_REASONS } from './oov.workflow';

const options = (step: StepDefinition, field: string) => step.fields.find((f) => f.name === field)?.options?.map((o) => o.value);

/** The catalogue's choices are the values the workflow works with. */
describe('the P5 step catalogue offers exactly the workflow’s values', () => {
  it('OOV: parties, reasons, arrangements, next steps; an extension is one of the treatment arrangements', () => {
    expect(options(OOV_STEPS.OOV_RECORD_CONSULTATIONS, 'party')).toEqual([...OOV_CONSULTATION_PARTIES]);
    expect(options(OOV_STEPS.OOV_SUBMIT_REQUEST, 'reasons')).toEqual([...OOV_REASONS]);
    expect(options(OOV_STEPS.OOV_SUBMIT_REQUEST, 'arrangement')).toEqual([...OOV_ARRANGEMENTS]);
    expect(options(OOV_STEPS.OOV_SWV_DECISION, 'arrangement')).toEqual([...OOV_ARRANGEMENTS]);
    expect(options(OOV_STEPS.OOV_END_EVALUATION, 'nextStep')).toEqual([...OOV_NEXT_STEPS]);
    expect(options(OOV_STEPS.OOV_END_EVALUATION, 'extensionArrangement')).toEqual(['OBS_BEHANDEL_3M', 'OBS_BEHANDEL_6M']);
  });
});
