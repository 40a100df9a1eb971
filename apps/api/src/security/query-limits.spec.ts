import { buildSchema, Kind, parse, validate, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { DEFAULT_LIST_SIZE, measureCost, queryLimitsRule } from './query-limits';

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

describe('queryLimitsRule: aliases', () => {
  const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `n${i}: node { id }`).join(' ')} }`;

  it('refuses more aliases than allowed with QUERY_TOO_COMPLEX, fragments included', () => {
    const result = validate(schema, parse(aliased(6)), [queryLimitsRule(4, 1000, 5)]);
    expect(result[0].message).toMatch(/te veel aliassen \(6, maximaal 5\)/);
    expect(result[0].extensions).toEqual(expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', messageEn: expect.stringMatching(/too many aliases/) }));
    expect(validate(schema, parse('{ node { ...F } } fragment F on Node { a: id b: name c: child { id } }'), [queryLimitsRule(4, 1000, 2)])[0].message).toMatch(/aliassen \(3/);
  });

  it('accepts a few aliases, and a field "aliased" to its own name', () => {
    expect(validate(schema, parse(aliased(5)), [queryLimitsRule(4, 1000, 5)])).toEqual([]);
    expect(validate(schema, parse('{ node: node { id: id } }'), [queryLimitsRule(4, 1000, 0)])).toEqual([]);
  });
});

describe('measureCost', () => {
  const listSchema = buildSchema(`
    type Item { id: ID name: String tags: [String] children: [Item] }
    type Page { total: Int items: [Item] counts: [Item] }
    type Query { items: [Item] item: Item page(limit: Int, offset: Int): Page paged(first: Int): [Item] }
  `);
  const cost = (query: string, variables: Record<string, unknown> = {}) => {
    const doc = parse(query);
    const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    return measureCost(listSchema, op, fragments, variables);
  };

  it('counts an unpaged list by the default list size, and a scalar list as one field', () => {
    expect(cost('{ item { id name tags } }')).toBe(4);
    expect(cost('{ items { id } }')).toBe(1 + DEFAULT_LIST_SIZE);
    expect(cost('{ items { id children { id } } }')).toBe(1 + DEFAULT_LIST_SIZE * (1 + 1 + DEFAULT_LIST_SIZE));
  });

  it('counts a paged list by its page size, from a literal or a variable', () => {
    expect(cost('{ paged(first: 3) { id name } }')).toBe(1 + 3 * 2);
    expect(cost('query($n: Int) { paged(first: $n) { id name } }', { n: 200 })).toBe(1 + 200 * 2);
    expect(cost('query($n: Int) { paged(first: $n) { id name } }')).toBe(1 + DEFAULT_LIST_SIZE * 2);
  });

  it('hands the page size of a paged object to the lists right below it', () => {
    expect(cost('{ page(limit: 10) { total items { id name } } }')).toBe(1 + 1 + (1 + 10 * 2));
    expect(cost('{ page { items { id } } }')).toBe(1 + (1 + DEFAULT_LIST_SIZE));
  });

  it('counts every aliased copy and expands fragments', () => {
    const one = cost('{ items { id } }');
    expect(cost(`{ ${Array.from({ length: 499 }, (_, i) => `a${i}: items { id }`).join(' ')} }`)).toBe(499 * one);
    expect(cost('{ items { ...F } } fragment F on Item { id name }')).toBe(1 + DEFAULT_LIST_SIZE * 2);
    expect(cost('{ __schema { types { name } } }')).toBe(0);
  });
});
