import { allSteps, resolveFields, stepDefinition } from './catalogue';

describe('the step catalogue', () => {
  it('finds a step by process and name', () => {
    expect(stepDefinition('ONDERSTEUNINGSTRAJECT', 'RECORD_INTAKE')?.update).toBe('recordIntake');
    expect(stepDefinition('ONDERSTEUNINGSTRAJECT', 'NOPE')).toBeNull();
  });

  it('defines every step completely: labels, at least one rule of who, fields with labels, options for choices', () => {
    const names = new Set<string>();
    for (const s of allSteps()) {
      expect(names.has(`${s.process}:${s.name}`)).toBe(false);
      names.add(`${s.process}:${s.name}`);
      expect(s.label.length).toBeGreaterThan(2);
      expect(s.title.length).toBeGreaterThan(2);
      expect(s.who.length).toBeGreaterThan(0);
      expect(s.audit).toMatch(/^[A-Z_]+$/);
      const walk = (fields: typeof s.fields) => {
        for (const f of fields) {
          expect(f.label.length).toBeGreaterThan(1);
          if (f.kind === 'choice' || f.kind === 'choices') expect(f.options?.length).toBeGreaterThan(0);
          if (f.kind === 'group' || f.kind === 'list') walk(f.fields ?? []);
          for (const c of [f.showIf, typeof f.required === 'object' ? f.required : undefined]) {
            if (c) expect(fields.some((g) => g.name === c.field)).toBe(true);
          }
        }
      };
      walk(s.fields);
    }
  });

  it('resolves policy bounds to the school’s numbers', () => {
    const outcome = stepDefinition('ONDERSTEUNINGSTRAJECT', 'RECORD_OUTCOME');
    const fields = resolveFields(outcome?.fields ?? [], { ondersteuningstraject: { extensionMinWeeks: 2, extensionMaxWeeks: 6 } });
    expect(fields.find((f) => f.name === 'extensionWeeks')).toMatchObject({ min: 2, max: 6 });
  });
});
