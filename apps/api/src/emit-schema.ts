/*
 * Writes the api's GraphQL schema to apps/api/schema.graphql (`npm run schema:emit`), the file the admin's types are
 * generated from (`npm run codegen`). Needs no database: the schema comes from the resolvers' decorators.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { printApiSchema, SCHEMA_FILE } from './schema/api-schema';

printApiSchema()
  .then((sdl) => {
    writeFileSync(SCHEMA_FILE, sdl);
    process.stdout.write(`[schema:emit] wrote ${SCHEMA_FILE}\n`);
  })
  .catch((err: unknown) => {
    process.stderr.write(`[schema:emit] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
