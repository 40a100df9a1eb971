import type { StepDefinition } from '@zorgroute/processes';
import type { GraphQLTestClient } from './graphql-client';

interface TypeRef {
  name: string | null;
  ofType: TypeRef | null;
}
const named = (t: TypeRef): string | null => (t.ofType ? named(t.ofType) : t.name);

/**
 * Per typed step mutation of these catalogue steps: the fields the catalogue declares for its steps (one mutation may
 * take several steps, e.g. the OOV evaluations) and the fields its GraphQL `input` type has, both sorted, read from the
 * running api's schema. The two are equal when the typed mutations accept exactly what the catalogue declares.
 */
export async function typedStepInputs(gql: GraphQLTestClient, steps: readonly StepDefinition[]): Promise<{ mutation: string; catalogue: string[]; api: string[] }[]> {
  const schema = await gql.ok<{ __schema: { mutationType: { fields: { name: string; args: { name: string; type: TypeRef }[] }[] } } }>(
    `{ __schema { mutationType { fields { name args { name type { name ofType { name ofType { name ofType { name } } } } } } } } }`,
  );
  const out: { mutation: string; catalogue: string[]; api: string[] }[] = [];
  for (const mutation of [...new Set(steps.map((s) => s.mutation))]) {
    const catalogue = [...new Set(steps.filter((s) => s.mutation === mutation).flatMap((s) => s.fields.map((f) => f.name)))].sort();
    const arg = schema.__schema.mutationType.fields.find((f) => f.name === mutation)?.args.find((a) => a.name === 'input');
    const typeName = arg ? named(arg.type) : null;
    const type = typeName ? await gql.ok<{ __type: { inputFields: { name: string }[] } }>(`query($n: String!) { __type(name: $n) { inputFields { name } } }`, { n: typeName }) : null;
    out.push({ mutation, catalogue, api: (type?.__type.inputFields ?? []).map((f) => f.name).sort() });
  }
  return out;
}
