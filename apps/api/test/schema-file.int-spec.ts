/**
 * The schema the running api serves is the committed apps/api/schema.graphql (the file the admin's types are generated
 * from). The unit spec src/schema/api-schema.spec.ts proves the file matches the resolvers as printApiSchema builds
 * them without a database; this one proves that builder sees what GraphQLModule serves at start-up.
 */
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { SCHEMA_FILE } from '../src/schema/api-schema';
import { useTestStack } from './test-stack';

const stack = useTestStack({ name: 'schema-file', worker: false, seed: false });

describe('served GraphQL schema', () => {
  it('is exactly the committed apps/api/schema.graphql', () => {
    const served = printSchema(lexicographicSortSchema(stack.app.get(GraphQLSchemaHost).schema));
    const committed = readFileSync(SCHEMA_FILE, 'utf8').replace(/^(#.*\n)+\n/, '');
    expect(`${served}\n`).toBe(committed);
  });
});
