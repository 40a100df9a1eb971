import { buildSchema, parse, validate } from 'graphql';
import { queryLimitsRule } from './query-limits';

const schema = buildSchema(`type Node { id: ID! child: Node name: String } type Query { node: Node }`);

function errors(query: string, depth = 4, complexity = 10): string[] {
  return validate(schema, parse(query), [queryLimitsRule(depth, complexity)]).map((e) => e.message);
}

describe('queryLimitsRule', () => {
  it('accepts a query within the limits, fragments included', () => {
    expect(errors('{ node { id child { ...F } } } fragment F on Node { id name }')).toEqual([]);
  });

  it('refuses a query nested too deeply, also through fragments', () => {
    expect(errors('{ node { child { child { child { id } } } } }')[0]).toMatch(/te diep genest \(5, maximaal 4\)/);
    expect(errors('{ node { child { ...F } } } fragment F on Node { child { child { id } } }')[0]).toMatch(/te diep/);
  });

  it('refuses a query selecting too many fields (aliases count)', () => {
    const wide = `{ ${Array.from({ length: 6 }, (_, i) => `n${i}: node { id }`).join(' ')} }`;
    expect(errors(wide)[0]).toMatch(/te veel velden op \(12, maximaal 10\)/);
  });

  it('does not count introspection fields', () => {
    expect(errors('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }')).toEqual([]);
  });
});
