import { ZORGROUTE_STEPS } from '@zorgroute/processes';
import { JOS_NEEDS } from '../jos/jos.messages';
import * as zorgroute from './zorgroute.workflow';

/** The P2 workflow and its step catalogue (libs/processes/src/zorgroute/steps.ts) name the same steps and updates. */
describe('P2 zorgroute workflow and its step catalogue', () => {
  const updates = (Object.values(zorgroute) as unknown[])
    .filter((v): v is { type: 'update'; name: string } => typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'update')
    .map((u) => u.name);

  it('takes every step of the catalogue with an update the workflow defines, and every step update is in the catalogue', () => {
    const named: string[] = Object.values(ZORGROUTE_STEPS).map((s) => s.update);
    expect(named.filter((n) => !updates.includes(n))).toEqual([]);
    expect(updates.filter((n) => !named.includes(n))).toEqual([]);
  });

  it('waits only for steps of the catalogue, under their catalogue labels', () => {
    for (const [step, label] of Object.entries(zorgroute.ZORGROUTE_STEP_LABELS)) {
      expect(ZORGROUTE_STEPS[step as keyof typeof ZORGROUTE_STEPS]?.label).toBe(label);
    }
  });

  it('offers the JOS needs the JOS workflow accepts', () => {
    const field = ZORGROUTE_STEPS.RECORD_IZO.fields.find((f) => f.name === 'decisions')?.fields?.find((f) => f.name === 'josNeeds');
    expect(field?.options?.map((o) => o.value).sort()).toEqual([...JOS_NEEDS].sort());
  });
});
