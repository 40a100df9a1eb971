/* Command-line entry: `node libs/domain/dist/migrate.js` runs pending migrations on DATABASE_URL. */
import 'reflect-metadata';
import { migrate, requireDatabaseUrl } from './data-source';

migrate(requireDatabaseUrl())
  .then((names) => {
    process.stdout.write(names.length ? `[migrate] applied: ${names.join(', ')}\n` : '[migrate] schema up to date\n');
  })
  .catch((err: unknown) => {
    process.stderr.write(`[migrate] failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
