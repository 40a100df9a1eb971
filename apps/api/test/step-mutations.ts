/**
 * What the api's schema says about a process's typed step mutations, to hold them against the step catalogue
 * (libs/processes): each takes exactly the catalogue's fields as its `input`, and an optional `idempotencyKey`.
 */
import type { StepDefinition } from '@zorgroute/processes';
import type { GraphQLTestClient } from './graphql-client';

interface TypeRef {
  name: string | null;
  ofType: TypeRef | null;
}

const named = (t: TypeRef): string => (t.ofType ? named(t.ofType) : (t.name as string));

/** Per step: the argument names of its typed mutation and the field names of its input type, both sorted. */
export async function typedStepMutations(gql: GraphQLTestClient, steps: Readonly<Record<string, StepDefinition>>): Promise<Record<string, { args: string[]; input: string[] }>> {
  const { __schema } = await gql.ok<{ __schema: { mutationType: { fields: { name: string; args: { name: string; type: TypeRef }[] }[] } } }>(
    `query { __schema { mutationType { fields { name args { name type { name ofType { name ofType { name } } } } } } } }`,
  );
  const out: Record<string, { args: string[]; input: string[] }> = {};
  for (const step of Object.values(steps)) {
    const mutation = __schema.mutationType.fields.find((f) => f.name === step.mutation);
    const inputArg = mutation?.args.find((a) => a.name === 'input');
    const inputType = inputArg ? named(inputArg.type) : null;
    const { __type } = inputType ? await gql.ok<{ __type: { inputFields: { name: string }[] } }>(`query($n: String!) { __type(name: $n) { inputFields { name } } }`, { n: inputType }) : { __type: { inputFields: [] } };
    out[step.name] = { args: (mutation?.args ?? []).map((a) => a.name).sort(), input: __type.inputFields.map((f) => f.name).sort() };
  }
  return out;
}

/** What `typedStepMutations` should find: `caseId`, `input` and `idempotencyKey`; the catalogue's fields (and names). */
export function expectedStepMutations(steps: Readonly<Record<string, StepDefinition>>): Record<string, { args: string[]; input: string[] }> {
  return Object.fromEntries(
    Object.values(steps).map((s) => [s.name, { args: ['caseId', 'idempotencyKey', 'input'], input: s.fields.map((f) => f.name).sort() }]),
  );
}
