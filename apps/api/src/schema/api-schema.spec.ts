import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { printApiSchema, SCHEMA_FILE } from './api-schema';

describe('committed GraphQL schema (apps/api/schema.graphql)', () => {
  it('is exactly what the resolvers produce: run `npm run schema:emit` (then `npm run codegen`) when this fails', async () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    const fromCode = await printApiSchema();
    expect(committed).toBe(fromCode);
  });
});
