import { stepDefinition, validateStepInput } from '@zorgroute/processes';
import { oovEvaluationStep } from './oov-evaluation-step';

const ctx = { policies: {}, today: '2027-03-01' };
const errors = (r: ReturnType<typeof oovEvaluationStep>) => validateStepInput(stepDefinition('OOV', r.step) ?? { fields: [] }, r.input, ctx).errors.map((e) => e.nl);

describe('oovEvaluationStep: which evaluation the typed mutation takes', () => {
  it('takes the half-time evaluation for a report alone, leaving out the empty fields of the end evaluation', () => {
    const typed = { summary: 'Komt elke dag', nextStep: null, extensionArrangement: null, extensionMotivation: null, vsoNote: '  ', tlvRequestedOn: null };
    const r = oovEvaluationStep(typed);
    expect(r).toEqual({ step: 'OOV_MID_EVALUATION', input: { summary: 'Komt elke dag' } });
    expect(errors(r)).toEqual([]);
  });

  it('takes the evaluation before the end when the input decides how it ends', () => {
    const r = oovEvaluationStep({ summary: 'Klaar', nextStep: 'TERUGKEER', extensionArrangement: null });
    expect(r.step).toBe('OOV_END_EVALUATION');
    expect(errors(r)).toEqual([]);
    // Any field of the end evaluation makes it that step, whose rules then apply.
    expect(errors(oovEvaluationStep({ summary: 'Klaar', extensionMotivation: 'Langer nodig voor de behandeling' }))).toEqual(['Vul in: vervolg', 'Motivering van de verlenging hoort hier niet bij']);
    expect(errors(oovEvaluationStep({ summary: 'Klaar', nextStep: 'VERLENGD' }))).toEqual(['Vul in: gevraagd arrangement', 'Vul in: motivering van de verlenging']);
  });

  it('decides from the input alone, so a retried request takes the same step', () => {
    const input = { summary: 'Halverwege', nextStep: null };
    expect(oovEvaluationStep(input)).toEqual(oovEvaluationStep({ ...input }));
  });
});
