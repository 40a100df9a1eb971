/*
 * Writes a TypeORM migration with the difference between the entities and the database at
 * DATABASE_URL (which must have every existing migration applied):
 *   npm run migration:generate -- AddSomething
 * The new file lands in libs/domain/src/migrations/; add it to MIGRATIONS in migrations/index.ts.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDataSource, requireDatabaseUrl } from '../data-source';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: generate-migration <PascalCaseName>');
  const ds = createDataSource(requireDatabaseUrl());
  await ds.initialize();
  try {
    const log = await ds.driver.createSchemaBuilder().log();
    if (log.upQueries.length === 0) {
      process.stdout.write('no schema changes\n');
      return;
    }
    const ts = Date.now();
    const cls = `${name}${ts}`;
    const q = (s: string) => '    await queryRunner.query(' + JSON.stringify(s) + ');';
    const body = [
      "import type { MigrationInterface, QueryRunner } from 'typeorm';",
      '',
      `export class ${cls} implements MigrationInterface {`,
      `  name = '${cls}';`,
      '',
      '  public async up(queryRunner: QueryRunner): Promise<void> {',
      ...log.upQueries.map((x) => q(x.query)),
      '  }',
      '',
      '  public async down(queryRunner: QueryRunner): Promise<void> {',
      ...log.downQueries.reverse().map((x) => q(x.query)),
      '  }',
      '}',
      '',
    ].join('\n');
    const file = join(__dirname, '..', '..', 'src', 'migrations', `${ts}-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.ts`);
    writeFileSync(file, body);
    process.stdout.write(`wrote ${file}\n`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
